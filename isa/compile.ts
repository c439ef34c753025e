/**
 * The table compiler: turns the declarative rows of isa/instructions/*.ts into the
 * runtime form the engines use — field positions as (word, shift, width), operand ranges,
 * mask/match derived from fixed fields and operand fields, the mnemonic map, and the
 * aliases hung on their base rows in table order (so the printer prefers the first).
 *
 * It checks the table (unknown base rows, fixed values that do not fit, fixed fields
 * overlapping operands). Problems are table bugs, so it throws. Fields, operands, rows and
 * aliases are compiled (and checked) on first use: a program that only decodes base rows (the
 * simulator) never pays for the aliases, nor for the rows it never meets; the table tests use
 * every row.
 */
import { FIELDS, fieldWidth, type FieldKey } from './fields.js';
import { OPERANDS, type OperandKey, type OperandSpec } from './operands.js';
import { intersect, type CpuLevel, type CpuReq } from './cpu.js';
import type { AliasSpec, BranchKind, PinMap, RowCheck, RowSpec, TableEntry } from './spec.js';
import type { InsnVariant, OperandInfo } from './types.js';

export interface Part {
  readonly word: number; // 0 = first (prefix) word, 1 = second
  readonly shift: number; // LSB0 position of the part's low bit within its word
  readonly width: number;
  readonly vshift: number; // position of the part's low bit within the field value
}

export interface CompiledField {
  readonly key: FieldKey;
  readonly name: string;
  readonly parts: readonly Part[];
  readonly width: number;
}

export interface CompiledOperand extends OperandInfo {
  readonly key: OperandKey;
  readonly field: CompiledField | undefined;
  readonly signed: boolean;
  /** log2 of the scale: the field holds value >> shift. */
  readonly shift: number;
  readonly shiftBig: bigint;
  readonly dflt: bigint | undefined;
  readonly target: 'rel' | 'abs' | undefined;
  readonly hex: boolean;
  readonly invalid: OperandSpec['invalid'];
  readonly zeroIs: bigint | undefined;
  readonly pcrelNote: boolean;
  readonly bias: bigint;
}

export interface Row extends InsnVariant {
  readonly ops: readonly CompiledOperand[];
  /** The row this one encodes through: itself for base rows. */
  readonly base: Row;
  readonly form: string;
  readonly size: 4 | 8;
  readonly mask: readonly number[];
  readonly match: readonly number[];
  /** Ignored bits that must be clear for an alias to apply (rows with strictAliases). */
  readonly ignored: readonly number[];
  readonly cpu: CpuReq;
  readonly print: boolean;
  /** false for spellings only the disassembler prints (lookup() does not return them). */
  readonly asm: boolean;
  /** Alias printed with -M raw too. */
  readonly rawPrint: boolean;
  readonly rawSuffix: string;
  readonly toBase: AliasSpec['toBase'] | undefined;
  readonly fromBase: AliasSpec['fromBase'] | undefined;
  /** Aliases written with pin(): toBase as a map (see PinMap); undefined otherwise. */
  readonly pinMap: PinMap | undefined;
  /** Base rows: the fields reported in DecodedInsn.fields. */
  readonly fields: readonly CompiledField[];
  readonly branch: BranchKind | undefined;
  readonly check: readonly RowCheck[];
  /** Index of the BO operand for branch rows. */
  readonly boIndex: number;
  readonly promote: { readonly row: Row; readonly since: CpuLevel; readonly when: (v: readonly bigint[]) => boolean } | undefined;
  /** encode.ts's number-path plan for the row, made on its first use there (undefined until then). */
  numberPlan: object | null | undefined;
}

/**
 * A base row before it is compiled: enough for the decoder to pick candidates for a word (the
 * fixed fields of the first word: primary and extended opcodes, Rc, OE), and the row on demand.
 */
export interface LazyRow {
  readonly cpu: CpuReq;
  readonly size: 4 | 8;
  /** Bits of the first word set by the row's fixed fields, and their values there. */
  readonly fixedMask: number;
  readonly fixedMatch: number;
  /**
   * The row's place in the table, for CompiledTable.baseRowAt: the index of its entry among the
   * table's row entries (type 'row', table order), and its form there (0 plain, then '.', 'o',
   * 'o.' as far as the entry has them).
   */
  readonly entry: number;
  readonly form: number;
  /** The compiled row (compiled on first use). */
  row(): Row;
}

