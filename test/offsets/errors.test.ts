/**
 * Bad input gets `file:line:col: error: ...` diagnostics and no header. Each case is a small
 * declaration file in an in-memory host; the expected lines were checked by hand against the
 * source text (line and column of the offending token).
 */
import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../../common/diagnostics.js';
import { memoryHost } from '../../common/host.js';
import { generateOffsets } from '../../offsets/index.js';

function run(files: Record<string, string>, main = 'a.c'): { header?: string; lines: string[] } {
  const r = generateOffsets(main, { includeDirs: ['inc'] }, memoryHost(files));
  return { ...(r.header !== undefined ? { header: r.header } : {}), lines: r.diagnostics.map((d) => formatDiagnostic(d)) };
}

/** Declarations + a main() holding `defines`, one per line starting at line 3. */
function withDefines(decls: string, ...defines: string[]): string {
  return `${decls}\nint main(void) {\n${defines.map((d) => `\t${d}`).join('\n')}\n}\n`;
}

describe('offsets diagnostics', () => {
  const cases: Array<{ name: string; files: Record<string, string>; errors: string[] }> = [
    {
      name: 'unknown type',
      files: { 'a.c': 'struct s {\n\tu8 a;\n\tfoo_t b;\n};\n' },
      errors: ["a.c:3:2: error: unknown type name 'foo_t'"],
    },
    {
      name: 'unknown member',
      files: { 'a.c': withDefines('struct s { int a; };', 'DEFINE(X, offsetof(struct s, b));') },
      errors: ["a.c:3:31: error: 'struct s' has no member named 'b'"],
    },
    {
      name: 'unknown member in a nested path',
      files: { 'a.c': withDefines('struct in { int x; };\nstruct s { struct in i; };', 'DEFINE(X, offsetof(struct s, i.y));') },
      errors: ["a.c:4:33: error: 'struct in' has no member named 'y'"],
    },
    {
      name: 'bad array index (too large, negative, on a non-array)',
      files: { 'a.c': withDefines('struct s { long g[14]; int n; };', 'DEFINE(A, offsetof(struct s, g[14]));', 'DEFINE(B, offsetof(struct s, g[-1]));', 'DEFINE(C, offsetof(struct s, n[0]));') },
      errors: [
        "a.c:3:33: error: array index 14 is outside [0, 13] of 'long[14]'",
        "a.c:4:33: error: array index -1 is outside [0, 13] of 'long[14]'",
        "a.c:5:32: error: subscripted member is not an array (type 'int')",
      ],
    },
    {
      name: 'duplicate constant names',
      files: { 'a.c': withDefines('struct s { int a; };', 'DEFINE(X, 1);', 'DEFINE(Y, 2);', 'DEFINE(X, 3);') },
      errors: ["a.c:5:9: error: duplicate constant name 'X' (first defined at a.c:3:9)"],
    },
    {
      name: 'cyclic typedefs',
      files: { 'a.c': 'typedef b_t a_t;\ntypedef a_t b_t;\nstruct s { a_t x; };\n' },
      errors: ['a.c:1:13: error: cyclic typedef: a_t -> b_t -> a_t'],
    },
    {
      name: 'a typedef used before its declaration',
      files: { 'a.c': 'struct s { later_t x; };\ntypedef int later_t;\n' },
      errors: ["a.c:1:12: error: unknown type name 'later_t' (its typedef comes later, at a.c:2:13)"],
    },
    {
      name: 'a struct that contains itself, and one embedded before its definition',
      files: { 'a.c': 'struct a { int n; struct a self; };\nstruct b { struct c c; };\nstruct c { int x; };\n' },
      errors: [
        "a.c:1:28: error: field 'self' has incomplete type 'struct a'",
        "a.c:2:21: error: field 'c' has incomplete type 'struct c' (defined later, at a.c:3:8)",
      ],
    },
    {
      name: 'syntax errors are reported and parsing goes on',
      files: { 'a.c': 'struct s { int a int b; };\nstruct t { int ok; };\nstruct u { long 5x; };\n' },
      errors: ["a.c:1:18: error: expected ';' at end of member declaration before 'int'", "a.c:3:17: error: expected a member name before '5x'"],
    },
    {
      name: 'DEFINE outside a function',
      files: { 'a.c': 'struct s { int a; };\nDEFINE(X, 1);\n' },
      errors: ['a.c:2:1: error: DEFINE outside of a function: gcc cannot compile it there; move it into main()'],
    },
    {
      name: 'missing include file, with the include chain',
      files: { 'a.c': '#include "b.h"\n', 'b.h': '\n#include "nope.h"\n' },
      errors: ["b.h:2:2: error: cannot find include file 'nope.h'\na.c:1:2: note: included from here"],
    },
    {
      name: 'unterminated #if and #error',
      files: { 'a.c': '#ifndef X\n#error no X given\nstruct s { int a; };\n' },
      errors: ['a.c:2:2: error: #error no X given', 'a.c:1:2: error: unterminated #ifndef'],
    },
    {
      name: 'alignment not a power of two, bad bit-fields, flexible array not last',
      files: {
        'a.c': withDefines(
          'struct s { int a __attribute__((aligned(12))); };\nstruct t { int f : 33; int : 0; long g : 0; double h : 3; };\nstruct u { int n; char d[]; int m; };\nstruct v { int f : 3; };',
          'DEFINE(X, offsetof(struct v, f));',
        ),
      },
      errors: [
        'a.c:1:33: error: requested alignment 12 is not a positive power of 2',
        "a.c:2:20: error: width of bit-field 'f' (33) exceeds its type 'int' (32 bits)",
        "a.c:2:42: error: zero width for bit-field 'g'",
        "a.c:2:52: error: bit-field 'h' has invalid type 'double'",
        "a.c:3:24: error: flexible array member 'd' not at end of struct",
        "a.c:6:31: error: 'f' is a bit-field: offsetof, sizeof and & do not apply to it",
      ],
    },
    {
      name: 'constant expression errors',
      files: { 'a.c': withDefines('enum e { A = 1 };', 'DEFINE(X, 1 / (A - 1));', 'DEFINE(Y, 1 << 40);', 'DEFINE(Z, nothing + 1);') },
      errors: [
        'a.c:3:14: error: division by zero in a constant expression',
        "a.c:4:14: error: shift count 40 is >= width of type 'int'",
        "a.c:5:12: error: 'nothing' undeclared (not an enumerator, macro or type known here)",
      ],
    },
    {
      name: 'tag kinds, redefinitions, unsupported attributes, failed static assertion',
      files: {
        'a.c': 'struct s { int a; };\nunion s *p;\nstruct t { int a; };\nstruct t { int b; };\nstruct m { int a __attribute__((mode(DI))); };\n_Static_assert(sizeof(struct s) == 8, "s is 8 bytes");\n',
      },
      errors: [
        "a.c:2:7: error: 's' defined as wrong kind of tag",
        "a.c:4:8: error: redefinition of 'struct t' (previous definition at a.c:3:8)",
        "a.c:5:33: error: attribute 'mode' is not supported by the offsets generator (it may change the layout)",
        'a.c:6:1: error: static assertion failed: "s is 8 bytes"',
      ],
    },
    {
      name: 'macro misuse',
      files: { 'a.c': '#define TWO(a, b) a + b\nstruct s { int x[TWO(1)]; };\n' },
      errors: ["a.c:2:18: error: macro 'TWO' requires 2 arguments, but 1 given"],
    },
  ];

  for (const c of cases) {
    it(c.name, () => {
      const r = run(c.files);
      expect(r.lines.filter((l) => / error: /.test(l))).toEqual(c.errors);
      expect(r.header).toBeUndefined();
    });
  }

  it('a missing input file is an error without a location', () => {
    const r = run({}, 'missing.c');
    expect(r.lines).toEqual(["error: cannot read 'missing.c'"]);
    expect(r.header).toBeUndefined();
  });

  it('stray characters and unterminated comments are diagnosed, not thrown', () => {
    const r = run({ 'a.c': 'struct s { int a; @ };\n/* open' });
    expect(r.lines).toEqual(["a.c:2:1: error: unterminated comment"]);
    const r2 = run({ 'a.c': 'struct s { int a; @ };\n' });
    expect(r2.lines).toEqual(["a.c:1:19: error: expected a type before '@'"]);
  });
});
