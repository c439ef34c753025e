import { describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  EM_PPC64, ET_EXEC, ET_REL, PF_R, PF_X, PT_LOAD, R_PPC64_ADDR16_HA, R_PPC64_ADDR64, R_PPC64_NAMES, R_PPC64_REL24,
  SHF_ALLOC, SHF_EXECINSTR, SHF_INFO_LINK, SHF_WRITE, SHN_ABS, SHN_UNDEF, SHT_NOBITS, SHT_NULL, SHT_PROGBITS,
  SHT_RELA, SHT_STRTAB, SHT_SYMTAB, STB_GLOBAL, STB_LOCAL, STB_WEAK, STT_FUNC, STT_NOTYPE, STT_OBJECT, STT_SECTION,
  StringTableBuilder, decodeRela, decodeSymbols, encodeRela, encodeSymbols, readElf, readRelocations, readSymbols,
  relocName, sectionTypeName, writeElf,
} from '../../elf/index.js';
import type { ElfFile, ElfRela, ElfSection, ElfSymbol } from '../../elf/index.js';
import { GNU, gnuAssemble, run, tempDir } from '../linker/gnu-tools.js';

const empty = new Uint8Array(0);
const sec = (p: Partial<ElfSection> & { name: string; type: number }): ElfSection => ({
  flags: 0n, addr: 0n, data: empty, size: BigInt(p.data?.length ?? 0), link: 0, info: 0, addralign: 1n, entsize: 0n, ...p,
});

/** A small relocatable object built with our writer (sections, symbols, relocations). */
function sampleObject(): ElfFile {
  const text = new Uint8Array([0x48, 0, 0, 1, 0x3c, 0x60, 0, 0, 0x60, 0, 0, 0, 0x4e, 0x80, 0, 0x20]);
  const data = new Uint8Array(16).fill(0xab);
  const strtab = new StringTableBuilder();
  const symbols: ElfSymbol[] = [
    { name: '', value: 0n, size: 0n, bind: STB_LOCAL, type: STT_NOTYPE, other: 0, shndx: SHN_UNDEF },
    { name: '', value: 0n, size: 0n, bind: STB_LOCAL, type: STT_SECTION, other: 0, shndx: 1 },
    { name: 'local_label', value: 8n, size: 0n, bind: STB_LOCAL, type: STT_NOTYPE, other: 0, shndx: 1 },
    { name: 'main', value: 0n, size: 16n, bind: STB_GLOBAL, type: STT_FUNC, other: 0, shndx: 1 },
    { name: 'table', value: 8n, size: 8n, bind: STB_WEAK, type: STT_OBJECT, other: 2, shndx: 3 },
    { name: 'abs_sym', value: 0xc000000000001234n, size: 0n, bind: STB_GLOBAL, type: STT_NOTYPE, other: 0, shndx: SHN_ABS },
    { name: 'extern_fn', value: 0n, size: 0n, bind: STB_GLOBAL, type: STT_NOTYPE, other: 0, shndx: SHN_UNDEF },
  ];
  const symData = encodeSymbols(symbols, strtab);
  const relocs: ElfRela[] = [
    { offset: 0n, type: R_PPC64_REL24, sym: 6, addend: 0n },
    { offset: 6n, type: R_PPC64_ADDR16_HA, sym: 4, addend: -0x10n },
  ];
  const dataRelocs: ElfRela[] = [{ offset: 0n, type: R_PPC64_ADDR64, sym: 1, addend: 0x7fffffffffffffffn }];
  const str = strtab.finish();
  return {
    type: ET_REL, machine: EM_PPC64, flags: 1, entry: 0n, segments: [], shstrndx: 0,
    sections: [
      sec({ name: '', type: SHT_NULL }),
      sec({ name: '.text', type: SHT_PROGBITS, flags: SHF_ALLOC | SHF_EXECINSTR, data: text, addralign: 4n }),
      sec({ name: '.rela.text', type: SHT_RELA, flags: SHF_INFO_LINK, data: encodeRela(relocs), link: 5, info: 1, addralign: 8n, entsize: 24n }),
      sec({ name: '.data', type: SHT_PROGBITS, flags: SHF_ALLOC | SHF_WRITE, data, addralign: 8n }),
      sec({ name: '.bss', type: SHT_NOBITS, flags: SHF_ALLOC | SHF_WRITE, size: 0x100n, addralign: 16n }),
      sec({ name: '.symtab', type: SHT_SYMTAB, data: symData, link: 6, info: 3, addralign: 8n, entsize: 24n }),
      sec({ name: '.strtab', type: SHT_STRTAB, data: str }),
      sec({ name: '.rela.data', type: SHT_RELA, flags: SHF_INFO_LINK, data: encodeRela(dataRelocs), link: 5, info: 3, addralign: 8n, entsize: 24n }),
    ],
  };
}

