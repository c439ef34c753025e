/**
 * `make bench-ld`: link 1, 100 and 1000 generated objects and one 1M-line object with ppc64-ld and
 * GNU ld; print wall times (medians of runs that alternate between the two, whole processes), the
 * ratio and the range of per-run ratios. Inputs are made once with GNU as into build/bench-ld/ and
 * reused.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleIsCurrent } from '../common/launch.js';
import { GNU, findTool, missingTool } from '../common/oracles.js';
import { median } from '../common/stats.js';

const ROOT = resolve(fileURLToPath(import.meta.url), '../../..');
const WORK = join(ROOT, 'build', 'bench-ld');
const GNU_AS = GNU.as;
const GNU_LD = GNU.ld;
/** The command users run (bin/ppc64-ld.js, run as an executable: its first line starts node; it runs the bundle `make build` makes). */
const OUR_LD = join(ROOT, 'bin', 'ppc64-ld.js');

/** One small object: a few functions calling each other and the next object, data pointing at them. */
function smallObject(i: number, n: number): string {
  const next = (i + 1) % n;
  const lines = ['\t.text'];
  for (let f = 0; f < 4; f++) {
    lines.push(`\t.globl fn_${i}_${f}`, `fn_${i}_${f}:`, '\tmflr 0', '\tstd 0, 16(1)', `\tlis 3, data_${i}@ha`, `\taddi 3, 3, data_${i}@l`);
    lines.push(f < 3 ? `\tbl fn_${i}_${f + 1}` : `\tbl fn_${next}_0`, '\tnop', '\tld 0, 16(1)', '\tmtlr 0', '\tblr');
  }
  if (i === 0) lines.push('\t.globl _start', '_start:', '\tbl fn_0_0', '\tb .');
  lines.push('\t.section .rodata', `str_${i}: .asciz "object ${i}"`, '\t.data', '\t.align 3', `\t.globl data_${i}`, `data_${i}:`);
  for (let f = 0; f < 4; f++) lines.push(`\t.quad fn_${i}_${f}`);
  lines.push(`\t.quad str_${i}`, '\t.bss', `\t.space ${16 + (i % 7) * 8}`);
  return lines.join('\n') + '\n';
}

/** About a million lines: blocks of code with branch and address relocations, plus data. */
function bigObject(lines: number): string {
  const out: string[] = ['\t.text', '\t.globl _start', '_start:'];
  const blocks = Math.floor(lines / 6);
  for (let b = 0; b < blocks; b++) {
    out.push(`f${b}:`, `\tlis 3, d${b % 1000}@ha`, `\taddi 3, 3, d${b % 1000}@l`, `\tbl f${(b * 7 + 3) % blocks}`, '\tnop');
  }
  out.push('\tblr', '\t.data', '\t.align 3');
  for (let d = 0; d < 1000; d++) out.push(`d${d}: .quad f${d}`);
  return out.join('\n') + '\n';
}

function assemble(name: string, text: string): string {
  const src = join(WORK, `${name}.s`);
  const obj = join(WORK, `${name}.o`);
  if (!existsSync(obj)) {
    writeFileSync(src, text);
    execFileSync(GNU_AS, ['-a64', '-mbig', '-o', obj, src]);
  }
  return obj;
}

/** Whether two executables load the same bytes (`objcopy -O binary` of each). */
function sameLoadedBytes(a: string, b: string): boolean {
  const flat = (f: string): Buffer => {
    execFileSync(GNU.objcopy, ['-O', 'binary', f, `${f}.bin`]);
    return readFileSync(`${f}.bin`);
  };
  return flat(a).equals(flat(b));
}

/** Wall time of one run in ms. */
function timeOnce(cmd: string, args: string[]): number {
  const t0 = process.hrtime.bigint();
  const p = spawnSync(cmd, args, { stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 1 << 26 });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (p.status !== 0) throw new Error(`${cmd} ${args.slice(0, 3).join(' ')} ... failed: ${p.stderr?.toString() ?? ''}`);
  return ms;
}

/** Median wall time of `runs` runs. */
function timeRun(cmd: string, args: string[], runs: number): number {
  return median(Array.from({ length: runs }, () => timeOnce(cmd, args)));
}

