/**
 * Fixed-point arithmetic (Power ISA v3.0B Book I §3.3.9): add/subtract with carry and overflow,
 * multiply, divide, and the POWER9 modulo instructions.
 *
 * 64-bit values are (high, low) int32 pairs. Carries come from comparing the unsigned sum of two
 * words against 2^32 (the sum of two uint32 and a carry is exact in a double).
 * In 32-bit mode (MSR[SF]=0) CA and OV describe the low word (CA32/OV32), as the ISA specifies.
 */
import type { Op } from '../machine.js';
import { M_SF, XER_CA, XER_CA32, XER_OV, XER_OV32, XER_SO } from '../state.js';
import type { Core, Factory, Insn } from './core.js';
import { big64, fld, put64, record, sbig64, sext16, smulh32, umulh32, cont } from './core.js';

type Src = 'a' | 'nota';
type Second = 'b' | 'zero' | 'ones';
type CarryIn = 0 | 1 | 'ca';

/**
 * The XO-form add/subtract family: RT = x + y + cin, x = RA or ~RA, y = RB, 0 or -1.
 * `setsCa` is the "carrying" property (addc, adde, subfc, ...).
 */
function addFamily(src: Src, second: Second, cin: CarryIn, setsCa: boolean): Factory {
  return (c, i, idx) => {
    const { H, L, S } = c;
    const rt = fld(i, 'RT');
    const ra = fld(i, 'RA');
    const rb = second === 'b' ? fld(i, 'RB') : 0;
    const next = cont(idx + 1);
    const oe = i.oe;
    const invert = src === 'nota' ? -1 : 0;
    // The common `add`/`subf` without CA or OE: keep it to the bare arithmetic.
    if (!setsCa && !oe && second === 'b' && cin !== 'ca') {
      const k = cin;
      return record(c, i, rt, () => {
        const xl = L[ra]! ^ invert;
        const xh = H[ra]! ^ invert;
        const sl = (xl >>> 0) + (L[rb]! >>> 0) + k;
        L[rt] = sl;
        H[rt] = (xh + H[rb]! + (sl > 0xffffffff ? 1 : 0)) | 0;
        return next;
      });
    }
    const op: Op = () => {
      const xl = L[ra]! ^ invert;
      const xh = H[ra]! ^ invert;
      const yl = second === 'b' ? L[rb]! : second === 'zero' ? 0 : -1;
      const yh = second === 'b' ? H[rb]! : second === 'zero' ? 0 : -1;
      const k = cin === 'ca' ? S[XER_CA]! : cin;
      const sl = (xl >>> 0) + (yl >>> 0) + k;
      const c32 = sl > 0xffffffff ? 1 : 0;
      const sh = (xh >>> 0) + (yh >>> 0) + c32;
      const rl = sl | 0;
      const rh = sh | 0;
      L[rt] = rl;
      H[rt] = rh;
      const sf = S[M_SF]!;
      if (setsCa) {
        S[XER_CA32] = c32;
        S[XER_CA] = sf ? (sh > 0xffffffff ? 1 : 0) : c32;
      }
      if (oe) {
        const ov32 = ((xl ^ rl) & (yl ^ rl)) < 0 ? 1 : 0;
        const ov = sf ? (((xh ^ rh) & (yh ^ rh)) < 0 ? 1 : 0) : ov32;
        S[XER_OV32] = ov32;
        S[XER_OV] = ov;
        S[XER_SO] |= ov;
      }
      return next;
    };
    return record(c, i, rt, op);
  };
}

/** Set OV/OV32 (and SO) after an OE=1 multiply or divide. */
function setOv(S: Int32Array, ov: number, ov32: number): void {
  const v = S[M_SF] ? ov : ov32;
  S[XER_OV] = v;
  S[XER_OV32] = ov32;
  S[XER_SO] |= v;
}

/** addi/addis: RT = (RA|0) + SI [<< 16]. */
function addImmediate(shift: number): Factory {
  return (c, i, idx) => {
    const { H, L } = c;
    const rt = fld(i, 'RT');
    const ra = fld(i, 'RA');
    const imm = shift ? sext16(fld(i, 'SI')) * 65536 : sext16(fld(i, 'SI'));
    const il = imm | 0;
    const ih = imm < 0 ? -1 : 0;
    const next = cont(idx + 1);
    if (ra === 0) {
      return () => {
        L[rt] = il;
        H[rt] = ih;
        return next;
      };
    }
    const iu = il >>> 0;
    return () => {
      const sl = (L[ra]! >>> 0) + iu;
      L[rt] = sl;
      H[rt] = (H[ra]! + ih + (sl > 0xffffffff ? 1 : 0)) | 0;
      return next;
    };
  };
}

