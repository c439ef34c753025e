/**
 * The generic encoder: operand values → instruction word(s), for any row of the table.
 * Aliases are rewritten to their base row's operands first; range and alignment are
 * checked on the operands as written, then on the base fields.
 */
import { applyBaseHint, applyHint, boError, type Hint } from './branch-hints.js';
import { selectedAtLeast, usesAtHints, DEFAULT_ASM_CPU, type Cpu } from './cpu.js';
import { insertField, type CompiledOperand, type Row } from './compile.js';
import type { RowCheck } from './spec.js';
import type { EncodeResult, InsnVariant } from './types.js';

export interface EncodeOptions {
  readonly hint?: Hint;
  /** Selects the branch-hint encoding as gas does (y bit before POWER4, at bits after). */
  readonly cpu?: Cpu;
}

const fail = (operand: number, message: string): EncodeResult => ({ ok: false, operand, message });

function rangeError(op: CompiledOperand, v: bigint): string | undefined {
  if (v < op.min || v > op.max) return `operand out of range (${v} is not between ${op.min} and ${op.max})`;
  if (op.align > 1 && v % BigInt(op.align) !== 0n) return `operand out of range (${v} is not a multiple of ${op.align})`;
  if (op.invalid?.test(v)) return op.invalid.message;
  return undefined;
}

/** The register constraints of Book I "invalid forms" that gas reports. */
export function checkRegisters(row: Row, vals: readonly bigint[]): string | undefined {
  for (const c of row.check) {
    const err = checkOne(row, c, vals);
    if (err) return err;
  }
  return undefined;
}

function checkOne(row: Row, check: RowCheck, vals: readonly bigint[]): string | undefined {
  const get = (field: string): bigint | undefined => {
    // by field key (RA, RT, NB, SRA, R11, ...)
    const i = row.ops.findIndex((o) => o.field?.key === field);
    return i < 0 ? undefined : vals[i];
  };
  const ra = get('RA') ?? 0n;
  const rt = get('RT') ?? get('RS') ?? 0n;
  switch (check) {
    case 'load-update':
      return ra === 0n || ra === rt ? 'invalid register operand when updating' : undefined;
    case 'store-update':
      return ra === 0n ? 'invalid register operand when updating' : undefined;
    case 'lmw':
      return ra >= rt ? 'index register in load range' : undefined;
    case 'lswi': {
      const nb = get('NB') ?? 32n;
      const count = ((nb === 0n ? 32n : nb) + 3n) / 4n;
      const inRange = (ra - rt + 32n) % 32n < count;
      return inRange ? 'address register in load range' : undefined;
    }
    case 'lswx':
      return rt === ra || rt === get('RB') ? 'source and target register operands must be different' : undefined;
    case 'lqarx': {
      const rtp = get('RTp');
      return rtp === ra || rtp === get('RB') ? 'source and target register operands must be different' : undefined;
    }
    case 'acc': {
      const at = get('AT') ?? get('SAT') ?? 0n;
      const overlaps = (x: bigint | undefined): boolean => x !== undefined && x < 32n && x >> 2n === at;
      return overlaps(get('XA') ?? get('SXA4')) || overlaps(get('XB') ?? get('SXB4')) ? 'VSR overlaps ACC operand' : undefined;
    }
    case 'pcrel':
      return get('R11') === 1n && get('SRA') !== 0n ? 'invalid R operand' : undefined;
    case 'plq':
    case 'lq':
      return (get('SRA') ?? ra) === (get('RTp') ?? get('SRTp') ?? -1n) ? 'source and target register operands must be different' : undefined;
    default:
      return undefined;
  }
}

/**
 * An operand's checks and field arithmetic as plain numbers, computed once per row. Nearly
 * every operand value lies within ±2^53, where a double holds it exactly; the number path
 * then gives the bigint path's bits without allocating a bigint per step (an assembler
 * encodes a million instructions in a large file). Values outside that range, and rows whose
 * limits are, take the bigint path.
 */
