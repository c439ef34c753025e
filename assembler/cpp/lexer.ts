/**
 * The preprocessing-token scanner for one source file.
 *
 * Works on logical lines: a physical line ending in backslash (optionally
 * followed by blanks) is joined with the next one, as cpp does before
 * tokenizing. Lines without a splice are scanned in place in the file text
 * (no copy); only spliced lines are rebuilt, with a small table mapping
 * offsets back to physical lines and columns.
 *
 * Lexing follows gcc in assembler-with-cpp mode: '$' is not an identifier
 * character, no digraphs, pp-numbers swallow `e+`/`p-` exponents, and an
 * unmatched quote is not an error: it makes one "other" token reaching to
 * the end of the line, which is how gas text like `li r3,'a` survives.
 */
import {
  C_DIGIT, C_IDCHAR, C_IDSTART, C_NUMCHAR, C_SPACE, CHAR, CHAR_CLASS, EOF, FROM_FILE, HEADER_NAME, NAME,
  NUMBER, OTHER, PREV_WHITE, BOL, STRING, Tok, WCHAR, WSTRING, scanPunct,
} from './tokens.js';

/** Result slot for scanToken (one per caller, reused: avoids allocating per token). */
export interface ScanResult {
  type: number;
  end: number;
}

/**
 * Scans the single token that starts at s[i] (not whitespace, not a comment).
 * `angled`: inside #include, where <...> is one header-name token and
 * backslashes do not escape.
 */
