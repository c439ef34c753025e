/**
 * gas expressions: parsing (with gas's operator precedence, which is not C's) and
 * evaluation to an absolute value, a section-relative position, or a relocatable
 * value (symbol + addend).
 *
 * gas precedence, highest first (binutils expr.c ranks; checked against GNU as):
 *   unary  - ~ ! +
 *   9      * / % << >>
 *   8      | & ^ !        ("!" binary is or-not)   <- so `A & ~(B|C)` with an unparenthesised
 *                                                     macro A = `X | Y` is (X|Y)&~(B|C) ... left to right
 *   6      + -
 *   5      == != <> < <= > >=   (true is -1, false 0)
 *   3      &&                   (result 1 or 0)
 *   2      ||
 * Binary operators of one rank associate to the left. `>>` is a logical shift of the
 * 64-bit value; `/` and `%` are signed and truncate toward zero.
 */
import type { Chunk, Sym } from './symbols.js';
import { smallBigInt } from './values.js';

export type Modifier =
  | 'l' | 'h' | 'ha' | 'high' | 'higha' | 'higher' | 'highera' | 'highest' | 'highesta'
  | 'toc' | 'toc@l' | 'toc@h' | 'toc@ha' | 'tocbase'
  | 'got' | 'got@l' | 'got@h' | 'got@ha'
  | 'plt' | 'pcrel' | 'notoc' | 'local';

const MODIFIERS: ReadonlySet<string> = new Set<Modifier>([
  'l', 'h', 'ha', 'high', 'higha', 'higher', 'highera', 'highest', 'highesta',
  'toc', 'toc@l', 'toc@h', 'toc@ha', 'tocbase', 'got', 'got@l', 'got@h', 'got@ha', 'plt', 'pcrel', 'notoc', 'local',
]);

export type RegClass = 'gpr' | 'fpr' | 'vr' | 'vsr' | 'cr' | 'spr';

export type Expr =
  | { readonly k: 'num'; readonly v: bigint; readonly reg?: RegClass }
  | { readonly k: 'sym'; readonly sym: Sym; readonly col: number }
  | { readonly k: 'pos'; readonly chunk: Chunk; readonly offset: number }
  | { readonly k: 'un'; readonly op: string; readonly a: Expr }
  | { readonly k: 'bin'; readonly op: string; readonly a: Expr; readonly b: Expr };

/** A parsed operand: expression, optional @modifier and an addend written after it. */
export interface Operand {
  readonly expr: Expr;
  readonly modifier?: Modifier;
  readonly start: number;
  readonly end: number;
}

/** What the parser needs from the assembler. */
export interface ParseEnv {
  /** The symbol of that name (created undefined on first reference). */
  symbol(name: string): Sym;
  /**
   * An expression for a reference to `name`: normally a symbol node; for a symbol that
   * .set/= defined, a snapshot of its current value (gas captures it, so a later .set of
   * the same name does not change earlier references).
   */
  reference(name: string, col: number): Expr;
  /** The symbol a numeric local label reference `Nb`/`Nf` denotes. */
  localLabel(n: number, forward: boolean): Sym;
  /** The current location (for `.`). */
  here(): { chunk: Chunk; offset: number };
  /** Register names (`%r3` always; `r3` with -mregnames; `cr2` where CR operands are allowed). */
  register(name: string, percent: boolean): { v: number; cls: RegClass } | undefined;
}

export class ExprError extends Error {
  constructor(message: string, readonly col: number) {
    super(message);
  }
}

const RANK: Record<string, number> = {
  '*': 9, '/': 9, '%': 9, '<<': 9, '>>': 9,
  '|': 8, '&': 8, '^': 8, '!': 8,
  '+': 6, '-': 6,
  '==': 5, '!=': 5, '<>': 5, '<': 5, '<=': 5, '>': 5, '>=': 5,
  '&&': 3, '||': 2,
};

