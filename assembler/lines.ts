/**
 * Stage boundary between the preprocessor and the gas front end: preprocessed text
 * (with GNU line markers) → logical source lines, each attributed to its original
 * file:line and include chain.
 *
 * The reader is a stack: the file's lines at the bottom, macro and .rept/.irp
 * expansions pushed on top. Every line carries a `Where` so a diagnostic deep inside
 * a macro expansion can name the macro chain and the include chain.
 */
import type { Location, OriginFrame } from '../common/diagnostics.js';

/** Where a line came from: its file and the chain of includes/macro expansions that led there. */
export interface Where {
  readonly file: string;
  readonly line: number;
  /** Innermost first. Shared between lines of the same context (never mutated). */
  readonly origin: readonly OriginFrame[];
}

/** A logical line; it is its own Where (one object per line keeps the hot loop lean). */
export interface SourceLine extends Where {
  readonly text: string;
}

export function locationOf(w: Where, col = 1): Location {
  return { file: w.file, line: w.line, col };
}

/** Context of a file being read: name and include chain. Changes only at line markers. */
interface FileContext {
  file: string;
  origin: readonly OriginFrame[];
  /** Line number the next physical line gets. */
  next: number;
}

/**
 * Reads text line by line, interpreting GNU line markers (`# 12 "file.S" 1`).
 * Flag 1 = entering an include, 2 = returning to the includer.
 * Markers are accepted in plain `.s` input too, as gas does.
 */
export class TextLineSource {
  private pos = 0;
  private readonly stack: FileContext[] = [];
  private ctx: FileContext;

  /**
   * `more`, when given, supplies further text as it becomes available (a streaming
   * preprocessor); the source ends when it returns undefined.
   */
  constructor(
    private text: string,
    fileName: string,
    private readonly more?: () => string | undefined,
  ) {
    this.ctx = { file: fileName, origin: [], next: 1 };
  }

  /** The next line, or undefined at end of text. Line markers are consumed, not returned. */
  next(): SourceLine | undefined {
    for (;;) {
      const text = this.text;
      let end = text.indexOf('\n', this.pos);
      if (end < 0 && this.more) {
        const chunk = this.more();
        if (chunk !== undefined) {
          this.text = text.slice(this.pos) + chunk;
          this.pos = 0;
          continue;
        }
      }
      if (this.pos >= text.length) return undefined;
      if (end < 0) end = text.length;
      let line = text.slice(this.pos, end);
      this.pos = end + 1;
      if (line.length > 0 && line.charCodeAt(line.length - 1) === 13 /* \r */) line = line.slice(0, -1);
      if (line.charCodeAt(0) === 35 /* # */ && this.lineMarker(line)) continue;
      return { text: line, file: this.ctx.file, line: this.ctx.next++, origin: this.ctx.origin };
    }
  }

  /** `# N "file" flags...` → update the context; returns false if the line is not a marker. */
  private lineMarker(line: string): boolean {
    let i = 1;
    while (line.charCodeAt(i) === 32) i++;
    // Accept `#line N "file"` too.
    if (line.startsWith('line', i)) {
      i += 4;
      while (line.charCodeAt(i) === 32) i++;
    }
    const numStart = i;
    while (i < line.length && line.charCodeAt(i) >= 48 && line.charCodeAt(i) <= 57) i++;
    if (i === numStart) return false;
    const n = Number(line.slice(numStart, i));
    while (line.charCodeAt(i) === 32) i++;
    let file = this.ctx.file;
    if (line.charCodeAt(i) === 34 /* " */) {
      const close = findStringEnd(line, i);
      if (close < 0) return false;
      file = unescapeCString(line.slice(i + 1, close));
      i = close + 1;
    } else if (i < line.length) {
      return false; // "# 12 foo": not a marker, an ordinary comment line
    }
    const flags = line
      .slice(i)
      .trim()
      .split(/\s+/)
      .filter((f) => f.length > 0)
      .map(Number);
    if (flags.includes(1)) {
      // Entering an include: the #include directive stands on the includer's next line
      // (cpp has emitted everything before it and prints nothing for the directive).
      const includeAt: Location = { file: this.ctx.file, line: this.ctx.next, col: 1 };
      this.stack.push(this.ctx);
      this.ctx = { file, origin: [{ kind: 'include', loc: includeAt }, ...this.ctx.origin], next: n };
    } else if (flags.includes(2)) {
      const back = this.stack.pop();
      this.ctx = back ? { ...back, file, next: n } : { file, origin: [], next: n };
    } else {
      this.ctx = { ...this.ctx, file, next: n };
    }
    return true;
  }
}

/** Index of the closing quote of a C string starting at `open`, or -1. */
export function findStringEnd(s: string, open: number): number {
  for (let i = open + 1; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 92 /* \ */) i++;
    else if (c === 34) return i;
  }
  return -1;
}

function unescapeCString(s: string): string {
  return s.indexOf('\\') < 0 ? s : s.replace(/\\(.)/g, '$1');
}
