/**
 * A small C preprocessor for declaration headers: #include "x"/<x>, #define/#undef (object-
 * and function-like, # and ##, __VA_ARGS__), #if/#ifdef/#ifndef/#elif/#else/#endif,
 * #error/#warning, #pragma once. It works on tokens rather than text so that every token keeps
 * its source position (diagnostics) and its span (the DEFINE list quotes expressions as
 * written, as kbuild's `#val` does).
 *
 * Why not assembler/cpp: its public entry returns gcc -E style text, which loses the unexpanded
 * spelling the header's comments quote and the columns of tokens inside macro expansions.
 *
 * One deliberate difference from a C compiler: in `DEFINE(NAME, ...)` the NAME is never macro-
 * expanded (gcc stringifies it inside the DEFINE macro, which also suppresses expansion).
 */
import type { DiagnosticBag, OriginFrame } from '../../common/diagnostics.js';
import type { Host } from '../../common/host.js';
import { BUILTIN_HEADERS, PREDEFINED_MACROS } from '../abi.js';
import { lexFile, tokenLoc, type SourceSpan, type Token } from './lexer.js';
import { parseCharLiteral, parseIntegerLiteral } from './literal.js';

export interface PreprocessOptions {
  readonly includeDirs: readonly string[];
  /** -D NAME[=VALUE] in order. */
  readonly defines?: ReadonlyArray<readonly [string, string]>;
  readonly undefines?: readonly string[];
}

export interface PreprocessResult {
  /** Fully expanded tokens, ending with 'eof'. */
  readonly tokens: Token[];
  /** Text of every file read, by path (to quote expressions from their source). */
  readonly texts: ReadonlyMap<string, string>;
}

interface Macro {
  readonly name: string;
  readonly params?: readonly string[];
  readonly variadic: boolean;
  readonly body: readonly Token[];
}

interface Ctx {
  readonly host: Host;
  readonly bag: DiagnosticBag;
  readonly includeDirs: readonly string[];
  readonly macros: Map<string, Macro>;
  readonly once: Set<string>;
  readonly texts: Map<string, string>;
  readonly out: Token[];
  /** Tokens produced by macro expansion so far (bounded: see MAX_EXPANDED_TOKENS). */
  expanded: number;
  /** Set once the expansion limit was hit: further expansion is skipped. */
  overflow: boolean;
}

/** Names whose first argument stays unexpanded (see the file comment). */
const PROTECTED_FIRST_ARG = new Set(['DEFINE']);
const MAX_INCLUDE_DEPTH = 64;
/** Far above any declaration header; stops exponential macro definitions from eating memory. */
const MAX_EXPANDED_TOKENS = 500_000;

export function preprocess(path: string, options: PreprocessOptions, host: Host, bag: DiagnosticBag): PreprocessResult {
  const ctx: Ctx = { host, bag, includeDirs: options.includeDirs, macros: new Map(), once: new Set(), texts: new Map(), out: [], expanded: 0, overflow: false };
  const cmdline = [...PREDEFINED_MACROS, ...(options.defines ?? [])];
  for (const [name, value] of cmdline) {
    const toks = lexFile('<command-line>', `${name} ${value}`, bag);
    defineMacro(ctx, toks.slice(0, -1), toks[0] as Token);
  }
  for (const name of options.undefines ?? []) ctx.macros.delete(name);
  const bytes = host.readFile(path);
  if (!bytes) {
    bag.error(`cannot read '${path}'`);
  } else {
    processFile(ctx, path, new TextDecoder().decode(bytes), [], 0);
  }
  const last = ctx.out[ctx.out.length - 1];
  ctx.out.push({ kind: 'eof', text: '', file: path, line: last?.line ?? 1, col: last?.col ?? 1, start: 0, end: 0, bol: true, space: false });
  return { tokens: ctx.out, texts: ctx.texts };
}

interface Cond {
  /** This branch's text is kept. */
  active: boolean;
  /** Some branch of this #if was already taken. */
  taken: boolean;
  seenElse: boolean;
  /** The enclosing region was active. */
  readonly outer: boolean;
  readonly at: Token;
}

