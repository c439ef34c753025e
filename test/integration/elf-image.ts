/**
 * Test helper: what a loader sees in an ELF64 big-endian image — its PT_LOAD segments
 * placed at their physical addresses (qemu's pseries loader goes by p_paddr), bss zero
 * filled. Two images with equal memory images load identically, however their segments
 * are split. Deliberately independent of the project's own elf/ reader.
 */
import { readFileSync } from 'node:fs';

export interface LoadedRange {
  readonly paddr: bigint;
  readonly vaddr: bigint;
  readonly memsz: bigint;
  readonly filesz: bigint;
}

export interface MemoryImage {
  readonly base: bigint;
  readonly bytes: Buffer;
  readonly ranges: readonly LoadedRange[];
}

const PT_LOAD = 1;

export function loadImage(path: string): MemoryImage {
  const f = readFileSync(path);
  if (f.length < 64 || f.readUInt32BE(0) !== 0x7f454c46) throw new Error(`${path}: not an ELF file`);
  if (f[4] !== 2 || f[5] !== 2) throw new Error(`${path}: not ELF64 big-endian`);
  const phoff = Number(f.readBigUInt64BE(0x20));
  const phentsize = f.readUInt16BE(0x36);
  const phnum = f.readUInt16BE(0x38);
  const segs: { r: LoadedRange; offset: number }[] = [];
  for (let i = 0; i < phnum; i++) {
    const p = phoff + i * phentsize;
    if (f.readUInt32BE(p) !== PT_LOAD) continue;
    const r = {
      vaddr: f.readBigUInt64BE(p + 16),
      paddr: f.readBigUInt64BE(p + 24),
      filesz: f.readBigUInt64BE(p + 32),
      memsz: f.readBigUInt64BE(p + 40),
    };
    if (r.memsz > 0n) segs.push({ r, offset: Number(f.readBigUInt64BE(p + 8)) });
  }
  if (segs.length === 0) throw new Error(`${path}: no PT_LOAD segment`);
  segs.sort((a, b) => (a.r.paddr < b.r.paddr ? -1 : 1));
  const base = segs[0]!.r.paddr;
  const end = segs.reduce((m, s) => (s.r.paddr + s.r.memsz > m ? s.r.paddr + s.r.memsz : m), 0n);
  if (end - base > 64n << 20n) throw new Error(`${path}: loaded span too large`);
  const bytes = Buffer.alloc(Number(end - base));
  for (const s of segs) {
    f.copy(bytes, Number(s.r.paddr - base), s.offset, s.offset + Number(s.r.filesz));
  }
  return { base, bytes, ranges: segs.map((s) => s.r) };
}

/** Loaded address ranges with adjacent ones merged (segment splits do not matter to a loader). */
export function coalescedRanges(img: MemoryImage): { start: bigint; end: bigint }[] {
  const out: { start: bigint; end: bigint }[] = [];
  for (const r of img.ranges) {
    const last = out[out.length - 1];
    if (last && r.paddr <= last.end) last.end = r.paddr + r.memsz > last.end ? r.paddr + r.memsz : last.end;
    else out.push({ start: r.paddr, end: r.paddr + r.memsz });
  }
  return out;
}

/** Offset of the first differing byte, or -1. */
export function firstDifference(a: Buffer, b: Buffer): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return i;
  return a.length === b.length ? -1 : n;
}
