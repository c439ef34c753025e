/**
 * Bad input gets a clear diagnostic and no output: malformed objects and archives, unknown and
 * unsupported relocations, wrong machine/endianness/class, undefined and duplicate symbols,
 * out-of-range and misaligned relocations, script syntax errors (file:line:col).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatDiagnostic } from '../../common/diagnostics.js';
import { memoryHost } from '../../common/host.js';
import { link, parseArgs } from '../../linker/index.js';
import { gnuAssemble, tempDir } from './gnu-tools.js';

let dir = '';
let hello: Uint8Array;

beforeAll(() => {
  dir = tempDir('ppc64-ld-err-');
  hello = gnuAssemble(dir, 'hello', readFileSync(join(import.meta.dirname, 'inputs', 'hello.s'), 'utf8')).bytes;
});

/** Link in memory; returns the printed diagnostics and whether an output was produced. */
function tryLink(files: Record<string, Uint8Array | string>, args: string[]): { text: string; output: boolean } {
  const { options, diagnostics } = parseArgs(args);
  expect(diagnostics).toEqual([]);
  const r = link(options, memoryHost(files));
  return { text: r.diagnostics.map((d) => formatDiagnostic(d)).join('\n'), output: r.output !== undefined };
}

const asm = (name: string, src: string): Uint8Array => gnuAssemble(dir, name, src).bytes;
const patched = (b: Uint8Array, f: (dv: DataView) => void): Uint8Array => {
  const c = b.slice();
  f(new DataView(c.buffer));
  return c;
};
const shoff = (b: Uint8Array): number => Number(new DataView(b.buffer, b.byteOffset).getBigUint64(40));
/** Index of the first section of the given type. */
function sectionOfType(b: Uint8Array, type: number): number {
  const dv = new DataView(b.buffer, b.byteOffset);
  const n = dv.getUint16(60);
  for (let i = 0; i < n; i++) if (dv.getUint32(shoff(b) + i * 64 + 4) === type) return i;
  throw new Error('no such section');
}

describe('malformed inputs', () => {
  it('truncated object', () => {
    const r = tryLink({ 'a.o': hello.subarray(0, 300) }, ['a.o']);
    expect(r.output).toBe(false);
    expect(r.text).toMatch(/^error: a\.o: section header table .*past the end of the file \(0x12c bytes\)$/);
  });

  it('section offset outside the file', () => {
    const bad = patched(hello, (dv) => dv.setBigUint64(shoff(hello) + 64 + 24, 0x7fffffn));
    const r = tryLink({ 'a.o': bad }, ['a.o']);
    expect(r.output).toBe(false);
    expect(r.text).toContain('a.o: section 1 (offset 0x7fffff, size 0x1c) extends past the end of the file');
  });

  it('unknown and unsupported relocation types, naming the site', () => {
    const rela = sectionOfType(hello, 4);
    const relaOff = (b: Uint8Array): number => Number(new DataView(b.buffer, b.byteOffset).getBigUint64(shoff(b) + rela * 64 + 24));
    const unknown = patched(hello, (dv) => dv.setUint32(relaOff(hello) + 12, 200));
    let r = tryLink({ 'a.o': unknown }, ['a.o']);
    expect(r.output).toBe(false);
    expect(r.text).toContain('a.o:(.text+0x2): error: unknown relocation type 200');
    const tls = patched(hello, (dv) => dv.setUint32(relaOff(hello) + 12, 69));
    r = tryLink({ 'a.o': tls }, ['a.o']);
    expect(r.text).toContain('a.o:(.text+0x2): error: unsupported relocation R_PPC64_TPREL16');
  });

  it('wrong machine, endianness and class', () => {
    expect(tryLink({ 'x.o': patched(hello, (dv) => dv.setUint16(18, 62)) }, ['x.o']).text).toContain('x.o: wrong machine: e_machine 62');
    expect(tryLink({ 'x.o': patched(hello, (dv) => dv.setUint8(5, 1)) }, ['x.o']).text).toContain('x.o: little-endian ELF file, expected big-endian');
    expect(tryLink({ 'x.o': patched(hello, (dv) => dv.setUint8(4, 1)) }, ['x.o']).text).toContain('x.o: ELF32 file, expected ELF64');
    expect(tryLink({ 'x.o': patched(hello, (dv) => dv.setUint16(18, 20)) }, ['x.o']).text).toContain('EM_PPC (32-bit PowerPC)');
    expect(tryLink({ 'x.o': patched(hello, (dv) => dv.setUint16(16, 2)) }, ['x.o']).text).toContain('x.o: not a relocatable object');
  });

  it('files that are neither ELF nor archives, missing files, broken archives', () => {
    expect(tryLink({ 'notes.txt': 'hello' }, ['notes.txt']).text).toContain('notes.txt: file format not recognized');
    expect(tryLink({}, ['missing.o']).text).toContain('cannot find missing.o: No such file or directory');
    const ar = new TextEncoder().encode('!<arch>\nshort.o/        0           0     0     644     9999      `\nxx');
    expect(tryLink({ 'lib.a': ar, 'a.o': hello }, ['a.o', 'lib.a']).text).toContain('lib.a: archive member at offset 8 (size 9999) extends past the end of the file');
    expect(tryLink({}, ['-T', 'nope.lds', 'a.o']).text).toContain('cannot open linker script file nope.lds');
  });

  it('never throws on corrupted objects (random byte flips)', () => {
    let seed = 7;
    const rnd = (n: number): number => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) % n);
    for (let i = 0; i < 300; i++) {
      const b = hello.slice();
      for (let k = 0; k < 1 + rnd(6); k++) b[rnd(b.length)] = rnd(256);
      const { options } = parseArgs(['a.o']);
      expect(() => link(options, memoryHost({ 'a.o': b }))).not.toThrow();
    }
  });
});

