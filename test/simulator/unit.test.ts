/**
 * Unit tests of the simulator's pure parts, each against an independent reference (BigInt
 * arithmetic written from the ISA's definitions) or against facts measured on qemu and recorded
 * in shared/docs/pseries-platform.md.
 */
import { describe, expect, it } from 'vitest';
import { createMachine } from '../../simulator/index.js';
import { deliver } from '../../simulator/interrupts.js';
import { hcall } from '../../simulator/hcalls.js';
import { translate64 } from './helpers.js';
import { ACC_READ, ACC_WRITE, htabSizeFor, ppAllows, readPte, slbmte, XL_NOPTE, XL_PROT, XL_SEGMENT } from '../../simulator/mmu.js';

import { mask64, rotl64 } from '../../simulator/semantics/rotate.js';
import { setCr0, smulh32, umulh32 } from '../../simulator/semantics/core.js';
import { AIL, CR, M_SF, MSR, PC, SRR0, SRR1, XER_SO, get64, set64, syncModeFlags } from '../../simulator/state.js';
import { canonicalBranchWord } from '../../simulator/step.js';
import { nsToTicks, readDec, writeDec, createTime } from '../../simulator/timebase.js';
import { makeGen } from './snippets.js';

const M64 = (1n << 64n) - 1n;
const pair = ([h, l]: [number, number]): bigint => ((BigInt(h >>> 0) << 32n) | BigInt(l >>> 0));

describe('rotate helpers', () => {
  it('MASK(b, e) sets MSB0 bits b..e, wrapping when b > e (every shape)', () => {
    for (let b = 0; b < 64; b++) {
      for (let e = 0; e < 64; e++) {
        let ref = 0n;
        for (let k = 0; k < 64; k++) {
          const inside = b <= e ? k >= b && k <= e : k >= b || k <= e;
          if (inside) ref |= 1n << BigInt(63 - k);
        }
        expect(pair(mask64(b, e)), `MASK(${b},${e})`).toBe(ref);
      }
    }
  });

  it('rotl64 rotates by every amount', () => {
    const g = makeGen(7);
    const T = new Int32Array(2);
    for (let t = 0; t < 200; t++) {
      const v = g.value();
      for (let n = 0; n < 64; n++) {
        rotl64(Number(BigInt.asIntN(32, v >> 32n)), Number(BigInt.asIntN(32, v)), n, T);
        const ref = ((v << BigInt(n)) | (v >> BigInt(64 - n))) & M64;
        expect(pair([T[0]!, T[1]!])).toBe(n === 0 ? v : ref);
      }
    }
  });
});

describe('32x32 multiply helpers', () => {
  it('umulh32/smulh32 give the high word of the product', () => {
    const g = makeGen(3);
    const edges = [0, 1, -1, 0x7fffffff, -0x80000000, 0xffff, 0x10000];
    const vals = [...edges, ...Array.from({ length: 300 }, () => g.next() | 0)];
    for (const a of vals) {
      for (const b of vals.slice(0, 40)) {
        expect(umulh32(a, b)).toBe(Number(BigInt.asIntN(32, (BigInt(a >>> 0) * BigInt(b >>> 0)) >> 32n)));
        expect(smulh32(a, b)).toBe(Number(BigInt.asIntN(32, (BigInt(a) * BigInt(b)) >> 32n)));
      }
    }
  });
});

describe('CR0 of a result', () => {
  it('uses the 64-bit value in 64-bit mode and the low word in 32-bit mode', () => {
    const S = new Int32Array(32);
    S[M_SF] = 1;
    setCr0(S, 0, -5); // 0x00000000fffffffb: positive as a doubleword
    expect(S[CR]! >>> 28).toBe(4);
    S[M_SF] = 0;
    setCr0(S, 0, -5); // negative as a word
    expect(S[CR]! >>> 28).toBe(8);
    S[XER_SO] = 1;
    setCr0(S, 7, 0);
    expect(S[CR]! >>> 28).toBe(3); // EQ | SO: the high word is ignored in 32-bit mode
  });
});

describe('timebase', () => {
  it('ticks at 512 MHz: 10^8 instructions are 51 200 000 ticks', () => {
    expect(nsToTicks(1e8)).toBe(51_200_000);
  });

  it('reads back a written DEC until a tick passes, and latches a negative one', () => {
    const t = createTime(0);
    t.icount = 1000;
    writeDec(t, 1000n);
    expect(readDec(t)).toBe(1000n);
    t.icount += 2; // 2 ns: at most one tick
    expect(Number(readDec(t))).toBeGreaterThanOrEqual(999);
    writeDec(t, -5n);
    expect(t.decPending).toBe(true);
    expect(BigInt.asIntN(56, readDec(t))).toBe(-5n);
  });
});