/**
 * The compiled table, compiled as far as it is used: a table entry's rows when the decoder
 * first needs one of them (lazyBaseRows) or when a caller wants them all (baseRows, rows,
 * byMnemonic); the aliases when first needed (rows, byMnemonic, aliasesOf). The simulator
 * decodes a few hundred kinds of instruction with -M raw and compiles only those rows.
 */
export interface CompiledTable {
  /** Every variant, table order (compiles everything). */
  readonly rows: readonly Row[];
  /** Every base row, table order (compiles every base row). */
  readonly baseRows: readonly Row[];
  /** The base rows in table order, each compiled on first use. */
  readonly lazyBaseRows: readonly LazyRow[];
  /**
   * The base rows whose first word has primary opcode `po` (prefixed rows: 1), table order: the
   * same rows as lazyBaseRows has for that opcode, computed for that opcode alone on first use.
   */
  lazyBaseRowsOf(po: number): readonly LazyRow[];
  /**
   * The base row at a LazyRow's `entry` and `form`, compiling that row alone (undefined when the
   * table has no such row): a decode plan (isa/raw-plan.ts) finds a row this way without
   * computing every row of its opcode.
   */
  baseRowAt(entry: number, form: number): Row | undefined;
  /** Assembler spellings (compiles the aliases). */
  readonly byMnemonic: ReadonlyMap<string, readonly Row[]>;
  /** The aliases over a base row, in table (= print preference) order (compiles the aliases). */
  aliasesOf(row: Row): readonly Row[];
  /** Mnemonics of the base rows that have an alias objdump -M raw prints (no alias compiled). */
  readonly rawAliasBases: ReadonlySet<string>;
}

const DEFAULT_CPU: CpuReq = { since: 'ppc64' };

function compileField(key: FieldKey): CompiledField {
  const def = FIELDS[key];
  const width = fieldWidth(def);
  let vshift = width;
  const parts: Part[] = def.parts.map(([from, to]) => {
    const w = to - from + 1;
    vshift -= w;
    return { word: from >> 5, shift: 31 - (to & 31), width: w, vshift };
  });
  return { key, name: def.name, parts, width };
}

function compileOperand(key: OperandKey, fields: Lookup<FieldKey, CompiledField>): CompiledOperand {
  const s: OperandSpec = OPERANDS[key];
  const field = s.field === undefined ? undefined : fields.get(s.field)!;
  const shift = s.scale === undefined ? 0 : Math.log2(s.scale);
  let min = s.min;
  let max = s.max;
  if (field && (min === undefined || max === undefined)) {
    const w = BigInt(field.width);
    const lo = s.signed ? -(1n << (w - 1n)) : 0n;
    const hi = s.signed ? (1n << (w - 1n)) - 1n : (1n << w) - 1n;
    min ??= lo << BigInt(shift);
    max ??= hi << BigInt(shift);
  }
  if (min === undefined || max === undefined) throw new Error(`isa table: operand ${key} has no range`);
  const info: CompiledOperand = {
    key,
    name: s.name,
    kind: s.kind,
    parens: s.parens ?? false,
    optional: s.optional !== undefined,
    min,
    max,
    align: s.scale ?? 1,
    ...(s.fixup ? { fixup: s.fixup } : {}),
    field,
    signed: s.signed ?? false,
    shift,
    shiftBig: BigInt(shift),
    dflt: s.optional,
    target: s.target,
    hex: s.hex ?? false,
    invalid: s.invalid,
    zeroIs: s.zeroIs,
    pcrelNote: s.pcrelNote ?? false,
    bias: s.bias ?? 0n,
  };
  return Object.freeze(info);
}

/** A memo of compiled fields or operands by key, each compiled on first use. */
interface Lookup<K, V> {
  get(key: K): V;
}

function lazily<K, V>(compile: (key: K) => V): Lookup<K, V> {
  const memo = new Map<K, V>();
  return {
    get(key) {
      let v = memo.get(key);
      if (v === undefined) memo.set(key, (v = compile(key)));
      return v;
    },
  };
}

/** Set `value` into `field` of `words` (no range check: callers check). */
export function insertField(words: number[], field: CompiledField, value: number): void {
  if (field.parts.length === 1 && field.width < 32) {
    // the common case: one part, a 31-bit-safe value
    const p = field.parts[0]!;
    words[p.word] = (words[p.word]! | (value << p.shift)) >>> 0;
    return;
  }
  for (const p of field.parts) {
    const v = p.vshift === 0 ? value % 2 ** p.width : Math.floor(value / 2 ** p.vshift) % 2 ** p.width;
    words[p.word] = (words[p.word]! | (v << p.shift)) >>> 0;
  }
}

