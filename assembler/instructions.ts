/**
 * Instruction statements: choose the table row for a mnemonic and its written operands,
 * evaluate the operands, encode through the shared ISA table, and leave a fixup for any
 * operand whose value is only known at the end (forward references, relocations).
 */
import type { Assembler } from './assembler.js';
import { ExprError, splitTopLevel, type Operand, type RegClass } from './expr.js';
import { EvalError, NotYet, evaluate, isAbsolute } from './eval.js';
import { cpuOf, encode, lookup, presentOperands } from '../isa/index.js';
import type { InsnVariant, OperandInfo } from '../isa/types.js';
import { fieldPattern, foldModifier } from './values.js';

/** An operand's text as a span of the statement (no substrings on the hot path). */
interface Piece {
  start: number;
  end: number;
}

interface Parsed {
  values: (bigint | undefined)[];
  /** Column of each written operand (for diagnostics). */
  cols: number[];
  deferred: { index: number; op: Operand; col: number }[];
}

type Attempt = { ok: true; parsed: Parsed } | { ok: false; message: string; col: number; countMatched: boolean };

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
  const pieces = splitTopLevel(text, r);
  // gas's rule: the first row whose operands fit and that encodes; otherwise the first error.
  let best: Extract<Attempt, { ok: false }> | undefined;
  for (const v of variants) {
    if (hint && !v.hintable) {
      best ??= { ok: false, message: `'${mnemonic}' does not take a branch hint`, col, countMatched: true };
      continue;
    }
    const a = tryVariant(as, v, pieces, text, col);
    if (!a.ok) {
      if (!best || (!best.countMatched && a.countMatched)) best = a;
      continue;
    }
    const enc = encode(v, a.parsed.values, { ...(hint ? { hint } : {}), cpu: as.cpu });
    if (enc.ok) {
      emit(as, v, a.parsed, hint, enc.words, col);
      return;
    }
    if (!best || !best.countMatched) best = { ok: false, message: enc.message, col: a.parsed.cols[enc.operand] ?? col, countMatched: true };
  }
  as.error(best!.message, best!.col);
}

function emit(as: Assembler, v: InsnVariant, parsed: Parsed, hint: '+' | '-' | undefined, words: readonly number[], col: number): void {
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
  for (const w of words) chunk.buf.u32(w);
  for (const d of parsed.deferred) {
    const info = v.operands[d.index]!;
    chunk.fixups.push({
      chunk, offset, shape: info.fixup!, expr: d.op.expr, ...(d.op.modifier ? { modifier: d.op.modifier } : {}),
      pcrel: info.kind === 'target' && info.fixup !== 'br24abs' && info.fixup !== 'br14abs',
      insn: { variant: v, values: [...parsed.values], operand: d.index, ...(hint ? { hint } : {}), cpu: as.cpu },
      where: as.where, col: as.absCol(d.col),
    });
  }
}

const isBlank = (c: number): boolean => c === 32 || c === 9;

/** Split "expr(reg)" into the expression and the parenthesised group at its end. */
function splitParens(text: string, p: Piece): { expr: Piece; group: Piece } | undefined {
  let e = p.end;
  while (e > p.start && isBlank(text.charCodeAt(e - 1))) e--;
  if (text.charCodeAt(e - 1) !== 41) return undefined;
  let depth = 0;
  for (let i = e - 1; i >= p.start; i--) {
    const c = text.charCodeAt(i);
    if (c === 41) depth++;
    else if (c === 40 && --depth === 0) return { expr: { start: p.start, end: i }, group: { start: i + 1, end: e - 1 } };
  }
  return undefined;
}

function isEmpty(text: string, p: Piece): boolean {
  for (let i = p.start; i < p.end; i++) if (!isBlank(text.charCodeAt(i))) return false;
  return true;
}

function firstNonBlank(text: string, p: Piece): number {
  let i = p.start;
  while (i < p.end && isBlank(text.charCodeAt(i))) i++;
  return i;
}

/** A plain decimal integer (optionally negative) filling the span, or undefined. */
function plainInteger(text: string, p: Piece): number | undefined {
  let i = firstNonBlank(text, p);
  let neg = false;
  if (text.charCodeAt(i) === 45) {
    neg = true;
    i++;
  }
  const d0 = i;
  let n = 0;
  while (i < p.end) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) break;
    n = n * 10 + (c - 48);
    i++;
  }
  const digits = i - d0;
  if (digits === 0 || digits > 15 || (digits > 1 && text.charCodeAt(d0) === 48)) return undefined;
  while (i < p.end && isBlank(text.charCodeAt(i))) i++;
  return i === p.end ? (neg ? -n : n) : undefined;
}

interface Shape {
  /** Operands written outside parentheses. */
  plain: number;
  optional: boolean;
  allPresent: readonly boolean[];
}

/** Per-row facts the operand matcher needs, computed once per row. */
const shapes = new WeakMap<InsnVariant, Shape>();

function shapeOf(v: InsnVariant): Shape {
  let s = shapes.get(v);
  if (!s) {
    s = { plain: v.operands.filter((o) => !o.parens).length, optional: v.operands.some((o) => o.optional), allPresent: v.operands.map(() => true) };
    shapes.set(v, s);
  }
  return s;
}

