/**
 * One in-memory model of an ELF64 big-endian file, shared by the assembler's object writer, the
 * linker (reading objects, writing executables), the simulator's loader and the tests.
 * 64-bit fields are bigint; 32-bit and smaller fields are number.
 */

export interface ElfSection {
  name: string;
  type: number; // SHT_*
  flags: bigint; // SHF_*
  addr: bigint;
  /**
   * File offset. The reader always sets it. The writer uses it when given (the linker places
   * sections itself so that segments and sections agree) and computes it otherwise.
   */
  offset?: bigint;
  /** Contents; empty for SHT_NOBITS and the null section. The reader returns views into the input. */
  data: Uint8Array;
  /** sh_size: equals data.length except for SHT_NOBITS. */
  size: bigint;
  link: number;
  info: number;
  addralign: bigint;
  entsize: bigint;
}

export interface ElfSegment {
  type: number; // PT_*
  flags: number; // PF_*
  offset: bigint;
  vaddr: bigint;
  paddr: bigint;
  filesz: bigint;
  memsz: bigint;
  align: bigint;
}

export interface ElfFile {
  type: number; // ET_*
  machine: number; // EM_*
  flags: number; // e_flags
  entry: bigint;
  /** sections[0] is the null section; an empty list means no section header table at all. */
  sections: ElfSection[];
  segments: ElfSegment[];
  /** Index of .shstrtab in `sections`. The writer rebuilds that section's contents from the names. */
  shstrndx: number;
  /** e_ident[EI_OSABI] and [EI_ABIVERSION]; 0 when absent. */
  osabi?: number;
  abiversion?: number;
  /** e_phoff: where the program headers go. The writer puts them right after the ELF header when absent. */
  phoff?: bigint;
}

export interface ElfSymbol {
  name: string;
  value: bigint;
  size: bigint;
  bind: number; // STB_*
  type: number; // STT_*
  other: number; // st_other (visibility in the low 2 bits)
  shndx: number; // section index or SHN_*
}

export interface ElfRela {
  offset: bigint;
  type: number; // R_PPC64_*
  sym: number; // symbol table index
  addend: bigint; // signed
}
