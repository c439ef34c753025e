/**
 * Instruction statements: choose the table row for a mnemonic and its written operands,
 * evaluate the operands, encode through the shared ISA table, and leave a fixup for any
 * operand whose value is only known at the end (forward references, relocations).
 */
import type { Assembler } from './assembler.js';
import { ExprError, charConstEnd, constantArithmetic, crFieldNumber, type Operand, type RegClass } from './expr.js';
import { EvalError, NotYet, evaluate, isAbsolute } from './eval.js';
import type { InsnFixup } from './symbols.js';
import { cpuOf, encode, encodeWord, lookup, presentOperands, type EncodeOptions } from '../isa/index.js';
import type { Cpu } from '../isa/cpu.js';
import type { InsnVariant, OperandInfo } from '../isa/types.js';
import { fieldPattern, foldModifier, smallBigInt } from './values.js';

/** Why a row does not take the written operands; `countMatched` ranks it (gas reports the first row whose count fits). */
interface Failure {
  message: string;
  col: number;
  countMatched: boolean;
}

/** A value known only at the end of the input: its operand index, the parsed operand, its column. */
interface Deferred {
  index: number;
  op: Operand;
  col: number;
}

/**
 * Scratch state of the instruction being assembled. An instruction statement never starts
 * another one before it is done, so one set of arrays serves every statement; a million-line
 * file otherwise makes some 400 bytes of short-lived arrays and records per instruction, and
 * the collector's time grows with them. Whatever must outlive the statement (a fixup's
 * values) is copied out.
 */
const spanStart: number[] = [];
const spanEnd: number[] = [];
let spanCount = 0;
/** Operand columns (1-based, in the statement) of the row being tried, for diagnostics. */
const cols: number[] = [];
const deferred: Deferred[] = [];
let deferredCount = 0;
/** Operand values by row length (encode() wants exactly one entry per operand). */
const valuesByLength: (bigint | undefined)[][] = [];

function valuesOf(length: number): (bigint | undefined)[] {
  return (valuesByLength[length] ??= new Array<bigint | undefined>(length).fill(undefined));
}
/**
 * The same values as numbers for encodeWord() (NaN: omitted), valid while `numeric` holds: every
 * value known now and exact as a double. The commonest statements then encode without bigints.
 */
const numsByLength: number[][] = [];
/** encodeWord()'s output. */
const encoded = new Uint32Array(1);
let numeric = true;
/** Operands whose value is only in `nums` so far: fillValues() puts them in `values` when encode() needs them. */
const numberOnly: boolean[] = [];

function fillValues(values: (bigint | undefined)[], nums: readonly number[]): void {
  for (let i = 0; i < values.length; i++) {
    if (numberOnly[i]) {
      values[i] = smallBigInt(nums[i]!);
      numberOnly[i] = false;
    }
  }
}

function numsOf(length: number): number[] {
  return (numsByLength[length] ??= new Array<number>(length).fill(NaN));
}

/** The encoder options for a CPU and branch hint (shared: encode() only reads them). */
const encodeOptionsByKey = new Map<string, EncodeOptions>();

export function encodeOptions(cpu: Cpu, hint: '+' | '-' | undefined): EncodeOptions {
  const key = hint ? cpu + hint : cpu;
  let o = encodeOptionsByKey.get(key);
  if (!o) encodeOptionsByKey.set(key, (o = hint ? { hint, cpu } : { cpu }));
  return o;
}

const NOP = 0x60000000;

export function assembleInstruction(as: Assembler, mnemonic: string, hint: '+' | '-' | undefined, text: string, r: number, col: number): void {
  const variants = as.lookupInsn(mnemonic);
  if (!variants || variants.length === 0) {
    const any = lookup(mnemonic);
    if (any && any.length > 0) {
      const since = cpuOf(any[0]!).since;
      as.error(`'${mnemonic}' is not available for CPU ${as.cpu}; it needs ${since} or later (use -m${since} or .machine ${since})`, col);
    } else as.error(`unknown instruction '${mnemonic}${hint ?? ''}'`, col);
    return;
  }
  splitOperands(text, r);
  // gas's rule: the first row whose operands fit and that encodes; otherwise the first error.
  let best: Failure | undefined;
  for (const v of variants) {
    if (hint && !v.hintable) {
      best ??= { message: `'${mnemonic}' does not take a branch hint`, col, countMatched: true };
      continue;
    }
    const values = valuesOf(v.operands.length);
    const nums = numsOf(v.operands.length);
    const failure = tryVariant(as, v, values, nums, text, col);
    if (failure) {
      if (!best || (!best.countMatched && failure.countMatched)) best = failure;
      continue;
    }
    if (numeric && deferredCount === 0 && hint === undefined) {
      // false: a row or values the number path leaves to encode() (which also words any error).
      if (encodeWord(v, nums, encoded)) {
        emitWord(as, encoded[0]! | 0, col); // as int32: a small integer, not a heap number, in the call
        return;
      }
    }
    fillValues(values, nums);
    const enc = encode(v, values, encodeOptions(as.cpu, hint));
    if (enc.ok) {
      emit(as, v, values, hint, enc.words, col);
      return;
    }
    if (!best || !best.countMatched) best = { message: enc.message, col: cols[enc.operand] ?? col, countMatched: true };
  }
  as.error(best!.message, best!.col);
}

