/**
 * Load an image the way qemu's `-M pseries -kernel IMAGE.elf` does under VOF
 * (pseries-platform.md §2, and probes run on qemu 7.2):
 *  - only the program headers matter; each PT_LOAD goes to 0x400000 + (p_paddr & 0x0fffffff),
 *    bytes beyond p_filesz are zero;
 *  - e_entry is ignored: execution starts at the lowest loaded address;
 *  - the CPU starts in 32-bit real mode (MSR = 0) with the registers VOF leaves behind.
 */
import { PT_LOAD, readElf } from '../elf/index.js';
import type { Machine } from './machine.js';
import { writeBytes } from './memory.js';
import { CR, CTR, LR, PC, set64 } from './state.js';

export const KERNEL_ADDR = 0x400000;

export interface LoadedImage {
  entry: number;
  /** Real address ranges written, for tools. */
  segments: { addr: number; size: number }[];
  /** What qemu prints on stderr while loading (e.g. the kernel_addr warning). */
  warnings: string[];
}

/** Parse and check an image without touching a machine. */
export function planLoad(bytes: Uint8Array, fileName: string, ramSize: number): { plan: { addr: number; data: Uint8Array; memsz: number }[]; entry: number; warnings: string[] } | { error: string } {
  // As qemu's loader reads it: only what a loader needs (a damaged section table or header size
  // field does not stop qemu from booting an image, so it must not stop us).
  const r = readElf(bytes, fileName, { loader: true });
  if ('error' in r) return { error: r.error };
  const loads = r.file.segments.filter((s) => s.type === PT_LOAD && s.memsz > 0n);
  if (loads.length === 0) return { error: `${fileName}: no loadable (PT_LOAD) segment` };
  const plan: { addr: number; data: Uint8Array; memsz: number }[] = [];
  for (const s of loads) {
    if (s.filesz > s.memsz) return { error: `${fileName}: PT_LOAD segment with p_filesz 0x${s.filesz.toString(16)} > p_memsz 0x${s.memsz.toString(16)}` };
    if (s.offset + s.filesz > BigInt(bytes.length)) return { error: `${fileName}: PT_LOAD segment extends beyond the end of the file` };
    const addr = KERNEL_ADDR + Number(s.paddr & 0x0fffffffn);
    if (BigInt(addr) + s.memsz > BigInt(ramSize)) {
      return { error: `${fileName}: segment at 0x${addr.toString(16)} (0x${s.memsz.toString(16)} bytes) does not fit in ${ramSize >> 20} MiB of RAM` };
    }
    const data = bytes.subarray(Number(s.offset), Number(s.offset + s.filesz));
    plan.push({ addr, data, memsz: Number(s.memsz) });
  }
  const entry = Math.min(...plan.map((p) => p.addr));
  const warnings = entry !== KERNEL_ADDR ? [`warning: spapr: kernel_addr changed from 0x${KERNEL_ADDR.toString(16)} to 0x${entry.toString(16)}`] : [];
  return { plan, entry, warnings };
}

/**
 * Registers at the first instruction under VOF, measured with a probe image on qemu 7.2
 * (r8, r9, r11 and CTR hold the entry address; the rest is VOF's leftovers).
 */
export function setEntryState(m: Machine, entry: number): void {
  const st = m.st;
  const gpr: [number, bigint][] = [
    [0, 0x7b4n],
    [1, 0xff60n],
    [2, 0x8c00n],
    [5, 0x10cn],
    [6, 0x1114n],
    [7, 0xd58n],
    [8, BigInt(entry)],
    [9, BigInt(entry)],
    [11, BigInt(entry)],
    [30, 0x8d6cn],
    [31, 0xff60n],
  ];
  for (const [r, v] of gpr) set64(st, r, v);
  m.S[CR] = 0x20000000;
  set64(st, LR, 0x1b4n);
  set64(st, CTR, BigInt(entry));
  set64(st, PC, BigInt(entry));
}

export function loadImage(m: Machine, bytes: Uint8Array, fileName: string): LoadedImage | { error: string } {
  const p = planLoad(bytes, fileName, m.mem.ramSize);
  if ('error' in p) return p;
  for (const seg of p.plan) {
    writeBytes(m.mem, seg.addr, seg.data);
    m.mem.u8.fill(0, seg.addr + seg.data.length, seg.addr + seg.memsz);
  }
  setEntryState(m, p.entry);
  return { entry: p.entry, segments: p.plan.map((s) => ({ addr: s.addr, size: s.memsz })), warnings: p.warnings };
}
