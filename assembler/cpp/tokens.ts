/**
 * Preprocessing tokens, character classes and the "would these two tokens
 * lex differently if printed side by side" rule the output printer needs.
 *
 * The token-type numbering matters in exactly one place: every type up to
 * and including LSHIFT is an operator that forms a new operator when an
 * '=' follows it (`+` `=` → `+=`), which is how the paste-avoidance check
 * groups them.
 */

// Operators that combine with a following '=' (keep these first, in this block).
export const EQ = 0; // =
export const NOT = 1; // !
export const GREATER = 2; // >
export const LESS = 3; // <
export const PLUS = 4; // +
export const MINUS = 5; // -
export const MULT = 6; // *
export const DIV = 7; // /
export const MOD = 8; // %
export const AND = 9; // &
export const OR = 10; // |
export const XOR = 11; // ^
export const RSHIFT = 12; // >>
export const LSHIFT = 13; // <<
export const LAST_EQ = LSHIFT;

export const COMPL = 14; // ~
export const AND_AND = 15; // &&
export const OR_OR = 16; // ||
export const QUERY = 17; // ?
export const COLON = 18; // :
export const COMMA = 19; // ,
export const OPEN_PAREN = 20; // (
export const CLOSE_PAREN = 21; // )
export const EQ_EQ = 22; // ==
export const NOT_EQ = 23; // !=
export const GREATER_EQ = 24; // >=
export const LESS_EQ = 25; // <=
export const PLUS_EQ = 26;
export const MINUS_EQ = 27;
export const MULT_EQ = 28;
export const DIV_EQ = 29;
export const MOD_EQ = 30;
export const AND_EQ = 31;
export const OR_EQ = 32;
export const XOR_EQ = 33;
export const RSHIFT_EQ = 34;
export const LSHIFT_EQ = 35;
export const HASH = 36; // #
export const PASTE = 37; // ##
export const OPEN_SQUARE = 38;
export const CLOSE_SQUARE = 39;
export const OPEN_BRACE = 40;
export const CLOSE_BRACE = 41;
export const SEMICOLON = 42;
export const ELLIPSIS = 43; // ...
export const PLUS_PLUS = 44;
export const MINUS_MINUS = 45;
export const DEREF = 46; // ->
export const DOT = 47; // .
export const LAST_PUNCT = DOT;

export const NAME = 48;
export const NUMBER = 49;
export const CHAR = 50; // 'x'
export const WCHAR = 51; // L'x'
export const STRING = 52; // "x"
export const WSTRING = 53; // L"x"
export const HEADER_NAME = 54; // <x.h> inside #include
export const OTHER = 55; // stray character, or an unterminated quote up to the end of the line
export const MACRO_ARG = 56; // a parameter reference inside a macro body
export const PADDING = 57; // zero-width marker that only steers output spacing
export const EOF = 58; // end of directive / argument source / file

/** Token flags. */
export const PREV_WHITE = 1; // whitespace or a comment precedes the token
export const BOL = 2; // first token of a logical line
export const STRINGIFY_ARG = 4; // macro body: `# param`
export const PASTE_LEFT = 8; // macro body: this token is the left operand of ##
export const NO_EXPAND = 16; // a macro name met inside its own expansion: never expand it again
export const FROM_FILE = 32; // lexed from a source file (its line is meaningful for __LINE__)

/**
 * One preprocessing token. Tokens are shared freely between macro bodies,
 * argument lists and output, so they are never mutated after creation:
 * a change of flags makes a copy.
 */
export class Tok {
  constructor(
    readonly type: number,
    readonly flags: number,
    readonly text: string,
    /** Physical line and 1-based column where the token was spelled. */
    readonly line: number,
    readonly col: number,
    /** MACRO_ARG: parameter index. PADDING: unused. */
    readonly arg = -1,
    /** PADDING: the token whose leading whitespace the padding stands for (null: none). */
    readonly source: Tok | null = null,
  ) {}

  withFlags(flags: number): Tok {
    return flags === this.flags ? this : new Tok(this.type, flags, this.text, this.line, this.col, this.arg, this.source);
  }
}

export function padding(source: Tok | null): Tok {
  return new Tok(PADDING, 0, '', 0, 0, -1, source);
}

/** Spelling of each punctuator type (for tokens made up by the preprocessor). */
export const PUNCT_SPELLING: readonly string[] = Object.freeze([
  '=', '!', '>', '<', '+', '-', '*', '/', '%', '&', '|', '^', '>>', '<<',
  '~', '&&', '||', '?', ':', ',', '(', ')', '==', '!=', '>=', '<=',
  '+=', '-=', '*=', '/=', '%=', '&=', '|=', '^=', '>>=', '<<=',
  '#', '##', '[', ']', '{', '}', ';', '...', '++', '--', '->', '.',
]);

// ---- character classes (ASCII; everything else is a stray character) ----

export const C_IDSTART = 1;
export const C_IDCHAR = 2; // letters, digits, '_'
export const C_DIGIT = 4;
export const C_SPACE = 8; // horizontal whitespace inside a line: space \t \f \v \0
export const C_NUMCHAR = 16; // continues a pp-number: idchar or '.'

export const CHAR_CLASS: Uint8Array = (() => {
  const t = new Uint8Array(128);
  for (let c = 0; c < 128; c++) {
    const ch = String.fromCharCode(c);
    if (/[A-Za-z_]/.test(ch)) t[c] |= C_IDSTART | C_IDCHAR | C_NUMCHAR;
    if (/[0-9]/.test(ch)) t[c] |= C_DIGIT | C_IDCHAR | C_NUMCHAR;
    if (ch === '.') t[c] |= C_NUMCHAR;
  }
  for (const c of [32, 9, 12, 11, 0]) t[c] |= C_SPACE;
  return t;
})();

