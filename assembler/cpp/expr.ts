/**
 * `#if` expression evaluation with C semantics: intmax_t/uintmax_t (64-bit)
 * arithmetic, usual arithmetic conversions (a signed operand meeting an
 * unsigned one becomes unsigned), C precedence, short-circuit evaluation
 * (so `0 && 1/0` is fine), char constants with unsigned `char` as on ppc64.
 *
 * Input is the directive's tokens after macro expansion, with `defined X`
 * and `__has_include(...)` already replaced by 0/1 numbers by the caller.
 */
import {
  AND, AND_AND, CHAR, CLOSE_PAREN, COLON, COMMA, COMPL, DIV, EOF, EQ_EQ, GREATER, GREATER_EQ, LESS, LESS_EQ,
  LSHIFT, MINUS, MOD, MULT, NAME, NOT, NOT_EQ, NUMBER, OPEN_PAREN, OR, OR_OR, PLUS, QUERY, RSHIFT, Tok, WCHAR,
  XOR,
} from './tokens.js';

interface Val {
  /** The value: kept in signed 64-bit range when !u, unsigned 64-bit range when u. */
  v: bigint;
  u: boolean;
}

export type ExprReport = (message: string, tok: Tok, warning?: boolean) => void;

class ExprError extends Error {}

const PREC_COMMA = 1;
const MAX_DEPTH = 1000; // parentheses and unary operators nest by recursion
const PREC_COND = 2;

function binaryPrec(type: number): number {
  switch (type) {
    case COMMA:
      return PREC_COMMA;
    case QUERY:
      return PREC_COND;
    case OR_OR:
      return 3;
    case AND_AND:
      return 4;
    case OR:
      return 5;
    case XOR:
      return 6;
    case AND:
      return 7;
    case EQ_EQ:
    case NOT_EQ:
      return 8;
    case LESS:
    case GREATER:
    case LESS_EQ:
    case GREATER_EQ:
      return 9;
    case LSHIFT:
    case RSHIFT:
      return 10;
    case PLUS:
    case MINUS:
      return 11;
    case MULT:
    case DIV:
    case MOD:
      return 12;
    default:
      return 0;
  }
}

const norm = (v: bigint, u: boolean): Val => ({ v: u ? BigInt.asUintN(64, v) : BigInt.asIntN(64, v), u });

/**
 * Evaluates the tokens (the last one must be EOF). Returns the truth value,
 * or undefined after reporting an error.
 */