function processFile(ctx: Ctx, path: string, text: string, includes: readonly OriginFrame[], depth: number): void {
  ctx.texts.set(path, text);
  const toks = lexFile(path, text, ctx.bag, includes);
  const conds: Cond[] = [];
  const active = (): boolean => conds.length === 0 || (conds[conds.length - 1] as Cond).active;
  let chunk: Token[] = [];
  const flush = (): void => {
    if (chunk.length) append(ctx.out, expand(ctx, chunk));
    chunk = [];
  };
  let i = 0;
  while ((toks[i] as Token).kind !== 'eof') {
    const t = toks[i] as Token;
    let j = i + 1;
    while (!(toks[j] as Token).bol) j++;
    const line = toks.slice(i, j);
    i = j;
    if (!(t.text === '#' && t.kind === 'punct')) {
      if (active()) append(chunk, line);
      continue;
    }
    flush();
    const name = line[1];
    const rest = line.slice(2);
    if (!name) continue; // null directive
    switch (name.text) {
      case 'if':
      case 'ifdef':
      case 'ifndef': {
        const outer = active();
        const value = outer ? evalCondition(ctx, name, rest) : false;
        conds.push({ active: outer && value, taken: value, seenElse: false, outer, at: name });
        break;
      }
      case 'elif':
      case 'else': {
        const c = conds[conds.length - 1];
        if (!c) {
          ctx.bag.error(`#${name.text} without #if`, tokenLoc(name), name.includes);
          break;
        }
        if (c.seenElse) {
          ctx.bag.error(`#${name.text} after #else`, tokenLoc(name), name.includes);
          break;
        }
        if (name.text === 'else') {
          c.seenElse = true;
          c.active = c.outer && !c.taken;
          c.taken = true;
        } else {
          const value = c.outer && !c.taken ? evalCondition(ctx, name, rest) : false;
          c.active = value;
          c.taken ||= value;
        }
        break;
      }
      case 'endif':
        if (!conds.pop()) ctx.bag.error('#endif without #if', tokenLoc(name), name.includes);
        break;
      default:
        if (active()) directive(ctx, path, name, rest, includes, depth);
    }
  }
  flush();
  for (const c of conds) ctx.bag.error(`unterminated #${c.at.text}`, tokenLoc(c.at), c.at.includes);
}

function directive(ctx: Ctx, path: string, name: Token, rest: Token[], includes: readonly OriginFrame[], depth: number): void {
  const loc = tokenLoc(name);
  switch (name.text) {
    case 'define':
      if (!rest[0]) ctx.bag.error('no macro name given in #define directive', loc, name.includes);
      else defineMacro(ctx, rest, name);
      return;
    case 'undef':
      if (rest[0]?.kind !== 'ident') ctx.bag.error('macro names must be identifiers', loc, name.includes);
      else ctx.macros.delete(rest[0].text);
      return;
    case 'include':
      include(ctx, path, name, rest, includes, depth);
      return;
    case 'error':
    case 'warning': {
      const msg = rest.map((t, k) => (k && t.space ? ' ' : '') + t.text).join('');
      if (name.text === 'error') ctx.bag.error(`#error ${msg}`, loc, name.includes);
      else ctx.bag.warning(`#warning ${msg}`, loc, name.includes);
      return;
    }
    case 'pragma':
      if (rest[0]?.text === 'once') ctx.once.add(path);
      return; // other pragmas do not change layout for the ABI subset we accept
    case 'line':
      return;
    default:
      ctx.bag.error(`invalid preprocessing directive #${name.text}`, loc, name.includes);
  }
}

