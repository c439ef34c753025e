/** Views of ELF objects that tests compare between our tools and GNU's. */
import { readElf, SHF_ALLOC, SHT_NOBITS, type ElfSection } from '../../elf/index.js';

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

