/**
 * Tokenizer for the C subset the offsets generator reads (translation phases 1–3, simplified).
 *
 * Tokens keep their byte span in the file text so that the DEFINE list can quote an expression
 * exactly as written, and line/column for diagnostics. Backslash-newline is treated as plain
 * whitespace between tokens (it only ever appears there in declaration headers). Characters that
 * are no C token become 'other' tokens: the parser reports them where they matter, so a stray
 * character inside `#if 0` is harmless, as in C.
 */
import type { DiagnosticBag, OriginFrame } from '../../common/diagnostics.js';

export type TokenKind = 'ident' | 'number' | 'string' | 'char' | 'punct' | 'other' | 'eof';

/** Where a token stood in the text the user wrote (for an expanded token: the macro call). */
export interface SourceSpan {
  readonly file: string;
  readonly line: number;
  readonly col: number;
  readonly start: number;
  readonly end: number;
}

export interface Token {
  readonly kind: TokenKind;
  readonly text: string;
  readonly file: string;
  readonly line: number;
  readonly col: number;
  /** Byte offsets of the token in its file's text. */
  readonly start: number;
  readonly end: number;
  /** First token of a source line (directive detection). */
  readonly bol: boolean;
  /** Whitespace (or a comment) came before it on the line. */
  readonly space: boolean;
  /** Include chain of the file, innermost first (shared between the file's tokens). */
  readonly includes?: readonly OriginFrame[];
  /** Set on tokens produced by macro expansion: the outermost invocation in the source. */
  readonly expansion?: SourceSpan;
  /** Macro names that must not expand this token again (C's "painted blue" rule). */
  readonly hide?: ReadonlySet<string>;
}

/** Three-, two- and one-character punctuators, longest first. */
const PUNCT3 = ['...', '<<=', '>>='];
const PUNCT2 = ['->', '++', '--', '<<', '>>', '<=', '>=', '==', '!=', '&&', '||', '*=', '/=', '%=', '+=', '-=', '&=', '^=', '|=', '##'];
const PUNCT1 = '[](){}.&*+-~!/%<>^|?:;=,#';

const isIdentStart = (c: number): boolean => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || c === 36;
const isIdentChar = (c: number): boolean => isIdentStart(c) || (c >= 48 && c <= 57);
const isDigit = (c: number): boolean => c >= 48 && c <= 57;

