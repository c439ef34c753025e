/**
 * Seeded random constant arithmetic (numbers, unary and binary + and -, *, parentheses: what cpp
 * leaves of the kernel's offset macros) in instruction operands, against GNU as. Such operands take
 * the assembler's parser-free path (instructions.ts, constantArithmetic); near misses (octal,
 * shifts, a local label) take the parser. GNU as gives each expression's value through `.quad`;
 * the expressions whose value fits a signed 16-bit immediate then go into addi and D-form
 * displacements, and the instruction bytes must equal GNU's.
 */
import { describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { assembleSources } from '../../assembler/pipeline.js';
import { memoryHost } from '../../common/host.js';
import { allocatedSections } from '../helpers/objects.js';
import { gnuAssemble, scratch } from '../helpers/oracles.js';
import { uniform } from '../helpers/random.js';

/** A random expression of depth at most `depth`. */
function expr(rand: () => number, depth: number): string {
  const k = rand();
  if (depth === 0 || k < 0.3) {
    const n = Math.floor(rand() * (rand() < 0.5 ? 16 : 40000));
    const r = rand();
    if (r < 0.3) return `0x${n.toString(16)}`;
    if (r < 0.35) return `0X${n.toString(16).toUpperCase()}`;
    if (r < 0.4) return `0${(n % 64).toString(8)}`; // octal: the parser's, not the fast path's
    return String(n);
  }
  if (k < 0.45) return `${rand() < 0.7 ? '-' : '+'}${rand() < 0.3 ? ' ' : ''}${expr(rand, depth - 1)}`;
  if (k < 0.6) return `(${rand() < 0.2 ? ' ' : ''}${expr(rand, depth - 1)})`;
  if (k < 0.65) return `${expr(rand, depth - 1)} << ${Math.floor(rand() * 4)}`;
  const op = ['+', '-', '*', '*', '-'][Math.floor(rand() * 5)]!;
  const sp = rand() < 0.5 ? ' ' : '';
  return `${expr(rand, depth - 1)}${sp}${op}${sp}${expr(rand, depth - 1)}`;
}

function ours(text: string): Uint8Array {
  const r = assembleSources([{ path: 't.s', text }], {}, memoryHost({}));
  const errors = r.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0 || !r.object) throw new Error(errors.map((d) => d.message).join('\n'));
  return r.object;
}

describe('constant arithmetic in operands vs GNU as (seeded)', () => {
  it.each([1, 2, 3])('seed %i: 400 expressions', (seed) => {
    const rand = uniform(0x5eed0000 + seed);
    const exprs = Array.from({ length: 400 }, () => expr(rand, 4));
    const s = scratch();
    try {
      // GNU's value of each expression.
      writeFileSync(s.file('values.s'), exprs.map((e) => `\t.quad ${e}\n`).join(''));
      const text0 = allocatedSections(gnuAssemble(s.file('values.s'))).find((x) => x.name === '.text')!;
      const bytes = Buffer.from(text0.bytes.replace(/ /g, ''), 'hex');
      expect(bytes.length).toBe(8 * exprs.length);
      const values = exprs.map((_, i) => bytes.readBigInt64BE(8 * i));
      const fit = exprs.filter((_, i) => values[i]! >= -32768n && values[i]! <= 32767n);
      expect(fit.length).toBeGreaterThan(100);
      const text = fit.map((e) => `\taddi 3, 4, ${e}\n\tlwz 5, ${e}(6)\n`).join('');
      writeFileSync(s.file('insns.s'), text);
      const gnu = allocatedSections(gnuAssemble(s.file('insns.s')));
      expect(allocatedSections(ours(text))).toEqual(gnu);
    } finally {
      s.cleanup();
    }
  });
});
