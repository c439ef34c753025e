/**
 * PowerPC64 relocations: `classify` maps an R_PPC64_* type to how its value is computed (generic
 * code in relocations.ts does the computing) and which field it patches; `apply` patches the field
 * with the range and alignment checks of the 64-bit PowerPC ELF ABI. Nothing else lives here.
 */
import { ha, hi, higher, highera, highest, highesta, lo } from '../../common/bits.js';
import * as R from '../../elf/constants.js';

/** How the relocated value is computed (S = symbol, A = addend, P = place, TOC = TOC pointer). */
export type RelExpr =
  | 'none' // no-op marker relocations
  | 'abs' // S + A
  | 'pc' // S + A - P
  | 'toc' // S + A - TOC
  | 'tocbase' // TOC + A
  | 'got'; // address of the GOT entry for S + A, minus TOC

/** The bits patched: a 64/32/16-bit datum, an instruction's 16-bit field, or a branch field. */
export type Field = 'w64' | 'w32' | 'half16' | 'half16ds' | 'br24' | 'br14';
export type Adjust = 'none' | 'lo' | 'hi' | 'ha' | 'higher' | 'highera' | 'highest' | 'highesta';
/** Overflow check on the value before adjustment: none, signed N bits, or "bitfield" (signed or unsigned N bits). */
export type Check = 'none' | 'signed' | 'bitfield';

export interface RelocHowto {
  expr: RelExpr;
  field: Field;
  adjust: Adjust;
  check: Check;
  /** Width of the checked value in bits (26 for a 24-bit branch field of a byte displacement). */
  bits: number;
  /** Branch prediction from the relocation type (_BRTAKEN / _BRNTAKEN). */
  hint?: 'taken' | 'not-taken';
  /** Allowed [min, max] of the value, precomputed from check/bits/adjust. */
  range?: readonly [bigint, bigint];
  /** The same range as numbers (all ranges are within ±2^33); ±Infinity when unchecked. */
  min: number;
  max: number;
}

function h(expr: RelExpr, field: Field, adjust: Adjust, check: Check, bits: number, hint?: RelocHowto['hint']): RelocHowto {
  const how: RelocHowto = { expr, field, adjust, check, bits, min: -Infinity, max: Infinity };
  if (hint) how.hint = hint;
  if (check !== 'none') {
    how.range = rangeOf(check, bits, adjust);
    how.min = Number(how.range[0]);
    how.max = Number(how.range[1]);
  }
  return how;
}

