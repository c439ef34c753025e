/**
 * ELF64 big-endian writer: ElfFile → bytes. Pure; the caller writes the bytes (common/output.ts).
 * File layout: ELF header, program headers (unless e_phoff is given), section contents in section
 * order each at its alignment (unless the section's offset is given), then the section header table.
 */
import {
  EHDR_SIZE, ELFCLASS64, ELFDATA2MSB, ELFMAG, EV_CURRENT, PHDR_SIZE, SHDR_SIZE, SHN_LORESERVE, SHN_XINDEX,
  SHT_NOBITS, SHT_NULL, SHT_STRTAB,
} from './constants.js';
import { StringTableBuilder } from './tables.js';
import type { ElfFile, ElfSection } from './types.js';

export interface ElfLayout {
  phoff: bigint;
  shoff: bigint;
  /** The file offset of each section (index-aligned with the sections written, .shstrtab included). */
  sectionOffsets: bigint[];
  /** The sections as written: the input's, with .shstrtab filled in (appended when the file had none). */
  sections: ElfSection[];
  shstrndx: number;
  /** Total file size. */
  size: bigint;
}

const alignUp = (v: bigint, a: bigint): bigint => (a > 1n ? ((v + a - 1n) / a) * a : v);

/** Fill .shstrtab from the section names (adding the section if absent); inputs are not mutated. */
function withShstrtab(file: ElfFile): { sections: ElfSection[]; shstrndx: number } {
  if (file.sections.length === 0) return { sections: [], shstrndx: 0 };
  const first = file.sections[0]!;
  if (first.type !== SHT_NULL) throw new Error('writeElf: sections[0] must be the null section');
  const sections = file.sections.slice();
  let shstrndx = file.shstrndx;
  if (!(shstrndx > 0 && shstrndx < sections.length && sections[shstrndx]!.type === SHT_STRTAB)) {
    shstrndx = sections.length;
    sections.push({
      name: '.shstrtab', type: SHT_STRTAB, flags: 0n, addr: 0n, data: new Uint8Array(0), size: 0n,
      link: 0, info: 0, addralign: 1n, entsize: 0n,
    });
  }
  const strtab = new StringTableBuilder();
  for (const s of sections) strtab.add(s.name);
  const data = strtab.finish();
  sections[shstrndx] = { ...sections[shstrndx]!, data, size: BigInt(data.length) };
  return { sections, shstrndx };
}

/** Decide every file offset without writing anything (the linker uses it to cross-check). */
export function layoutElf(file: ElfFile): ElfLayout {
  const { sections, shstrndx } = withShstrtab(file);
  const phSize = BigInt(file.segments.length * PHDR_SIZE);
  const phoff = file.segments.length === 0 ? 0n : file.phoff ?? BigInt(EHDR_SIZE);
  // Sections without an offset go after everything that has a fixed place.
  let cursor = BigInt(EHDR_SIZE);
  if (file.segments.length) cursor = phoff + phSize > cursor ? phoff + phSize : cursor;
  for (const s of sections) {
    if (s.offset !== undefined && s.type !== SHT_NOBITS && s.type !== SHT_NULL) {
      const end = s.offset + BigInt(s.data.length);
      if (end > cursor) cursor = end;
    }
  }
  const sectionOffsets: bigint[] = [];
  sections.forEach((s, i) => {
    if (i === 0) {
      sectionOffsets.push(0n);
      return;
    }
    if (s.type !== SHT_NOBITS && BigInt(s.data.length) !== s.size) {
      throw new Error(`writeElf: section ${s.name} has size ${s.size} but ${s.data.length} bytes of data`);
    }
    if (s.offset !== undefined) {
      sectionOffsets.push(s.offset);
      return;
    }
    const at = alignUp(cursor, s.addralign);
    sectionOffsets.push(at);
    if (s.type !== SHT_NOBITS) cursor = at + s.size;
  });
  const shoff = sections.length ? alignUp(cursor, 8n) : 0n;
  const size = sections.length ? shoff + BigInt(sections.length * SHDR_SIZE) : cursor;
  return { phoff, shoff, sectionOffsets, sections, shstrndx, size };
}

export function writeElf(file: ElfFile): Uint8Array {
  const L = layoutElf(file);
  const out = new Uint8Array(Number(L.size));
  const dv = new DataView(out.buffer);
  const { sections } = L;
  const shnum = sections.length;
  // Extended numbering (gABI): counts that do not fit e_shnum/e_shstrndx go in section 0.
  const bigCount = shnum >= SHN_LORESERVE;
  const bigStrndx = L.shstrndx >= SHN_LORESERVE;

  out.set(ELFMAG, 0);
  out[4] = ELFCLASS64;
  out[5] = ELFDATA2MSB;
  out[6] = EV_CURRENT;
  out[7] = file.osabi ?? 0;
  out[8] = file.abiversion ?? 0;
  dv.setUint16(16, file.type);
  dv.setUint16(18, file.machine);
  dv.setUint32(20, EV_CURRENT);
  dv.setBigUint64(24, BigInt.asUintN(64, file.entry));
  dv.setBigUint64(32, L.phoff);
  dv.setBigUint64(40, L.shoff);
  dv.setUint32(48, file.flags >>> 0);
  dv.setUint16(52, EHDR_SIZE);
  dv.setUint16(54, file.segments.length ? PHDR_SIZE : 0);
  dv.setUint16(56, file.segments.length);
  dv.setUint16(58, shnum ? SHDR_SIZE : 0);
  dv.setUint16(60, bigCount ? 0 : shnum);
  dv.setUint16(62, bigStrndx ? SHN_XINDEX : L.shstrndx);

  file.segments.forEach((p, i) => {
    const at = Number(L.phoff) + i * PHDR_SIZE;
    dv.setUint32(at, p.type >>> 0);
    dv.setUint32(at + 4, p.flags >>> 0);
    dv.setBigUint64(at + 8, p.offset);
    dv.setBigUint64(at + 16, BigInt.asUintN(64, p.vaddr));
    dv.setBigUint64(at + 24, BigInt.asUintN(64, p.paddr));
    dv.setBigUint64(at + 32, p.filesz);
    dv.setBigUint64(at + 40, p.memsz);
    dv.setBigUint64(at + 48, p.align);
  });

  const names = new StringTableBuilder();
  sections.forEach((s, i) => {
    const nameOff = names.add(s.name); // same insertion order as withShstrtab, so same offsets
    const offset = L.sectionOffsets[i]!;
    if (i > 0 && s.type !== SHT_NOBITS && s.data.length) out.set(s.data, Number(offset));
    const at = Number(L.shoff) + i * SHDR_SIZE;
    dv.setUint32(at, nameOff);
    dv.setUint32(at + 4, s.type >>> 0);
    dv.setBigUint64(at + 8, s.flags);
    dv.setBigUint64(at + 16, BigInt.asUintN(64, s.addr));
    dv.setBigUint64(at + 24, offset);
    let size = s.size;
    let link = s.link;
    if (i === 0) {
      size = bigCount ? BigInt(shnum) : 0n;
      link = bigStrndx ? L.shstrndx : 0;
    }
    dv.setBigUint64(at + 32, size);
    dv.setUint32(at + 40, link >>> 0);
    dv.setUint32(at + 44, s.info >>> 0);
    dv.setBigUint64(at + 48, s.addralign);
    dv.setBigUint64(at + 56, s.entsize);
  });
  return out;
}
