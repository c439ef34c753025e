/**
 * The preprocessor proper: file buffers, macro expansion and the main
 * token loop. One `Cpp` object per run holds all state.
 *
 * Expansion follows the C standard's model as gcc implements it, because
 * the output spacing and several corner cases depend on the details:
 *
 * - a macro's replacement is pushed as a "context" that is read before the
 *   file; while its context is on the stack the macro is disabled, and a
 *   disabled macro's name that is read is marked NO_EXPAND for good;
 * - a function-like macro name is only an invocation if the next token,
 *   possibly on a later line or after the end of enclosing expansions, is
 *   '('; otherwise that token is pushed back;
 * - arguments are collected unexpanded, then each one used outside #/## is
 *   fully expanded on its own before substitution (argument prescan);
 * - `##` pastes textually and re-lexes; in assembler mode an invalid paste
 *   (`.` ## `name`) is not an error, the two tokens just stay side by side;
 * - padding tokens mark expansion boundaries for the printer.
 */
import type { DiagnosticBag, Location, OriginFrame } from '../../common/diagnostics.js';
import type { Host } from '../../common/host.js';
import { handleDirective } from './directives.js';
import { FastScratch, tryFastLine } from './fastpath.js';
import { FileLexer, scanToken, type LexMode, type ScanResult } from './lexer.js';
import {
  B_BASE_FILE, B_COUNTER, B_DATE, B_FILE, B_FILE_NAME, B_HAS_INCLUDE, B_HAS_INCLUDE_NEXT, B_INCLUDE_LEVEL, B_LINE,
  B_PRAGMA, B_TIME, B_TIMESTAMP, type Macro, MacroTable,
} from './macros.js';
import { Printer, quoteFileName } from './printer.js';
import {
  BOL, CHAR, CLOSE_PAREN, COMMA, DIV, EOF, EQ, FROM_FILE, GREATER, HASH, HEADER_NAME, LESS, MACRO_ARG, NAME,
  NO_EXPAND, NUMBER, OPEN_PAREN, OTHER, PADDING, PASTE_LEFT, PREV_WHITE, STRING, STRINGIFY_ARG, Tok, WCHAR, WSTRING,
  padding,
} from './tokens.js';

export interface CppConfig {
  readonly includeDirs: readonly string[];
}

export interface IfFrame {
  readonly line: number;
  readonly col: number;
  kind: string; // 'if' | 'ifdef' | 'ifndef' | 'elif' | 'else'
  skipElses: boolean;
  readonly wasSkipping: boolean;
  /** Candidate include-guard macro (only for a conditional opening the file). */
  miCmacro: string | null;
}

export interface FileBuffer {
  readonly lexer: FileLexer;
  /** Path the file was opened with (its directory starts "..." searches). */
  readonly path: string;
  /** Presumed name for markers and __FILE__ (#line can change it). */
  name: string;
  /** Identity for #pragma once and include guards. */
  readonly key: string;
  /** Index of the -I directory the file was found in, -1 otherwise (for #include_next). */
  readonly dirIndex: number;
  readonly ifs: IfFrame[];
  /** Include chain for diagnostics, innermost first. */
  readonly origin: readonly OriginFrame[];
}

interface Ctx {
  readonly toks: readonly Tok[];
  pos: number;
  readonly macro: Macro | null;
}

/** An argument as collected: raw tokens; null for an omitted variadic argument. */
interface Arg {
  readonly raw: readonly Tok[] | null;
  expanded: readonly Tok[] | null;
}

/** Marks the end of an argument being pre-expanded (must be pushed back if peeked at). */
const ARG_EOF = new Tok(EOF, 0, '', 0, 0);
/** The padding produced when a macro context ends: "avoid pasting across here". */
export const AVOID_PASTE = padding(null);

export const MAX_INCLUDE_DEPTH = 200;
export const MAX_EXPANSION_NESTING = 400;

