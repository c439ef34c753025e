/**
 * Macro definitions: the #define parser and the builtin macro kinds.
 *
 * A function-like macro's body is stored with parameter references turned
 * into MACRO_ARG tokens, `#param` folded into a STRINGIFY_ARG flag and
 * `a ## b` folded into a PASTE_LEFT flag on `a`, so expansion never has to
 * re-parse the body.
 */
import {
  CLOSE_PAREN, COMMA, ELLIPSIS, EOF, FROM_FILE, HASH, MACRO_ARG, NAME, OPEN_PAREN, PASTE, PASTE_LEFT, PREV_WHITE,
  STRINGIFY_ARG, Tok,
} from './tokens.js';

export const B_NONE = 0;
export const B_LINE = 1;
export const B_FILE = 2;
export const B_BASE_FILE = 3;
export const B_FILE_NAME = 4;
export const B_INCLUDE_LEVEL = 5;
export const B_COUNTER = 6;
export const B_DATE = 7;
export const B_TIME = 8;
export const B_TIMESTAMP = 9;
export const B_PRAGMA = 10;
export const B_HAS_INCLUDE = 11;
export const B_HAS_INCLUDE_NEXT = 12;

export const BUILTINS: readonly (readonly [string, number])[] = Object.freeze([
  ['__LINE__', B_LINE],
  ['__FILE__', B_FILE],
  ['__BASE_FILE__', B_BASE_FILE],
  ['__FILE_NAME__', B_FILE_NAME],
  ['__INCLUDE_LEVEL__', B_INCLUDE_LEVEL],
  ['__COUNTER__', B_COUNTER],
  ['__DATE__', B_DATE],
  ['__TIME__', B_TIME],
  ['__TIMESTAMP__', B_TIMESTAMP],
  ['_Pragma', B_PRAGMA],
  ['__has_include', B_HAS_INCLUDE],
  ['__has_include_next', B_HAS_INCLUDE_NEXT],
] as const);

export interface Macro {
  readonly name: string;
  readonly fun: boolean;
  readonly params: readonly string[];
  readonly variadic: boolean;
  readonly body: readonly Tok[];
  /** B_NONE for user macros. */
  readonly builtin: number;
  /** Where it was defined (for "previous definition" notes). */
  readonly file: string;
  readonly line: number;
  /** Canonical spelling of the definition, to tell a harmless re-#define from a real redefinition. */
  readonly signature: string;
  /** Per-run state: true while the macro's own expansion is being rescanned. */
  disabled: boolean;
  /** Fast-path cache: whether the expansion is plain text, valid for macro-table generation simpleGen. */
  simpleGen: number;
  simple: boolean;
}

export function builtinMacro(name: string, kind: number): Macro {
  return {
    name, fun: false, params: [], variadic: false, body: [], builtin: kind, file: '<built-in>', line: 0,
    signature: '', disabled: false, simpleGen: -1, simple: false,
  };
}

export type DefineError = (message: string, tok: Tok, warning?: boolean) => void;

/**
 * Parses the rest of a #define line (after the macro name). `next` returns
 * the line's tokens unexpanded, EOF at its end. Returns undefined after
 * reporting an error.
 */
export function parseDefinition(
  nameTok: Tok,
  next: () => Tok,
  file: string,
  report: DefineError,
): Macro | undefined {
  let tok = next();
  const params: string[] = [];
  let variadic = false;
  let fun = false;
  if (tok.type === OPEN_PAREN && !(tok.flags & PREV_WHITE)) {
    fun = true;
    if (!parseParams(next, params, report, (v) => (variadic = v))) return undefined;
    tok = next();
  } else if (tok.type !== EOF && !(tok.flags & PREV_WHITE)) {
    report('missing whitespace after the macro name', tok, true);
  }

  const body: Tok[] = [];
  while (tok.type !== EOF) {
    if (tok.type === PASTE) {
      const last = body.length - 1;
      const after = next();
      if (last < 0 || after.type === EOF) {
        report("'##' cannot appear at either end of a macro expansion", nameTok);
        return undefined;
      }
      body[last] = body[last]!.withFlags(body[last]!.flags | PASTE_LEFT);
      tok = after;
      continue;
    }
    const k = fun && tok.type === NAME ? params.indexOf(tok.text) : -1;
    if (k >= 0) {
      const prev = body[body.length - 1];
      if (prev !== undefined && prev.type === HASH) {
        // `# param` (even `# ## param`, as gcc reads it): the parameter stringified, in the '#''s place.
        body[body.length - 1] = new Tok(MACRO_ARG, (tok.flags & ~PREV_WHITE) | (prev.flags & PREV_WHITE) | STRINGIFY_ARG, tok.text, tok.line, tok.col, k);
      } else {
        body.push(new Tok(MACRO_ARG, tok.flags, tok.text, tok.line, tok.col, k));
      }
      tok = next();
      continue;
    }
    // In assembler mode a '#' not followed by a parameter is just a '#'.
    body.push(tok);
    tok = next();
  }
  if (body.length > 0) body[0] = body[0]!.withFlags(body[0]!.flags & ~PREV_WHITE);
  // Body tokens were lexed from the file, but where they end up is wherever the macro is used.
  for (let k = 0; k < body.length; k++) body[k] = body[k]!.withFlags(body[k]!.flags & ~FROM_FILE);

  return {
    name: nameTok.text, fun, params, variadic, body, builtin: 0, file, line: nameTok.line,
    signature: signatureOf(fun, params, variadic, body), disabled: false, simpleGen: -1, simple: false,
  };
}

