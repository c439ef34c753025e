/** Linker-script parsing and expression evaluation (unit level; layout is covered by the differential tests). */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Expr, OutputSectionDef } from '../../linker/script/ast.js';
import { DEFAULT_SCRIPT, DEFAULT_SCRIPT_FILE, DEFAULT_SCRIPT_JSON, scriptFromJson, scriptToJson } from '../../linker/script/default.js';
import { regenerate } from '../../linker/script/gen-default.js';
import { evaluate, type EvalEnv } from '../../linker/script/eval.js';
import { parseExpression, parseScript } from '../../linker/script/parser.js';
import { compilePattern, matchFile } from '../../linker/script/pattern.js';

const parse = (text: string) => {
  const r = parseScript(text, 't.lds');
  if (!r.script) throw new Error(r.diagnostics.map((d) => `${d.loc?.line}:${d.loc?.col}: ${d.message}`).join('\n'));
  return r.script;
};

const env = (over: Partial<EvalEnv> = {}): EvalEnv => ({
  dot: () => 0x1000n, symbol: () => undefined, isDefined: () => false, section: () => undefined, region: () => undefined,
  sizeofHeaders: () => 0xb0n, maxPageSize: 0x10000n, commonPageSize: 0x1000n, dataSegmentAlign: () => 0n,
  dataSegmentRelroEnd: (_o, e) => e, dataSegmentEnd: (e) => e, error: (m) => { throw new Error(m); }, ...over,
});
const ev = (text: string, e: EvalEnv = env()): bigint => {
  const r = parseExpression(text, 'x');
  if (!r.expr) throw new Error(r.diagnostics[0]!.message);
  return evaluate(r.expr as Expr, e).v;
};

describe('linker script parser', () => {
  it('parses a kernel-style SECTIONS with every output-section feature', () => {
    const s = parse(`
      OUTPUT_FORMAT("elf64-powerpc", "elf64-powerpc", "elf64-powerpc") OUTPUT_ARCH(powerpc:common64)
      ENTRY(_stext)
      KBASE = 0xc000000000000000;
      SECTIONS {
        . = KBASE;
        .head.text : AT(ADDR(.head.text) - KBASE) { KEEP(*(.head.text)) . = 0x100; }
        .text ALIGN(0x100) (NOLOAD) : AT(0) ALIGN(16) SUBALIGN(4) ONLY_IF_RO { *(.text .text.*) foo.o(.special) *(EXCLUDE_FILE(*crt.o) .x) } >ram AT>rom :text :data =0x60000000,
        PROVIDE_HIDDEN(__start = .);
        .data : { SORT(*)(.data) *(SORT_BY_ALIGNMENT(.data.*)) BYTE(1) QUAD(2) FILL(0x90) *(COMMON) } 
        /DISCARD/ : { *(.comment) }
        ASSERT(. < 0xd000000000000000, "too big")
      }`);
    expect(s.entry?.name).toBe('_stext');
    const osecs = s.sections.filter((x): x is OutputSectionDef => x.k === 'osec');
    expect(osecs.map((o) => o.name)).toEqual(['.head.text', '.text', '.data', '/DISCARD/']);
    const text = osecs[1]!;
    expect(text.type).toBe('NOLOAD');
    expect(text.constraint).toBe('ONLY_IF_RO');
    expect([text.region, text.lmaRegion, text.phdrs]).toEqual(['ram', 'rom', ['text', 'data']]);
    expect(text.cmds.length).toBe(3);
    const spec = text.cmds[0]!;
    expect(spec.k === 'input' && spec.sections.map((x) => x.pattern.text)).toEqual(['.text', '.text.*']);
    const excl = text.cmds[2]!;
    expect(excl.k === 'input' && excl.sections[0]!.excludeFiles[0]!.text).toBe('*crt.o');
    const data = osecs[2]!;
    expect(data.cmds.map((c) => c.k)).toEqual(['input', 'input', 'data', 'data', 'fill', 'input']);
    expect(data.cmds[5]!.k === 'input' && data.cmds[5]!.common).toBe(true);
    expect(s.sections.some((x) => x.k === 'assign' && x.provide && x.hidden && x.name === '__start')).toBe(true);
    expect(s.sections.some((x) => x.k === 'assert' && x.message === 'too big')).toBe(true);
  });

  it('parses MEMORY and PHDRS', () => {
    const s = parse('MEMORY { rom (rx) : ORIGIN = 0x0, LENGTH = 64K\n ram : org = 0x100000, len = 1M }\nPHDRS { text PT_LOAD FILEHDR PHDRS FLAGS(5); note PT_NOTE; }');
    expect(s.memory.map((m) => [m.name, m.attrs])).toEqual([['rom', 'rx'], ['ram', '']]);
    expect(s.phdrs.map((p) => [p.name, p.type, p.fileHdr, p.phdrs])).toEqual([['text', 1, true, true], ['note', 4, false, false]]);
  });

  it('reports errors at file:line:col', () => {
    const r = parseScript('SECTIONS {\n  .text : { *(.text) }\n  .data : AT(1 + ) { }\n}', 'k.lds');
    expect(r.diagnostics[0]).toMatchObject({ message: "expected an expression, found ')'", loc: { file: 'k.lds', line: 3, col: 18 } });
  });
});

