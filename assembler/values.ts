/**
 * How a known value becomes the bits of a field: the @-modifiers that compute a 16-bit
 * half from a value (others always need the linker), the pattern a folded half takes in a
 * signed field, and gas's truncation rule for data items. Shared by the statements (values
 * known at once) and the fixups (values known at the end).
 */
import * as bits from '../common/bits.js';
import type { Modifier } from './expr.js';
import type { OperandInfo } from '../isa/types.js';

const FOLD: Partial<Record<Modifier, (v: bigint) => bigint>> = {
  l: bits.lo, h: bits.hi, ha: bits.ha, high: bits.high, higha: bits.higha,
  higher: bits.higher, highera: bits.highera, highest: bits.highest, highesta: bits.highesta,
};

/** The field value `v@modifier`, or undefined when the modifier needs the linker (@toc, @got, ...). */
export function foldModifier(modifier: Modifier, v: bigint): bigint | undefined {
  const fn = FOLD[modifier];
  return fn ? fn(v) : undefined;
}

/** Whether the modifier computes its field from a known value. */
export function folds(modifier: Modifier): boolean {
  return FOLD[modifier] !== undefined;
}

/** A folded @l/@h/... half goes into a signed field as its 16-bit pattern (0x8000 → -32768). */
export function fieldPattern(info: OperandInfo, half: bigint): bigint {
  return info.min < 0n && half > info.max ? half - 0x10000n : half;
}

/**
 * The message gas gives when storing `v` in `size` bytes loses significant bits (the high
 * part is neither all zeros nor all ones), or undefined when nothing is lost.
 */
export function truncationWarning(v: bigint, size: number): string | undefined {
  if (size >= 8) return undefined;
  const mask = (1n << BigInt(size * 8)) - 1n;
  const high = BigInt.asUintN(64, v) & ~mask;
  if (high === 0n || high === BigInt.asUintN(64, ~mask)) return undefined;
  return `value 0x${BigInt.asUintN(64, v).toString(16)} truncated to 0x${(v & mask).toString(16)}`;
}

/**
 * BigInt(n) for an integer n, shared for the small values that fill most operand fields
 * (registers, offsets, 16-bit immediates): V8 allocates every BigInt, and a million-line input
 * would otherwise make one per operand. A BigInt is immutable, so sharing is safe.
 */
const SMALL_MIN = -32768;
const SMALL_MAX = 65535;
// Filled in advance with undefined so V8 keeps a flat array (a sparse one becomes a dictionary).
const smallBigInts = new Array<bigint | undefined>(SMALL_MAX - SMALL_MIN + 1).fill(undefined);

export function smallBigInt(n: number): bigint {
  if (n < SMALL_MIN || n > SMALL_MAX) return BigInt(n);
  const i = n - SMALL_MIN;
  return (smallBigInts[i] ??= BigInt(n));
}
