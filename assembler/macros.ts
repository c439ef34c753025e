/**
 * gas macros and repetition blocks: .macro/.endm (named, defaulted, :req and :vararg
 * parameters, \arg, \(), \@, .exitm, .purgem) and .rept/.irp/.irpc/.endr.
 *
 * Bodies are collected as raw lines; an invocation substitutes the arguments into the
 * text and pushes the result as a new line source, whose lines carry a macro frame in
 * their origin so diagnostics can say "in expansion of macro 'X'".
 */
import type { OriginFrame } from '../common/diagnostics.js';
import type { Assembler, LineSource } from './assembler.js';
import { locationOf, type SourceLine, type Where } from './lines.js';
import { isIdentChar, isIdentStart } from './expr.js';

interface Param {
  name: string;
  default?: string;
  required: boolean;
  vararg: boolean;
}

interface MacroDef {
  /** The lookup key: gas's macro names are case-insensitive. */
  name: string;
  /** The name as the .macro line wrote it, for diagnostics. */
  spelling: string;
  params: Param[];
  body: SourceLine[];
  where: Where;
}

type Collecting =
  | { kind: 'macro'; def: MacroDef; depth: number }
  | { kind: 'rept'; count: number; depth: number; body: SourceLine[]; where: Where }
  | { kind: 'irp'; param: string; values: string[]; depth: number; body: SourceLine[]; where: Where };

/** Upper bound on lines a single .rept/.irp may produce (an "absurd" count is an error, not a hang). */
const MAX_EXPANDED_LINES = 10_000_000;

class ArrayLineSource implements LineSource {
  private i = 0;
  constructor(private readonly lines: SourceLine[]) {}
  next(): SourceLine | undefined {
    return this.lines[this.i++];
  }
}

/** Produces .rept copies lazily so that a large count does not allocate all lines up front. */
class RepeatSource implements LineSource {
  private i = 0;
  private n = 0;
  constructor(
    private readonly body: SourceLine[],
    private readonly count: number,
    private readonly frame: (line: SourceLine) => Where,
  ) {}
  next(): SourceLine | undefined {
    if (this.body.length === 0) return undefined;
    if (this.i >= this.body.length) {
      this.i = 0;
      this.n++;
    }
    if (this.n >= this.count) return undefined;
    const line = this.body[this.i++]!;
    return { text: line.text, ...this.frame(line) };
  }
}

export class MacroEngine {
  private readonly defs = new Map<string, MacroDef>();
  private state?: Collecting;
  /** gas's \@: the number of macros expanded so far. */
  private counter = 0;

  constructor(private readonly as: Assembler) {}

  has(name: string): boolean {
    return this.defs.has(name);
  }

  /** A macro, .rept or .irp body is being collected (collecting() would take lines). */
  get isCollecting(): boolean {
    return this.state !== undefined;
  }

  /** Feed a line while a body is being collected; returns true when the line was consumed. */
  collecting(line: SourceLine, text: string): boolean {
    const st = this.state;
    if (!st) return false;
    const word = firstWord(text);
    if (word === '.macro' || word === '.rept' || word === '.irp' || word === '.irpc' || word === '.rep') {
      if ((word === '.macro') === (st.kind === 'macro')) st.depth++;
    } else if (word === '.endm' && st.kind === 'macro') {
      if (st.depth-- === 0) return this.finishCollect(), true;
    } else if (word === '.endr' && st.kind !== 'macro') {
      if (st.depth-- === 0) return this.finishCollect(), true;
    }
    (st.kind === 'macro' ? st.def.body : st.body).push(text === line.text ? line : { ...line, text });
    return true;
  }

  /** End of input: an unterminated body is an error. */
  finish(): void {
    const st = this.state;
    if (!st) return;
    const where = st.kind === 'macro' ? st.def.where : st.where;
    const what = st.kind === 'macro' ? `macro '${st.def.spelling}'` : st.kind === 'rept' ? "'.rept'" : "'.irp'";
    this.as.bag.error(`unterminated ${what}: missing '${st.kind === 'macro' ? '.endm' : '.endr'}'`, locationOf(where), where.origin);
    this.state = undefined;
  }

