/**
 * ELF64 constants for the big-endian PowerPC64 toolchain (values from the System V gABI and the
 * 64-bit PowerPC ELF ABI supplement). Conventions: section flags (sh_flags, a 64-bit field) are
 * bigint, everything else is number. Relocation names are spelled as readelf prints them.
 */

// e_ident
export const ELFMAG = [0x7f, 0x45, 0x4c, 0x46] as const; // "\x7fELF"
export const EI_NIDENT = 16;
export const EI_CLASS = 4;
export const EI_DATA = 5;
export const EI_VERSION = 6;
export const EI_OSABI = 7;
export const EI_ABIVERSION = 8;
export const ELFCLASS32 = 1;
export const ELFCLASS64 = 2;
export const ELFDATA2LSB = 1;
export const ELFDATA2MSB = 2;
export const EV_CURRENT = 1;
export const ELFOSABI_NONE = 0;

/** Fixed ELF64 structure sizes. */
export const EHDR_SIZE = 64;
export const PHDR_SIZE = 56;
export const SHDR_SIZE = 64;
export const SYM_SIZE = 24;
export const RELA_SIZE = 24;

// e_type
export const ET_NONE = 0;
export const ET_REL = 1;
export const ET_EXEC = 2;
export const ET_DYN = 3;
export const ET_CORE = 4;

// e_machine
export const EM_PPC = 20;
export const EM_PPC64 = 21;
export const EM_X86_64 = 62;
export const EM_AARCH64 = 183;

/** e_flags of a ppc64 object: the ELF ABI version (1 = ELFv1 with function descriptors, 2 = ELFv2). */
export const EF_PPC64_ABI = 3;

// sh_type
export const SHT_NULL = 0;
export const SHT_PROGBITS = 1;
export const SHT_SYMTAB = 2;
export const SHT_STRTAB = 3;
export const SHT_RELA = 4;
export const SHT_HASH = 5;
export const SHT_DYNAMIC = 6;
export const SHT_NOTE = 7;
export const SHT_NOBITS = 8;
export const SHT_REL = 9;
export const SHT_SHLIB = 10;
export const SHT_DYNSYM = 11;
export const SHT_INIT_ARRAY = 14;
export const SHT_FINI_ARRAY = 15;
export const SHT_PREINIT_ARRAY = 16;
export const SHT_GROUP = 17;
export const SHT_SYMTAB_SHNDX = 18;
export const SHT_GNU_ATTRIBUTES = 0x6ffffff5;

// sh_flags (bigint: the field is 64 bits wide)
export const SHF_WRITE = 0x1n;
export const SHF_ALLOC = 0x2n;
export const SHF_EXECINSTR = 0x4n;
export const SHF_MERGE = 0x10n;
export const SHF_STRINGS = 0x20n;
export const SHF_INFO_LINK = 0x40n;
export const SHF_LINK_ORDER = 0x80n;
export const SHF_OS_NONCONFORMING = 0x100n;
export const SHF_GROUP = 0x200n;
export const SHF_TLS = 0x400n;
export const SHF_COMPRESSED = 0x800n;
export const SHF_EXCLUDE = 0x80000000n;

// Special section indexes
export const SHN_UNDEF = 0;
export const SHN_LORESERVE = 0xff00;
export const SHN_ABS = 0xfff1;
export const SHN_COMMON = 0xfff2;
export const SHN_XINDEX = 0xffff;

// st_info binding (high nibble) and type (low nibble)
export const STB_LOCAL = 0;
export const STB_GLOBAL = 1;
export const STB_WEAK = 2;
export const STB_GNU_UNIQUE = 10;
export const STT_NOTYPE = 0;
export const STT_OBJECT = 1;
export const STT_FUNC = 2;
export const STT_SECTION = 3;
export const STT_FILE = 4;
export const STT_COMMON = 5;
export const STT_TLS = 6;
export const STT_GNU_IFUNC = 10;
// st_other visibility (low two bits)
export const STV_DEFAULT = 0;
export const STV_INTERNAL = 1;
export const STV_HIDDEN = 2;
export const STV_PROTECTED = 3;

export const stInfo = (bind: number, type: number): number => ((bind & 0xf) << 4) | (type & 0xf);
export const stBind = (info: number): number => info >> 4;
export const stType = (info: number): number => info & 0xf;

