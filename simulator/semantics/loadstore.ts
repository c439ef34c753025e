/**
 * Fixed-point loads and stores (Power ISA v3.0B Book I §3.3.2–3.3.7, §4.6 for the reservations):
 * one family helper covers every size, sign, byte-reversal, update and indexed combination;
 * each instruction is one line in the table at the bottom.
 *
 * EA = (RA|0) + D, (RA|0) + DS*4 or (RA|0) + RB, computed on (high, low) words. In 32-bit mode
 * the translator truncates the EA; the update forms also write the truncated EA to RA.
 * Ordinary unaligned accesses never trap on this machine; larx/stcx. do (alignment interrupt).
 */
import type { Op } from '../machine.js';
import { EXIT } from '../machine.js';
import { deliverAlignment } from '../interrupts.js';
import { CR, M_SF, RESV, RESV_EH, RESV_EL, RESV_SIZE, RESV_VH, RESV_VL, XER_BC, XER_SO } from '../state.js';
import { slotPc, toBig } from '../xlate.js';
import type { Core, Factory, Insn } from './core.js';
import { fld, sext14, sext16, cont } from './core.js';

type Mode = 'd' | 'ds' | 'x';

interface Shape {
  size: 1 | 2 | 4 | 8;
  store: boolean;
  signed?: boolean;
  reverse?: boolean;
  update?: boolean;
  mode: Mode;
}

/** Displacement of a D/DS-form instruction in bytes. */
function displacement(i: Insn, mode: Mode): number {
  if (mode === 'd') return sext16(fld(i, 'D'));
  if (mode === 'ds') return sext14(fld(i, 'DS')) * 4;
  return 0;
}

