/**
 * Directive handling: `#define`, `#include`, conditionals and the rest.
 *
 * In assembler-with-cpp mode a `#` line whose word is not a directive is
 * not an error: it is ordinary text (a gas comment such as `# save r3`, or
 * `#123`), macro-expanded and printed. Inside skipped conditional blocks
 * only the conditional directives are looked at.
 */
import type { Cpp } from './engine.js';
import { MAX_INCLUDE_DEPTH, pathKey } from './engine.js';
import { evaluateIf } from './expr.js';
import { FileLexer } from './lexer.js';
import { type Macro, parseDefinition } from './macros.js';
import {
  CLOSE_PAREN, EOF, FROM_FILE, NAME, NOT, NUMBER, OPEN_PAREN, PADDING, PREV_WHITE, STRING, Tok,
} from './tokens.js';

const CONDITIONALS = new Set(['if', 'ifdef', 'ifndef', 'elif', 'elifdef', 'elifndef', 'else', 'endif']);
const OPENERS = new Set(['if', 'ifdef', 'ifndef']);
const INCLUDES = new Set(['include', 'include_next', 'import']);
const OTHERS = new Set(['define', 'undef', 'line', 'error', 'warning', 'pragma', 'ident', 'sccs', 'assert', 'unassert']);

interface PendingInclude {
  path: string;
  text: string;
  key: string;
  dirIndex: number;
  line: number;
  col: number;
}

/**
 * Called with a `#` that starts a line. Returns true if the line was a
 * directive (consumed), false if it is text to be output.
 */
export function handleDirective(pp: Cpp, hash: Tok): boolean {
  const mode = pp.mode;
  const wasParsingArgs = mode.parsingArgs;
  const savedPrevent = pp.preventExpansion;
  if (wasParsingArgs) {
    mode.parsingArgs = 0;
    pp.preventExpansion = 0;
  }
  mode.inDirective = true;
  const dname = pp.lexDirect();
  let handled = true;
  let pending: PendingInclude | null = null;
  if (dname.type === NAME && (CONDITIONALS.has(dname.text) || INCLUDES.has(dname.text) || OTHERS.has(dname.text))) {
    const name = dname.text;
    if (!OPENERS.has(name)) pp.miValid = false;
    if (!pp.skipping || CONDITIONALS.has(name)) {
      if (INCLUDES.has(name)) {
        mode.angledHeaders = true;
        pp.directiveWantsPadding = true;
        pending = doInclude(pp, name, hash);
      } else {
        runDirective(pp, name, dname);
      }
    }
  } else if (dname.type !== EOF) {
    handled = false; // not a directive: the line is assembler text
  }
  if (handled) skipRestOfLine(pp);
  mode.inDirective = false;
  mode.angledHeaders = false;
  pp.directiveWantsPadding = false;
  if (!handled) pp.lookahead.push(dname);
  if (wasParsingArgs) {
    mode.parsingArgs = wasParsingArgs;
    pp.preventExpansion = savedPrevent;
  }
  if (pending !== null) enterInclude(pp, pending);
  return handled;
}

function runDirective(pp: Cpp, name: string, dname: Tok): void {
  switch (name) {
    case 'define':
      return doDefine(pp);
    case 'undef':
      return doUndef(pp);
    case 'if':
      return doIf(pp, dname);
    case 'ifdef':
    case 'ifndef':
      return doIfdef(pp, dname, name === 'ifndef');
    case 'elif':
    case 'elifdef':
    case 'elifndef':
      return doElif(pp, dname, name);
    case 'else':
      return doElse(pp, dname);
    case 'endif':
      return doEndif(pp, dname);
    case 'line':
      return doLine(pp);
    case 'error':
    case 'warning':
      return doDiagnostic(pp, name, dname);
    case 'pragma':
      return runPragma(pp, pp.lexDirect(), () => pp.lexDirect(), true);
    case 'ident':
    case 'sccs': {
      const t = pp.lexDirect();
      if (t.type !== STRING) pp.error(`invalid #${name} directive`, t);
      else checkEol(pp, name);
      return;
    }
    default:
      return; // #assert / #unassert: accepted, no effect
  }
}

/** Discards the rest of the directive line (and anything a macro left pending). */
function skipRestOfLine(pp: Cpp): void {
  while (pp.ctx.length > 0) pp.popContext();
  pp.lookahead.length = 0;
  while (pp.lexDirect().type !== EOF) {
    /* discard */
  }
}

function checkEol(pp: Cpp, name: string): void {
  const t = pp.lexDirect();
  if (t.type !== EOF) pp.warning(`extra tokens at end of #${name} directive`, t);
}