interface NumericOperand {
  /** The range is exact as doubles (both ends within ±2^53). */
  readonly exactRange: boolean;
  readonly min: number;
  readonly max: number;
  /** The field is narrower than 32 bits, so the number path can insert it. */
  readonly narrow: boolean;
  /** (1 << width) - 1 for narrow fields. */
  readonly mask: number;
  readonly bias: number;
  /** 2 ** shift: the field holds the value divided by this. */
  readonly scale: number;
  /**
   * For a narrow field in one piece: its word and the position of its low bit, so the number
   * path sets it without insertField's general loop (-1 for fields in several pieces).
   */
  readonly word: number;
  readonly bitShift: number;
}

const numericRows = new WeakMap<Row, readonly NumericOperand[]>();

function numericOperands(row: Row): readonly NumericOperand[] {
  let ops = numericRows.get(row);
  if (!ops) {
    ops = row.ops.map((op) => {
      const safe = (v: bigint): boolean => v >= BigInt(Number.MIN_SAFE_INTEGER) && v <= BigInt(Number.MAX_SAFE_INTEGER);
      const width = op.field?.width ?? 64;
      return {
        exactRange: safe(op.min) && safe(op.max),
        min: Number(op.min),
        max: Number(op.max),
        narrow: width < 32 && safe(op.bias),
        mask: width < 32 ? (1 << width) - 1 : 0,
        bias: Number(op.bias),
        scale: 2 ** op.shift,
        word: op.field && op.field.parts.length === 1 && width < 32 ? op.field.parts[0]!.word : -1,
        bitShift: op.field && op.field.parts.length === 1 ? op.field.parts[0]!.shift : 0,
      };
    });
    numericRows.set(row, ops);
  }
  return ops;
}

/** rangeError() without bigint arithmetic when the value and the range are exact as numbers. */
function checkRange(op: CompiledOperand, num: NumericOperand, v: bigint): string | undefined {
  const n = Number(v);
  if (num.exactRange && op.invalid === undefined && Number.isSafeInteger(n) && n >= num.min && n <= num.max && (op.align <= 1 || n % op.align === 0)) {
    return undefined;
  }
  return rangeError(op, v);
}

function insertAll(row: Row, vals: readonly bigint[], nums: readonly NumericOperand[] = numericOperands(row)): number[] {
  const words = row.match.slice();
  for (let i = 0; i < row.ops.length; i++) {
    const op = row.ops[i]!;
    const num = nums[i]!;
    let v = vals[i]!;
    const field = op.field!;
    const n = Number(v);
    if (num.narrow && Number.isSafeInteger(n)) {
      // Exact in a double: zero-is, bias and scale as number arithmetic (floor division is the
      // arithmetic shift; `&` keeps the two's-complement low bits, as BigInt.asUintN does).
      const x = op.zeroIs !== undefined && v === op.zeroIs ? 0 : n - num.bias;
      const bits = (num.scale === 1 ? x : Math.floor(x / num.scale)) & num.mask;
      if (num.word >= 0) words[num.word] = (words[num.word]! | (bits << num.bitShift)) >>> 0;
      else insertField(words, field, bits);
      continue;
    }
    if (v === op.zeroIs) v = 0n;
    else if (op.bias !== 0n) v -= op.bias;
    if (op.shift) v >>= op.shiftBig;
    insertField(words, field, Number(BigInt.asUintN(field.width, v)));
  }
  return words;
}

