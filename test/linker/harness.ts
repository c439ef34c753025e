/**
 * Differential-test harness: link the same inputs with ppc64-ld (the library) and GNU ld, then
 * compare what a loader sees: the loaded bytes (objcopy -O binary of each), every defined symbol's
 * address, the entry point and the PT_LOAD program headers.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { nodeHost } from '../../common/node-host.js';
import { PT_LOAD, SHN_UNDEF, STT_FILE, STT_SECTION } from '../../elf/constants.js';
import { readElf, readSymbols } from '../../elf/reader.js';
import { link, parseArgs } from '../../linker/index.js';
import { GNU, gnuAssemble, run, tryRun } from './gnu-tools.js';

export const INPUTS = join(import.meta.dirname, 'inputs');

export interface Image {
  path: string;
  loaded: Buffer;
  symbols: Map<string, bigint>;
  entry: bigint;
  eflags: number;
  loads: string[];
}

/** Assemble test/linker/inputs/NAME.s with GNU as into dir; returns the object path. */
export function assembleInput(dir: string, name: string): string {
  return gnuAssemble(dir, name, readFileSync(join(INPUTS, `${name}.s`), 'utf8')).path;
}

export function describeImage(path: string): Image {
  const bytes = new Uint8Array(readFileSync(path));
  const r = readElf(bytes, path);
  if ('error' in r) throw new Error(r.error);
  const syms = readSymbols(r.file, path);
  if ('error' in syms) throw new Error(syms.error);
  const symbols = new Map<string, bigint>();
  for (const s of syms.symbols) {
    if (!s.name || s.type === STT_FILE || s.type === STT_SECTION || s.shndx === SHN_UNDEF) continue;
    symbols.set(s.name, s.value);
  }
  const bin = `${path}.bin`;
  run(GNU.objcopy, ['-O', 'binary', path, bin]);
  const loads = r.file.segments
    .filter((p) => p.type === PT_LOAD)
    .map((p) => `vaddr=0x${p.vaddr.toString(16)} paddr=0x${p.paddr.toString(16)} filesz=0x${p.filesz.toString(16)} memsz=0x${p.memsz.toString(16)} flags=${p.flags}`);
  return { path, loaded: readFileSync(bin), symbols, entry: r.file.entry, eflags: r.file.flags, loads };
}

/** Link with ppc64-ld through the library entry point; throws with the diagnostics on failure. */
export function linkOurs(dir: string, name: string, args: string[]): { path: string; map?: string; warnings: string[] } {
  const out = join(dir, `${name}.ours`);
  const { options, diagnostics } = parseArgs([...args, '-o', out]);
  if (diagnostics.length) throw new Error(diagnostics.map((d) => d.message).join('\n'));
  const r = link(options, nodeHost);
  const errors = r.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length || !r.output) throw new Error(`ppc64-ld failed:\n${r.diagnostics.map((d) => `${d.where ?? ''} ${d.message}`).join('\n')}`);
  writeFileSync(out, r.output);
  return { path: out, ...(r.map !== undefined ? { map: r.map } : {}), warnings: r.diagnostics.map((d) => d.message) };
}

export function linkGnu(dir: string, name: string, args: string[]): string {
  const out = join(dir, `${name}.gnu`);
  const r = tryRun(GNU.ld, ['--no-warn-rwx-segments', ...args, '-o', out]);
  if (r.status !== 0) throw new Error(`GNU ld failed: ${r.stderr}`);
  return out;
}

/** Symbols present in both images with different addresses, and ones only one side defines. */
export function symbolDiff(a: Map<string, bigint>, b: Map<string, bigint>): string[] {
  const out: string[] = [];
  for (const [n, v] of a) {
    const w = b.get(n);
    if (w === undefined) out.push(`${n}: only in GNU (0x${v.toString(16)})`);
    else if (w !== v) out.push(`${n}: GNU 0x${v.toString(16)}, ours 0x${w.toString(16)}`);
  }
  for (const [n, w] of b) if (!a.has(n)) out.push(`${n}: only in ours (0x${w.toString(16)})`);
  return out;
}
