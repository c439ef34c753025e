/**
 * ELF64 big-endian reader: bytes → ElfFile, validating every header field it relies on. Bad input
 * yields { error } with a message that starts with the file name; no exception escapes.
 */
import {
  EHDR_SIZE, ELFCLASS32, ELFCLASS64, ELFDATA2LSB, ELFDATA2MSB, EM_PPC64, PHDR_SIZE, RELA_SIZE, SHDR_SIZE,
  SHN_XINDEX, SHT_NOBITS, SHT_NULL, SHT_RELA, SHT_STRTAB, SHT_SYMTAB, SYM_SIZE, machineName,
} from './constants.js';
import { StringTableReader, decodeRela, decodeSymbols } from './tables.js';
import type { ElfFile, ElfRela, ElfSection, ElfSegment, ElfSymbol } from './types.js';

export interface ReadOptions {
  /** Required e_machine; EM_PPC64 by default, `null` accepts any machine. */
  machine?: number | null;
  /**
   * Read the file as a program loader (qemu's -kernel path) does: the identification bytes, the
   * machine and the program headers, each header at its fixed size. e_ehsize, e_phentsize and the
   * version fields are not checked and the section header table is not read (the result has no
   * sections): qemu boots images in which those are damaged, so a loader that models it must too.
   */
  loader?: boolean;
}

function isPow2(v: bigint): boolean {
  if (v <= 0xffffffffn) {
    // Number bit operators see 32 bits: exact for these values, and no bigint is allocated.
    const n = Number(v);
    return (n & (n - 1)) === 0;
  }
  return (v & (v - 1n)) === 0n;
}

/** Shared bigints for small header values (flags, alignments, entry sizes): most fields need no allocation. */
const SMALL: readonly bigint[] = Array.from({ length: 1024 }, (_, i) => BigInt(i));
function u64(dv: DataView, at: number): bigint {
  if (dv.getUint32(at) === 0) {
    const lo = dv.getUint32(at + 4);
    if (lo < 1024) return SMALL[lo]!;
  }
  return dv.getBigUint64(at);
}
const EMPTY = new Uint8Array(0);
const hex = (v: bigint | number): string => `0x${v.toString(16)}`;

export function readElf(bytes: Uint8Array, fileName: string, options: ReadOptions = {}): { file: ElfFile } | { error: string } {
  try {
    const r = parse(bytes, options);
    return typeof r === 'string' ? { error: `${fileName}: ${r}` } : { file: r };
  } catch (e) {
    // parse() checks bounds before every access; this is a last line of defence, not a code path.
    return { error: `${fileName}: malformed ELF file (${e instanceof Error ? e.message : String(e)})` };
  }
}