function defineMacro(ctx: Ctx, toks: Token[], at: Token): void {
  const nameTok = toks[0] as Token;
  if (nameTok.kind !== 'ident') {
    ctx.bag.error('macro names must be identifiers', tokenLoc(nameTok), nameTok.includes);
    return;
  }
  if (nameTok.text === 'defined') {
    ctx.bag.error('"defined" cannot be used as a macro name', tokenLoc(nameTok), nameTok.includes);
    return;
  }
  let k = 1;
  let params: string[] | undefined;
  let variadic = false;
  const open = toks[1];
  if (open && open.text === '(' && !open.space) {
    params = [];
    k = 2;
    for (;;) {
      const p = toks[k];
      if (!p) {
        ctx.bag.error(`missing ')' in the parameter list of macro '${nameTok.text}'`, tokenLoc(at), at.includes);
        return;
      }
      if (p.text === ')' && params.length === 0 && !variadic) {
        k++;
        break;
      }
      if (p.text === '...') variadic = true;
      else if (p.kind === 'ident' && !params.includes(p.text)) params.push(p.text);
      else {
        ctx.bag.error(`bad parameter '${p.text}' in macro '${nameTok.text}'`, tokenLoc(p), p.includes);
        return;
      }
      const sep = toks[k + 1];
      k += 2;
      if (sep?.text === ')') break;
      if (sep?.text !== ',' || variadic) {
        ctx.bag.error(`expected ',' or ')' in the parameter list of macro '${nameTok.text}'`, tokenLoc(sep ?? p), p.includes);
        return;
      }
    }
  }
  const body = toks.slice(k);
  const first = body[0];
  if (first?.text === '##' || body[body.length - 1]?.text === '##') {
    ctx.bag.error("'##' cannot appear at either end of a macro expansion", tokenLoc(first?.text === '##' ? first : (body[body.length - 1] as Token)), at.includes);
    return;
  }
  const macro: Macro = { name: nameTok.text, ...(params ? { params } : {}), variadic, body };
  const old = ctx.macros.get(macro.name);
  if (old && !sameMacro(old, macro)) ctx.bag.warning(`'${macro.name}' redefined`, tokenLoc(nameTok), nameTok.includes);
  ctx.macros.set(macro.name, macro);
}

function sameMacro(a: Macro, b: Macro): boolean {
  const spell = (m: Macro): string => `${m.params?.join(',') ?? '-'}|${m.variadic}|${m.body.map((t, k) => (k && t.space ? ' ' : '') + t.text).join('')}`;
  return spell(a) === spell(b);
}

function include(ctx: Ctx, path: string, name: Token, rest: Token[], includes: readonly OriginFrame[], depth: number): void {
  const loc = tokenLoc(name);
  let toks = rest;
  if (toks[0] && toks[0].kind !== 'string' && toks[0].text !== '<') toks = expand(ctx, toks);
  let target: string | undefined;
  let angled = false;
  const first = toks[0];
  if (first?.kind === 'string' && toks.length === 1) target = first.text.slice(1, -1);
  else if (first?.text === '<' && toks[toks.length - 1]?.text === '>' && toks.length > 2) {
    angled = true;
    target = toks.slice(1, -1).map((t, k) => (k && t.space ? ' ' : '') + t.text).join('');
  }
  if (target === undefined || target === '') {
    ctx.bag.error('#include expects "FILENAME" or <FILENAME>', loc, name.includes);
    return;
  }
  if (depth >= MAX_INCLUDE_DEPTH) {
    ctx.bag.error(`#include nested too deeply (${MAX_INCLUDE_DEPTH} levels)`, loc, name.includes);
    return;
  }
  const dirs = angled ? ctx.includeDirs : [dirname(path), ...ctx.includeDirs];
  for (const dir of dirs) {
    const candidate = joinPath(dir, target);
    if (!ctx.host.fileExists(candidate)) continue;
    if (ctx.once.has(candidate)) return;
    const bytes = ctx.host.readFile(candidate);
    if (!bytes) break;
    const frames: OriginFrame[] = [{ kind: 'include', loc }, ...includes];
    processFile(ctx, candidate, new TextDecoder().decode(bytes), frames, depth + 1);
    return;
  }
  if (angled && BUILTIN_HEADERS.has(target)) return; // its content is built into the generator
  ctx.bag.error(`cannot find include file '${target}'${ctx.includeDirs.length ? '' : ' (no -I directories given)'}`, loc, name.includes);
}

export function dirname(p: string): string {
  const k = p.lastIndexOf('/');
  return k < 0 ? '.' : k === 0 ? '/' : p.slice(0, k);
}

export function joinPath(dir: string, file: string): string {
  if (file.startsWith('/')) return file;
  const parts: string[] = [];
  const abs = dir.startsWith('/');
  for (const seg of `${dir}/${file}`.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..' && parts.length && parts[parts.length - 1] !== '..') parts.pop();
    else if (seg === '..' && abs) continue;
    else parts.push(seg);
  }
  return (abs ? '/' : '') + parts.join('/');
}

// ---------------------------------------------------------------------------------------------
// Macro expansion (hide sets, argument pre-expansion, # and ##).