export function extractField(words: readonly number[], field: CompiledField): number {
  if (field.parts.length === 1 && field.width < 32) {
    const p = field.parts[0]!;
    return (words[p.word]! >>> p.shift) & ((1 << p.width) - 1);
  }
  let v = 0;
  for (const p of field.parts) {
    const bits = p.width === 32 ? words[p.word]! >>> 0 : (words[p.word]! >>> p.shift) & ((1 << p.width) - 1);
    v = v * 2 ** p.width + (bits >>> 0);
  }
  return v;
}

function fieldMask(field: CompiledField, size: number): number[] {
  const m = new Array<number>(size / 4).fill(0);
  insertField(m, field, 2 ** field.width - 1);
  return m;
}

interface Variant {
  readonly suffix: string;
  readonly rc: boolean;
  readonly oe: boolean;
}

const PLAIN: Variant = Object.freeze({ suffix: '', rc: false, oe: false });
const RC: Variant = Object.freeze({ suffix: '.', rc: true, oe: false });
const OE: Variant = Object.freeze({ suffix: 'o', rc: false, oe: true });
const OE_RC: Variant = Object.freeze({ suffix: 'o.', rc: true, oe: true });
/** The forms a row or alias spells, in table order (shared constant lists: nothing is allocated). */
const VARIANTS: readonly (readonly Variant[])[] = [[PLAIN], [PLAIN, RC], [PLAIN, OE], [PLAIN, RC, OE, OE_RC]].map((l) => Object.freeze(l));

function variantsOf(rc: boolean, oe: boolean): readonly Variant[] {
  return VARIANTS[(rc ? 1 : 0) + (oe ? 2 : 0)]!;
}

function compileRow(spec: RowSpec, v: Variant, fields: Lookup<FieldKey, CompiledField>, ops: Lookup<OperandKey, CompiledOperand>): Row {
  const mnemonic = spec.mnemonic + v.suffix;
  const fixed: Partial<Record<FieldKey, number>> = { ...spec.fixed };
  if (v.rc) fixed[spec.rc!] = 1;
  if (v.oe) fixed.OE = 1;
  // Prefixed instructions (ISA 3.1) are the ones with primary opcode 1.
  const size: 4 | 8 = fixed.PO === 1 ? 8 : 4;
  const defaults = typeof spec.optional === 'number' ? new Array<bigint>(spec.optional).fill(0n) : (spec.optional ?? []);
  const firstOpt = spec.operands.length - defaults.length;
  const rowOps = spec.operands.map((k, i) => {
    const op = ops.get(k)!;
    // Trailing operands this row makes optional.
    return i >= firstOpt ? Object.freeze({ ...op, optional: true, dflt: defaults[i - firstOpt]! }) : op;
  });
  const mask = new Array<number>(size / 4).fill(0xffffffff);
  const match = new Array<number>(size / 4).fill(0);
  for (const op of rowOps) {
    if (!op.field) throw new Error(`isa table: ${mnemonic}: virtual operand ${op.key} in a base row`);
    const fm = fieldMask(op.field, size);
    for (let i = 0; i < mask.length; i++) {
      if ((mask[i]! & fm[i]!) >>> 0 !== fm[i]!) throw new Error(`isa table: ${mnemonic}: operand ${op.key} overlaps another operand`);
      mask[i] = (mask[i]! & ~fm[i]!) >>> 0;
    }
  }
  for (const [k, val] of Object.entries(fixed) as [FieldKey, number][]) {
    const f = fields.get(k)!;
    if (val < 0 || val >= 2 ** f.width) throw new Error(`isa table: ${mnemonic}: ${k}=${val} does not fit`);
    const fm = fieldMask(f, size);
    for (let i = 0; i < mask.length; i++) {
      if ((mask[i]! & fm[i]!) >>> 0 !== fm[i]!) throw new Error(`isa table: ${mnemonic}: fixed ${k} overlaps an operand`);
    }
    insertField(match, f, val);
  }
  const ignored = new Array<number>(size / 4).fill(0);
  for (const [from, to] of spec.ignore ?? []) {
    for (let b = from; b <= to; b++) {
      mask[b >> 5] = (mask[b >> 5]! & ~(1 << (31 - (b & 31)))) >>> 0;
      ignored[b >> 5] = (ignored[b >> 5]! | (1 << (31 - (b & 31)))) >>> 0;
    }
  }
  const reported = new Map<FieldKey, CompiledField>();
  for (const k of Object.keys(fixed) as FieldKey[]) if (FIELDS[k].name !== '?') reported.set(k, fields.get(k)!);
  for (const op of rowOps) reported.set(op.field!.key, op.field!);
  if (spec.rc) reported.set(spec.rc, fields.get(spec.rc)!);
  if (spec.oe) reported.set('OE', fields.get('OE')!);
  const row: Row = {
    id: spec.id ?? spec.mnemonic,
    mnemonic,
    operands: rowOps,
    alias: false,
    prefixed: size === 8,
    // Record forms written with a '.' in their base spelling (andi., stwcx.) set CR0 too.
    rc: v.rc || spec.mnemonic.endsWith('.'),
    oe: v.oe,
    // Base conditional branches take "+"/"-" too (bc+ 12,...).
    hintable: spec.branch !== undefined,
    ops: rowOps,
    base: undefined as unknown as Row,
    form: spec.form,
    size,
    mask,
    match,
    ignored: spec.strictAliases ? ignored : ignored.map(() => 0),
    cpu: spec.cpu ?? DEFAULT_CPU,
    print: true,
    asm: true,
    rawPrint: false,
    rawSuffix: spec.rawSuffix ?? '',
    toBase: undefined,
    fromBase: undefined,
    pinMap: undefined,
    fields: [...reported.values()],
    branch: spec.branch,
    check: spec.check === undefined ? [] : typeof spec.check === 'string' ? [spec.check] : spec.check,
    boIndex: spec.branch ? spec.operands.indexOf('BO') : -1,
    promote: undefined,
    numberPlan: undefined,
  };
  (row as { base: Row }).base = row;
  return row;
}