export function encodeRow(variant: InsnVariant, values: readonly (bigint | undefined)[], opts: EncodeOptions = {}): EncodeResult {
  const row = variant as Row;
  if (!row.ops || !row.base) return fail(-1, `not an instruction of the table: ${variant.mnemonic}`);
  if (values.length !== row.ops.length) {
    return fail(-1, `${row.mnemonic} takes ${row.ops.length} operands, ${values.length} given`);
  }
  const vals = new Array<bigint>(row.ops.length);
  const nums = numericOperands(row);
  for (let i = 0; i < row.ops.length; i++) {
    const op = row.ops[i]!;
    const v = values[i] ?? op.dflt;
    if (v === undefined) return fail(i, 'missing operand');
    const err = checkRange(op, nums[i]!, v);
    if (err) return fail(i, err);
    vals[i] = v;
  }
  const base = row.base;
  let baseVals: readonly bigint[] = vals;
  const atStyle = (opts.hint !== undefined || base.branch !== undefined) && usesAtHints(opts.cpu ?? DEFAULT_ASM_CPU);
  if (row.alias) {
    // gas checks an extended mnemonic's operands as written and then truncates the
    // computed base fields to their width (extlwi 3,4,0,1 gives ME=(0-1)&31).
    baseVals = row.toBase!(vals);
  } else if (base.branch) {
    // gas checks an explicit BO before a y-bit hint and after an at-bit hint.
    let bo = Number(vals[base.boIndex]!);
    if (opts.hint && !atStyle) {
      const err = boError(bo, base.branch, atStyle);
      if (err) return fail(base.boIndex, err);
    }
    if (opts.hint) {
      const hinted = applyBaseHint(bo, opts.hint, atStyle);
      if (typeof hinted === 'string') return fail(-1, hinted);
      bo = hinted;
    }
    const err = boError(bo, base.branch, atStyle);
    if (err) return fail(base.boIndex, err);
    vals[base.boIndex] = BigInt(bo);
  }
  if (opts.hint && !row.alias && !base.branch) return fail(-1, `"${opts.hint}" branch hint not allowed on ${row.mnemonic}`);
  const regErr = checkRegisters(base, baseVals);
  if (regErr) return fail(-1, regErr);
  if (opts.hint && row.alias) {
    if (!row.hintable || !base.branch) return fail(-1, `"${opts.hint}" branch hint not allowed on ${row.mnemonic}`);
    const bo = Number(baseVals[base.boIndex]!);
    const ti = base.ops.findIndex((o) => o.kind === 'target');
    const disp = ti < 0 ? 0n : baseVals[ti]!;
    const hinted = applyHint(bo, opts.hint, base.branch, atStyle, disp);
    if (typeof hinted === 'string') return fail(-1, hinted);
    // A copy: the alias's rewrite may hand back an array it keeps.
    const copy = [...baseVals];
    copy[base.boIndex] = BigInt(hinted);
    baseVals = copy;
  }
  const p = base.promote;
  if (p && selectedAtLeast(opts.cpu ?? DEFAULT_ASM_CPU, p.since) && p.when(baseVals)) {
    return { ok: true, words: insertAll(p.row, baseVals) };
  }
  return { ok: true, words: base === row ? insertAll(base, baseVals, nums) : insertAll(base, baseVals) };
}

/**
 * The number path, for the statements an assembler meets most: a 4-byte row (or an alias written
 * with pin()) whose operands are plain numbers, with no branch hint, BO rules, register checks or
 * promotion to a later form. Everything about the row that does not depend on the values is
 * worked out once (numberPlan); encodeNumbers then checks ranges and sets fields in number
 * arithmetic, without a bigint, an array or a result object per instruction.
 */
interface PlanOperand {
  readonly min: number;
  readonly max: number;
  readonly align: number;
  /** The default of an optional operand, or NaN when there is none. */
  readonly dflt: number;
  /** Values the operand refuses although in range (sync's L = 3), as the table's test. */
  readonly invalid: CompiledOperand['invalid'];
}

interface PlanField {
  /** NaN: none (the field holds value - bias). */
  readonly zeroIs: number;
  readonly bias: number;
  readonly scale: number;
  readonly mask: number;
  /** [shift within the word, width, position of the part's low bit in the field value] per part. */
  readonly parts: readonly (readonly [number, number, number])[];
}

interface NumberPlan {
  readonly ops: readonly PlanOperand[];
  /** Per base operand: the variant operand it copies (>= 0), or a constant (value, with from = -1), or 4*crN+bit (cr >= 0). */
  readonly from: readonly number[];
  readonly constant: readonly number[];
  readonly crBit: readonly number[];
  readonly fields: readonly PlanField[];
  readonly match: number;
}

const SAFE = (v: bigint): boolean => v >= BigInt(Number.MIN_SAFE_INTEGER) && v <= BigInt(Number.MAX_SAFE_INTEGER);