describe('symbols', () => {
  it('undefined references name every referencing site', () => {
    const a = asm('undef', ' .text\n .globl _start\n_start: bl missing_fn\n nop\n bl missing_fn\n .data\n .quad missing_data\n');
    const r = tryLink({ 'u.o': a }, ['u.o']);
    expect(r.output).toBe(false);
    expect(r.text).toContain("u.o:(.text+0x0): error: undefined reference to `missing_fn'");
    expect(r.text).toContain("u.o:(.text+0x8): error: undefined reference to `missing_fn'");
    expect(r.text).toContain("u.o:(.data+0x0): error: undefined reference to `missing_data'");
  });

  it('duplicate definitions name both places', () => {
    const a = asm('dup1', ' .text\n .globl _start, twice\n_start: nop\ntwice: blr\n');
    const b = asm('dup2', ' .text\n nop\n .globl twice\ntwice: blr\n');
    const r = tryLink({ 'a.o': a, 'b.o': b }, ['a.o', 'b.o']);
    expect(r.output).toBe(false);
    expect(r.text).toContain("b.o:(.text+0x4): error: multiple definition of `twice'; a.o:(.text+0x4): first defined here");
  });

  it('undefined weak references resolve to 0', () => {
    const a = asm('weak', ' .text\n .globl _start\n .weak maybe\n_start: nop\n .data\n .quad maybe\n');
    expect(tryLink({ 'w.o': a }, ['w.o']).output).toBe(true);
  });
});

