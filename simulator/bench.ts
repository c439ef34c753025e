/**
 * `make bench-sim`: speed of ppc64-sim against qemu-system-ppc64 (a benchmark, not a test).
 *
 *  1. A compute-heavy bare-metal image (table-driven CRC-32, ~10^8 instructions; source in
 *     test/simulator/inputs/bench-crc.s, built here with the GNU tools) run by the simulator
 *     in-process and by qemu with and without `-icount shift=0`. Each run prints START and END;
 *     the time between the two lines and the instruction count between them (counted by the
 *     simulator; the program is deterministic, so qemu executes the same instructions) give MIPS.
 *  2. The trampoline image end to end: `bin/ppc64-sim.js IMAGE` as a process against
 *     qemu's boot-and-run, median of several runs, plus simulate() in-process (cold and warm).
 *
 * usage: node dist/simulator/bench.js [--runs N] [--kvm IMAGE] [--keep DIR]
 */
import { execa } from 'execa';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleIsCurrent } from '../common/launch.js';
import { GNU, findTool, missingTool } from '../common/oracles.js';
import { qemuCommand } from '../scripts/qemu-run.js';
import { createMachine, simulate } from './index.js';
import { loadImage } from './loader.js';
import { createCore, run } from './step.js';
import { median } from '../common/stats.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const INPUTS = join(ROOT, 'test', 'simulator', 'inputs');

async function buildBenchImage(dir: string): Promise<string> {
  const as = ['-a64', '-mpower9', '-mregnames', '-I', INPUTS];
  await execa(GNU.as, [...as, '-o', join(dir, 'rt.o'), join(INPUTS, 'rt.s')]);
  await execa(GNU.as, [...as, '-o', join(dir, 'bench.o'), join(INPUTS, 'bench-crc.s')]);
  const elf = join(dir, 'bench-crc.elf');
  await execa(GNU.ld, ['--no-warn-rwx-segments', '-T', join(INPUTS, 'rt.ld'), '-o', elf, join(dir, 'rt.o'), join(dir, 'bench.o')]);
  return elf;
}

interface Span {
  /** ms between the START and END lines. */
  ms: number;
  /** Instructions between them (simulator only). */
  insns: number;
}

/** The simulator in-process; console lines timestamped, instruction counts read at each line. */
function simSpan(image: Uint8Array, jit = true): Span & { total: number } {
  const m = createMachine(512 << 20, {});
  let text = '';
  let t0 = 0;
  let n0 = 0;
  let span: Span | undefined;
  m.hooks.console = (b) => {
    text += Buffer.from(b).toString('latin1');
    if (t0 === 0 && text.includes('START')) {
      t0 = performance.now();
      n0 = m.time.icount;
    }
    if (span === undefined && t0 !== 0 && text.includes('END')) span = { ms: performance.now() - t0, insns: m.time.icount - n0 };
  };
  const loaded = loadImage(m, image, 'bench-crc.elf');
  if ('error' in loaded) throw new Error(loaded.error);
  run(m, createCore(m), new Map(), { maxInsns: 1e10, injections: [], jit });
  if (span === undefined) throw new Error(`the bench image did not print START/END:\n${text}`);
  return { ...span, total: m.time.icount };
}

/** qemu: wall time between the START and END lines on its stdout. */
async function qemuSpan(elf: string, icount: boolean): Promise<number> {
  const [qemu, ...args] = qemuCommand(elf, { icount });
  const sub = execa(qemu!, args, { reject: false, timeout: 120_000, buffer: false, stdin: 'ignore' });
  let text = '';
  let t0 = 0;
  let t1 = 0;
  sub.stdout?.on('data', (chunk: Uint8Array) => {
    text += Buffer.from(chunk).toString('latin1');
    const now = performance.now();
    if (t0 === 0 && text.includes('START')) t0 = now;
    if (t1 === 0 && text.includes('END')) t1 = now;
  });
  const r = await sub;
  if (t0 === 0 || t1 === 0) throw new Error(`qemu did not print START/END (exit ${r.exitCode}):\n${text}`);
  return t1 - t0;
}

async function wallOf(cmd: string, args: string[]): Promise<number> {
  const t = performance.now();
  const r = await execa(cmd, args, { reject: false, timeout: 120_000, stdin: 'ignore' });
  const ms = performance.now() - t;
  if (r.exitCode !== 0) throw new Error(`${cmd} ${args.join(' ')} exited with ${r.exitCode}:\n${r.stderr}`);
  return ms;
}

