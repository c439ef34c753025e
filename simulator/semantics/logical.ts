/**
 * Fixed-point logical instructions (Power ISA v3.0B Book I §3.3.13): the boolean operations on
 * registers and immediates, sign extension, count leading/trailing zeros, population count,
 * parity, cmpb and bpermd. Results go to RA.
 */
import type { Op } from '../machine.js';
import type { Core, Factory, Insn } from './core.js';
import { fld, record, setCr0, cont } from './core.js';

/** One line per boolean operation; the factory specialises the closure on it. */
function bool2(fn: (a: number, b: number) => number): Factory {
  return (c, i, idx) => {
    const { H, L } = c;
    const ra = fld(i, 'RA');
    const rs = fld(i, 'RS');
    const rb = fld(i, 'RB');
    const next = cont(idx + 1);
    return record(c, i, ra, () => {
      L[ra] = fn(L[rs]!, L[rb]!);
      H[ra] = fn(H[rs]!, H[rb]!);
      return next;
    });
  };
}

// Spelled out (not through bool2) for the instructions hot loops use most.
const or: Factory = (c, i, idx) => {
  const { H, L } = c;
  const ra = fld(i, 'RA');
  const rs = fld(i, 'RS');
  const rb = fld(i, 'RB');
  const next = cont(idx + 1);
  const op: Op =
    rs === rb
      ? () => {
          L[ra] = L[rs]!;
          H[ra] = H[rs]!;
          return next;
        }
      : () => {
          L[ra] = L[rs]! | L[rb]!;
          H[ra] = H[rs]! | H[rb]!;
          return next;
        };
  return record(c, i, ra, op);
};

const xor: Factory = (c, i, idx) => {
  const { H, L } = c;
  const ra = fld(i, 'RA');
  const rs = fld(i, 'RS');
  const rb = fld(i, 'RB');
  const next = cont(idx + 1);
  return record(c, i, ra, () => {
    L[ra] = L[rs]! ^ L[rb]!;
    H[ra] = H[rs]! ^ H[rb]!;
    return next;
  });
};

const and: Factory = (c, i, idx) => {
  const { H, L } = c;
  const ra = fld(i, 'RA');
  const rs = fld(i, 'RS');
  const rb = fld(i, 'RB');
  const next = cont(idx + 1);
  return record(c, i, ra, () => {
    L[ra] = L[rs]! & L[rb]!;
    H[ra] = H[rs]! & H[rb]!;
    return next;
  });
};

/** ori/oris/xori/xoris/andi./andis.: the immediate goes to the low or high half of the low word. */
function boolImm(kind: 'or' | 'xor' | 'and', shifted: boolean, alwaysRecord: boolean): Factory {
  return (c, i, idx) => {
    const { H, L, S } = c;
    const ra = fld(i, 'RA');
    const rs = fld(i, 'RS');
    const ui = fld(i, 'UI') & 0xffff;
    const imm = shifted ? ui << 16 : ui;
    const next = cont(idx + 1);
    if (kind === 'and') {
      // andi./andis. always record, and clear the high word.
      return () => {
        const v = L[rs]! & imm;
        L[ra] = v;
        H[ra] = 0;
        setCr0(S, 0, v);
        return next;
      };
    }
    const op: Op =
      kind === 'or'
        ? () => {
            L[ra] = L[rs]! | imm;
            H[ra] = H[rs]!;
            return next;
          }
        : () => {
            L[ra] = L[rs]! ^ imm;
            H[ra] = H[rs]!;
            return next;
          };
    return alwaysRecord ? record(c, { ...i, rc: true }, ra, op) : op;
  };
}

function extend(bits: 8 | 16 | 32): Factory {
  return (c, i, idx) => {
    const { H, L } = c;
    const ra = fld(i, 'RA');
    const rs = fld(i, 'RS');
    const next = cont(idx + 1);
    const sh = 32 - bits;
    return record(c, i, ra, () => {
      const v = sh ? (L[rs]! << sh) >> sh : L[rs]!;
      L[ra] = v;
      H[ra] = v >> 31;
      return next;
    });
  };
}

/** A unary operation computed from both words into the (high, low) of RA via a scratch pair. */
function unary64(fn: (h: number, l: number, T: Int32Array) => void): Factory {
  return (c, i, idx) => {
    const { H, L, T } = c;
    const ra = fld(i, 'RA');
    const rs = fld(i, 'RS');
    const next = cont(idx + 1);
    return record(c, i, ra, () => {
      fn(H[rs]!, L[rs]!, T);
      H[ra] = T[0]!;
      L[ra] = T[1]!;
      return next;
    });
  };
}

