/**
 * Compare, trap, isel/setb (Book I §3.3.10, §3.3.11, §3.3.12) and the condition-register
 * instructions (Book I §2.5): CR logical ops, mcrf, mfcr/mfocrf, mtcrf/mtocrf, mcrxrx.
 */
import { deliver, SRR1_PROG_TRAP, VEC_PROGRAM } from '../interrupts.js';
import { EXIT } from '../machine.js';
import { CR, XER_CA, XER_CA32, XER_OV, XER_OV32, XER_SO } from '../state.js';
import { slotPc } from '../xlate.js';
import type { Factory } from './core.js';
import { fld, setCrField, sext16, cont } from './core.js';

/** Signed or unsigned comparison of two 64-bit pairs: -1, 0, 1. */
function cmp64(ah: number, al: number, bh: number, bl: number, signed: boolean): number {
  if (ah !== bh) return signed ? (ah < bh ? -1 : 1) : ah >>> 0 < bh >>> 0 ? -1 : 1;
  if (al !== bl) return al >>> 0 < bl >>> 0 ? -1 : 1;
  return 0;
}

const cmpResultBits = (r: number): number => (r < 0 ? 8 : r > 0 ? 4 : 2);

/** cmp/cmpl (register) and cmpi/cmpli (immediate); L=1 compares doublewords, L=0 words. */
function compare(signed: boolean, immediate: boolean): Factory {
  return (c, i, idx) => {
    const { H, L, S } = c;
    const bf = fld(i, 'BF');
    const l = fld(i, 'L');
    const ra = fld(i, 'RA');
    const rb = immediate ? 0 : fld(i, 'RB');
    const imm = immediate ? (signed ? sext16(fld(i, 'SI')) : fld(i, 'UI') & 0xffff) : 0;
    const ih = imm < 0 ? -1 : 0;
    const next = cont(idx + 1);
    const sh = 28 - 4 * bf;
    const keep = ~(0xf << sh);
    if (l === 0) {
      return () => {
        const a = L[ra]!;
        const b = immediate ? imm : L[rb]!;
        const r = signed ? (a < b ? 8 : a > b ? 4 : 2) : a >>> 0 < b >>> 0 ? 8 : a >>> 0 > b >>> 0 ? 4 : 2;
        S[CR] = (S[CR]! & keep) | ((r | S[XER_SO]!) << sh);
        return next;
      };
    }
    return () => {
      const r = immediate ? cmp64(H[ra]!, L[ra]!, ih, imm, signed) : cmp64(H[ra]!, L[ra]!, H[rb]!, L[rb]!, signed);
      S[CR] = (S[CR]! & keep) | ((cmpResultBits(r) | S[XER_SO]!) << sh);
      return next;
    };
  };
}

/** tw/twi (word) and td/tdi (doubleword): program interrupt with SRR1 bit 46 when TO matches. */
function trap(double: boolean, immediate: boolean): Factory {
  return (c, i, idx) => {
    const { H, L, m } = c;
    const to = fld(i, 'TO');
    const ra = fld(i, 'RA');
    const rb = immediate ? 0 : fld(i, 'RB');
    const imm = immediate ? sext16(fld(i, 'SI')) : 0;
    const ih = imm < 0 ? -1 : 0;
    const next = cont(idx + 1);
    return () => {
      let s: number;
      let u: number;
      if (double) {
        const bh = immediate ? ih : H[rb]!;
        const bl = immediate ? imm : L[rb]!;
        s = cmp64(H[ra]!, L[ra]!, bh, bl, true);
        u = cmp64(H[ra]!, L[ra]!, bh, bl, false);
      } else {
        const a = L[ra]!;
        const b = immediate ? imm : L[rb]!;
        s = a < b ? -1 : a > b ? 1 : 0;
        u = a >>> 0 < b >>> 0 ? -1 : a >>> 0 > b >>> 0 ? 1 : 0;
      }
      const hit =
        ((to & 16) !== 0 && s < 0) ||
        ((to & 8) !== 0 && s > 0) ||
        ((to & 4) !== 0 && s === 0) ||
        ((to & 2) !== 0 && u < 0) ||
        ((to & 1) !== 0 && u > 0);
      if (!hit) return next;
      deliver(m, VEC_PROGRAM, slotPc(m, idx), SRR1_PROG_TRAP);
      return EXIT;
    };
  };
}

/** isel RT,RA|0,RB,BC: RT = CR[BC] ? (RA|0) : RB. */
const isel: Factory = (c, i, idx) => {
  const { H, L, S } = c;
  const rt = fld(i, 'RT');
  const ra = fld(i, 'RA');
  const rb = fld(i, 'RB');
  const bc = fld(i, 'BC');
  const next = cont(idx + 1);
  return () => {
    if (((S[CR]! >>> (31 - bc)) & 1) !== 0) {
      L[rt] = ra === 0 ? 0 : L[ra]!;
      H[rt] = ra === 0 ? 0 : H[ra]!;
    } else {
      L[rt] = L[rb]!;
      H[rt] = H[rb]!;
    }
    return next;
  };
};

