/**
 * Differential test: our preprocessor against `powerpc64-linux-gnu-gcc -E -x
 * assembler-with-cpp` on the kernel-style corpus in test/cpp/inputs/.
 *
 * For every input: the same non-blank lines with the same file:line
 * attribution, the byte-identical output (markers and blank lines too), the
 * same success/failure, and the same output with the fast line path off.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BENCH_HEADER, generateBenchSource } from '../../assembler/cpp/bench.js';
import type { CppOptions } from '../../assembler/cpp/index.js';
import { attribute, gcc, ours, readText } from './helpers.js';

const ROOT = process.cwd();
const DIR = 'test/cpp/inputs';

function options(args: readonly string[]): CppOptions {
  const includeDirs: string[] = [];
  const defines: [string, string | undefined][] = [];
  const undefines: string[] = [];
  for (const a of args) {
    if (a.startsWith('-I')) includeDirs.push(a.slice(2));
    else if (a.startsWith('-D')) {
      const eq = a.indexOf('=');
      defines.push(eq < 0 ? [a.slice(2), undefined] : [a.slice(2, eq), a.slice(eq + 1)]);
    } else if (a.startsWith('-U')) undefines.push(a.slice(2));
  }
  return { includeDirs, defines, undefines };
}

const KVM = [`-I${DIR}/include`, `-I${DIR}/include2`, '-D__ASSEMBLY__', '-DCONFIG_KVM_BOOK3S_64_HANDLER', '-DCONFIG_PPC_BOOK3S_64=1'];

const CORPUS: { file: string; args: string[] }[] = [
  { file: 'book3s_64_slb.S', args: KVM },
  { file: 'book3s_64_slb.S', args: [`-I${DIR}/include`, '-D__ASSEMBLY__', '-UCONFIG_KVM_BOOK3S_64_HANDLER'] },
  { file: 'conditionals.S', args: [] },
  { file: 'quirks.S', args: [] },
  { file: 'lines.S', args: [] },
  { file: 'macros.S', args: [] },
  { file: 'includes.S', args: [`-I${DIR}/include`, `-I${DIR}/include2`] },
];

function compare(path: string, args: readonly string[], cwd: string): void {
  const g = gcc(path, args, cwd);
  const o = ours(path, readText(join(cwd, path)), options(args));
  // Attribution first: a failure here names the first line that went astray.
  expect(attribute(o.out)).toEqual(attribute(g.out));
  expect(o.out).toBe(g.out);
  expect(o.errors.length > 0, `ours: ${o.text}\ngcc: ${g.stderr}`).toBe(g.status !== 0);
  expect(ours(path, readText(join(cwd, path)), options(args), undefined, false).out).toBe(o.out);
}

describe('cpp differential vs gcc -E -x assembler-with-cpp', () => {
  for (const { file, args } of CORPUS) {
    it(`${file} ${args.filter((a) => a.startsWith('-D') || a.startsWith('-U')).join(' ')}`, () => {
      compare(`${DIR}/${file}`, args, ROOT);
    });
  }

  it('generated kernel-style source (benchmark generator, 20k lines)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cpp-diff-'));
    try {
      writeFileSync(join(dir, 'bench_asm.h'), BENCH_HEADER);
      writeFileSync(join(dir, 'bench.S'), generateBenchSource(20_000, 7));
      // Our side resolves the include relative to the main file's path, as gcc does.
      const g = gcc('bench.S', [], dir);
      const o = ours(join(dir, 'bench.S'), readText(join(dir, 'bench.S')));
      const fix = (s: string): string => s.split(join(dir, '/')).join('');
      expect(fix(o.out)).toBe(g.out);
      expect(o.errors).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