/** The name after #define/#undef/#ifdef...; null after reporting an error. */
function lexMacroName(pp: Cpp, directive: string): Tok | null {
  const t = pp.lexDirect();
  if (t.type === NAME) {
    if (t.text === 'defined' || t.text === '__has_include' || t.text === '__has_include_next') {
      pp.error(`"${t.text}" cannot be used as a macro name`, t);
      return null;
    }
    return t;
  }
  if (t.type === EOF) pp.error(`no macro name given in #${directive} directive`, t);
  else pp.error('macro names must be identifiers', t);
  return null;
}

// ---------------------------------------------------------------- macros

function doDefine(pp: Cpp): void {
  const nameTok = lexMacroName(pp, 'define');
  if (nameTok === null) return;
  const m = parseDefinition(nameTok, () => pp.lexDirect(), pp.buf.name, (msg, tok, warn) =>
    warn ? pp.warning(msg, tok) : pp.error(msg, tok),
  );
  if (m !== undefined) defineMacro(pp, m, nameTok);
}

export function defineMacro(pp: Cpp, m: Macro, at: Tok | null): void {
  const old = pp.macros.get(m.name);
  if (old !== undefined && (old.builtin || old.signature !== m.signature)) {
    pp.warning(`"${m.name}" redefined`, at);
    if (!old.builtin) pp.bag.note('this is the location of the previous definition', { file: old.file, line: old.line, col: 1 });
  }
  pp.macros.set(m.name, m);
  pp.gen++;
}

function doUndef(pp: Cpp): void {
  const nameTok = lexMacroName(pp, 'undef');
  if (nameTok === null) return;
  const old = pp.macros.get(nameTok.text);
  if (old !== undefined) {
    if (old.builtin) pp.warning(`undefining "${nameTok.text}"`, nameTok);
    pp.macros.delete(nameTok.text);
    pp.gen++;
  }
  checkEol(pp, 'undef');
}

// ---------------------------------------------------------------- conditionals

function pushConditional(pp: Cpp, at: Tok, skip: boolean, kind: string, cmacro: string | null): void {
  pp.buf.ifs.push({
    line: at.line, col: at.col, kind,
    skipElses: pp.skipping || !skip,
    wasSkipping: pp.skipping,
    // Only a conditional that opens the file can be an include guard.
    miCmacro: pp.miValid && pp.miCmacro === null ? cmacro : null,
  });
  pp.skipping = skip;
}

function doIfdef(pp: Cpp, dname: Tok, negate: boolean): void {
  let skip = true;
  let name: string | null = null;
  if (!pp.skipping) {
    const t = lexMacroName(pp, dname.text);
    if (t !== null) {
      name = t.text;
      skip = pp.macros.has(name) === negate;
      checkEol(pp, dname.text);
    }
  }
  pushConditional(pp, dname, skip, dname.text, negate ? name : null);
}

function doIf(pp: Cpp, dname: Tok): void {
  let skip = true;
  let cmacro: string | null = null;
  if (!pp.skipping) {
    const r = evalCondition(pp);
    skip = !r.value;
    cmacro = r.guard;
  }
  pushConditional(pp, dname, skip, 'if', cmacro);
}

function conditionalError(pp: Cpp, message: string, at: Tok, began: { line: number; col: number }): void {
  pp.error(message, at);
  pp.bag.note('the conditional began here', { file: pp.buf.name, line: began.line, col: began.col });
}

function doElif(pp: Cpp, dname: Tok, name: string): void {
  const ifs = pp.buf.ifs[pp.buf.ifs.length - 1];
  if (ifs === undefined) {
    pp.error(`#${name} without #if`, dname);
    return;
  }
  if (ifs.kind === 'else') conditionalError(pp, `#${name} after #else`, dname, ifs);
  ifs.kind = 'elif';
  if (ifs.skipElses) {
    pp.skipping = true;
  } else {
    let value: boolean;
    if (name === 'elif') {
      value = evalCondition(pp).value;
    } else {
      pp.skipping = false;
      const t = lexMacroName(pp, name);
      value = t !== null && pp.macros.has(t.text) === (name === 'elifdef');
      if (t !== null) checkEol(pp, name);
    }
    pp.skipping = !value;
    ifs.skipElses = value;
  }
  ifs.miCmacro = null;
}

function doElse(pp: Cpp, dname: Tok): void {
  const ifs = pp.buf.ifs[pp.buf.ifs.length - 1];
  if (ifs === undefined) {
    pp.error('#else without #if', dname);
    return;
  }
  if (ifs.kind === 'else') conditionalError(pp, '#else after #else', dname, ifs);
  ifs.kind = 'else';
  pp.skipping = ifs.skipElses;
  ifs.skipElses = true;
  ifs.miCmacro = null;
  if (!ifs.wasSkipping) checkEol(pp, 'else');
}