/**
 * An alias written for a base row with fewer operands applies to a later form of that row
 * with extra optional operands (sync → sync L,SC) by giving those their defaults.
 */
function padded(spec: AliasSpec, base: Row): AliasSpec['toBase'] {
  return (v) => {
    const b = spec.toBase(v);
    if (b.length >= base.ops.length) return b;
    const extra = base.ops.slice(b.length).map((o) => {
      if (o.dflt === undefined) throw new Error(`isa table: alias ${spec.mnemonic} leaves ${base.mnemonic} ${o.name} unset`);
      return o.dflt;
    });
    return [...b, ...extra];
  };
}

function compileAlias(spec: AliasSpec, v: Variant, base: Row, ops: Lookup<OperandKey, CompiledOperand>): Row {
  const aliasOps = spec.operands.map((k) => ops.get(k)!);
  return {
    id: base.id,
    mnemonic: spec.mnemonic + v.suffix,
    operands: aliasOps,
    alias: true,
    prefixed: base.prefixed,
    rc: v.rc,
    oe: v.oe,
    hintable: spec.hintable ?? false,
    ops: aliasOps,
    base,
    form: base.form,
    size: base.size,
    mask: base.mask,
    match: base.match,
    ignored: base.ignored,
    cpu: spec.cpu ?? base.cpu,
    print: spec.print,
    asm: spec.asm ?? true,
    rawPrint: spec.raw ?? false,
    rawSuffix: '',
    toBase: padded(spec, base),
    fromBase: spec.fromBase,
    pinMap: spec.pinMap,
    fields: base.fields,
    branch: base.branch,
    check: base.check,
    boIndex: -1,
    promote: undefined,
    numberPlan: undefined,
  };
}