// p_type
export const PT_NULL = 0;
export const PT_LOAD = 1;
export const PT_DYNAMIC = 2;
export const PT_INTERP = 3;
export const PT_NOTE = 4;
export const PT_SHLIB = 5;
export const PT_PHDR = 6;
export const PT_TLS = 7;
export const PT_GNU_EH_FRAME = 0x6474e550;
export const PT_GNU_STACK = 0x6474e551;
export const PT_GNU_RELRO = 0x6474e552;
// p_flags
export const PF_X = 1;
export const PF_W = 2;
export const PF_R = 4;

/**
 * R_PPC64_* relocation types (64-bit PowerPC ELF ABI). Names match readelf's output exactly;
 * test/elf checks this table against powerpc64-linux-gnu-as/readelf.
 */
export const R_PPC64_NONE = 0;
export const R_PPC64_ADDR32 = 1;
export const R_PPC64_ADDR24 = 2;
export const R_PPC64_ADDR16 = 3;
export const R_PPC64_ADDR16_LO = 4;
export const R_PPC64_ADDR16_HI = 5;
export const R_PPC64_ADDR16_HA = 6;
export const R_PPC64_ADDR14 = 7;
export const R_PPC64_ADDR14_BRTAKEN = 8;
export const R_PPC64_ADDR14_BRNTAKEN = 9;
export const R_PPC64_REL24 = 10;
export const R_PPC64_REL14 = 11;
export const R_PPC64_REL14_BRTAKEN = 12;
export const R_PPC64_REL14_BRNTAKEN = 13;
export const R_PPC64_GOT16 = 14;
export const R_PPC64_GOT16_LO = 15;
export const R_PPC64_GOT16_HI = 16;
export const R_PPC64_GOT16_HA = 17;
export const R_PPC64_COPY = 19;
export const R_PPC64_GLOB_DAT = 20;
export const R_PPC64_JMP_SLOT = 21;
export const R_PPC64_RELATIVE = 22;
export const R_PPC64_UADDR32 = 24;
export const R_PPC64_UADDR16 = 25;
export const R_PPC64_REL32 = 26;
export const R_PPC64_PLT32 = 27;
export const R_PPC64_PLTREL32 = 28;
export const R_PPC64_PLT16_LO = 29;
export const R_PPC64_PLT16_HI = 30;
export const R_PPC64_PLT16_HA = 31;
export const R_PPC64_SECTOFF = 33;
export const R_PPC64_SECTOFF_LO = 34;
export const R_PPC64_SECTOFF_HI = 35;
export const R_PPC64_SECTOFF_HA = 36;
export const R_PPC64_ADDR30 = 37;
export const R_PPC64_ADDR64 = 38;
export const R_PPC64_ADDR16_HIGHER = 39;
export const R_PPC64_ADDR16_HIGHERA = 40;
export const R_PPC64_ADDR16_HIGHEST = 41;
export const R_PPC64_ADDR16_HIGHESTA = 42;
export const R_PPC64_UADDR64 = 43;
export const R_PPC64_REL64 = 44;
export const R_PPC64_PLT64 = 45;
export const R_PPC64_PLTREL64 = 46;
export const R_PPC64_TOC16 = 47;
export const R_PPC64_TOC16_LO = 48;
export const R_PPC64_TOC16_HI = 49;
export const R_PPC64_TOC16_HA = 50;
export const R_PPC64_TOC = 51;
export const R_PPC64_PLTGOT16 = 52;
export const R_PPC64_PLTGOT16_LO = 53;
export const R_PPC64_PLTGOT16_HI = 54;
export const R_PPC64_PLTGOT16_HA = 55;
export const R_PPC64_ADDR16_DS = 56;
export const R_PPC64_ADDR16_LO_DS = 57;
export const R_PPC64_GOT16_DS = 58;
export const R_PPC64_GOT16_LO_DS = 59;
export const R_PPC64_PLT16_LO_DS = 60;
export const R_PPC64_SECTOFF_DS = 61;
export const R_PPC64_SECTOFF_LO_DS = 62;
export const R_PPC64_TOC16_DS = 63;
export const R_PPC64_TOC16_LO_DS = 64;
export const R_PPC64_PLTGOT16_DS = 65;
export const R_PPC64_PLTGOT16_LO_DS = 66;
export const R_PPC64_TLS = 67;
export const R_PPC64_DTPMOD64 = 68;
export const R_PPC64_TPREL16 = 69;
export const R_PPC64_TPREL16_LO = 70;
export const R_PPC64_TPREL16_HI = 71;
export const R_PPC64_TPREL16_HA = 72;
export const R_PPC64_TPREL64 = 73;
export const R_PPC64_DTPREL16 = 74;
export const R_PPC64_DTPREL16_LO = 75;
export const R_PPC64_DTPREL16_HI = 76;
export const R_PPC64_DTPREL16_HA = 77;
export const R_PPC64_DTPREL64 = 78;
export const R_PPC64_GOT_TLSGD16 = 79;
export const R_PPC64_GOT_TLSGD16_LO = 80;
export const R_PPC64_GOT_TLSGD16_HI = 81;
export const R_PPC64_GOT_TLSGD16_HA = 82;
export const R_PPC64_GOT_TLSLD16 = 83;
export const R_PPC64_GOT_TLSLD16_LO = 84;
export const R_PPC64_GOT_TLSLD16_HI = 85;
export const R_PPC64_GOT_TLSLD16_HA = 86;
export const R_PPC64_GOT_TPREL16_DS = 87;
export const R_PPC64_GOT_TPREL16_LO_DS = 88;
export const R_PPC64_GOT_TPREL16_HI = 89;
export const R_PPC64_GOT_TPREL16_HA = 90;
export const R_PPC64_GOT_DTPREL16_DS = 91;
export const R_PPC64_GOT_DTPREL16_LO_DS = 92;
export const R_PPC64_GOT_DTPREL16_HI = 93;
export const R_PPC64_GOT_DTPREL16_HA = 94;
export const R_PPC64_TPREL16_DS = 95;
export const R_PPC64_TPREL16_LO_DS = 96;
export const R_PPC64_TPREL16_HIGHER = 97;
export const R_PPC64_TPREL16_HIGHERA = 98;
export const R_PPC64_TPREL16_HIGHEST = 99;
export const R_PPC64_TPREL16_HIGHESTA = 100;
export const R_PPC64_DTPREL16_DS = 101;
export const R_PPC64_DTPREL16_LO_DS = 102;
export const R_PPC64_DTPREL16_HIGHER = 103;
export const R_PPC64_DTPREL16_HIGHERA = 104;
export const R_PPC64_DTPREL16_HIGHEST = 105;
export const R_PPC64_DTPREL16_HIGHESTA = 106;
export const R_PPC64_TLSGD = 107;
export const R_PPC64_TLSLD = 108;
export const R_PPC64_TOCSAVE = 109;
export const R_PPC64_ADDR16_HIGH = 110;
export const R_PPC64_ADDR16_HIGHA = 111;
export const R_PPC64_TPREL16_HIGH = 112;
export const R_PPC64_TPREL16_HIGHA = 113;
export const R_PPC64_DTPREL16_HIGH = 114;
export const R_PPC64_DTPREL16_HIGHA = 115;
export const R_PPC64_REL24_NOTOC = 116;
export const R_PPC64_ADDR64_LOCAL = 117;
export const R_PPC64_ENTRY = 118;
export const R_PPC64_PLTSEQ = 119;
export const R_PPC64_PLTCALL = 120;
export const R_PPC64_PLTSEQ_NOTOC = 121;
export const R_PPC64_PLTCALL_NOTOC = 122;
export const R_PPC64_PCREL_OPT = 123;
export const R_PPC64_REL24_P9NOTOC = 124;
export const R_PPC64_D34 = 128;
export const R_PPC64_D34_LO = 129;
export const R_PPC64_D34_HI30 = 130;
export const R_PPC64_D34_HA30 = 131;
export const R_PPC64_PCREL34 = 132;
export const R_PPC64_GOT_PCREL34 = 133;
export const R_PPC64_PLT_PCREL34 = 134;
export const R_PPC64_PLT_PCREL34_NOTOC = 135;
export const R_PPC64_ADDR16_HIGHER34 = 136;
export const R_PPC64_ADDR16_HIGHERA34 = 137;
export const R_PPC64_ADDR16_HIGHEST34 = 138;
export const R_PPC64_ADDR16_HIGHESTA34 = 139;
export const R_PPC64_REL16_HIGHER34 = 140;
export const R_PPC64_REL16_HIGHERA34 = 141;
export const R_PPC64_REL16_HIGHEST34 = 142;
export const R_PPC64_REL16_HIGHESTA34 = 143;
export const R_PPC64_D28 = 144;
export const R_PPC64_PCREL28 = 145;
export const R_PPC64_TPREL34 = 146;
export const R_PPC64_DTPREL34 = 147;
export const R_PPC64_GOT_TLSGD_PCREL34 = 148;
export const R_PPC64_GOT_TLSLD_PCREL34 = 149;
export const R_PPC64_GOT_TPREL_PCREL34 = 150;
export const R_PPC64_GOT_DTPREL_PCREL34 = 151;
export const R_PPC64_REL16_HIGH = 240;
export const R_PPC64_REL16_HIGHA = 241;
export const R_PPC64_REL16_HIGHER = 242;
export const R_PPC64_REL16_HIGHERA = 243;
export const R_PPC64_REL16_HIGHEST = 244;
export const R_PPC64_REL16_HIGHESTA = 245;
export const R_PPC64_REL16DX_HA = 246;
export const R_PPC64_JMP_IREL = 247;
export const R_PPC64_IRELATIVE = 248;
export const R_PPC64_REL16 = 249;
export const R_PPC64_REL16_LO = 250;
export const R_PPC64_REL16_HI = 251;
export const R_PPC64_REL16_HA = 252;
export const R_PPC64_GNU_VTINHERIT = 253;
export const R_PPC64_GNU_VTENTRY = 254;

