/**
 * Name resolution and type layout over the parsed declarations: typedef chains (with cycle and
 * declaration-order checks), struct/union layouts (offsets/layout.ts), enum underlying types,
 * member lookup through anonymous members.
 *
 * All per-run state (memo tables, the diagnostic bag) lives in the Sema object a run creates.
 */
import type { DiagnosticBag } from '../common/diagnostics.js';
import { BIGGEST_ALIGNMENT, BUILTIN_TYPEDEFS, INT_TYPES, POINTER_ALIGN, POINTER_SIZE, type FloatType, type IntType } from './abi.js';
import type { Attributes, EnumDecl, Enumerator, Expr, Member, Pos, RecordDecl, TranslationUnit, TypedefDecl, TypeExpr } from './c/ast.js';
import { evalInteger } from './eval.js';
import { fitsType } from './c/literal.js';
import { isPowerOfTwo, layoutRecord, type FieldSpec } from './layout.js';

/** A resolved type. `userAlign` is a typedef's `aligned(n)`, which replaces the natural one. */
export type CType = (
  | IntType
  | FloatType
  | { readonly kind: 'void' }
  | { readonly kind: 'function' }
  | { readonly kind: 'pointer'; readonly to: TypeExpr }
  | { readonly kind: 'array'; readonly elem: CType; readonly count?: bigint }
  | { readonly kind: 'record'; readonly decl: RecordDecl }
  | { readonly kind: 'enum'; readonly decl: EnumDecl }
) & { readonly userAlign?: bigint };

export interface FieldLayout {
  readonly member: Member;
  /** Byte offset (of the byte holding the first bit, for a bit-field). */
  readonly offset: bigint;
  /** Bit offset from the start of the record. */
  readonly bitOffset: bigint;
  readonly type: CType;
}

export interface RecordLayout {
  readonly size: bigint;
  readonly align: bigint;
  readonly fields: readonly FieldLayout[];
}

export interface EnumInfo {
  readonly type: IntType;
  readonly values: ReadonlyMap<Enumerator, bigint>;
}

export interface Sema {
  readonly unit: TranslationUnit;
  readonly bag: DiagnosticBag;
  readonly typedefs: Map<TypedefDecl, CType | null>;
  readonly typedefStack: TypedefDecl[];
  readonly records: Map<RecordDecl, RecordLayout | null>;
  readonly recordStack: RecordDecl[];
  readonly enums: Map<EnumDecl, EnumInfo | null>;
  readonly enumBusy: Set<EnumDecl>;
}

export function createSema(unit: TranslationUnit, bag: DiagnosticBag): Sema {
  return { unit, bag, typedefs: new Map(), typedefStack: [], records: new Map(), recordStack: [], enums: new Map(), enumBusy: new Set() };
}

export function report(sema: Sema, message: string, pos: Pos): void {
  sema.bag.error(message, { file: pos.file, line: pos.line, col: pos.col }, pos.origin);
}

const where = (p: Pos): string => `${p.file}:${p.line}:${p.col}`;

// ---------------------------------------------------------------------------------------------
// Type names for messages.

export function typeName(t: CType): string {
  switch (t.kind) {
    case 'int':
    case 'float':
      return t.name;
    case 'void':
      return 'void';
    case 'function':
      return 'function';
    case 'pointer':
      return `${typeExprName(t.to)} *`;
    case 'array':
      return `${typeName(t.elem)}[${t.count ?? ''}]`;
    case 'record':
      return `${t.decl.tag} ${t.decl.name ?? '<anonymous>'}`;
    case 'enum':
      return `enum ${t.decl.name ?? '<anonymous>'}`;
  }
}

function typeExprName(t: TypeExpr): string {
  switch (t.kind) {
    case 'scalar':
      return t.type === 'void' ? 'void' : t.type.name;
    case 'typedef-name':
      return t.name;
    case 'record-ref':
      return `${t.decl.tag} ${t.decl.name ?? '<anonymous>'}`;
    case 'enum-ref':
      return `enum ${t.decl.name ?? '<anonymous>'}`;
    case 'pointer':
      return `${typeExprName(t.to)} *`;
    case 'array':
      return `${typeExprName(t.of)}[]`;
    case 'function':
      return 'function';
  }
}

// ---------------------------------------------------------------------------------------------
// Resolution.

