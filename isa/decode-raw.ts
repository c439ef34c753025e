/**
 * The simulator's decoder: for a 4-byte word, exactly what decode(word, undefined, { cpu, raw:
 * true }) decides (accepted or not, the base row's id, its raw fields, rc, oe), without what only
 * the disassembler needs (BigInt operand values, the alias search, a DecodedInsn).
 *
 * Each candidate row the generic decoder would try (same index, same order) becomes a RawRow on
 * first use: its mask/match, where its fields sit in the word, and its accept/reject rules as
 * plain number tests. The few rows whose rules need operand values beyond plain register numbers
 * (sync's L, mtocrf's FXM, lq's register pair, ...) or that have an alias -M raw prints take the
 * generic resolve() for that row, so the verdict is the generic decoder's by construction there.
 * test/isa/decode-raw.test.ts compares both decoders over random words and real code.
 */
import { baseBOValid, yHintInvalid } from './branch-hints.js';
import { usesAtHints, type Cpu } from './cpu.js';
import { extractField, type CompiledField, type Row } from './compile.js';
import { indexFor, resolve, type DecodeIndex } from './decode.js';
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

/** Register-number checks done here (the other decode-time checks go through resolve()). */
const UPD_NONE = 0;
const UPD_LOAD = 1; // load-update: RA = 0 or RA = RT is invalid
const UPD_STORE = 2; // store-update: RA = 0
const UPD_LMW = 3; // lmw: RA >= RT
const UPD_LSWX = 4; // lswx: RT = RA or RT = RB

interface RawRow {
  readonly mask: number;
  readonly match: number;
  readonly row: Row;
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
}

/** The one-part shift of `f` within the first word, or -1. */
const oneWordShift = (f: CompiledField | undefined): number => (f !== undefined && f.parts.length === 1 && f.width < 32 && f.parts[0]!.word === 0 ? f.parts[0]!.shift : -1);

function rawRow(idx: DecodeIndex, row: Row): RawRow {
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
  for (const op of row.ops) if (op.invalid && !op.invalid.encodeOnly) generic = true;
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
    row,
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

class RawIndex {
  private readonly idx: DecodeIndex;
  private readonly atHints: boolean;
  private readonly opts: { readonly cpu: Cpu; readonly raw: true };
  /** [po << 11 | bits 21..31] → the candidate rows (the generic index's list, as RawRows). */
  private readonly lists: (readonly RawRow[] | undefined)[] = [];
  /** The same, by the generic index's list (one list serves every word of a D-form opcode). */
  private readonly byList = new Map<readonly Row[], readonly RawRow[]>();
  private readonly byRow = new Map<Row, RawRow>();
  private readonly one = [0];

  constructor(cpu: Cpu) {
    this.idx = indexFor(cpu);
    this.atHints = usesAtHints(cpu);
    this.opts = { cpu, raw: true };
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

  decode(word: number): RawInsn | undefined {
    const w = word >>> 0;
    if (w >>> 26 === 1) return undefined; // a prefix: needs the next word, which this decoder never has
    const key = ((w >>> 26) << 11) | (w & 0x7ff);
    let list = this.lists[key];
    if (list === undefined) this.lists[key] = list = this.list(w);
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
    const d = resolve(this.idx, r.row, this.one, this.opts);
    return d === undefined ? undefined : { id: d.variant.id, fields: d.fields, rc: d.variant.rc, oe: d.variant.oe };
  }

  /** resolve() for a row without aliases, operand-value rules or prefix. */
  private resolve(r: RawRow, w: number): RawInsn | undefined {
    const branch = r.branch;
    if (branch !== undefined && this.atHints && yHintInvalid((w >>> r.boShift) & 31, branch)) return undefined;
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
    const row = r.row;
    return { id: row.id, fields, rc: row.rc, oe: row.oe };
  }
}

const rawIndexes = new Map<Cpu, RawIndex>();

/**
 * decode(word, undefined, { cpu, raw: true }) reduced to what a simulator uses: the same verdict,
 * base row id, fields, rc and oe (undefined when the generic decoder refuses the word; a prefix
 * word, which needs its suffix, is refused too).
 */
export function decodeRaw(word: number, cpu: Cpu): RawInsn | undefined {
  let ix = rawIndexes.get(cpu);
  if (ix === undefined) rawIndexes.set(cpu, (ix = new RawIndex(cpu)));
  return ix.decode(word);
}
