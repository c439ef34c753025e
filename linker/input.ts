/**
 * Reading the inputs: ELF relocatable objects and ar archives, in command-line order with GNU ld's
 * positional archive semantics (an archive satisfies only references seen before it, except inside
 * --start-group/--end-group, which is rescanned until nothing more is extracted).
 */
import {
  EHDR_SIZE, ELFCLASS64, ELFDATA2MSB, EM_PPC64, ET_REL, SHDR_SIZE, SHF_ALLOC, SHF_EXCLUDE, SHT_GROUP, SHT_NOBITS, SHT_NULL, SHT_REL, SHT_RELA, SHT_STRTAB,
  SHT_SYMTAB, SHT_SYMTAB_SHNDX, SYM_SIZE,
} from '../elf/constants.js';
import { readElf, readSymbols } from '../elf/reader.js';
import { StringTableReader } from '../elf/tables.js';
import type { ElfFile } from '../elf/types.js';
import { isArchive, isThinArchive, parseArchive } from './archive.js';
import { addObjectSymbols } from './symbols.js';
import type { ArchiveFile, Ctx, InputSection, ObjectFile } from './types.js';

const GRP_COMDAT = 1;

function err(ctx: Ctx, message: string): void {
  ctx.diags.add({ severity: 'error', message });
}

/** A symbol table: its bytes (`size` at `base` in `dv`), its name, and every symbol's name. */
export interface SymbolTable {
  dv: DataView;
  base: number;
  names: string[];
}

/**
 * The names of the symbols in `size` bytes at `base` of `dv`, checked as readSymbols checks them
 * (a bad name offset first, then the first symbol in a section that does not exist), with its
 * messages. The linker decodes the other fields straight into its own symbols.
 */
function symbolNames(dv: DataView, base: number, size: number, strtab: Uint8Array, shnum: number, where: string): string[] | { error: string } {
  if (size % SYM_SIZE !== 0) return { error: `${where}: symbol table size ${size} is not a multiple of ${SYM_SIZE}` };
  const strings = new StringTableReader(strtab);
  const n = size / SYM_SIZE;
  const names: string[] = new Array(n);
  let badSection = -1;
  for (let i = 0, at = base; i < n; i++, at += SYM_SIZE) {
    const off = dv.getUint32(at);
    const name = off === 0 ? '' : strings.get(off);
    if (name === undefined) return { error: `${where}: symbol ${i} has a name offset 0x${off.toString(16)} outside the string table` };
    names[i] = name;
    const shndx = dv.getUint16(at + 6);
    if (badSection < 0 && shndx !== 0 && shndx < 0xff00 && shndx >= shnum) badSection = i;
  }
  if (badSection >= 0) {
    const shndx = dv.getUint16(base + badSection * SYM_SIZE + 6);
    return { error: `${where}: symbol ${badSection} (${names[badSection]}) is in section ${shndx}, which does not exist` };
  }
  return names;
}

/** The object's symbol table (the first SHT_SYMTAB, as readSymbols takes it); no symbols when there is none. */
function elfSymbolTable(elf: ElfFile, fileName: string): SymbolTable | { error: string } {
  const index = elf.sections.findIndex((s) => s.type === SHT_SYMTAB);
  if (index < 0) return { dv: new DataView(new ArrayBuffer(0)), base: 0, names: [] };
  const s = elf.sections[index]!;
  const dv = new DataView(s.data.buffer, s.data.byteOffset, s.data.byteLength);
  const names = symbolNames(dv, 0, s.data.length, elf.sections[s.link]?.data ?? EMPTY, elf.sections.length, `${fileName}: ${s.name}`);
  return 'error' in names ? names : { dv, base: 0, names };
}

const EMPTY = new Uint8Array(0);

/** Every InputSection is made here with all of its fields, so that all share one object shape. */
export function newInputSection(file: ObjectFile, index: number, name: string, type: number, flags: bigint, align: bigint, size: bigint, data: Uint8Array): InputSection {
  const s: InputSection = {
    file, index, name, type, flags, align, size, data, rela: undefined, relocs: undefined, live: true, keep: false, out: undefined,
    offset: 0n, discarded: false, synthetic: undefined, keepEmpty: false, seq: 0, piece: undefined!,
  };
  s.piece = { kind: 'input', section: s };
  return s;
}