/**
 * True when printing `a` immediately followed by `b` would lex differently
 * (or start a comment), so the printer must put a space between them. Only
 * consulted across macro-expansion boundaries: adjacent source tokens are
 * printed as they were written.
 */
export function avoidPaste(aType: number, aBackslash: boolean, bType: number, s: string, bStart: number, bEnd: number): boolean {
  // First character of b when b is an operator; -1 otherwise.
  const c = bType <= LAST_PUNCT ? s.charCodeAt(bStart) : -1;
  if (aType <= LAST_EQ && c === 61 /* = */) return true;
  switch (aType) {
    case GREATER:
      return c === 62; // >
    case LESS:
      return c === 60 || c === 37 || c === 58; // < % :
    case PLUS:
      return c === 43; // +
    case MINUS:
      return c === 45 || c === 62; // - >
    case DIV:
      return c === 47 || c === 42; // / *  (would start a comment)
    case MOD:
      return c === 58 || c === 62; // : >
    case AND:
      return c === 38;
    case OR:
      return c === 124;
    case COLON:
      return c === 58 || c === 62;
    case DEREF:
      return c === 42;
    case DOT:
      return c === 46 || c === 37 || bType === NUMBER;
    case HASH:
      return c === 35 || c === 37;
    case LESS_EQ:
      return c === 62;
    case NAME:
      // A number only glues onto a name if it is all identifier characters (`x` `1`, not `x` `.5`).
      return bType === NAME || bType === CHAR || bType === STRING || (bType === NUMBER && allIdChars(s, bStart, bEnd));
    case NUMBER:
      return bType === NUMBER || bType === NAME || bType === CHAR || c === 46 || c === 43 || c === 45;
    case OTHER:
      return aBackslash && bType === NAME;
    default:
      return false;
  }
}

function allIdChars(s: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = s.charCodeAt(i);
    if (c >= 128 || !(CHAR_CLASS[c]! & C_IDCHAR)) return false;
  }
  return true;
}

/**
 * Classifies the punctuator starting at s[i] (maximal munch over the C
 * punctuator set as gcc lexes assembler: no digraphs, no `::`).
 * Returns (type << 2) | length, or -1 if s[i] starts no punctuator.
 */
export function scanPunct(s: string, i: number, lim: number): number {
  const c = s.charCodeAt(i);
  const d = i + 1 < lim ? s.charCodeAt(i + 1) : -1;
  const e = i + 2 < lim ? s.charCodeAt(i + 2) : -1;
  switch (c) {
    case 61: // =
      return d === 61 ? (EQ_EQ << 2) | 2 : (EQ << 2) | 1;
    case 33: // !
      return d === 61 ? (NOT_EQ << 2) | 2 : (NOT << 2) | 1;
    case 62: // >
      if (d === 62) return e === 61 ? (RSHIFT_EQ << 2) | 3 : (RSHIFT << 2) | 2;
      return d === 61 ? (GREATER_EQ << 2) | 2 : (GREATER << 2) | 1;
    case 60: // <
      if (d === 60) return e === 61 ? (LSHIFT_EQ << 2) | 3 : (LSHIFT << 2) | 2;
      return d === 61 ? (LESS_EQ << 2) | 2 : (LESS << 2) | 1;
    case 43: // +
      if (d === 43) return (PLUS_PLUS << 2) | 2;
      return d === 61 ? (PLUS_EQ << 2) | 2 : (PLUS << 2) | 1;
    case 45: // -
      if (d === 45) return (MINUS_MINUS << 2) | 2;
      if (d === 62) return (DEREF << 2) | 2;
      return d === 61 ? (MINUS_EQ << 2) | 2 : (MINUS << 2) | 1;
    case 42: // *
      return d === 61 ? (MULT_EQ << 2) | 2 : (MULT << 2) | 1;
    case 47: // /
      return d === 61 ? (DIV_EQ << 2) | 2 : (DIV << 2) | 1;
    case 37: // %
      return d === 61 ? (MOD_EQ << 2) | 2 : (MOD << 2) | 1;
    case 38: // &
      if (d === 38) return (AND_AND << 2) | 2;
      return d === 61 ? (AND_EQ << 2) | 2 : (AND << 2) | 1;
    case 124: // |
      if (d === 124) return (OR_OR << 2) | 2;
      return d === 61 ? (OR_EQ << 2) | 2 : (OR << 2) | 1;
    case 94: // ^
      return d === 61 ? (XOR_EQ << 2) | 2 : (XOR << 2) | 1;
    case 126:
      return (COMPL << 2) | 1;
    case 63:
      return (QUERY << 2) | 1;
    case 58:
      return (COLON << 2) | 1;
    case 44:
      return (COMMA << 2) | 1;
    case 40:
      return (OPEN_PAREN << 2) | 1;
    case 41:
      return (CLOSE_PAREN << 2) | 1;
    case 35: // #
      return d === 35 ? (PASTE << 2) | 2 : (HASH << 2) | 1;
    case 91:
      return (OPEN_SQUARE << 2) | 1;
    case 93:
      return (CLOSE_SQUARE << 2) | 1;
    case 123:
      return (OPEN_BRACE << 2) | 1;
    case 125:
      return (CLOSE_BRACE << 2) | 1;
    case 59:
      return (SEMICOLON << 2) | 1;
    case 46: // .
      return d === 46 && e === 46 ? (ELLIPSIS << 2) | 3 : (DOT << 2) | 1;
    default:
      return -1;
  }
}
