/**
 * The linker's shared data model: input files and sections, symbols, output sections and the
 * per-run context. Everything a run mutates hangs off one `Ctx`; module scope holds only tables.
 */
import type { DiagnosticBag } from '../common/diagnostics.js';
import type { Host } from '../common/host.js';
import type { RelocTable } from './reloc-table.js';
import type { LinkOptions } from './options.js';
import type { Assign, Script } from './script/ast.js';

/** One relocatable object (a file on the command line or an archive member). */
export interface ObjectFile {
  /** Display name as GNU ld prints it: "a.o" or "libx.a(m.o)". */
  name: string;
  /** The path used for file-name patterns in scripts (the archive path for members). */
  path: string;
  /** Member name inside an archive ("m.o"), undefined for plain files. */
  member: string | undefined;
  /** e_flags (the ELF ABI version bits matter to the output). The parsed ELF is not kept. */
  eflags: number;
  /** Section index → input section (undefined for sections the link does not carry). */
  sections: (InputSection | undefined)[];
  /** Symbol index → resolved symbol (globals are shared through the symbol table). */
  symbols: Sym[];
  /** Position on the command line, for deterministic ordering. */
  order: number;
}

/** Linker-created contents (GOT, common symbols): size is known before layout, bytes after. */
export interface Synthetic {
  write(out: Uint8Array, at: number, ctx: Ctx): void;
}

export interface InputSection {
  file: ObjectFile;
  index: number;
  name: string;
  type: number;
  flags: bigint;
  align: bigint;
  size: bigint;
  /** Original contents (empty for NOBITS). Never mutated: relocation is applied to the output buffer. */
  data: Uint8Array;
  /** The RELA section applying to this section, if any (checked by the relocation pass)... */
  rela: RelaSource | undefined;
  /** ...which then sets the relocations. */
  relocs: RelocTable | undefined;
  /** Garbage collection: false when --gc-sections found no path to it. */
  live: boolean;
  /** Matched by a KEEP() pattern. */
  keep: boolean;
  /** Set by layout. */
  out: OutputSection | undefined;
  /** Offset within the output section. */
  offset: bigint;
  /** Discarded by /DISCARD/ (references to it are errors). */
  discarded: boolean;
  synthetic: Synthetic | undefined;
  /** An empty linker-created section that still makes its output section exist (GNU's .eh_frame). */
  keepEmpty: boolean;
  /** Position among all input sections (linker-made first, then objects in order), for sorting. */
  seq: number;
  /** This section as an output piece (made once: layout passes rebuild the piece lists). */
  piece: { kind: 'input'; section: InputSection };
}

/** Where an input section's relocations are: the RELA section's bytes (`size` at `base` in `dv`), its name, and its symbol table's size. */
export interface RelaSource {
  dv: DataView;
  base: number;
  size: number;
  name: string;
  symbolCount: number;
}

export type SymKind = 'undefined' | 'defined' | 'common' | 'lazy';

/** A symbol: every global name has exactly one Sym shared by all files; locals have their own. */
export interface Sym {
  name: string;
  kind: SymKind;
  binding: number; // STB_*
  type: number; // STT_*
  other: number;
  size: bigint;
  /** For defined symbols: the section, or null for absolute values. */
  section: InputSection | null;
  /** Section-relative for section symbols; absolute otherwise. */
  value: bigint;
  /** The defining file (null for linker/script-defined symbols). */
  file: ObjectFile | null;
  isGlobal: boolean;
  /** Some non-weak reference exists (decides archive extraction and undefined errors). */
  strongRef: boolean;
  /** Any reference exists (PROVIDE only defines referenced symbols). */
  referenced: boolean;
  /** Common symbols: the largest alignment seen. */
  commonAlign?: bigint;
  /** Lazy (archive) symbols: which member would define it. */
  lazy?: { archive: ArchiveFile; memberOffset: number };
  /** Defined by the script or --defsym: holds the output section it is relative to (if any). */
  scriptSection?: OutputSection | null;
  /** Symbol is a section symbol (STT_SECTION) of an input section. */
  isSection?: boolean;
}

export interface ArchiveMember {
  name: string;
  offset: number; // of the member header
  data: Uint8Array;
}

export interface ArchiveFile {
  path: string;
  members: Map<number, ArchiveMember>;
  /** Symbol → member header offset, from the archive's index or built by scanning members. */
  index: Map<string, number>;
  /** The index in archive order (extraction follows it, as GNU ld does). */
  indexList?: [string, number][];
  loaded: Set<number>;
  order: number;
}

export interface OutputSection {
  name: string;
  type: number;
  flags: bigint;
  align: bigint;
  addr: bigint;
  lma: bigint;
  size: bigint;
  /** Pieces in address order: input sections and linker-script data (BYTE/LONG/fill). */
  pieces: OutputPiece[];
  /** Index in the output file's section header table (set by the writer). */
  shndx: number;
  /** From the script: PHDRS names this section goes to. */
  phdrs: string[];
  /** NOLOAD: allocated but no file contents. */
  noload: boolean;
  /** Section has symbol assignments: kept even when empty. */
  hasSymbols: boolean;
  /** Script order (the writer emits sections in address order within segments). */
  order: number;
  fill?: number;
  /** Placed in the output (false for script sections that ended up empty and were dropped). */
  exists: boolean;
  /** Allocated in memory (SHF_ALLOC). */
  alloc?: boolean;
  /** Forced to exist with size 0 (linker-created sections GNU ld always emits). */
  keepEmpty?: boolean;
  /** Created for orphan input sections (not named by the script). */
  orphan?: boolean;
  /** PT_GNU_RELRO membership, decided by layout. */
  relro?: boolean;
}

export type OutputPiece =
  | InputSection['piece']
  | { kind: 'data'; offset: bigint; size: number; value: bigint }
  | { kind: 'fill'; offset: bigint; size: bigint; pattern: number };

export interface GotEntry {
  sym: Sym;
  /** The object whose .got holds the entry. */
  file: ObjectFile;
  addend: bigint;
  offset: number; // within the GOT synthetic section
}

export interface Ctx {
  opts: LinkOptions;
  host: Host;
  diags: DiagnosticBag;
  files: ObjectFile[];
  archives: ArchiveFile[];
  /** Global symbols by name, in first-seen order. */
  globals: Map<string, Sym>;
  script: Script;
  outputs: OutputSection[];
  /** The TOC pointer value (.TOC.), set after layout. */
  tocBase: bigint;
  /** GOT entries keyed by symbol and addend; the GOT's synthetic input section. */
  got: { entries: GotEntry[]; byKey: Map<Sym, Map<bigint, GotEntry>>; header?: InputSection };
  /** Per-object .got sections (GNU ld keeps GOT entries with the object that needs them). */
  gotByFile: Map<ObjectFile, InputSection>;
  /** A pseudo object for linker-created sections and symbols. */
  linkerFile: ObjectFile;
  /** --defsym assignments, parsed. */
  defsyms: Assign[];
  /** Symbol names the script's expressions mention (PROVIDE counts them as references). */
  scriptRefs: Set<string>;
  /** COMDAT group signatures already taken. */
  comdats: Set<string>;
  entry?: bigint;
  /** Archive members pulled in, and the symbol that pulled each (for the map file). */
  archiveLog: { member: string; symbol: string }[];
  /** PT_GNU_STACK: undefined when no input has .note.GNU-stack; true when one asks for an executable stack. */
  gnuStack?: boolean;
}