function access(shape: Shape): Factory {
  return (c, i, idx) => {
    const { H, L, S, dv, u8, cf, wrote, xr, xw } = c;
    const { size, store, mode } = shape;
    const signed = shape.signed === true;
    const rev = shape.reverse === true;
    const update = shape.update === true;
    const reg = fld(i, store ? 'RS' : 'RT');
    const ra = fld(i, 'RA');
    const rb = mode === 'x' ? fld(i, 'RB') : 0;
    const d = displacement(i, mode);
    const du = d >>> 0;
    const dh = d < 0 ? -1 : 0;
    const next = cont(idx + 1);

    // The hottest shapes (D/DS-form, no update, big-endian) get closures of their own.
    if (mode !== 'x' && !update && !rev && ra !== 0) {
      if (!store && size === 8) {
        return () => {
          const s = (L[ra]! >>> 0) + du;
          const pa = xr((H[ra]! + dh + (s > 0xffffffff ? 1 : 0)) | 0, s | 0, 8, idx);
          if (pa < 0) return EXIT;
          H[reg] = dv.getInt32(pa);
          L[reg] = dv.getInt32(pa + 4);
          return next;
        };
      }
      if (store && size === 8) {
        return () => {
          const s = (L[ra]! >>> 0) + du;
          const pa = xw((H[ra]! + dh + (s > 0xffffffff ? 1 : 0)) | 0, s | 0, 8, idx);
          if (pa < 0) return EXIT;
          dv.setInt32(pa, H[reg]!);
          dv.setInt32(pa + 4, L[reg]!);
          if (cf[pa >>> 12] !== 0) wrote(pa, 8);
          return next;
        };
      }
      if (!store && size === 4 && !signed) {
        return () => {
          const s = (L[ra]! >>> 0) + du;
          const pa = xr((H[ra]! + dh + (s > 0xffffffff ? 1 : 0)) | 0, s | 0, 4, idx);
          if (pa < 0) return EXIT;
          L[reg] = dv.getInt32(pa);
          H[reg] = 0;
          return next;
        };
      }
      if (!store && size === 1) {
        return () => {
          const s = (L[ra]! >>> 0) + du;
          const pa = xr((H[ra]! + dh + (s > 0xffffffff ? 1 : 0)) | 0, s | 0, 1, idx);
          if (pa < 0) return EXIT;
          L[reg] = u8[pa]!;
          H[reg] = 0;
          return next;
        };
      }
      if (store && size === 4) {
        return () => {
          const s = (L[ra]! >>> 0) + du;
          const pa = xw((H[ra]! + dh + (s > 0xffffffff ? 1 : 0)) | 0, s | 0, 4, idx);
          if (pa < 0) return EXIT;
          dv.setInt32(pa, L[reg]!);
          if (cf[pa >>> 12] !== 0) wrote(pa, 4);
          return next;
        };
      }
      if (store && size === 1) {
        return () => {
          const s = (L[ra]! >>> 0) + du;
          const pa = xw((H[ra]! + dh + (s > 0xffffffff ? 1 : 0)) | 0, s | 0, 1, idx);
          if (pa < 0) return EXIT;
          u8[pa] = L[reg]!;
          if (cf[pa >>> 12] !== 0) wrote(pa, 1);
          return next;
        };
      }
    }

    // Update-form stores (stdu/stwu/stbu: stack frames, pointer walks).
    if (mode !== 'x' && update && store && !rev) {
      return () => {
        const s = (L[ra]! >>> 0) + du;
        const el = s | 0;
        const eh = (H[ra]! + dh + (s > 0xffffffff ? 1 : 0)) | 0;
        const pa = xw(eh, el, size, idx);
        if (pa < 0) return EXIT;
        if (size === 8) {
          dv.setInt32(pa, H[reg]!);
          dv.setInt32(pa + 4, L[reg]!);
        } else if (size === 4) dv.setInt32(pa, L[reg]!);
        else if (size === 1) u8[pa] = L[reg]!;
        else dv.setInt16(pa, L[reg]!);
        if (cf[pa >>> 12] !== 0) wrote(pa, size);
        H[ra] = S[M_SF] === 0 ? 0 : eh;
        L[ra] = el;
        return next;
      };
    }
    // Indexed stores without update (stbx, stdx, ...).
    if (mode === 'x' && !update && store && !rev) {
      return () => {
        const s = (ra === 0 ? 0 : L[ra]! >>> 0) + (L[rb]! >>> 0);
        const pa = xw(((ra === 0 ? 0 : H[ra]!) + H[rb]! + (s > 0xffffffff ? 1 : 0)) | 0, s | 0, size, idx);
        if (pa < 0) return EXIT;
        if (size === 1) u8[pa] = L[reg]!;
        else if (size === 8) {
          dv.setInt32(pa, H[reg]!);
          dv.setInt32(pa + 4, L[reg]!);
        } else if (size === 4) dv.setInt32(pa, L[reg]!);
        else dv.setInt16(pa, L[reg]!);
        if (cf[pa >>> 12] !== 0) wrote(pa, size);
        return next;
      };
    }

    const op: Op = () => {
      let bh = 0;
      let bl = 0;
      if (ra !== 0) {
        bh = H[ra]!;
        bl = L[ra]!;
      }
      let xh = dh;
      let xl = du;
      if (mode === 'x') {
        xh = H[rb]!;
        xl = L[rb]! >>> 0;
      }
      const s = (bl >>> 0) + xl;
      const el = s | 0;
      let eh = (bh + xh + (s > 0xffffffff ? 1 : 0)) | 0;
      if (store) {
        const pa = xw(eh, el, size, idx);
        if (pa < 0) return EXIT;
        const v = L[reg]!;
        if (size === 1) u8[pa] = v;
        else if (size === 2) dv.setInt16(pa, v, rev);
        else if (size === 4) dv.setInt32(pa, v, rev);
        else if (rev) {
          dv.setInt32(pa, v, true);
          dv.setInt32(pa + 4, H[reg]!, true);
        } else {
          dv.setInt32(pa, H[reg]!);
          dv.setInt32(pa + 4, v);
        }
        if (cf[pa >>> 12] !== 0) wrote(pa, size);
      } else {
        const pa = xr(eh, el, size, idx);
        if (pa < 0) return EXIT;
        if (size === 1) {
          L[reg] = u8[pa]!;
          H[reg] = 0;
        } else if (size === 2) {
          const v = signed ? dv.getInt16(pa, rev) : dv.getUint16(pa, rev);
          L[reg] = v;
          H[reg] = v >> 31;
        } else if (size === 4) {
          const v = dv.getInt32(pa, rev);
          L[reg] = v;
          H[reg] = signed ? v >> 31 : 0;
        } else if (rev) {
          L[reg] = dv.getInt32(pa, true);
          H[reg] = dv.getInt32(pa + 4, true);
        } else {
          H[reg] = dv.getInt32(pa);
          L[reg] = dv.getInt32(pa + 4);
        }
      }
      if (update) {
        if (S[M_SF] === 0) eh = 0;
        H[ra] = eh;
        L[ra] = el;
      }
      return next;
    };
    return op;
  };
}

