/**
 * Rotate and shift (Power ISA v3.0B Book I §3.3.14). Masks are computed once per instruction in
 * the factory as (high, low) word pairs. The word rotates work on the low word replicated into
 * both halves (ROTL32), so a wrapping mask (MB > ME) lets the rotated word show through in the
 * high half, as the ISA specifies.
 */
import { XER_CA, XER_CA32 } from '../state.js';
import type { Factory } from './core.js';
import { fld, record, cont } from './core.js';

/** Ones at MSB0 bits x..63 of a doubleword (x in 0..64) as [high, low]; 32-bit words, no BigInt. */
function onesFrom(x: number): [number, number] {
  if (x >= 64) return [0, 0];
  if (x >= 32) return [0, (0xffffffff >>> (x - 32)) | 0];
  return [(0xffffffff >>> x) | 0, -1];
}

/** MASK(b, e) of the ISA (MSB0 bit numbers, wrapping when b > e) as [high, low]. */
export function mask64(b: number, e: number): [number, number] {
  const [bh, bl] = onesFrom(b);
  const [eh, el] = onesFrom(e + 1);
  return b <= e ? [bh & ~eh, bl & ~el] : [bh | ~eh, bl | ~el];
}

const rotl32 = (x: number, n: number): number => (n === 0 ? x : (x << n) | (x >>> (32 - n)));

/** 64-bit rotate left by n (0..63) into T[0] (high), T[1] (low). */
export function rotl64(h: number, l: number, n: number, T: Int32Array): void {
  if (n >= 32) {
    const t = h;
    h = l;
    l = t;
    n -= 32;
  }
  if (n === 0) {
    T[0] = h;
    T[1] = l;
  } else {
    T[0] = (h << n) | (l >>> (32 - n));
    T[1] = (l << n) | (h >>> (32 - n));
  }
}

/** rlwinm / rlwnm (shift from RB) / rlwimi (insert). */
function rlw(kind: 'inm' | 'nm' | 'imi'): Factory {
  return (c, i, idx) => {
    const { H, L } = c;
    const ra = fld(i, 'RA');
    const rs = fld(i, 'RS');
    const mb = fld(i, 'MB');
    const me = fld(i, 'ME');
    const [mh, ml] = mask64(mb + 32, me + 32);
    const next = cont(idx + 1);
    if (kind === 'inm') {
      const sh = fld(i, 'SH');
      return record(c, i, ra, () => {
        const r = rotl32(L[rs]!, sh);
        L[ra] = r & ml;
        H[ra] = r & mh;
        return next;
      });
    }
    if (kind === 'nm') {
      const rb = fld(i, 'RB');
      return record(c, i, ra, () => {
        const r = rotl32(L[rs]!, L[rb]! & 31);
        L[ra] = r & ml;
        H[ra] = r & mh;
        return next;
      });
    }
    const sh = fld(i, 'SH');
    return record(c, i, ra, () => {
      const r = rotl32(L[rs]!, sh);
      L[ra] = (r & ml) | (L[ra]! & ~ml);
      H[ra] = (r & mh) | (H[ra]! & ~mh);
      return next;
    });
  };
}

/** rldicl, rldicr, rldic, rldimi (immediate shift) and rldcl, rldcr (shift from RB). */
function rld(kind: 'icl' | 'icr' | 'ic' | 'imi' | 'cl' | 'cr'): Factory {
  return (c, i, idx) => {
    const { H, L, T } = c;
    const ra = fld(i, 'RA');
    const rs = fld(i, 'RS');
    const next = cont(idx + 1);
    const fromRb = kind === 'cl' || kind === 'cr';
    const sh = fromRb ? 0 : fld(i, 'SH');
    const rb = fromRb ? fld(i, 'RB') : 0;
    let mh: number;
    let ml: number;
    if (kind === 'icl' || kind === 'cl') [mh, ml] = mask64(fld(i, 'MB'), 63);
    else if (kind === 'icr' || kind === 'cr') [mh, ml] = mask64(0, fld(i, 'ME'));
    else [mh, ml] = mask64(fld(i, 'MB'), 63 - sh);
    if (kind === 'imi') {
      return record(c, i, ra, () => {
        rotl64(H[rs]!, L[rs]!, sh, T);
        H[ra] = (T[0]! & mh) | (H[ra]! & ~mh);
        L[ra] = (T[1]! & ml) | (L[ra]! & ~ml);
        return next;
      });
    }
    if (fromRb) {
      return record(c, i, ra, () => {
        rotl64(H[rs]!, L[rs]!, L[rb]! & 63, T);
        H[ra] = T[0]! & mh;
        L[ra] = T[1]! & ml;
        return next;
      });
    }
    // Specialise the common immediate shifts: sh < 32 with the rotation done inline.
    if (sh === 0) {
      return record(c, i, ra, () => {
        H[ra] = H[rs]! & mh;
        L[ra] = L[rs]! & ml;
        return next;
      });
    }
    if (sh < 32) {
      const rsh = 32 - sh;
      return record(c, i, ra, () => {
        const h = H[rs]!;
        const l = L[rs]!;
        H[ra] = ((h << sh) | (l >>> rsh)) & mh;
        L[ra] = ((l << sh) | (h >>> rsh)) & ml;
        return next;
      });
    }
    return record(c, i, ra, () => {
      rotl64(H[rs]!, L[rs]!, sh, T);
      H[ra] = T[0]! & mh;
      L[ra] = T[1]! & ml;
      return next;
    });
  };
}