/** Tokenize one file. Always ends with an 'eof' token. */
export function lexFile(file: string, text: string, bag: DiagnosticBag, includes?: readonly OriginFrame[]): Token[] {
  const out: Token[] = [];
  let pos = 0;
  let line = 1;
  let lineStart = 0;
  let bol = true;
  let space = false;
  const n = text.length;
  const inc = includes && includes.length ? includes : undefined;

  const push = (kind: TokenKind, start: number, end: number, tokLine: number, tokCol: number): void => {
    const tok: Token = { kind, text: text.slice(start, end), file, line: tokLine, col: tokCol, start, end, bol, space, ...(inc ? { includes: inc } : {}) };
    out.push(tok);
    bol = false;
    space = false;
  };

  while (pos < n) {
    const c = text.charCodeAt(pos);
    if (c === 10) {
      pos++;
      line++;
      lineStart = pos;
      bol = true;
      space = false;
      continue;
    }
    if (c === 32 || c === 9 || c === 13 || c === 11 || c === 12) {
      pos++;
      space = true;
      continue;
    }
    // Line splice: whitespace that does not end the (directive) line.
    if (c === 92 && (text.charCodeAt(pos + 1) === 10 || (text.charCodeAt(pos + 1) === 13 && text.charCodeAt(pos + 2) === 10))) {
      pos += text.charCodeAt(pos + 1) === 10 ? 2 : 3;
      line++;
      lineStart = pos;
      space = true;
      continue;
    }
    const col = pos - lineStart + 1;
    if (c === 47 && text.charCodeAt(pos + 1) === 42) {
      const close = text.indexOf('*/', pos + 2);
      const end = close < 0 ? n : close + 2;
      if (close < 0) bag.error('unterminated comment', { file, line, col }, inc);
      for (let i = pos; i < end; i++) {
        if (text.charCodeAt(i) === 10) {
          line++;
          lineStart = i + 1;
        }
      }
      pos = end;
      space = true;
      continue;
    }
    if (c === 47 && text.charCodeAt(pos + 1) === 47) {
      while (pos < n && text.charCodeAt(pos) !== 10) pos++;
      space = true;
      continue;
    }
    const start = pos;
    if (isIdentStart(c)) {
      pos++;
      while (pos < n && isIdentChar(text.charCodeAt(pos))) pos++;
      // Character/string prefixes (L'x', u8"..") are not used by declarations; treat as ident + literal.
      push('ident', start, pos, line, col);
      continue;
    }
    if (isDigit(c) || (c === 46 && isDigit(text.charCodeAt(pos + 1)))) {
      // pp-number: digits, letters, '.', '_' and an exponent sign after e/E/p/P.
      pos++;
      while (pos < n) {
        const d = text.charCodeAt(pos);
        if ((d === 43 || d === 45) && /[eEpP]/.test(text[pos - 1] ?? '')) pos++;
        else if (isIdentChar(d) || d === 46) pos++;
        else break;
      }
      push('number', start, pos, line, col);
      continue;
    }
    if (c === 34 || c === 39) {
      pos++;
      let closed = false;
      while (pos < n) {
        const d = text.charCodeAt(pos);
        if (d === 10) break;
        if (d === 92) {
          pos += 2;
          continue;
        }
        pos++;
        if (d === c) {
          closed = true;
          break;
        }
      }
      if (!closed) {
        bag.error(`missing terminating ${c === 34 ? '"' : "'"} character`, { file, line, col }, inc);
        pos = Math.min(pos, n);
      }
      push(c === 34 ? 'string' : 'char', start, pos, line, col);
      continue;
    }
    const p3 = text.slice(pos, pos + 3);
    const p2 = text.slice(pos, pos + 2);
    if (PUNCT3.includes(p3)) {
      pos += 3;
      push('punct', start, pos, line, col);
    } else if (PUNCT2.includes(p2)) {
      pos += 2;
      push('punct', start, pos, line, col);
    } else if (PUNCT1.includes(text[pos] ?? '')) {
      pos++;
      push('punct', start, pos, line, col);
    } else {
      // One code point, so a UTF-8 character becomes one 'other' token.
      const cp = text.codePointAt(pos) ?? c;
      pos += cp > 0xffff ? 2 : 1;
      push('other', start, pos, line, col);
    }
  }
  out.push({ kind: 'eof', text: '', file, line, col: pos - lineStart + 1, start: n, end: n, bol: true, space: false, ...(inc ? { includes: inc } : {}) });
  return out;
}

/** The location a diagnostic about this token should name: the macro call for expanded tokens. */
export function tokenLoc(t: Token): { file: string; line: number; col: number } {
  const s = t.expansion;
  return s ? { file: s.file, line: s.line, col: s.col } : { file: t.file, line: t.line, col: t.col };
}

/** The span of the token in the user's text (the macro call for expanded tokens). */
export function tokenSpan(t: Token): SourceSpan {
  return t.expansion ?? { file: t.file, line: t.line, col: t.col, start: t.start, end: t.end };
}

/**
 * The source text from the start of `first` to the end of `last`, spelled as the C `#` operator
 * would: comments and line splices become whitespace, whitespace runs one space, ends trimmed.
 */
export function spellSource(text: string, first: Token, last: Token): string {
  const a = tokenSpan(first);
  const b = tokenSpan(last);
  if (a.file !== b.file || b.end < a.start) return '';
  return normalizeSpelling(text.slice(a.start, b.end));
}

export function normalizeSpelling(raw: string): string {
  return raw
    .replace(/\\\r?\n/g, '')
    .replace(/\/\*[\s\S]*?\*\//g, ' ')
    .replace(/\/\/[^\n]*/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}