const enum C {
  Space = 32, Tab = 9, Bang = 33, Quote = 34, Dollar = 36, Percent = 37, Amp = 38, Apos = 39,
  LParen = 40, RParen = 41, Star = 42, Plus = 43, Comma = 44, Minus = 45, Dot = 46, Slash = 47,
  D0 = 48, D7 = 55, D9 = 57, Lt = 60, Eq = 61, Gt = 62, At = 64, A = 65, Z = 90,
  Backslash = 92, Caret = 94, Underscore = 95, a = 97, f = 102, z = 122, Pipe = 124, Tilde = 126,
}

/** Character classes for symbol names: 1 = may start a name, 2 = may continue one. */
const NAME = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  const start = (c >= C.a && c <= C.z) || (c >= C.A && c <= C.Z) || c === C.Underscore || c === C.Dot || c === C.Dollar;
  NAME[c] = start ? 3 : c >= C.D0 && c <= C.D9 ? 2 : 0;
}

export function isIdentStart(c: number): boolean {
  return c < 128 && c >= 0 && (NAME[c]! & 1) !== 0;
}
export function isIdentChar(c: number): boolean {
  return c < 128 && c >= 0 && NAME[c] !== 0;
}
const isDigit = (c: number): boolean => c >= C.D0 && c <= C.D9;

/** N when text[start, end) is exactly crN (any case, N = 0..7), else -1. */
export function crFieldNumber(text: string, start: number, end: number): number {
  if (end - start !== 3 || (text.charCodeAt(start) | 0x20) !== 99 /* c */ || (text.charCodeAt(start + 1) | 0x20) !== 114 /* r */) return -1;
  const d = text.charCodeAt(start + 2) - 48;
  return d >= 0 && d <= 7 ? d : -1;
}

/** The value of a hex digit's character code, or -1. */
function hexDigit(c: number): number {
  if (c >= C.D0 && c <= C.D9) return c - C.D0;
  const l = c | 0x20;
  return l >= C.a && l <= C.f ? l - C.a + 10 : -1;
}

/**
 * Constant arithmetic filling text[start, end) — decimal and 0x numbers, unary and binary + and
 * -, *, parentheses: what cpp leaves of `VCPU_GPR(8)` or `GPR0+8*(20)` — as a number, without
 * building an expression (the assembler's operand fast path). NaN for anything else (a symbol,
 * another operator, a number the parser reads its own way such as 010 or 1b, an intermediate
 * beyond ±2^53, nesting deeper than 32), which the parser then handles; otherwise exactly the
 * value ExprParser and evaluate() give (test/assembler/arith-differential.test.ts holds both to
 * GNU as).
 */
export function constantArithmetic(text: string, start: number, end: number): number {
  cText = text;
  cPos = start;
  cEnd = end;
  cDepth = 0;
  const v = cSum();
  cSkip();
  return cPos === cEnd && v === v ? v + 0 /* no -0 */ : NaN;
}

let cText = '';
let cPos = 0;
let cEnd = 0;
/** Parentheses and unary signs open; deep nesting is left to the parser (and its limits). */
let cDepth = 0;

function cSkip(): void {
  while (cPos < cEnd && (cText.charCodeAt(cPos) === C.Space || cText.charCodeAt(cPos) === C.Tab)) cPos++;
}

function cSum(): number {
  let v = cProduct();
  for (;;) {
    cSkip();
    const c = cText.charCodeAt(cPos);
    if (cPos >= cEnd || (c !== C.Plus && c !== C.Minus) || v !== v) return v;
    cPos++;
    const r = cProduct();
    v = c === C.Plus ? v + r : v - r;
    if (!Number.isSafeInteger(v)) return NaN;
  }
}

function cProduct(): number {
  let v = cUnary();
  for (;;) {
    cSkip();
    if (cPos >= cEnd || cText.charCodeAt(cPos) !== C.Star || v !== v) return v;
    cPos++;
    v *= cUnary();
    if (!Number.isSafeInteger(v)) return NaN;
  }
}

