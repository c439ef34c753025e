/**
 * The simulator's decoder: for a 4-byte word, exactly what decode(word, undefined, { cpu, raw:
 * true }) decides (accepted or not, the base row's id, its raw fields, rc, oe), without what only
 * the disassembler needs (BigInt operand values, the alias search, a DecodedInsn).
 *
 * Each candidate row the generic decoder would try (same index, same order) is a RawRow: its
 * mask/match, where its fields sit in the word, and its accept/reject rules as plain number
 * tests. An operand with values the ISA calls invalid (sync's L=3, mtocrf's FXM with several
 * bits) carries them as a table of its field's values, computed once from the operand's own rule.
 * The few rows whose rules need more (lq's register pair, a wide or split field with invalid
 * values) or that have an alias -M raw prints take the generic resolve() for that row, so the
 * verdict is the generic decoder's by construction there.
 *
 * Where the candidates and RawRows come from:
 *  - power9 (the simulator's CPU): a decode plan checked in as isa/generated/raw-plan-power9.ts,
 *    made from the table by isa/raw-plan.ts (`make isa-plan`). A cold simulator run would
 *    otherwise spend most of its decoding time building the generic index and compiling table
 *    rows (some 12-16 ms for the trampoline image); the plan is a few strings parsed a line at a
 *    time as words need them.
 *  - other CPUs: built from the table on first use of each candidate list (RawIndex).
 * test/isa/decode-raw.test.ts compares both decoders with the generic one over random words and
 * real code; test/isa/raw-plan.test.ts fails when the checked-in plan is stale.
 */
import { baseBOValid, yHintInvalid } from './branch-hints.js';
import { usesAtHints, type Cpu } from './cpu.js';
import { extractField, type CompiledField, type Row } from './compile.js';
import { indexFor, operandValue, resolve, type DecodeIndex } from './decode.js';
import type { FieldKey } from './fields.js';
import { RAW_PLAN_POWER9 } from './generated/raw-plan-power9.js';
import { TABLE } from './table.js';
import type { BranchKind } from './spec.js';

/** What a simulator needs of a decoded word. */
export interface RawInsn {
  /** The base row's id (ISA book base mnemonic). */
  readonly id: string;
  /** Raw field values of the base row, by ISA field name (DecodedInsn.fields). */
  readonly fields: Readonly<Record<string, number>>;
  readonly rc: boolean;
  readonly oe: boolean;
}

/**
 * Values of a one-part field that its operand's rule refuses (CompiledOperand.invalid), as a
 * table of the field's values: bad[(w >>> shift) & mask] === 1 refuses the word.
 */
export interface InvalidField {
  readonly shift: number;
  readonly mask: number;
  readonly bad: Uint8Array;
}

/** The widest field whose invalid values are tabulated (TBR: 10 bits); wider ones go to resolve(). */
const MAX_INVALID_WIDTH = 10;

/** Register-number checks done here (the other decode-time checks go through resolve()). */
const UPD_LOAD = 1; // load-update: RA = 0 or RA = RT is invalid
const UPD_STORE = 2; // store-update: RA = 0
const UPD_LMW = 3; // lmw: RA >= RT
const UPD_LSWX = 4; // lswx: RT = RA or RT = RB

/**
 * One candidate row as the raw decoder tries it. Built from the compiled Row (rawRow(), the lazy
 * path) or parsed from a decode plan (isa/raw-plan.ts describes the text; PlanDecoder parses it):
 * both give the same values, which is what test/isa/raw-plan.test.ts checks.
 */