/** Parse one object's bytes into an ObjectFile and merge its symbols. */
export function addObject(ctx: Ctx, bytes: Uint8Array, name: string, path: string, member?: string): ObjectFile | undefined {
  const file: ObjectFile = { name, path, member, eflags: 0, sections: [], symbols: [], order: ctx.files.length };
  const plain = readPlainObject(bytes, file);
  const read = plain ? { symtab: plain, discarded: null } : readObject(ctx, bytes, file);
  if (!read) return undefined;
  ctx.files.push(file);
  file.symbols = addObjectSymbols(ctx, file, read.symtab.dv, read.symtab.base, read.symtab.names, read.discarded);
  return file;
}

/**
 * The general path of addObject, through the ELF library's reader: fills in `file` (e_flags,
 * sections) and returns its symbol table and the COMDAT-discarded sections, or reports why the
 * object cannot be linked. (Exported for the tests that hold readPlainObject to it.)
 */
export function readObject(ctx: Ctx, bytes: Uint8Array, file: ObjectFile): { symtab: SymbolTable; discarded: Set<number> } | undefined {
  const name = file.name;
  const r = readElf(bytes, name, { machine: null });
  if ('error' in r) {
    err(ctx, r.error);
    return undefined;
  }
  const elf = r.file;
  if (elf.machine !== EM_PPC64) {
    err(ctx, `${name}: wrong machine: ${elf.machine === 20 ? 'EM_PPC (32-bit PowerPC)' : `e_machine ${elf.machine}`}; ppc64-ld links EM_PPC64 objects`);
    return undefined;
  }
  if (elf.type !== ET_REL) {
    err(ctx, `${name}: not a relocatable object (e_type ${elf.type}); ppc64-ld links .o files and archives of them`);
    return undefined;
  }
  if ((elf.flags & 3) === 2) {
    err(ctx, `${name}: ELFv2 object (e_flags 0x${elf.flags.toString(16)}); ppc64-ld links ELFv1 objects`);
    return undefined;
  }
  const syms = elfSymbolTable(elf, name);
  if ('error' in syms) {
    err(ctx, syms.error);
    return undefined;
  }
  file.eflags = elf.flags;
  file.sections = [];

  // COMDAT groups: the first group with a signature wins; later copies are dropped whole.
  const discarded = new Set<number>();
  elf.sections.forEach((s, i) => {
    if (s.type !== SHT_GROUP || s.data.length < 4) return;
    const dv = new DataView(s.data.buffer, s.data.byteOffset, s.data.byteLength);
    if ((dv.getUint32(0) & GRP_COMDAT) === 0) return;
    const sig = syms.names[s.info] ?? `#${i}`;
    if (!ctx.comdats.has(sig)) {
      ctx.comdats.add(sig);
      return;
    }
    for (let at = 4; at + 4 <= s.data.length; at += 4) discarded.add(dv.getUint32(at));
  });

  elf.sections.forEach((s, i) => {
    if (i === 0 || discarded.has(i)) return;
    if (s.type === SHT_NULL || s.type === SHT_SYMTAB || s.type === SHT_STRTAB || s.type === SHT_GROUP || s.type === SHT_SYMTAB_SHNDX) return;
    if (s.type === SHT_RELA) return;
    if (s.type === SHT_REL) {
      err(ctx, `${name}: section ${s.name}: REL relocations are not used on ppc64 (expected RELA)`);
      return;
    }
    if ((s.flags & SHF_EXCLUDE) !== 0n) return;
    file.sections[i] = newInputSection(file, i, s.name, s.type, s.flags, s.addralign > 0n ? s.addralign : 1n, s.size, s.type === SHT_NOBITS ? EMPTY : s.data);
  });
  elf.sections.forEach((s, i) => {
    if (s.type !== SHT_RELA || discarded.has(i)) return;
    const target = file.sections[s.info];
    if (!target) return; // relocations for a section the link drops (or a discarded group member)
    const symtab = elf.sections[s.link];
    if (symtab?.type !== SHT_SYMTAB) {
      err(ctx, `${name}: relocation section ${s.name} does not use the object's symbol table`);
      return;
    }
    const dv = new DataView(s.data.buffer, s.data.byteOffset, s.data.byteLength);
    target.rela = { dv, base: 0, size: s.data.length, name: s.name, symbolCount: Math.floor(Number(symtab.size) / SYM_SIZE) };
  });
  return { symtab: syms, discarded };
}