/** EA of an X-form instruction ((RA|0) + RB) into T[0], T[1]; truncated in 32-bit mode. */
function eaX(c: Core, ra: number, rb: number): void {
  const { H, L, S, T } = c;
  const bl = ra ? L[ra]! : 0;
  const bh = ra ? H[ra]! : 0;
  const s = (bl >>> 0) + (L[rb]! >>> 0);
  T[1] = s | 0;
  T[0] = S[M_SF] === 0 ? 0 : (bh + H[rb]! + (s > 0xffffffff ? 1 : 0)) | 0;
}

/** EA of a D-form instruction ((RA|0) + D). */
function eaD(c: Core, ra: number, d: number): void {
  const { H, L, S, T } = c;
  const bl = ra ? L[ra]! : 0;
  const bh = ra ? H[ra]! : 0;
  const s = (bl >>> 0) + (d >>> 0);
  T[1] = s | 0;
  T[0] = S[M_SF] === 0 ? 0 : (bh + (d < 0 ? -1 : 0) + (s > 0xffffffff ? 1 : 0)) | 0;
}

/**
 * The `size`-byte value at `pa` as larx loads it and stcx. compares it with the reserved one,
 * zero-extended to 64 bits: the high word into T[0] (0 below 8 bytes), the low word into T[1].
 */
function readReserved(dv: DataView, u8: Uint8Array, pa: number, size: 1 | 2 | 4 | 8, T: Int32Array): void {
  if (size === 8) {
    T[0] = dv.getInt32(pa);
    T[1] = dv.getInt32(pa + 4);
    return;
  }
  T[0] = 0;
  T[1] = size === 4 ? dv.getInt32(pa) : size === 2 ? dv.getUint16(pa) : u8[pa]!;
}

/** lwarx/ldarx/lbarx/lharx: load and reserve. */
function larx(size: 1 | 2 | 4 | 8): Factory {
  return (c, i, idx) => {
    const { H, L, S, T, dv, u8, xr, m } = c;
    const rt = fld(i, 'RT');
    const ra = fld(i, 'RA');
    const rb = fld(i, 'RB');
    const next = cont(idx + 1);
    return () => {
      eaX(c, ra, rb);
      const eh = T[0]!;
      const el = T[1]!;
      if ((el & (size - 1)) !== 0) return deliverAlignment(m, slotPc(m, idx), toBig(eh, el), i.word);
      const pa = xr(eh, el, size, idx);
      if (pa < 0) return EXIT;
      readReserved(dv, u8, pa, size, T);
      const vh = T[0]!;
      const vl = T[1]!;
      S[RESV] = 1;
      S[RESV_EH] = eh;
      S[RESV_EL] = el;
      S[RESV_SIZE] = size;
      S[RESV_VH] = vh;
      S[RESV_VL] = vl;
      H[rt] = vh;
      L[rt] = vl;
      return next;
    };
  };
}

