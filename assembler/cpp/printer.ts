/**
 * Turns the token stream back into text exactly the way `gcc -E` lays it out:
 *
 * - each output line starts where its first token's source line started,
 *   with the token's column recreated as spaces (tabs count as one column);
 * - between tokens, one space where the source had whitespace or a comment,
 *   plus a space where a macro-expansion boundary would otherwise glue two
 *   tokens into a different one (`-` `-` must not become `--`);
 * - gaps of fewer than 8 lines are kept as blank lines, longer ones become
 *   a line marker `# N "file"`; entering and leaving an include prints
 *   `# 1 "inc.h" 1` and `# N "file" 2`.
 *
 * Padding markers carry "the token whose leading whitespace stands in for
 * this boundary"; the rules for combining them are gcc's, so spacing of
 * expanded text matches byte for byte.
 *
 * Output goes into a growable UTF-16 buffer (copying characters straight
 * from the source text), decoded once at the end: far cheaper than
 * millions of small strings.
 */
import { avoidPaste, HASH, OTHER, PREV_WHITE, type Tok } from './tokens.js';

const NO_SOURCE = 0; // padding source "none"
const WHITE_SOURCE = 1; // padding source token had leading whitespace
const TIGHT_SOURCE = 2; // padding source token had none
const NO_PREV = -1;

/** Quotes a file name for a line marker or __FILE__ (backslash and double quote escaped). */
export function quoteFileName(name: string): string {
  return /["\\\n]/.test(name) ? name.replace(/["\\]/g, (c) => '\\' + c).replace(/\n/g, '\\n') : name;
}

export class Printer {
  private buf = new Uint16Array(1 << 16);
  private len = 0;
  private srcLine = 1;
  private srcFile = '';
  private printed = false;
  private prevType = NO_PREV;
  private prevBackslash = false;
  private source = NO_SOURCE;
  private pendingPaste = false;

  private reserve(n: number): Uint16Array {
    if (this.len + n > this.buf.length) {
      let size = this.buf.length * 2;
      while (this.len + n > size) size *= 2;
      const nb = new Uint16Array(size);
      nb.set(this.buf.subarray(0, this.len));
      this.buf = nb;
    }
    return this.buf;
  }

  private putRange(s: string, start: number, end: number): void {
    const b = this.reserve(end - start);
    let o = this.len;
    for (let k = start; k < end; k++) b[o++] = s.charCodeAt(k);
    this.len = o;
  }

  private putChar(c: number, count = 1): void {
    const b = this.reserve(count);
    for (let k = 0; k < count; k++) b[this.len++] = c;
  }

  private put(s: string): void {
    this.putRange(s, 0, s.length);
  }

  /** First line of output: `# 1 "main.S"`. */
  start(file: string): void {
    this.printLine(1, file, '');
  }

  /** End the current output line if anything was put on it. */
  private endLine(): void {
    if (this.printed) {
      this.putChar(10);
      this.printed = false;
    }
  }

  private printLine(line: number, file: string, flags: string): void {
    this.endLine();
    this.srcLine = line;
    this.srcFile = file;
    this.put(`# ${line} "${quoteFileName(file)}"${flags}\n`);
  }

  /** Bring the output to source line `line` of `file` (blank lines or a marker). */
  maybePrintLine(line: number, file: string): void {
    if (this.printed) {
      this.putChar(10);
      this.printed = false;
      this.srcLine++;
    }
    if (line >= this.srcLine && line < this.srcLine + 8 && file === this.srcFile) {
      if (line > this.srcLine) {
        this.putChar(10, line - this.srcLine);
        this.srcLine = line;
      }
    } else {
      this.printLine(line, file, '');
    }
  }

  /** A new source line's first token is about to be printed. */
  lineChange(line: number, col: number, file: string): void {
    this.maybePrintLine(line, file);
    this.prevType = NO_PREV;
    this.source = NO_SOURCE;
    this.printed = true;
    if (col > 2) this.putChar(32, col - 2);
  }

  /** Entering an included file; `fromLine` is the line of the #include. */
  enter(fromLine: number, fromFile: string, file: string): void {
    this.maybePrintLine(fromLine, fromFile);
    this.printLine(1, file, ' 1');
  }

  /** Back in the includer at `line`. */
  leave(line: number, file: string): void {
    this.printLine(line, file, ' 2');
  }

  /** #line: the next line is `line` of `file`. */
  rename(line: number, file: string): void {
    this.printLine(line, file, '');
  }

  padding(src: Tok | null): void {
    this.pendingPaste = true;
    // gcc: take this padding's source if none is recorded yet, or if the
    // recorded one had no whitespace and this one says "no source".
    if (this.source === NO_SOURCE || (this.source === TIGHT_SOURCE && src === null)) {
      this.source = src === null ? NO_SOURCE : src.flags & PREV_WHITE ? WHITE_SOURCE : TIGHT_SOURCE;
    }
  }

  /** Padding whose source token is known only by its whitespace flag (fast path). */
  paddingWhite(white: boolean): void {
    this.pendingPaste = true;
    if (this.source === NO_SOURCE) this.source = white ? WHITE_SOURCE : TIGHT_SOURCE;
  }

  token(t: Tok): void {
    const n = t.text.length;
    this.emit(t.type, (t.flags & PREV_WHITE) !== 0, t.text, 0, n, n, t.type, t.type === OTHER && t.text.charCodeAt(0) === 92);
  }

  /**
   * Prints s[start..end): one token, or a run of source tokens that touch
   * each other. Spacing is decided by the first token (s[start..firstEnd)),
   * later paste checks use the last one.
   */
  emit(
    firstType: number, firstWhite: boolean, s: string, start: number, firstEnd: number, end: number,
    lastType: number, lastBackslash: boolean,
  ): void {
    let space = false;
    if (this.pendingPaste) {
      const white = this.source === NO_SOURCE ? firstWhite : this.source === WHITE_SOURCE;
      if (white) space = true;
      else if (this.prevType !== NO_PREV) space = avoidPaste(this.prevType, this.prevBackslash, firstType, s, start, firstEnd);
      else space = firstType === HASH;
    } else if (firstWhite) space = true;
    if (space) this.putChar(32);
    this.putRange(s, start, end);
    this.pendingPaste = false;
    this.source = NO_SOURCE;
    this.prevType = lastType;
    this.prevBackslash = lastBackslash;
    this.printed = true;
  }

  /** Characters printed and not yet drained. */
  get pending(): number {
    return this.len;
  }

  /**
   * Hand what has been printed so far to `sink` and start an empty buffer (streaming
   * output: the printer only ever appends, so drained text is final).
   */
  drain(sink: (chars: Uint16Array) => void): void {
    if (this.len === 0) return;
    sink(this.buf.subarray(0, this.len));
    this.len = 0;
  }

  finish(): string {
    this.endLine();
    const b = this.buf.subarray(0, this.len);
    return new TextDecoder('utf-16le').decode(b);
  }
}