/** 2^32, and the high word below which a 64-bit value is a safe integer. */
const W = 4294967296;
const SAFE_HI = 0x200000;

/** A 64-bit header field as a number, or -1 when it is 2^53 or more (the general path handles those). */
function u64(dv: DataView, at: number): number {
  const hi = dv.getUint32(at);
  if (hi === 0) return dv.getUint32(at + 4);
  return hi < SAFE_HI ? hi * W + dv.getUint32(at + 4) : -1;
}

/** Shared bigints for small header values (flags, alignments), as the ELF reader does. */
const SMALL: readonly bigint[] = Array.from({ length: 1024 }, (_, i) => BigInt(i));
const big = (v: number): bigint => (v < 1024 ? SMALL[v]! : BigInt(v));

/**
 * addObject's common case without the general ELF reader: an ELF64 big-endian PowerPC64 ET_REL
 * object (not ELFv2) with no program headers and no section groups, which the reader would accept
 * as it is. Section headers go straight into InputSections: no ElfSection per header, no bigint
 * per field, no copy of the tables the link only reads once. The checks are the reader's (and
 * addObject's, and readSymbols'); anything they would reject, and anything unusual, returns
 * undefined having changed nothing, and addObject takes the general path, which then reports
 * the reader's messages. Otherwise it fills in `file` (e_flags, sections) and returns the symbol table.
 * (Exported for the tests that hold it to readObject.)
 */