/** addic, addic., subfic: carrying adds of an immediate. */
function addImmediateCarrying(negate: boolean, rc: boolean): Factory {
  return (c, i, idx) => {
    const { H, L, S } = c;
    const rt = fld(i, 'RT');
    const ra = fld(i, 'RA');
    const imm = sext16(fld(i, 'SI'));
    const yl = imm >>> 0;
    const yh = imm < 0 ? 0xffffffff : 0;
    const invert = negate ? -1 : 0;
    const k = negate ? 1 : 0;
    const next = cont(idx + 1);
    const op: Op = () => {
      const sl = ((L[ra]! ^ invert) >>> 0) + yl + k;
      const c32 = sl > 0xffffffff ? 1 : 0;
      const sh = ((H[ra]! ^ invert) >>> 0) + yh + c32;
      L[rt] = sl;
      H[rt] = sh | 0;
      S[XER_CA32] = c32;
      S[XER_CA] = S[M_SF] ? (sh > 0xffffffff ? 1 : 0) : c32;
      return next;
    };
    return record(c, { ...i, rc }, rt, op);
  };
}

const mulli: Factory = (c, i, idx) => {
  const { H, L } = c;
  const rt = fld(i, 'RT');
  const ra = fld(i, 'RA');
  const bl = sext16(fld(i, 'SI'));
  const bh = bl < 0 ? -1 : 0;
  const next = cont(idx + 1);
  return () => {
    const al = L[ra]!;
    const ah = H[ra]!;
    H[rt] = (umulh32(al, bl) + Math.imul(ah, bl) + Math.imul(al, bh)) | 0;
    L[rt] = Math.imul(al, bl);
    return next;
  };
};

const mulld: Factory = (c, i, idx) => {
  const { H, L, S } = c;
  const rt = fld(i, 'RT');
  const ra = fld(i, 'RA');
  const rb = fld(i, 'RB');
  const next = cont(idx + 1);
  const oe = i.oe;
  return record(c, i, rt, () => {
    const al = L[ra]!;
    const ah = H[ra]!;
    const bl = L[rb]!;
    const bh = H[rb]!;
    if (oe) {
      // mulldo: OV32 is set to the same value as OV (Power ISA v3.0; matches qemu).
      const p = sbig64(ah, al) * sbig64(bh, bl);
      const ov = p !== BigInt.asIntN(64, p) ? 1 : 0;
      setOv(S, ov, ov);
    }
    H[rt] = (umulh32(al, bl) + Math.imul(ah, bl) + Math.imul(al, bh)) | 0;
    L[rt] = Math.imul(al, bl);
    return next;
  });
};

const mullw: Factory = (c, i, idx) => {
  const { H, L, S } = c;
  const rt = fld(i, 'RT');
  const ra = fld(i, 'RA');
  const rb = fld(i, 'RB');
  const next = cont(idx + 1);
  const oe = i.oe;
  return record(c, i, rt, () => {
    const a = L[ra]!;
    const b = L[rb]!;
    const lo = Math.imul(a, b);
    const hi = smulh32(a, b);
    if (oe) {
      const ov = hi !== lo >> 31 ? 1 : 0;
      S[XER_OV] = ov;
      S[XER_OV32] = ov;
      S[XER_SO] |= ov;
    }
    L[rt] = lo;
    H[rt] = hi;
    return next;
  });
};

/** mulhw/mulhwu: the high word of the 64-bit product in RT's low word; RT's high word is
 * undefined by the ISA and 0 on qemu (measured). */
function mulhw(signed: boolean): Factory {
  return (c, i, idx) => {
    const { H, L } = c;
    const rt = fld(i, 'RT');
    const ra = fld(i, 'RA');
    const rb = fld(i, 'RB');
    const next = cont(idx + 1);
    return record(c, i, rt, () => {
      const hi = signed ? smulh32(L[ra]!, L[rb]!) : umulh32(L[ra]!, L[rb]!);
      L[rt] = hi;
      H[rt] = 0;
      return next;
    });
  };
}

