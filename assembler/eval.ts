/**
 * Expression evaluation. During the pass (phase 'now') positions are known only
 * relative to their chunk, and symbols may still be defined later; anything that
 * cannot be decided yet raises NotYet and the caller defers to the end of the input.
 * In phase 'final' chunk bases are known and the answer is definite.
 */
import { applyBinary, type Expr } from './expr.js';
import type { Chunk, Sym } from './symbols.js';

/**
 * A position in a chunk (a defined label or `.`; `label` names the symbol when there is one),
 * or a symbol with no position (undefined or common).
 */
export type Term =
  | { readonly chunk: Chunk; readonly offset: number; readonly label?: Sym; readonly sym?: undefined }
  | { readonly sym: Sym; readonly chunk?: undefined; readonly offset?: undefined; readonly label?: undefined };

export interface Value {
  add: bigint;
  plus: Term[];
  minus: Term[];
}

export type Phase = 'now' | 'final';

/** Raised in phase 'now' when the answer depends on what comes later. */
export class NotYet extends Error {
  constructor() {
    super('not yet known');
  }
}

/** A definite error in the expression (reported with the operand's location). */
export class EvalError extends Error {
  constructor(message: string, readonly col?: number) {
    super(message);
  }
}

const MAX_DEPTH = 64;

export function isAbsolute(v: Value): boolean {
  return v.plus.length === 0 && v.minus.length === 0;
}

export function evaluate(e: Expr, phase: Phase, depth = 0): Value {
  switch (e.k) {
    case 'num':
      return { add: e.v, plus: [], minus: [] };
    case 'pos':
      return { add: 0n, plus: [{ chunk: e.chunk, offset: e.offset }], minus: [] };
    case 'sym':
      return symbolValue(e.sym, phase, depth, e.col);
    case 'un': {
      const a = evaluate(e.a, phase, depth);
      if (e.op === '-') return normalize({ add: BigInt.asIntN(64, -a.add), plus: a.minus, minus: a.plus }, phase);
      if (!isAbsolute(a)) notAbsolute(e.op, phase);
      return { add: e.op === '~' ? BigInt.asIntN(64, ~a.add) : a.add === 0n ? 1n : 0n, plus: [], minus: [] };
    }
    case 'bin': {
      const a = evaluate(e.a, phase, depth);
      const b = evaluate(e.b, phase, depth);
      if (e.op === '+') return normalize({ add: BigInt.asIntN(64, a.add + b.add), plus: [...a.plus, ...b.plus], minus: [...a.minus, ...b.minus] }, phase);
      if (e.op === '-') return normalize({ add: BigInt.asIntN(64, a.add - b.add), plus: [...a.plus, ...b.minus], minus: [...a.minus, ...b.plus] }, phase);
      if (!isAbsolute(a) || !isAbsolute(b)) notAbsolute(e.op, phase);
      const v = applyBinary(e.op, a.add, b.add);
      if (v === undefined) throw new EvalError(`division by zero`);
      return { add: v, plus: [], minus: [] };
    }
  }
}

function notAbsolute(op: string, phase: Phase): never {
  if (phase === 'now') throw new NotYet();
  throw new EvalError(`invalid operands for '${op}': the operand is not an absolute value`);
}

function symbolValue(sym: Sym, phase: Phase, depth: number, col: number): Value {
  switch (sym.kind) {
    case 'abs':
      return { add: sym.value, plus: [], minus: [] };
    case 'label':
      return { add: 0n, plus: [{ chunk: sym.chunk!, offset: sym.offset, label: sym }], minus: [] };
    case 'equ': {
      if (depth > MAX_DEPTH) throw new EvalError(`symbol definition loop encountered at '${displayName(sym)}'`, col);
      return evaluate(sym.expr!, phase, depth + 1);
    }
    default:
      return { add: 0n, plus: [{ sym }], minus: [] };
  }
}

export function displayName(sym: Sym): string {
  if (sym.name.charCodeAt(0) === 1) {
    // numeric local label: "\x01<n>\x02<instance>"
    const n = sym.name.slice(1, sym.name.indexOf('\x02'));
    return `${n} (local label)`;
  }
  return sym.name;
}

function samePlace(a: Term, b: Term, phase: Phase): boolean {
  if (a.sym || b.sym) return a.sym !== undefined && a.sym === b.sym;
  return phase === 'final' ? a.chunk!.section === b.chunk!.section : a.chunk === b.chunk;
}

/** Position of a chunk term: chunk-relative in phase 'now', section-relative in 'final'. */
function where(t: Term, phase: Phase): bigint {
  return BigInt(t.offset! + (phase === 'final' ? t.chunk!.base : 0));
}

/** Cancel a positive and a negative term that denote the same place (same chunk, or same section once laid out). */
export function normalize(v: Value, phase: Phase): Value {
  if (v.plus.length === 0 || v.minus.length === 0) return v;
  const plus = [...v.plus];
  const minus: Term[] = [];
  let add = v.add;
  for (const m of v.minus) {
    const i = plus.findIndex((p) => samePlace(p, m, phase));
    if (i < 0) {
      minus.push(m);
      continue;
    }
    const p = plus[i]!;
    plus.splice(i, 1);
    if (!p.sym) add += where(p, phase) - where(m, phase);
  }
  // Two positions in one section but different chunks can still cancel at the end.
  if (phase === 'now' && minus.length > 0 && plus.some((p) => !p.sym && minus.some((m) => !m.sym && m.chunk!.section === p.chunk!.section))) {
    throw new NotYet();
  }
  return { add: BigInt.asIntN(64, add), plus, minus };
}