export interface RawRow {
  readonly mask: number;
  readonly match: number;
  /** The row's id, rc and oe (what resolve() reports as variant.id/rc/oe for a base row). */
  readonly id: string;
  readonly rc: boolean;
  readonly oe: boolean;
  /** Take the generic resolve() for this row. */
  readonly generic: boolean;
  readonly names: readonly string[];
  /** Per field: LSB0 shift and value mask of a one-part field, or -1 (multi-part: extractField). */
  readonly shifts: readonly number[];
  readonly masks: readonly number[];
  readonly multi: readonly (CompiledField | undefined)[];
  readonly branch: BranchKind | undefined;
  /** Shift of the BO operand's field (branch rows). */
  readonly boShift: number;
  readonly checks: readonly number[];
  /** Shifts of the RA, RT-or-RS and RB registers the checks read (-1: the row has no such operand). */
  readonly ra: number;
  readonly rt: number;
  readonly rb: number;
  readonly lswi: boolean;
  /** Operands with invalid values, checked before the register rules (as resolve() does). */
  readonly invalid: readonly InvalidField[];
  /**
   * Where the table row is, for TABLE.baseRowAt (LazyRow's entry and form; -1 when `row` is set
   * from the start): a plan row finds its Row only when resolve() needs it.
   */
  readonly entry: number;
  readonly form: number;
  /** The compiled Row: set by rawRow(), found through entry/form on first need for a plan row. */
  row: Row | undefined;
}

/** The one-part shift of `f` within the first word, or -1. */
const oneWordShift = (f: CompiledField | undefined): number => (f !== undefined && f.parts.length === 1 && f.width < 32 && f.parts[0]!.word === 0 ? f.parts[0]!.shift : -1);

/** The RawRow of a compiled base row (`place`: its LazyRow's entry and form, when known). */
export function rawRow(idx: DecodeIndex, row: Row, place?: { readonly entry: number; readonly form: number }): RawRow {
  const names: string[] = [];
  const shifts: number[] = [];
  const masks: number[] = [];
  const multi: (CompiledField | undefined)[] = [];
  for (const f of row.fields) {
    names.push(f.name);
    const sh = oneWordShift(f);
    shifts.push(sh);
    masks.push(sh < 0 ? 0 : (1 << f.width) - 1);
    multi.push(sh < 0 ? f : undefined);
  }
  let generic = TABLE.rawAliasBases.has(row.mnemonic) || row.size !== 4;
  const invalid: InvalidField[] = [];
  for (const op of row.ops) {
    if (!op.invalid || op.invalid.encodeOnly) continue;
    // Tabulate the rule over every value of a narrow one-part field; anything else: resolve().
    const sh = oneWordShift(op.field);
    if (sh < 0 || op.field!.width > MAX_INVALID_WIDTH) {
      generic = true;
      continue;
    }
    const bad = new Uint8Array(1 << op.field!.width);
    for (let v = 0; v < bad.length; v++) bad[v] = op.invalid.test(operandValue(op, [v << sh])) ? 1 : 0;
    invalid.push({ shift: sh, mask: bad.length - 1, bad });
  }
  // A register operand whose value is its field: the checks below read it from the word.
  const regShift = (key: string): number | undefined => {
    const op = row.ops.find((o) => o.field?.key === key);
    if (op === undefined) return -1;
    const plain = !op.signed && op.shift === 0 && op.bias === 0n && op.zeroIs === undefined;
    const sh = oneWordShift(op.field);
    return plain && sh >= 0 ? sh : undefined;
  };
  const checks: number[] = [];
  const view = idx.decodeChecks(row);
  for (const c of view?.check ?? []) {
    if (c === 'load-update') checks.push(UPD_LOAD);
    else if (c === 'store-update') checks.push(UPD_STORE);
    else if (c === 'lmw') checks.push(UPD_LMW);
    else if (c === 'lswx') checks.push(UPD_LSWX);
    else generic = true;
  }
  const ra = regShift('RA');
  let rt = regShift('RT');
  if (rt === -1) rt = regShift('RS');
  const rb = regShift('RB');
  if (checks.length > 0 && (ra === undefined || rt === undefined || rb === undefined)) generic = true;
  let boShift = -1;
  if (row.branch !== undefined) {
    boShift = oneWordShift(row.ops[row.boIndex]!.field);
    if (boShift < 0) generic = true;
  }
  return {
    mask: row.mask[0]!,
    match: row.match[0]!,
    id: row.id,
    rc: row.rc,
    oe: row.oe,
    generic,
    names,
    shifts,
    masks,
    multi,
    branch: row.branch,
    boShift,
    checks,
    ra: ra ?? -1,
    rt: rt ?? -1,
    rb: rb ?? -1,
    lswi: row.check.includes('lswi'),
    invalid,
    entry: place?.entry ?? -1,
    form: place?.form ?? -1,
    row,
  };
}

