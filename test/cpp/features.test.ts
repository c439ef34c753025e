/**
 * One test per preprocessor feature, on in-memory inputs. Expected texts are
 * what `powerpc64-linux-gnu-gcc -E -x assembler-with-cpp` prints for the same
 * input (checked by hand when writing them); the differential suite covers
 * the same ground against the live tool.
 */
import { describe, expect, it } from 'vitest';
import { body, mem } from './helpers.js';

/** Output lines that are not blank and not markers. */
function lines(text: string, files: Record<string, string> = {}, options = {}): string[] {
  return body(text, files, options)
    .split('\n')
    .filter((l) => l !== '' && !/^# \d+ "[^"]*"( \d)*$/.test(l));
}

describe('object-like and function-like macros', () => {
  it('expands register names and nested function-like macros with argument prescan', () => {
    const src = '#define r14 14\n#define VCPU_GPRS 360\n#define VCPU_GPR(n) (VCPU_GPRS + (n * 8))\n\tld\tr14, VCPU_GPR(r14)(r4)\n';
    expect(lines(src)).toEqual([' ld 14, (360 + (14 * 8))(r4)']);
  });

  it('keeps leading indentation as columns and collapses inner whitespace', () => {
    expect(body('    ld 3,4\n\t  ld 3,4\n/* c */ ld 3,4\n')).toBe('    ld 3,4\n   ld 3,4\n        ld 3,4\n');
  });

  it('multi-line bodies with backslash and ;-separated statements stay on one line', () => {
    const src = '#define TWO(a) \\\n\tli a,1; \\\n\tli a,2\n\tTWO(3)\n';
    expect(lines(src)).toEqual([' li 3,1; li 3,2']);
  });

  it('a comment followed by ; inside a body leaves an empty statement', () => {
    expect(lines('#define M a; /* c */; b\nM\n')).toEqual(['a; ; b']);
  });

  it('SAVE_2GPRS/SAVE_4GPRS chains expand to n+1, n+2 expressions', () => {
    const src =
      '#define SAVE_GPR(n, base) std n,GPR0+8*(n)(base)\n' +
      '#define SAVE_2GPRS(n, base) SAVE_GPR(n, base); SAVE_GPR(n+1, base)\n' +
      '#define SAVE_4GPRS(n, base) SAVE_2GPRS(n, base); SAVE_2GPRS(n+2, base)\n' +
      'SAVE_4GPRS(3, 1)\n';
    // gcc puts a space between a number from an argument and a following '+' of the body.
    expect(lines(src)).toEqual(['std 3,GPR0+8*(3)(1); std 3 +1,GPR0+8*(3 +1)(1); std 3 +2,GPR0+8*(3 +2)(1); std 3 +2 +1,GPR0+8*(3 +2 +1)(1)']);
  });

  it('a function-like name without ( is left alone, even across lines', () => {
    expect(lines('#define F(x) [x]\nF\n(2) e\nF + 1\n')).toEqual(['[2] e', 'F + 1']);
  });

  it('self-referential and mutually recursive macros stop expanding', () => {
    expect(lines('#define foo foo\nfoo\n#define a b\n#define b a\na b\n#define f(x) x f\nf(1)(2)\n')).toEqual([
      'foo',
      'a b',
      '1 f(2)',
    ]);
  });

  it('C standard example: g(g(1)) and NIL chains', () => {
    expect(lines('#define g(x) g(x) x\ng(g(1))\n')).toEqual(['g(g(1) 1) g(1) 1']);
    expect(lines('#define NIL(x) x\n#define G_0(arg) NIL(G_1)(arg)\n#define G_1(arg) NIL(arg)\nG_0(42)\n')).toEqual(['42']);
  });

  it('variadic macros, __VA_ARGS__, GNU named variadics and the , ## comma', () => {
    const src =
      '#define E(fmt, ...) f(fmt, ## __VA_ARGS__)\n#define N(fmt, args...) g(fmt , ##args)\n' +
      'E(a) E(a,) E(a,b) E(a,b,c) N(a) N(a,) N(a,b c)\n';
    expect(lines(src)).toEqual(['f(a) f(a,) f(a,b) f(a,b,c) g(a) g(a ,) g(a ,b c)']);
  });

  it('__VA_OPT__', () => {
    expect(lines('#define V(...) a __VA_OPT__(b) c\nV() V(1)\n')).toEqual(['a c a b c']);
  });

  it('#undef and redefinition', () => {
    expect(lines('#define X 1\nX\n#undef X\nX\n#define X 2\nX\n')).toEqual(['1', 'X', '2']);
    expect(mem('#define X 1\n#define X 2\n').warnings).toEqual(['"X" redefined']);
    expect(mem('#define X 1\n#define X 1\n').warnings).toEqual([]);
  });

  it('-D and -U', () => {
    expect(lines('A B C\n', {}, { defines: [['A', undefined], ['B', '7'], ['F(x)', 'x+x'], ['C', 'F(2)']], undefines: [] })).toEqual(['1 7 2 +2']);
    expect(lines('__linux__ A\n', {}, { defines: [['A', '1']], undefines: ['A', '__linux__'] })).toEqual(['__linux__ A']);
  });
});

describe('# and ##', () => {
  it('stringifies with whitespace collapsed and quotes escaped', () => {
    const src = '#define S(x) #x\n#define XS(x) S(x)\n#define r3 3\nS( a  +  b ) S("a\\n" \'b\') S() XS(r3) S(r3) S(\\\\)\n';
    expect(lines(src)).toEqual(['"a + b" "\\"a\\\\n\\" \'b\'" "" "3" "r3" "\\\\"']);
  });

  it('pastes labels and two-level GLUE/XGLUE', () => {
    const src =
      '#define GLUE(a,b) a##b\n#define XGLUE(a,b) GLUE(a,b)\n#define r14 14\n#define SKIP(n) slb_entry_skip_ ## n:\n' +
      'GLUE(.,name) XGLUE(.,r14) GLUE(.,r14) XGLUE(r,14) SKIP(2)\n';
    expect(lines(src)).toEqual(['.name .14 . 14 14 slb_entry_skip_2:']);
  });

  it('invalid pastes are not errors in assembler mode: the tokens stay side by side', () => {
    const src = '#define P(a,b) a##b\nP(+,-) P(/,/) P(.,.) P(a,"s") P(+,+) P(<,<=)\n';
    expect(mem(src).errors).toEqual([]);
    expect(lines(src)).toEqual(['+- / / . . a "s" ++ <<=']);
  });

  it('pasting with empty arguments (placemarkers)', () => {
    expect(lines('#define t(x,y,z) x ## y ## z\nt(1,2,3) t(,4,5) t(6,,7) t(8,9,) t(10,,) t(,11,) t(,,12) t(,,)\n')).toEqual([
      '123 45 67 89 10 11 12',
    ]);
  });

  it('# before a non-parameter is a plain # in assembler mode', () => {
    expect(mem('#define H(x) #y x\nH(1)\n').errors).toEqual([]);
    expect(lines('#define H(x) #y x\nH(1)\n')).toEqual([' #y 1']); // leading space: not a directive
  });
});

describe('output spacing at expansion boundaries', () => {
  it('avoids accidental token pastes exactly where gcc does', () => {
    const src = '#define X -1\n#define E\n#define F(x) x\nF(-)X -E- +E+ .E. F(x)1 F(x).5 F(1)x F(.)x F(x). F(/)/ F(\\)y\n';
    expect(lines(src)).toEqual(['- -1 - - + + . . x 1 x.5 1 x .x x. / / \\ y']);
  });

  it('a # printed first after an expansion gets a space so it is not a directive', () => {
    expect(lines('#define X 1\nX\n#bogus\n#define H #\nH x\n')).toEqual(['1', ' #bogus', ' # x']);
  });
});

describe('assembler-mode lexing', () => {
  it('passes gas tokens through untouched', () => {
    const src =
      '#define r3 3\n\tb\tkvmppc_trampoline_\\intno\n\\@ 1f 1b 0x1234 sym@h .TOC.@tocbase %r3 0x1e+r3 .L1:\n';
    expect(lines(src)).toEqual([' b kvmppc_trampoline_\\intno', '\\@ 1f 1b 0x1234 sym@h .TOC.@tocbase %3 0x1e+r3 .L1:']);
  });

  it("an unmatched ' or \" runs to the end of the line and is not expanded", () => {
    const src = "#define a XX\n\tli r3, 'a  ; a\n\tli r3, 'a' ; a\n\t\"str a\n";
    expect(lines(src)).toEqual([" li r3, 'a  ; a", " li r3, 'a' ; XX", ' "str a']);
  });

  it("'$' is not an identifier character", () => {
    expect(lines('#define x 1\nx$ $x a$x\n')).toEqual(['1$ $1 a$1']);
  });

  it('non-directive # lines are text (and are macro-expanded); a lone # is dropped', () => {
    expect(body('#define a XX\n# a gas comment\n#123\n# 33 "foo.c"\n  #  a b\n#\nend\n')).toBe(
      '\n# XX gas comment\n#123\n# 33 "foo.c"\n  # XX b\n\nend\n',
    );
  });

  it('removes /* */ and // comments, including multi-line ones', () => {
    expect(body('a /* x\ny */ b // tail\nc\n')).toBe('a b\n\nc\n');
  });
});

describe('line markers and blank lines', () => {
  it('keeps up to 7 blank lines and switches to a marker from 8', () => {
    expect(body('a\n' + '\n'.repeat(7) + 'b\n' + '\n'.repeat(8) + 'c\n')).toBe('a\n' + '\n'.repeat(7) + 'b\n# 18 "t.S"\nc\n');
  });

  it('prints enter/return markers around includes, and nothing for a guarded re-include', () => {
    const files = { 'g.h': '#ifndef G\n#define G\ng1\n#endif\n', 'n.h': 'x1\n' };
    expect(body('#include "g.h"\n#include "g.h"\n#include "n.h"\n#include "n.h"\nend\n', files)).toBe(
      '# 1 "g.h" 1\n\n\ng1\n# 2 "t.S" 2\n\n# 1 "n.h" 1\nx1\n# 4 "t.S" 2\n# 1 "n.h" 1\nx1\n# 5 "t.S" 2\nend\n',
    );
  });

  it('#if !defined guards, #pragma once and #import also prevent re-inclusion', () => {
    const files = { 'a.h': '/* c */\n#if !defined(A)\n#define A\na\n#endif\n', 'o.h': '#pragma once\no\n' };
    const out = lines('#include "a.h"\n#include "a.h"\n#include "o.h"\n#include "o.h"\n', files);
    expect(out).toEqual(['a', '       ', 'o']);
  });

  it('a guard with #else, or text outside it, does not count as a guard', () => {
    const files = { 'e.h': '#ifndef E\n#define E\ne\n#else\nelse\n#endif\n', 'j.h': 'junk\n#ifndef J\n#define J\n#endif\n' };
    expect(lines('#include "e.h"\n#include "e.h"\n#include "j.h"\n#include "j.h"\n', files)).toEqual(['e', 'else', 'junk', 'junk']);
  });

  it('backslash continuation (also with trailing blanks) keeps later lines on their line numbers', () => {
    expect(body('a \\\nb\nc \\  \nd\ne\n')).toBe('a b\n\nc d\n\ne\n');
  });

  it('#line renumbers and renames', () => {
    expect(body('#line 100 "zz.S"\na __LINE__ __FILE__\n#line 7\nb __LINE__\n')).toBe(
      '# 100 "zz.S"\na 100 "zz.S"\n# 7 "zz.S"\nb 7\n',
    );
  });

  it('__LINE__ is the line of the macro use; inside arguments, the argument\'s own line', () => {
    expect(lines('#define F(x) x __LINE__\nF(\n__LINE__\n)\n#define L __LINE__\nL\n')).toEqual(['3 2', '6']);
  });
});

describe('include search', () => {
  it('"..." looks next to the including file first, then -I in order; <...> only -I', () => {
    const files = {
      'dir/a.h': '#include "b.h"\n#include <b.h>\n',
      'dir/b.h': 'dir_b __FILE__\n',
      'i1/b.h': 'i1_b __FILE__\n',
      'i2/c.h': 'i2_c __FILE__ __INCLUDE_LEVEL__\n',
    };
    expect(lines('#include "dir/a.h"\n#include <c.h>\n', files, { includeDirs: ['i1/', 'i2'] })).toEqual([
      'dir_b "dir/b.h"',
      'i1_b "i1/b.h"',
      'i2_c "i2/c.h" 1',
    ]);
  });

  it('#include_next continues the search after the directory the file was found in', () => {
    const files = { 'i1/x.h': 'one\n#include_next <x.h>\n', 'i2/x.h': 'two\n' };
    expect(lines('#include <x.h>\n', files, { includeDirs: ['i1', 'i2'] })).toEqual(['one', 'two']);
  });

  it('macro-expanded include names and __has_include', () => {
    const files = { 'h.h': 'h\n' };
    expect(lines('#define H "h.h"\n#include H\n#if __has_include("h.h") && !__has_include(<n.h>)\nyes\n#endif\n', files)).toEqual(['h', 'yes']);
  });
});

describe('#if', () => {
  const cond = (expr: string): boolean => lines(`#if ${expr}\nT\n#else\nF\n#endif\n`)[0] === 'T';

  it('C precedence and 64-bit intmax arithmetic', () => {
    expect(cond('1 + 2 * 3 << 1 == 14')).toBe(true);
    expect(cond('1 | 2 | 4 & ~2 == 7')).toBe(true); // C, not gas, precedence: & binds tighter than |
    expect(cond('0x7fffffffffffffff + 1 < 0')).toBe(true);
    expect(cond('-1 >> 63 == -1 && 1 << 63 < 0')).toBe(true);
    expect(cond('-7 / 2 == -3 && -7 % 2 == -1')).toBe(true);
  });

  it('unsigned suffixes and the usual arithmetic conversions', () => {
    expect(cond('-1 > 0u')).toBe(true);
    expect(cond('-1 > 0')).toBe(false);
    expect(cond('0xffffffffffffffff > 0')).toBe(true);
    expect(cond('(1 ? -1 : 0u) > 0')).toBe(true);
    expect(cond('10UL == 10 && 10llu == 10 && 010 == 8')).toBe(true);
  });

  it('char constants (unsigned char on ppc64)', () => {
    expect(cond("'a' == 97 && '\\n' == 10 && '\\377' == 255 && '\\x41' == 65")).toBe(true);
  });

  it('defined X, defined(X), undefined identifiers are 0', () => {
    expect(lines('#define A\n#if defined A && defined(A) && !defined B && !B && C == 0\nok\n#endif\n')).toEqual(['ok']);
  });

  it('short-circuit evaluation skips division by zero', () => {
    expect(cond('0 && 1 / 0')).toBe(false);
    expect(cond('1 || 1 / 0')).toBe(true);
    expect(cond('(0 ? 1 / 0 : 2) == 2')).toBe(true);
  });

  it('#elif chains and nested skipped blocks with invalid directives', () => {
    const src = '#if 0\n#bogus\n#if garbage (\n#endif\n#error no\n#elif 0\nA\n#elif 1\nB\n#elif 1/0\nC\n#else\nD\n#endif\n';
    expect(lines(src)).toEqual(['B']);
  });

  it('predefined target macros', () => {
    expect(
      cond(
        '__ASSEMBLER__ && __powerpc64__ && __PPC64__ && __powerpc__ && __PPC__ && __BIG_ENDIAN__ && _BIG_ENDIAN && ' +
          '__BYTE_ORDER__ == __ORDER_BIG_ENDIAN__ && _CALL_ELF == 1 && __ELF__ && __linux__ && __LP64__',
      ),
    ).toBe(true);
    expect(lines('linux unix\n')).toEqual(['1 1']); // as in gcc's gnu mode
  });
});

describe('pragmas and misc directives', () => {
  it('push_macro/pop_macro', () => {
    expect(lines('#define W 1\n#pragma push_macro("W")\n#undef W\nW\n#pragma pop_macro("W")\nW\n')).toEqual(['       ', 'W', '       ', '1']);
  });

  it('#warning warns, #ident and unknown pragmas vanish', () => {
    const r = mem('#warning careful now\n#ident "x"\n#pragma foo bar\nz\n');
    expect(r.warnings).toEqual(['#warning careful now']);
    expect(r.errors).toEqual([]);
    expect(r.out).toBe('# 1 "t.S"\n\n\n\nz\n');
  });

  it('directives inside macro arguments are processed', () => {
    expect(lines('#define F(x) [x]\nF(\n#define Z 9\nZ)\n')).toEqual(['[9]']);
  });
});

describe('fast path and token path agree', () => {
  const inputs = [
    '#define r3 3\n#define E\n\tld r3, 8(r3)\t# comment\nE r3 E\n-r3 r3- .r3 r3. E- -E\n',
    '#define F(x) x\n#define r4 4\na F(r4) b r4 F\n(1) c\n  F ( 2 ) r4\n',
    "#define a b\n'x a\n/* c */ a /* d\n */ a\n#x a\n",
    '#define M (a) + b\nM M\n#define N M\nN\n',
  ];
  for (const [k, src] of inputs.entries()) {
    it(`input ${k}`, () => {
      expect(mem(src, {}, {}, false).out).toBe(mem(src, {}, {}, true).out);
    });
  }
});