export function evaluateIf(toks: readonly Tok[], report: ExprReport): boolean | undefined {
  let pos = 0;
  const peek = (): Tok => toks[pos]!;
  const fail = (message: string, tok: Tok): never => {
    report(message, tok);
    throw new ExprError(message);
  };

  const spell = (t: Tok): string => (t.type === EOF ? 'end of line' : t.text);

  let depth = 0;
  function primary(ev: boolean): Val {
    const t = toks[pos]!;
    if (++depth > MAX_DEPTH) fail('#if expression nested too deeply', t);
    try {
      return primaryInner(ev, t);
    } finally {
      depth--;
    }
  }

  function primaryInner(ev: boolean, t: Tok): Val {
    switch (t.type) {
      case NUMBER:
        pos++;
        return parseNumber(t, report, fail);
      case CHAR:
      case WCHAR:
        pos++;
        return parseChar(t, report, fail);
      case NAME:
        pos++;
        return { v: 0n, u: false };
      case OPEN_PAREN: {
        pos++;
        if (peek().type === CLOSE_PAREN) fail("missing expression between '(' and ')'", peek());
        const v = expr(PREC_COMMA, ev);
        if (peek().type !== CLOSE_PAREN) fail("missing ')' in expression", peek());
        pos++;
        return v;
      }
      case PLUS:
      case MINUS:
      case NOT:
      case COMPL: {
        pos++;
        if (peek().type === EOF) fail(`operator '${t.text}' has no right operand`, t);
        const a = primary(ev);
        if (t.type === PLUS) return a;
        if (t.type === MINUS) return norm(-a.v, a.u);
        if (t.type === NOT) return { v: a.v === 0n ? 1n : 0n, u: false };
        return norm(~a.v, a.u);
      }
      case EOF:
        return fail('#if with no expression', t);
      case CLOSE_PAREN:
        return fail("missing '(' in expression", t);
      default:
        if (binaryPrec(t.type) || t.type === COLON) return fail(`operator '${t.text}' has no left operand`, t);
        return fail(`token "${t.text}" is not valid in preprocessor expressions`, t);
    }
  }

  function expr(minPrec: number, ev: boolean): Val {
    let lhs = primary(ev);
    for (;;) {
      const op = peek();
      const p = binaryPrec(op.type);
      if (p === 0) {
        if (op.type === EOF || op.type === CLOSE_PAREN || op.type === COLON) return lhs;
        if (op.type === NUMBER || op.type === NAME || op.type === CHAR || op.type === WCHAR || op.type === OPEN_PAREN) {
          fail(`missing binary operator before token "${op.text}"`, op);
        }
        fail(`token "${op.text}" is not valid in preprocessor expressions`, op);
      }
      if (p < minPrec) return lhs;
      pos++;
      const nt = peek().type;
      if (nt === EOF || nt === CLOSE_PAREN) fail(`operator '${op.text}' has no right operand`, op);
      if (op.type === QUERY) {
        const cond = lhs.v !== 0n;
        const a = expr(PREC_COMMA, ev && cond);
        if (peek().type !== COLON) fail(`'?' without following ':'`, op);
        pos++;
        const b = expr(PREC_COND, ev && !cond);
        const u = a.u || b.u;
        lhs = norm(cond ? a.v : b.v, u);
        continue;
      }
      if (op.type === AND_AND || op.type === OR_OR) {
        const lt = lhs.v !== 0n;
        const rhs = expr(p + 1, ev && (op.type === AND_AND ? lt : !lt));
        const rt = rhs.v !== 0n;
        lhs = { v: (op.type === AND_AND ? lt && rt : lt || rt) ? 1n : 0n, u: false };
        continue;
      }
      const rhs = expr(p + 1, ev);
      lhs = binary(op, lhs, rhs, ev);
    }
  }

  function binary(op: Tok, a: Val, b: Val, ev: boolean): Val {
    const u = a.u || b.u;
    // Usual arithmetic conversions: reinterpret both as unsigned when either is.
    const x = u ? BigInt.asUintN(64, a.v) : a.v;
    const y = u ? BigInt.asUintN(64, b.v) : b.v;
    switch (op.type) {
      case COMMA:
        return b;
      case PLUS:
        return norm(x + y, u);
      case MINUS:
        return norm(x - y, u);
      case MULT:
        return norm(x * y, u);
      case DIV:
      case MOD:
        if (y === 0n) {
          if (ev) fail('division by zero in #if', op);
          return { v: 0n, u };
        }
        return norm(op.type === DIV ? x / y : x % y, u);
      case OR:
        return norm(x | y, u);
      case XOR:
        return norm(x ^ y, u);
      case AND:
        return norm(x & y, u);
      case EQ_EQ:
        return { v: x === y ? 1n : 0n, u: false };
      case NOT_EQ:
        return { v: x !== y ? 1n : 0n, u: false };
      case LESS:
        return { v: x < y ? 1n : 0n, u: false };
      case GREATER:
        return { v: x > y ? 1n : 0n, u: false };
      case LESS_EQ:
        return { v: x <= y ? 1n : 0n, u: false };
      case GREATER_EQ:
        return { v: x >= y ? 1n : 0n, u: false };
      case LSHIFT:
      case RSHIFT:
        return shift(a, b, op.type === LSHIFT);
      default:
        return fail(`token "${spell(op)}" is not valid in preprocessor expressions`, op);
    }
  }

  try {
    if (peek().type === EOF) {
      report('#if with no expression', peek());
      return undefined;
    }
    const v = expr(PREC_COMMA, true);
    const end = peek();
    if (end.type === CLOSE_PAREN) fail("missing '(' in expression", end);
    if (end.type === COLON) fail("':' without preceding '?'", end);
    if (end.type !== EOF) fail(`missing binary operator before token "${end.text}"`, end);
    return v.v !== 0n;
  } catch (e) {
    if (e instanceof ExprError) return undefined;
    throw e;
  }
}

/** Shifts keep the left operand's signedness; a negative count shifts the other way. */
function shift(a: Val, b: Val, left: boolean): Val {
  let n = b.v;
  if (!b.u && n < 0n) {
    left = !left;
    n = -n;
  }
  if (left) {
    if (n >= 64n) return { v: 0n, u: a.u };
    return norm(a.v << n, a.u);
  }
  if (n >= 64n) return { v: !a.u && a.v < 0n ? -1n : 0n, u: a.u };
  return norm(a.v >> n, a.u);
}

const INT64_MAX = (1n << 63n) - 1n;
const UINT64_MAX = (1n << 64n) - 1n;

