/**
 * Seeded, reproducible fuzzing of the gas front end: mutated corpus inputs must never
 * throw, hang or produce an object alongside an error. Every run of this test sees the
 * same inputs (seeded PRNG), so a failure names a reproducible case.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { assembleSources } from '../../assembler/pipeline.js';
import { memoryHost } from '../../common/host.js';
import { uniform } from '../helpers/random.js';

const INPUTS = join(import.meta.dirname, 'inputs');
const corpus = readdirSync(INPUTS)
  .filter((f) => f.endsWith('.s'))
  .sort()
  .map((f) => readFileSync(join(INPUTS, f), 'utf8'));

const NASTY = ['(', ')', ',', '"', "'", '\\', '@', '.', ':', ';', '#', '.macro', '.endm', '.rept 3', '.endr', '.if', '.endif', '\\@', '0x', '1f', '1b', '.org 4', '-', '~', '<<', '%r', '.set', '=', '\n', '\t', '99999999999999999999', '.irp', '.exitm', '@ha', '(1)'];

function mutate(text: string, rand: () => number): string {
  let t = text;
  const n = 1 + Math.floor(rand() * 8);
  for (let i = 0; i < n; i++) {
    const at = Math.floor(rand() * t.length);
    const k = rand();
    if (k < 0.3) t = t.slice(0, at) + t.slice(at + 1 + Math.floor(rand() * 5));
    else if (k < 0.6) t = t.slice(0, at) + NASTY[Math.floor(rand() * NASTY.length)]! + t.slice(at);
    else if (k < 0.8) {
      const len = Math.floor(rand() * 40);
      t = t.slice(0, at) + t.slice(at, at + len) + t.slice(at);
    } else {
      const lines = t.split('\n');
      const a = Math.floor(rand() * lines.length);
      const b = Math.floor(rand() * lines.length);
      [lines[a], lines[b]] = [lines[b]!, lines[a]!];
      t = lines.join('\n');
    }
  }
  return t;
}

describe('front-end fuzzing (seeded)', () => {
  it('never throws and never emits an object with an error', () => {
    const rand = uniform(0x5eed1234);
    let withErrors = 0;
    const cases = 1500;
    for (let i = 0; i < cases; i++) {
      const base = corpus[i % corpus.length]!;
      const text = mutate(base, rand);
      let r;
      try {
        r = assembleSources([{ path: `fuzz-${i}.s`, text }], {}, memoryHost({}));
      } catch (e) {
        throw new Error(`case ${i} threw: ${(e as Error).stack}\n--- input ---\n${text}`);
      }
      const errors = r.diagnostics.filter((d) => d.severity === 'error');
      if (errors.length > 0) {
        withErrors++;
        expect(r.object, `case ${i}`).toBeUndefined();
        for (const d of errors) expect(d.message.length, `case ${i}`).toBeGreaterThan(0);
      } else {
        expect(r.object, `case ${i}`).toBeDefined();
      }
    }
    // The mutations must actually reach the error paths.
    expect(withErrors).toBeGreaterThan(cases / 4);
  });
});