function ok<T extends object>(r: T | { error: string }): T {
  if ('error' in r) throw new Error(r.error);
  return r as T;
}

// ---- readelf -SsrW parsing (the oracle's view) ----
interface RSec { name: string; type: string; addr: bigint; off: number; size: number; es: number; flags: string; lk: number; inf: number; al: number }
function readelfSections(text: string): RSec[] {
  const out: RSec[] = [];
  for (const line of text.split('\n')) {
    const m = /^\s*\[\s*(\d+)\]\s(.*)$/.exec(line);
    if (!m || m[1] === '0') continue;
    const t = m[2]!.trim().split(/\s+/);
    const flags = t.length === 10 ? t[6]! : '';
    const tail = t.slice(t.length - 3);
    out.push({
      name: t[0]!, type: t[1]!, addr: BigInt('0x' + t[2]), off: parseInt(t[3]!, 16), size: parseInt(t[4]!, 16), es: parseInt(t[5]!, 16),
      flags, lk: +tail[0]!, inf: +tail[1]!, al: +tail[2]!,
    });
  }
  return out;
}
function readelfSymbols(text: string): string[] {
  const out: string[] = [];
  for (const line of text.split('\n')) {
    const m = /^\s*(\d+): ([0-9a-f]{16})\s+(\S+)\s+(\S+)\s+(\S+)\s+(\S+)\s+(\S+)\s?(.*)$/.exec(line);
    if (m) out.push([BigInt('0x' + m[2]), m[3]!.startsWith('0x') ? BigInt(m[3]!) : BigInt(m[3]!), m[4], m[5], m[6], m[7], m[8]].join(' '));
  }
  return out;
}
function readelfRelocs(text: string): string[] {
  const out: string[] = [];
  for (const line of text.split('\n')) {
    const m = /^([0-9a-f]{16})\s+([0-9a-f]{16})\s+(R_PPC64_\S+)/.exec(line);
    if (m) out.push(`${BigInt('0x' + m[1])} ${BigInt('0x' + m[2]).toString(16)} ${m[3]}`);
  }
  return out;
}

const TYPE = ['NOTYPE', 'OBJECT', 'FUNC', 'SECTION', 'FILE', 'COMMON', 'TLS'];
const BIND = ['LOCAL', 'GLOBAL', 'WEAK'];
const VIS = ['DEFAULT', 'INTERNAL', 'HIDDEN', 'PROTECTED'];
function ourSymbols(f: ElfFile): string[] {
  return ok(readSymbols(f, 'x')).symbols.map((s) => {
    const ndx = s.shndx === 0 ? 'UND' : s.shndx === 0xfff1 ? 'ABS' : s.shndx === 0xfff2 ? 'COM' : String(s.shndx);
    // readelf prints a section symbol with the section's name.
    const name = s.type === STT_SECTION && s.name === '' ? f.sections[s.shndx]!.name : s.name;
    return [s.value, s.size, TYPE[s.type], BIND[s.bind], VIS[s.other & 3], ndx, name].join(' ');
  });
}
function ourRelocs(f: ElfFile): string[] {
  const out: string[] = [];
  f.sections.forEach((s, i) => {
    if (s.type !== SHT_RELA) return;
    for (const r of ok(readRelocations(f, i, 'x')).relocs) {
      out.push(`${r.offset} ${((BigInt(r.sym) << 32n) | BigInt(r.type)).toString(16)} ${relocName(r.type)}`);
    }
  });
  return out;
}