function parse(bytes: Uint8Array, options: ReadOptions): ElfFile | string {
  const len = BigInt(bytes.length);
  if (bytes.length < 4 || bytes[0] !== 0x7f || bytes[1] !== 0x45 || bytes[2] !== 0x4c || bytes[3] !== 0x46) {
    return 'not an ELF file (bad magic number)';
  }
  if (bytes.length < EHDR_SIZE) return `truncated ELF header (${bytes.length} bytes, need ${EHDR_SIZE})`;
  if (bytes[4] === ELFCLASS32) return 'ELF32 file, expected ELF64 (ELFCLASS64)';
  if (bytes[4] !== ELFCLASS64) return `unknown ELF class ${bytes[4]}, expected ELFCLASS64`;
  if (bytes[5] === ELFDATA2LSB) return 'little-endian ELF file, expected big-endian (ELFDATA2MSB)';
  if (bytes[5] !== ELFDATA2MSB) return `unknown ELF data encoding ${bytes[5]}, expected big-endian (ELFDATA2MSB)`;
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const loader = options.loader === true;
  if (!loader && (bytes[6] !== 1 || dv.getUint32(20) !== 1)) return 'unsupported ELF version (expected 1)';
  const type = dv.getUint16(16);
  const machine = dv.getUint16(18);
  const wanted = options.machine === undefined ? EM_PPC64 : options.machine;
  if (wanted !== null && machine !== wanted) {
    return `wrong machine ${machineName(machine)} (${machine}), expected ${machineName(wanted)} (${wanted})`;
  }
  const entry = dv.getBigUint64(24);
  const phoff = dv.getBigUint64(32);
  const shoff = dv.getBigUint64(40);
  const flags = dv.getUint32(48);
  const ehsize = dv.getUint16(52);
  const phentsize = dv.getUint16(54);
  const phnum = dv.getUint16(56);
  const shentsize = dv.getUint16(58);
  let shnum = dv.getUint16(60);
  let shstrndx = dv.getUint16(62);
  if (!loader && ehsize !== EHDR_SIZE) return `bad ELF header size ${ehsize} (expected ${EHDR_SIZE})`;

  const segments: ElfSegment[] = [];
  if (phnum > 0) {
    if (!loader && phentsize !== PHDR_SIZE) return `bad program header entry size ${phentsize} (expected ${PHDR_SIZE})`;
    if (phoff + BigInt(phnum * PHDR_SIZE) > len) {
      return `program header table (offset ${hex(phoff)}, ${phnum} entries) extends past the end of the file (${hex(len)} bytes)`;
    }
    for (let i = 0; i < phnum; i++) {
      const at = Number(phoff) + i * PHDR_SIZE;
      const p: ElfSegment = {
        type: dv.getUint32(at), flags: dv.getUint32(at + 4), offset: dv.getBigUint64(at + 8),
        vaddr: dv.getBigUint64(at + 16), paddr: dv.getBigUint64(at + 24), filesz: dv.getBigUint64(at + 32),
        memsz: dv.getBigUint64(at + 40), align: dv.getBigUint64(at + 48),
      };
      if (p.offset + p.filesz > len) {
        return `segment ${i} (offset ${hex(p.offset)}, size ${hex(p.filesz)}) extends past the end of the file (${hex(len)} bytes)`;
      }
      if (p.filesz > p.memsz) return `segment ${i} has file size ${hex(p.filesz)} larger than its memory size ${hex(p.memsz)}`;
      segments.push(p);
    }
  }

  const sections: ElfSection[] = [];
  if (loader) {
    return { type, machine, flags, entry, sections, segments, shstrndx: 0, osabi: bytes[7]!, abiversion: bytes[8]!, phoff };
  }
  if (shoff !== 0n) {
    if (shentsize !== SHDR_SIZE) return `bad section header entry size ${shentsize} (expected ${SHDR_SIZE})`;
    if (shoff + BigInt(SHDR_SIZE) > len) return `section header table offset ${hex(shoff)} is past the end of the file (${hex(len)} bytes)`;
    // Extended numbering: the real counts live in section 0.
    if (shnum === 0) shnum = Number(dv.getBigUint64(Number(shoff) + 32) & 0xffffffffn);
    if (shstrndx === SHN_XINDEX) shstrndx = dv.getUint32(Number(shoff) + 40);
    if (shoff + BigInt(shnum) * BigInt(SHDR_SIZE) > len) {
      return `section header table (offset ${hex(shoff)}, ${shnum} entries) extends past the end of the file (${hex(len)} bytes)`;
    }
  } else if (shnum !== 0) {
    return `${shnum} section headers declared at offset 0`;
  }
  const nameOffsets: number[] = [];
  const shoffN = Number(shoff);
  for (let i = 0; i < shnum; i++) {
    const at = shoffN + i * SHDR_SIZE;
    const stype = dv.getUint32(at + 4);
    const offset = u64(dv, at + 24);
    const size = u64(dv, at + 32);
    const addralign = u64(dv, at + 48);
    const hasData = i > 0 && stype !== SHT_NOBITS && stype !== SHT_NULL;
    // Checked as numbers: exact below 2^53, and anything larger is past the end either way.
    const start = Number(offset);
    const end = start + Number(size);
    if (hasData && end > bytes.length) {
      return `section ${i} (offset ${hex(offset)}, size ${hex(size)}) extends past the end of the file (${hex(len)} bytes)`;
    }
    if (!isPow2(addralign)) return `section ${i} has alignment ${addralign}, which is not a power of two`;
    const link = dv.getUint32(at + 40);
    if (i > 0 && link >= shnum && stype !== SHT_NULL) return `section ${i} links to section ${link}, but there are only ${shnum} sections`;
    nameOffsets.push(dv.getUint32(at));
    sections.push({
      name: '', type: stype, flags: u64(dv, at + 8), addr: u64(dv, at + 16), offset,
      data: hasData ? bytes.subarray(start, end) : EMPTY,
      size: i === 0 ? 0n : size, link: i === 0 ? 0 : link, info: dv.getUint32(at + 44), addralign,
      entsize: u64(dv, at + 56),
    });
  }
  if (shnum > 0) {
    if (shstrndx === 0 || shstrndx >= shnum) return `section name string table index ${shstrndx} is out of range (${shnum} sections)`;
    const strtab = sections[shstrndx]!;
    if (strtab.type !== SHT_STRTAB) return `section name string table (section ${shstrndx}) is not a string table`;
    const names = new StringTableReader(strtab.data);
    for (let i = 0; i < shnum; i++) {
      const name = names.get(nameOffsets[i]!);
      if (name === undefined) return `section ${i} has a name offset ${hex(nameOffsets[i]!)} outside the section name string table`;
      sections[i]!.name = name;
    }
    for (let i = 1; i < shnum; i++) {
      const s = sections[i]!;
      if (s.type === SHT_SYMTAB || s.type === SHT_RELA) {
        const want = s.type === SHT_SYMTAB ? SYM_SIZE : RELA_SIZE;
        if (s.entsize !== BigInt(want)) return `section ${s.name} has entry size ${s.entsize} (expected ${want})`;
        if (s.size % BigInt(want) !== 0n) return `section ${s.name} size ${hex(s.size)} is not a multiple of its entry size ${want}`;
      }
      if (s.type === SHT_SYMTAB && sections[s.link]?.type !== SHT_STRTAB) return `symbol table ${s.name} links to section ${s.link}, which is not a string table`;
      if (s.type === SHT_RELA && sections[s.link]?.type !== SHT_SYMTAB) return `relocation section ${s.name} links to section ${s.link}, which is not a symbol table`;
      if (s.type === SHT_RELA && (s.flags & 0x40n) !== 0n && (s.info === 0 || s.info >= shnum)) {
        return `relocation section ${s.name} applies to section ${s.info}, which does not exist`;
      }
    }
  }
  return { type, machine, flags, entry, sections, segments, shstrndx, osabi: bytes[7]!, abiversion: bytes[8]!, phoff };
}