/** The relocations ppc64-ld implements; every other type is reported as unsupported. */
const HOWTO = new Map<number, RelocHowto>([
  [R.R_PPC64_NONE, h('none', 'w32', 'none', 'none', 0)],
  [R.R_PPC64_TOCSAVE, h('none', 'w32', 'none', 'none', 0)],
  [R.R_PPC64_ENTRY, h('none', 'w32', 'none', 'none', 0)],
  [R.R_PPC64_ADDR64, h('abs', 'w64', 'none', 'none', 64)],
  [R.R_PPC64_UADDR64, h('abs', 'w64', 'none', 'none', 64)],
  [R.R_PPC64_ADDR32, h('abs', 'w32', 'none', 'bitfield', 32)],
  [R.R_PPC64_UADDR32, h('abs', 'w32', 'none', 'bitfield', 32)],
  [R.R_PPC64_ADDR24, h('abs', 'br24', 'none', 'bitfield', 26)],
  [R.R_PPC64_ADDR16, h('abs', 'half16', 'none', 'bitfield', 16)],
  [R.R_PPC64_UADDR16, h('abs', 'half16', 'none', 'bitfield', 16)],
  [R.R_PPC64_ADDR16_LO, h('abs', 'half16', 'lo', 'none', 16)],
  [R.R_PPC64_ADDR16_HI, h('abs', 'half16', 'hi', 'signed', 32)],
  [R.R_PPC64_ADDR16_HA, h('abs', 'half16', 'ha', 'signed', 32)],
  [R.R_PPC64_ADDR16_HIGH, h('abs', 'half16', 'hi', 'none', 0)],
  [R.R_PPC64_ADDR16_HIGHA, h('abs', 'half16', 'ha', 'none', 0)],
  [R.R_PPC64_ADDR16_HIGHER, h('abs', 'half16', 'higher', 'none', 0)],
  [R.R_PPC64_ADDR16_HIGHERA, h('abs', 'half16', 'highera', 'none', 0)],
  [R.R_PPC64_ADDR16_HIGHEST, h('abs', 'half16', 'highest', 'none', 0)],
  [R.R_PPC64_ADDR16_HIGHESTA, h('abs', 'half16', 'highesta', 'none', 0)],
  [R.R_PPC64_ADDR16_DS, h('abs', 'half16ds', 'none', 'signed', 16)],
  [R.R_PPC64_ADDR16_LO_DS, h('abs', 'half16ds', 'lo', 'none', 16)],
  [R.R_PPC64_ADDR14, h('abs', 'br14', 'none', 'bitfield', 16)],
  [R.R_PPC64_ADDR14_BRTAKEN, h('abs', 'br14', 'none', 'bitfield', 16, 'taken')],
  [R.R_PPC64_ADDR14_BRNTAKEN, h('abs', 'br14', 'none', 'bitfield', 16, 'not-taken')],
  [R.R_PPC64_REL24, h('pc', 'br24', 'none', 'signed', 26)],
  [R.R_PPC64_REL24_NOTOC, h('pc', 'br24', 'none', 'signed', 26)],
  [R.R_PPC64_REL14, h('pc', 'br14', 'none', 'signed', 16)],
  [R.R_PPC64_REL14_BRTAKEN, h('pc', 'br14', 'none', 'signed', 16, 'taken')],
  [R.R_PPC64_REL14_BRNTAKEN, h('pc', 'br14', 'none', 'signed', 16, 'not-taken')],
  [R.R_PPC64_REL32, h('pc', 'w32', 'none', 'signed', 32)],
  [R.R_PPC64_REL64, h('pc', 'w64', 'none', 'none', 64)],
  [R.R_PPC64_REL16, h('pc', 'half16', 'none', 'signed', 16)],
  [R.R_PPC64_REL16_LO, h('pc', 'half16', 'lo', 'none', 16)],
  [R.R_PPC64_REL16_HI, h('pc', 'half16', 'hi', 'signed', 32)],
  [R.R_PPC64_REL16_HA, h('pc', 'half16', 'ha', 'signed', 32)],
  [R.R_PPC64_REL16_HIGH, h('pc', 'half16', 'hi', 'none', 0)],
  [R.R_PPC64_REL16_HIGHA, h('pc', 'half16', 'ha', 'none', 0)],
  [R.R_PPC64_REL16_HIGHER, h('pc', 'half16', 'higher', 'none', 0)],
  [R.R_PPC64_REL16_HIGHERA, h('pc', 'half16', 'highera', 'none', 0)],
  [R.R_PPC64_REL16_HIGHEST, h('pc', 'half16', 'highest', 'none', 0)],
  [R.R_PPC64_REL16_HIGHESTA, h('pc', 'half16', 'highesta', 'none', 0)],
  [R.R_PPC64_TOC16, h('toc', 'half16', 'none', 'signed', 16)],
  [R.R_PPC64_TOC16_LO, h('toc', 'half16', 'lo', 'none', 16)],
  [R.R_PPC64_TOC16_HI, h('toc', 'half16', 'hi', 'signed', 32)],
  [R.R_PPC64_TOC16_HA, h('toc', 'half16', 'ha', 'signed', 32)],
  [R.R_PPC64_TOC16_DS, h('toc', 'half16ds', 'none', 'signed', 16)],
  [R.R_PPC64_TOC16_LO_DS, h('toc', 'half16ds', 'lo', 'none', 16)],
  [R.R_PPC64_TOC, h('tocbase', 'w64', 'none', 'none', 64)],
  [R.R_PPC64_GOT16, h('got', 'half16', 'none', 'signed', 16)],
  [R.R_PPC64_GOT16_LO, h('got', 'half16', 'lo', 'none', 16)],
  [R.R_PPC64_GOT16_HI, h('got', 'half16', 'hi', 'signed', 32)],
  [R.R_PPC64_GOT16_HA, h('got', 'half16', 'ha', 'signed', 32)],
  [R.R_PPC64_GOT16_DS, h('got', 'half16ds', 'none', 'signed', 16)],
  [R.R_PPC64_GOT16_LO_DS, h('got', 'half16ds', 'lo', 'none', 16)],
]);