function compareWithReadelf(path: string, f: ElfFile): void {
  const S = readelfSections(run(GNU.readelf, ['-SW', path]));
  const ours = f.sections.slice(1).map((s) => ({
    name: s.name, type: sectionTypeName(s.type), addr: s.addr, off: Number(s.offset), size: Number(s.size), es: Number(s.entsize),
    lk: s.link, inf: s.info, al: Number(s.addralign),
  }));
  expect(ours).toEqual(S.map(({ flags: _f, ...rest }) => rest));
  expect(ourSymbols(f).map((l) => l.trimEnd())).toEqual(readelfSymbols(run(GNU.readelf, ['-sW', path])).map((l) => l.trimEnd()));
  expect(ourRelocs(f)).toEqual(readelfRelocs(run(GNU.readelf, ['-rW', path])));
}

describe('elf constants', () => {
  it('names every relocation gas knows exactly as readelf does', () => {
    const dir = tempDir();
    // gas accepts every name except R_PPC64_ADDR30, which is an ABI number gas has no spelling for.
    const known = [...R_PPC64_NAMES.entries()].filter(([, n]) => n !== 'R_PPC64_ADDR30');
    const src = ' .text\n .space 8\n' + known.map(([, n]) => ` .reloc 0, ${n}\n`).join('');
    const obj = gnuAssemble(dir, 'relocs', src);
    const lines = run(GNU.readelf, ['-rW', obj.path]).split('\n').filter((l) => /^[0-9a-f]{16}\s/.test(l));
    const seen = lines.map((l) => {
      const t = l.trim().split(/\s+/);
      return [parseInt(t[1]!.slice(8), 16), t[2]] as [number, string];
    });
    expect(seen).toEqual(known);
    expect(relocName(9999)).toContain('unknown');
  });
});