/** Resolve a written type; undefined after a diagnostic. */
export function resolveType(sema: Sema, te: TypeExpr): CType | undefined {
  switch (te.kind) {
    case 'scalar':
      return te.type === 'void' ? { kind: 'void' } : te.type;
    case 'typedef-name':
      return resolveTypedefName(sema, te.name, te.pos, te.seq);
    case 'record-ref':
      return { kind: 'record', decl: te.decl };
    case 'enum-ref':
      return { kind: 'enum', decl: te.decl };
    case 'pointer':
      return { kind: 'pointer', to: te.to };
    case 'function':
      return { kind: 'function' };
    case 'array': {
      const elem = resolveType(sema, te.of);
      if (!elem) return undefined;
      if (elem.kind === 'function') {
        report(sema, 'declaration of an array of functions', te.pos);
        return undefined;
      }
      if (!te.size) return { kind: 'array', elem };
      const n = evalInteger(sema, te.size);
      if (n === undefined) return undefined;
      if (n.value < 0n) {
        report(sema, `size of array is negative (${n.value})`, te.size.pos);
        return undefined;
      }
      return { kind: 'array', elem, count: n.value };
    }
  }
}

function resolveTypedefName(sema: Sema, name: string, pos: Pos, useSeq: number): CType | undefined {
  const decl = sema.unit.ordinary.get(name);
  if (!decl) {
    const builtin = BUILTIN_TYPEDEFS.get(name);
    if (builtin) return builtin;
    report(sema, `unknown type name '${name}'`, pos);
    return undefined;
  }
  if (decl.kind !== 'typedef') {
    report(sema, `'${name}' is not a type (it is declared at ${where(decl.pos)})`, pos);
    return undefined;
  }
  const cyclesBefore = sema.bag.errorCount;
  const t = resolveTypedef(sema, decl);
  if (decl.seq > useSeq && sema.bag.errorCount === cyclesBefore) {
    report(sema, `unknown type name '${name}' (its typedef comes later, at ${where(decl.pos)})`, pos);
    return undefined;
  }
  return t;
}

export function resolveTypedef(sema: Sema, td: TypedefDecl): CType | undefined {
  const done = sema.typedefs.get(td);
  if (done !== undefined) return done ?? undefined;
  const at = sema.typedefStack.indexOf(td);
  if (at >= 0) {
    const chain = [...sema.typedefStack.slice(at), td].map((d) => d.name).join(' -> ');
    report(sema, `cyclic typedef: ${chain}`, td.pos);
    for (const d of sema.typedefStack.slice(at)) sema.typedefs.set(d, null);
    return undefined;
  }
  sema.typedefStack.push(td);
  let t = resolveType(sema, td.type);
  sema.typedefStack.pop();
  if (sema.typedefs.get(td) === null) return undefined; // part of a reported cycle
  if (t && td.attrs.aligned !== undefined) {
    const a = alignmentValue(sema, td.attrs);
    // On a typedef, aligned(n) sets the alignment outright (it may lower it), as in GCC.
    if (a === undefined) t = undefined;
    else t = { ...t, userAlign: a };
  }
  sema.typedefs.set(td, t ?? null);
  return t;
}

/** The value of an `aligned`/`_Alignas` attribute, checked; undefined after a diagnostic. */
export function alignmentValue(sema: Sema, attrs: Attributes): bigint | undefined {
  const e = attrs.aligned;
  if (e === undefined) return undefined;
  if (e === 'max') return BIGGEST_ALIGNMENT;
  const v = evalInteger(sema, e);
  if (v === undefined) return undefined;
  if (attrs.alignas && v.value === 0n) return undefined; // _Alignas(0) has no effect
  if (!isPowerOfTwo(v.value)) {
    report(sema, `requested alignment ${v.value} is not a positive power of 2`, attrs.alignedPos ?? e.pos);
    return undefined;
  }
  if (v.value > 1n << 28n) {
    report(sema, `requested alignment ${v.value} exceeds the maximum 268435456`, attrs.alignedPos ?? e.pos);
    return undefined;
  }
  return v.value;
}

// ---------------------------------------------------------------------------------------------
// Sizes.

export interface SizeAlign {
  /** undefined for incomplete types (void, functions, undefined structs, `[]` arrays). */
  readonly size: bigint | undefined;
  readonly align: bigint;
}

export function sizeAlign(sema: Sema, t: CType): SizeAlign | undefined {
  const natural = naturalSizeAlign(sema, t);
  if (!natural) return undefined;
  return t.userAlign !== undefined ? { size: natural.size, align: t.userAlign } : natural;
}