function cUnary(): number {
  cSkip();
  if (cPos >= cEnd) return NaN;
  const c = cText.charCodeAt(cPos);
  if ((c === C.Minus || c === C.Plus || c === C.LParen) && ++cDepth > 32) return NaN;
  if (c === C.Minus || c === C.Plus) {
    cPos++;
    const v = cUnary();
    return c === C.Minus ? -v : v;
  }
  if (c === C.LParen) {
    cPos++;
    const v = cSum();
    cSkip();
    if (cText.charCodeAt(cPos) !== C.RParen || cPos >= cEnd) return NaN;
    cPos++;
    return v;
  }
  if (!isDigit(c)) return NaN;
  const d0 = cPos;
  let v = 0;
  if (c === C.D0 && (cText.charCodeAt(cPos + 1) | 0x20) === 120 /* x */ && cPos + 2 < cEnd) {
    cPos += 2;
    const h0 = cPos;
    for (; cPos < cEnd; cPos++) {
      const h = hexDigit(cText.charCodeAt(cPos));
      if (h < 0) break;
      v = v * 16 + h;
    }
    if (cPos === h0 || cPos - h0 > 13) return NaN;
  } else {
    for (; cPos < cEnd; cPos++) {
      const d = cText.charCodeAt(cPos);
      if (!isDigit(d)) break;
      v = v * 10 + (d - C.D0);
    }
    if (cPos - d0 > 15 || (cPos - d0 > 1 && c === C.D0)) return NaN;
  }
  // 1b, 2f, 0x10h...: a label reference or a form only the parser knows.
  if (cPos < cEnd && isIdentChar(cText.charCodeAt(cPos))) return NaN;
  return v;
}

/**
 * A cursor-based parser over one statement's text. `pos` is left just after what was
 * parsed, so callers can continue with `(RA)` or `,`.
 */
export class ExprParser {
  pos: number;
  /** Parsing stops here (an operand's end inside a longer statement). */
  end: number;
  constructor(public s: string, start: number, private readonly env: ParseEnv, end = -1) {
    this.pos = start;
    this.end = end < 0 ? s.length : end;
  }

  /** Parse another text with this parser (instruction operands reuse one instead of making one each). */
  reset(s: string, start: number, end: number): this {
    this.s = s;
    this.pos = start;
    this.end = end;
    return this;
  }

  skipSpace(): void {
    const s = this.s;
    let p = this.pos;
    while (p < this.end) {
      const c = s.charCodeAt(p);
      if (c !== C.Space && c !== C.Tab) break;
      p++;
    }
    this.pos = p;
  }

  peek(): number {
    this.skipSpace();
    return this.pos < this.end ? this.s.charCodeAt(this.pos) : -1;
  }

  atEnd(): boolean {
    return this.peek() === -1;
  }

  /** operand := expr [ '@' modifier [ ('+'|'-') expr ] ] */
  operand(): Operand {
    this.skipSpace();
    const start = this.pos;
    let expr = this.expr();
    let modifier: Modifier | undefined;
    if (this.peek() === C.At) {
      modifier = this.modifier();
      const c = this.peek();
      if (c === C.Plus || c === C.Minus) {
        // gas allows an addend after the suffix: sym@l+8
        this.pos++;
        const rhs = this.expr();
        expr = { k: 'bin', op: c === C.Plus ? '+' : '-', a: expr, b: rhs };
      }
    }
    return modifier ? { expr, modifier, start, end: this.pos } : { expr, start, end: this.pos };
  }

  private modifier(): Modifier {
    const s = this.s;
    const at = this.pos;
    let p = at;
    let text = '';
    // Modifiers may chain: toc@ha, got@l.
    while (s.charCodeAt(p) === C.At) {
      let q = p + 1;
      while (q < this.end && isIdentChar(s.charCodeAt(q))) q++;
      const word = s.slice(p + 1, q).toLowerCase();
      const candidate = text ? `${text}@${word}` : word;
      if (!MODIFIERS.has(candidate)) {
        if (text) break;
        throw new ExprError(`unknown relocation modifier '@${word}'`, at + 1);
      }
      text = candidate;
      p = q;
    }
    this.pos = p;
    return text as Modifier;
  }