export function readPlainObject(bytes: Uint8Array, file: ObjectFile): SymbolTable | undefined {
  const len = bytes.length;
  if (len < EHDR_SIZE || bytes[0] !== 0x7f || bytes[1] !== 0x45 || bytes[2] !== 0x4c || bytes[3] !== 0x46) return undefined;
  if (bytes[4] !== ELFCLASS64 || bytes[5] !== ELFDATA2MSB || bytes[6] !== 1) return undefined;
  const dv = new DataView(bytes.buffer, bytes.byteOffset, len);
  const eflags = dv.getUint32(48);
  if (dv.getUint32(20) !== 1 || dv.getUint16(16) !== ET_REL || dv.getUint16(18) !== EM_PPC64 || (eflags & 3) === 2) return undefined;
  if (dv.getUint16(52) !== EHDR_SIZE || dv.getUint16(56) !== 0 || dv.getUint16(58) !== SHDR_SIZE) return undefined;
  const shoff = u64(dv, 40);
  const shnum = dv.getUint16(60);
  const shstrndx = dv.getUint16(62);
  if (shoff <= 0 || shnum === 0 || shstrndx === 0 || shstrndx >= shnum || shoff + shnum * SHDR_SIZE > len) return undefined;
  const hdr = (i: number): number => shoff + i * SHDR_SIZE;
  const typeOf = (i: number): number => dv.getUint32(hdr(i) + 4);
  if (typeOf(0) !== SHT_NULL) return undefined;

  // The reader's checks on every header, and the tables this path needs.
  let symtab = -1;
  for (let i = 0; i < shnum; i++) {
    const at = hdr(i);
    const type = dv.getUint32(at + 4);
    if (type === SHT_GROUP || type === SHT_REL) return undefined;
    const offset = u64(dv, at + 24);
    const size = u64(dv, at + 32);
    const align = u64(dv, at + 48);
    if (i > 0 && type !== SHT_NOBITS && type !== SHT_NULL && (offset < 0 || size < 0 || offset + size > len)) return undefined;
    if (align < 0 || align > 0xffffffff || (align & (align - 1)) !== 0) return undefined;
    const link = dv.getUint32(at + 40);
    if (i > 0 && link >= shnum && type !== SHT_NULL) return undefined;
    if (i > 0 && (type === SHT_SYMTAB || type === SHT_RELA)) {
      if (u64(dv, at + 56) !== SYM_SIZE || size % SYM_SIZE !== 0) return undefined; // (RELA entries are 24 bytes too)
      if (typeOf(link) !== (type === SHT_SYMTAB ? SHT_STRTAB : SHT_SYMTAB)) return undefined;
      if (type === SHT_SYMTAB && symtab < 0) symtab = i;
      if (type === SHT_RELA && (dv.getUint32(at + 12) & 0x40) !== 0) {
        const info = dv.getUint32(at + 44);
        if (info === 0 || info >= shnum) return undefined;
      }
    }
  }
  // Section names: every offset inside a NUL-terminated .shstrtab (else the reader decides).
  const strAt = hdr(shstrndx);
  if (typeOf(shstrndx) !== SHT_STRTAB) return undefined;
  const strOff = u64(dv, strAt + 24);
  const strLen = u64(dv, strAt + 32);
  if (strLen <= 0 || bytes[strOff + strLen - 1] !== 0) return undefined;
  for (let i = 0; i < shnum; i++) if (dv.getUint32(hdr(i)) >= strLen) return undefined;
  const shstrtab = new StringTableReader(bytes.subarray(strOff, strOff + strLen));
  const sectionName = (i: number): string | undefined => shstrtab.get(dv.getUint32(hdr(i)));

  // Symbols, checked as readSymbols checks them.
  let table: SymbolTable = { dv, base: 0, names: [] };
  if (symtab >= 0) {
    const at = hdr(symtab);
    const strtabAt = hdr(dv.getUint32(at + 40));
    const strtab = bytes.subarray(u64(dv, strtabAt + 24), u64(dv, strtabAt + 24) + u64(dv, strtabAt + 32));
    const base = u64(dv, at + 24);
    const names = symbolNames(dv, base, u64(dv, at + 32), strtab, shnum, file.name);
    if ('error' in names) return undefined;
    table = { dv, base, names };
  }

  const sections: (InputSection | undefined)[] = [];
  for (let i = 1; i < shnum; i++) {
    const at = hdr(i);
    const type = dv.getUint32(at + 4);
    if (type === SHT_NULL || type === SHT_SYMTAB || type === SHT_STRTAB || type === SHT_SYMTAB_SHNDX || type === SHT_RELA) continue;
    // sh_flags: only the low word has defined bits; SHF_EXCLUDE sections stay out of the link.
    const fhi = dv.getUint32(at + 8);
    const flo = dv.getUint32(at + 12);
    if ((flo & 0x80000000) !== 0) continue;
    const sname = sectionName(i);
    if (sname === undefined) return undefined;
    const size = u64(dv, at + 32);
    const offset = u64(dv, at + 24);
    const align = u64(dv, at + 48);
    const data = type === SHT_NOBITS ? EMPTY : bytes.subarray(offset, offset + size);
    sections[i] = newInputSection(
      file, i, sname, type, fhi === 0 ? big(flo) : dv.getBigUint64(at + 8), align > 0 ? big(align) : 1n,
      size >= 0 ? big(size) : dv.getBigUint64(at + 32), data,
    );
  }
  for (let i = 1; i < shnum; i++) {
    const at = hdr(i);
    if (dv.getUint32(at + 4) !== SHT_RELA) continue;
    const target = sections[dv.getUint32(at + 44)];
    if (!target) continue; // relocations for a section the link drops
    const rname = sectionName(i);
    if (rname === undefined) return undefined;
    const symtabSize = u64(dv, hdr(dv.getUint32(at + 40)) + 32);
    target.rela = { dv, base: u64(dv, at + 24), size: u64(dv, at + 32), name: rname, symbolCount: Math.floor(symtabSize / SYM_SIZE) };
  }
  file.eflags = eflags;
  file.sections = sections;
  return table;
}