/** Dense lookup by type number (all ppc64 types are below 256). */
const HOWTO_BY_TYPE: (RelocHowto | undefined)[] = [];
for (const [t, how] of HOWTO) HOWTO_BY_TYPE[t] = how;

export function classify(type: number): RelocHowto | undefined {
  return HOWTO_BY_TYPE[type];
}

/** Bytes a field occupies at the relocation offset. */
export function fieldSize(f: Field): number {
  return f === 'w64' ? 8 : f === 'half16' || f === 'half16ds' ? 2 : 4;
}

const ADJUST: Record<Adjust, (v: bigint) => bigint> = {
  none: (v) => v, lo, hi, ha, higher, highera, highest, highesta,
};

const hex = (v: bigint): string => (v < 0n ? `-0x${(-v).toString(16)}` : `0x${v.toString(16)}`);

function rangeOf(check: Check, bits: number, adjust: Adjust): [bigint, bigint] {
  const B = BigInt(bits);
  if (check === 'bitfield') return [-(1n << (B - 1n)), (1n << B) - 1n];
  // @ha checks the value with the low half's carry added, as the instruction pair computes it.
  const lo = -(1n << (B - 1n)) - (adjust === 'ha' ? 0x8000n : 0n);
  const hi = (1n << (B - 1n)) - 1n - (adjust === 'ha' ? 0x8000n : 0n);
  return [lo, hi];
}

/**
 * Patch `value` into the bytes `dv` views, at `at`, as `how` says. Returns an error message (without the site) or
 * undefined. `value` may be any bigint; it is interpreted as a 64-bit two's-complement quantity.
 */
export function apply(dv: DataView, at: number, how: RelocHowto, value: bigint, type: number): string | undefined {
  if (how.expr === 'none') return undefined;
  const typeName = R.relocName(type);
  const v = BigInt.asIntN(64, value);
  if (how.range) {
    const [min, max] = how.range;
    if (v < min || v > max) {
      const shown = how.field === 'br24' || how.field === 'br14' ? `${hex(v)} is not in [${hex(min)}, ${hex(max & ~3n)}]` : `${hex(v)} is not in [${hex(min)}, ${hex(max)}]`;
      return `relocation ${typeName} out of range: ${shown}`;
    }
  }
  const field = how.adjust === 'none' ? v : ADJUST[how.adjust](v);
  switch (how.field) {
    case 'w64':
      dv.setBigUint64(at, BigInt.asUintN(64, v));
      return undefined;
    case 'w32':
      dv.setUint32(at, Number(BigInt.asUintN(32, v)));
      return undefined;
    case 'half16':
      dv.setUint16(at, Number(field & 0xffffn));
      return undefined;
    case 'half16ds': {
      const old = dv.getUint16(at);
      // DQ-form loads/stores (lq; lxv/stxv and friends) need 16-byte multiples: the low 4 bits are opcode bits.
      const insn = at >= 2 ? dv.getUint32(at - 2) : 0;
      const dq = isDqForm(insn);
      const mask = dq ? 0xfn : 3n;
      if ((field & mask) !== 0n) return `improper alignment for relocation ${typeName}: ${hex(v)} is not aligned to ${dq ? 16 : 4} bytes`;
      dv.setUint16(at, Number(field & 0xfffcn) | (old & 3));
      return undefined;
    }
    case 'br24': {
      if ((v & 3n) !== 0n) return `improper alignment for relocation ${typeName}: ${hex(v)} is not aligned to 4 bytes`;
      const insn = dv.getUint32(at);
      dv.setUint32(at, ((insn & ~0x03fffffc) | Number(BigInt.asUintN(32, v) & 0x03fffffcn)) >>> 0);
      return undefined;
    }
    case 'br14': {
      if ((v & 3n) !== 0n) return `improper alignment for relocation ${typeName}: ${hex(v)} is not aligned to 4 bytes`;
      let insn = dv.getUint32(at);
      insn = (insn & ~0xfffc) | Number(BigInt.asUintN(32, v) & 0xfffcn);
      if (how.hint) insn = setBranchHint(insn, how.hint);
      dv.setUint32(at, insn >>> 0);
      return undefined;
    }
  }
}