  private finishCollect(): void {
    const st = this.state!;
    this.state = undefined;
    if (st.kind === 'macro') {
      this.defs.set(st.def.name, st.def);
      return;
    }
    if (st.kind === 'rept') {
      if (st.count <= 0 || st.body.length === 0) return;
      const frame: OriginFrame = { kind: 'macro', name: '.rept', loc: locationOf(st.where) };
      const origin = [frame, ...st.where.origin];
      this.as.pushSource(new RepeatSource(st.body, st.count, (l) => ({ file: l.file, line: l.line, origin })), frame, false);
      return;
    }
    const frame: OriginFrame = { kind: 'macro', name: '.irp', loc: locationOf(st.where) };
    const origin = [frame, ...st.where.origin];
    const lines: SourceLine[] = [];
    for (const v of st.values) {
      for (const l of st.body) {
        lines.push({ text: substitute(l.text, (name) => (name === st.param ? v : undefined), () => ''), file: l.file, line: l.line, origin });
      }
    }
    this.as.pushSource(new ArrayLineSource(lines), frame, false);
  }

  // ---------------------------------------------------------------------------------
  // Directives

  /** .macro NAME [params] */
  define(text: string, r: number, col: number): void {
    const rest = text.slice(r);
    const m = /^([A-Za-z_.$][A-Za-z0-9_.$]*)\s*,?\s*(.*)$/.exec(rest.trim());
    if (!m) {
      this.as.error(".macro needs a name", col);
      this.beginDiscard();
      return;
    }
    const spelling = m[1]!;
    const name = spelling.toLowerCase();
    const params: Param[] = [];
    for (const spec of splitParams(m[2]!)) {
      const pm = /^([A-Za-z_.$][A-Za-z0-9_.$]*)(?::(req|vararg))?(?:\s*=\s*(.*))?$/.exec(spec);
      if (!pm) {
        this.as.error(`invalid macro parameter '${spec}'`, col);
        continue;
      }
      if (params.some((p) => p.name === pm[1])) this.as.error(`duplicate macro parameter '${pm[1]}'`, col);
      params.push({ name: pm[1]!, ...(pm[3] !== undefined ? { default: pm[3] } : {}), required: pm[2] === 'req', vararg: pm[2] === 'vararg' });
    }
    if (this.defs.has(name)) this.as.error(`macro '${spelling}' was already defined`, col);
    this.state = { kind: 'macro', def: { name, spelling, params, body: [], where: this.as.where }, depth: 0 };
  }

  /** Collect (and drop) a body after a bad .macro line, so its .endm does not complain. */
  private beginDiscard(): void {
    this.state = { kind: 'macro', def: { name: '\x00discard', spelling: '', params: [], body: [], where: this.as.where }, depth: 0 };
  }

  endm(col: number): void {
    this.as.error("'.endm' without a matching '.macro'", col);
  }

  endr(col: number): void {
    this.as.error("'.endr' without a matching '.rept' or '.irp'", col);
  }

  purge(name: string, col: number): void {
    if (!this.defs.delete(name.trim().toLowerCase())) this.as.error(`macro '${name.trim()}' is not defined`, col);
  }

  rept(count: bigint, col: number): void {
    const body: SourceLine[] = [];
    let n = Number(count);
    if (count < 0n) {
      this.as.warning(`.rept count ${count} is negative; treated as 0`, col);
      n = 0;
    } else if (count > BigInt(MAX_EXPANDED_LINES)) {
      this.as.error(`.rept count ${count} is absurd (the limit is ${MAX_EXPANDED_LINES})`, col);
      n = 0;
    }
    this.state = { kind: 'rept', count: n, depth: 0, body, where: this.as.where };
  }