/** A register check's operand: its number, or 0 when the row has none (the generic `?? 0n`). */
const reg = (w: number, shift: number): number => (shift < 0 ? 0 : (w >>> shift) & 31);

/** Whether the register checks refuse the word (checkRegisters' verdict, as numbers). */
function checksFail(r: RawRow, w: number): boolean {
  const ra = reg(w, r.ra);
  const rt = reg(w, r.rt);
  for (const c of r.checks) {
    if (c === UPD_LOAD ? ra === 0 || ra === rt : c === UPD_STORE ? ra === 0 : c === UPD_LMW ? ra >= rt : rt === ra || (r.rb >= 0 && rt === reg(w, r.rb))) return true;
  }
  return false;
}

/**
 * The decoding loop over a word's candidate rows (the generic decoder's list for the word, same
 * order), shared by the lazy index (RawIndex) and the precomputed plan (PlanDecoder): they differ
 * only in where the candidates and the RawRows come from.
 */
export abstract class RawDecoder {
  /** 'plan': candidates and rows from a checked-in decode plan; 'lazy': built from the table on first use. */
  abstract readonly kind: 'plan' | 'lazy';
  protected readonly idx: DecodeIndex;
  private readonly atHints: boolean;
  private readonly opts: { readonly cpu: Cpu; readonly raw: true };
  private readonly one = [0];

  constructor(cpu: Cpu) {
    // indexFor() only allocates: the generic index compiles nothing until asked.
    this.idx = indexFor(cpu);
    this.atHints = usesAtHints(cpu);
    this.opts = { cpu, raw: true };
  }

  /** The candidate rows for `w` (not a prefix word), in the generic index's order (public for the tests). */
  abstract candidates(w: number): readonly RawRow[];

  /** `r`'s compiled Row (for the generic resolve()). */
  protected abstract rowOf(r: RawRow): Row;

  decode(word: number): RawInsn | undefined {
    const w = word >>> 0;
    if (w >>> 26 === 1) return undefined; // a prefix: needs the next word, which this decoder never has
    const list = this.candidates(w);
    for (let i = 0; i < list.length; i++) {
      const r = list[i]!;
      if ((w & r.mask) >>> 0 !== r.match) continue;
      const d = r.generic ? this.generic(r, w) : this.resolve(r, w);
      if (d !== undefined) return d;
    }
    return undefined;
  }

  private generic(r: RawRow, w: number): RawInsn | undefined {
    this.one[0] = w;
    const d = resolve(this.idx, this.rowOf(r), this.one, this.opts);
    return d === undefined ? undefined : { id: d.variant.id, fields: d.fields, rc: d.variant.rc, oe: d.variant.oe };
  }

  /** resolve() for a row without aliases, operand rules beyond `invalid`, or prefix. */
  private resolve(r: RawRow, w: number): RawInsn | undefined {
    const branch = r.branch;
    if (branch !== undefined && this.atHints && yHintInvalid((w >>> r.boShift) & 31, branch)) return undefined;
    for (const x of r.invalid) if (x.bad[(w >>> x.shift) & x.mask] === 1) return undefined;
    if (r.checks.length > 0 && checksFail(r, w)) return undefined;
    const fields: Record<string, number> = {};
    const { names, shifts, masks } = r;
    for (let i = 0; i < names.length; i++) {
      const sh = shifts[i]!;
      if (sh >= 0) fields[names[i]!] = (w >>> sh) & masks[i]!;
      else {
        this.one[0] = w;
        fields[names[i]!] = extractField(this.one, r.multi[i]!);
      }
    }
    if (r.lswi && fields.RA === fields.RT) return undefined;
    if (branch !== undefined) {
      if (!baseBOValid(fields.BO!, branch)) return undefined;
      if (this.atHints && yHintInvalid(fields.BO!, 'any')) return undefined;
    }
    return { id: r.id, fields, rc: r.rc, oe: r.oe };
  }
}

