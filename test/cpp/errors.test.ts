/**
 * Every error the preprocessor reports: message, file:line:col, include
 * chain; and for each one, gcc rejects the same input too (so we are not
 * inventing errors), run in a scratch directory with the same files.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../../common/diagnostics.js';
import { gcc, mem } from './helpers.js';

interface Case {
  name: string;
  src: string;
  files?: Record<string, string>;
  /** Expected first error: `line:col: message` (in t.S unless `file` says otherwise). */
  error: string;
  file?: string;
}

const CASES: Case[] = [
  { name: 'unterminated #if at end of file', src: 'a\n#if 1\nb\n', error: '2:2: unterminated #if' },
  { name: 'unterminated #ifdef', src: '#ifdef X\n', error: '1:2: unterminated #ifdef' },
  { name: '#else without #if', src: '#else\n', error: '1:2: #else without #if' },
  { name: '#endif without #if', src: 'x\n#endif\n', error: '2:2: #endif without #if' },
  { name: '#elif without #if', src: '#elif 1\n', error: '1:2: #elif without #if' },
  { name: '#elif after #else', src: '#if 0\n#else\n#elif 1\n#endif\n', error: '3:2: #elif after #else' },
  { name: '#else after #else', src: '#if 0\n#else\n#else\n#endif\n', error: '3:2: #else after #else' },
  { name: 'unterminated comment', src: 'a\n  /* never closed\nb\n', error: '2:3: unterminated comment' },
  { name: 'too few macro arguments', src: '#define K(a,b) a b\nK(1)\n', error: '2:4: macro "K" requires 2 arguments, but only 1 given' },
  { name: 'too many macro arguments', src: '#define K(a,b) a b\nK(1,2,3)\n', error: '2:8: macro "K" passed 3 arguments, but takes just 2' },
  { name: 'unterminated argument list', src: '#define F(x) x\nF(1,\n', error: '2:5: unterminated argument list invoking macro "F"' },
  { name: 'bad #if expression', src: '#if 1 +\n#endif\n', error: '1:7: operator \'+\' has no right operand' },
  { name: 'missing binary operator', src: '#if 1 2\n#endif\n', error: '1:7: missing binary operator before token "2"' },
  { name: 'division by zero in #if', src: '#if 1/0\n#endif\n', error: '1:6: division by zero in #if' },
  { name: 'modulo by zero in #if', src: '#if 1 % (2 - 2)\n#endif\n', error: '1:7: division by zero in #if' },
  { name: '#if with no expression', src: '#if\n#endif\n', error: '1:4: #if with no expression' },
  { name: "missing ')'", src: '#if (1\n#endif\n', error: "1:7: missing ')' in expression" },
  { name: "'?' without ':'", src: '#if 1 ? 2\n#endif\n', error: "1:7: '?' without following ':'" },
  { name: 'invalid integer suffix', src: '#if 0x\n#endif\n', error: '1:5: invalid suffix "x" on integer constant' },
  { name: 'floating constant', src: '#if 1.0\n#endif\n', error: '1:5: floating constant in preprocessor expression' },
  { name: 'empty char constant', src: "#if ''\n#endif\n", error: '1:5: empty character constant' },
  { name: 'string in #if', src: '#if "s"\n#endif\n', error: '1:5: token ""s"" is not valid in preprocessor expressions' },
  { name: 'defined without a name', src: '#if defined(\n#endif\n', error: '1:13: operator "defined" requires an identifier' },
  { name: 'defined with no )', src: '#if defined(X\n#endif\n', error: '1:14: missing \')\' after "defined"' },
  { name: '#error', src: 'a\n#error this is  "an error\n', error: '2:2: #error this is "an error' },
  { name: '#pragma GCC error', src: '#pragma GCC error "stop"\n', error: '1:9: stop' },
  { name: '#define without a name', src: '#define\n', error: '1:8: no macro name given in #define directive' },
  { name: '#define of a number', src: '#define 3 x\n', error: '1:9: macro names must be identifiers' },
  { name: '#define defined', src: '#define defined 1\n', error: '1:9: "defined" cannot be used as a macro name' },
  { name: 'duplicate macro parameter', src: '#define F(x,x) x\n', error: '1:13: duplicate macro parameter "x"' },
  { name: 'bad parameter list', src: '#define G(x y) x\n', error: '1:13: expected \',\' or \')\', found "y"' },
  { name: '## at the start of a body', src: '#define I ## a\n', error: "1:9: '##' cannot appear at either end of a macro expansion" },
  { name: '## at the end of a body', src: '#define J(a) a ##\n', error: "1:9: '##' cannot appear at either end of a macro expansion" },
  { name: '#ifdef without a name', src: '#ifdef\n#endif\n', error: '1:7: no macro name given in #ifdef directive' },
  { name: '#include without a name', src: '#include\n', error: '1:9: #include expects "FILENAME" or <FILENAME>' },
  { name: '#line with a non-number', src: '#line x\n', error: '1:7: "x" after #line is not a positive integer' },
  { name: 'missing include', src: 'a\n#include "nofile.h"\n', error: "2:10: 'nofile.h' file not found" },
  {
    name: 'missing include inside an include (with the include chain)',
    src: '\n#include "b.h"\n',
    files: { 'b.h': 'b\n\n#include <missing.h>\n' },
    file: 'b.h',
    error: "3:10: 'missing.h' file not found",
  },
  {
    name: 'recursive include stops at the depth limit',
    src: '#include "t.S"\n',
    error: '1:10: #include nested depth 200 exceeds maximum of 200',
  },
];