/** emit() for one word with nothing to fix up later (encodeWord's rows are never prefixed). */
function emitWord(as: Assembler, word: number, col: number): void {
  const chunk = as.current;
  if (chunk.section.isNobits) as.error(`instruction in section '${chunk.section.name}', which has no contents`, col);
  else chunk.buf.u32(word);
}

function emit(as: Assembler, v: InsnVariant, values: readonly (bigint | undefined)[], hint: '+' | '-' | undefined, words: readonly number[], col: number): void {
  const chunk = as.current;
  const section = chunk.section;
  if (section.isNobits) {
    as.error(`instruction in section '${section.name}', which has no contents`, col);
    return;
  }
  if (v.prefixed) {
    // A prefixed instruction never crosses a 64-byte boundary, and its section is 64-byte aligned (as gas does).
    if (chunk.buf.length % 64 === 60) chunk.buf.u32(NOP);
    if (chunk.p2align < 6) chunk.p2align = 6;
    if (section.p2align < 6) section.p2align = 6;
  }
  const offset = chunk.buf.length;
  for (let i = 0; i < words.length; i++) chunk.buf.u32(words[i]!);
  for (let i = 0; i < deferredCount; i++) {
    const d = deferred[i]!;
    const info = v.operands[d.index]!;
    const insn: InsnFixup = hint
      ? { variant: v, values: values.slice(), operand: d.index, hint, cpu: as.cpu }
      : { variant: v, values: values.slice(), operand: d.index, cpu: as.cpu };
    const pcrel = info.kind === 'target' && info.fixup !== 'br24abs' && info.fixup !== 'br14abs';
    const where = as.where;
    const fcol = as.absCol(d.col);
    const modifier = d.op.modifier;
    chunk.fixups.push(modifier
      ? { chunk, offset, shape: info.fixup!, expr: d.op.expr, modifier, pcrel, insn, where, col: fcol }
      : { chunk, offset, shape: info.fixup!, expr: d.op.expr, pcrel, insn, where, col: fcol });
  }
}

const isBlank = (c: number): boolean => c === 32 || c === 9;

/**
 * The operand spans of a statement from `r` into spanStart/spanEnd: split at commas outside
 * parentheses, strings and character constants; none for blank operand text (expr.ts's
 * splitTopLevel, without an object per span).
 */
function splitOperands(text: string, r: number): void {
  let depth = 0;
  let start = r;
  let any = false;
  let n = 0;
  const len = text.length;
  for (let i = r; i < len; i++) {
    const c = text.charCodeAt(i);
    if (c === 44 /* , */) {
      any = true;
      if (depth === 0) {
        spanStart[n] = start;
        spanEnd[n++] = i;
        start = i + 1;
      }
    } else if (c !== 32 && c !== 9) {
      any = true;
      if (c === 40) depth++;
      else if (c === 41) depth--;
      else if (c === 34 /* " */) {
        i++;
        while (i < len && text.charCodeAt(i) !== 34) i += text.charCodeAt(i) === 92 ? 2 : 1;
      } else if (c === 39 /* ' */) i = charConstEnd(text, i);
    }
  }
  if (any) {
    spanStart[n] = start;
    spanEnd[n++] = len;
  }
  spanCount = n;
}

/** Where "expr(reg)" in text[start, end) opens its final parenthesised group, or -1. */
function groupOpen(text: string, start: number, end: number): number {
  let e = end;
  while (e > start && isBlank(text.charCodeAt(e - 1))) e--;
  if (text.charCodeAt(e - 1) !== 41) return -1;
  let depth = 0;
  for (let i = e - 1; i >= start; i--) {
    const c = text.charCodeAt(i);
    if (c === 41) depth++;
    else if (c === 40 && --depth === 0) return i;
  }
  return -1;
}

/** Index of the last non-blank character before `end` plus one (the end of "expr(reg)" without trailing blanks). */
function trimEnd(text: string, start: number, end: number): number {
  while (end > start && isBlank(text.charCodeAt(end - 1))) end--;
  return end;
}

function isEmpty(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (!isBlank(text.charCodeAt(i))) return false;
  return true;
}

function firstNonBlank(text: string, start: number, end: number): number {
  let i = start;
  while (i < end && isBlank(text.charCodeAt(i))) i++;
  return i;
}