/** The candidate lists and RawRows built from the table on first use (CPUs without a plan). */
class RawIndex extends RawDecoder {
  readonly kind = 'lazy';
  /** [po << 11 | bits 21..31] → the candidate rows (the generic index's list, as RawRows). */
  private readonly lists: (readonly RawRow[] | undefined)[] = [];
  /** The same, by the generic index's list (one list serves every word of a D-form opcode). */
  private readonly byList = new Map<readonly Row[], readonly RawRow[]>();
  private readonly byRow = new Map<Row, RawRow>();

  candidates(w: number): readonly RawRow[] {
    const key = ((w >>> 26) << 11) | (w & 0x7ff);
    let list = this.lists[key];
    if (list === undefined) this.lists[key] = list = this.list(w);
    return list;
  }

  protected rowOf(r: RawRow): Row {
    return r.row!;
  }

  private list(w: number): readonly RawRow[] {
    const rows = this.idx.candidates(w);
    const known = this.byList.get(rows);
    if (known !== undefined) return known;
    const out: RawRow[] = [];
    for (const row of rows) {
      let r = this.byRow.get(row);
      if (r === undefined) this.byRow.set(row, (r = rawRow(this.idx, row)));
      out.push(r);
    }
    this.byList.set(rows, out);
    return out;
  }
}

/**
 * A decode plan as checked in (isa/generated/raw-plan-*.ts, written by `make isa-plan`): three
 * texts, one record a line, in the format isa/raw-plan.ts documents and writes.
 */
export interface RawPlanText {
  readonly cpu: Cpu;
  /** Field lists (the fields a row reports, in order), one a line. */
  readonly fields: string;
  /** RawRows, one a line; candidate lists name them by line number. */
  readonly rows: string;
  /** Per primary opcode (64 lines): which bits 21..31 matter, the candidate lists, and which list each value takes. */
  readonly opcodes: string;
}

/** The character of digit 0 in an opcode's INDEX ('<'; isa/raw-plan.ts). */
export const PLAN_DIGIT0 = 0x3c;

/** Flag bits of a plan row. */
export const PLAN_RC = 1;
export const PLAN_OE = 2;
export const PLAN_GENERIC = 4;
export const PLAN_LSWI = 8;

/** Where `make isa-plan` is named in errors about a plan that does not fit the table. */
const REGENERATE = 'regenerate it with `make isa-plan`';

interface PlanFields {
  readonly names: readonly string[];
  readonly shifts: readonly number[];
  readonly masks: readonly number[];
  readonly multi: readonly (CompiledField | undefined)[];
}

interface PlanOpcode {
  /** The bits within 21..31 the candidate list depends on. */
  readonly keyMask: number;
  /** Per value of bits 21..31 & keyMask, its index into `lists` in base-32 digits (isa/raw-plan.ts). */
  readonly index: string;
  /** Two digits per value (more than 32 lists), else one. */
  readonly wide: boolean;
  /** The candidate lists as written in the plan (row numbers joined by ','), parsed on first use. */
  readonly lists: readonly string[];
  /** The same lists as RawRows, made on first use. */
  readonly rows: (readonly RawRow[] | undefined)[];
}

const NO_NUMBERS: readonly number[] = Object.freeze([]);
const NO_ROWS: readonly RawRow[] = Object.freeze([]);
const BRANCH_KINDS: ReadonlySet<string> = new Set<BranchKind>(['bd', 'lr', 'ctr', 'tar']);

/**
 * The candidate lists and RawRows from a decode plan: no table row is compiled for them, and each
 * part of the plan's text is parsed only when a word first needs it (an opcode's line, a row's
 * line, a field list's line). Rows marked generic find their table Row on first need.
 */
class PlanDecoder extends RawDecoder {
  readonly kind = 'plan';
  private readonly text: RawPlanText;
  private fieldLines: readonly string[] | undefined;
  private rowLines: readonly string[] | undefined;
  private opcodeLines: readonly string[] | undefined;
  private readonly fieldSets: (PlanFields | undefined)[] = [];
  private readonly rows: (RawRow | undefined)[] = [];
  private readonly opcodes: (PlanOpcode | undefined)[] = new Array<PlanOpcode | undefined>(64);