  expr(minRank = 0): Expr {
    let left = this.unary();
    for (;;) {
      const op = this.binaryOp();
      if (!op) return left;
      const rank = RANK[op]!;
      if (rank <= minRank) return left;
      this.pos += op.length;
      const right = this.expr(rank);
      left = fold({ k: 'bin', op, a: left, b: right });
    }
  }

  private binaryOp(): string | undefined {
    const c = this.peek();
    const d = this.pos + 1 < this.end ? this.s.charCodeAt(this.pos + 1) : -1;
    switch (c) {
      case C.Star: return '*';
      case C.Slash: return '/';
      case C.Percent: return '%';
      case C.Plus: return '+';
      case C.Minus: return '-';
      case C.Caret: return '^';
      case C.Pipe: return d === C.Pipe ? '||' : '|';
      case C.Amp: return d === C.Amp ? '&&' : '&';
      case C.Bang: return d === C.Eq ? '!=' : '!';
      case C.Eq: return d === C.Eq ? '==' : undefined;
      case C.Lt: return d === C.Lt ? '<<' : d === C.Eq ? '<=' : d === C.Gt ? '<>' : '<';
      case C.Gt: return d === C.Gt ? '>>' : d === C.Eq ? '>=' : '>';
      default: return undefined;
    }
  }

  private unary(): Expr {
    const c = this.peek();
    if (c === C.Minus || c === C.Tilde || c === C.Bang || c === C.Plus) {
      this.pos++;
      const a = this.unary();
      if (c === C.Plus) return a;
      return fold({ k: 'un', op: String.fromCharCode(c), a });
    }
    return this.primary();
  }

  private primary(): Expr {
    const s = this.s;
    const c = this.peek();
    const start = this.pos;
    if (c === -1) throw new ExprError('missing operand', start + 1);
    if (c === C.LParen) {
      this.pos++;
      const e = this.expr();
      if (this.peek() !== C.RParen) throw new ExprError("missing ')'", this.pos + 1);
      this.pos++;
      return e;
    }
    if (isDigit(c)) return this.number();
    if (c === C.Apos) {
      // 'c — a character constant (gas does not need a closing quote)
      let p = this.pos + 1;
      if (p >= this.end) throw new ExprError('missing character after quote', p);
      let v: number;
      if (s.charCodeAt(p) === C.Backslash) {
        const r = readEscape(s, p + 1);
        v = r.value;
        p = r.end;
      } else {
        v = s.charCodeAt(p);
        p++;
      }
      if (s.charCodeAt(p) === C.Apos) p++;
      this.pos = p;
      return { k: 'num', v: BigInt(v) };
    }
    if (c === C.Percent) {
      // %r3, %f1, %cr2 ...
      let p = this.pos + 1;
      while (p < this.end && isIdentChar(s.charCodeAt(p))) p++;
      const name = s.slice(this.pos + 1, p);
      const r = this.env.register(name, true);
      if (!r) throw new ExprError(`invalid register name '%${name}'`, start + 1);
      this.pos = p;
      return { k: 'num', v: BigInt(r.v), reg: r.cls };
    }
    if (isIdentStart(c)) {
      let p = this.pos + 1;
      while (p < this.end && isIdentChar(s.charCodeAt(p))) p++;
      const name = s.slice(this.pos, p);
      this.pos = p;
      if (name === '.') {
        const h = this.env.here();
        return { k: 'pos', chunk: h.chunk, offset: h.offset };
      }
      const r = this.env.register(name, false);
      if (r) return { k: 'num', v: BigInt(r.v), reg: r.cls };
      return this.env.reference(name, start + 1);
    }
    if (c === C.Quote) {
      // A quoted symbol name.
      let p = this.pos + 1;
      while (p < this.end && s.charCodeAt(p) !== C.Quote) p++;
      if (p >= this.end) throw new ExprError('unterminated quoted symbol name', start + 1);
      const name = s.slice(this.pos + 1, p);
      this.pos = p + 1;
      return { k: 'sym', sym: this.env.symbol(name), col: start + 1 };
    }
    throw new ExprError(`unexpected character '${s[this.pos]}' in expression`, start + 1);
  }