describe('elf writer + reader', () => {
  it('round-trips a relocatable object through bytes', () => {
    const f = sampleObject();
    const bytes = writeElf(f);
    const back = ok(readElf(bytes, 'rt.o')).file;
    expect(back.type).toBe(ET_REL);
    expect(back.flags).toBe(1);
    expect(back.sections.map((s) => s.name)).toEqual(['', '.text', '.rela.text', '.data', '.bss', '.symtab', '.strtab', '.rela.data', '.shstrtab']);
    expect(back.sections[4]!.size).toBe(0x100n);
    expect(back.sections[4]!.data.length).toBe(0);
    expect([...back.sections[1]!.data]).toEqual([...f.sections[1]!.data]);
    const syms = ok(readSymbols(back, 'rt.o')).symbols;
    expect(syms[5]!.value).toBe(0xc000000000001234n);
    expect(syms[4]).toEqual({ name: 'table', value: 8n, size: 8n, bind: STB_WEAK, type: STT_OBJECT, other: 2, shndx: 3 });
    const rel = ok(readRelocations(back, 2, 'rt.o')).relocs;
    expect(rel[1]).toEqual({ offset: 6n, type: R_PPC64_ADDR16_HA, sym: 4, addend: -0x10n });
    expect(ok(readRelocations(back, 7, 'rt.o')).relocs[0]!.addend).toBe(0x7fffffffffffffffn);
    // Writing the read-back model again gives the same bytes (offsets are now explicit).
    expect(Buffer.from(writeElf(back)).equals(Buffer.from(bytes))).toBe(true);
  });

  it('writes an object readelf reads the same way we do', () => {
    const dir = tempDir();
    const path = join(dir, 'ours.o');
    const bytes = writeElf(sampleObject());
    writeFileSync(path, bytes);
    const f = ok(readElf(bytes, path)).file;
    compareWithReadelf(path, f);
    // Sections are aligned as requested.
    for (const s of f.sections) if (s.addralign > 1n && s.type !== SHT_NOBITS) expect(s.offset! % s.addralign).toBe(0n);
  });

  it('reads GNU-assembled objects exactly as readelf -SsrW does', () => {
    const dir = tempDir();
    const src = `
	.section ".text","ax"
	.globl _start
	.type _start,@function
_start:	bl .foo
	nop
	lis 3, sym@ha
	addi 3,3,sym@l
	ld 4, sym@toc(2)
	addis 5,2,local@toc@ha
	ld 5,local@toc@l(5)
	b 1f
1:	blr
	.size _start, .-_start
	.section ".opd","aw"
	.align 3
	.globl foo
foo:	.quad .foo, .TOC.@tocbase, 0
	.section ".data"
	.align 3
local:	.quad sym + 0x10, sym - 8
	.long sym
	.weak wk
	.quad wk
	.section .bss
	.space 16
	.comm cc, 8, 8
	.lcomm lc, 32
	.section .toc,"aw"
	.quad sym
	.section .text.unlikely,"ax",@progbits
	.hidden hid
hid:	.long 0
`;
    const obj = gnuAssemble(dir, 'gnu', src);
    const f = ok(readElf(obj.bytes, obj.path)).file;
    expect(f.machine).toBe(EM_PPC64);
    compareWithReadelf(obj.path, f);
  });

  it('writes program headers for an executable that readelf accepts', () => {
    const text = new Uint8Array([0x48, 0, 0, 0]);
    const f: ElfFile = {
      type: ET_EXEC, machine: EM_PPC64, flags: 1, entry: 0x10000000n, shstrndx: 0,
      segments: [{ type: PT_LOAD, flags: PF_R | PF_X, offset: 0x10000n, vaddr: 0x10000000n, paddr: 0x10000000n, filesz: 4n, memsz: 4n, align: 0x10000n }],
      sections: [sec({ name: '', type: SHT_NULL }), sec({ name: '.text', type: SHT_PROGBITS, flags: SHF_ALLOC | SHF_EXECINSTR, addr: 0x10000000n, offset: 0x10000n, data: text, addralign: 4n })],
    };
    const bytes = writeElf(f);
    const dir = tempDir();
    const path = join(dir, 'exe');
    writeFileSync(path, bytes);
    const out = run(GNU.readelf, ['-lW', path]);
    expect(out).toMatch(/LOAD\s+0x010000 0x0000000010000000 0x0000000010000000 0x000004 0x000004 R E 0x10000/);
    const back = ok(readElf(bytes, path)).file;
    expect(back.segments).toEqual(f.segments);
    expect(back.sections[1]!.offset).toBe(0x10000n);
  });

  it('uses extended section numbering past 0xff00 sections', () => {
    const sections: ElfSection[] = [sec({ name: '', type: SHT_NULL })];
    for (let i = 0; i < 0xff05; i++) sections.push(sec({ name: `.s${i % 3}`, type: SHT_NOBITS, flags: SHF_ALLOC, size: 1n }));
    const f: ElfFile = { type: ET_REL, machine: EM_PPC64, flags: 0, entry: 0n, segments: [], sections, shstrndx: 0 };
    const back = ok(readElf(writeElf(f), 'big.o')).file;
    expect(back.sections.length).toBe(0xff07);
    expect(back.shstrndx).toBe(0xff06);
    expect(back.sections[0xff05]!.name).toBe(`.s${0xff04 % 3}`);
  });

  it('string tables share identical names and start with NUL', () => {
    const b = new StringTableBuilder();
    expect(b.add('')).toBe(0);
    expect(b.add('abc')).toBe(1);
    expect(b.add('x')).toBe(5);
    expect(b.add('abc')).toBe(1);
    expect([...b.finish()]).toEqual([0, 97, 98, 99, 0, 120, 0]);
  });
});