export class Cpp {
  readonly macros = new MacroTable();
  /** Bumped on every #define/#undef: invalidates the fast path's per-macro cache. */
  gen = 0;
  readonly buffers: FileBuffer[] = [];
  buf!: FileBuffer;
  readonly ctx: Ctx[] = [];
  macroDepth = 0;
  readonly lookahead: Tok[] = [];
  readonly mode: LexMode = { inDirective: false, parsingArgs: 0, angledHeaders: false };
  directiveWantsPadding = false;
  preventExpansion = 0;
  skipping = false;
  /** Multiple-include optimisation state (gcc's mi_valid / mi_cmacro). */
  miValid = false;
  miCmacro: string | null = null;
  readonly onceFiles = new Set<string>();
  readonly guards = new Map<string, string>();
  readonly pushedMacros = new Map<string, (Macro | undefined)[]>();
  counter = 0;
  invocationLine = 0;
  aboutToExpand = 0;
  baseFile = '';
  /** The fast line path may be used (tests turn it off to check both paths give the same output). */
  fastOk = true;
  /** While processing -D/-U and predefined macros: no output. */
  silent = false;
  readonly printer = new Printer();
  readonly scan: ScanResult = { type: 0, end: 0 };
  readonly fast = new FastScratch();

  constructor(
    readonly config: CppConfig,
    readonly host: Host,
    readonly bag: DiagnosticBag,
  ) {}

  // ---------------------------------------------------------------- diagnostics

  /** Location of a token: its own if it was lexed from the current file, else where expansion began. */
  locOf(tok: Tok | null): Location {
    if (tok !== null && tok.flags & FROM_FILE) return { file: this.buf.name, line: tok.line, col: tok.col };
    return { file: this.buf.name, line: this.invocationLine || this.buf.lexer.lineAt(this.buf.lexer.i), col: 1 };
  }

  error(message: string, tok: Tok | null): void {
    this.bag.error(message, this.locOf(tok), this.buf.origin);
  }

  warning(message: string, tok: Tok | null): void {
    this.bag.warning(message, this.locOf(tok), this.buf.origin);
  }

  errorAt(message: string, line: number, col: number): void {
    this.bag.error(message, { file: this.buf.name, line, col }, this.buf.origin);
  }

  // ---------------------------------------------------------------- buffers

  pushBuffer(path: string, text: string, key: string, dirIndex: number, origin: readonly OriginFrame[]): void {
    const buffer: FileBuffer = {
      lexer: new FileLexer(cleanText(text), (m, l, c) => this.errorAt(m, l, c)),
      path, name: path, key, dirIndex, ifs: [], origin,
    };
    this.buffers.push(buffer);
    this.buf = buffer;
    this.miValid = true;
    this.miCmacro = null;
  }

  /** End of an included file: report open conditionals, remember its guard, go back to the includer. */
  popBuffer(): void {
    const b = this.buf;
    this.reportOpenConditionals(b);
    if (this.miValid && this.miCmacro !== null && !this.guards.has(b.key)) this.guards.set(b.key, this.miCmacro);
    this.buffers.pop();
    this.buf = this.buffers[this.buffers.length - 1]!;
    this.miValid = false;
    if (!this.silent) this.printer.leave(this.buf.lexer.nextPhysLine + this.buf.lexer.lineDelta, this.buf.name);
  }

  reportOpenConditionals(b: FileBuffer): void {
    for (let k = b.ifs.length - 1; k >= 0; k--) {
      const f = b.ifs[k]!;
      this.bag.error(`unterminated #${f.kind}`, { file: b.name, line: f.line, col: f.col }, b.origin);
    }
    b.ifs.length = 0;
    this.skipping = false;
  }

  // ---------------------------------------------------------------- lexing

  /** Next token straight from the file; pops finished include files. */
  lexDirect(): Tok {
    for (;;) {
      const lx = this.buf.lexer;
      const t = lx.lex(this.mode);
      if (t !== null) return t;
      // End of this file. Arguments and directives never continue into the includer.
      if (this.mode.parsingArgs || this.mode.inDirective || this.buffers.length === 1) {
        return new Tok(EOF, FROM_FILE, '', lx.lineAt(lx.lim), lx.colAt(lx.lim));
      }
      this.popBuffer();
    }
  }

