/**
 * Fast path for the common line: ordinary assembler text whose identifiers
 * are either not macros or object-like macros that expand to plain tokens
 * (kernel-style `#define r3 3`). Such a line is scanned once, straight from
 * the file text, and printed through the same Printer rules the token path
 * uses (a macro expansion is "padding, body tokens, padding"), so the
 * output is identical. Anything else (directives, function-like macros,
 * builtins, nested macros, comments running onto the next line, spliced
 * lines) rewinds the line and leaves it to the general token path.
 */
import type { Cpp } from './engine.js';
import type { Macro } from './macros.js';
import { scanToken as scanTokenInto } from './lexer.js';
import { HASH_PRIME, HASH_SEED } from './macros.js';
import { C_IDCHAR, C_IDSTART, C_SPACE, CHAR_CLASS, HASH, NAME, OTHER, PASTE_LEFT } from './tokens.js';

/** Per-run scratch arrays (one set per Cpp, reused for every line). */
export class FastScratch {
  kind = new Int8Array(256); // 0: run of source tokens, 1: macro
  start = new Int32Array(256);
  end = new Int32Array(256);
  firstEnd = new Int32Array(256);
  firstType = new Int16Array(256);
  lastType = new Int16Array(256);
  white = new Uint8Array(256);
  lastBackslash = new Uint8Array(256);
  macro: (Macro | null)[] = new Array<Macro | null>(256).fill(null);
}

/** True when the macro's expansion is fixed text containing no macro names (cached per macro-table generation). */
function isSimple(pp: Cpp, m: Macro): boolean {
  if (m.simpleGen === pp.gen) return m.simple;
  let simple = !m.fun && m.builtin === 0;
  if (simple) {
    for (const t of m.body) {
      if (t.flags & PASTE_LEFT || (t.type === NAME && pp.macros.has(t.text))) {
        simple = false;
        break;
      }
    }
  }
  m.simpleGen = pp.gen;
  m.simple = simple;
  return simple;
}

/**
 * Prints as much of the current line as it can. At a line start it loads
 * the next line first; otherwise it continues after whatever the token path
 * consumed (typically a function-like macro invocation). When it meets
 * something it does not handle it prints what came before and leaves the
 * lexer just after the last token it printed. Returns false if it made no
 * progress (the token path must take the next token).
 */
export function tryFastLine(pp: Cpp, atLineStart: boolean): boolean {
  const lx = pp.buf.lexer;
  if (atLineStart) {
    if (!lx.freshLine()) return false;
    if (lx.isSpliced) {
      lx.rewindLine(lx.i);
      return false;
    }
  } else if (lx.isSpliced || lx.atLineStart) {
    return false;
  }
  const lineStart = lx.i;
  const s = lx.s;
  const lim = lx.lim;
  const f = pp.fast;
  const scan = pp.scan;
  const macros = pp.macros;
  let n = 0;
  let i = lineStart;
  let stopAt = -1; // where the token path takes over (-1: the whole line was handled)
  let resume = lineStart; // end of the last token recorded
  let white = false;
  let inRun = false;
  for (;;) {
    if (i >= lim) break;
    const c = s.charCodeAt(i);
    if (c < 128 && CHAR_CLASS[c]! & C_SPACE) {
      white = true;
      i++;
      continue;
    }
    if (c === 47 /* / */ && i + 1 < lim) {
      const d = s.charCodeAt(i + 1);
      if (d === 42) {
        const e = s.indexOf('*/', i + 2);
        if (e < 0 || e + 1 >= lim) {
          stopAt = resume;
          break;
        }
        i = e + 2;
        white = true;
        continue;
      }
      if (d === 47) break;
    }
    let type: number;
    let end: number;
    let h = 0;
    if (c < 128 && CHAR_CLASS[c]! & C_IDSTART && !(c === 76 && i + 1 < lim && (s.charCodeAt(i + 1) === 39 || s.charCodeAt(i + 1) === 34))) {
      // Identifier, hashed while scanning so the macro lookup needs no second pass.
      h = Math.imul(HASH_SEED ^ c, HASH_PRIME);
      end = i + 1;
      while (end < lim) {
        const x = s.charCodeAt(end);
        if (x >= 128 || !(CHAR_CLASS[x]! & C_IDCHAR)) break;
        h = Math.imul(h ^ x, HASH_PRIME);
        end++;
      }
      type = NAME;
    } else {
      scanTokenInto(s, i, lim, false, scan);
      type = scan.type;
      end = scan.end;
    }
    if (n >= 254) {
      stopAt = resume;
      break;
    }
    if (type === NAME) {
      const m = macros.getHashed(s, i, end, h);
      if (m !== undefined) {
        if (!isSimple(pp, m)) {
          stopAt = resume;
          break;
        }
        f.kind[n] = 1;
        f.macro[n] = m;
        f.white[n] = white ? 1 : 0;
        f.start[n] = i;
        n++;
        inRun = false;
        white = false;
        i = resume = end;
        continue;
      }
    } else if (type === HASH && n === 0 && atLineStart) {
      // A line starting with '#': a directive, or gas text gcc handles specially.
      stopAt = resume;
      break;
    }
    if (!inRun || white) {
      f.kind[n] = 0;
      f.start[n] = i;
      f.firstType[n] = type;
      f.white[n] = white ? 1 : 0;
      f.firstEnd[n] = end;
      n++;
      inRun = true;
    }
    f.end[n - 1] = end;
    f.lastType[n - 1] = type;
    f.lastBackslash[n - 1] = type === OTHER && c === 92 ? 1 : 0;
    white = false;
    i = resume = end;
  }
  if (n === 0) {
    if (stopAt < 0) {
      // Nothing but blanks and comments.
      lx.i = lim;
      lx.needLine = true;
      return true;
    }
    if (atLineStart) lx.rewindLine(lineStart);
    return false;
  }
  if (stopAt < 0) {
    lx.i = lim;
    lx.needLine = true;
  } else {
    lx.i = stopAt;
  }

  pp.miValid = false;
  const p = pp.printer;
  if (atLineStart) p.lineChange(lx.lineAt(f.start[0]!), lx.colAt(f.start[0]!), pp.buf.name);
  for (let k = 0; k < n; k++) {
    if (f.kind[k] === 0) {
      p.emit(f.firstType[k]!, f.white[k] === 1, s, f.start[k]!, f.firstEnd[k]!, f.end[k]!, f.lastType[k]!, f.lastBackslash[k] === 1);
    } else {
      const m = f.macro[k]!;
      f.macro[k] = null;
      p.paddingWhite(f.white[k] === 1);
      for (const t of m.body) p.token(t);
      p.padding(null);
    }
  }
  return true;
}
