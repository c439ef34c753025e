/**
 * One input section's RELA entries, read in place from the object's bytes. A link touches every
 * relocation several times (scan, GOT, gc, apply); decoding them into an object per entry with two
 * bigints made those passes allocation-bound, so entries are read through a DataView on demand
 * (the accessors are small enough for V8 to inline). Offsets and addends come back as numbers,
 * exact whenever they are below 2^53 in magnitude (always, for real code); the *Big accessors give
 * the exact 64-bit values for the rare rest and for messages.
 */
import { RELA_SIZE } from '../elf/constants.js';

/** 2^32, for joining 64-bit words. */
const W = 4294967296;
/** A 64-bit word whose high 32 bits are within ±2^21 is a safe integer (|v| < 2^53). */
const SAFE_HI = 0x200000;

export interface RelocTable {
  readonly count: number;
  /** A view of the object's bytes (shared by its tables) and where this table starts in it. */
  readonly dv: DataView;
  readonly base: number;
}

export const EMPTY_RELOCS: RelocTable = { count: 0, dv: new DataView(new ArrayBuffer(0)), base: 0 };

/**
 * Check a RELA table of `size` bytes at `base` in `dv` (size, and every r_sym against
 * `symbolCount`; the error names the first bad entry, as the ELF library's decoder does) and wrap it.
 */
export function relocTable(dv: DataView, base: number, size: number, symbolCount: number): RelocTable | { error: string } {
  if (size % RELA_SIZE !== 0) return { error: `relocation section size ${size} is not a multiple of ${RELA_SIZE}` };
  const count = size / RELA_SIZE;
  for (let i = 0; i < count; i++) {
    const s = dv.getUint32(base + i * RELA_SIZE + 8);
    if (s >= symbolCount) return { error: `relocation ${i} refers to symbol ${s}, but the symbol table has ${symbolCount} entries` };
  }
  return { count, dv, base };
}

export const relType = (t: RelocTable, i: number): number => t.dv.getUint32(t.base + i * RELA_SIZE + 12);
export const relSym = (t: RelocTable, i: number): number => t.dv.getUint32(t.base + i * RELA_SIZE + 8);

/**
 * r_offset as a number: exact below 2^53. A larger one is never inside a section, so the decode
 * pass reports it (exactly, with offsetBig) and the link stops before anything uses it.
 */
export function relOffset(t: RelocTable, i: number): number {
  const at = t.base + i * RELA_SIZE;
  const hi = t.dv.getUint32(at);
  // (The high word is nearly always 0: skip the double arithmetic, which the baseline tier boxes.)
  return hi === 0 ? t.dv.getUint32(at + 4) : hi * W + t.dv.getUint32(at + 4);
}

/** r_addend as a number, or NaN when it is not exact in a double (use addendBig). */
export function relAddend(t: RelocTable, i: number): number {
  const at = t.base + i * RELA_SIZE + 16;
  const hi = t.dv.getInt32(at);
  // Small addends (high word 0, or -1 with a negative low word) are the low word itself.
  if (hi === 0) return t.dv.getUint32(at + 4);
  if (hi === -1) {
    const lo = t.dv.getInt32(at + 4);
    if (lo < 0) return lo;
  }
  return hi < SAFE_HI && hi >= -SAFE_HI ? hi * W + t.dv.getUint32(at + 4) : NaN;
}

export const offsetBig = (t: RelocTable, i: number): bigint => t.dv.getBigUint64(t.base + i * RELA_SIZE);
export const addendBig = (t: RelocTable, i: number): bigint => t.dv.getBigInt64(t.base + i * RELA_SIZE + 16);