function mulhd(signed: boolean): Factory {
  return (c, i, idx) => {
    const { H, L } = c;
    const rt = fld(i, 'RT');
    const ra = fld(i, 'RA');
    const rb = fld(i, 'RB');
    const next = cont(idx + 1);
    return record(c, i, rt, () => {
      const a = signed ? sbig64(H[ra]!, L[ra]!) : big64(H[ra]!, L[ra]!);
      const b = signed ? sbig64(H[rb]!, L[rb]!) : big64(H[rb]!, L[rb]!);
      put64(H, L, rt, (a * b) >> 64n);
      return next;
    });
  };
}

/**
 * Division. The ISA leaves RT undefined for division by zero and for the signed overflow case
 * (-2^n / -1). qemu 7.2 (measured) then divides by 1 for divw/divwu/divd/divdu (RT = the
 * dividend) and yields 0 for the modulo instructions; the extended divides (divwe, divde, ...)
 * give an implementation-specific value that is not modelled (0 here). Word divisions put the
 * quotient in the low word and 0 in the high word, except modsw and divwe, which sign-extend.
 */
function divide(width: 32 | 64, signed: boolean, extended: boolean, modulo: boolean): Factory {
  return (c, i, idx) => {
    const { H, L, S } = c;
    const rt = fld(i, 'RT');
    const ra = fld(i, 'RA');
    const rb = fld(i, 'RB');
    const next = cont(idx + 1);
    const oe = i.oe;
    const bits = BigInt(width);
    return record(c, i, rt, () => {
      let a: bigint;
      let b: bigint;
      if (width === 32) {
        a = signed ? BigInt(L[ra]!) : BigInt(L[ra]! >>> 0);
        b = signed ? BigInt(L[rb]!) : BigInt(L[rb]! >>> 0);
      } else {
        a = signed ? sbig64(H[ra]!, L[ra]!) : big64(H[ra]!, L[ra]!);
        b = signed ? sbig64(H[rb]!, L[rb]!) : big64(H[rb]!, L[rb]!);
      }
      if (extended) a <<= bits;
      let q = 0n;
      let ov = b === 0n;
      if (!ov) {
        q = modulo ? a % b : a / b;
        const fits = signed ? q === BigInt.asIntN(width, q) : q === BigInt.asUintN(width, q);
        if (!fits) ov = true;
      }
      if (ov) q = extended || modulo ? 0n : a;
      if (width === 32) {
        L[rt] = Number(BigInt.asIntN(32, q));
        // qemu sign-extends modsw and divwe results; the other word results are zero-extended.
        H[rt] = (modulo || extended) && signed ? L[rt]! >> 31 : 0;
      } else {
        put64(H, L, rt, q);
      }
      if (oe) {
        const o = ov ? 1 : 0;
        S[XER_OV] = o;
        S[XER_OV32] = o;
        S[XER_SO] |= o;
      }
      return next;
    });
  };
}

export const ARITH: Readonly<Record<string, Factory>> = {
  addi: addImmediate(0),
  addis: addImmediate(16),
  addic: addImmediateCarrying(false, false),
  'addic.': addImmediateCarrying(false, true),
  subfic: addImmediateCarrying(true, false),
  mulli,
  add: addFamily('a', 'b', 0, false),
  addc: addFamily('a', 'b', 0, true),
  adde: addFamily('a', 'b', 'ca', true),
  addme: addFamily('a', 'ones', 'ca', true),
  addze: addFamily('a', 'zero', 'ca', true),
  subf: addFamily('nota', 'b', 1, false),
  subfc: addFamily('nota', 'b', 1, true),
  subfe: addFamily('nota', 'b', 'ca', true),
  subfme: addFamily('nota', 'ones', 'ca', true),
  subfze: addFamily('nota', 'zero', 'ca', true),
  neg: addFamily('nota', 'zero', 1, false),
  mullw,
  mulld,
  mulhw: mulhw(true),
  mulhwu: mulhw(false),
  mulhd: mulhd(true),
  mulhdu: mulhd(false),
  divw: divide(32, true, false, false),
  divwu: divide(32, false, false, false),
  divd: divide(64, true, false, false),
  divdu: divide(64, false, false, false),
  divwe: divide(32, true, true, false),
  divweu: divide(32, false, true, false),
  divde: divide(64, true, true, false),
  divdeu: divide(64, false, true, false),
  modsw: divide(32, true, false, true),
  moduw: divide(32, false, false, true),
  modsd: divide(64, true, false, true),
  modud: divide(64, false, false, true),
};

export type { Insn };
