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
import { C_SPACE, CHAR_CLASS, HASH, NAME, OTHER, PASTE_LEFT } from './tokens.js';

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

/** Tries to handle the next line; false leaves it (unconsumed) to the token path. */
export function tryFastLine(pp: Cpp): boolean {
  const lx = pp.buf.lexer;
  if (!lx.freshLine()) return false;
  const lineStart = lx.i;
  if (lx.isSpliced) {
    lx.rewindLine(lineStart);
    return false;
  }
  const s = lx.s;
  const lim = lx.lim;
  const f = pp.fast;
  const scan = pp.scan;
  const macros = pp.macros;
  let n = 0;
  let i = lineStart;
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
          lx.rewindLine(lineStart);
          return false;
        }
        i = e + 2;
        white = true;
        continue;
      }
      if (d === 47) break;
    }
    scanTokenInto(s, i, lim, false, scan);
    const type = scan.type;
    const end = scan.end;
    if (type === NAME) {
      const m = macros.get(s.slice(i, end));
      if (m !== undefined) {
        if (!isSimple(pp, m) || n >= 255) {
          lx.rewindLine(lineStart);
          return false;
        }
        f.kind[n] = 1;
        f.macro[n] = m;
        f.white[n] = white ? 1 : 0;
        f.start[n] = i;
        n++;
        inRun = false;
        white = false;
        i = end;
        continue;
      }
    } else if (type === HASH && n === 0) {
      // A line starting with '#': a directive, or gas text gcc handles specially.
      lx.rewindLine(lineStart);
      return false;
    }
    if (!inRun || white) {
      if (n >= 255) {
        lx.rewindLine(lineStart);
        return false;
      }
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
    i = end;
  }
  lx.i = lim;
  lx.needLine = true;
  if (n === 0) return true;

  pp.miValid = false;
  const p = pp.printer;
  p.lineChange(lx.lineAt(f.start[0]!), lx.colAt(f.start[0]!), pp.buf.name);
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