function loadArchive(ctx: Ctx, bytes: Uint8Array, path: string): ArchiveFile | undefined {
  const parsed = parseArchive(bytes, path);
  if ('error' in parsed) {
    err(ctx, parsed.error);
    return undefined;
  }
  const ar: ArchiveFile = { path, members: new Map(), index: new Map(), loaded: new Set(), order: ctx.archives.length };
  for (const m of parsed.members) ar.members.set(m.offset, m);
  const entries: [string, number][] = parsed.index ?? [];
  if (!parsed.index) {
    // No symbol index (made with `ar q` without `s`): build one from the members' symbol tables.
    for (const m of parsed.members) {
      const r = readElf(m.data, `${path}(${m.name})`, { machine: null });
      if ('error' in r) continue; // non-ELF members are skipped, as GNU ld skips them
      const s = readSymbols(r.file, m.name);
      if ('error' in s) continue;
      for (const sym of s.symbols) if (sym.bind !== 0 && sym.shndx !== 0) entries.push([sym.name, m.offset]);
    }
  }
  ar.indexList = entries;
  for (const [n, off] of entries) if (!ar.index.has(n)) ar.index.set(n, off);
  ctx.archives.push(ar);
  return ar;
}

/** Extract members for undefined strong references until the archive has nothing more to give. */
function scanArchive(ctx: Ctx, ar: ArchiveFile): boolean {
  let any = false;
  for (let again = true; again; ) {
    again = false;
    for (const [name, off] of ar.indexList ?? []) {
      if (ar.loaded.has(off)) continue;
      const s = ctx.globals.get(name);
      if (!s || s.kind !== 'undefined' || !s.strongRef) continue;
      const m = ar.members.get(off);
      if (!m) {
        err(ctx, `${ar.path}: archive index points to offset ${off}, where no member starts`);
        ar.loaded.add(off);
        continue;
      }
      ar.loaded.add(off);
      ctx.archiveLog.push({ member: `${ar.path}(${m.name})`, symbol: name });
      addObject(ctx, m.data, `${ar.path}(${m.name})`, ar.path, m.name);
      again = any = true;
    }
  }
  return any;
}

function findLibrary(ctx: Ctx, name: string): string | undefined {
  const file = name.startsWith(':') ? name.slice(1) : `lib${name}.a`;
  for (const dir of ctx.opts.libraryPaths) {
    const p = `${dir.replace(/\/$/, '')}/${file}`;
    if (ctx.host.fileExists(p)) return p;
  }
  return undefined;
}

/** Load every input in order; objects from scripts' INPUT() come last. */
export function loadInputs(ctx: Ctx, extra: string[]): void {
  let group: ArchiveFile[] | undefined;
  const handleFile = (path: string): void => {
    const read = ctx.host.readFile(path);
    if (!read) {
      err(ctx, `cannot find ${path}: No such file or directory`);
      return;
    }
    // A plain Uint8Array view (a host may hand out a Node Buffer, whose subarrays are slower to make).
    const bytes = new Uint8Array(read.buffer, read.byteOffset, read.byteLength);
    if (isThinArchive(bytes)) {
      err(ctx, `${path}: thin archives are not supported`);
      return;
    }
    if (isArchive(bytes)) {
      const ar = loadArchive(ctx, bytes, path);
      if (!ar) return;
      scanArchive(ctx, ar);
      group?.push(ar);
      return;
    }
    if (bytes.length >= 4 && bytes[0] === 0x7f && bytes[1] === 0x45 && bytes[2] === 0x4c && bytes[3] === 0x46) {
      addObject(ctx, bytes, path, path);
      return;
    }
    err(ctx, `${path}: file format not recognized (expected an ELF64 big-endian object or an ar archive)`);
  };
  for (const a of ctx.opts.inputs) {
    if (a.kind === 'file') handleFile(a.path);
    else if (a.kind === 'library') {
      const p = findLibrary(ctx, a.name);
      if (p) handleFile(p);
      else err(ctx, `cannot find -l${a.name}`);
    } else if (a.kind === 'group-start') {
      if (group) err(ctx, 'nested --start-group');
      group = [];
    } else if (a.kind === 'group-end') {
      if (!group) err(ctx, '--end-group without --start-group');
      else {
        const members = group;
        while (members.some((ar) => scanArchive(ctx, ar)));
      }
      group = undefined;
    }
  }
  if (group) err(ctx, '--start-group without --end-group');
  for (const p of extra) handleFile(p);
}

/** Whether a section is allocated in memory (goes to a PT_LOAD). */
export const isAlloc = (s: { flags: bigint }): boolean => (s.flags & SHF_ALLOC) !== 0n;