/** stwcx./stdcx./stbcx./sthcx.: store if the reservation still holds; CR0 = 0b00 || success || SO. */
function stcx(size: 1 | 2 | 4 | 8): Factory {
  return (c, i, idx) => {
    const { H, L, S, T, dv, u8, cf, wrote, xw, m } = c;
    const rs = fld(i, 'RS');
    const ra = fld(i, 'RA');
    const rb = fld(i, 'RB');
    const next = cont(idx + 1);
    return () => {
      eaX(c, ra, rb);
      const eh = T[0]!;
      const el = T[1]!;
      // No alignment check: qemu compares the EA with the reservation first, and a reservation
      // is always aligned, so a misaligned stcx. simply fails (measured).
      let ok = S[RESV] === 1 && S[RESV_EH] === eh && S[RESV_EL] === el && S[RESV_SIZE] === size;
      if (ok) {
        const pa = xw(eh, el, size, idx);
        if (pa < 0) return EXIT;
        readReserved(dv, u8, pa, size, T);
        ok = T[0] === S[RESV_VH] && T[1] === S[RESV_VL];
        if (ok) {
          if (size === 8) {
            dv.setInt32(pa, H[rs]!);
            dv.setInt32(pa + 4, L[rs]!);
          } else if (size === 4) dv.setInt32(pa, L[rs]!);
          else if (size === 2) dv.setInt16(pa, L[rs]!);
          else u8[pa] = L[rs]!;
          if (cf[pa >>> 12] !== 0) wrote(pa, size);
        }
      }
      S[RESV] = 0;
      S[CR] = (S[CR]! & 0x0fffffff) | (((ok ? 2 : 0) | S[XER_SO]!) << 28);
      return next;
    };
  };
}

/** lmw/stmw: registers RT..31 from/to consecutive words. */
function multiple(store: boolean): Factory {
  return (c, i, idx) => {
    const { H, L, T, dv, cf, wrote, xr, xw } = c;
    const reg = fld(i, store ? 'RS' : 'RT');
    const ra = fld(i, 'RA');
    const d = sext16(fld(i, 'D'));
    const next = cont(idx + 1);
    return () => {
      eaD(c, ra, d);
      let eh = T[0]!;
      let el = T[1]!;
      for (let r = reg; r < 32; r++) {
        const pa = store ? xw(eh, el, 4, idx) : xr(eh, el, 4, idx);
        if (pa < 0) return EXIT;
        if (store) {
          dv.setInt32(pa, L[r]!);
          if (cf[pa >>> 12] !== 0) wrote(pa, 4);
        } else {
          L[r] = dv.getInt32(pa);
          H[r] = 0;
        }
        const s = (el >>> 0) + 4;
        el = s | 0;
        if (s > 0xffffffff) eh = (eh + 1) | 0;
      }
      return next;
    };
  };
}

/**
 * Load/store string (lswi, lswx, stswi, stswx): NB bytes (or XER[57:63]) moved through registers
 * RT, RT+1, ... (wrapping to r0), four bytes per register, left-justified.
 */
function string(store: boolean, indexed: boolean): Factory {
  return (c, i, idx) => {
    const { H, L, S, T, u8, cf, wrote, xr, xw } = c;
    const reg = fld(i, store ? 'RS' : 'RT');
    const ra = fld(i, 'RA');
    const rb = indexed ? fld(i, 'RB') : 0;
    const nb = indexed ? 0 : fld(i, 'NB');
    const next = cont(idx + 1);
    return () => {
      let eh: number;
      let el: number;
      if (indexed) {
        eaX(c, ra, rb);
        eh = T[0]!;
        el = T[1]!;
      } else {
        eh = 0;
        el = ra ? L[ra]! : 0;
        if (ra && S[M_SF] !== 0) eh = H[ra]!;
      }
      let n = indexed ? S[XER_BC]! & 0x7f : nb === 0 ? 32 : nb;
      let r = (reg + 31) & 31;
      let shift = 0;
      while (n > 0) {
        if (shift === 0) {
          r = (r + 1) & 31;
          if (!store) {
            L[r] = 0;
            H[r] = 0;
          }
        }
        const pa = store ? xw(eh, el, 1, idx) : xr(eh, el, 1, idx);
        if (pa < 0) return EXIT;
        const bitpos = 24 - shift;
        if (store) {
          u8[pa] = L[r]! >>> bitpos;
          if (cf[pa >>> 12] !== 0) wrote(pa, 1);
        } else {
          L[r] = L[r]! | (u8[pa]! << bitpos);
        }
        shift = (shift + 8) & 31;
        const s = (el >>> 0) + 1;
        el = s | 0;
        if (s > 0xffffffff) eh = (eh + 1) | 0;
        n--;
      }
      return next;
    };
  };
}

