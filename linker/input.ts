/**
 * Reading the inputs: ELF relocatable objects and ar archives, in command-line order with GNU ld's
 * positional archive semantics (an archive satisfies only references seen before it, except inside
 * --start-group/--end-group, which is rescanned until nothing more is extracted).
 */
import { EM_PPC64, ET_REL, SHF_ALLOC, SHF_EXCLUDE, SHT_GROUP, SHT_NOBITS, SHT_NULL, SHT_REL, SHT_RELA, SHT_STRTAB, SHT_SYMTAB, SHT_SYMTAB_SHNDX, SYM_SIZE } from '../elf/constants.js';
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

/**
 * The object's symbol table bytes and every symbol's name, checked as readSymbols checks them (a
 * bad name offset first, then the first symbol in a section that does not exist), with the same
 * messages. The linker decodes the other fields straight into its own symbols.
 */
function symbolNames(elf: ElfFile, fileName: string): { data: Uint8Array; names: string[] } | { error: string } {
  const index = elf.sections.findIndex((s) => s.type === SHT_SYMTAB);
  if (index < 0) return { data: new Uint8Array(0), names: [] };
  const s = elf.sections[index]!;
  const data = s.data;
  if (data.length % SYM_SIZE !== 0) return { error: `${fileName}: ${s.name}: symbol table size ${data.length} is not a multiple of ${SYM_SIZE}` };
  const strtab = new StringTableReader(elf.sections[s.link]?.data ?? new Uint8Array(0));
  const dv = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const n = data.length / SYM_SIZE;
  const names: string[] = new Array(n);
  const shnum = elf.sections.length;
  let badSection = -1;
  for (let i = 0, at = 0; i < n; i++, at += SYM_SIZE) {
    const off = dv.getUint32(at);
    const name = off === 0 ? '' : strtab.get(off);
    if (name === undefined) return { error: `${fileName}: ${s.name}: symbol ${i} has a name offset 0x${off.toString(16)} outside the string table` };
    names[i] = name;
    const shndx = dv.getUint16(at + 6);
    if (badSection < 0 && shndx !== 0 && shndx < 0xff00 && shndx >= shnum) badSection = i;
  }
  if (badSection >= 0) {
    const shndx = dv.getUint16(badSection * SYM_SIZE + 6);
    return { error: `${fileName}: ${s.name}: symbol ${badSection} (${names[badSection]}) is in section ${shndx}, which does not exist` };
  }
  return { data, names };
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
  const syms = symbolNames(elf, name);
  if ('error' in syms) {
    err(ctx, syms.error);
    return undefined;
  }
  const file: ObjectFile = { name, path, member, eflags: elf.flags, sections: [], symbols: [], order: ctx.files.length };

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
    target.rela = { data: s.data, name: s.name, symbolCount: Math.floor(Number(symtab.size) / SYM_SIZE) };
  });
  ctx.files.push(file);
  file.symbols = addObjectSymbols(ctx, file, syms.data, syms.names, discarded);
  return file;
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