function doEndif(pp: Cpp, dname: Tok): void {
  const ifs = pp.buf.ifs[pp.buf.ifs.length - 1];
  if (ifs === undefined) {
    pp.error('#endif without #if', dname);
    return;
  }
  if (!ifs.wasSkipping) checkEol(pp, 'endif');
  if (pp.buf.ifs.length === 1 && ifs.miCmacro !== null) {
    pp.miValid = true;
    pp.miCmacro = ifs.miCmacro;
  }
  pp.buf.ifs.pop();
  pp.skipping = ifs.wasSkipping;
}

/**
 * Reads and evaluates a #if/#elif expression. `guard` is X when the whole
 * expression is `!defined X` / `!defined(X)` (an include-guard candidate).
 */
function evalCondition(pp: Cpp): { value: boolean; guard: string | null } {
  const toks: Tok[] = [];
  let count = 0;
  let leadingNot = false;
  let definedName: string | null = null;
  const get = (): Tok => {
    let t: Tok;
    do t = pp.getToken();
    while (t.type === PADDING);
    return t;
  };
  for (;;) {
    const t = get();
    count++;
    if (t.type === EOF) {
      toks.push(t);
      break;
    }
    if (t.type === NOT && count === 1) leadingNot = true;
    if (t.type === NAME && t.text === 'defined') {
      pp.preventExpansion++;
      let n = get();
      const paren = n.type === OPEN_PAREN;
      if (paren) n = get();
      let value = false;
      if (n.type !== NAME) {
        pp.error('operator "defined" requires an identifier', n);
        pp.preventExpansion--;
        return { value: false, guard: null };
      }
      value = pp.macros.has(n.text);
      definedName = n.text;
      if (paren) {
        const c = get();
        if (c.type !== CLOSE_PAREN) {
          pp.error(`missing ')' after "defined"`, c);
          pp.preventExpansion--;
          return { value: false, guard: null };
        }
      }
      pp.preventExpansion--;
      toks.push(new Tok(NUMBER, t.flags, value ? '1' : '0', t.line, t.col));
      continue;
    }
    toks.push(t);
  }
  const v = evaluateIf(toks, (msg, tok, warn) => (warn ? pp.warning(msg, tok) : pp.error(msg, tok)));
  const guard = definedName !== null && leadingNot && count === 3 ? definedName : null;
  return { value: v === true, guard };
}

// ---------------------------------------------------------------- #include, #line

function doInclude(pp: Cpp, kind: string, hash: Tok): PendingInclude | null {
  const get = (): Tok => {
    let t: Tok;
    do t = pp.getToken();
    while (t.type === PADDING);
    return t;
  };
  const h = get();
  pp.mode.angledHeaders = false;
  const spec = pp.headerSpec(h, get);
  if (spec === null || spec.name === '') {
    pp.error(spec === null ? `#${kind} expects "FILENAME" or <FILENAME>` : `empty filename in #${kind}`, h);
    return null;
  }
  const extra = get();
  if (extra.type !== EOF) pp.warning(`extra tokens at end of #${kind} directive`, extra);
  if (pp.buffers.length >= MAX_INCLUDE_DEPTH) {
    pp.error(`#include nested depth ${pp.buffers.length} exceeds maximum of ${MAX_INCLUDE_DEPTH}`, h);
    return null;
  }
  const next = kind === 'include_next';
  if (next && pp.buffers.length === 1) pp.warning('#include_next in primary source file', h);
  const found = pp.findInclude(spec.name, spec.angled, next);
  if (found === null) {
    pp.error(`'${spec.name}' file not found`, h);
    return null;
  }
  const key = pathKey(found.path);
  if (pp.onceFiles.has(key)) return null;
  const guard = pp.guards.get(key);
  if (guard !== undefined && pp.macros.has(guard)) return null;
  if (kind === 'import') pp.onceFiles.add(key);
  const bytes = pp.host.readFile(found.path);
  if (bytes === undefined) {
    pp.error(`'${spec.name}' could not be read`, h);
    return null;
  }
  const text = new TextDecoder('utf-8').decode(bytes);
  return { path: found.path, text, key, dirIndex: found.dirIndex, line: hash.line, col: hash.col };
}