describe('expressions', () => {
  it('follows C precedence and GNU ld number syntax', () => {
    expect(ev('1 + 2 * 3')).toBe(7n);
    expect(ev('(1 + 2) * 3')).toBe(9n);
    expect(ev('1 << 4 | 1')).toBe(17n);
    expect(ev('0x10 & 0x18 == 0x10')).toBe(0n); // == binds tighter than &
    expect(ev('4K + 1M')).toBe(4096n + 1048576n);
    expect(ev('010')).toBe(8n);
    expect(ev('1 ? 2 : 3')).toBe(2n);
    expect(ev('-1')).toBe(0xffffffffffffffffn);
    expect(ev('~0 >> 60')).toBe(15n);
    expect(ev('-1 < 0')).toBe(1n); // comparisons are signed
  });

  it('builtins: ALIGN, MAX/MIN, LOG2CEIL, SIZEOF_HEADERS, CONSTANT, SEGMENT_START, ABSOLUTE', () => {
    expect(ev('ALIGN(0x100)')).toBe(0x1000n);
    expect(ev('ALIGN(0x1001, 0x100)')).toBe(0x1100n);
    expect(ev('MAX(3, 5) + MIN(3, 5)')).toBe(8n);
    expect(ev('LOG2CEIL(5)')).toBe(3n);
    expect(ev('SIZEOF_HEADERS')).toBe(0xb0n);
    expect(ev('CONSTANT(MAXPAGESIZE)')).toBe(0x10000n);
    expect(ev('SEGMENT_START("text-segment", 0x10000000)')).toBe(0x10000000n);
    expect(ev('ABSOLUTE(.) + 1')).toBe(0x1001n);
  });

  it('looks up sections and symbols through the environment', () => {
    const e = env({
      section: (n) => (n === '.text' ? { addr: 0x2000n, lma: 0x100n, size: 0x30n, align: 8n } : undefined),
      symbol: (n) => (n === 'foo' ? { v: 0x42n, abs: true } : undefined),
      isDefined: (n) => n === 'foo',
    });
    expect(ev('ADDR(.text) + SIZEOF(.text)', e)).toBe(0x2030n);
    expect(ev('LOADADDR(.text) + ALIGNOF(.text)', e)).toBe(0x108n);
    expect(ev('foo * 2', e)).toBe(0x84n);
    expect(ev('DEFINED(foo) + DEFINED(bar)', e)).toBe(1n);
    expect(() => ev('ADDR(.nope)', e)).toThrow("undefined section `.nope' referenced in expression");
    expect(() => ev('bar', e)).toThrow("undefined symbol `bar' referenced in expression");
    expect(() => ev('1 / 0', e)).toThrow('division by zero');
  });
});

describe('patterns', () => {
  it('matches globs like GNU ld', () => {
    expect(compilePattern('.text.*').match('.text.foo')).toBe(true);
    expect(compilePattern('.text.*').match('.text')).toBe(false);
    expect(compilePattern('*crtbegin?.o').match('/lib/crtbeginS.o')).toBe(true);
    expect(compilePattern('.data[0-9]').match('.data7')).toBe(true);
    expect(compilePattern('.data[!0-9]').match('.data7')).toBe(false);
    expect(compilePattern('.x+y').match('.x+y')).toBe(true);
    expect(matchFile(compilePattern('libfoo.a:bar.o'), 'libfoo.a', 'bar.o')).toBe(true);
    expect(matchFile(compilePattern('bar.o'), 'libfoo.a', 'bar.o')).toBe(true);
    expect(matchFile(compilePattern('bar.o'), 'dir/bar.o', undefined)).toBe(false);
  });
});

describe('robustness', () => {
  it('never throws on token soup', () => {
    const words = ['SECTIONS', '{', '}', '(', ')', ':', ';', '=', '.', '.text', '*', 'KEEP', 'AT', 'ALIGN', '0x10', '+', '?', ',', '"s"',
      'PROVIDE', 'ASSERT', 'MEMORY', 'PHDRS', 'ORIGIN', '>', '/*', '*/', 'SORT', 'EXCLUDE_FILE', 'ENTRY', 'x', '/DISCARD/', '-', 'BYTE'];
    let seed = 99;
    const rnd = (n: number): number => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) % n);
    for (let i = 0; i < 2000; i++) {
      const text = Array.from({ length: 1 + rnd(25) }, () => words[rnd(words.length)]).join(rnd(2) ? ' ' : '');
      expect(() => parseScript(text, 'fuzz.lds')).not.toThrow();
    }
  });
});

describe('the default script, shipped parsed', () => {
  it('DEFAULT_SCRIPT_JSON is DEFAULT_SCRIPT parsed (else run `node dist/linker/script/gen-default.js`)', () => {
    const source = readFileSync(join(import.meta.dirname, '../../linker/script/default.ts'), 'utf8');
    expect(regenerate(source), 'linker/script/default.ts is stale: run `node dist/linker/script/gen-default.js`').toBe(source);
  });

  it('revives to the parsed tree, with working patterns and exact numbers', () => {
    const parsed = parseScript(DEFAULT_SCRIPT, DEFAULT_SCRIPT_FILE).script!;
    const revived = scriptFromJson(DEFAULT_SCRIPT_JSON);
    expect(scriptToJson(revived)).toBe(scriptToJson(parsed));
    const text = revived.sections.find((s): s is OutputSectionDef => s.k === 'osec' && s.name === '.text')!;
    const specs = text.cmds.flatMap((c) => (c.k === 'input' ? c.sections.map((e) => e.pattern) : []));
    expect(specs.some((p) => p.match('.text.foo'))).toBe(true);
    expect(specs.some((p) => p.match('.data'))).toBe(false);
    const start = revived.sections.find((s) => s.k === 'assign' && s.name === '__executable_start');
    expect(start?.k === 'assign' && start.expr).toEqual({ k: 'num', v: 0x10000000n });
    // Each revival is a fresh tree: a link adds orphan descriptions to its copy.
    expect(scriptFromJson(DEFAULT_SCRIPT_JSON).sections[0]).not.toBe(revived.sections[0]);
  });
});