  constructor(cpu: Cpu, text: RawPlanText) {
    super(cpu);
    if (text.cpu !== cpu) throw new Error(`isa: the decode plan is for ${text.cpu}, not ${cpu}`);
    this.text = text;
  }

  candidates(w: number): readonly RawRow[] {
    const po = w >>> 26;
    let op = this.opcodes[po];
    if (op === undefined) this.opcodes[po] = op = this.opcode(po);
    const v = w & op.keyMask;
    const x = op.index;
    const li = op.wide ? ((x.charCodeAt(2 * v) - PLAN_DIGIT0) << 5) | (x.charCodeAt(2 * v + 1) - PLAN_DIGIT0) : x.charCodeAt(v) - PLAN_DIGIT0;
    let list = op.rows[li];
    if (list === undefined) {
      const text = op.lists[li]!;
      op.rows[li] = list = text === '' ? NO_ROWS : text.split(',').map((n) => this.row(Number(n)));
    }
    return list;
  }

  protected rowOf(r: RawRow): Row {
    if (r.row !== undefined) return r.row;
    const row = TABLE.baseRowAt(r.entry, r.form);
    // A plan made from another table would resolve through the wrong row: refuse instead.
    if (row === undefined || row.id !== r.id || row.mask[0] !== r.mask || row.match[0] !== r.match) {
      throw new Error(`isa: the ${this.text.cpu} decode plan does not fit the instruction table (row ${r.id}); ${REGENERATE}`);
    }
    r.row = row;
    return row;
  }

  /** Opcode line: KEYMASK(hex) LISTS INDEX (isa/raw-plan.ts). */
  private opcode(po: number): PlanOpcode {
    const line = (this.opcodeLines ??= this.text.opcodes.split('\n'))[po];
    if (line === undefined) throw new Error(`isa: the ${this.text.cpu} decode plan has no line for opcode ${po}; ${REGENERATE}`);
    const [km, ls, index = ''] = line.split(' ') as [string, string, string?];
    const keyMask = parseInt(km, 16);
    // Opcodes 4, 31 and 63 have hundreds of lists, of which a program meets a few.
    const lists = ls.split(';');
    const wide = lists.length > 32;
    if (index.length !== (keyMask + 1) * (wide ? 2 : 1)) throw new Error(`isa: the ${this.text.cpu} decode plan's line for opcode ${po} is damaged; ${REGENERATE}`);
    return { keyMask, index, wide, lists, rows: new Array<readonly RawRow[] | undefined>(lists.length) };
  }

  /** Row line: MASK MATCH ID FLAGS ENTRY.FORM [FIELDS BRANCH CHECKS INVALID] (isa/raw-plan.ts). */
  private row(n: number): RawRow {
    let r = this.rows[n];
    if (r !== undefined) return r;
    const t = (this.rowLines ??= this.text.rows.split('\n'))[n]!.split(' ');
    const flags = Number(t[3]);
    const dot = t[4]!.indexOf('.');
    const generic = (flags & PLAN_GENERIC) !== 0;
    // A generic row is decoded by resolve() on its table Row: only mask, match, id and entry.form are used.
    const f = generic ? undefined : this.fieldSet(Number(t[5]));
    let branch: BranchKind | undefined;
    let boShift = -1;
    if (!generic && t[6] !== '-') {
      const [kind, sh] = t[6]!.split(':') as [string, string];
      if (!BRANCH_KINDS.has(kind)) throw new Error(`isa: decode plan: unknown branch kind ${kind}; ${REGENERATE}`);
      branch = kind as BranchKind;
      boShift = Number(sh);
    }
    let checks = NO_NUMBERS;
    let ra = -1;
    let rt = -1;
    let rb = -1;
    if (!generic && t[7] !== '-') {
      const c = t[7]!.split('/');
      checks = Array.from(c[0]!, Number);
      ra = Number(c[1]);
      rt = Number(c[2]);
      rb = Number(c[3]);
    }
    const invalid: InvalidField[] = [];
    if (!generic && t[8] !== '-') {
      for (const x of t[8]!.split('/')) {
        const [sh, width, hex] = x.split(':') as [string, string, string];
        const bad = new Uint8Array(1 << Number(width));
        if (hex.length !== Math.ceil(bad.length / 4)) throw new Error(`isa: the ${this.text.cpu} decode plan's row ${n} is damaged; ${REGENERATE}`);
        for (let v = 0; v < bad.length; v++) bad[v] = (parseInt(hex[v >> 2]!, 16) >> (v & 3)) & 1;
        invalid.push({ shift: Number(sh), mask: bad.length - 1, bad });
      }
    }
    r = {
      mask: parseInt(t[0]!, 16),
      match: parseInt(t[1]!, 16),
      id: t[2]!,
      rc: (flags & PLAN_RC) !== 0,
      oe: (flags & PLAN_OE) !== 0,
      generic,
      names: f?.names ?? [],
      shifts: f?.shifts ?? NO_NUMBERS,
      masks: f?.masks ?? NO_NUMBERS,
      multi: f?.multi ?? [],
      branch,
      boShift,
      checks,
      ra,
      rt,
      rb,
      lswi: (flags & PLAN_LSWI) !== 0,
      invalid,
      entry: Number(t[4]!.slice(0, dot)),
      form: Number(t[4]!.slice(dot + 1)),
      row: undefined,
    };
    this.rows[n] = r;
    return r;
  }