function naturalSizeAlign(sema: Sema, t: CType): SizeAlign | undefined {
  switch (t.kind) {
    case 'int':
    case 'float':
      return { size: t.size, align: t.align };
    case 'void':
    case 'function':
      return { size: undefined, align: 1n };
    case 'pointer':
      return { size: POINTER_SIZE, align: POINTER_ALIGN };
    case 'array': {
      const e = sizeAlign(sema, t.elem);
      if (!e) return undefined;
      return { size: t.count === undefined || e.size === undefined ? undefined : t.count * e.size, align: e.align };
    }
    case 'record': {
      if (!t.decl.members) return { size: undefined, align: 1n };
      const l = recordLayout(sema, t.decl);
      return l ? { size: l.size, align: l.align } : undefined;
    }
    case 'enum': {
      if (!t.decl.enumerators) return { size: undefined, align: 1n };
      const info = enumInfo(sema, t.decl);
      return info ? { size: info.type.size, align: info.type.align } : undefined;
    }
  }
}

/**
 * Whether a by-value use at declaration counter `useSeq` sees a complete type: C lets a struct
 * be embedded only after its closing brace (which also rules out a struct containing itself).
 */
export function completeAt(t: CType, useSeq: number): boolean {
  switch (t.kind) {
    case 'record':
      return t.decl.completeSeq !== undefined && t.decl.completeSeq <= useSeq;
    case 'enum':
      return t.decl.completeSeq !== undefined && t.decl.completeSeq <= useSeq;
    case 'array':
      return t.count !== undefined && completeAt(t.elem, useSeq);
    case 'void':
    case 'function':
      return false;
    default:
      return true;
  }
}

/** The declaration counter at which a written type is used (for completeAt). */
export function useSeqOf(te: TypeExpr): number {
  switch (te.kind) {
    case 'typedef-name':
    case 'record-ref':
    case 'enum-ref':
      return te.seq;
    case 'array':
      return useSeqOf(te.of);
    default:
      return Number.MAX_SAFE_INTEGER;
  }
}

/**
 * The complete size and alignment of a type used by value at `useSeq`, or undefined after an
 * "incomplete type" diagnostic naming `what`.
 */
export function completeSizeAlign(sema: Sema, t: CType, useSeq: number, what: string, pos: Pos): { size: bigint; align: bigint } | undefined {
  if (!completeAt(t, useSeq)) {
    const later = t.kind === 'record' && t.decl.completeSeq !== undefined && t.decl.defPos && !sema.recordStack.includes(t.decl);
    const extra = later && t.decl.defPos ? ` (defined later, at ${where(t.decl.defPos)})` : '';
    report(sema, `${what} has incomplete type '${typeName(t)}'${extra}`, pos);
    return undefined;
  }
  const sa = sizeAlign(sema, t);
  if (!sa) return undefined;
  if (sa.size === undefined) {
    report(sema, `${what} has incomplete type '${typeName(t)}'`, pos);
    return undefined;
  }
  return { size: sa.size, align: sa.align };
}

// ---------------------------------------------------------------------------------------------
// Records.

export function recordLayout(sema: Sema, decl: RecordDecl): RecordLayout | undefined {
  const done = sema.records.get(decl);
  if (done !== undefined) return done ?? undefined;
  if (!decl.members) return undefined;
  if (sema.recordStack.includes(decl)) {
    report(sema, `'${decl.tag} ${decl.name ?? '<anonymous>'}' contains itself`, decl.defPos ?? decl.pos);
    sema.records.set(decl, null);
    return undefined;
  }
  sema.recordStack.push(decl);
  const layout = computeRecordLayout(sema, decl, decl.members);
  sema.recordStack.pop();
  if (sema.records.get(decl) === null) return undefined;
  sema.records.set(decl, layout ?? null);
  return layout;
}

