/**
 * The encoder's number path (encodeWord) against the bigint path (encode) over every row of the
 * table: for seeded random operand values, in range, at the edges and beyond, the number path
 * gives either -1 ("use encode()") or exactly encode()'s word, and never a word where encode()
 * refuses the values.
 */
import { describe, expect, it } from 'vitest';
import { allVariants, encode, encodeWord } from '../../isa/index.js';
import type { InsnVariant } from '../../isa/index.js';
import type { Row } from '../../isa/compile.js';
import { xorshift32 as rng } from '../helpers/random.js';

/** A value for operand `op`: mostly in range, sometimes an edge, just outside, misaligned or omitted. */
function pick(row: Row, i: number, next: () => number): bigint | undefined {
  const op = row.ops[i]!;
  const min = op.min;
  const max = op.max;
  const span = max - min + 1n;
  switch (next() % 10) {
    case 0:
      return min;
    case 1:
      return max;
    case 2:
      return max + 1n;
    case 3:
      return min - 1n;
    case 4:
      return op.dflt !== undefined ? undefined : min + 1n;
    case 5:
      return min + (BigInt(next()) % span) + 1n; // may be misaligned
    default: {
      const v = min + ((BigInt(next()) * 65536n + BigInt(next())) % span);
      return op.align > 1 ? v - (((v % BigInt(op.align)) + BigInt(op.align)) % BigInt(op.align)) : v;
    }
  }
}

/** encodeWord() as a value: the word, or -1 when the number path leaves the row or values to encode(). */
function numberPath(v: InsnVariant, nums: readonly number[], opts?: Parameters<typeof encodeWord>[3]): number {
  const out = new Uint32Array(1);
  return encodeWord(v, nums, out, opts) ? out[0]! : -1;
}

describe('encodeWord (number path) vs encode (bigint path)', () => {
  const rows = allVariants() as readonly Row[];

  it('covers the rows an assembler meets most', () => {
    const covered = (mn: string): boolean => {
      const v = rows.find((r) => r.mnemonic === mn)!;
      const vals = v.ops.map((o) => (o.dflt !== undefined ? NaN : Number(o.min < 0n ? 0n : o.min)));
      return numberPath(v, vals) >= 0;
    };
    for (const mn of ['li', 'mr', 'addi', 'std', 'ld', 'stw', 'lwz', 'cmpdi', 'cmpd', 'rldicl', 'rlwinm', 'ori', 'oris', 'mtspr', 'mfspr', 'nop', 'add', 'and.', 'mtlr', 'mflr', 'isync', 'sync']) {
      expect([mn, covered(mn)]).toEqual([mn, true]);
    }
    // Rows with checks the number path leaves to encode().
    for (const mn of ['ldu', 'stdu', 'lmw', 'bc', 'beq', 'blr', 'sldi']) expect([mn, covered(mn)]).toEqual([mn, false]);
  });

  it('agrees on every row for 200 random operand sets each', () => {
    const next = rng(20261208);
    let fast = 0;
    let refused = 0;
    const mismatches: string[] = [];
    for (const row of rows) {
      for (let k = 0; k < 200; k++) {
        const vals = row.ops.map((_, i) => pick(row, i, next));
        const nums = vals.map((v) => (v === undefined ? NaN : Number(v)));
        const slow = encode(row as InsnVariant, vals);
        const word = numberPath(row as InsnVariant, nums);
        if (word < 0) continue;
        fast++;
        if (!slow.ok) {
          refused++;
          mismatches.push(`${row.mnemonic} ${vals.join(',')}: number path 0x${word.toString(16)}, encode() refuses: ${slow.message}`);
        } else if (slow.words.length !== 1 || slow.words[0] !== word) {
          mismatches.push(`${row.mnemonic} ${vals.join(',')}: number path 0x${word.toString(16)}, encode() 0x${slow.words.map((w) => w.toString(16)).join(' ')}`);
        }
      }
    }
    expect(mismatches.slice(0, 20)).toEqual([]);
    expect(refused).toBe(0);
    // The path is used, not just safe: a good part of the table's rows go through it.
    expect(fast).toBeGreaterThan(rows.length * 20);
  });

  it('leaves hinted branches and omitted operands without a default to encode()', () => {
    const addi = rows.find((r) => r.mnemonic === 'addi')!;
    expect(numberPath(addi, [3, NaN, 1])).toBe(-1);
    expect(numberPath(addi, [3, 4, 1.5])).toBe(-1);
    expect(numberPath(addi, [3, 4, 1], { hint: '+' })).toBe(-1);
    expect(numberPath(addi, [3, 4, 1])).toBe(0x38640001);
    // A word above 2^31 comes out whole (std: primary opcode 62).
    const std = rows.find((r) => r.mnemonic === 'std')!;
    expect(numberPath(std, [3, 8, 1])).toBe(0xf8610008);
  });
});
