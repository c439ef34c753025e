/**
 * Seeded, reproducible fuzzing: random mutations of the corpus (deleted and
 * duplicated characters, stray parens/quotes/backslashes/comment markers,
 * unbalanced #if/#else/#endif, half macro calls, self-includes) run through
 * ours and through gcc. For every case: no exception, no hang (a time bound),
 * and whenever gcc reports an error we report one too. Where we report an
 * error and gcc does not, gcc must at least have warned (the only place we
 * allow ourselves to be stricter). When neither reports an error, the
 * outputs must be identical.
 *
 * CPP_FUZZ_SEED / CPP_FUZZ_CASES override the defaults to explore further.
 */
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { gcc, ours, readText, rng } from './helpers.js';

const SEED = Number(process.env.CPP_FUZZ_SEED ?? 20240601);
const CASES = Number(process.env.CPP_FUZZ_CASES ?? 120);
const SOURCES = ['book3s_64_slb.S', 'conditionals.S', 'quirks.S', 'lines.S', 'macros.S', 'includes.S'];

const STRAY = ['(', ')', "'", '"', '#', '\\', '/*', '*/', ',', '\n', '##', '//', '\\\n'];
const LINES = [
  '#if 1', '#if 0', '#else', '#endif', '#elif 1', '#ifdef r3', '#ifndef X', '#define X(a) a', '#undef X', 'X(', ')',
  '#include "local.h"', '#include "fuzz.S"', '#define r3 r3', '#if (1', '#if 1/0', '#error boom', '#line 5 "x"',
  'UNBOLT_SLB_ENTRY(', 'VCPU_GPR(r14', '#define F(x,x)', '#define G(...) __VA_ARGS__ ## x', '#pragma once',
];

function mutate(src: string, r: (n: number) => number): string {
  let s = src;
  const count = 1 + r(4);
  for (let k = 0; k < count; k++) {
    const at = r(s.length + 1);
    switch (r(5)) {
      case 0:
        s = s.slice(0, at) + s.slice(at + 1 + r(3));
        break;
      case 1:
        s = s.slice(0, at) + s.slice(at, at + 1 + r(4)) + s.slice(at);
        break;
      case 2:
        s = s.slice(0, at) + STRAY[r(STRAY.length)] + s.slice(at);
        break;
      case 3: {
        const lines = s.split('\n');
        lines.splice(r(lines.length + 1), 0, LINES[r(LINES.length)]!);
        s = lines.join('\n');
        break;
      }
      default: {
        const lines = s.split('\n');
        const a = r(lines.length);
        const b = r(lines.length);
        [lines[a], lines[b]] = [lines[b]!, lines[a]!];
        s = lines.join('\n');
      }
    }
  }
  return s;
}

const dir = mkdtempSync(join(tmpdir(), 'cpp-fuzz-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('cpp fuzz (seeded)', () => {
  it(`${CASES} mutated inputs, seed ${SEED}: no crash or hang; gcc errors imply ours`, () => {
    cpSync('test/cpp/inputs', dir, { recursive: true });
    const r = rng(SEED);
    const problems: string[] = [];
    for (let k = 0; k < CASES; k++) {
      const name = SOURCES[r(SOURCES.length)]!;
      const text = mutate(readText(join(dir, name)), r);
      writeFileSync(join(dir, 'fuzz.S'), text);
      const t0 = performance.now();
      let o;
      try {
        o = ours(join(dir, 'fuzz.S'), text, {
          includeDirs: [join(dir, 'include'), join(dir, 'include2')],
          defines: [['__ASSEMBLY__', undefined], ['CONFIG_KVM_BOOK3S_64_HANDLER', undefined]],
          undefines: [],
        });
      } catch (e) {
        problems.push(`case ${k} (${name}): exception ${(e as Error).stack}\n--- input ---\n${text}`);
        continue;
      }
      const ms = performance.now() - t0;
      if (ms > 2000) problems.push(`case ${k} (${name}): took ${ms.toFixed(0)} ms`);
      const args = [`-I${join(dir, 'include')}`, `-I${join(dir, 'include2')}`, '-D__ASSEMBLY__', '-DCONFIG_KVM_BOOK3S_64_HANDLER'];
      const g = gcc(join(dir, 'fuzz.S'), args, dir);
      const weError = o.errors.length > 0;
      const gccErrors = g.status !== 0;
      if (gccErrors && !weError) {
        problems.push(`case ${k} (${name}): gcc errors, we do not\ngcc: ${g.stderr}\n--- input ---\n${text}`);
      } else if (weError && !gccErrors && g.stderr.trim() === '') {
        problems.push(`case ${k} (${name}): we error, gcc is silent\nours: ${o.text}\n--- input ---\n${text}`);
      } else if (!weError && !gccErrors && o.out !== g.out) {
        const ol = o.out.split('\n');
        const gl = g.out.split('\n');
        let i = 0;
        while (ol[i] === gl[i]) i++;
        problems.push(`case ${k} (${name}): output differs at line ${i + 1}\nours: ${ol[i]}\ngcc:  ${gl[i]}\n--- input ---\n${text}`);
      }
    }
    expect(problems.slice(0, 3).join('\n\n=========\n\n')).toBe('');
  });
});