/** A plain decimal integer (optionally negative) filling text[start, end), or undefined. */
function plainInteger(text: string, start: number, end: number): number | undefined {
  let i = firstNonBlank(text, start, end);
  let neg = false;
  if (text.charCodeAt(i) === 45) {
    neg = true;
    i++;
  }
  const d0 = i;
  let n = 0;
  while (i < end) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) break;
    n = n * 10 + (c - 48);
    i++;
  }
  const digits = i - d0;
  if (digits === 0 || digits > 15 || (digits > 1 && text.charCodeAt(d0) === 48)) return undefined;
  while (i < end && isBlank(text.charCodeAt(i))) i++;
  return i === end ? (neg ? -n : n) : undefined;
}

/**
 * Which operands a row takes when `count` operands are written (outside parentheses), and for
 * each present operand whether the next present one is the "(RA)" group at the end of its text.
 */
interface Plan {
  present: readonly boolean[];
  groupFollows: readonly boolean[];
}

/** Per-row facts the operand matcher needs, computed once per row. */
interface Shape {
  /** By written operand count: the plan, or null when the row does not take that many. */
  plans: (Plan | null)[];
}

const shapes = new WeakMap<InsnVariant, Shape>();

function planOf(v: InsnVariant, count: number): Plan | null {
  let s = shapes.get(v);
  if (!s) shapes.set(v, (s = { plans: [] }));
  const known = s.plans[count];
  if (known !== undefined) return known;
  const ops = v.operands;
  let present: readonly boolean[] | undefined;
  if (!ops.some((o) => o.optional)) {
    if (ops.filter((o) => !o.parens).length === count) present = ops.map(() => true);
  } else {
    for (let c = count; c <= ops.length && !present; c++) {
      const p = presentOperands(v, c);
      if (p && ops.filter((o, i) => p[i] && !o.parens).length === count) present = p;
    }
  }
  const plan = present ? { present, groupFollows: ops.map((_, i) => present[i]! && nextPresent(ops, present, i)?.parens === true) } : null;
  s.plans[count] = plan;
  return plan;
}

/**
 * Match the written operands (spanStart/spanEnd) to row `v`: values into `values`, columns into
 * `cols`, operands known only later into `deferred`. Returns why the row does not fit, or
 * undefined when it does.
 */
function tryVariant(as: Assembler, v: InsnVariant, values: (bigint | undefined)[], nums: number[], text: string, col: number): Failure | undefined {
  const ops = v.operands;
  deferredCount = 0;
  numeric = true;
  const plan = planOf(v, spanCount);
  if (!plan) {
    const min = ops.filter((o) => !o.optional && !o.parens).length;
    const max = ops.filter((o) => !o.parens).length;
    const range = min === max ? `${min}` : `${min} to ${max}`;
    return { message: `'${v.mnemonic}' takes ${range} operand${max === 1 ? '' : 's'}, ${spanCount} given`, col, countMatched: false };
  }
  const { present, groupFollows } = plan;
  let pi = 0;
  /** The "(RA)" group split off the previous operand's text, or -1. */
  let groupStart = -1;
  let groupEnd = -1;
  for (let i = 0; i < ops.length; i++) {
    numberOnly[i] = false;
    if (!present[i]) {
      values[i] = undefined;
      nums[i] = NaN;
      continue;
    }
    const info = ops[i]!;
    let start: number;
    let end: number;
    if (info.parens) {
      if (groupStart < 0) return { message: `operand ${i + 1} of '${v.mnemonic}' must be written as D(RA)`, col, countMatched: true };
      start = groupStart;
      end = groupEnd;
      groupStart = -1;
    } else {
      start = spanStart[pi]!;
      end = spanEnd[pi++]!;
      if (groupFollows[i]) {
        const open = groupOpen(text, start, end);
        if (open < 0 || isEmpty(text, start, open)) {
          return { message: `expected D(RA) for operand ${pi} of '${v.mnemonic}', found '${text.slice(start, end).trim()}'`, col: start + 1, countMatched: true };
        }
        groupStart = open + 1;
        groupEnd = trimEnd(text, start, end) - 1;
        end = open;
      }
    }
    const r = operandValue(as, v, info, start, end, text);
    const c = firstNonBlank(text, start, end) + 1;
    cols[i] = c;
    if (typeof r === 'number') {
      nums[i] = r;
      numberOnly[i] = true;
    } else if (typeof r === 'bigint') {
      values[i] = r;
      const n = Number(r);
      if (Number.isSafeInteger(n)) nums[i] = n;
      else numeric = false;
    } else if (r instanceof OperandError) return { message: r.message, col: r.col, countMatched: true };
    else {
      deferred[deferredCount++] = { index: i, op: r, col: c };
      values[i] = 0n;
      numeric = false;
    }
  }
  return undefined;
}

