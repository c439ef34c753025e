/**
 * The POWER9 (ISA v3.0) fixed-point additions not covered by the older families:
 * addex, addpcis, cmpeqb, cmprb, maddhd, maddhdu, maddld, and slbfee. (Book III).
 * A few of their fields (addex's CY, addpcis's split d, cmprb's L) are read from the word:
 * the table reports them under generated names, and the ISA positions are fixed facts.
 */
import { SRR1_PROG_ILLEGAL, SRR1_PROG_PRIV, VEC_PROGRAM, deliver } from '../interrupts.js';
import { slbLookup } from '../mmu.js';
import { CR, M_PR, M_SF, XER_OV, XER_OV32, XER_SO, get64, set64 } from '../state.js';
import { slotPc } from '../xlate.js';
import type { Factory } from './core.js';
import { big64, cont, fld, put64, sbig64, setCrField } from './core.js';

/** addex RT,RA,RB,0: RT = RA + RB + OV, with OV (and OV32) receiving the carries. */
const addex: Factory = (c, i, idx) => {
  const { H, L, S, m } = c;
  const rt = fld(i, 'RT');
  const ra = fld(i, 'RA');
  const rb = fld(i, 'RB');
  const cy = (i.word >>> 9) & 3; // bits 21:22
  const next = cont(idx + 1);
  if (cy !== 0) return () => deliver(m, VEC_PROGRAM, slotPc(m, idx), SRR1_PROG_ILLEGAL);
  return () => {
    const sl = (L[ra]! >>> 0) + (L[rb]! >>> 0) + S[XER_OV]!;
    const c32 = sl > 0xffffffff ? 1 : 0;
    const sh = (H[ra]! >>> 0) + (H[rb]! >>> 0) + c32;
    L[rt] = sl;
    H[rt] = sh;
    S[XER_OV32] = c32;
    S[XER_OV] = S[M_SF] ? (sh > 0xffffffff ? 1 : 0) : c32;
    return next;
  };
};

/**
 * addpcis RT,D: RT = address of the next instruction + EXTS(d || 0x0000), d = d0 || d1 || d2.
 * The sum is 64 bits wide even in 32-bit mode (only the address is 32-bit there; matches qemu).
 */
const addpcis: Factory = (c, i, idx) => {
  const { m } = c;
  const rt = fld(i, 'RT');
  const w = i.word;
  const d = (((w >>> 6) & 0x3ff) << 6) | (((w >>> 16) & 0x1f) << 1) | (w & 1);
  const add = BigInt((d << 16) >> 16) << 16n;
  const next = cont(idx + 1);
  return () => {
    const v = slotPc(m, idx) + 4n + add;
    set64(m.st, rt, BigInt.asUintN(64, v));
    return next;
  };
};

/** cmpeqb BF,RA,RB: CR[BF] = 0b0 || (some byte of RB equals the low byte of RA) || 0b00. */
const cmpeqb: Factory = (c, i, idx) => {
  const { H, L, S } = c;
  const bf = fld(i, 'BF');
  const ra = fld(i, 'RA');
  const rb = fld(i, 'RB');
  const next = cont(idx + 1);
  return () => {
    const x = L[ra]! & 0xff;
    let hit = 0;
    for (let k = 0; k < 32; k += 8) if (((H[rb]! >>> k) & 0xff) === x || ((L[rb]! >>> k) & 0xff) === x) hit = 1;
    setCrField(S, bf, hit << 2);
    return next;
  };
};

/** cmprb BF,L,RA,RB: is the low byte of RA within RB's byte range(s)? */
const cmprb: Factory = (c, i, idx) => {
  const { L, S } = c;
  const bf = fld(i, 'BF');
  const l = (i.word >>> 21) & 1; // bit 10
  const ra = fld(i, 'RA');
  const rb = fld(i, 'RB');
  const next = cont(idx + 1);
  return () => {
    const x = L[ra]! & 0xff;
    const b = L[rb]!;
    let hit = x >= (b & 0xff) && x <= ((b >>> 8) & 0xff);
    if (l && !hit) hit = x >= ((b >>> 16) & 0xff) && x <= ((b >>> 24) & 0xff);
    setCrField(S, bf, hit ? 4 : 0);
    return next;
  };
};

/** maddhd/maddhdu/maddld: RA*RB + RC (RC extended like the product), high or low doubleword. */
function madd(signed: boolean, high: boolean): Factory {
  return (c, i, idx) => {
    const { H, L } = c;
    const rt = fld(i, 'RT');
    const ra = fld(i, 'RA');
    const rb = fld(i, 'RB');
    const rc = fld(i, 'RC');
    const next = cont(idx + 1);
    const get = signed ? sbig64 : big64;
    return () => {
      const p = get(H[ra]!, L[ra]!) * get(H[rb]!, L[rb]!) + get(H[rc]!, L[rc]!);
      put64(H, L, rt, high ? p >> 64n : p);
      return next;
    };
  };
}

/** slbfee. RT,RB: the SLB entry translating RB's EA; CR0[EQ] says whether there is one. */
const slbfee: Factory = (c, i, idx) => {
  const { S, m } = c;
  const rt = fld(i, 'RT');
  const rb = fld(i, 'RB');
  return () => {
    if (S[M_PR] !== 0) return deliver(m, VEC_PROGRAM, slotPc(m, idx), SRR1_PROG_PRIV);
    const e = slbLookup(m.mmu, get64(m.st, rb));
    set64(m.st, rt, e < 0 ? 0n : m.mmu.slbVsid[e]!);
    S[CR] = (S[CR]! & 0x0fffffff) | (((e < 0 ? 0 : 2) | S[XER_SO]!) << 28);
    return cont(idx + 1);
  };
};

export const P9: Readonly<Record<string, Factory>> = {
  addex,
  addpcis,
  cmpeqb,
  cmprb,
  maddhd: madd(true, true),
  maddhdu: madd(false, true),
  maddld: madd(true, false),
  slbfee,
};