describe('hash MMU', () => {
  it('sizes the HPT like qemu: 2^max(18, ceil(log2 RAM) - 7)', () => {
    expect(htabSizeFor(256 << 20)).toBe(2 << 20);
    expect(htabSizeFor(512 << 20)).toBe(4 << 20);
    expect(htabSizeFor(1024 << 20)).toBe(8 << 20);
  });

  it('protection follows the PP/key table of Book III', () => {
    // [key, pp, read, write]
    const table: [number, number, boolean, boolean][] = [
      [0, 0, true, true], [0, 1, true, true], [0, 2, true, true], [0, 3, true, false], [0, 6, true, false],
      [1, 0, false, false], [1, 1, true, false], [1, 2, true, true], [1, 3, true, false], [1, 6, false, false],
    ];
    for (const [key, pp, r, w] of table) {
      expect(ppAllows(key, pp, false), `key ${key} pp ${pp} read`).toBe(r);
      expect(ppAllows(key, pp, true), `key ${key} pp ${pp} write`).toBe(w);
    }
  });

  it('H_ENTER places VSID 0x42 / EA 0x10000000 at PTEX 0x210 and translation uses it', () => {
    const m = createMachine(512 << 20, {});
    const call = (r3: bigint, ...args: bigint[]): bigint => {
      set64(m.st, 3, r3);
      args.forEach((a, k) => set64(m.st, 4 + k, a));
      hcall(m);
      return BigInt.asIntN(64, get64(m.st, 3));
    };
    // pseries-platform.md §6: dword0 = (VSID << 12) | ((EA >> 16) & 0xf80) | V; 0x6192 for real 0x6000.
    expect(call(0x08n, 0n, 0x210n, (0x42n << 12n) | 1n, 0x6192n)).toBe(0n);
    expect(get64(m.st, 4)).toBe(0x210n);
    expect(call(0x08n, 0n, 0x218n, (0x42n << 12n) | 1n, 0x7012n)).toBe(0n); // EA 0x10001000: PP 2, no R or C
    expect(translate64(m.mmu, 0x10000123n, ACC_READ, true)).toBe(XL_SEGMENT);
    slbmte(m.mmu, 0x42400n, 0x18000001n); // ESID 1, VSID 0x42, Kp, slot 1
    expect(translate64(m.mmu, 0x10000123n, ACC_READ, true)).toBe(0x6000);
    expect(translate64(m.mmu, 0x10001000n, ACC_WRITE, true)).toBe(0x7000);
    expect(translate64(m.mmu, 0x10002000n, ACC_READ, true)).toBe(XL_NOPTE);
    // The second PTE was entered without R and C: a write sets both.
    expect(readPte(m.mmu, 0x218)[1] & 0x180n).toBe(0x180n);
    // Remove the first: H_REMOVE returns it with qemu's software bit 0x40 set.
    expect(call(0x04n, 0n, 0x210n, 0n)).toBe(0n);
    expect(get64(m.st, 4)).toBe(0x42041n);
    expect(call(0x04n, 0n, 0x210n, 0n)).toBe(-7n); // H_NOT_FOUND
    expect(translate64(m.mmu, 0x10000123n, ACC_READ, true)).toBe(XL_NOPTE);
    // PP = 3 (read only): a problem-state write is refused.
    expect(call(0x08n, 0n, 0x210n, (0x42n << 12n) | 1n, 0x6193n)).toBe(0n);
    expect(translate64(m.mmu, 0x10000000n, ACC_WRITE, true)).toBe(XL_PROT);
  });
});

describe('interrupt delivery', () => {
  it('sets SRR0/SRR1 and enters real mode with SF and ME kept (pseries-platform.md §5)', () => {
    const m = createMachine(512 << 20, {});
    set64(m.st, MSR, 0x800000000000d032n); // a problem-state guest
    syncModeFlags(m.st);
    m.S[M_SF] = 1;
    deliver(m, 0x700, 0x10000008n, 0x40000n);
    expect(get64(m.st, SRR0)).toBe(0x10000008n);
    expect(get64(m.st, SRR1)).toBe(0x800000000004d032n);
    expect(get64(m.st, MSR)).toBe(0x8000000000001000n);
    expect(get64(m.st, PC)).toBe(0x700n);
  });

  it('relocates the vector to 0xc000000000004000 with AIL=3 when IR=DR=1', () => {
    const m = createMachine(512 << 20, {});
    set64(m.st, MSR, 0x800000000000d032n);
    syncModeFlags(m.st);
    m.S[AIL] = 3;
    deliver(m, 0xc00, 0x10000050n);
    expect(get64(m.st, PC)).toBe(0xc000000000004c00n);
    expect(get64(m.st, MSR)).toBe(0x8000000000001030n);
  });
});

describe('conditional branches with reserved BO bits', () => {
  it('decode as the canonical BO of the same meaning', () => {
    const bc = (bo: number): number => ((16 << 26) | (bo << 21) | (2 << 16) | 8) >>> 0;
    expect(canonicalBranchWord(bc(21))).toBe(bc(20)); // 1z1zz: branch always
    expect(canonicalBranchWord(bc(1))).toBe(bc(0)); // 0000z
    expect(canonicalBranchWord(bc(5))).toBe(bc(4)); // 001at: only CR
    expect(canonicalBranchWord(bc(17))).toBe(bc(16)); // 1a00t: only CTR
    const bcctr = (bo: number): number => ((19 << 26) | (bo << 21) | (528 << 1)) >>> 0;
    expect(canonicalBranchWord(bcctr(0))).toBeUndefined(); // decrementing bcctr stays invalid
  });
});