export function scanToken(s: string, i: number, lim: number, angled: boolean, out: ScanResult): void {
  const c = s.charCodeAt(i);
  if (c < 128) {
    const cls = CHAR_CLASS[c]!;
    if (cls & C_IDSTART) {
      if (c === 76 /* L */ && i + 1 < lim) {
        const q = s.charCodeAt(i + 1);
        if (q === 39 || q === 34) {
          scanQuoted(s, i + 1, lim, q, angled, out);
          if (out.type !== OTHER) out.type = q === 39 ? WCHAR : WSTRING;
          return;
        }
      }
      let j = i + 1;
      while (j < lim) {
        const x = s.charCodeAt(j);
        if (x >= 128 || !(CHAR_CLASS[x]! & C_IDCHAR)) break;
        j++;
      }
      out.type = NAME;
      out.end = j;
      return;
    }
    if (cls & C_DIGIT || (c === 46 && i + 1 < lim && isDigit(s.charCodeAt(i + 1)))) {
      let j = i + 1;
      while (j < lim) {
        const x = s.charCodeAt(j);
        if (x < 128 && CHAR_CLASS[x]! & C_NUMCHAR) {
          j++;
        } else if ((x === 43 || x === 45) && isExpChar(s.charCodeAt(j - 1))) {
          j++;
        } else break;
      }
      out.type = NUMBER;
      out.end = j;
      return;
    }
    if (c === 39 || c === 34) {
      scanQuoted(s, i, lim, c, angled, out);
      return;
    }
    if (c === 60 /* < */ && angled) {
      const close = s.indexOf('>', i + 1);
      if (close >= 0 && close < lim) {
        out.type = HEADER_NAME;
        out.end = close + 1;
        return;
      }
    }
    const p = scanPunct(s, i, lim);
    if (p >= 0) {
      out.type = p >> 2;
      out.end = i + (p & 3);
      return;
    }
    out.type = OTHER;
    out.end = i + 1;
    return;
  }
  out.type = OTHER;
  // Keep a surrogate pair together so output never splits a character.
  out.end = c >= 0xd800 && c < 0xdc00 && i + 1 < lim ? i + 2 : i + 1;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function isExpChar(c: number): boolean {
  return c === 101 || c === 69 || c === 112 || c === 80; // e E p P
}

/** A '...' or "..." literal starting at s[i] (the quote). Unterminated: OTHER to end of line. */
function scanQuoted(s: string, i: number, lim: number, q: number, angled: boolean, out: ScanResult): void {
  let j = i + 1;
  while (j < lim) {
    const x = s.charCodeAt(j);
    if (x === 92 /* \ */ && !angled && j + 1 < lim) {
      j += 2;
      continue;
    }
    j++;
    if (x === q) {
      out.type = q === 39 ? CHAR : STRING;
      out.end = j;
      return;
    }
  }
  out.type = OTHER;
  out.end = lim;
}

/** Lexing state the engine passes in for each token. */
export interface LexMode {
  inDirective: boolean;
  /** 0: normal; 1: looking for the '(' of a function-like macro; 2: collecting its arguments. */
  parsingArgs: number;
  angledHeaders: boolean;
}

export type LexDiag = (message: string, line: number, col: number) => void;

/** Scanner over one file's text. */
export class FileLexer {
  /** Current logical line: s[i..lim) (s is the file text itself unless the line was spliced). */
  s = '';
  i = 0;
  lim = 0;
  /** True when the next token must come from a new logical line. */
  needLine = true;
  /** Presumed line = physical line + lineDelta (moved by #line). */
  lineDelta = 0;
  /** Physical line number of the current logical line's first physical line. */
  physLine = 0;
  /** Physical line number the next logical line will start on. */
  nextPhysLine = 1;

  private bolPending = false;
  private pos = 0; // start of the next physical line in `text`
  private lineBase = 0; // offset in s of column 1 of the logical line's first physical line
  private segs: number[] | null = null; // spliced line: offsets in s where physical lines 2.. begin
  private readonly scan: ScanResult = { type: 0, end: 0 };

  constructor(
    readonly text: string,
    private readonly diag: LexDiag,
  ) {}

  /** Presumed line of an offset in the current logical line. */
  lineAt(q: number): number {
    let line = this.physLine;
    const segs = this.segs;
    if (segs !== null) for (let k = 0; k < segs.length && segs[k]! <= q; k++) line++;
    return line + this.lineDelta;
  }

  colAt(q: number): number {
    const segs = this.segs;
    if (segs === null) return q - this.lineBase + 1;
    let base = 0;
    for (let k = 0; k < segs.length && segs[k]! <= q; k++) base = segs[k]!;
    return q - base + 1;
  }

  /** Loads the next logical line. False at end of file. */
  freshLine(): boolean {
    const t = this.text;
    const p = this.pos;
    if (p >= t.length) return false;
    let nl = t.indexOf('\n', p);
    if (nl < 0) nl = t.length;
    this.physLine = this.nextPhysLine;
    this.needLine = false;
    let k = nl < t.length ? spliceAt(t, p, nl) : -1;
    if (k < 0) {
      this.s = t;
      this.i = p;
      this.lim = nl;
      this.lineBase = p;
      this.segs = null;
      this.pos = nl + 1;
      this.nextPhysLine++;
      return true;
    }
    // Rebuild the spliced logical line.
    let line = '';
    const segs: number[] = [];
    let start = p;
    for (;;) {
      line += t.slice(start, k);
      segs.push(line.length);
      start = nl + 1;
      if (start >= t.length) {
        nl = t.length;
        break;
      }
      nl = t.indexOf('\n', start);
      if (nl < 0) nl = t.length;
      k = nl < t.length ? spliceAt(t, start, nl) : -1;
      if (k < 0) {
        line += t.slice(start, nl);
        break;
      }
    }
    this.s = line;
    this.i = 0;
    this.lim = line.length;
    this.lineBase = 0;
    this.segs = segs;
    this.pos = nl + 1;
    this.nextPhysLine += 1 + segs.length;
    return true;
  }

  /** Skips a block comment whose '/*' is at s[i]; may continue over following lines. */
  private skipBlockComment(): void {
    const startLine = this.lineAt(this.i);
    const startCol = this.colAt(this.i);
    let from = this.i + 2;
    for (;;) {
      const e = this.s.indexOf('*/', from);
      if (e >= 0 && e + 1 < this.lim) {
        this.i = e + 2;
        return;
      }
      if (!this.freshLine()) {
        this.i = this.lim;
        this.needLine = true;
        this.diag('unterminated comment', startLine, startCol);
        return;
      }
      from = this.i;
    }
  }

  /**
   * Next token, or null at end of file (outside directives). Inside a
   * directive the end of the line is an EOF token.
   */
  lex(mode: LexMode): Tok | null {
    let flags = 0;
    if (this.bolPending) {
      // The line was loaded (and given back) by the fast path: its first token still starts a line.
      this.bolPending = false;
      flags = mode.parsingArgs === 2 ? BOL | PREV_WHITE : BOL;
    }
    for (;;) {
      if (this.needLine) {
        if (mode.inDirective) return new Tok(EOF, flags | FROM_FILE, '', this.lineAt(this.lim), this.colAt(this.lim));
        if (!this.freshLine()) return null;
        flags = mode.parsingArgs === 2 ? BOL | PREV_WHITE : BOL;
      }
      let i = this.i;
      for (;;) {
        if (i >= this.lim) break;
        const c = this.s.charCodeAt(i);
        if (c < 128 && CHAR_CLASS[c]! & C_SPACE) {
          i++;
          flags |= PREV_WHITE;
          continue;
        }
        if (c === 47 /* / */ && i + 1 < this.lim) {
          const d = this.s.charCodeAt(i + 1);
          if (d === 42) {
            this.i = i;
            this.skipBlockComment();
            i = this.i;
            flags |= PREV_WHITE;
            if (this.needLine) break;
            continue;
          }
          if (d === 47) {
            i = this.lim;
            flags |= PREV_WHITE;
            break;
          }
        }
        break;
      }
      if (i >= this.lim) {
        this.i = this.lim;
        this.needLine = true;
        continue;
      }
      const s = this.s;
      scanToken(s, i, this.lim, mode.angledHeaders, this.scan);
      const end = this.scan.end;
      this.i = end;
      return new Tok(this.scan.type, flags | FROM_FILE, s.slice(i, end), this.lineAt(i), this.colAt(i));
    }
  }

  /** Fast path gave up on the line: rewind to its start so the token path lexes it. */
  rewindLine(start: number): void {
    this.i = start;
    this.needLine = false;
    this.bolPending = true;
  }

  /** The current line was handed back by the fast path and its first token is still to come. */
  get atLineStart(): boolean {
    return this.bolPending;
  }

  get isSpliced(): boolean {
    return this.segs !== null;
  }
}

/**
 * If the physical line t[p..nl) ends with a backslash (optionally followed
 * by blanks), returns the backslash's offset; otherwise -1.
 */
function spliceAt(t: string, p: number, nl: number): number {
  let k = nl - 1;
  if (k < p) return -1;
  let c = t.charCodeAt(k);
  if (c === 92) return k;
  if (c !== 32 && c !== 9 && c !== 12 && c !== 11) return -1;
  while (k > p) {
    k--;
    c = t.charCodeAt(k);
    if (c === 92) return k;
    if (c !== 32 && c !== 9 && c !== 12 && c !== 11) return -1;
  }
  return -1;
}