function computeRecordLayout(sema: Sema, decl: RecordDecl, members: readonly Member[]): RecordLayout | undefined {
  let ok = true;
  const specs: FieldSpec[] = [];
  const types: CType[] = [];
  const names = new Map<string, Member>();
  const label = `${decl.tag} ${decl.name ?? '<anonymous>'}`;
  members.forEach((m, k) => {
    for (const n of memberNames(sema, m)) {
      const prev = names.get(n);
      if (prev) {
        report(sema, `duplicate member '${n}' in ${label} (previous declaration at ${where(prev.pos)})`, m.pos);
        ok = false;
      } else names.set(n, m);
    }
    const what = m.name ? `field '${m.name}'` : 'anonymous member';
    const t = resolveType(sema, m.type);
    if (!t) {
      ok = false;
      return;
    }
    if (m.bitWidth) {
      const spec = bitFieldSpec(sema, m, t, m.bitWidth);
      if (!spec) ok = false;
      else {
        specs.push(spec);
        types.push(t);
      }
      return;
    }
    if (t.kind === 'function') {
      report(sema, `${what} declared as a function`, m.pos);
      ok = false;
      return;
    }
    let size: bigint;
    let typeAlign: bigint;
    const flexible = t.kind === 'array' && t.count === undefined;
    if (flexible) {
      if (decl.tag === 'union' || k !== members.length - 1) {
        report(sema, `flexible array member ${m.name ? `'${m.name}' ` : ''}${decl.tag === 'union' ? 'in a union' : 'not at end of struct'}`, m.pos);
        ok = false;
        return;
      }
      const e = completeSizeAlign(sema, t.elem, useSeqOf(m.type), what, m.pos);
      if (!e) {
        ok = false;
        return;
      }
      size = 0n;
      typeAlign = t.userAlign ?? e.align;
    } else {
      const sa = completeSizeAlign(sema, t, useSeqOf(m.type), what, m.pos);
      if (!sa) {
        ok = false;
        return;
      }
      size = sa.size;
      typeAlign = sa.align;
    }
    if (t.kind === 'array' && !checkArrayElements(sema, t, m.pos)) {
      ok = false;
      return;
    }
    const errorsBefore = sema.bag.errorCount;
    const declAlign = alignmentValue(sema, m.attrs);
    if (sema.bag.errorCount > errorsBefore) ok = false;
    specs.push({ size, typeAlign, ...(declAlign !== undefined ? { declAlign } : {}), ...(m.attrs.packed ? { packed: true } : {}) });
    types.push(t);
  });
  if (!ok) return undefined;
  const errorsBefore = sema.bag.errorCount;
  const recAlign = alignmentValue(sema, decl.attrs);
  if (sema.bag.errorCount > errorsBefore) return undefined;
  const shape = layoutRecord(specs, { kind: decl.tag, packed: decl.attrs.packed === true, ...(recAlign !== undefined ? { align: recAlign } : {}) });
  const fields = members.map((member, k) => ({ member, offset: shape.offsets[k] as bigint, bitOffset: shape.bitOffsets[k] as bigint, type: types[k] as CType }));
  return { size: shape.size, align: shape.align, fields };
}

/** A bit-field's layout input: an integer (or enum) type and a width that fits it. */
function bitFieldSpec(sema: Sema, m: Member, t: CType, widthExpr: Expr): FieldSpec | undefined {
  const label = m.name ? `bit-field '${m.name}'` : 'unnamed bit-field';
  const base = t.kind === 'enum' ? (completeAt(t, useSeqOf(m.type)) ? enumInfo(sema, t.decl)?.type : undefined) : t.kind === 'int' ? t : undefined;
  if (!base) {
    report(sema, `${label} has invalid type '${typeName(t)}'`, m.pos);
    return undefined;
  }
  if (m.attrs.aligned !== undefined) {
    report(sema, `an alignment may not be specified for ${label}`, m.attrs.alignedPos ?? m.pos);
    return undefined;
  }
  const w = evalInteger(sema, widthExpr);
  if (!w) return undefined;
  const width = w.type.signed ? w.value : BigInt.asIntN(64, w.value);
  const typeAlign = sizeAlign(sema, t)?.align ?? base.align;
  if (width < 0n) report(sema, `negative width in ${label}`, widthExpr.pos);
  else if (width > base.size * 8n) report(sema, `width of ${label} (${width}) exceeds its type '${typeName(t)}' (${base.size * 8n} bits)`, widthExpr.pos);
  else if (width === 0n && m.name) report(sema, `zero width for ${label}`, widthExpr.pos);
  else return { size: base.size, typeAlign, bitWidth: width, named: m.name !== undefined, ...(m.attrs.packed ? { packed: true } : {}) };
  return undefined;
}

/** GCC rejects arrays whose element size is not a multiple of the element alignment. */
function checkArrayElements(sema: Sema, t: CType & { kind: 'array' }, pos: Pos): boolean {
  const e = sizeAlign(sema, t.elem);
  if (e?.size !== undefined && e.size % e.align !== 0n) {
    report(sema, `alignment of array elements (${e.align}) is greater than element size (${e.size})`, pos);
    return false;
  }
  return t.elem.kind === 'array' ? checkArrayElements(sema, t.elem, pos) : true;
}

