/** The linker-script syntax tree (the subset firmware and kernel scripts use). */
import type { Location } from '../../common/diagnostics.js';

export type Expr =
  | { k: 'num'; v: bigint }
  | { k: 'sym'; name: string; loc: Location }
  | { k: 'dot'; loc: Location }
  | { k: 'un'; op: '-' | '~' | '!' | '+'; a: Expr }
  | { k: 'bin'; op: string; a: Expr; b: Expr; loc: Location }
  | { k: 'cond'; c: Expr; a: Expr; b: Expr }
  /** Built-in functions. `name` holds a section, region, symbol or constant name argument. */
  | { k: 'call'; fn: string; args: Expr[]; name?: string; loc: Location };

export interface Assign {
  k: 'assign';
  name: string; // "." for the location counter
  op: string; // "=", "+=", "-=", "*=", "/=", "<<=", ">>=", "&=", "|="
  expr: Expr;
  provide: boolean;
  hidden: boolean;
  loc: Location;
}

export interface AssertStmt {
  k: 'assert';
  expr: Expr;
  message: string;
  loc: Location;
}

export interface EntryStmt {
  k: 'entry';
  name: string;
  loc: Location;
}

/** A compiled glob: `*`, `?`, `[...]` as in GNU ld's patterns. */
export interface Pattern {
  text: string;
  match: (s: string) => boolean;
}

export type SortKind = 'none' | 'name' | 'alignment' | 'init_priority';

export interface InputSpec {
  k: 'input';
  file: Pattern;
  /** EXCLUDE_FILE(...) before the file pattern (or before section patterns, applying to them). */
  excludeFiles: Pattern[];
  sections: { pattern: Pattern; excludeFiles: Pattern[] }[];
  /** `*(COMMON)`: common symbols. */
  common: boolean;
  keep: boolean;
  sort: SortKind;
  loc: Location;
}

export interface DataStmt {
  k: 'data';
  size: 1 | 2 | 4 | 8;
  expr: Expr;
  loc: Location;
}

export interface FillStmt {
  k: 'fill';
  expr: Expr;
  loc: Location;
}

export type OutputCmd = Assign | AssertStmt | InputSpec | DataStmt | FillStmt;

export interface OutputSectionDef {
  k: 'osec';
  name: string;
  addr?: Expr;
  /** (NOLOAD), (INFO), (COPY), (DSECT), (OVERLAY), (READONLY) */
  type?: string;
  lma?: Expr;
  align?: Expr;
  subalign?: Expr;
  constraint?: 'ONLY_IF_RO' | 'ONLY_IF_RW';
  region?: string;
  lmaRegion?: string;
  phdrs: string[];
  fill?: Expr;
  cmds: OutputCmd[];
  loc: Location;
  /** Made by the linker for orphan input sections. */
  orphan?: boolean;
}

export type SectionsItem = Assign | AssertStmt | EntryStmt | OutputSectionDef;

export interface MemoryRegion {
  name: string;
  attrs: string;
  origin: Expr;
  length: Expr;
  loc: Location;
}

export interface PhdrDef {
  name: string;
  type: number;
  fileHdr: boolean;
  phdrs: boolean;
  at?: Expr;
  flags?: Expr;
  loc: Location;
}

export interface Script {
  entry?: EntryStmt;
  /** Whether a SECTIONS command was seen. */
  hasSections: boolean;
  /** SECTIONS contents plus top-level assignments and asserts, in script order. */
  sections: SectionsItem[];
  memory: MemoryRegion[];
  phdrs: PhdrDef[];
  /** INPUT(...) / GROUP(...) files. */
  inputs: { path: string; loc: Location }[];
  /** EXTERN(...) symbols: like -u. */
  externs: string[];
}

export const emptyScript = (): Script => ({ hasSections: false, sections: [], memory: [], phdrs: [], inputs: [], externs: [] });