describe('elf reader diagnostics', () => {
  const good = (): Uint8Array => writeElf(sampleObject());
  const err = (bytes: Uint8Array): string => {
    const r = readElf(bytes, 'bad.o');
    expect('error' in r).toBe(true);
    return (r as { error: string }).error;
  };
  const patch = (f: (dv: DataView, b: Uint8Array) => void): Uint8Array => {
    const b = good().slice();
    f(new DataView(b.buffer), b);
    return b;
  };
  const shoff = (b: Uint8Array): number => Number(new DataView(b.buffer).getBigUint64(40));

  it('rejects non-ELF, truncated, wrong class, wrong endianness, wrong machine', () => {
    expect(err(new Uint8Array([1, 2, 3]))).toBe('bad.o: not an ELF file (bad magic number)');
    expect(err(good().subarray(0, 40))).toMatch(/^bad\.o: truncated ELF header/);
    expect(err(patch((_, b) => (b[4] = 1)))).toMatch(/ELF32 file, expected ELF64/);
    expect(err(patch((_, b) => (b[5] = 1)))).toMatch(/little-endian ELF file, expected big-endian/);
    expect(err(patch((dv) => dv.setUint16(18, 62)))).toBe('bad.o: wrong machine EM_X86_64 (62), expected EM_PPC64 (21)');
    expect('file' in readElf(patch((dv) => dv.setUint16(18, 20)), 'x', { machine: null })).toBe(true);
  });

  it('rejects tables and sections outside the file', () => {
    const b = good();
    expect(err(b.subarray(0, b.length - 10))).toMatch(/section header table .* extends past the end of the file/);
    expect(err(patch((dv, bb) => dv.setBigUint64(shoff(bb) + 64 + 24, 0x100000n)))).toMatch(/section 1 \(offset 0x100000, size 0x10\) extends past the end/);
    expect(err(patch((dv, bb) => dv.setBigUint64(shoff(bb) + 64 + 32, 0xffffffffffffffffn)))).toMatch(/section 1 .* extends past the end/);
    expect(err(patch((dv) => dv.setUint16(62, 77)))).toMatch(/string table index 77 is out of range/);
    expect(err(patch((dv, bb) => dv.setUint32(shoff(bb) + 64, 9999)))).toMatch(/section 1 has a name offset 0x270f outside/);
    expect(err(patch((dv, bb) => dv.setBigUint64(shoff(bb) + 64 + 48, 3n)))).toMatch(/alignment 3, which is not a power of two/);
    expect(err(patch((dv, bb) => dv.setUint32(shoff(bb) + 2 * 64 + 40, 1)))).toMatch(/links to section 1, which is not a symbol table/);
    expect(err(patch((dv, bb) => dv.setBigUint64(shoff(bb) + 2 * 64 + 56, 16n)))).toMatch(/entry size 16 \(expected 24\)/);
  });

  it('rejects bad symbol and relocation entries', () => {
    const f = ok(readElf(good(), 'x.o')).file;
    const sym = f.sections[5]!;
    const badName = sym.data.slice();
    new DataView(badName.buffer).setUint32(24 * 3, 0xffff);
    expect(decodeSymbols(badName, f.sections[6]!.data)).toEqual({ error: 'symbol 3 has a name offset 0xffff outside the string table' });
    const rel = f.sections[2]!.data.slice();
    new DataView(rel.buffer).setUint32(8, 50);
    expect(decodeRela(rel, 7)).toEqual({ error: 'relocation 0 refers to symbol 50, but the symbol table has 7 entries' });
    expect('error' in decodeRela(new Uint8Array(25))).toBe(true);
    const badShndx = patch((dv, bb) => {
      const symOff = Number(dv.getBigUint64(shoff(bb) + 5 * 64 + 24));
      dv.setUint16(symOff + 24 * 3 + 6, 300);
    });
    const r = readSymbols(ok(readElf(badShndx, 'y.o')).file, 'y.o');
    expect(r).toEqual({ error: 'y.o: .symtab: symbol 3 (main) is in section 300, which does not exist' });
  });

  it('never throws on random corruption', () => {
    const base = good();
    let seed = 12345;
    const rnd = (n: number): number => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) % n);
    for (let i = 0; i < 3000; i++) {
      const b = base.slice();
      for (let k = 0; k < 1 + rnd(4); k++) b[rnd(b.length)] = rnd(256);
      const cut = rnd(8) === 0 ? b.subarray(0, rnd(b.length)) : b;
      const r = readElf(cut, 'fuzz.o');
      if ('file' in r) {
        readSymbols(r.file, 'fuzz.o');
        r.file.sections.forEach((s, j) => s.type === SHT_RELA && readRelocations(r.file, j, 'fuzz.o'));
      } else expect(r.error).toMatch(/^fuzz\.o: /);
    }
  });
});