function expand(ctx: Ctx, input: readonly Token[]): Token[] {
  const out: Token[] = [];
  const work = input.slice().reverse(); // a stack: the next token is at the end
  while (work.length) {
    const t = work.pop() as Token;
    if (t.kind !== 'ident' || t.hide?.has(t.text)) {
      out.push(t);
      continue;
    }
    const m = ctx.macros.get(t.text);
    if (!m) {
      out.push(t);
      if (PROTECTED_FIRST_ARG.has(t.text) && work[work.length - 1]?.text === '(' && work[work.length - 2]?.kind === 'ident') {
        out.push(work.pop() as Token, work.pop() as Token);
      }
      continue;
    }
    if (!m.params) {
      const span = t.expansion ?? spanOf(t, t);
      pushReversed(work, substitute(ctx, m, [], addHide(t.hide, m.name), span));
      continue;
    }
    if (work[work.length - 1]?.text !== '(') {
      out.push(t); // a function-like macro name without arguments is an ordinary identifier
      continue;
    }
    const args = collectArgs(ctx, m, t, work);
    if (!args) {
      out.push(t); // left unexpanded (its arguments are back on the stack), as cpp does
      continue;
    }
    const span = t.expansion ?? spanOf(t, args.close);
    const hide = addHide(intersectHide(t.hide, args.close.hide), m.name);
    pushReversed(work, substitute(ctx, m, args.list, hide, span));
  }
  return out;
}

/** push(...src) without spreading (a long expansion would overflow the argument stack). */
function append(dst: Token[], src: readonly Token[]): void {
  for (const t of src) dst.push(t);
}

function pushReversed(work: Token[], toks: readonly Token[]): void {
  for (let k = toks.length - 1; k >= 0; k--) work.push(toks[k] as Token);
}

function spanOf(first: Token, last: Token): SourceSpan {
  const end = last.expansion && last.expansion.file === first.file ? last.expansion.end : last.file === first.file ? last.end : first.end;
  return { file: first.file, line: first.line, col: first.col, start: first.start, end };
}

function addHide(h: ReadonlySet<string> | undefined, name: string): ReadonlySet<string> {
  const s = new Set(h ?? []);
  s.add(name);
  return s;
}

function intersectHide(a: ReadonlySet<string> | undefined, b: ReadonlySet<string> | undefined): ReadonlySet<string> | undefined {
  if (!a || !b) return undefined;
  return new Set([...a].filter((x) => b.has(x)));
}

/**
 * Pops `( args )` off the work stack. Undefined (after a diagnostic) when unbalanced or
 * miscounted; the tokens are then back on the stack.
 */
function collectArgs(ctx: Ctx, m: Macro, at: Token, work: Token[]): { list: Token[][]; close: Token } | undefined {
  const consumed: Token[] = [work.pop() as Token]; // '('
  const giveBack = (): undefined => {
    pushReversed(work, consumed);
    return undefined;
  };
  const list: Token[][] = [[]];
  let depth = 0;
  for (;;) {
    const t = work.pop();
    if (!t || t.kind === 'eof') {
      ctx.bag.error(`unterminated argument list invoking macro '${m.name}'`, tokenLoc(at), at.includes);
      if (t) consumed.push(t);
      return giveBack();
    }
    consumed.push(t);
    if (t.text === '(') depth++;
    else if (t.text === ')') {
      if (depth === 0) {
        const params = m.params ?? [];
        const want = params.length;
        if (list.length === 1 && (list[0] as Token[]).length === 0 && want === 0) list.pop();
        if (m.variadic) {
          const extra = list.splice(want);
          const va: Token[] = [];
          extra.forEach((a, k) => {
            if (k) va.push({ ...(a[0] ?? t), kind: 'punct', text: ',', space: false });
            append(va, a);
          });
          while (list.length < want) list.push([]);
          list.push(va);
        }
        const got = list.length;
        const expected = want + (m.variadic ? 1 : 0);
        if (got !== expected && !(m.variadic && got >= want)) {
          ctx.bag.error(`macro '${m.name}' requires ${want} argument${want === 1 ? '' : 's'}, but ${got} given`, tokenLoc(at), at.includes);
          return giveBack();
        }
        return { list, close: t };
      }
      depth--;
    } else if (t.text === ',' && depth === 0 && (!m.variadic || list.length <= (m.params?.length ?? 0))) {
      list.push([]);
      continue;
    }
    (list[list.length - 1] as Token[]).push(t);
  }
}