function enterInclude(pp: Cpp, inc: PendingInclude): void {
  const from = pp.buf;
  const origin = [{ kind: 'include' as const, loc: { file: from.name, line: inc.line, col: inc.col } }, ...from.origin];
  // gcc brings the output to the directive's last physical line (it may be continued with '\\').
  const lx = from.lexer;
  if (!pp.silent) pp.printer.enter(lx.nextPhysLine - 1 + lx.lineDelta, from.name, inc.path);
  pp.pushBuffer(inc.path, inc.text, inc.key, inc.dirIndex, origin);
}

function doLine(pp: Cpp): void {
  const get = (): Tok => {
    let t: Tok;
    do t = pp.getToken();
    while (t.type === PADDING);
    return t;
  };
  const t = get();
  if (t.type !== NUMBER || !/^[0-9]+$/.test(t.text)) {
    pp.error(`"${t.type === EOF ? '' : t.text}" after #line is not a positive integer`, t);
    return;
  }
  let name = pp.buf.name;
  const f = get();
  if (f.type === STRING) {
    name = f.text.slice(1, -1).replace(/\\(.)/g, '$1');
    const extra = get();
    if (extra.type !== EOF) pp.warning('extra tokens at end of #line directive', extra);
  } else if (f.type !== EOF) {
    pp.error(`invalid filename "${f.text}"`, f);
    return;
  }
  const n = Number(t.text);
  const lx = pp.buf.lexer;
  lx.lineDelta = n - lx.nextPhysLine;
  pp.buf.name = name;
  if (!pp.silent) pp.printer.rename(n, name);
}

function doDiagnostic(pp: Cpp, name: string, dname: Tok): void {
  let text = '';
  for (;;) {
    const t = pp.lexDirect();
    if (t.type === EOF) break;
    if (text.length > 0 && t.flags & PREV_WHITE) text += ' ';
    text += t.text;
  }
  const msg = text.length > 0 ? `#${name} ${text}` : `#${name}`;
  if (name === 'error') pp.error(msg, dname);
  else pp.warning(msg, dname);
}

// ---------------------------------------------------------------- #pragma

/**
 * Runs a pragma. gcc (-E, assembler mode) drops unknown pragmas and, for the
 * ones it implements itself, leaves an indented empty line behind; we match.
 */
function runPragma(pp: Cpp, first: Tok, next: () => Tok, fromDirective: boolean): void {
  if (first.type !== NAME) return;
  const known = first.text === 'once' || first.text === 'push_macro' || first.text === 'pop_macro' || first.text === 'GCC';
  if (!known) return;
  if (fromDirective && !pp.silent) pp.printer.lineChange(first.line, first.col, pp.buf.name);
  switch (first.text) {
    case 'once':
      if (pp.buffers.length === 1) pp.warning('#pragma once in main file', first);
      pp.onceFiles.add(pp.buf.key);
      return;
    case 'push_macro':
    case 'pop_macro': {
      const open = next();
      const str = next();
      const close = next();
      if (open.type !== OPEN_PAREN || str.type !== STRING || close.type !== CLOSE_PAREN) {
        pp.error(`invalid #pragma ${first.text} directive`, first);
        return;
      }
      const name = str.text.slice(1, -1);
      let stack = pp.pushedMacros.get(name);
      if (first.text === 'push_macro') {
        if (stack === undefined) pp.pushedMacros.set(name, (stack = []));
        stack.push(pp.macros.get(name));
      } else if (stack !== undefined && stack.length > 0) {
        const m = stack.pop();
        if (m === undefined) pp.macros.delete(name);
        else pp.macros.set(name, m);
        pp.gen++;
      }
      return;
    }
    case 'GCC': {
      const sub = next();
      if (sub.type === NAME && (sub.text === 'warning' || sub.text === 'error')) {
        let t = next();
        if (t.type === OPEN_PAREN) t = next();
        const msg = t.type === STRING ? t.text.slice(1, -1) : '';
        if (t.type !== STRING) pp.error(`invalid "#pragma GCC ${sub.text}" directive`, sub);
        else if (sub.text === 'error') pp.error(msg, first);
        else pp.warning(msg, first);
      }
      return;
    }
  }
}

/** _Pragma("text"): lexes the destringized text as a pragma line. */
export function installPragmaOperator(pp: Cpp): void {
  pp.runPragmaText = (text, at) => {
    const lx = new FileLexer(text, (m) => pp.error(m, at));
    const mode = { inDirective: true, parsingArgs: 0, angledHeaders: false };
    lx.freshLine();
    const next = (): Tok => {
      const t = lx.lex(mode);
      return t === null ? new Tok(EOF, 0, '', at.line, at.col) : new Tok(t.type, t.flags & ~FROM_FILE, t.text, at.line, at.col);
    };
    runPragma(pp, next(), next, false);
  };
}