function nextPresent(ops: readonly OperandInfo[], present: readonly boolean[], i: number): OperandInfo | undefined {
  for (let j = i + 1; j < ops.length; j++) if (present[j]) return ops[j];
  return undefined;
}

const REG_OK: Record<string, readonly RegClass[]> = {
  gpr: ['gpr'], gpr0: ['gpr'], fpr: ['fpr'], vr: ['vr'], vsr: ['vsr', 'fpr', 'vr'], crf: ['cr'], crbit: ['cr'], spr: [],
};

const KIND_NAME: Record<string, string> = {
  gpr: 'a general register', gpr0: 'a general register', fpr: 'a floating-point register', vr: 'a vector register',
  vsr: 'a VSX register', crf: 'a condition register field', crbit: 'a condition register bit', spr: 'a special register number',
  imm: 'an immediate value', disp: 'a displacement', target: 'a branch target',
};

/** An operand that does not fit its row (rare: an object per error is fine). */
class OperandError {
  constructor(readonly message: string, readonly col: number) {}
}

/**
 * The value of the operand in text[start, end): a number (a plain integer, constant arithmetic
 * or crN, read without the parser) or a bigint when known now, the parsed operand when only the end of the input (or
 * the linker) can tell, or why it does not fit.
 */
function operandValue(as: Assembler, v: InsnVariant, info: OperandInfo, start: number, end: number, text: string): number | bigint | Operand | OperandError {
  const isCr = info.kind === 'crf' || info.kind === 'crbit';
  if (info.kind !== 'target') {
    const n = plainInteger(text, start, end);
    if (n !== undefined) return n; // the common case, without the parser
    const k = constantArithmetic(text, start, end);
    if (k === k) return k;
    if (isCr) {
      // cr0..cr7 (cmpdi cr2,..., bne cr1,...), which CR operands always accept.
      const f = crFieldNumber(text, firstNonBlank(text, start, end), trimEnd(text, start, end));
      if (f >= 0) return f;
    }
  }
  as.crContext = isCr;
  let op: Operand;
  try {
    const p = as.sharedParser(text, start, end);
    op = p.operand();
    if (!p.atEnd()) return new OperandError(`junk in operand: '${text.slice(p.pos, end).trim()}'`, p.pos + 1);
  } catch (e) {
    if (e instanceof ExprError) return new OperandError(e.message, e.col);
    throw e;
  } finally {
    as.crContext = false;
  }
  const col = start + 1;
  const e = op.expr;
  if (e.k === 'num' && e.reg) {
    const ok = REG_OK[info.kind];
    if (!ok || !ok.includes(e.reg)) {
      return new OperandError(`invalid operand: ${KIND_NAME[info.kind] ?? 'a value'} is expected here, not a ${regName(e.reg)} register`, col);
    }
  }
  if (e.k === 'num' && !op.modifier && info.kind !== 'target') return e.v; // the common case
  // A branch to a symbol waits for the end of the input whatever the symbol is; only an
  // equated one can fail to evaluate (a definition loop), so the others skip evaluate().
  if (info.kind === 'target' && e.k === 'sym' && e.sym.kind !== 'equ') return op;
  let value: ReturnType<typeof evaluate> | undefined;
  try {
    value = evaluate(e, 'now');
  } catch (err) {
    if (err instanceof EvalError) return new OperandError(err.message, err.col ?? col);
    if (!(err instanceof NotYet)) throw err;
  }
  if (value && isAbsolute(value) && info.kind !== 'target') {
    if (!op.modifier) return value.add;
    const half = foldModifier(op.modifier, value.add);
    if (half !== undefined) return fieldPattern(info, half);
  }
  // Needs the end of the input (or the linker).
  if (!info.fixup) {
    if (info.kind === 'imm' || info.kind === 'spr' || isRegisterKind(info.kind)) {
      const what = KIND_NAME[info.kind] ?? 'a value';
      const sym = value?.plus[0]?.sym ?? value?.minus[0]?.sym;
      if (sym && sym.kind === 'undef') return new OperandError(`operand of '${v.mnemonic}' must be ${what}: symbol '${sym.name}' is not defined`, col);
      return new OperandError(`operand of '${v.mnemonic}' must be ${what} known at this point`, col);
    }
  }
  return op;
}

function isRegisterKind(k: string): boolean {
  return k === 'gpr' || k === 'gpr0' || k === 'fpr' || k === 'vr' || k === 'vsr' || k === 'crf' || k === 'crbit';
}

function regName(c: RegClass): string {
  return { gpr: 'general', fpr: 'floating-point', vr: 'vector', vsr: 'VSX', cr: 'condition', spr: 'special' }[c];
}