function substitute(ctx: Ctx, m: Macro, args: readonly Token[][], hide: ReadonlySet<string>, span: SourceSpan): Token[] {
  if (ctx.overflow) return [];
  if (ctx.expanded > MAX_EXPANDED_TOKENS) {
    ctx.overflow = true;
    ctx.bag.error(`macro expansion produces more than ${MAX_EXPANDED_TOKENS} tokens (while expanding '${m.name}')`, { file: span.file, line: span.line, col: span.col });
    return [];
  }
  const params = m.params ? [...m.params, ...(m.variadic ? ['__VA_ARGS__'] : [])] : [];
  const argIndex = (t: Token | undefined): number => (t && t.kind === 'ident' ? params.indexOf(t.text) : -1);
  const body = m.body;
  const res: Token[] = [];
  for (let k = 0; k < body.length; k++) {
    const b = body[k] as Token;
    if (m.params && b.text === '#' && b.kind === 'punct' && argIndex(body[k + 1]) >= 0) {
      res.push(stringify(args[argIndex(body[k + 1])] ?? [], b));
      k++;
      continue;
    }
    if (b.text === '##' && b.kind === 'punct') {
      const next = body[++k] as Token;
      const ai = argIndex(next);
      const rhs = ai >= 0 ? (args[ai] ?? []) : [next];
      if (rhs.length === 0) continue;
      const lhs = res.pop();
      if (!lhs) {
        append(res, rhs);
        continue;
      }
      res.push(paste(ctx, lhs, rhs[0] as Token));
      append(res, rhs.slice(1));
      continue;
    }
    const ai = argIndex(b);
    if (ai >= 0) {
      const arg = args[ai] ?? [];
      append(res, body[k + 1]?.text === '##' ? arg : expand(ctx, arg));
      continue;
    }
    res.push(b);
  }
  ctx.expanded += res.length;
  return res.map((t) => ({ ...t, hide: t.hide ? new Set([...t.hide, ...hide]) : hide, expansion: span }));
}