/** slw/srw/sraw(i): word shifts; the amount is RB[58:63] (>= 32 shifts everything out). */
function shiftWord(kind: 'l' | 'r' | 'ra', immediate: boolean): Factory {
  return (c, i, idx) => {
    const { H, L, S } = c;
    const ra = fld(i, 'RA');
    const rs = fld(i, 'RS');
    const rb = immediate ? 0 : fld(i, 'RB');
    const shImm = immediate ? fld(i, 'SH') & 31 : 0;
    const next = cont(idx + 1);
    return record(c, i, ra, () => {
      const n = immediate ? shImm : L[rb]! & 63;
      const x = L[rs]!;
      if (kind === 'l') {
        L[ra] = n >= 32 ? 0 : x << n;
        H[ra] = 0;
      } else if (kind === 'r') {
        L[ra] = n >= 32 ? 0 : x >>> n;
        H[ra] = 0;
      } else {
        let r: number;
        let ca: number;
        if (n >= 32) {
          r = x >> 31;
          ca = x < 0 ? 1 : 0;
        } else {
          r = x >> n;
          ca = x < 0 && n > 0 && (x & ((1 << n) - 1)) !== 0 ? 1 : 0;
        }
        L[ra] = r;
        H[ra] = r >> 31;
        S[XER_CA] = ca;
        S[XER_CA32] = ca;
      }
      return next;
    });
  };
}

/** sld/srd/srad(i): doubleword shifts; the amount is RB[57:63] (>= 64 shifts everything out). */
function shiftDouble(kind: 'l' | 'r' | 'ra', immediate: boolean): Factory {
  return (c, i, idx) => {
    const { H, L, S } = c;
    const ra = fld(i, 'RA');
    const rs = fld(i, 'RS');
    const rb = immediate ? 0 : fld(i, 'RB');
    const shImm = immediate ? fld(i, 'SH') & 63 : 0;
    const next = cont(idx + 1);
    return record(c, i, ra, () => {
      const n = immediate ? shImm : L[rb]! & 127;
      const h = H[rs]!;
      const l = L[rs]!;
      let rh: number;
      let rl: number;
      if (kind === 'l') {
        if (n >= 64) { rh = 0; rl = 0; }
        else if (n >= 32) { rh = l << (n - 32); rl = 0; }
        else if (n === 0) { rh = h; rl = l; }
        else { rh = (h << n) | (l >>> (32 - n)); rl = l << n; }
      } else if (kind === 'r') {
        if (n >= 64) { rh = 0; rl = 0; }
        else if (n >= 32) { rh = 0; rl = h >>> (n - 32); }
        else if (n === 0) { rh = h; rl = l; }
        else { rh = h >>> n; rl = (l >>> n) | (h << (32 - n)); }
      } else {
        let lost: boolean;
        if (n >= 64) {
          { rh = h >> 31; rl = h >> 31; }
          lost = h !== 0 || l !== 0;
        } else if (n >= 32) {
          const k = n - 32;
          { rh = h >> 31; rl = h >> k; }
          lost = l !== 0 || (k > 0 && (h & ((1 << k) - 1)) !== 0);
        } else if (n === 0) {
          { rh = h; rl = l; }
          lost = false;
        } else {
          { rh = h >> n; rl = (l >>> n) | (h << (32 - n)); }
          lost = (l & ((1 << n) - 1)) !== 0;
        }
        const ca = h < 0 && lost ? 1 : 0;
        S[XER_CA] = ca;
        S[XER_CA32] = ca;
      }
      H[ra] = rh;
      L[ra] = rl;
      return next;
    });
  };
}

/** extswsli: sign-extend the low word, then shift left by SH (POWER9). */
const extswsli: Factory = (c, i, idx) => {
  const { H, L, T } = c;
  const ra = fld(i, 'RA');
  const rs = fld(i, 'RS');
  const sh = fld(i, 'SH') & 63;
  const [mh, ml] = mask64(0, 63 - sh);
  const next = cont(idx + 1);
  return record(c, i, ra, () => {
    const l = L[rs]!;
    rotl64(l >> 31, l, sh, T);
    H[ra] = T[0]! & mh;
    L[ra] = T[1]! & ml;
    return next;
  });
};

export const ROTATE: Readonly<Record<string, Factory>> = {
  rlwinm: rlw('inm'),
  rlwnm: rlw('nm'),
  rlwimi: rlw('imi'),
  rldicl: rld('icl'),
  rldicr: rld('icr'),
  rldic: rld('ic'),
  rldimi: rld('imi'),
  rldcl: rld('cl'),
  rldcr: rld('cr'),
  slw: shiftWord('l', false),
  srw: shiftWord('r', false),
  sraw: shiftWord('ra', false),
  srawi: shiftWord('ra', true),
  sld: shiftDouble('l', false),
  srd: shiftDouble('r', false),
  srad: shiftDouble('ra', false),
  sradi: shiftDouble('ra', true),
  extswsli,
};