  irp(text: string, r: number, col: number, chars: boolean): void {
    const rest = text.slice(r);
    const m = /^\s*([A-Za-z_.$][A-Za-z0-9_.$]*)\s*(?:,\s*(.*))?$/.exec(rest);
    if (!m) {
      this.as.error(`${chars ? '.irpc' : '.irp'} needs a parameter name`, col);
      this.state = { kind: 'rept', count: 0, depth: 0, body: [], where: this.as.where };
      return;
    }
    const list = m[2] ?? '';
    const values = chars ? [...list.trim()] : list.trim() === '' ? [''] : splitArgs(scrub(list));
    this.state = { kind: 'irp', param: m[1]!, values, depth: 0, body: [], where: this.as.where };
  }

  // ---------------------------------------------------------------------------------
  // Invocation

  /** Expand macro `name` if defined; returns false when there is no such macro. */
  invoke(name: string, text: string, r: number, col: number): boolean {
    const def = this.defs.get(name);
    if (!def) return false;
    if (this.as.sourceDepth >= 100) {
      this.as.error(`macros nested too deeply (more than 100 levels) expanding '${name}'`, col);
      return true;
    }
    const args = this.bind(def, text.slice(r), col);
    if (!args) return true;
    const number = String(this.counter++);
    const frame: OriginFrame = { kind: 'macro', name: def.spelling, loc: locationOf(this.as.where, col) };
    const origin = [frame, ...this.as.where.origin];
    const lines: SourceLine[] = def.body.map((l) => ({
      text: substitute(l.text, (p) => args.get(p), () => number),
      file: l.file,
      line: l.line,
      origin,
    }));
    this.as.pushSource(new ArrayLineSource(lines), frame, true);
    return true;
  }

  private bind(def: MacroDef, argText: string, col: number): Map<string, string> | undefined {
    const values = new Map<string, string>();
    const raw = splitArgs(scrub(argText), def.params.some((p) => p.vararg) ? def.params.length : undefined);
    let positional = 0;
    let ok = true;
    for (const a of raw) {
      const named = a.indexOf('=') > 0 ? /^([A-Za-z_.$][A-Za-z0-9_.$]*)=(.*)$/s.exec(a) : null;
      if (named && def.params.some((p) => p.name === named[1])) {
        values.set(named[1]!, named[2]!);
        continue;
      }
      const p = def.params[positional++];
      if (!p) {
        this.as.error(`too many arguments for macro '${def.spelling}' (it takes ${def.params.length})`, col);
        ok = false;
        break;
      }
      if (a !== '') values.set(p.name, a);
    }
    for (const p of def.params) {
      if (values.has(p.name)) continue;
      if (p.required) {
        this.as.error(`missing value for required parameter '${p.name}' of macro '${def.spelling}'`, col);
        ok = false;
      }
      values.set(p.name, p.default ?? '');
    }
    return ok ? values : undefined;
  }
}

/** The first word of a line (after labels), lower-cased; used to spot .endm/.endr while collecting. */
function firstWord(line: string): string {
  let p = 0;
  const n = line.length;
  for (;;) {
    while (p < n && (line.charCodeAt(p) === 32 || line.charCodeAt(p) === 9)) p++;
    const s = p;
    while (p < n && isIdentChar(line.charCodeAt(p))) p++;
    if (p < n && line.charCodeAt(p) === 58 /* : */ && p > s) {
      p++;
      continue;
    }
    return line.slice(s, p).toLowerCase();
  }
}

/**
 * gas squeezes blanks out of operand text unless they separate two symbol characters
 * (`4 + 8` → `4+8`, but `x y` stays two words). Macro argument splitting happens after.
 */
