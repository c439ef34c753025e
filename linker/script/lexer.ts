/**
 * Linker-script scanner. Like GNU ld's, it is modal: in *name* mode (section and file patterns,
 * output section names) `*`, `?`, `[`, `/`, `-` are part of names; in *expr* mode they are
 * operators. The parser asks for the mode it needs at each position.
 */
import type { Location } from '../../common/diagnostics.js';

export type TokenKind = 'name' | 'num' | 'str' | 'op' | 'eof' | 'bad';
export type LexMode = 'name' | 'expr';

export interface Token {
  kind: TokenKind;
  text: string;
  /** Numeric value for 'num'. */
  value?: bigint;
  start: number;
  end: number;
  /** For 'bad' tokens: what is wrong. */
  error?: string;
}

const OPS = ['<<=', '>>=', '+=', '-=', '*=', '/=', '&=', '|=', '^=', '==', '!=', '<=', '>=', '<<', '>>', '&&', '||',
  '+', '-', '*', '/', '%', '<', '>', '&', '|', '^', '!', '~', '?', ':', '=', '(', ')', '{', '}', ';', ','];
/** The operators by their characters' codes (longest match wins, as in the list above). */
const OPS_BY_CODES = new Map<number, string>(OPS.map((op) => [opKey(op, 0, op.length), op]));

function opKey(text: string, pos: number, n: number): number {
  let k = 0;
  for (let i = 0; i < n; i++) k = k * 128 + (text.charCodeAt(pos + i) & 0x7f) + 1;
  return k;
}

/** The operator at `pos`, if any. */
function opAt(src: string, pos: number): string | undefined {
  for (let n = 3; n >= 1; n--) {
    if (pos + n > src.length) continue;
    const op = OPS_BY_CODES.get(opKey(src, pos, n));
    // The key ignores the top bit of each code: confirm the match.
    if (op !== undefined && src.startsWith(op, pos)) return op;
  }
  return undefined;
}

const isSpace = (c: number): boolean => c === 32 || c === 9 || c === 10 || c === 13 || c === 12 || c === 11;
const isDigit = (c: number): boolean => c >= 48 && c <= 57;
const isAlpha = (c: number): boolean => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
const isIdentStart = (c: number): boolean => isAlpha(c) || c === 95 /* _ */ || c === 46 /* . */ || c === 36 /* $ */;
const isIdentPart = (c: number): boolean => isIdentStart(c) || isDigit(c);
/** Characters that end a name in name mode. */
const NAME_STOP = new Set([...'(){};,="\':<>&|'].map((ch) => ch.charCodeAt(0)));

export class SourceText {
  private lineStarts?: number[];
  constructor(readonly file: string, readonly text: string) {}

  /** 1-based line and column of an offset, computed on demand. */
  loc(offset: number): Location {
    if (!this.lineStarts) {
      const starts = [0];
      for (let i = 0; i < this.text.length; i++) if (this.text.charCodeAt(i) === 10) starts.push(i + 1);
      this.lineStarts = starts;
    }
    const ls = this.lineStarts;
    let lo = 0;
    let hi = ls.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (ls[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { file: this.file, line: lo + 1, col: offset - ls[lo]! + 1 };
  }
}

/** Skip blanks and comments; returns the new position, or an error token for an open comment. */
function skipBlanks(src: string, pos: number): number | Token {
  for (;;) {
    while (pos < src.length && isSpace(src.charCodeAt(pos))) pos++;
    if (src.startsWith('/*', pos)) {
      const end = src.indexOf('*/', pos + 2);
      if (end < 0) return { kind: 'bad', text: '/*', start: pos, end: src.length, error: 'unterminated comment' };
      pos = end + 2;
      continue;
    }
    return pos;
  }
}

function scanNumber(src: string, start: number): Token {
  let pos = start;
  let digits: string;
  let radix = 10;
  if ((src[pos] === '0' && (src[pos + 1] === 'x' || src[pos + 1] === 'X'))) {
    pos += 2;
    const s = pos;
    while (pos < src.length && /[0-9a-fA-F]/.test(src[pos]!)) pos++;
    digits = src.slice(s, pos);
    radix = 16;
  } else {
    const s = pos;
    while (pos < src.length && isDigit(src.charCodeAt(pos))) pos++;
    digits = src.slice(s, pos);
    if (digits.length > 1 && digits.startsWith('0')) radix = 8;
  }
  let mult = 1n;
  if (src[pos] === 'K' || src[pos] === 'k') {
    mult = 1024n;
    pos++;
  } else if (src[pos] === 'M' || src[pos] === 'm') {
    mult = 1024n * 1024n;
    pos++;
  }
  // A number glued to identifier characters ("0x12g", "12ab") is a mistake, not two tokens.
  if (pos < src.length && isIdentPart(src.charCodeAt(pos)) && src[pos] !== '.') {
    let e = pos;
    while (e < src.length && isIdentPart(src.charCodeAt(e))) e++;
    return { kind: 'bad', text: src.slice(start, e), start, end: e, error: `invalid number '${src.slice(start, e)}'` };
  }
  if (digits === '' || (radix === 8 && /[89]/.test(digits))) {
    return { kind: 'bad', text: src.slice(start, pos), start, end: pos, error: `invalid number '${src.slice(start, pos)}'` };
  }
  let v = 0n;
  const R = BigInt(radix);
  for (const ch of digits) v = v * R + BigInt(parseInt(ch, radix));
  return { kind: 'num', text: src.slice(start, pos), value: v * mult, start, end: pos };
}

/** The token at `pos` in the given mode. */
export function scan(src: string, pos0: number, mode: LexMode): Token {
  const p = skipBlanks(src, pos0);
  if (typeof p !== 'number') return p;
  const pos = p;
  if (pos >= src.length) return { kind: 'eof', text: '', start: pos, end: pos };
  const c = src.charCodeAt(pos);
  if (c === 34 /* " */) {
    const end = src.indexOf('"', pos + 1);
    const nl = src.indexOf('\n', pos + 1);
    if (end < 0 || (nl >= 0 && nl < end)) return { kind: 'bad', text: '"', start: pos, end: pos + 1, error: 'unterminated string' };
    return { kind: 'str', text: src.slice(pos + 1, end), start: pos, end: end + 1 };
  }
  if (mode === 'name') {
    let e = pos;
    while (e < src.length) {
      const ch = src.charCodeAt(e);
      if (isSpace(ch) || NAME_STOP.has(ch) || src.startsWith('/*', e)) break;
      e++;
    }
    if (e > pos) return { kind: 'name', text: src.slice(pos, e), start: pos, end: e };
  } else {
    if (isDigit(c)) return scanNumber(src, pos);
    if (isIdentStart(c)) {
      let e = pos + 1;
      while (e < src.length && isIdentPart(src.charCodeAt(e))) e++;
      return { kind: 'name', text: src.slice(pos, e), start: pos, end: e };
    }
  }
  const op = opAt(src, pos);
  if (op !== undefined) return { kind: 'op', text: op, start: pos, end: pos + op.length };
  return { kind: 'bad', text: src[pos]!, start: pos, end: pos + 1, error: `unexpected character '${src[pos]}'` };
}