  /** Field-list line: fields separated by spaces, each NAME:SHIFT:WIDTH or NAME:KEY:WIDTH:PARTS (isa/raw-plan.ts). */
  private fieldSet(n: number): PlanFields {
    let f = this.fieldSets[n];
    if (f !== undefined) return f;
    const line = (this.fieldLines ??= this.text.fields.split('\n'))[n]!;
    const names: string[] = [];
    const shifts: number[] = [];
    const masks: number[] = [];
    const multi: (CompiledField | undefined)[] = [];
    if (line !== '') {
      for (const field of line.split(' ')) {
        const p = field.split(':');
        names.push(p[0]!);
        if (p.length === 3) {
          shifts.push(Number(p[1]));
          masks.push((1 << Number(p[2])) - 1);
          multi.push(undefined);
        } else {
          const parts = p[3]!.split('+').map((q) => {
            const [word, shift, width, vshift] = q.split('.').map(Number) as [number, number, number, number];
            return { word, shift, width, vshift };
          });
          shifts.push(-1);
          masks.push(0);
          multi.push({ key: p[1] as FieldKey, name: p[0]!, parts, width: Number(p[2]) });
        }
      }
    }
    this.fieldSets[n] = f = { names, shifts, masks, multi };
    return f;
  }
}

/** The checked-in decode plans, by CPU (the simulator's; other CPUs take the lazy index). */
const PLANS: Partial<Record<Cpu, RawPlanText>> = { power9: RAW_PLAN_POWER9 };

/** The checked-in decode plan for `cpu`, if there is one. */
export function rawPlanOf(cpu: Cpu): RawPlanText | undefined {
  return PLANS[cpu];
}

/** A new raw decoder: over `plan` when given, else the lazy index over the table. */
export function createRawDecoder(cpu: Cpu, plan?: RawPlanText): RawDecoder {
  return plan === undefined ? new RawIndex(cpu) : new PlanDecoder(cpu, plan);
}

const rawDecoders = new Map<Cpu, RawDecoder>();

/** The decoder decodeRaw() uses for `cpu` (its plan when one is checked in). */
export function rawDecoderOf(cpu: Cpu): RawDecoder {
  let d = rawDecoders.get(cpu);
  if (d === undefined) rawDecoders.set(cpu, (d = createRawDecoder(cpu, rawPlanOf(cpu))));
  return d;
}

/**
 * decode(word, undefined, { cpu, raw: true }) reduced to what a simulator uses: the same verdict,
 * base row id, fields, rc and oe (undefined when the generic decoder refuses the word; a prefix
 * word, which needs its suffix, is refused too).
 */
export function decodeRaw(word: number, cpu: Cpu): RawInsn | undefined {
  return rawDecoderOf(cpu).decode(word);
}
