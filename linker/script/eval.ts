/**
 * Linker-script expression evaluation. A value carries `abs`: true for plain numbers (and
 * absolute symbols), which GNU ld treats as offsets from the section start when assigned inside an
 * output section; false for addresses (`.`, section-relative symbols, ADDR(), ALIGN()).
 */
import type { Location } from '../../common/diagnostics.js';
import type { Expr } from './ast.js';

export interface Value {
  v: bigint;
  abs: boolean;
}

/** What an expression can ask of the layout in progress. */
export interface EvalEnv {
  dot(): bigint;
  /** A symbol's value; undefined when it is not (yet) defined. */
  symbol(name: string, loc: Location): Value | undefined;
  isDefined(name: string): boolean;
  section(name: string, loc: Location): { addr: bigint; lma: bigint; size: bigint; align: bigint } | undefined;
  region(name: string, loc: Location): { origin: bigint; length: bigint } | undefined;
  sizeofHeaders(): bigint;
  maxPageSize: bigint;
  commonPageSize: bigint;
  dataSegmentAlign(maxPage: bigint, commonPage: bigint): bigint;
  dataSegmentRelroEnd(offset: bigint, exp: bigint): bigint;
  dataSegmentEnd(exp: bigint): bigint;
  /** Report an error (the layout only keeps those of its final pass). */
  error(message: string, loc: Location): void;
}

const M64 = (1n << 64n) - 1n;
const wrap = (v: bigint): bigint => v & M64;
const alignUp = (v: bigint, a: bigint): bigint => (a > 1n ? wrap(((v + a - 1n) / a) * a) : v);

function log2ceil(v: bigint): bigint {
  let n = 0n;
  while (1n << n < v) n++;
  return n;
}

export function evaluate(e: Expr, env: EvalEnv): Value {
  switch (e.k) {
    case 'num':
      return { v: wrap(e.v), abs: true };
    case 'dot':
      return { v: env.dot(), abs: false };
    case 'sym': {
      const s = env.symbol(e.name, e.loc);
      if (!s) {
        env.error(`undefined symbol \`${e.name}' referenced in expression`, e.loc);
        return { v: 0n, abs: true };
      }
      return s;
    }
    case 'un': {
      const a = evaluate(e.a, env);
      const v = e.op === '-' ? -a.v : e.op === '~' ? ~a.v : e.op === '!' ? (a.v === 0n ? 1n : 0n) : a.v;
      return { v: wrap(v), abs: e.op === '!' ? true : a.abs };
    }
    case 'cond': {
      const c = evaluate(e.c, env);
      return c.v !== 0n ? evaluate(e.a, env) : evaluate(e.b, env);
    }
    case 'bin':
      return binary(e.op, evaluate(e.a, env), evaluate(e.b, env), env, e.loc);
    case 'call':
      return call(e, env);
  }
}

function binary(op: string, a: Value, b: Value, env: EvalEnv, loc: Location): Value {
  const sa = BigInt.asIntN(64, a.v);
  const sb = BigInt.asIntN(64, b.v);
  const bool = (x: boolean): Value => ({ v: x ? 1n : 0n, abs: true });
  const abs = a.abs && b.abs;
  switch (op) {
    case '+':
      return { v: wrap(a.v + b.v), abs };
    case '-':
      // The distance between two addresses is a plain number.
      return { v: wrap(a.v - b.v), abs: abs || (!a.abs && !b.abs) };
    case '*':
      return { v: wrap(a.v * b.v), abs };
    case '/':
    case '%':
      if (b.v === 0n) {
        env.error(`division by zero in expression`, loc);
        return { v: 0n, abs };
      }
      return { v: wrap(op === '/' ? a.v / b.v : a.v % b.v), abs };
    case '<<':
      return { v: wrap(a.v << (b.v & 63n)), abs };
    case '>>':
      return { v: a.v >> (b.v & 63n), abs };
    case '&':
      return { v: a.v & b.v, abs };
    case '|':
      return { v: a.v | b.v, abs };
    case '^':
      return { v: a.v ^ b.v, abs };
    case '==':
      return bool(a.v === b.v);
    case '!=':
      return bool(a.v !== b.v);
    case '<':
      return bool(sa < sb);
    case '<=':
      return bool(sa <= sb);
    case '>':
      return bool(sa > sb);
    case '>=':
      return bool(sa >= sb);
    case '&&':
      return bool(a.v !== 0n && b.v !== 0n);
    case '||':
      return bool(a.v !== 0n || b.v !== 0n);
  }
  env.error(`unknown operator '${op}'`, loc);
  return { v: 0n, abs: true };
}

function call(e: Extract<Expr, { k: 'call' }>, env: EvalEnv): Value {
  const arg = (i: number): Value => evaluate(e.args[i]!, env);
  const name = e.name ?? '';
  switch (e.fn) {
    case 'ADDR':
    case 'LOADADDR':
    case 'SIZEOF':
    case 'ALIGNOF': {
      const s = env.section(name, e.loc);
      if (!s) {
        env.error(`undefined section \`${name}' referenced in expression`, e.loc);
        return { v: 0n, abs: true };
      }
      if (e.fn === 'ADDR') return { v: s.addr, abs: false };
      if (e.fn === 'LOADADDR') return { v: s.lma, abs: false };
      return { v: e.fn === 'SIZEOF' ? s.size : s.align, abs: true };
    }
    case 'ORIGIN':
    case 'LENGTH': {
      const r = env.region(name, e.loc);
      if (!r) {
        env.error(`undefined memory region \`${name}' referenced in expression`, e.loc);
        return { v: 0n, abs: true };
      }
      return e.fn === 'ORIGIN' ? { v: r.origin, abs: false } : { v: r.length, abs: true };
    }
    case 'DEFINED':
      return { v: env.isDefined(name) ? 1n : 0n, abs: true };
    case 'CONSTANT':
      return { v: name === 'MAXPAGESIZE' ? env.maxPageSize : env.commonPageSize, abs: true };
    case 'SIZEOF_HEADERS':
      return { v: env.sizeofHeaders(), abs: true };
    case 'ABSOLUTE':
      return { v: arg(0).v, abs: false };
    case 'ALIGN':
    case 'BLOCK':
    case 'NEXT': {
      if (e.args.length === 2) {
        const base = arg(0);
        return { v: alignUp(base.v, arg(1).v), abs: base.abs };
      }
      return { v: alignUp(env.dot(), arg(0).v), abs: false };
    }
    case 'MAX':
    case 'MIN': {
      const a = arg(0);
      const b = arg(1);
      const pickA = e.fn === 'MAX' ? a.v >= b.v : a.v <= b.v;
      return { v: pickA ? a.v : b.v, abs: a.abs && b.abs };
    }
    case 'LOG2CEIL':
      return { v: log2ceil(arg(0).v), abs: true };
    case 'SEGMENT_START':
      return arg(0);
    case 'DATA_SEGMENT_ALIGN':
      return { v: env.dataSegmentAlign(arg(0).v, arg(1).v), abs: false };
    case 'DATA_SEGMENT_RELRO_END':
      return { v: env.dataSegmentRelroEnd(arg(0).v, arg(1).v), abs: false };
    case 'DATA_SEGMENT_END':
      return { v: env.dataSegmentEnd(arg(0).v), abs: false };
    case 'ASSERT': {
      const v = arg(0);
      if (v.v === 0n) env.error(name || 'assertion failed', e.loc);
      return v;
    }
  }
  env.error(`unknown function '${e.fn}'`, e.loc);
  return { v: 0n, abs: true };
}