const scratch = mkdtempSync(join(tmpdir(), 'cpp-errors-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function gccRejects(c: Case, k: number): boolean {
  const dir = join(scratch, String(k));
  const files: Record<string, string> = { 't.S': c.src, ...(c.files ?? {}) };
  for (const [p, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, p)), { recursive: true });
    writeFileSync(join(dir, p), text);
  }
  return gcc('t.S', [], dir).status !== 0;
}

describe('cpp errors', () => {
  for (const [k, c] of CASES.entries()) {
    it(c.name, () => {
      const r = mem(c.src, c.files ?? {});
      const first = r.diags.find((d) => d.severity === 'error');
      expect(first, `no error reported; diagnostics:\n${r.text}`).toBeDefined();
      expect(`${first!.loc!.line}:${first!.loc!.col}: ${first!.message}`).toBe(c.error);
      expect(first!.loc!.file).toBe(c.file ?? 't.S');
      expect(gccRejects(c, k), 'gcc accepts this input').toBe(true);
    });
  }

  it('reports the include chain as origin frames, innermost first', () => {
    const r = mem('\n#include "b.h"\n', { 'b.h': '#include "c.h"\n', 'c.h': '\n#error deep\n' });
    expect(r.text).toBe('c.h:2:2: error: #error deep\nb.h:1:1: note: included from here\nt.S:2:1: note: included from here');
  });

  it('#warning and redefinitions are warnings, not errors', () => {
    const r = mem('#warning hmm\n#define X 1\n#define X 2\n#undef __FILE__\n');
    expect(r.errors).toEqual([]);
    expect(r.warnings).toEqual(['#warning hmm', '"X" redefined', 'undefining "__FILE__"']);
  });

  it('self-referential macros terminate', () => {
    const r = mem('#define a a b\n#define b a\n#define f(x) f(x) g\n#define g f(1)\na b f(f(2)) g\n');
    expect(r.errors).toEqual([]);
    expect(r.out.split('\n').at(-2)).toBe('a a a b f(f(2) f(1)) f(1) f(1) g'); // as gcc prints it
  });

  it('deep nesting is a diagnostic, not a stack overflow', () => {
    const n = 5000;
    const m = 600;
    expect(mem(`#define F(x) x\nF(${'F('.repeat(m)}1${')'.repeat(m)})\n`).errors).toContain('macro invocations nested more than 400 deep');
    expect(mem(`#if ${'('.repeat(n)}1${')'.repeat(n)}\n#endif\n`).errors).toEqual(['#if expression nested too deeply']);
    expect(mem(`#if ${'-'.repeat(n)}1\n#endif\n`).errors).not.toEqual([]);
  });

  it('formats diagnostics GNU-style', () => {
    const r = mem('#if 1/0\n#endif\n');
    expect(formatDiagnostic(r.diags[0]!)).toBe('t.S:1:6: error: division by zero in #if');
  });
});