/** 2^16, 2^32 and 2^48: the @h, @higher and @highest shifts as exact divisions. */
const P16 = 65536;
const P32 = 4294967296;
const P48 = 281474976710656;

/**
 * `apply` for a value that is a safe integer of magnitude below 2^53 − 2^15 (the link's common
 * case), in number arithmetic: no bigint is allocated. Bitwise operators see a number modulo 2^32
 * (ToInt32), which is exactly the low bits of the 64-bit two's-complement value, and a division by
 * a power of two followed by floor is the arithmetic shift. Returns false, having written nothing,
 * when a range or alignment check fails: the caller then runs `apply` for the message.
 */
export function applyFast(dv: DataView, at: number, how: RelocHowto, v: number): boolean {
  if (v < how.min || v > how.max) return false;
  switch (how.field) {
    case 'w64': {
      const hi = v >= 0 && v < P32 ? 0 : Math.floor(v / P32);
      dv.setUint32(at, hi >>> 0);
      dv.setUint32(at + 4, v - hi * P32);
      return true;
    }
    case 'w32':
      dv.setUint32(at, v >>> 0);
      return true;
    case 'half16':
      dv.setUint16(at, adjustFast(how.adjust, v) & 0xffff);
      return true;
    case 'half16ds': {
      const field = adjustFast(how.adjust, v);
      const insn = at >= 2 ? dv.getUint32(at - 2) : 0;
      if ((field & (isDqForm(insn) ? 0xf : 3)) !== 0) return false;
      dv.setUint16(at, (field & 0xfffc) | (dv.getUint16(at) & 3));
      return true;
    }
    case 'br24': {
      if ((v & 3) !== 0) return false;
      const insn = dv.getUint32(at);
      dv.setUint32(at, ((insn & ~0x03fffffc) | (v & 0x03fffffc)) >>> 0);
      return true;
    }
    case 'br14': {
      if ((v & 3) !== 0) return false;
      let insn = dv.getUint32(at);
      insn = (insn & ~0xfffc) | (v & 0xfffc);
      if (how.hint) insn = setBranchHint(insn, how.hint);
      dv.setUint32(at, insn >>> 0);
      return true;
    }
  }
}

/** The @-adjustment of a number; only its low 16 bits are used (callers mask). */
function adjustFast(adjust: Adjust, v: number): number {
  // (For 32-bit values the shifts are exact and skip the floating-point division.)
  const int32 = (v | 0) === v && v < 0x7fff8000;
  switch (adjust) {
    case 'none':
    case 'lo':
      return v;
    case 'hi':
      return int32 ? v >> 16 : Math.floor(v / P16);
    case 'ha':
      return int32 ? (v + 0x8000) >> 16 : Math.floor((v + 0x8000) / P16);
    case 'higher':
      return Math.floor(v / P32);
    case 'highera':
      return Math.floor((v + 0x8000) / P32);
    case 'highest':
      return Math.floor(v / P48);
    case 'highesta':
      return Math.floor((v + 0x8000) / P48);
  }
}

/**
 * Power ISA 2.x static prediction: BO = 001at/011at (branch on a CR bit) keeps "a" at BO bit 0x2,
 * BO = 1a00t/1a01t (branch on CTR) at 0x8; "t" is 0x1. a=1 says a hint is given, t says taken.
 */
function setBranchHint(insn: number, hint: 'taken' | 'not-taken'): number {
  const BO_SHIFT = 21;
  let x = insn & ~(0x01 << BO_SHIFT);
  if ((x & (0x14 << BO_SHIFT)) === 0x04 << BO_SHIFT) x |= 0x02 << BO_SHIFT;
  else if ((x & (0x14 << BO_SHIFT)) === 0x10 << BO_SHIFT) x |= 0x08 << BO_SHIFT;
  else return insn; // "branch always": no hint bits to set
  if (hint === 'taken') x |= 0x01 << BO_SHIFT;
  return x;
}

/** DQ-form: lq (PO 56), and PO 61 with XO(29:31)=1 (lxv) or 5 (stxv). */
function isDqForm(insn: number): boolean {
  const po = insn >>> 26;
  if (po === 56) return true;
  if (po === 61) {
    const xo = insn & 7;
    return xo === 1 || xo === 5;
  }
  return false;
}