  /** gcc's _cpp_lex_token: pushed-back tokens, directives, line changes, skipped blocks. */
  lexToken(): Tok {
    for (;;) {
      const t = this.lookahead.length > 0 ? this.lookahead.pop()! : this.lexDirect();
      if (t.flags & BOL) {
        if (t.type === HASH && this.mode.parsingArgs !== 1 && handleDirective(this, t)) continue;
        if (!this.skipping && this.mode.parsingArgs === 0 && !this.silent) {
          this.printer.lineChange(t.line, t.col, this.buf.name);
        }
      }
      if (this.mode.inDirective) return t;
      this.miValid = false;
      if (!this.skipping || t.type === EOF) return t;
    }
  }

  /** Push a token back so the next read returns it again. */
  backup(t: Tok): void {
    const n = this.ctx.length;
    if (n > 0) this.ctx[n - 1]!.pos--;
    else this.lookahead.push(t);
  }

  pushContext(macro: Macro | null, toks: readonly Tok[]): void {
    this.ctx.push({ toks, pos: 0, macro });
    if (macro !== null) this.macroDepth++;
  }

  popContext(): void {
    const c = this.ctx.pop()!;
    if (c.macro !== null) {
      c.macro.disabled = false;
      this.macroDepth--;
    }
  }

  // ---------------------------------------------------------------- expansion

  /** The next fully macro-expanded token (gcc's cpp_get_token). */
  getToken(): Tok {
    for (;;) {
      let tok: Tok;
      const n = this.ctx.length;
      if (n === 0) {
        tok = this.lexToken();
      } else {
        const c = this.ctx[n - 1]!;
        if (c.pos < c.toks.length) {
          tok = c.toks[c.pos++]!;
          if (tok.flags & PASTE_LEFT) {
            this.pasteAll(tok);
            if (this.mode.inDirective) continue;
            return padding(tok);
          }
        } else {
          this.popContext();
          if (this.mode.inDirective) continue;
          return AVOID_PASTE;
        }
      }
      if (tok.type !== NAME || tok.flags & NO_EXPAND) return tok;
      const m = this.macros.get(tok.text);
      if (m === undefined) return tok;
      if (m.disabled) return tok.withFlags(tok.flags | NO_EXPAND);
      if (this.macroDepth === 0 && this.aboutToExpand === 0) this.invocationLine = tok.line;
      if (this.preventExpansion > 0) return tok;
      const r = this.enterMacro(m, tok);
      if (r !== 0) {
        if (this.mode.inDirective || r === 2) continue;
        return padding(tok);
      }
      return tok;
    }
  }

  /** Starts expanding `m`. 0: not an invocation after all; 1: context pushed; 2: nothing to print. */
  private enterMacro(m: Macro, nameTok: Tok): number {
    this.miValid = false;
    this.mode.angledHeaders = false;
    if (m.builtin) return this.builtin(m, nameTok);
    if (m.fun) {
      if (this.aboutToExpand >= MAX_EXPANSION_NESTING) {
        // Arguments nest by recursion; stop well before the JS stack does.
        this.error(`macro invocations nested more than ${MAX_EXPANSION_NESTING} deep`, nameTok);
        return 0;
      }
      this.aboutToExpand++;
      this.preventExpansion++;
      this.mode.parsingArgs = 1;
      const args = this.funlikeInvocation(m, nameTok);
      this.mode.parsingArgs = 0;
      this.preventExpansion--;
      if (args === null) {
        this.aboutToExpand--;
        return 0;
      }
      const toks = m.params.length > 0 ? this.substitute(m, args) : m.body;
      this.aboutToExpand--;
      this.pushContext(m, toks);
    } else {
      this.pushContext(m, m.body);
    }
    m.disabled = true;
    return 1;
  }