export function scrub(s: string): string {
  let out = '';
  let i = 0;
  const n = s.length;
  while (i < n && (s[i] === ' ' || s[i] === '\t')) i++;
  while (i < n) {
    const c = s[i]!;
    if (c === '"') {
      let j = i + 1;
      while (j < n && s[j] !== '"') j += s[j] === '\\' ? 2 : 1;
      out += s.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    if (c === ' ' || c === '\t') {
      let j = i;
      while (j < n && (s[j] === ' ' || s[j] === '\t')) j++;
      if (j >= n) break;
      const before = out.charCodeAt(out.length - 1);
      const after = s.charCodeAt(j);
      if (isSymbolish(before) && isSymbolish(after)) out += ' ';
      i = j;
      continue;
    }
    out += c;
    i++;
  }
  return out;
}

function isSymbolish(c: number): boolean {
  return isIdentChar(c) || c === 34 /* " */ || c === 92 /* \ */;
}

/**
 * Split scrubbed macro arguments at top-level commas and blanks. With `varargFrom`, the
 * last parameter takes the rest of the text as written.
 */
export function splitArgs(s: string, varargFrom?: number): string[] {
  const out: string[] = [];
  let depth = 0;
  let cur = '';
  let sawComma = false;
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (varargFrom !== undefined && out.length === varargFrom - 1 && depth === 0 && cur === '' && !/^[A-Za-z_.$][A-Za-z0-9_.$]*=/.test(s.slice(i))) {
      out.push(s.slice(i));
      return out;
    }
    if (c === '"') {
      let j = i + 1;
      while (j < s.length && s[j] !== '"') j += s[j] === '\\' ? 2 : 1;
      cur += s.slice(i, j + 1);
      i = j;
      continue;
    }
    if (c === '(') depth++;
    else if (c === ')') depth = Math.max(0, depth - 1);
    if (depth === 0 && (c === ',' || c === ' ')) {
      if (c === ',' || cur !== '') {
        out.push(cur);
        cur = '';
      }
      sawComma = c === ',';
      if (c === ' ' && s[i + 1] === ',') i++;
      continue;
    }
    cur += c;
  }
  if (cur !== '' || sawComma) out.push(cur);
  return out;
}

function splitParams(s: string): string[] {
  const out: string[] = [];
  for (const part of s.split(',')) {
    const t = part.trim();
    if (t === '') continue;
    // `.macro m a b c` (blank separated) and `.macro m a=1 b` are both gas syntax.
    if (!t.includes('=')) out.push(...t.split(/\s+/));
    else {
      const m = /^(\S+?)\s*=\s*(.*)$/.exec(t);
      const head = m ? m[1]! : t;
      const extra = head.split(/\s+/);
      const last = extra.pop()!;
      out.push(...extra, m ? `${last}=${m[2]}` : t);
    }
  }
  return out;
}

/** Replace \name, \() and \@ in a body line. Unknown \names are left as written. */
export function substitute(line: string, arg: (name: string) => string | undefined, counter: () => string): string {
  if (line.indexOf('\\') < 0) return line;
  let out = '';
  let i = 0;
  const n = line.length;
  while (i < n) {
    const c = line.charCodeAt(i);
    if (c !== 92) {
      // Copy the text up to the next backslash in one piece.
      let j = line.indexOf('\\', i);
      if (j < 0) j = n;
      out += line.slice(i, j);
      i = j;
      continue;
    }
    const d = line.charCodeAt(i + 1);
    if (d === 40 /* ( */ && line.charCodeAt(i + 2) === 41) {
      i += 3;
      continue;
    }
    if (d === 64 /* @ */) {
      out += counter();
      i += 2;
      continue;
    }
    if (isIdentStart(d) || (d >= 48 && d <= 57)) {
      let j = i + 1;
      while (j < n && isIdentChar(line.charCodeAt(j))) j++;
      // Try the longest name first, then shorter prefixes (gas matches a whole identifier).
      const name = line.slice(i + 1, j);
      const v = arg(name);
      if (v !== undefined) {
        out += v;
        i = j;
        continue;
      }
    }
    out += line[i++];
  }
  return out;
}