function parseParams(
  next: () => Tok,
  params: string[],
  report: DefineError,
  setVariadic: (v: boolean) => void,
): boolean {
  for (;;) {
    const t = next();
    if (t.type === CLOSE_PAREN && params.length === 0) return true;
    if (t.type === ELLIPSIS) {
      params.push('__VA_ARGS__');
      setVariadic(true);
      const c = next();
      if (c.type !== CLOSE_PAREN) {
        report(`expected ')' after "..."`, c);
        return false;
      }
      return true;
    }
    if (t.type !== NAME) {
      report(t.type === EOF ? 'expected parameter name before end of line' : `expected parameter name, found "${t.text}"`, t);
      return false;
    }
    if (t.text === '__VA_ARGS__') {
      report('__VA_ARGS__ can only appear in the expansion of a C99 variadic macro', t);
      return false;
    }
    if (params.includes(t.text)) {
      report(`duplicate macro parameter "${t.text}"`, t);
      return false;
    }
    params.push(t.text);
    const sep = next();
    if (sep.type === COMMA) continue;
    if (sep.type === CLOSE_PAREN) return true;
    if (sep.type === ELLIPSIS) {
      // GNU named variadic parameter: `args...`
      setVariadic(true);
      const c = next();
      if (c.type !== CLOSE_PAREN) {
        report(`expected ')' after "..."`, c);
        return false;
      }
      return true;
    }
    report(sep.type === EOF ? "expected ',' or ')', found end of line" : `expected ',' or ')', found "${sep.text}"`, sep);
    return false;
  }
}

function signatureOf(fun: boolean, params: readonly string[], variadic: boolean, body: readonly Tok[]): string {
  let s = fun ? `(${params.join(',')}${variadic ? '...' : ''})` : '';
  for (const t of body) {
    s += t.flags & PREV_WHITE ? ' ' : '\u0001';
    if (t.flags & STRINGIFY_ARG) s += '#';
    s += t.type === MACRO_ARG ? `\u0002${t.arg}` : t.text;
    if (t.flags & PASTE_LEFT) s += '##';
  }
  return s;
}

/**
 * The macro table: an open-addressing hash map from name to definition that
 * can be probed with a range of a source line, so the scanner looks up
 * every identifier without allocating a substring for it.
 */
export class MacroTable {
  private keys: (string | undefined)[] = new Array<string | undefined>(1024);
  private vals: (Macro | undefined)[] = new Array<Macro | undefined>(1024);
  private hashes = new Int32Array(1024);
  private used = 0; // slots with a key (deleted names keep their slot)

  get(name: string): Macro | undefined {
    return this.getRange(name, 0, name.length);
  }

  has(name: string): boolean {
    return this.getRange(name, 0, name.length) !== undefined;
  }

  getRange(s: string, start: number, end: number): Macro | undefined {
    let h = HASH_SEED;
    for (let k = start; k < end; k++) h = Math.imul(h ^ s.charCodeAt(k), HASH_PRIME);
    return this.getHashed(s, start, end, h);
  }

  /** Lookup when the caller already hashed s[start..end) with HASH_SEED/HASH_PRIME (FNV-1a). */
  getHashed(s: string, start: number, end: number, h: number): Macro | undefined {
    const keys = this.keys;
    const mask = keys.length - 1;
    const len = end - start;
    for (let idx = h & mask; ; idx = (idx + 1) & mask) {
      const key = keys[idx];
      if (key === undefined) return undefined;
      if (this.hashes[idx] === h && key.length === len && sameChars(key, s, start, len)) return this.vals[idx];
    }
  }

  set(name: string, m: Macro | undefined): void {
    const idx = this.slot(name);
    if (this.keys[idx] === undefined) {
      if ((this.used + 1) * 2 > this.keys.length) {
        this.grow();
        this.set(name, m);
        return;
      }
      this.used++;
      this.keys[idx] = name;
      this.hashes[idx] = hashOf(name);
    }
    this.vals[idx] = m;
  }

  delete(name: string): void {
    const idx = this.slot(name);
    if (this.keys[idx] !== undefined) this.vals[idx] = undefined;
  }

  private slot(name: string): number {
    const h = hashOf(name);
    const keys = this.keys;
    const mask = keys.length - 1;
    for (let idx = h & mask; ; idx = (idx + 1) & mask) {
      const key = keys[idx];
      if (key === undefined || (this.hashes[idx] === h && key === name)) return idx;
    }
  }

  private grow(): void {
    const oldKeys = this.keys;
    const oldVals = this.vals;
    const size = oldKeys.length * 2;
    this.keys = new Array<string | undefined>(size);
    this.vals = new Array<Macro | undefined>(size);
    this.hashes = new Int32Array(size);
    this.used = 0;
    for (let k = 0; k < oldKeys.length; k++) {
      const key = oldKeys[k];
      const val = oldVals[k];
      if (key !== undefined && val !== undefined) this.set(key, val);
    }
  }
}

export const HASH_SEED = -2128831035;
export const HASH_PRIME = 16777619;

function hashOf(name: string): number {
  let h = HASH_SEED;
  for (let k = 0; k < name.length; k++) h = Math.imul(h ^ name.charCodeAt(k), HASH_PRIME);
  return h;
}

function sameChars(key: string, s: string, start: number, len: number): boolean {
  for (let k = 0; k < len; k++) if (key.charCodeAt(k) !== s.charCodeAt(start + k)) return false;
  return true;
}