  private number(): Expr {
    const s = this.s;
    const start = this.pos;
    let p = start;
    // Fast path: a plain decimal number (the common case) without building a substring.
    let n = 0;
    while (p < this.end) {
      const c = s.charCodeAt(p);
      if (c < C.D0 || c > C.D9) break;
      n = n * 10 + (c - C.D0);
      p++;
    }
    if ((p >= this.end || !isIdentChar(s.charCodeAt(p))) && p - start < 16 && (p - start === 1 || s.charCodeAt(start) !== C.D0)) {
      this.pos = p;
      return { k: 'num', v: smallBigInt(n) };
    }
    p = start;
    while (p < this.end && isIdentChar(s.charCodeAt(p))) p++;
    this.pos = p;
    // Hex of up to 16 digits (0x180, 0xc5d4d12700001002), read without a substring or a
    // regex: up to 13 digits are exact in a double; longer ones are split in two halves.
    if (p - start > 2 && p - start <= 18 && s.charCodeAt(start) === C.D0 && (s.charCodeAt(start + 1) | 0x20) === 120 /* x */) {
      const digits = p - start - 2;
      const split = digits > 13 ? p - 8 : p;
      let hi = 0;
      let lo = 0;
      let q = start + 2;
      for (; q < p; q++) {
        const d = hexDigit(s.charCodeAt(q));
        if (d < 0) break;
        if (q < split) hi = hi * 16 + d;
        else lo = lo * 16 + d;
      }
      if (q === p) return { k: 'num', v: split === p ? smallBigInt(hi) : (BigInt(hi) << 32n) | BigInt(lo) };
    }
    const text = s.slice(start, p);
    // Numeric local label references: 1b, 12f. (0b101 is binary and 0x1f hex: they do not
    // match, because the label form is digits followed by exactly one b/f.)
    if (/^[0-9]+[bfBF]$/.test(text)) {
      const forward = (text.charCodeAt(text.length - 1) | 0x20) === C.f;
      return { k: 'sym', sym: this.env.localLabel(Number(text.slice(0, -1)), forward), col: start + 1 };
    }
    const v = parseGasInteger(text);
    if (v === undefined) throw new ExprError(`invalid number '${text}'`, start + 1);
    if (v >= 1n << 64n) throw new ExprError(`number '${text}' does not fit in 64 bits`, start + 1);
    return { k: 'num', v };
  }
}

/**
 * Index of the last character of a character constant whose quote is at `i`: `'c`,
 * `'\n`, and the same with an optional closing quote (`'c'`), as gas accepts.
 */
export function charConstEnd(s: string, i: number): number {
  let p = i + 1;
  if (s.charCodeAt(p) === 92 /* \ */) p = readEscape(s, p + 1).end - 1;
  if (s.charCodeAt(p + 1) === 39) p++;
  return Math.min(p, s.length - 1);
}

/**
 * Operand spans of a statement from `r`: split at commas outside parentheses, strings and
 * character constants. No spans for blank operand text.
 */
export function splitTopLevel(text: string, r: number): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  let depth = 0;
  let start = r;
  let any = false;
  for (let i = r; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c !== C.Space && c !== C.Tab) any = true;
    if (c === C.Quote) {
      i++;
      while (i < text.length && text.charCodeAt(i) !== C.Quote) i += text.charCodeAt(i) === C.Backslash ? 2 : 1;
    } else if (c === C.Apos) i = charConstEnd(text, i);
    else if (c === C.LParen) depth++;
    else if (c === C.RParen) depth--;
    else if (c === C.Comma && depth === 0) {
      out.push({ start, end: i });
      start = i + 1;
    }
  }
  if (any) out.push({ start, end: text.length });
  return out;
}

