/**
 * The PowerPC @-modifiers as pure functions on 64-bit values, shared by the assembler
 * (folding resolved fixups) and the linker (applying relocations).
 * All inputs and outputs are BigInt; results are the 16-bit field value (0..0xffff).
 */

const M16 = 0xffffn;

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
