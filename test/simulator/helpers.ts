/**
 * Helpers for the simulator's tests: build bare-metal images from test/simulator/inputs with the
 * GNU tools, run them under qemu (the oracle) and under ppc64-sim, and compare.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { GNU, requireTool, run, scratch } from '../helpers/oracles.js';
import { runQemu } from '../../scripts/qemu-run.js';
import { simulate, type SimOptions, type SimResult } from '../../simulator/index.js';
import { translateWords, type AccessKind, type Mmu } from '../../simulator/mmu.js';

export const INPUTS = join(dirname(fileURLToPath(import.meta.url)), 'inputs');

/** Everything qemu needs to be present; throws naming scripts/setup-deps.sh otherwise. */
export function requireOracles(): void {
  requireTool(GNU.as);
  requireTool(GNU.ld);
  requireTool(GNU.qemu);
}

function assemble(src: string, out: string): void {
  const r = run(GNU.as, ['-a64', '-mpower9', '-mregnames', '-I', INPUTS, '-o', out, src]);
  if (r.status !== 0) throw new Error(`GNU as failed on ${src}:\n${r.stderr}`);
}

/**
 * Build an image from test sources on the shared runtime (rt.s + rt.ld): `sources` are file
 * names in inputs/ or { name, text } for generated code. Returns the ELF bytes.
 */
export function buildRtImage(sources: (string | { name: string; text: string })[]): Uint8Array {
  const s = scratch('ppc64-sim-test-');
  try {
    const objs: string[] = [];
    assemble(join(INPUTS, 'rt.s'), s.file('rt.o'));
    objs.push(s.file('rt.o'));
    sources.forEach((src, k) => {
      let path: string;
      if (typeof src === 'string') path = join(INPUTS, src);
      else {
        path = s.file(src.name);
        writeFileSync(path, src.text);
      }
      const obj = s.file(`t${k}.o`);
      assemble(path, obj);
      objs.push(obj);
    });
    const elf = s.file('image.elf');
    const r = run(GNU.ld, ['--no-warn-rwx-segments', '-T', join(INPUTS, 'rt.ld'), '-o', elf, ...objs]);
    if (r.status !== 0) throw new Error(`GNU ld failed:\n${r.stderr}`);
    return readFileSync(elf);
  } finally {
    s.cleanup();
  }
}

/** Build a raw image (no runtime) linked with text at `textAddr`. */
export function buildRawImage(source: string, textAddr = 0): Uint8Array {
  const s = scratch('ppc64-sim-test-');
  try {
    assemble(join(INPUTS, source), s.file('x.o'));
    const elf = s.file('image.elf');
    const r = run(GNU.ld, ['--no-warn-rwx-segments', `-Ttext=0x${textAddr.toString(16)}`, '-e', '0', '-o', elf, s.file('x.o')]);
    if (r.status !== 0) throw new Error(`GNU ld failed:\n${r.stderr}`);
    return readFileSync(elf);
  } finally {
    s.cleanup();
  }
}

export type SimRun = SimResult & { text: string; stderr: string[] };

export interface BothRuns {
  qemu: { console: string; status: number | null; stderr: string };
  /** The simulator with a block compiled at the first entry of every slot (jitThreshold 1). */
  sim: SimRun;
  /** The simulator with every instruction run as a single op (jit: false). */
  simNoJit: SimRun;
}

function simRun(image: Uint8Array, options: SimOptions): SimRun {
  const stderr: string[] = [];
  const r = simulate(image, { maxInsns: 2e9, onStderr: (l) => stderr.push(l), ...options });
  return { ...r, text: Buffer.from(r.console).toString('latin1'), stderr };
}

/** Run an image under qemu (-icount shift=0) and under the simulator, with and without blocks. */
export async function runBoth(image: Uint8Array, simOptions: SimOptions = {}, timeoutMs = 60_000): Promise<BothRuns> {
  requireOracles();
  const s = scratch('ppc64-sim-run-');
  try {
    const path = s.file('image.elf');
    writeFileSync(path, image);
    const q = await runQemu(path, { timeoutMs });
    if (q.verdict === 'error' || q.verdict === 'timeout') {
      throw new Error(`qemu run failed (${q.problem ?? q.verdict}); stderr:\n${q.stderr}`);
    }
    return {
      qemu: { console: q.console, status: q.status, stderr: q.stderr },
      sim: simRun(image, { jitThreshold: 1, ...simOptions }),
      simNoJit: simRun(image, { ...simOptions, jit: false }),
    };
  } finally {
    s.cleanup();
  }
}

/** Lines of a console transcript, CRLF normalised. */
export const lines = (text: string): string[] => text.replace(/\r\n/g, '\n').split('\n');

/** First differing line, for readable failures. */
export function firstDifference(expected: string, actual: string): string | undefined {
  const a = lines(expected);
  const b = lines(actual);
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if (a[i] !== b[i]) return `line ${i + 1}:\n  qemu: ${JSON.stringify(a[i])}\n  sim:  ${JSON.stringify(b[i])}`;
  }
  return undefined;
}

export { readFileSync };

/** mmu.ts translateWords() of a 64-bit EA (the tests write EAs as bigints). */
export const translate64 = (m: Mmu, ea: bigint, kind: AccessKind, pr: boolean): number =>
  translateWords(m, Number((ea >> 32n) & 0xffffffffn) | 0, Number(ea & 0xffffffffn) | 0, kind, pr);