function tryVariant(as: Assembler, v: InsnVariant, pieces: Piece[], text: string, col: number): Attempt {
  const ops = v.operands;
  const shape = shapeOf(v);
  // Find how many operands are written: pieces plus the "(RA)" groups among the present operands.
  let present: readonly boolean[] | undefined = !shape.optional && shape.plain === pieces.length ? shape.allPresent : undefined;
  if (!present && shape.optional) for (let count = pieces.length; count <= ops.length; count++) {
    const p = presentOperands(v, count);
    if (!p) continue;
    const written = ops.filter((o, i) => p[i] && !o.parens).length;
    if (written === pieces.length) {
      present = p;
      break;
    }
  }
  if (!present) {
    const min = ops.filter((o) => !o.optional && !o.parens).length;
    const max = ops.filter((o) => !o.parens).length;
    const range = min === max ? `${min}` : `${min} to ${max}`;
    return { ok: false, message: `'${v.mnemonic}' takes ${range} operand${max === 1 ? '' : 's'}, ${pieces.length} given`, col, countMatched: false };
  }
  const values: (bigint | undefined)[] = new Array<bigint | undefined>(ops.length);
  const deferred: Parsed['deferred'] = [];
  const cols: number[] = [];
  let pi = 0;
  let pendingGroup: Piece | undefined;
  for (let i = 0; i < ops.length; i++) {
    if (!present[i]) continue;
    const info = ops[i]!;
    let piece: Piece;
    if (info.parens) {
      if (!pendingGroup) return { ok: false, message: `operand ${i + 1} of '${v.mnemonic}' must be written as D(RA)`, col, countMatched: true };
      piece = pendingGroup;
      pendingGroup = undefined;
    } else {
      piece = pieces[pi++]!;
      const next = nextPresent(ops, present, i);
      if (next && next.parens) {
        const split = splitParens(text, piece);
        if (!split || isEmpty(text, split.expr)) {
          return { ok: false, message: `expected D(RA) for operand ${pi} of '${v.mnemonic}', found '${text.slice(piece.start, piece.end).trim()}'`, col: piece.start + 1, countMatched: true };
        }
        piece = split.expr;
        pendingGroup = split.group;
      }
    }
    const r = operandValue(as, v, info, piece, text);
    if ('message' in r) return { ok: false, message: r.message, col: r.col, countMatched: true };
    cols[i] = firstNonBlank(text, piece) + 1;
    if (r.deferred) deferred.push({ index: i, op: r.deferred, col: cols[i] });
    values[i] = r.value;
  }
  return { ok: true, parsed: { values, cols, deferred } };
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

function operandValue(
  as: Assembler,
  v: InsnVariant,
  info: OperandInfo,
  piece: Piece,
  text: string,
): { value: bigint; deferred?: Operand } | { message: string; col: number } {
  if (info.kind !== 'target') {
    const n = plainInteger(text, piece);
    if (n !== undefined) return { value: BigInt(n) }; // the common case, without the parser
  }
  const isCr = info.kind === 'crf' || info.kind === 'crbit';
  as.crContext = isCr;
  let op: Operand;
  const end = piece.end;
  try {
    const p = as.parser(text, piece.start, end);
    op = p.operand();
    if (!p.atEnd()) return { message: `junk in operand: '${text.slice(p.pos, end).trim()}'`, col: p.pos + 1 };
  } catch (e) {
    if (e instanceof ExprError) return { message: e.message, col: e.col };
    throw e;
  } finally {
    as.crContext = false;
  }
  const col = piece.start + 1;
  const e = op.expr;
  if (e.k === 'num' && e.reg) {
    const ok = REG_OK[info.kind];
    if (!ok || !ok.includes(e.reg)) {
      return { message: `invalid operand: ${KIND_NAME[info.kind] ?? 'a value'} is expected here, not a ${regName(e.reg)} register`, col };
    }
  }
  if (e.k === 'num' && !op.modifier && info.kind !== 'target') return { value: e.v }; // the common case
  let value: ReturnType<typeof evaluate> | undefined;
  try {
    value = evaluate(e, 'now');
  } catch (err) {
    if (err instanceof EvalError) return { message: err.message, col: err.col ?? col };
    if (!(err instanceof NotYet)) throw err;
  }
  if (value && isAbsolute(value) && info.kind !== 'target') {
    if (!op.modifier) return { value: value.add };
    const half = foldModifier(op.modifier, value.add);
    if (half !== undefined) return { value: fieldPattern(info, half) };
  }
  // Needs the end of the input (or the linker).
  if (!info.fixup) {
    if (info.kind === 'imm' || info.kind === 'spr' || isRegisterKind(info.kind)) {
      const what = KIND_NAME[info.kind] ?? 'a value';
      const sym = value?.plus[0]?.sym ?? value?.minus[0]?.sym;
      if (sym && sym.kind === 'undef') return { message: `operand of '${v.mnemonic}' must be ${what}: symbol '${sym.name}' is not defined`, col };
      return { message: `operand of '${v.mnemonic}' must be ${what} known at this point`, col };
    }
  }
  return { value: 0n, deferred: op };
}

function isRegisterKind(k: string): boolean {
  return k === 'gpr' || k === 'gpr0' || k === 'fpr' || k === 'vr' || k === 'vsr' || k === 'crf' || k === 'crbit';
}

function regName(c: RegClass): string {
  return { gpr: 'general', fpr: 'floating-point', vr: 'vector', vsr: 'VSX', cr: 'condition', spr: 'special' }[c];
}