/** Relocation type number → readelf name ("R_PPC64_ADDR16_HA"). */
export const R_PPC64_NAMES: ReadonlyMap<number, string> = new Map<number, string>([
  [0, 'R_PPC64_NONE'],
  [1, 'R_PPC64_ADDR32'],
  [2, 'R_PPC64_ADDR24'],
  [3, 'R_PPC64_ADDR16'],
  [4, 'R_PPC64_ADDR16_LO'],
  [5, 'R_PPC64_ADDR16_HI'],
  [6, 'R_PPC64_ADDR16_HA'],
  [7, 'R_PPC64_ADDR14'],
  [8, 'R_PPC64_ADDR14_BRTAKEN'],
  [9, 'R_PPC64_ADDR14_BRNTAKEN'],
  [10, 'R_PPC64_REL24'],
  [11, 'R_PPC64_REL14'],
  [12, 'R_PPC64_REL14_BRTAKEN'],
  [13, 'R_PPC64_REL14_BRNTAKEN'],
  [14, 'R_PPC64_GOT16'],
  [15, 'R_PPC64_GOT16_LO'],
  [16, 'R_PPC64_GOT16_HI'],
  [17, 'R_PPC64_GOT16_HA'],
  [19, 'R_PPC64_COPY'],
  [20, 'R_PPC64_GLOB_DAT'],
  [21, 'R_PPC64_JMP_SLOT'],
  [22, 'R_PPC64_RELATIVE'],
  [24, 'R_PPC64_UADDR32'],
  [25, 'R_PPC64_UADDR16'],
  [26, 'R_PPC64_REL32'],
  [27, 'R_PPC64_PLT32'],
  [28, 'R_PPC64_PLTREL32'],
  [29, 'R_PPC64_PLT16_LO'],
  [30, 'R_PPC64_PLT16_HI'],
  [31, 'R_PPC64_PLT16_HA'],
  [33, 'R_PPC64_SECTOFF'],
  [34, 'R_PPC64_SECTOFF_LO'],
  [35, 'R_PPC64_SECTOFF_HI'],
  [36, 'R_PPC64_SECTOFF_HA'],
  [37, 'R_PPC64_ADDR30'],
  [38, 'R_PPC64_ADDR64'],
  [39, 'R_PPC64_ADDR16_HIGHER'],
  [40, 'R_PPC64_ADDR16_HIGHERA'],
  [41, 'R_PPC64_ADDR16_HIGHEST'],
  [42, 'R_PPC64_ADDR16_HIGHESTA'],
  [43, 'R_PPC64_UADDR64'],
  [44, 'R_PPC64_REL64'],
  [45, 'R_PPC64_PLT64'],
  [46, 'R_PPC64_PLTREL64'],
  [47, 'R_PPC64_TOC16'],
  [48, 'R_PPC64_TOC16_LO'],
  [49, 'R_PPC64_TOC16_HI'],
  [50, 'R_PPC64_TOC16_HA'],
  [51, 'R_PPC64_TOC'],
  [52, 'R_PPC64_PLTGOT16'],
  [53, 'R_PPC64_PLTGOT16_LO'],
  [54, 'R_PPC64_PLTGOT16_HI'],
  [55, 'R_PPC64_PLTGOT16_HA'],
  [56, 'R_PPC64_ADDR16_DS'],
  [57, 'R_PPC64_ADDR16_LO_DS'],
  [58, 'R_PPC64_GOT16_DS'],
  [59, 'R_PPC64_GOT16_LO_DS'],
  [60, 'R_PPC64_PLT16_LO_DS'],
  [61, 'R_PPC64_SECTOFF_DS'],
  [62, 'R_PPC64_SECTOFF_LO_DS'],
  [63, 'R_PPC64_TOC16_DS'],
  [64, 'R_PPC64_TOC16_LO_DS'],
  [65, 'R_PPC64_PLTGOT16_DS'],
  [66, 'R_PPC64_PLTGOT16_LO_DS'],
  [67, 'R_PPC64_TLS'],
  [68, 'R_PPC64_DTPMOD64'],
  [69, 'R_PPC64_TPREL16'],
  [70, 'R_PPC64_TPREL16_LO'],
  [71, 'R_PPC64_TPREL16_HI'],
  [72, 'R_PPC64_TPREL16_HA'],
  [73, 'R_PPC64_TPREL64'],
  [74, 'R_PPC64_DTPREL16'],
  [75, 'R_PPC64_DTPREL16_LO'],
  [76, 'R_PPC64_DTPREL16_HI'],
  [77, 'R_PPC64_DTPREL16_HA'],
  [78, 'R_PPC64_DTPREL64'],
  [79, 'R_PPC64_GOT_TLSGD16'],
  [80, 'R_PPC64_GOT_TLSGD16_LO'],
  [81, 'R_PPC64_GOT_TLSGD16_HI'],
  [82, 'R_PPC64_GOT_TLSGD16_HA'],
  [83, 'R_PPC64_GOT_TLSLD16'],
  [84, 'R_PPC64_GOT_TLSLD16_LO'],
  [85, 'R_PPC64_GOT_TLSLD16_HI'],
  [86, 'R_PPC64_GOT_TLSLD16_HA'],
  [87, 'R_PPC64_GOT_TPREL16_DS'],
  [88, 'R_PPC64_GOT_TPREL16_LO_DS'],
  [89, 'R_PPC64_GOT_TPREL16_HI'],
  [90, 'R_PPC64_GOT_TPREL16_HA'],
  [91, 'R_PPC64_GOT_DTPREL16_DS'],
  [92, 'R_PPC64_GOT_DTPREL16_LO_DS'],
  [93, 'R_PPC64_GOT_DTPREL16_HI'],
  [94, 'R_PPC64_GOT_DTPREL16_HA'],
  [95, 'R_PPC64_TPREL16_DS'],
  [96, 'R_PPC64_TPREL16_LO_DS'],
  [97, 'R_PPC64_TPREL16_HIGHER'],
  [98, 'R_PPC64_TPREL16_HIGHERA'],
  [99, 'R_PPC64_TPREL16_HIGHEST'],
  [100, 'R_PPC64_TPREL16_HIGHESTA'],
  [101, 'R_PPC64_DTPREL16_DS'],
  [102, 'R_PPC64_DTPREL16_LO_DS'],
  [103, 'R_PPC64_DTPREL16_HIGHER'],
  [104, 'R_PPC64_DTPREL16_HIGHERA'],
  [105, 'R_PPC64_DTPREL16_HIGHEST'],
  [106, 'R_PPC64_DTPREL16_HIGHESTA'],
  [107, 'R_PPC64_TLSGD'],
  [108, 'R_PPC64_TLSLD'],
  [109, 'R_PPC64_TOCSAVE'],
  [110, 'R_PPC64_ADDR16_HIGH'],
  [111, 'R_PPC64_ADDR16_HIGHA'],
  [112, 'R_PPC64_TPREL16_HIGH'],
  [113, 'R_PPC64_TPREL16_HIGHA'],
  [114, 'R_PPC64_DTPREL16_HIGH'],
  [115, 'R_PPC64_DTPREL16_HIGHA'],
  [116, 'R_PPC64_REL24_NOTOC'],
  [117, 'R_PPC64_ADDR64_LOCAL'],
  [118, 'R_PPC64_ENTRY'],
  [119, 'R_PPC64_PLTSEQ'],
  [120, 'R_PPC64_PLTCALL'],
  [121, 'R_PPC64_PLTSEQ_NOTOC'],
  [122, 'R_PPC64_PLTCALL_NOTOC'],
  [123, 'R_PPC64_PCREL_OPT'],
  [124, 'R_PPC64_REL24_P9NOTOC'],
  [128, 'R_PPC64_D34'],
  [129, 'R_PPC64_D34_LO'],
  [130, 'R_PPC64_D34_HI30'],
  [131, 'R_PPC64_D34_HA30'],
  [132, 'R_PPC64_PCREL34'],
  [133, 'R_PPC64_GOT_PCREL34'],
  [134, 'R_PPC64_PLT_PCREL34'],
  [135, 'R_PPC64_PLT_PCREL34_NOTOC'],
  [136, 'R_PPC64_ADDR16_HIGHER34'],
  [137, 'R_PPC64_ADDR16_HIGHERA34'],
  [138, 'R_PPC64_ADDR16_HIGHEST34'],
  [139, 'R_PPC64_ADDR16_HIGHESTA34'],
  [140, 'R_PPC64_REL16_HIGHER34'],
  [141, 'R_PPC64_REL16_HIGHERA34'],
  [142, 'R_PPC64_REL16_HIGHEST34'],
  [143, 'R_PPC64_REL16_HIGHESTA34'],
  [144, 'R_PPC64_D28'],
  [145, 'R_PPC64_PCREL28'],
  [146, 'R_PPC64_TPREL34'],
  [147, 'R_PPC64_DTPREL34'],
  [148, 'R_PPC64_GOT_TLSGD_PCREL34'],
  [149, 'R_PPC64_GOT_TLSLD_PCREL34'],
  [150, 'R_PPC64_GOT_TPREL_PCREL34'],
  [151, 'R_PPC64_GOT_DTPREL_PCREL34'],
  [240, 'R_PPC64_REL16_HIGH'],
  [241, 'R_PPC64_REL16_HIGHA'],
  [242, 'R_PPC64_REL16_HIGHER'],
  [243, 'R_PPC64_REL16_HIGHERA'],
  [244, 'R_PPC64_REL16_HIGHEST'],
  [245, 'R_PPC64_REL16_HIGHESTA'],
  [246, 'R_PPC64_REL16DX_HA'],
  [247, 'R_PPC64_JMP_IREL'],
  [248, 'R_PPC64_IRELATIVE'],
  [249, 'R_PPC64_REL16'],
  [250, 'R_PPC64_REL16_LO'],
  [251, 'R_PPC64_REL16_HI'],
  [252, 'R_PPC64_REL16_HA'],
  [253, 'R_PPC64_GNU_VTINHERIT'],
  [254, 'R_PPC64_GNU_VTENTRY'],
]);

