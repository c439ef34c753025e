/**
 * The PowerPC @-modifiers as pure functions on 64-bit values, shared by the assembler
 * (folding resolved fixups) and the linker (applying relocations).
 * All inputs and outputs are BigInt; results are the 16-bit field value (0..0xffff).
 */

const M16 = 0xffffn;
const M64 = (1n << 64n) - 1n;

export const lo = (v: bigint): bigint => v & M16;
export const hi = (v: bigint): bigint => (v >> 16n) & M16;
/** "ha": high half adjusted for the sign of the low half (so that (ha << 16) + signed(lo) == v). */
export const ha = (v: bigint): bigint => ((v + 0x8000n) >> 16n) & M16;
export const high = hi;
export const higha = ha;
export const higher = (v: bigint): bigint => (v >> 32n) & M16;
export const highera = (v: bigint): bigint => ((v + 0x8000n) >> 32n) & M16;
export const highest = (v: bigint): bigint => (v >> 48n) & M16;
export const highesta = (v: bigint): bigint => ((v + 0x8000n) >> 48n) & M16;

/** Reduce to an unsigned 64-bit value. */
export const u64 = (v: bigint): bigint => v & M64;
/** Reinterpret the low 64 bits as signed. */
export const s64 = (v: bigint): bigint => BigInt.asIntN(64, v);
/** Sign-extend the low `bits` bits of v. */
export const sext = (v: bigint, bits: number): bigint => BigInt.asIntN(bits, v);

export const fitsSigned = (v: bigint, bits: number): boolean => v >= -(1n << BigInt(bits - 1)) && v < 1n << BigInt(bits - 1);
export const fitsUnsigned = (v: bigint, bits: number): boolean => v >= 0n && v < 1n << BigInt(bits);

export function hex(v: bigint | number): string {
  const b = BigInt(v);
  return b < 0n ? `-0x${(-b).toString(16)}` : `0x${b.toString(16)}`;
}