describe('relocation checks', () => {
  it('REL24 out of range is an error naming the site, the value and the range', () => {
    const a = asm('far', ' .text\n .globl _start\n_start: bl far_away\n nop\n');
    const r = tryLink({ 'f.o': a }, ['--defsym', 'far_away=0x20000000', 'f.o']);
    expect(r.output).toBe(false);
    expect(r.text).toMatch(/f\.o:\(\.text\+0x0\): error: relocation R_PPC64_REL24 out of range: 0x[0-9a-f]+ is not in \[-0x2000000, 0x1fffffc\] against `far_away'/);
  });

  it('REL14 out of range and misaligned branch targets', () => {
    const a = asm('far14', ' .text\n .globl _start\n_start: beq 0, t14\n bl odd\n');
    const r = tryLink({ 'f.o': a }, ['--defsym', 't14=_start+0x10000', '--defsym', 'odd=_start+6', 'f.o']);
    expect(r.text).toMatch(/f\.o:\(\.text\+0x0\): error: relocation R_PPC64_REL14 out of range: 0x10000 is not in \[-0x8000, 0x7ffc\]/);
    expect(r.text).toContain('f.o:(.text+0x4): error: improper alignment for relocation R_PPC64_REL24: 0x2 is not aligned to 4 bytes');
  });

  it('a DS-form displacement that is not a multiple of 4 is an error', () => {
    const a = asm('ds', ' .text\n .globl _start\n_start: ld 3, odd_data@l(4)\n .data\n .byte 1\n .globl odd_data\nodd_data: .quad 0\n');
    const r = tryLink({ 'd.o': a }, ['d.o']);
    expect(r.output).toBe(false);
    expect(r.text).toMatch(/d\.o:\(\.text\+0x2\): error: improper alignment for relocation R_PPC64_ADDR16_LO_DS: 0x[0-9a-f]+ is not aligned to 4 bytes against `odd_data'/);
  });

  it('@ha of a kernel address overflows (GNU ld says "truncated"; we give the range)', () => {
    const a = asm('ha', ' .text\n .globl _start\n_start: lis 3, kaddr@ha\n');
    const r = tryLink({ 'h.o': a }, ['--defsym', 'kaddr=0xc000000000001000', 'h.o']);
    expect(r.text).toContain('h.o:(.text+0x2): error: relocation R_PPC64_ADDR16_HA out of range: -0x3ffffffffffff000 is not in [-0x80008000, 0x7fff7fff]');
  });

  it('ADDR32 of a 64-bit address overflows', () => {
    const a = asm('a32', ' .text\n .globl _start\n_start: nop\n .data\n .long big\n');
    expect(tryLink({ 'a.o': a }, ['--defsym', 'big=0x123456789', 'a.o']).text).toContain('a.o:(.data+0x0): error: relocation R_PPC64_ADDR32 out of range');
  });
});

describe('linker scripts', () => {
  it('syntax errors carry file:line:col', () => {
    const a = asm('s1', ' .text\n .globl _start\n_start: nop\n');
    const cases: [string, string][] = [
      ['SECTIONS {\n  .text : { *(.text) \n}\n', "bad.lds:4:1: error: missing '}' at the end of SECTIONS"],
      ['SECTIONS {\n  .text : { *(.text) \n', "bad.lds:3:1: error: missing '}' for output section '.text'"],
      ['SECTIONS {\n  . = 0x1000 +;\n}\n', "bad.lds:2:15: error: expected an expression, found ';'"],
      ['SECTIONS {\n  .text : { *(.text) }\n  x = FOO(1);\n}\n', "bad.lds:3:7: error: unknown function 'FOO'"],
      ['ENTRY(_start\n', "bad.lds:2:1: error: expected ')', found end of file"],
      ['SECTIONS { .a : { } } /* open', 'bad.lds:1:23: error: unterminated comment'],
      ['BOGUS(1)\n', "bad.lds:1:1: error: unknown linker script command 'BOGUS'"],
      ['SECTIONS { . = 0x12g; }', "bad.lds:1:16: error: invalid number '0x12g'"],
    ];
    for (const [text, msg] of cases) {
      const r = tryLink({ 'a.o': a, 'bad.lds': text }, ['-T', 'bad.lds', 'a.o']);
      expect(r.output).toBe(false);
      expect(r.text).toBe(msg);
    }
  });

  it('evaluation errors: undefined symbols and sections, failed ASSERT, moving dot backwards', () => {
    const a = asm('s2', ' .text\n .globl _start\n_start: nop\n');
    const run1 = (text: string): string => tryLink({ 'a.o': a, 's.lds': text }, ['-T', 's.lds', 'a.o']).text;
    expect(run1('SECTIONS { . = nowhere; .text : { *(.text) } }')).toBe("s.lds:1:16: error: undefined symbol `nowhere' referenced in expression");
    expect(run1('SECTIONS { .text : { *(.text) } x = ADDR(.nope); }')).toBe("s.lds:1:37: error: undefined section `.nope' referenced in expression");
    expect(run1('SECTIONS { .text : { *(.text) } ASSERT(SIZEOF(.text) > 100, "text too small") }')).toBe('s.lds:1:33: error: text too small');
    expect(run1('SECTIONS { .text 0x1000 : { *(.text) . = ABSOLUTE(0x800); } }')).toContain('cannot move location counter backwards (from 0x1004 to 0x800)');
    expect(run1('MEMORY { ram : ORIGIN = 0, LENGTH = 2 } SECTIONS { .text : { *(.text) } >ram }')).toContain("section `.text' will not fit in region `ram': overflowed by 0x2 bytes");
  });

  it('references into /DISCARD/ed sections are errors', () => {
    const a = asm('disc', ' .text\n .globl _start\n_start: bl gone\n .section .junk,"ax"\n .globl gone\ngone: blr\n');
    const r = tryLink({ 'a.o': a, 's.lds': 'SECTIONS { .text : { *(.text) } /DISCARD/ : { *(.junk) } }' }, ['-T', 's.lds', 'a.o']);
    expect(r.text).toContain("a.o:(.text+0x0): error: `gone' referenced in section `.text' of a.o: defined in discarded section `.junk' of a.o");
  });
});