/**
 * GNU ld and ppc64-ld in alternation (one noisy moment then hits both alike): their median wall
 * times and the range of the per-run ratios.
 */
function timePair(gnuArgs: string[], ourArgs: string[], runs: number): { gnu: number; ours: number; low: number; high: number } {
  const gnu: number[] = [];
  const ours: number[] = [];
  for (let r = 0; r < runs; r++) {
    gnu.push(timeOnce(GNU_LD, gnuArgs));
    ours.push(timeOnce(OUR_LD, ourArgs));
  }
  const ratios = ours.map((o, i) => o / gnu[i]!).sort((a, b) => a - b);
  return { gnu: median(gnu), ours: median(ours), low: ratios[0]!, high: ratios[ratios.length - 1]! };
}

export async function main(): Promise<number> {
  for (const tool of [GNU_AS, GNU_LD, GNU.objcopy]) {
    if (findTool(tool) === undefined) {
      process.stderr.write(`bench-ld: ${missingTool(tool)}\n`);
      return 1;
    }
  }
  if (!bundleIsCurrent('ppc64-ld', join(ROOT, 'dist', 'linker', 'cli.js'))) {
    // The launcher would run the unbundled modules: a slower tool than the one users run.
    process.stderr.write('bench-ld: dist/bundle/ppc64-ld.cjs is missing or older than the compiled modules: run `make build` first\n');
    return 1;
  }
  mkdirSync(WORK, { recursive: true });
  process.stdout.write('bench-ld: generating inputs with GNU as (cached in build/bench-ld)...\n');
  const objs: string[] = [];
  for (let i = 0; i < 1000; i++) objs.push(assemble(`obj${i}`, smallObject(i, 1000)));
  // Sets of 1 and 100 objects must close their call chain: regenerate the last object of each set.
  const set1 = [assemble('one0', smallObject(0, 1))];
  const set100 = [...objs.slice(0, 99), assemble('hundred99', smallObject(99, 100))];
  const big = assemble('big1m', bigObject(1_000_000));

  const cases: [string, string[], number][] = [
    ['1 object', set1, 7],
    ['100 objects', set100, 7],
    ['1000 objects', objs, 9],
    ['1 object, 1M lines', [big], 5],
  ];
  const rows: string[] = [];
  let ratio1000 = 0;
  for (const [label, inputs, runs] of cases) {
    const gnuOut = join(WORK, 'gnu.out');
    const ourOut = join(WORK, 'ours.out');
    const { gnu, ours, low, high } = timePair(['-o', gnuOut, ...inputs], ['-o', ourOut, ...inputs], runs);
    const ratio = ours / gnu;
    if (!sameLoadedBytes(gnuOut, ourOut)) throw new Error(`${label}: ppc64-ld's loaded bytes differ from GNU ld's`);
    if (label === '1000 objects') ratio1000 = ratio;
    rows.push(`${label.padEnd(20)} ${gnu.toFixed(1).padStart(10)} ms ${ours.toFixed(1).padStart(10)} ms ${ratio.toFixed(2).padStart(8)}x   (per run ${low.toFixed(2)}..${high.toFixed(2)}x)`);
  }
  process.stdout.write(`${'inputs'.padEnd(20)} ${'GNU ld'.padStart(13)} ${'ppc64-ld'.padStart(13)} ${'ratio'.padStart(9)}   (medians of interleaved runs)\n${rows.join('\n')}\n`);
  process.stdout.write('every link: loaded bytes equal to GNU ld\'s\n');
  const nodeAlone = timeRun('/usr/bin/env', ['-u', 'NODE_EXTRA_CA_CERTS', process.execPath, '-e', '0'], 5);
  process.stdout.write(`node -e 0 alone (what every ppc64-ld run pays before linking): ${nodeAlone.toFixed(1)} ms\n`);
  process.stdout.write(`target: within 1.5x of GNU ld at 1000 objects: ${ratio1000 <= 1.5 ? 'met' : 'NOT met'} (${ratio1000.toFixed(2)}x)\n`);
  return 0;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = await main();
}