/** readelf's spelling of a relocation type, or a numbered placeholder for unknown ones. */
export function relocName(type: number): string {
  return R_PPC64_NAMES.get(type) ?? `<unknown relocation ${type}>`;
}

/** Names for messages (readelf's spellings where it has one). */
const SHT_NAMES: Record<number, string> = {
  [SHT_NULL]: 'NULL', [SHT_PROGBITS]: 'PROGBITS', [SHT_SYMTAB]: 'SYMTAB', [SHT_STRTAB]: 'STRTAB',
  [SHT_RELA]: 'RELA', [SHT_HASH]: 'HASH', [SHT_DYNAMIC]: 'DYNAMIC', [SHT_NOTE]: 'NOTE',
  [SHT_NOBITS]: 'NOBITS', [SHT_REL]: 'REL', [SHT_DYNSYM]: 'DYNSYM', [SHT_INIT_ARRAY]: 'INIT_ARRAY',
  [SHT_FINI_ARRAY]: 'FINI_ARRAY', [SHT_PREINIT_ARRAY]: 'PREINIT_ARRAY', [SHT_GROUP]: 'GROUP',
  [SHT_SYMTAB_SHNDX]: 'SYMTAB SECTION INDICES', [SHT_GNU_ATTRIBUTES]: 'GNU_ATTRIBUTES',
};
export const sectionTypeName = (t: number): string => SHT_NAMES[t] ?? `0x${t.toString(16)}`;

const EM_NAMES: Record<number, string> = {
  3: 'EM_386', 8: 'EM_MIPS', [EM_PPC]: 'EM_PPC', [EM_PPC64]: 'EM_PPC64', 40: 'EM_ARM', 43: 'EM_SPARCV9',
  [EM_X86_64]: 'EM_X86_64', [EM_AARCH64]: 'EM_AARCH64', 243: 'EM_RISCV',
};
export const machineName = (m: number): string => EM_NAMES[m] ?? `machine ${m}`;