function stringify(arg: readonly Token[], at: Token): Token {
  const text = arg
    .map((t, k) => (k && t.space ? ' ' : '') + (t.kind === 'string' || t.kind === 'char' ? t.text.replace(/[\\"]/g, '\\$&') : t.text))
    .join('');
  return { ...at, kind: 'string', text: `"${text}"` };
}

function paste(ctx: Ctx, lhs: Token, rhs: Token): Token {
  const text = lhs.text + rhs.text;
  const scratch = { error: () => undefined, warning: () => undefined } as unknown as DiagnosticBag;
  const toks = lexFile(lhs.file, text, scratch);
  const only = toks[0] as Token;
  if (toks.length !== 2 || only.text !== text) {
    ctx.bag.error(`pasting "${lhs.text}" and "${rhs.text}" does not give a valid preprocessing token`, tokenLoc(lhs), lhs.includes);
    return lhs;
  }
  return { ...lhs, kind: only.kind, text };
}

// ---------------------------------------------------------------------------------------------
// #if expressions: integers as signed 64-bit (unsigned arithmetic is not needed by headers here).

function evalCondition(ctx: Ctx, name: Token, rest: Token[]): boolean {
  const loc = tokenLoc(name);
  if (name.text === 'ifdef' || name.text === 'ifndef') {
    const id = rest[0];
    if (id?.kind !== 'ident') {
      ctx.bag.error(`no macro name given in #${name.text} directive`, loc, name.includes);
      return false;
    }
    return ctx.macros.has(id.text) === (name.text === 'ifdef');
  }
  // Replace `defined X` / `defined(X)` before expansion, as C requires.
  const pre: Token[] = [];
  for (let k = 0; k < rest.length; k++) {
    const t = rest[k] as Token;
    if (t.kind === 'ident' && t.text === 'defined') {
      const paren = rest[k + 1]?.text === '(';
      const id = rest[k + (paren ? 2 : 1)];
      if (id?.kind !== 'ident' || (paren && rest[k + 3]?.text !== ')')) {
        ctx.bag.error("operator 'defined' requires an identifier", tokenLoc(t), t.includes);
        return false;
      }
      pre.push({ ...t, kind: 'number', text: ctx.macros.has(id.text) ? '1' : '0' });
      k += paren ? 3 : 1;
    } else pre.push(t);
  }
  const toks = expand(ctx, pre);
  if (toks.length === 0) {
    ctx.bag.error(`#${name.text} with no expression`, loc, name.includes);
    return false;
  }
  const p = { toks, pos: 0, ok: true };
  const fail = (t: Token | undefined, msg: string): bigint => {
    if (p.ok) ctx.bag.error(msg, t ? tokenLoc(t) : loc, (t ?? name).includes);
    p.ok = false;
    return 0n;
  };
  const wrap = (v: bigint): bigint => BigInt.asIntN(64, v);
  const peek = (): string | undefined => p.toks[p.pos]?.text;
  const primary = (): bigint => {
    const t = p.toks[p.pos++];
    if (!t) return fail(undefined, `missing operand in #${name.text} expression`);
    if (t.text === '(') {
      const v = ternary();
      if (peek() !== ')') return fail(p.toks[p.pos], "missing ')' in expression");
      p.pos++;
      return v;
    }
    if (t.text === '-' || t.text === '+' || t.text === '~' || t.text === '!') {
      const v = primary();
      return t.text === '-' ? wrap(-v) : t.text === '~' ? wrap(~v) : t.text === '!' ? (v === 0n ? 1n : 0n) : v;
    }
    if (t.kind === 'number') {
      const lit = parseIntegerLiteral(t.text);
      return lit ? wrap(lit.value) : fail(t, `invalid integer constant '${t.text}' in #${name.text}`);
    }
    if (t.kind === 'char') {
      const lit = parseCharLiteral(t.text);
      return lit ? lit.value : fail(t, `invalid character constant ${t.text}`);
    }
    if (t.kind === 'ident') return 0n; // an identifier that is no macro counts as 0
    return fail(t, `token '${t.text}' is not valid in preprocessor expressions`);
  };
  const LEVELS: readonly (readonly string[])[] = [['||'], ['&&'], ['|'], ['^'], ['&'], ['==', '!='], ['<', '>', '<=', '>='], ['<<', '>>'], ['+', '-'], ['*', '/', '%']];
  const binary = (level: number): bigint => {
    if (level >= LEVELS.length) return primary();
    let v = binary(level + 1);
    for (;;) {
      const op = peek();
      if (!op || !(LEVELS[level] as readonly string[]).includes(op)) return v;
      const opTok = p.toks[p.pos++];
      const r = binary(level + 1);
      switch (op) {
        case '||': v = v || r ? 1n : 0n; break;
        case '&&': v = v && r ? 1n : 0n; break;
        case '|': v |= r; break;
        case '^': v ^= r; break;
        case '&': v &= r; break;
        case '==': v = v === r ? 1n : 0n; break;
        case '!=': v = v !== r ? 1n : 0n; break;
        case '<': v = v < r ? 1n : 0n; break;
        case '>': v = v > r ? 1n : 0n; break;
        case '<=': v = v <= r ? 1n : 0n; break;
        case '>=': v = v >= r ? 1n : 0n; break;
        case '<<': v = r < 0n || r > 63n ? fail(opTok, 'shift count out of range') : wrap(v << r); break;
        case '>>': v = r < 0n || r > 63n ? fail(opTok, 'shift count out of range') : v >> r; break;
        case '+': v = wrap(v + r); break;
        case '-': v = wrap(v - r); break;
        case '*': v = wrap(v * r); break;
        default:
          if (r === 0n) v = fail(opTok, 'division by zero in #if');
          else v = op === '/' ? wrap(v / r) : v % r;
      }
    }
  };
  const ternary = (): bigint => {
    const c = binary(0);
    if (peek() !== '?') return c;
    p.pos++;
    const a = ternary();
    if (peek() !== ':') return fail(p.toks[p.pos], "expected ':' in conditional expression");
    p.pos++;
    const b = ternary();
    return c !== 0n ? a : b;
  };
  const v = ternary();
  if (p.ok && p.pos < p.toks.length) fail(p.toks[p.pos], `missing binary operator before token '${p.toks[p.pos]?.text}'`);
  return p.ok && v !== 0n;
}
