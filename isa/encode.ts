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

function insertAll(row: Row, vals: readonly bigint[]): number[] {
  const words = row.match.slice();
  for (let i = 0; i < row.ops.length; i++) {
    const op = row.ops[i]!;
    let v = vals[i]!;
    const width = op.field!.width;
    if (op.zeroIs === undefined && op.bias === 0n && !op.shift && width < 32) {
      // The common case (registers, 16-bit immediates): plain number arithmetic, no bigint temporaries.
      insertField(words, op.field!, Number(v) & ((1 << width) - 1));
      continue;
    }
    if (v === op.zeroIs) v = 0n;
    else if (op.bias !== 0n) v -= op.bias;
    if (op.shift) v >>= op.shiftBig;
    insertField(words, op.field!, Number(BigInt.asUintN(width, v)));
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
  for (let i = 0; i < row.ops.length; i++) {
    const op = row.ops[i]!;
    const v = values[i] ?? op.dflt;
    if (v === undefined) return fail(i, 'missing operand');
    const err = rangeError(op, v);
    if (err) return fail(i, err);
    vals[i] = v;
  }
  const base = row.base;
  let baseVals = vals;
  const atStyle = (opts.hint !== undefined || base.branch !== undefined) && usesAtHints(opts.cpu ?? DEFAULT_ASM_CPU);
  if (row.alias) {
    // gas checks an extended mnemonic's operands as written and then truncates the
    // computed base fields to their width (extlwi 3,4,0,1 gives ME=(0-1)&31).
    baseVals = [...row.toBase!(vals)];
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
    baseVals[base.boIndex] = BigInt(hinted);
  }
  const p = base.promote;
  if (p && selectedAtLeast(opts.cpu ?? DEFAULT_ASM_CPU, p.since) && p.when(baseVals)) {
    return { ok: true, words: insertAll(p.row, baseVals) };
  }
  return { ok: true, words: insertAll(base, baseVals) };
}