/** Names a member brings into its record: its own, or an anonymous member's (recursively). */
function memberNames(sema: Sema, m: Member): string[] {
  if (m.name) return [m.name];
  if (m.type.kind === 'record-ref' && m.type.decl.members) return m.type.decl.members.flatMap((x) => memberNames(sema, x));
  return [];
}

export interface FoundMember {
  readonly offset: bigint;
  readonly type: CType;
  readonly member: Member;
}

/** Look a member up by name, also inside anonymous struct/union members. */
export function findMember(sema: Sema, decl: RecordDecl, name: string): FoundMember | undefined {
  const layout = recordLayout(sema, decl);
  if (!layout) return undefined;
  for (const f of layout.fields) {
    if (f.member.name === name) return { offset: f.offset, type: f.type, member: f.member };
    if (f.member.name === undefined && f.type.kind === 'record') {
      const inner = findMember(sema, f.type.decl, name);
      if (inner) return { ...inner, offset: f.offset + inner.offset };
    }
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Enums: values, and the underlying type GCC picks (unsigned int when no value is negative and
// all fit, int when some are negative, else the 64-bit types; `packed` picks the smallest).

export function enumInfo(sema: Sema, decl: EnumDecl): EnumInfo | undefined {
  const done = sema.enums.get(decl);
  if (done !== undefined) return done ?? undefined;
  if (!decl.enumerators) return undefined;
  if (sema.enumBusy.has(decl)) return undefined;
  sema.enumBusy.add(decl);
  const values = new Map<Enumerator, bigint>();
  let ok = true;
  let prev: bigint | undefined;
  for (const e of decl.enumerators) {
    let v: bigint | undefined;
    if (e.value) {
      const r = evalInteger(sema, e.value);
      v = r?.value;
    } else v = prev === undefined ? 0n : prev + 1n;
    if (v === undefined) {
      ok = false;
      break;
    }
    if (v < -(1n << 63n) || v >= 1n << 64n) {
      report(sema, `enumerator value for '${e.name}' is not an integer constant that fits 64 bits`, e.pos);
      ok = false;
      break;
    }
    values.set(e, v);
    prev = v;
  }
  sema.enumBusy.delete(decl);
  let info: EnumInfo | undefined;
  if (ok) {
    const vals = [...values.values()];
    const candidates: IntType[] = decl.attrs.packed
      ? [INT_TYPES.uchar, INT_TYPES.schar, INT_TYPES.ushort, INT_TYPES.short, INT_TYPES.uint, INT_TYPES.int, INT_TYPES.ulong, INT_TYPES.long]
      : [INT_TYPES.uint, INT_TYPES.int, INT_TYPES.ulong, INT_TYPES.long];
    const type = candidates.find((t) => vals.every((v) => fitsType(v, t)));
    if (!type) report(sema, `enumeration values of 'enum ${decl.name ?? '<anonymous>'}' exceed the range of the largest integer type`, decl.pos);
    else info = { type: { ...type, name: `enum ${decl.name ?? '<anonymous>'}` }, values };
    const a = decl.attrs.aligned !== undefined ? alignmentValue(sema, decl.attrs) : undefined;
    if (info && a !== undefined && a > info.type.align) info = { ...info, type: { ...info.type, align: a } };
  }
  sema.enums.set(decl, info ?? null);
  return info;
}

/** Value of an enumerator while its enum is being evaluated (earlier members), or after. */
export function enumeratorValue(sema: Sema, e: Enumerator, pos: Pos): bigint | undefined {
  if (sema.enumBusy.has(e.owner)) {
    // Inside the enum's own list: only earlier enumerators are visible, and C gives them type int.
    const list = e.owner.enumerators ?? [];
    let prev: bigint | undefined;
    for (const x of list.slice(0, e.index + 1)) {
      if (x.value) {
        const r = evalInteger(sema, x.value);
        if (!r) return undefined;
        prev = r.value;
      } else prev = prev === undefined ? 0n : prev + 1n;
    }
    return prev;
  }
  const info = enumInfo(sema, e.owner);
  if (!info) {
    if (!e.owner.enumerators) report(sema, `enumerator '${e.name}' has no value`, pos);
    return undefined;
  }
  return info.values.get(e);
}