  /** Looks for '(' after a function-like macro name; collects the arguments if found. */
  private funlikeInvocation(m: Macro, nameTok: Tok): Arg[] | null {
    let pad: Tok | null = null;
    let tok: Tok;
    for (;;) {
      tok = this.getToken();
      if (tok.type !== PADDING) break;
      if (pad === null || pad.source === null || (!(pad.source.flags & PREV_WHITE) && tok.source === null)) pad = tok;
    }
    if (tok.type === OPEN_PAREN) {
      this.mode.parsingArgs = 2;
      return this.collectArgs(m, nameTok);
    }
    // An end of file is not pushed back (reading again reproduces it); the end of an argument is.
    if (tok.type !== EOF || tok === ARG_EOF) this.backup(tok);
    if (pad !== null) this.pushContext(null, [pad]);
    return null;
  }

  private collectArgs(m: Macro, nameTok: Tok): Arg[] | null {
    const args: Arg[] = [];
    const nparams = m.params.length;
    let tok: Tok;
    do {
      let depth = 0;
      const raw: Tok[] = [];
      const argIndex = args.length;
      for (;;) {
        tok = this.getToken();
        if (tok.type === PADDING) {
          if (raw.length === 0) continue;
        } else if (tok.type === OPEN_PAREN) {
          depth++;
        } else if (tok.type === CLOSE_PAREN) {
          if (depth-- === 0) break;
        } else if (tok.type === COMMA) {
          if (depth === 0 && !(m.variadic && argIndex === nparams - 1)) break;
        } else if (tok.type === EOF || (tok.type === HASH && tok.flags & BOL)) {
          // A line starting with '#' that is not a directive ends the argument (gcc does the same).
          break;
        }
        raw.push(tok);
      }
      while (raw.length > 0 && raw[raw.length - 1]!.type === PADDING) raw.pop();
      args.push({ raw, expanded: null });
    } while (tok.type !== CLOSE_PAREN && tok.type !== EOF);

    if (tok.type === EOF) {
      if (this.ctx.length > 0 || this.mode.inDirective) this.backup(tok);
      this.error(`unterminated argument list invoking macro "${m.name}"`, tok.flags & FROM_FILE ? tok : nameTok);
      return null;
    }
    let argc = args.length;
    if (argc === 1 && nparams === 0 && args[0]!.raw!.length === 0) argc = 0;
    if (argc < nparams) {
      if (argc + 1 === nparams && m.variadic) {
        args.push({ raw: null, expanded: null });
      } else {
        this.error(`macro "${m.name}" requires ${nparams} arguments, but only ${argc} given`, tok.flags & FROM_FILE ? tok : nameTok);
        return null;
      }
    } else if (argc > nparams) {
      this.error(`macro "${m.name}" passed ${argc} arguments, but takes just ${nparams}`, tok.flags & FROM_FILE ? tok : nameTok);
      return null;
    }
    return args;
  }

  /** Fully macro-expands one argument on its own (the prescan). */
  private expandArg(arg: Arg): readonly Tok[] {
    if (arg.expanded !== null) return arg.expanded;
    const raw = arg.raw ?? [];
    if (raw.length === 0) return (arg.expanded = raw);
    this.pushContext(null, [...raw, ARG_EOF]);
    const out: Tok[] = [];
    for (;;) {
      const t = this.getToken();
      if (t.type === EOF) break;
      out.push(t);
    }
    this.popContext();
    return (arg.expanded = out);
  }