/** dcbz: zero the 128-byte block containing the EA (POWER9's cache line); a store to the MMU. */
const dcbz: Factory = (c, i, idx) => {
  const { T, u8, cf, wrote, xw } = c;
  const ra = fld(i, 'RA');
  const rb = fld(i, 'RB');
  const next = cont(idx + 1);
  return () => {
    eaX(c, ra, rb);
    const pa = xw(T[0]!, T[1]! & ~127, 128, idx);
    if (pa < 0) return EXIT;
    u8.fill(0, pa, pa + 128);
    if (cf[pa >>> 12] !== 0) wrote(pa, 128);
    return next;
  };
};

const L_ = (size: Shape['size'], mode: Mode, extra: Partial<Shape> = {}): Factory => access({ size, store: false, mode, ...extra });
const S_ = (size: Shape['size'], mode: Mode, extra: Partial<Shape> = {}): Factory => access({ size, store: true, mode, ...extra });
const U = { update: true };

export const LOADSTORE: Readonly<Record<string, Factory>> = {
  lbz: L_(1, 'd'),
  lbzu: L_(1, 'd', U),
  lbzx: L_(1, 'x'),
  lbzux: L_(1, 'x', U),
  lhz: L_(2, 'd'),
  lhzu: L_(2, 'd', U),
  lhzx: L_(2, 'x'),
  lhzux: L_(2, 'x', U),
  lha: L_(2, 'd', { signed: true }),
  lhau: L_(2, 'd', { signed: true, update: true }),
  lhax: L_(2, 'x', { signed: true }),
  lhaux: L_(2, 'x', { signed: true, update: true }),
  lwz: L_(4, 'd'),
  lwzu: L_(4, 'd', U),
  lwzx: L_(4, 'x'),
  lwzux: L_(4, 'x', U),
  lwa: L_(4, 'ds', { signed: true }),
  lwax: L_(4, 'x', { signed: true }),
  lwaux: L_(4, 'x', { signed: true, update: true }),
  ld: L_(8, 'ds'),
  ldu: L_(8, 'ds', U),
  ldx: L_(8, 'x'),
  ldux: L_(8, 'x', U),
  stb: S_(1, 'd'),
  stbu: S_(1, 'd', U),
  stbx: S_(1, 'x'),
  stbux: S_(1, 'x', U),
  sth: S_(2, 'd'),
  sthu: S_(2, 'd', U),
  sthx: S_(2, 'x'),
  sthux: S_(2, 'x', U),
  stw: S_(4, 'd'),
  stwu: S_(4, 'd', U),
  stwx: S_(4, 'x'),
  stwux: S_(4, 'x', U),
  std: S_(8, 'ds'),
  stdu: S_(8, 'ds', U),
  stdx: S_(8, 'x'),
  stdux: S_(8, 'x', U),
  lhbrx: L_(2, 'x', { reverse: true }),
  lwbrx: L_(4, 'x', { reverse: true }),
  ldbrx: L_(8, 'x', { reverse: true }),
  sthbrx: S_(2, 'x', { reverse: true }),
  stwbrx: S_(4, 'x', { reverse: true }),
  stdbrx: S_(8, 'x', { reverse: true }),
  lmw: multiple(false),
  stmw: multiple(true),
  lswi: string(false, false),
  lswx: string(false, true),
  stswi: string(true, false),
  stswx: string(true, true),
  lbarx: larx(1),
  lharx: larx(2),
  lwarx: larx(4),
  ldarx: larx(8),
  stbcx: stcx(1),
  sthcx: stcx(2),
  stwcx: stcx(4),
  stdcx: stcx(8),
  dcbz,
};