const popcount32 = (v: number): number => {
  v = v - ((v >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (Math.imul((v + (v >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24) & 0xff;
};
const ctz32 = (v: number): number => (v === 0 ? 32 : 31 - Math.clz32(v & -v));
/** popcntb: each byte gets the count of its own bits. */
const popcntBytes = (v: number): number => {
  v = v - ((v >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (v + (v >>> 4)) & 0x0f0f0f0f;
};
/** Parity of the low bit of each byte of a word. */
const parity32 = (v: number): number => {
  const x = v & 0x01010101;
  return popcount32(x) & 1;
};
/** cmpb: each byte 0xff where the bytes are equal, 0x00 otherwise. */
const cmpb32 = (a: number, b: number): number => {
  let r = 0;
  for (let k = 0; k < 32; k += 8) if (((a >>> k) & 0xff) === ((b >>> k) & 0xff)) r |= 0xff << k;
  return r;
};

const bpermd: Factory = (c, i, idx) => {
  const { H, L } = c;
  const ra = fld(i, 'RA');
  const rs = fld(i, 'RS');
  const rb = fld(i, 'RB');
  const next = cont(idx + 1);
  return () => {
    let r = 0;
    for (let k = 0; k < 8; k++) {
      // Byte k of RS (MSB0) holds a bit index into RB (MSB0); indexes >= 64 select 0.
      const w = k < 4 ? H[rs]! : L[rs]!;
      const index = (w >>> (24 - 8 * (k & 3))) & 0xff;
      let bit = 0;
      if (index < 64) {
        const src = index < 32 ? H[rb]! : L[rb]!;
        bit = (src >>> (31 - (index & 31))) & 1;
      }
      r |= bit << (7 - k);
    }
    L[ra] = r;
    H[ra] = 0;
    return next;
  };
};

const cmpb: Factory = (c, i, idx) => {
  const { H, L } = c;
  const ra = fld(i, 'RA');
  const rs = fld(i, 'RS');
  const rb = fld(i, 'RB');
  const next = cont(idx + 1);
  return () => {
    L[ra] = cmpb32(L[rs]!, L[rb]!);
    H[ra] = cmpb32(H[rs]!, H[rb]!);
    return next;
  };
};

export const LOGICAL: Readonly<Record<string, Factory>> = {
  and,
  or,
  xor,
  andc: bool2((a, b) => a & ~b),
  orc: bool2((a, b) => a | ~b),
  nand: bool2((a, b) => ~(a & b)),
  nor: bool2((a, b) => ~(a | b)),
  eqv: bool2((a, b) => ~(a ^ b)),
  ori: boolImm('or', false, false),
  oris: boolImm('or', true, false),
  xori: boolImm('xor', false, false),
  xoris: boolImm('xor', true, false),
  'andi.': boolImm('and', false, true),
  'andis.': boolImm('and', true, true),
  extsb: extend(8),
  extsh: extend(16),
  extsw: extend(32),
  cntlzw: unary64((_h, l, T) => {
    T[0] = 0;
    T[1] = Math.clz32(l);
  }),
  cntlzd: unary64((h, l, T) => {
    T[0] = 0;
    T[1] = h !== 0 ? Math.clz32(h) : 32 + Math.clz32(l);
  }),
  cnttzw: unary64((_h, l, T) => {
    T[0] = 0;
    T[1] = ctz32(l);
  }),
  cnttzd: unary64((h, l, T) => {
    T[0] = 0;
    T[1] = l !== 0 ? ctz32(l) : 32 + ctz32(h);
  }),
  popcntb: unary64((h, l, T) => {
    T[0] = popcntBytes(h);
    T[1] = popcntBytes(l);
  }),
  popcntw: unary64((h, l, T) => {
    T[0] = popcount32(h);
    T[1] = popcount32(l);
  }),
  popcntd: unary64((h, l, T) => {
    T[0] = 0;
    T[1] = popcount32(h) + popcount32(l);
  }),
  prtyw: unary64((h, l, T) => {
    T[0] = parity32(h);
    T[1] = parity32(l);
  }),
  prtyd: unary64((h, l, T) => {
    T[0] = 0;
    T[1] = parity32(h) ^ parity32(l);
  }),
  cmpb,
  bpermd,
};

export type { Core, Insn };