/** The file's symbol table (SHT_SYMTAB), decoded; an empty list when the file has none. */
export function readSymbols(file: ElfFile, fileName: string): { symbols: ElfSymbol[]; index: number } | { error: string } {
  const index = file.sections.findIndex((s) => s.type === SHT_SYMTAB);
  if (index < 0) return { symbols: [], index: 0 };
  const s = file.sections[index]!;
  const r = decodeSymbols(s.data, file.sections[s.link]?.data ?? new Uint8Array(0));
  if ('error' in r) return { error: `${fileName}: ${s.name}: ${r.error}` };
  for (let i = 0; i < r.symbols.length; i++) {
    const shndx = r.symbols[i]!.shndx;
    if (shndx !== 0 && shndx < 0xff00 && shndx >= file.sections.length) {
      return { error: `${fileName}: ${s.name}: symbol ${i} (${r.symbols[i]!.name}) is in section ${shndx}, which does not exist` };
    }
  }
  return { symbols: r.symbols, index };
}

/** Decode one SHT_RELA section, checking symbol indexes against its symbol table. */
export function readRelocations(file: ElfFile, relaIndex: number, fileName: string): { relocs: ElfRela[] } | { error: string } {
  const s = file.sections[relaIndex];
  if (!s || s.type !== SHT_RELA) return { error: `${fileName}: section ${relaIndex} is not a RELA section` };
  const symtab = file.sections[s.link];
  const count = symtab ? Number(symtab.size / BigInt(SYM_SIZE)) : 0;
  const r = decodeRela(s.data, count);
  return 'error' in r ? { error: `${fileName}: ${s.name}: ${r.error}` } : r;
}

export function findSection(file: ElfFile, name: string): ElfSection | undefined {
  return file.sections.find((s) => s.name === name);
}