export function compileTable(entries: readonly TableEntry[]): CompiledTable {
  // Fields and operands are compiled when a row first uses them.
  const fields = lazily((k: FieldKey) => compileField(k));
  const ops = lazily((k: OperandKey) => compileOperand(k, fields));

  const rowEntries = entries.filter((e): e is RowSpec => e.type === 'row');
  const rawAliasBases = new Set<string>();
  for (const e of entries) if (e.type === 'alias' && e.raw) for (const v of variantsOf(e.rc ?? false, e.oe ?? false)) rawAliasBases.add(e.base + v.suffix);

  // Base rows, compiled one form (plain, '.', 'o', 'o.') at a time on first use. Promotions name
  // another base row (the first of that spelling) with the same operands.
  const compiled = new Map<TableEntry, Row[]>();
  const forms = new Map<RowSpec, Row[]>();
  const promotions = new Map<RowSpec, NonNullable<Row['promote']>>();
  const promotionOf = (e: RowSpec & { promote: NonNullable<RowSpec['promote']> }): NonNullable<Row['promote']> => {
    let p = promotions.get(e);
    if (p) return p;
    // The first row of the table with that spelling: a scan (a few rows promote, and a map of
    // every spelling would cost more than the scans of a run).
    const name = e.promote.to;
    let to: { spec: RowSpec; form: number } | undefined;
    for (const spec of rowEntries) {
      if (!name.startsWith(spec.mnemonic)) continue;
      const form = variantsOf(spec.rc !== undefined, spec.oe ?? false).findIndex((v) => spec.mnemonic + v.suffix === name);
      if (form >= 0) {
        to = { spec, form };
        break;
      }
    }
    if (!to) throw new Error(`isa table: ${e.mnemonic}: promote to unknown row ${e.promote.to}`);
    p = { row: rowOf(to.spec, to.form), since: e.promote.since, when: e.promote.when };
    promotions.set(e, p);
    return p;
  };
  function rowOf(e: RowSpec, form: number): Row {
    let done = forms.get(e);
    if (!done) forms.set(e, (done = []));
    let r = done[form];
    if (!r) {
      done[form] = r = compileRow(e, variantsOf(e.rc !== undefined, e.oe ?? false)[form]!, fields, ops);
      if (e.promote) (r as { promote: Row['promote'] }).promote = promotionOf(e as RowSpec & { promote: NonNullable<RowSpec['promote']> });
    }
    return r;
  }
  const rowsOf = (e: RowSpec): Row[] => {
    let rows = compiled.get(e);
    if (rows) return rows;
    rows = variantsOf(e.rc !== undefined, e.oe ?? false).map((_, form) => rowOf(e, form));
    compiled.set(e, rows);
    return rows;
  };
  let baseRows: Row[] | undefined;
  const allBaseRows = (): Row[] => (baseRows ??= rowEntries.flatMap(rowsOf));

  // The decoder's view (on first use): every base row's fixed bits in its first word.
  interface Pending extends LazyRow {
    readonly spec: RowSpec;
  }
  function row(this: Pending): Row {
    return rowOf(this.spec, this.form);
  }
  let lazyBaseRows: Pending[] | undefined;
  // Word-0 bits of a fixed field: (value << shift) for the one-part fields every opcode field is,
  // insertField for any other. Per field, memoised: [shift or -1, its width's value mask, word-0 mask].
  const word0Of = new Map<FieldKey, readonly [number, number, number]>();
  const scratch = [0, 0];
  const word0Slow = (f: CompiledField, v: number): number => {
    scratch[0] = scratch[1] = 0;
    insertField(scratch, f, v);
    return scratch[0]!;
  };
  const fieldWord0 = (k: FieldKey): readonly [number, number, number] => {
    let d = word0Of.get(k);
    if (d === undefined) {
      const f = fields.get(k);
      const p = f.parts[0]!;
      const sh = f.parts.length === 1 && p.word === 0 && f.width < 32 ? p.shift : -1;
      const all = 2 ** f.width - 1;
      word0Of.set(k, (d = [sh, all, sh >= 0 ? (all << sh) >>> 0 : word0Slow(f, all)]));
    }
    return d;
  };
  const word0 = (k: FieldKey, value: number): number => {
    const d = fieldWord0(k);
    const v = value % (d[1] + 1);
    return d[0] >= 0 ? (v << d[0]) >>> 0 : word0Slow(fields.get(k), v);
  };
  const maskOf = (k: FieldKey): number => fieldWord0(k)[2];
  const pendingOf = (entry: number, out: Pending[]): void => {
    const e = rowEntries[entry]!;
    let mask = 0;
    let match = 0;
    for (const k in e.fixed) {
      const key = k as FieldKey;
      mask |= maskOf(key);
      match |= word0(key, e.fixed[key]!);
    }
    const forms = variantsOf(e.rc !== undefined, e.oe ?? false);
    const cpu = e.cpu ?? DEFAULT_CPU;
    const size = e.fixed.PO === 1 ? 8 : 4;
    for (let form = 0; form < forms.length; form++) {
      const v = forms[form]!;
      let m = mask;
      let x = match;
      if (v.rc) {
        m |= maskOf(e.rc!);
        x |= word0(e.rc!, 1);
      }
      if (v.oe) {
        m |= maskOf('OE');
        x |= word0('OE', 1);
      }
      out.push({ cpu, size, fixedMask: m >>> 0, fixedMatch: x >>> 0, entry, form, row, spec: e });
    }
  };
  const pendingRows = (): Pending[] => {
    const out: Pending[] = [];
    for (let i = 0; i < rowEntries.length; i++) pendingOf(i, out);
    return out;
  };
  // Per primary opcode: the row entries' indices (every row fixes PO), then their pending rows.
  let entriesByPo: number[][] | undefined;
  const lazyByPo: (Pending[] | undefined)[] = new Array(64);
  const lazyBaseRowsOf = (po: number): Pending[] => {
    let list = lazyByPo[po];
    if (list !== undefined) return list;
    if (lazyBaseRows !== undefined) {
      list = lazyBaseRows.filter((r) => r.fixedMatch >>> 26 === po);
    } else {
      if (entriesByPo === undefined) {
        entriesByPo = Array.from({ length: 64 }, () => []);
        for (let i = 0; i < rowEntries.length; i++) {
          const e = rowEntries[i]!;
          const p = e.fixed.PO;
          if (p === undefined || p < 0 || p > 63) throw new Error(`isa table: ${e.mnemonic}: no primary opcode`);
          entriesByPo[p]!.push(i);
        }
      }
      list = [];
      for (const i of entriesByPo[po]!) pendingOf(i, list);
      for (const r of list) if (r.fixedMatch >>> 26 !== po) throw new Error(`isa table: ${r.spec.mnemonic}: a fixed field overlaps the primary opcode`);
    }
    lazyByPo[po] = list;
    return list;
  };

  // Pass 2 (on first use): aliases, in table order.
  let aliases: { rows: Row[]; byMnemonic: Map<string, Row[]>; over: Map<Row, Row[]> } | undefined;
  const compileAliases = (): NonNullable<typeof aliases> => {
    const baseByName = new Map<string, Row[]>();
    for (const r of allBaseRows()) {
      const list = baseByName.get(r.mnemonic);
      if (list) list.push(r);
      else baseByName.set(r.mnemonic, [r]);
    }
    const over = new Map<Row, Row[]>();
    for (const e of entries) {
      if (e.type !== 'alias') continue;
      const rows: Row[] = [];
      for (const v of variantsOf(e.rc ?? false, e.oe ?? false)) {
        const bases = baseByName.get(e.base + v.suffix);
        if (!bases) throw new Error(`isa table: alias ${e.mnemonic}${v.suffix}: no base row ${e.base}${v.suffix}`);
        for (const base of bases) {
          // An alias applies to the forms of its base row that exist on its CPUs.
          const cpu = e.cpu ? intersect(e.cpu, base.cpu) : base.cpu;
          if (!cpu) continue;
          const a = compileAlias({ ...e, cpu }, v, base, ops);
          const list = over.get(base);
          if (list) list.push(a);
          else over.set(base, [a]);
          rows.push(a);
        }
      }
      if (rows.length === 0) throw new Error(`isa table: alias ${e.mnemonic} matches no form of ${e.base}`);
      compiled.set(e, rows);
    }
    const rows: Row[] = [];
    const byMnemonic = new Map<string, Row[]>();
    for (const e of entries) {
      for (const r of compiled.get(e)!) {
        rows.push(r);
        if (!r.asm) continue;
        const list = byMnemonic.get(r.mnemonic);
        if (list) list.push(r);
        else byMnemonic.set(r.mnemonic, [r]);
      }
    }
    for (const list of over.values()) Object.freeze(list);
    return { rows, byMnemonic, over };
  };
  const withAliases = (): NonNullable<typeof aliases> => (aliases ??= compileAliases());
  const none: readonly Row[] = Object.freeze([]);
  return {
    get rows() {
      return withAliases().rows;
    },
    get baseRows() {
      return allBaseRows();
    },
    get lazyBaseRows() {
      return (lazyBaseRows ??= pendingRows());
    },
    lazyBaseRowsOf,
    baseRowAt(entry, form) {
      const e = rowEntries[entry];
      return e !== undefined && form >= 0 && form < variantsOf(e.rc !== undefined, e.oe ?? false).length ? rowOf(e, form) : undefined;
    },
    get byMnemonic() {
      return withAliases().byMnemonic;
    },
    aliasesOf: (r) => withAliases().over.get(r) ?? none,
    rawAliasBases,
  };
}