/** gas integer syntax: 0x/0X hex, 0b/0B binary, leading 0 octal, else decimal. */
export function parseGasInteger(text: string): bigint | undefined {
  if (/^0[xX][0-9a-fA-F]+$/.test(text)) return BigInt(text);
  if (/^0[bB][01]+$/.test(text)) return BigInt(text);
  if (/^0[0-7]+$/.test(text)) return BigInt('0o' + text.slice(1));
  if (/^[0-9]+$/.test(text)) return BigInt(text);
  return undefined;
}

/** A C-style escape after a backslash at `p`; returns its value and the index after it. */
export function readEscape(s: string, p: number): { value: number; end: number } {
  const c = s.charCodeAt(p);
  switch (c) {
    case 110: return { value: 10, end: p + 1 }; // n
    case 116: return { value: 9, end: p + 1 }; // t
    case 114: return { value: 13, end: p + 1 }; // r
    case 98: return { value: 8, end: p + 1 }; // b
    case 102: return { value: 12, end: p + 1 }; // f
    case 118: return { value: 11, end: p + 1 }; // v
    case 97: return { value: 7, end: p + 1 }; // a
    case 120: { // x: hex digits
      let q = p + 1;
      let v = 0;
      while (q < s.length && /[0-9a-fA-F]/.test(s[q]!)) v = (v * 16 + parseInt(s[q++]!, 16)) & 0xff;
      return { value: v, end: q };
    }
    default:
      if (c >= C.D0 && c <= C.D7) {
        let q = p;
        let v = 0;
        while (q < s.length && q < p + 3 && s.charCodeAt(q) >= C.D0 && s.charCodeAt(q) <= C.D7) v = v * 8 + (s.charCodeAt(q++) - C.D0);
        return { value: v & 0xff, end: q };
      }
      return { value: Number.isNaN(c) ? 92 : c, end: p + 1 };
  }
}

// ---------------------------------------------------------------------------------------
// Evaluation

const M64 = (1n << 64n) - 1n;
const wrap = (v: bigint): bigint => BigInt.asIntN(64, v);

/** Fold constant sub-trees at parse time (most operands are constants). */
function fold(e: Expr): Expr {
  if (e.k === 'un' && e.a.k === 'num') return { k: 'num', v: applyUnary(e.op, e.a.v) };
  if (e.k === 'bin' && e.a.k === 'num' && e.b.k === 'num') {
    const v = applyBinary(e.op, e.a.v, e.b.v);
    if (v !== undefined) return { k: 'num', v };
  }
  return e;
}

function applyUnary(op: string, a: bigint): bigint {
  switch (op) {
    case '-': return wrap(-a);
    case '~': return wrap(~a);
    default: return a === 0n ? 1n : 0n; // '!'
  }
}

/** Binary operation on absolute values; undefined for division by zero. */
export function applyBinary(op: string, a: bigint, b: bigint): bigint | undefined {
  a = wrap(a);
  b = wrap(b);
  switch (op) {
    case '*': return wrap(a * b);
    case '/': return b === 0n ? undefined : wrap(a / b);
    case '%': return b === 0n ? undefined : wrap(a % b);
    case '<<': return b >= 64n || b < 0n ? 0n : wrap(a << b);
    case '>>': return b >= 64n || b < 0n ? 0n : wrap((a & M64) >> b);
    case '|': return wrap(a | b);
    case '&': return wrap(a & b);
    case '^': return wrap(a ^ b);
    case '!': return wrap(a | ~b);
    case '+': return wrap(a + b);
    case '-': return wrap(a - b);
    case '==': return a === b ? -1n : 0n;
    case '!=': case '<>': return a !== b ? -1n : 0n;
    case '<': return a < b ? -1n : 0n;
    case '<=': return a <= b ? -1n : 0n;
    case '>': return a > b ? -1n : 0n;
    case '>=': return a >= b ? -1n : 0n;
    case '&&': return a !== 0n && b !== 0n ? 1n : 0n;
    case '||': return a !== 0n || b !== 0n ? 1n : 0n;
    default: return undefined;
  }
}