  /** Builds a function-like macro's replacement with its arguments substituted. */
  private substitute(m: Macro, args: Arg[]): Tok[] {
    const body = m.body;
    const out: Tok[] = [];
    const pads = !this.mode.inDirective || this.directiveWantsPadding;
    let vaOptClose = -1;
    for (let i = 0; i < body.length; i++) {
      const src = body[i]!;
      if (src.type !== MACRO_ARG) {
        if (i === vaOptClose) continue;
        if (src.type === NAME && src.text === '__VA_OPT__' && m.variadic && body[i + 1]?.type === OPEN_PAREN) {
          // __VA_OPT__(x): x when the variable argument has tokens, nothing otherwise.
          let depth = 0;
          let j = i + 1;
          for (; j < body.length; j++) {
            const t = body[j]!.type;
            if (t === OPEN_PAREN) depth++;
            else if (t === CLOSE_PAREN && --depth === 0) break;
          }
          const va = args[m.params.length - 1]!;
          const present = this.expandArg(va).some((t) => t.type !== PADDING);
          if (present) {
            vaOptClose = j;
            i++;
            if (pads) out.push(padding(src));
          } else {
            i = j;
          }
          continue;
        }
        out.push(src);
        continue;
      }
      const arg = args[src.arg]!;
      const leftPaste = i > 0 && (body[i - 1]!.flags & PASTE_LEFT) !== 0;
      let fixPaste = -1; // index in out whose PASTE_LEFT must follow src's
      let from: readonly Tok[];
      if (src.flags & STRINGIFY_ARG) {
        from = [this.stringify(arg.raw ?? [], src)];
      } else if (src.flags & PASTE_LEFT) {
        from = arg.raw ?? [];
      } else if (leftPaste) {
        from = arg.raw ?? [];
        if (out.length > 0) {
          const last = out[out.length - 1]!;
          if (last.type === COMMA && m.variadic && src.arg === m.params.length - 1) {
            // GNU `, ## __VA_ARGS__`: the comma goes away when the variadic argument is omitted.
            if (arg.raw === null) out.pop();
            else fixPaste = out.length - 1;
          } else if (from.length === 0) {
            fixPaste = out.length - 1;
          }
        }
      } else {
        from = this.expandArg(arg);
      }
      if (pads && i > 0 && !leftPaste) out.push(padding(src));
      if (from.length > 0) {
        for (const t of from) out.push(t);
        if (src.flags & PASTE_LEFT) fixPaste = out.length - 1;
      }
      if (!this.mode.inDirective && !(src.flags & PASTE_LEFT)) out.push(AVOID_PASTE);
      if (fixPaste >= 0) {
        const t = out[fixPaste]!;
        out[fixPaste] = t.withFlags(src.flags & PASTE_LEFT ? t.flags | PASTE_LEFT : t.flags & ~PASTE_LEFT);
      }
    }
    return out;
  }

