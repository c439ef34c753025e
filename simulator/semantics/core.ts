/**
 * What every semantics function gets, and the helpers the families share.
 *
 * A semantics function is a *factory*: given the decoded fields of one instruction at one word
 * slot, it returns the closure (an Op, see machine.ts) that executes it. Field extraction, sign
 * extension, scaling and every decision that depends only on the instruction word happen once,
 * in the factory; the closure does only the data work. Record (Rc=1) forms are wrapped
 * generically by `record`.
 */
import type { Machine, Op } from '../machine.js';
import { COUNT_SHIFT } from '../machine.js';
import type { Translators } from '../xlate.js';
import { CR, M_SF, XER_SO } from '../state.js';

export interface Insn {
  /** isa row id (ISA book base mnemonic). */
  readonly id: string;
  /** Raw field values of the base row, by ISA field name. */
  readonly f: Readonly<Record<string, number>>;
  readonly rc: boolean;
  readonly oe: boolean;
  readonly word: number;
}

export interface Core extends Translators {
  readonly m: Machine;
  readonly H: Int32Array;
  readonly L: Int32Array;
  readonly S: Int32Array;
  readonly dv: DataView;
  readonly u8: Uint8Array;
  /** Memory.codeFlag: stores into flagged pages must call `wrote`. */
  readonly cf: Uint8Array;
  readonly wrote: (pa: number, size: number) => void;
  /** Scratch for multi-value helpers (no allocation in the hot loop). */
  readonly T: Int32Array;
}

/** idx is the op's word slot in its code page (its PC is PAGE + 4*idx). */
export type Factory = (c: Core, i: Insn, idx: number) => Op;

/** What an op returns to continue at `slot` after executing one instruction (see machine.ts). */
export const cont = (slot: number): number => (1 << COUNT_SHIFT) | slot;

export const sext16 = (v: number): number => (v << 16) >> 16;
export const sext14 = (v: number): number => (v << 18) >> 18;
export const sext24 = (v: number): number => (v << 8) >> 8;

/** A field the isa row must provide; a missing one is a table/semantics mismatch (an internal bug). */
export function fld(i: Insn, name: string): number {
  const v = i.f[name];
  if (v === undefined) throw new Error(`simulator: isa row '${i.id}' has no field ${name}`);
  return v;
}

/** Branch and system fields the row fixes: read from the word when the row does not report them. */
export const bitLK = (i: Insn): number => i.f['LK'] ?? i.word & 1;
export const bitAA = (i: Insn): number => i.f['AA'] ?? (i.word >>> 1) & 1;

/**
 * CR0 from a result (Book I §3.3.8): in 64-bit mode the sign/zero of the 64-bit value, in 32-bit
 * mode of its low word; SO is copied from XER.
 */
export function setCr0(S: Int32Array, h: number, l: number): void {
  let v: number;
  if (S[M_SF] !== 0) v = h < 0 ? 8 : (h | l) !== 0 ? 4 : 2;
  else v = l < 0 ? 8 : l !== 0 ? 4 : 2;
  S[CR] = (S[CR]! & 0x0fffffff) | ((v | S[XER_SO]!) << 28);
}

/** Wrap an op so that, when the row is a record form, CR0 is set from register `dst` afterwards. */
export function record(c: Core, i: Insn, dst: number, op: Op): Op {
  if (!i.rc) return op;
  const { H, L, S } = c;
  return () => {
    const r = op();
    setCr0(S, H[dst]!, L[dst]!);
    return r;
  };
}

/** Set CR field `bf` (0..7) to the 4-bit value `v`. */
export function setCrField(S: Int32Array, bf: number, v: number): void {
  const sh = 28 - 4 * bf;
  S[CR] = (S[CR]! & ~(0xf << sh)) | (v << sh);
}

/** High 32 bits of the unsigned 64-bit product of two 32-bit words. */
export function umulh32(a: number, b: number): number {
  const a0 = a & 0xffff;
  const a1 = a >>> 16;
  const b0 = b & 0xffff;
  const b1 = b >>> 16;
  const p01 = a0 * b1;
  const p10 = a1 * b0;
  const mid = ((a0 * b0) >>> 16) + (p01 & 0xffff) + (p10 & 0xffff);
  return (a1 * b1 + (p01 >>> 16) + (p10 >>> 16) + (mid >>> 16)) | 0;
}

/** High 32 bits of the signed 64-bit product. */
export function smulh32(a: number, b: number): number {
  let h = umulh32(a, b);
  if (a < 0) h = (h - b) | 0;
  if (b < 0) h = (h - a) | 0;
  return h;
}

export const big64 = (h: number, l: number): bigint => (BigInt(h >>> 0) << 32n) | BigInt(l >>> 0);
export const sbig64 = (h: number, l: number): bigint => (BigInt(h) << 32n) | BigInt(l >>> 0);

/** Store a bigint (any sign; the low 64 bits are kept) into register slot r. */
export function put64(H: Int32Array, L: Int32Array, r: number, v: bigint): void {
  H[r] = Number(BigInt.asIntN(32, v >> 32n));
  L[r] = Number(BigInt.asIntN(32, v));
}
