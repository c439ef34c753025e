/**
 * The generator's preprocessor and the quoting of DEFINE expressions: results are compared with
 * what C's rules give (checked by hand), through the public generateOffsets entry.
 */
import { describe, expect, it } from 'vitest';
import { DiagnosticBag, formatDiagnostic } from '../../common/diagnostics.js';
import { memoryHost } from '../../common/host.js';
import { preprocess } from '../../offsets/c/pp.js';
import { generateOffsets } from '../../offsets/index.js';

/** Preprocess `text` and return the token texts joined by single spaces. */
function pp(text: string, files: Record<string, string> = {}): { out: string; errors: string[] } {
  const bag = new DiagnosticBag();
  const r = preprocess('a.c', { includeDirs: ['inc'] }, memoryHost({ 'a.c': text, ...files }), bag);
  return { out: r.tokens.filter((t) => t.kind !== 'eof').map((t) => t.text).join(' '), errors: bag.items.map((d) => formatDiagnostic(d)) };
}

/** The header lines for a main() body. */
function defines(decls: string, body: string): string[] {
  const r = generateOffsets('a.c', { includeDirs: [] }, memoryHost({ 'a.c': `${decls}\nint main(void) {\n${body}\n}\n` }));
  expect(r.diagnostics.map((d) => formatDiagnostic(d))).toEqual([]);
  return (r.header ?? '').split('\n').filter((l) => l.startsWith('#define ') && !l.startsWith('#define PPC64_'));
}

describe('offsets preprocessor', () => {
  it('expands object-like and function-like macros, with # and ##', () => {
    expect(pp('#define N 4\n#define SQ(x) ((x) * (x))\nSQ(N + 1)').out).toBe('( ( 4 + 1 ) * ( 4 + 1 ) )');
    expect(pp('#define CAT(a, b) a ## b\n#define STR(x) #x\nCAT(fi, eld) STR(a  +   "q")').out).toBe('field "a + \\"q\\""');
    // ## operands are not expanded first; a second level expands them (XGLUE idiom).
    expect(pp('#define A 1\n#define G(a,b) a##b\n#define XG(a,b) G(a,b)\nG(A,2) XG(A,2)').out).toBe('A2 12');
  });

  it('does not expand a macro inside its own expansion, and leaves bare function-like names alone', () => {
    expect(pp('#define foo foo + 1\n#define f(x) x\nfoo f').out).toBe('foo + 1 f');
    expect(pp('#define a b\n#define b a\na b').out).toBe('a b');
  });

  it('handles variadic macros and empty arguments', () => {
    expect(pp('#define V(fmt, ...) f(fmt, __VA_ARGS__)\nV(1, 2, 3) V(1)').out).toBe('f ( 1 , 2 , 3 ) f ( 1 , )');
    expect(pp('#define E(x) [x]\nE()').out).toBe('[ ]');
  });

  it('evaluates #if/#elif/#else with defined, arithmetic and undefined names as 0', () => {
    const src = '#define V 3\n#if defined(V) && V * 2 == 6 && !UNDEF\nyes\n#else\nno\n#endif\n#if 0\n@ stray\n#elif (1 << 4) > 15\nelif\n#endif';
    expect(pp(src)).toEqual({ out: 'yes elif', errors: [] });
    expect(pp('#ifdef X\na\n#elif 1\nb\n#else\nc\n#endif').out).toBe('b');
  });

  it('includes quoted files relative to the includer, then -I; honours guards and #pragma once; knows <stddef.h>', () => {
    const files = {
      'inc/g.h': '#ifndef G\n#define G\nguarded\n#endif\n',
      'inc/o.h': '#pragma once\nonce\n',
      'inc/sub/r.h': '#include "../o.h"\nrel\n',
    };
    expect(pp('#include <g.h>\n#include "g.h"\n#include <o.h>\n#include <sub/r.h>\n#include <stddef.h>\nend', files)).toEqual({ out: 'guarded once rel end', errors: [] });
  });

  it('reports directive errors with their position', () => {
    expect(pp('#if 1\n#else\n#else\n#endif\n#endif').errors).toEqual(['a.c:3:2: error: #else after #else', 'a.c:5:2: error: #endif without #if']);
    expect(pp('#bogus\n#define 3 x\n#if 1 +\n#endif').errors).toEqual([
      'a.c:1:2: error: invalid preprocessing directive #bogus',
      'a.c:2:9: error: macro names must be identifiers',
      'a.c:3:2: error: missing operand in #if expression',
    ]);
  });

  it('never expands the name in DEFINE(NAME, ...), and quotes the expression as written', () => {
    const decls = '#define SLOTS 4\n#define SZ(t) sizeof(t)\nstruct s { long a[SLOTS]; };';
    expect(defines(decls, 'DEFINE(SLOTS, SLOTS);\nDEFINE(S_SIZE,   SZ( struct s ) /* c */ + 0);\nDEFINE(S_A3, offsetof(struct s,\n  a[SLOTS - 1]));')).toEqual([
      '#define SLOTS 4 /* SLOTS */',
      '#define S_SIZE 32 /* SZ( struct s ) + 0 */',
      '#define S_A3 24 /* offsetof(struct s, a[SLOTS - 1]) */',
    ]);
  });

  it('OFFSET, COMMENT and BLANK', () => {
    const r = generateOffsets('a.c', { includeDirs: [] }, memoryHost({ 'a.c': 'struct s { char c; int i; };\nint main(void) {\nCOMMENT("the */ s");\nOFFSET(S_I, s, i);\nBLANK();\nreturn 0;\n}\n' }));
    expect(r.header?.split('\n').slice(4, 7)).toEqual(['/* the * / s */', '#define S_I 4 /* offsetof(struct s, i) */', '']);
  });
});