/** setb RT,BFA: -1 if LT, else 1 if GT, else 0 (POWER9). */
const setb: Factory = (c, i, idx) => {
  const { H, L, S } = c;
  const rt = fld(i, 'RT');
  const bfa = fld(i, 'BFA');
  const next = cont(idx + 1);
  return () => {
    const f = (S[CR]! >>> (28 - 4 * bfa)) & 0xf;
    const v = f & 8 ? -1 : f & 4 ? 1 : 0;
    L[rt] = v;
    H[rt] = v >> 31;
    return next;
  };
};

/** The eight CR logical instructions: CR[BT] = fn(CR[BA], CR[BB]). */
function crLogical(fn: (a: number, b: number) => number): Factory {
  return (c, i, idx) => {
    const { S } = c;
    const bt = fld(i, 'BT');
    const ba = fld(i, 'BA');
    const bb = fld(i, 'BB');
    const next = cont(idx + 1);
    const tMask = 1 << (31 - bt);
    return () => {
      const cr = S[CR]!;
      const v = fn((cr >>> (31 - ba)) & 1, (cr >>> (31 - bb)) & 1) & 1;
      S[CR] = v ? cr | tMask : cr & ~tMask;
      return next;
    };
  };
}

const mcrf: Factory = (c, i, idx) => {
  const { S } = c;
  const bf = fld(i, 'BF');
  const bfa = fld(i, 'BFA');
  const next = cont(idx + 1);
  return () => {
    setCrField(S, bf, (S[CR]! >>> (28 - 4 * bfa)) & 0xf);
    return next;
  };
};

/** mcrxrx BF: CR field = OV || OV32 || CA || CA32 (POWER9). */
const mcrxrx: Factory = (c, i, idx) => {
  const { S } = c;
  const bf = fld(i, 'BF');
  const next = cont(idx + 1);
  return () => {
    setCrField(S, bf, (S[XER_OV]! << 3) | (S[XER_OV32]! << 2) | (S[XER_CA]! << 1) | S[XER_CA32]!);
    return next;
  };
};

/** Byte mask of the CR fields named by FXM (bit 7-k of FXM selects field k). */
function fxmMask(fxm: number): number {
  let mask = 0;
  for (let k = 0; k < 8; k++) if (fxm & (0x80 >> k)) mask |= 0xf << (28 - 4 * k);
  return mask;
}

const mtcrf: Factory = (c, i, idx) => {
  const { L, S } = c;
  const rs = fld(i, 'RS');
  const mask = fxmMask(fld(i, 'FXM'));
  const next = cont(idx + 1);
  return () => {
    S[CR] = (S[CR]! & ~mask) | (L[rs]! & mask);
    return next;
  };
};

/** mtocrf: one field when FXM has exactly one bit set; otherwise the ISA leaves it undefined and
 * POWER9 (like qemu) behaves as mtcrf. */
const mtocrf = mtcrf;

const mfcr: Factory = (c, i, idx) => {
  const { H, L, S } = c;
  const rt = fld(i, 'RT');
  const next = cont(idx + 1);
  return () => {
    L[rt] = S[CR]!;
    H[rt] = 0;
    return next;
  };
};

/** mfocrf: the selected field, other bits 0 (one bit of FXM set; qemu's behaviour otherwise). */
const mfocrf: Factory = (c, i, idx) => {
  const { H, L, S } = c;
  const rt = fld(i, 'RT');
  const fxm = fld(i, 'FXM');
  const mask = fxmMask(fxm);
  const next = cont(idx + 1);
  return () => {
    L[rt] = S[CR]! & mask;
    H[rt] = 0;
    return next;
  };
};

export const COMPARE: Readonly<Record<string, Factory>> = {
  cmp: compare(true, false),
  cmpl: compare(false, false),
  cmpi: compare(true, true),
  cmpli: compare(false, true),
  tw: trap(false, false),
  twi: trap(false, true),
  td: trap(true, false),
  tdi: trap(true, true),
  isel,
  setb,
  crand: crLogical((a, b) => a & b),
  cror: crLogical((a, b) => a | b),
  crxor: crLogical((a, b) => a ^ b),
  crnand: crLogical((a, b) => ~(a & b)),
  crnor: crLogical((a, b) => ~(a | b)),
  creqv: crLogical((a, b) => ~(a ^ b)),
  crandc: crLogical((a, b) => a & ~b),
  crorc: crLogical((a, b) => a | ~b),
  mcrf,
  mcrxrx,
  mtcrf,
  mtocrf,
  mfcr,
  mfocrf,
};

