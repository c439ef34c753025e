/** Views of ELF objects that tests compare between our tools and GNU's. */
import { readElf, readSymbols, SHF_ALLOC, SHN_ABS, SHN_COMMON, SHN_UNDEF, SHT_NOBITS, STT_SECTION, type ElfSection } from '../../elf/index.js';

interface SectionView {
  name: string;
  type: number;
  flags: string;
  align: string;
  size: string;
  bytes: string;
}

/** Allocated sections: type, flags, alignment, size and bytes (hex, in 4-byte groups). */
export function allocatedSections(object: Uint8Array): SectionView[] {
  const r = readElf(object, 'object');
  if ('error' in r) throw new Error(r.error);
  return r.file.sections
    .filter((s: ElfSection) => (s.flags & SHF_ALLOC) !== 0n)
    .map((s: ElfSection) => ({
      name: s.name,
      type: s.type,
      flags: `0x${s.flags.toString(16)}`,
      align: String(s.addralign),
      size: String(s.size),
      bytes: s.type === SHT_NOBITS ? '' : Buffer.from(s.data).toString('hex').replace(/(.{8})/g, '$1 ').trim(),
    }));
}


/** The symbol table as sorted text lines: name, value, size, type, binding, visibility, section name. */
export function symbolTable(object: Uint8Array): string[] {
  const r = readElf(object, 'object');
  if ('error' in r) throw new Error(r.error);
  const syms = readSymbols(r.file, 'object');
  if ('error' in syms) throw new Error(syms.error);
  return syms.symbols
    .slice(1)
    .filter((s) => s.type !== STT_SECTION)
    .map((s) => {
      const where = s.shndx === SHN_UNDEF ? 'UND' : s.shndx === SHN_ABS ? 'ABS' : s.shndx === SHN_COMMON ? 'COM' : r.file.sections[s.shndx]?.name ?? `#${s.shndx}`;
      return `${s.name} value=0x${s.value.toString(16)} size=${s.size} type=${s.type} bind=${s.bind} other=${s.other} ${where}`;
    })
    .sort();
}
