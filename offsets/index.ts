/**
 * The asm-offsets generator as a library: declarations (C subset) + a DEFINE list in, header
 * text and the evaluated constants out. No file-system access: everything goes through `host`.
 *
 *   preprocess (c/pp) -> parse (c/parser) -> resolve + lay out (types, layout) -> evaluate (eval)
 *   -> render (emit)
 *
 * Every declaration is checked, not only those the DEFINE list uses, so a broken struct is an
 * error even before someone asks for one of its offsets (as it would be for gcc).
 */
import { DiagnosticBag, type Diagnostic } from '../common/diagnostics.js';
import type { Host } from '../common/host.js';
import type { IntType } from './abi.js';
import type { Pos, RecordDecl, TranslationUnit } from './c/ast.js';
import { parseTranslationUnit } from './c/parser.js';
import { preprocess } from './c/pp.js';
import { renderHeader, renderLayouts, type HeaderLine, type LayoutDump, type LayoutRow } from './emit.js';
import { evalInteger } from './eval.js';
import { createSema, enumInfo, recordLayout, report, resolveTypedef, sizeAlign, typeName, type Sema } from './types.js';

export interface GenerateOptions {
  readonly includeDirs: readonly string[];
  readonly defines?: ReadonlyArray<readonly [string, string]>;
  readonly undefines?: readonly string[];
}

export interface GeneratedConstant {
  readonly name: string;
  readonly value: bigint;
  /** C type of the expression (e.g. 'unsigned long' for offsetof/sizeof). */
  readonly type: IntType;
  /** The expression as written (kbuild's `#val`). */
  readonly text: string;
  readonly pos: Pos;
}

export interface GenerateResult {
  /** Absent when any error was reported. */
  readonly header?: string;
  readonly constants: readonly GeneratedConstant[];
  readonly diagnostics: readonly Diagnostic[];
}

interface Analysis {
  readonly bag: DiagnosticBag;
  readonly unit?: TranslationUnit;
  readonly sema?: Sema;
}

/**
 * Runs `step`, turning a JavaScript stack overflow (only reachable with absurdly deep input, e.g.
 * a chain of thousands of typedefs) into a diagnostic instead of a crash.
 */
function guarded<T>(bag: DiagnosticBag, path: string, step: () => T): T | undefined {
  try {
    return step();
  } catch (e) {
    if (!(e instanceof RangeError)) throw e;
    bag.error(`'${path}' nests declarations or expressions too deeply to process (${e.message})`);
    return undefined;
  }
}

function analyse(path: string, options: GenerateOptions, host: Host): Analysis {
  const bag = new DiagnosticBag();
  return guarded(bag, path, () => analyseUnguarded(bag, path, options, host)) ?? { bag };
}

function analyseUnguarded(bag: DiagnosticBag, path: string, options: GenerateOptions, host: Host): Analysis {
  const pp = preprocess(path, options, host, bag);
  if (bag.hasErrors) return { bag };
  const unit = parseTranslationUnit(pp.tokens, pp.texts, bag);
  const sema = createSema(unit, bag);
  for (const td of unit.typedefs) resolveTypedef(sema, td);
  for (const r of unit.records) if (r.members) recordLayout(sema, r);
  for (const e of unit.enums) if (e.enumerators) enumInfo(sema, e);
  return { bag, unit, sema };
}

export function generateOffsets(path: string, options: GenerateOptions, host: Host): GenerateResult {
  const { bag, unit, sema } = analyse(path, options, host);
  const constants: GeneratedConstant[] = [];
  const lines: HeaderLine[] = [];
  if (unit && sema) guarded(bag, path, () => evaluateItems(unit, sema, constants, lines));
  if (bag.hasErrors) return { constants, diagnostics: bag.items };
  return { header: renderHeader(lines, path), constants, diagnostics: bag.items };
}

/** Evaluate the DEFINE list in order: constants, blank lines, comments, static assertions. */
function evaluateItems(unit: TranslationUnit, sema: Sema, constants: GeneratedConstant[], lines: HeaderLine[]): void {
  const seen = new Map<string, Pos>();
  for (const item of unit.items) {
    if (item.kind === 'blank') lines.push({ kind: 'blank' });
    else if (item.kind === 'comment') lines.push({ kind: 'comment', text: item.text });
    else if (item.kind === 'static-assert') {
      const v = evalInteger(sema, item.expr);
      if (v && v.value === 0n) report(sema, `static assertion failed${item.message ? `: "${item.message}"` : ''}`, item.pos);
    } else {
      const prev = seen.get(item.name);
      if (prev) {
        report(sema, `duplicate constant name '${item.name}' (first defined at ${prev.file}:${prev.line}:${prev.col})`, item.pos);
        continue;
      }
      seen.set(item.name, item.pos);
      const v = evalInteger(sema, item.expr);
      if (!v) continue;
      constants.push({ name: item.name, value: v.value, type: v.type, text: item.text, pos: item.pos });
      lines.push({ kind: 'define', name: item.name, value: v.value, text: item.text });
    }
  }
  if (!sema.bag.hasErrors && constants.length === 0) sema.bag.warning('no DEFINE in the input: the header will hold no constants');
}

export interface LayoutResult {
  /** Absent when any error was reported. */
  readonly text?: string;
  readonly diagnostics: readonly Diagnostic[];
}

/** pahole-like layout of the named structs/unions (all named ones when `names` is empty). */
export function describeLayouts(path: string, options: GenerateOptions, names: readonly string[], host: Host): LayoutResult {
  const { bag, unit, sema } = analyse(path, options, host);
  if (!unit || !sema || bag.hasErrors) return { diagnostics: bag.items };
  const pick = names.length ? names : unit.records.filter((r) => r.name && r.members).map((r) => r.name as string);
  const dumps: LayoutDump[] = [];
  for (const name of pick) {
    const tag = unit.tags.get(name);
    if (!tag || tag.kind !== 'record' || !tag.members) {
      bag.error(`no struct or union named '${name}' is defined`);
      continue;
    }
    const l = recordLayout(sema, tag);
    if (l) dumps.push({ title: `${tag.tag} ${name}`, size: l.size, align: l.align, rows: rowsOf(sema, tag, 0n, 0) });
  }
  if (bag.hasErrors) return { diagnostics: bag.items };
  return { text: renderLayouts(dumps), diagnostics: bag.items };
}

function rowsOf(sema: Sema, decl: RecordDecl, base: bigint, depth: number): LayoutRow[] {
  const l = recordLayout(sema, decl);
  if (!l) return [];
  const rows: LayoutRow[] = [];
  for (const f of l.fields) {
    const size = sizeAlign(sema, f.type)?.size;
    const width = f.member.bitWidth ? evalInteger(sema, f.member.bitWidth)?.value : undefined;
    rows.push({
      depth,
      name: f.member.name ?? '<anonymous>',
      type: typeName(f.type),
      offset: base + f.offset,
      size,
      ...(width !== undefined ? { bits: { offset: base * 8n + f.bitOffset, width } } : {}),
    });
    if (f.type.kind === 'record' && f.type.decl.name === undefined) rows.push(...rowsOf(sema, f.type.decl, base + f.offset, depth + 1));
  }
  return rows;
}