function numberPlan(row: Row): NumberPlan | null {
  const base = row.base;
  if (row.size !== 4 || base.size !== 4 || base.branch !== undefined || base.promote !== undefined || base.check.length > 0) return null;
  if (row.alias && row.pinMap === undefined) return null;
  const ops: PlanOperand[] = [];
  for (const op of row.ops) {
    if (!SAFE(op.min) || !SAFE(op.max) || (op.dflt !== undefined && !SAFE(op.dflt))) return null;
    ops.push({ min: Number(op.min), max: Number(op.max), align: op.align, dflt: op.dflt === undefined ? NaN : Number(op.dflt), invalid: op.invalid });
  }
  const from: number[] = [];
  const constant: number[] = [];
  const crBit: number[] = [];
  for (let j = 0; j < base.ops.length; j++) {
    const m = row.alias ? row.pinMap![j] : j;
    if (m === undefined) {
      // padded(): a base operand the alias leaves to its default.
      const d = base.ops[j]!.dflt;
      if (d === undefined || !SAFE(d)) return null;
      from.push(-1), constant.push(Number(d)), crBit.push(-1);
    } else if (typeof m === 'number') from.push(m), constant.push(0), crBit.push(-1);
    else if (typeof m === 'bigint') {
      if (!SAFE(m)) return null;
      from.push(-1), constant.push(Number(m)), crBit.push(-1);
    } else from.push(-1), constant.push(m.bit), crBit.push(m.cr);
  }
  const fields: PlanField[] = [];
  for (const op of base.ops) {
    const f = op.field;
    if (f === undefined || f.width >= 32 || !SAFE(op.bias) || (op.zeroIs !== undefined && !SAFE(op.zeroIs))) return null;
    fields.push({
      zeroIs: op.zeroIs === undefined ? NaN : Number(op.zeroIs),
      bias: Number(op.bias),
      scale: 2 ** op.shift,
      mask: (1 << f.width) - 1,
      parts: f.parts.map((p) => [p.shift, p.width, p.vshift] as const),
    });
  }
  return { ops, from, constant, crBit, fields, match: base.match[0]! };
}

/**
 * encodeRow() for operand values that are numbers (NaN for an omitted operand): true with the
 * word in out[0], or false when this path does not apply to the row or the values (out of range,
 * not integers); the caller then encodes through encodeRow(), which gives the same word or the
 * error. Never a word that encodeRow() would refuse (test/isa/encode-numbers.test.ts compares the
 * two over the table). The word goes out through a typed array because a uint32 return value
 * above 2^31 would be a heap number: one allocation per instruction.
 */
export function encodeNumbers(variant: InsnVariant, nums: readonly number[], out: Uint32Array, opts?: EncodeOptions): boolean {
  if (opts !== undefined && opts.hint !== undefined) return false;
  const row = variant as Row;
  if (!row.ops || !row.base) return false; // not a row of the table: encodeRow() says so
  let plan = row.numberPlan as NumberPlan | null | undefined;
  if (plan === undefined) row.numberPlan = plan = numberPlan(row);
  if (plan === null || nums.length !== plan.ops.length) return false;
  const { ops, from, constant, crBit, fields } = plan;
  for (let i = 0; i < ops.length; i++) {
    const op = ops[i]!;
    let v = nums[i]!;
    if (v !== v) {
      v = op.dflt;
      if (v !== v) return false; // omitted, and no default: encodeRow reports it
    }
    if (!Number.isSafeInteger(v) || v < op.min || v > op.max || (op.align > 1 && v % op.align !== 0)) return false;
    if (op.invalid !== undefined && op.invalid.test(BigInt(v))) return false;
  }
  let word = plan.match;
  for (let j = 0; j < fields.length; j++) {
    const src = from[j]!;
    let b: number;
    if (src >= 0) {
      b = nums[src]!;
      if (b !== b) b = ops[src]!.dflt;
    } else if (crBit[j]! >= 0) {
      const cr = nums[crBit[j]!]!;
      b = 4 * (cr !== cr ? ops[crBit[j]!]!.dflt : cr) + constant[j]!;
    } else b = constant[j]!;
    const f = fields[j]!;
    // As insertAll(): zero-is, bias and scale, then the two's-complement low bits of the field.
    const x = b === f.zeroIs ? 0 : b - f.bias;
    const bits = (f.scale === 1 ? x : Math.floor(x / f.scale)) & f.mask;
    const parts = f.parts;
    if (parts.length === 1) word |= bits << parts[0]![0];
    else for (const [shift, width, vshift] of parts) word |= ((bits >>> vshift) & ((1 << width) - 1)) << shift;
  }
  out[0] = word;
  return true;
}
