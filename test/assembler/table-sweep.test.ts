/**
 * The whole front end against GNU as over the instruction table: one seeded random line
 * for every mnemonic spelling the table knows (every operand kind, parenthesised bases,
 * CR fields, branch targets, optional operands), assembled from text by ppc64-as and by
 * `powerpc64-linux-gnu-as -mpower10`. Lines GNU rejects (invalid forms for the random
 * operands) are dropped first; every remaining word must be equal.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { assembleSources } from '../../assembler/pipeline.js';
import { memoryHost } from '../../common/host.js';
import { formatDiagnostic } from '../../common/diagnostics.js';
import { allVariants } from '../../isa/index.js';
import type { InsnVariant, OperandInfo } from '../../isa/types.js';
import { GNU, run, scratch } from '../helpers/oracles.js';
import { allocatedSections } from '../helpers/objects.js';

function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s ^ (s >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0;
    return s / 2 ** 32;
  };
}

function pick(r: () => number, lo: bigint, hi: bigint): bigint {
  const span = hi - lo + 1n;
  if (span <= 0n) return lo;
  const x = BigInt(Math.floor(r() * 2 ** 32)) * (1n << 21n) + BigInt(Math.floor(r() * 2 ** 21));
  return lo + (x % span);
}

function operandText(o: OperandInfo, r: () => number): string {
  const edge = r();
  let v: bigint;
  if (edge < 0.15) v = o.min;
  else if (edge < 0.3) v = o.max;
  else v = pick(r, o.min, o.max);
  if (o.align > 1) v -= ((v % BigInt(o.align)) + BigInt(o.align)) % BigInt(o.align);
  if (v < o.min) v += BigInt(o.align);
  switch (o.kind) {
    case 'target':
      // relative targets: a label-free displacement from the instruction
      return o.fixup === 'br24abs' || o.fixup === 'br14abs' ? `${v < 0n ? 0n : v}` : `.${v < 0n ? '' : '+'}${v}`;
    default:
      return `${v}`;
  }
}

function line(v: InsnVariant, r: () => number): string {
  const parts: string[] = [];
  const ops = v.operands;
  // Randomly leave out trailing optional operands, as users do.
  let last = ops.length;
  while (last > 0 && ops[last - 1]!.optional && r() < 0.4) last--;
  for (let i = 0; i < last; i++) {
    const o = ops[i]!;
    if (o.optional && !ops.slice(i).every((x) => x.optional || x.parens)) {
      // an optional operand in the middle (cmpwi's BF) is written
    }
    const t = operandText(o, r);
    if (o.parens) parts[parts.length - 1] += `(${t})`;
    else parts.push(t);
  }
  return `\t${v.mnemonic}${parts.length ? '\t' + parts.join(', ') : ''}`;
}

describe('every table spelling, from text, equals GNU as -mpower10', () => {
  for (const seed of [0xc0ffee, 0x1234, 0xbeef]) it(`sweeps the table (seed ${seed.toString(16)})`, () => {
    const r = prng(seed);
    const variants = allVariants().filter((v) => !v.prefixed);
    expect(variants.length).toBeGreaterThan(500);
    let lines = variants.map((v) => line(v, r));
    const s = scratch();
    try {
      const src = s.file('sweep.s');
      // GNU decides which random lines are valid: drop the ones it rejects, once.
      writeFileSync(src, '\t.machine power10\n' + lines.join('\n') + '\n');
      const first = run(GNU.as, ['-mpower10', src, '-o', s.file('gnu.o')]);
      const bad = new Set([...first.stderr.matchAll(/:(\d+): Error/g)].map((m) => Number(m[1]) - 2));
      lines = lines.filter((_, i) => !bad.has(i));
      const text = '\t.machine power10\n' + lines.join('\n') + '\n';
      writeFileSync(src, text);
      const gnu = run(GNU.as, ['-mpower10', src, '-o', s.file('gnu.o')]);
      expect(gnu.stderr.match(/Error.*/g) ?? []).toEqual([]);
      const ours = assembleSources([{ path: 'sweep.s', text }], { cpu: 'power10' }, memoryHost({}));
      expect(ours.diagnostics.filter((d) => d.severity === 'error').map((d) => formatDiagnostic(d))).toEqual([]);
      expect(lines.length).toBeGreaterThan(variants.length * 0.8);
      const g = allocatedSections(new Uint8Array(readFileSync(s.file('gnu.o'))));
      const o = allocatedSections(ours.object!);
      // Compare word by word so a failure names the line.
      const gw = g.find((x) => x.name === '.text')!.bytes.split(' ');
      const ow = o.find((x) => x.name === '.text')!.bytes.split(' ');
      const diffs: string[] = [];
      for (let i = 0; i < Math.max(gw.length, ow.length); i++) if (gw[i] !== ow[i]) diffs.push(`${lines[i]?.trim()}: ours ${ow[i]} gnu ${gw[i]}`);
      expect(diffs.slice(0, 20)).toEqual([]);
    } finally {
      s.cleanup();
    }
  });
});