  /** `#arg`: the argument's spelling as a string literal. */
  private stringify(raw: readonly Tok[], at: Tok): Tok {
    let s = '';
    let source: Tok | null = null;
    let backslashes = 0;
    for (const t of raw) {
      if (t.type === PADDING) {
        if (source === null || (!(source.flags & PREV_WHITE) && t.source === null)) source = t.source;
        continue;
      }
      if (s.length > 0) {
        const src = source ?? t;
        if (src.flags & PREV_WHITE) s += ' ';
      }
      source = null;
      const quoted = t.type === STRING || t.type === CHAR || t.type === WSTRING || t.type === WCHAR;
      s += quoted ? t.text.replace(/[\\"]/g, (c) => '\\' + c) : t.text;
      backslashes = t.type === OTHER && t.text.charCodeAt(0) === 92 ? backslashes + 1 : 0;
    }
    if (backslashes & 1) {
      this.warning("invalid string literal, ignoring final '\\'", at);
      s = s.slice(0, -1);
    }
    return new Tok(STRING, 0, `"${s}"`, at.line, at.col);
  }

  /** `a ## b ## c`: paste left to right, re-lexing each result; the result is rescanned. */
  private pasteAll(first: Tok): void {
    const c = this.ctx[this.ctx.length - 1]!;
    let lhs = first;
    for (;;) {
      if (c.pos >= c.toks.length) {
        lhs = lhs.withFlags(lhs.flags & ~PASTE_LEFT);
        break;
      }
      const rhs = c.toks[c.pos++]!;
      if (rhs.type === PADDING) continue;
      const pasted = this.pasteTokens(lhs, rhs);
      if (pasted === null) {
        // Not one token: in assembler mode gcc keeps both, silently.
        c.pos--;
        lhs = lhs.withFlags(lhs.flags & ~PASTE_LEFT);
        break;
      }
      lhs = pasted;
      if (!(rhs.flags & PASTE_LEFT)) break;
    }
    this.pushContext(null, [lhs]);
  }

  private pasteTokens(lhs: Tok, rhs: Tok): Tok | null {
    // A space keeps `/` `/` from turning into a comment (and so fails the paste, as in gcc).
    const text = lhs.text + (lhs.type === DIV && rhs.type !== EQ ? ' ' : '') + rhs.text;
    if (text.length === 0) return null;
    scanToken(text, 0, text.length, false, this.scan);
    if (this.scan.end !== text.length) return null;
    return new Tok(this.scan.type, lhs.flags & (PREV_WHITE | FROM_FILE), text, lhs.line, lhs.col);
  }

  // ---------------------------------------------------------------- builtins

  private builtin(m: Macro, nameTok: Tok): number {
    let tok: Tok;
    const line = nameTok.line;
    const col = nameTok.col;
    switch (m.builtin) {
      case B_LINE: {
        const l = nameTok.flags & FROM_FILE ? nameTok.line : this.invocationLine;
        tok = new Tok(NUMBER, 0, String(l), line, col);
        break;
      }
      case B_FILE:
        tok = new Tok(STRING, 0, `"${quoteFileName(this.buf.name)}"`, line, col);
        break;
      case B_BASE_FILE:
        tok = new Tok(STRING, 0, `"${quoteFileName(this.baseFile)}"`, line, col);
        break;
      case B_FILE_NAME: {
        const n = this.buf.name;
        tok = new Tok(STRING, 0, `"${quoteFileName(n.slice(n.lastIndexOf('/') + 1))}"`, line, col);
        break;
      }
      case B_INCLUDE_LEVEL:
        tok = new Tok(NUMBER, 0, String(this.buffers.length - 1), line, col);
        break;
      case B_COUNTER:
        tok = new Tok(NUMBER, 0, String(this.counter++), line, col);
        break;
      case B_DATE:
        tok = new Tok(STRING, 0, '"??? ?? ????"', line, col); // deterministic output: no clock
        break;
      case B_TIME:
        tok = new Tok(STRING, 0, '"??:??:??"', line, col);
        break;
      case B_TIMESTAMP:
        tok = new Tok(STRING, 0, '"??? ??? ?? ??:??:?? ????"', line, col);
        break;
      case B_PRAGMA:
        return this.pragmaOperator(nameTok);
      case B_HAS_INCLUDE:
      case B_HAS_INCLUDE_NEXT: {
        if (m.builtin === B_HAS_INCLUDE_NEXT && !this.mode.inDirective) {
          this.error(`"${m.name}" used outside of preprocessing directive`, nameTok);
        }
        const found = this.hasInclude(nameTok, m.builtin === B_HAS_INCLUDE_NEXT);
        tok = new Tok(NUMBER, 0, found ? '1' : '0', line, col);
        break;
      }
      default:
        return 0;
    }
    this.pushContext(null, [tok]);
    return 1;
  }

  /** `_Pragma("...")`: run the pragma for its effect; it prints nothing. */
  private pragmaOperator(nameTok: Tok): number {
    if (this.mode.inDirective) return 0;
    const next = (): Tok => {
      let t: Tok;
      do t = this.getToken();
      while (t.type === PADDING);
      return t;
    };
    const open = next();
    const str = open.type === OPEN_PAREN ? next() : open;
    const close = str.type === STRING ? next() : str;
    if (open.type !== OPEN_PAREN || str.type !== STRING || close.type !== CLOSE_PAREN) {
      this.error('_Pragma takes a parenthesized string literal', nameTok);
      if (close.type === EOF) this.backup(close);
      return 0;
    }
    const text = str.text.slice(1, -1).replace(/\\(["\\])/g, '$1');
    this.runPragmaText(text, nameTok);
    return 2;
  }

  /** Hook set by directives.ts (kept there with the rest of #pragma). */
  runPragmaText: (text: string, at: Tok) => void = () => {};

  /** `__has_include(...)`: reads the operand and looks the header up. */
  hasInclude(nameTok: Tok, next: boolean): boolean {
    const get = (): Tok => {
      let t: Tok;
      do t = this.getToken();
      while (t.type === PADDING);
      return t;
    };
    const open = get();
    if (open.type !== OPEN_PAREN) {
      this.error(`missing '(' before "${nameTok.text}" operand`, nameTok);
      if (open.type !== EOF) this.backup(open);
      return false;
    }
    this.mode.angledHeaders = true;
    const h = get();
    this.mode.angledHeaders = false;
    const spec = this.headerSpec(h, get);
    const close = get();
    if (close.type !== CLOSE_PAREN) {
      this.error(`missing ')' after "${nameTok.text}" operand`, close);
      if (close.type !== EOF) this.backup(close);
    }
    if (spec === null) {
      this.error(`operator "${nameTok.text}" requires a header-name`, h);
      return false;
    }
    return this.findInclude(spec.name, spec.angled, next) !== null;
  }

  /** Header name from `"x.h"`, `<x.h>` or a macro that expanded to `<` ... `>`. */
  headerSpec(h: Tok, get: () => Tok): { name: string; angled: boolean } | null {
    if (h.type === STRING) return { name: h.text.slice(1, -1), angled: false };
    if (h.type === HEADER_NAME) return { name: h.text.slice(1, -1), angled: true };
    if (h.type === LESS) {
      let name = '';
      for (;;) {
        const t = get();
        if (t.type === EOF) return null;
        if (t.type === GREATER) break;
        if (name.length > 0 && t.flags & PREV_WHITE) name += ' ';
        name += t.text;
      }
      return { name, angled: true };
    }
    return null;
  }

  /** Resolves an include: the includer's directory first for "...", then -I in order. */
  findInclude(name: string, angled: boolean, next: boolean): { path: string; dirIndex: number } | null {
    if (name.startsWith('/')) return this.host.fileExists(name) ? { path: name, dirIndex: -1 } : null;
    const dirs = this.config.includeDirs;
    let start = 0;
    if (next && this.buffers.length > 1) {
      start = this.buf.dirIndex + 1;
    } else if (!angled) {
      const p = this.buf.path;
      const slash = p.lastIndexOf('/');
      const path = slash >= 0 ? p.slice(0, slash + 1) + name : name;
      if (this.host.fileExists(path)) return { path, dirIndex: -1 };
    }
    for (let k = start; k < dirs.length; k++) {
      const path = joinDir(dirs[k]!, name);
      if (this.host.fileExists(path)) return { path, dirIndex: k };
    }
    return null;
  }

  // ---------------------------------------------------------------- main loop

  /** Preprocesses the main file (already pushed) to the end; returns the output text. */
  /** Streaming output: printed text goes to `sink` in chunks of about `chunk` characters. */
  sink?: (chars: Uint16Array) => void;

  run(): string {
    const p = this.printer;
    const sink = this.sink;
    // The first piece is small, so the reader starts assembling while this side is still warming up.
    let piece = 1 << 12;
    for (;;) {
      if (sink !== undefined && p.pending > piece) {
        p.drain(sink);
        piece = 1 << 16;
      }
      if (this.ctx.length === 0 && this.lookahead.length === 0 && !this.skipping && this.fastOk) {
        if (tryFastLine(this, this.buf.lexer.needLine)) continue;
      }
      const t = this.getToken();
      if (t.type === PADDING) {
        p.padding(t.source);
        continue;
      }
      if (t.type === EOF) break;
      p.token(t);
    }
    this.reportOpenConditionals(this.buf);
    const rest = p.finish();
    if (sink === undefined) return rest;
    p.drain(sink); // finish() ended the last line; nothing is returned when streaming
    return '';
  }
}

/** CR/CRLF to LF, and no byte-order mark. */
export function cleanText(text: string): string {
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.includes('\r')) text = text.replace(/\r\n?/g, '\n');
  return text;
}

/** An -I directory joined with a header name the way gcc spells it (trailing slashes dropped). */
export function joinDir(dir: string, name: string): string {
  let d = dir;
  while (d.length > 1 && d.endsWith('/')) d = d.slice(0, -1);
  if (d === '') return name;
  return d === '/' ? '/' + name : d + '/' + name;
}

/** Lexical normalisation of a path: the identity used for #pragma once and include guards. */
export function pathKey(path: string): string {
  const abs = path.startsWith('/');
  const out: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..' && out.length > 0 && out[out.length - 1] !== '..') out.pop();
    else out.push(part);
  }
  return (abs ? '/' : '') + out.join('/');
}