export async function main(argv: readonly string[]): Promise<number> {
  let runs = 5;
  let kvm = join(ROOT, 'build', 'gnu', 'kvm-trampoline.elf');
  let keep: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--runs') runs = Math.max(1, Number(argv[++i]));
    else if (argv[i] === '--kvm') kvm = argv[++i]!;
    else if (argv[i] === '--keep') keep = argv[++i]!;
    else {
      process.stderr.write(`bench-sim: unknown argument '${argv[i]}'\n`);
      return 2;
    }
  }
  if (!bundleIsCurrent('ppc64-sim', join(ROOT, 'dist', 'simulator', 'cli.js'))) {
    // The launcher would run the unbundled modules: a slower tool than the one users run.
    process.stderr.write('bench-sim: dist/bundle/ppc64-sim.cjs is missing or older than the compiled modules: run `make build` first\n');
    return 1;
  }
  for (const tool of [GNU.as, GNU.ld, GNU.qemu]) {
    if (findTool(tool) === undefined) {
      process.stderr.write(`bench-sim: ${missingTool(tool)}\n`);
      return 1;
    }
  }
  const dir = keep ?? mkdtempSync(join(tmpdir(), 'bench-sim-'));
  mkdirSync(dir, { recursive: true });
  try {
    const out = (s: string): void => void process.stdout.write(s + '\n');
    const elf = await buildBenchImage(dir);
    const image = readFileSync(elf);

    out(`== compute loop (${elf.replace(ROOT + '/', '')}: table-driven CRC-32), median of ${runs}`);
    const sims: Span[] = [];
    for (let i = 0; i < runs; i++) sims.push(simSpan(image));
    const insns = sims[0]!.insns;
    const simMs = median(sims.map((s) => s.ms));
    const qIcount: number[] = [];
    const qFree: number[] = [];
    for (let i = 0; i < runs; i++) {
      qIcount.push(await qemuSpan(elf, true));
      qFree.push(await qemuSpan(elf, false));
    }
    const mips = (ms: number): number => insns / ms / 1000;
    const row = (name: string, ms: number): string => `  ${name.padEnd(34)} ${ms.toFixed(1).padStart(8)} ms  ${mips(ms).toFixed(0).padStart(6)} MIPS`;
    out(`  instructions between START and END: ${insns}`);
    out(row('ppc64-sim (in-process)', simMs));
    out(row('ppc64-sim, no compiled blocks (1 run)', simSpan(image, false).ms));
    out(row('qemu-system-ppc64 -icount shift=0', median(qIcount)));
    out(row('qemu-system-ppc64 (no icount)', median(qFree)));
    out(`  ratio sim / qemu -icount: ${(median(qIcount) / simMs).toFixed(2)}x   sim / qemu: ${(median(qFree) / simMs).toFixed(2)}x`);

    out(`== trampoline image end to end (${kvm.replace(ROOT + '/', '')}), median of ${runs}`);
    let kvmImage: Uint8Array;
    try {
      kvmImage = readFileSync(kvm);
    } catch {
      out(`  (no image at ${kvm}: build it with \`make gnu-image\`)`);
      return 1;
    }
    const cli = join(ROOT, 'bin', 'ppc64-sim.js');
    const simProc: number[] = [];
    const qProc: number[] = [];
    const nodeProc: number[] = [];
    for (let i = 0; i < runs; i++) {
      nodeProc.push(await wallOf('/usr/bin/env', ['-u', 'NODE_EXTRA_CA_CERTS', process.execPath, '-e', '0']));
      simProc.push(await wallOf(cli, [kvm]));
      const [qemu, ...args] = qemuCommand(kvm, { icount: true });
      qProc.push(await wallOf(qemu!, args));
    }
    const t0 = performance.now();
    const cold = simulate(kvmImage);
    const coldMs = performance.now() - t0;
    const warm: number[] = [];
    for (let i = 0; i < runs; i++) {
      const t = performance.now();
      simulate(kvmImage);
      warm.push(performance.now() - t);
    }
    out(`  instructions: ${cold.icount}, exit status ${cold.exitStatus}`);
    out(`  ppc64-sim process (bin/ppc64-sim.js)       ${median(simProc).toFixed(1).padStart(7)} ms`);
    out(`  qemu-system-ppc64 -icount shift=0 process  ${median(qProc).toFixed(1).padStart(7)} ms`);
    out(`  ratio sim / qemu: ${(median(simProc) / median(qProc)).toFixed(2)}x (target: below 1); node -e 0 alone, the floor of any Node tool: ${median(nodeProc).toFixed(1)} ms`);
    out(`  simulate() in-process: first call ${coldMs.toFixed(1)} ms (this process had decoded the CRC image already), warm ${median(warm).toFixed(1)} ms`);
    return 0;
  } catch (e) {
    process.stderr.write(`bench-sim: ${e instanceof Error ? e.message : String(e)}\n`);
    return 1;
  } finally {
    if (keep === undefined) rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = await main(process.argv.slice(2));
}