function parseNumber(t: Tok, report: ExprReport, fail: (m: string, t: Tok) => never): Val {
  const s = t.text;
  let i = 0;
  let base = 10;
  let digits = '';
  const lower = s.toLowerCase();
  if (lower.startsWith('0x') && s.length > 2 && /[0-9a-f.]/.test(lower[2]!)) {
    base = 16;
    i = 2;
  } else if (lower.startsWith('0b') && s.length > 2 && /[01]/.test(lower[2]!)) {
    base = 2;
    i = 2;
  } else if (s[0] === '0') {
    base = 8;
  }
  const digitRe = base === 16 ? /[0-9a-f]/ : /[0-9]/;
  while (i < s.length && digitRe.test(lower[i]!)) digits += lower[i++];
  const rest = lower.slice(i);
  if (rest.startsWith('.') || (base !== 16 && /^e[+-]?\d/.test(rest)) || (base === 16 && rest.startsWith('p'))) {
    fail('floating constant in preprocessor expression', t);
  }
  const suffix = s.slice(i);
  const unsigned = /u/i.test(suffix);
  if (!/^(u?(l|L|ll|LL)?|(l|L|ll|LL)u)$/i.test(suffix) || /lL|Ll/.test(suffix)) {
    fail(`invalid suffix "${suffix}" on integer constant`, t);
  }
  if (base === 8) {
    const bad = /[89]/.exec(digits);
    if (bad) fail(`invalid digit "${bad[0]}" in octal constant`, t);
  }
  if (base === 2 && /[2-9]/.test(digits)) fail(`invalid digit in binary constant`, t);
  let v = 0n;
  const B = BigInt(base);
  let overflow = false;
  for (const ch of digits) {
    v = v * B + BigInt(parseInt(ch, 16));
    if (v > UINT64_MAX) overflow = true;
  }
  if (overflow) {
    report('integer constant is too large for its type', t, true);
    v = BigInt.asUintN(64, v);
  }
  let u = unsigned;
  // Only a constant that fits becomes unsigned for being large; an overflowed one keeps its signedness (gcc).
  if (!u && !overflow && v > INT64_MAX) {
    if (base === 10 && !overflow) report('integer constant is so large that it is unsigned', t, true);
    u = true;
  }
  return norm(v, u);
}

const SIMPLE_ESCAPES: Record<string, number> = {
  n: 10, t: 9, r: 13, a: 7, b: 8, f: 12, v: 11, e: 27, E: 27, '\\': 92, "'": 39, '"': 34, '?': 63,
};

function parseChar(t: Tok, report: ExprReport, fail: (m: string, t: Tok) => never): Val {
  const wide = t.type === WCHAR;
  const body = t.text.slice(wide ? 2 : 1, -1);
  const units: number[] = [];
  const enc = new TextEncoder();
  for (let i = 0; i < body.length; ) {
    const c = body[i]!;
    if (c !== '\\') {
      const cp = body.codePointAt(i)!;
      const len = cp > 0xffff ? 2 : 1;
      if (wide) units.push(cp);
      else for (const b of enc.encode(body.slice(i, i + len))) units.push(b);
      i += len;
      continue;
    }
    const e = body[i + 1] ?? '';
    if (e in SIMPLE_ESCAPES) {
      units.push(SIMPLE_ESCAPES[e]!);
      i += 2;
    } else if (/[0-7]/.test(e)) {
      let j = i + 1;
      let v = 0;
      while (j < body.length && j < i + 4 && /[0-7]/.test(body[j]!)) v = v * 8 + Number(body[j++]);
      units.push(v);
      i = j;
    } else if (e === 'x') {
      let j = i + 2;
      let v = 0n;
      while (j < body.length && /[0-9a-fA-F]/.test(body[j]!)) v = v * 16n + BigInt(parseInt(body[j++]!, 16));
      if (j === i + 2) fail('\\x used with no following hex digits', t);
      units.push(Number(BigInt.asUintN(wide ? 32 : 8, v)));
      i = j;
    } else {
      report(`unknown escape sequence: '\\${e}'`, t, true);
      units.push(e.charCodeAt(0) || 92);
      i += 2;
    }
  }
  if (units.length === 0) fail('empty character constant', t);
  if (wide) {
    if (units.length > 1) report('character constant too long for its type', t, true);
    return { v: BigInt.asIntN(32, BigInt(units[units.length - 1]!)), u: false };
  }
  if (units.length === 1) return { v: BigInt(units[0]! & 0xff), u: false };
  if (units.length > 4) report('character constant too long for its type', t, true);
  else report('multi-character character constant', t, true);
  let acc = 0n;
  for (const b of units) acc = BigInt.asUintN(32, (acc << 8n) | BigInt(b & 0xff));
  return { v: BigInt.asIntN(32, acc), u: false };
}
