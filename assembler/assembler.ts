/**
 * The gas front end: one pass over the logical lines, statement by statement.
 *
 *   lines (with origin) → statements (labels, directive | macro call | instruction)
 *   → bytes in section chunks + fixups → (at the end) fixups resolved or turned into
 *   relocations → ELF object.
 *
 * All per-run state lives in an Assembler instance; nothing is global.
 */
import { DiagnosticBag, type OriginFrame } from '../common/diagnostics.js';
import type { Host } from '../common/host.js';
import { ExprError, ExprParser, charConstEnd, crFieldNumber, isIdentChar, isIdentStart, type Expr, type ParseEnv, type RegClass } from './expr.js';
import { EvalError, NotYet, displayName, evaluate, isAbsolute } from './eval.js';
import { locationOf, type SourceLine, type Where } from './lines.js';
import { Chunk, Section, Sym } from './symbols.js';
import { DIRECTIVES } from './directives.js';
import { MacroEngine } from './macros.js';
import { assembleInstruction } from './instructions.js';
import { SHF_ALLOC, SHF_EXECINSTR, SHF_WRITE, SHT_NOBITS, SHT_PROGBITS } from '../elf/constants.js';
import { DEFAULT_ASM_CPU, isCpu, type Cpu } from '../isa/cpu.js';
import { lookup } from '../isa/index.js';
import type { InsnVariant } from '../isa/types.js';

/** What the gas stage needs to know (the pipeline adds --defsym and listing on top). */
export interface AsOptions {
  /** Accept r0..r31 / f0.. / v0.. / cr0.. names without '%' (gas -mregnames). */
  regnames?: boolean;
  /** .include / .incbin search path. */
  includeDirs?: readonly string[];
  /** -mCPU: the CPU level instructions are checked against (gas names: power7, ppc64, ...). */
  cpu?: string;
  /** -many: also accept instructions of any other CPU when the selected one lacks them. */
  any?: boolean;
}

/** A source of logical lines: the input file, or a macro/.rept expansion. */
export interface LineSource {
  next(): SourceLine | undefined;
}

interface CondFrame {
  /** Lines in the current branch are assembled. */
  active: boolean;
  /** Some branch of this .if was taken already. */
  taken: boolean;
  sawElse: boolean;
  /** The enclosing context was active. */
  outer: boolean;
  where: Where;
}

/** A statement split off a line: its text and the column where it starts. */
interface Statement {
  text: string;
  col: number;
}

const GPR_NAMES = new Map<string, number>([['sp', 1], ['rtoc', 2], ['toc', 2]]);

export class Assembler {
  readonly bag = new DiagnosticBag();
  readonly sections: Section[] = [];
  readonly sectionByName = new Map<string, Section>();
  readonly symbols = new Map<string, Sym>();
  /** Symbols in order of creation (for deterministic output). */
  readonly symbolList: Sym[] = [];
  readonly macros: MacroEngine;

  current!: Chunk;
  previous?: Chunk;
  readonly sectionStack: { current: Chunk; previous: Chunk | undefined }[] = [];

  private readonly conds: CondFrame[] = [];
  /** Numeric local labels: per label number, its definitions so far and its symbols by instance. */
  private readonly localLabels = new Map<number, { count: number; syms: Sym[] }>();
  private readonly sources: { src: LineSource; frame?: OriginFrame; isMacro: boolean; condDepth: number }[] = [];
  /** Where the statement being assembled stands. */
  where: Where = { file: '', line: 0, origin: [] };
  /** Location counter at the start of the current statement. */
  private dotChunk!: Chunk;
  private dotOffset = 0;
  ended = false;
  /** Output of .print. */
  readonly printed: string[] = [];
  /** .abiversion, written to e_flags. */
  abiversion?: number;
  private readonly machineStack: Cpu[] = [];
  /** The CPU instructions are checked against (-mCPU, .machine). */
  cpu: Cpu = DEFAULT_ASM_CPU;
  /** gas's -many: rows of other CPUs are accepted after the selected CPU's own (sticky across .machine). */
  any = false;
  /** Allow cr0..cr7, lt/gt/eq/so/un names while parsing a CR operand. */
  crContext = false;

  readonly env: ParseEnv;

  constructor(
    readonly options: AsOptions,
    readonly host: Host,
  ) {
    this.macros = new MacroEngine(this);
    this.env = {
      symbol: (name) => this.symbol(name),
      reference: (name, col) => this.reference(name, col),
      localLabel: (n, forward) => this.localLabelRef(n, forward),
      here: () => ({ chunk: this.dotChunk, offset: this.dotOffset }),
      register: (name, percent) => this.register(name, percent),
    };
    // gas always creates .text, .data and .bss, in that order.
    const text = this.getSection('.text', SHT_PROGBITS, SHF_ALLOC | SHF_EXECINSTR);
    this.getSection('.data', SHT_PROGBITS, SHF_ALLOC | SHF_WRITE);
    this.getSection('.bss', SHT_NOBITS, SHF_ALLOC | SHF_WRITE);
    this.current = text.chunk(0);
    this.dotChunk = this.current;
    if (options.cpu) this.cpu = cpuFromName(options.cpu) ?? DEFAULT_ASM_CPU;
    this.any = options.any ?? false;
  }

  // ---------------------------------------------------------------------------------
  // Diagnostics

  /** Columns given to error()/warning() are relative to the statement; this maps them to the line. */
  private colBase = 0;

  absCol(col: number): number {
    return col + this.colBase;
  }

  error(message: string, col = 1, where: Where = this.where): void {
    this.bag.error(message, locationOf(where, col + this.colBase), where.origin);
  }

  warning(message: string, col = 1, where: Where = this.where): void {
    this.bag.warning(message, locationOf(where, col + this.colBase), where.origin);
  }

  // ---------------------------------------------------------------------------------
  // Sections and symbols

  getSection(name: string, type: number, flags: bigint, entsize = 0): Section {
    let s = this.sectionByName.get(name);
    if (!s) {
      s = new Section(name, type, flags, entsize, this.sections.length);
      this.sections.push(s);
      this.sectionByName.set(name, s);
    }
    return s;
  }

  switchTo(chunk: Chunk): void {
    if (chunk !== this.current) {
      this.previous = this.current;
      this.current = chunk;
    }
  }

  symbol(name: string): Sym {
    let s = this.symbols.get(name);
    if (!s) {
      s = new Sym(name);
      this.symbols.set(name, s);
      this.symbolList.push(s);
    }
    return s;
  }

  private reference(name: string, col: number): Expr {
    const sym = this.symbol(name);
    if (sym.assigned) {
      if (sym.kind === 'abs') return { k: 'num', v: sym.value };
      if (sym.kind === 'label') return { k: 'pos', chunk: sym.chunk!, offset: sym.offset };
      if (sym.kind === 'equ') return sym.expr!;
    }
    return { k: 'sym', sym, col };
  }

  /** `Nb` is the latest definition of local label N; `Nf` the next one. */
  private localLabel(n: number): { count: number; syms: Sym[] } {
    let l = this.localLabels.get(n);
    if (!l) this.localLabels.set(n, (l = { count: 0, syms: [] }));
    return l;
  }

  /** The symbol of instance `i` of local label `n` (named "\x01n\x02i", outside the user's namespace). */
  private localInstance(n: number, i: number): Sym {
    const l = this.localLabel(n);
    return (l.syms[i] ??= this.symbol(`\x01${n}\x02${i === 0 ? 'b0' : i}`));
  }

  private localLabelRef(n: number, forward: boolean): Sym {
    const count = this.localLabel(n).count;
    // Instance 0 is "1b before any 1:" (gas: undefined local label), kept distinct so the error names it.
    return this.localInstance(n, forward ? count + 1 : count);
  }

  private defineLocalLabel(n: number, col: number): void {
    const l = this.localLabel(n);
    l.count++;
    this.defineLabel(this.localInstance(n, l.count), col);
  }

  defineLabel(sym: Sym, col: number): void {
    if (sym.kind !== 'undef') {
      if (sym.kind === 'common') {
        this.error(`symbol '${sym.name}' is already defined as a common symbol`, col);
        return;
      }
      this.error(`symbol '${sym.name}' is already defined`, col);
      if (sym.definedAt) this.bag.note('previous definition is here', locationOf(sym.definedAt));
      return;
    }
    sym.kind = 'label';
    sym.chunk = this.current;
    sym.offset = this.current.offset;
    sym.definedAt = this.where;
  }

  private register(name: string, percent: boolean): { v: number; cls: RegClass } | undefined {
    if (!percent && this.options.regnames !== true && !this.crContext) return undefined;
    if (!percent && this.options.regnames !== true) {
      // CR operands: cr0..cr7 and the CR bit names are always known (as in gas).
      const field = crFieldNumber(name, 0, name.length);
      if (field >= 0) return CR_FIELDS[field];
      const bit = CR_BITS.get(name.toLowerCase());
      return bit === undefined ? undefined : { v: bit, cls: 'cr' };
    }
    const lower = name.toLowerCase();
    const m = /^(r|f|v|vs|cr)([0-9]+)$/.exec(lower);
    if (m) {
      const n = Number(m[2]);
      const cls: RegClass = m[1] === 'r' ? 'gpr' : m[1] === 'f' ? 'fpr' : m[1] === 'v' ? 'vr' : m[1] === 'vs' ? 'vsr' : 'cr';
      const max = cls === 'vsr' ? 63 : cls === 'cr' ? 7 : 31;
      return n <= max ? { v: n, cls } : undefined;
    }
    const g = GPR_NAMES.get(lower);
    if (g !== undefined) return { v: g, cls: 'gpr' };
    if (this.crContext) {
      const bit = CR_BITS.get(lower);
      if (bit !== undefined) return { v: bit, cls: 'cr' };
    }
    return undefined;
  }

  private readonly insnCache = new Map<string, readonly InsnVariant[] | undefined>();
  private insnCacheCpu: Cpu | undefined;

  /** The table rows for a mnemonic under the current CPU (cached: lookup filters by CPU). */
  lookupInsn(mnemonic: string): readonly InsnVariant[] | undefined {
    if (this.insnCacheCpu !== this.cpu) {
      this.insnCache.clear();
      this.insnCacheCpu = this.cpu;
    }
    let v = this.insnCache.get(mnemonic);
    if (v === undefined && !this.insnCache.has(mnemonic)) {
      v = lookup(mnemonic, this.cpu) ?? (this.any ? lookup(mnemonic, 'any') : undefined);
      this.insnCache.set(mnemonic, v);
    }
    return v;
  }

  /** .machine NAME | push | pop (CPU checks come with the full instruction set). */
  machine(arg: string, col: number): void {
    const name = arg.replace(/^"|"$/g, '').toLowerCase();
    if (name === 'push') this.machineStack.push(this.cpu);
    else if (name === 'pop') {
      const prev = this.machineStack.pop();
      if (prev === undefined) this.error("'.machine pop' without a matching push", col);
      else this.cpu = prev;
    } else if (name === '') this.error('.machine needs a CPU name', col);
    else {
      const cpu = cpuFromName(name);
      if (cpu) this.cpu = cpu;
      else this.error(`unknown CPU '${name}' in .machine (known: ppc64, power4 ... power10, any)`, col);
    }
  }

  parser(text: string, start: number, end = -1): ExprParser {
    return new ExprParser(text, start, this.env, end);
  }

  private operandParser?: ExprParser;

  /**
   * This assembler's one parser for instruction operands, reset to text[start, end): most
   * statements have an operand that needs the parser, and an operand's parse never starts another.
   */
  sharedParser(text: string, start: number, end: number): ExprParser {
    return (this.operandParser ??= this.parser(text, start, end)).reset(text, start, end);
  }

  /** Location counter at the start of the statement being assembled. */
  dot(): { chunk: Chunk; offset: number } {
    return { chunk: this.dotChunk, offset: this.dotOffset };
  }

  /**
   * Evaluate an expression that must be absolute right now (.if, .rept, .space counts...).
   * Reports an error and returns undefined otherwise.
   */
  absoluteNow(e: Expr, col: number, what: string): bigint | undefined {
    try {
      const v = evaluate(e, 'now');
      if (isAbsolute(v)) return v.add;
      const t = v.plus[0] ?? v.minus[0];
      if (t?.sym && t.sym.kind === 'undef') this.error(`${what}: symbol '${displayName(t.sym)}' is not defined (an absolute value is needed here)`, col);
      else this.error(`${what}: the expression is not an absolute value`, col);
    } catch (e) {
      if (e instanceof NotYet) this.error(`${what}: the expression is not known here (an absolute value is needed)`, col);
      else if (e instanceof EvalError) this.error(`${what}: ${e.message}`, e.col ?? col);
      else throw e;
    }
    return undefined;
  }

  /** Parse a whole expression from text[start..]; errors are reported. */
  parseExpr(text: string, start: number): { expr: Expr; end: number } | undefined {
    const p = this.parser(text, start);
    try {
      const expr = p.expr();
      return { expr, end: p.pos };
    } catch (e) {
      if (e instanceof ExprError) {
        this.error(e.message, e.col);
        return undefined;
      }
      throw e;
    }
  }

  // ---------------------------------------------------------------------------------
  // The line loop

  pushSource(src: LineSource, frame?: OriginFrame, isMacro = false): void {
    if (this.sources.length > 200) {
      this.error('macros nested too deeply (more than 200 levels of macros, .rept or .include)');
      return;
    }
    this.sources.push({ src, ...(frame ? { frame } : {}), isMacro, condDepth: this.conds.length });
  }

  /** .exitm: drop the innermost macro expansion. */
  exitMacro(): boolean {
    for (let i = this.sources.length - 1; i >= 0; i--) {
      if (this.sources[i]!.isMacro) {
        // Conditionals opened inside the macro end with it (their .endif lines are skipped).
        this.conds.length = Math.min(this.conds.length, this.sources[i]!.condDepth);
        this.sources.length = i;
        return true;
      }
    }
    return false;
  }

  get sourceDepth(): number {
    return this.sources.length;
  }

  /** Filled when a listing is requested: one entry per line of the input files. */
  listing?: ListingLine[];

  run(main: LineSource): void {
    this.pushSource(main);
    let entry: ListingLine | undefined;
    while (this.sources.length > 0 && !this.ended) {
      const top = this.sources[this.sources.length - 1]!;
      const line = top.src.next();
      if (!line) {
        this.sources.pop();
        continue;
      }
      if (!this.listing) {
        this.processLine(line);
        continue;
      }
      // Bytes made by macro expansions are listed under the line that invoked them.
      if (this.sources.length === 1) {
        entry = { file: line.file, line: line.line, text: line.text, pieces: [] };
        this.listing.push(entry);
      }
      const chunk = this.current;
      const start = chunk.buf.length;
      this.processLine(line);
      if (entry && this.current === chunk && chunk.buf.length > start) entry.pieces.push({ chunk, start, end: chunk.buf.length });
    }
    for (const c of this.conds) this.bag.error("unterminated conditional: missing '.endif'", locationOf(c.where), c.where.origin);
    this.macros.finish();
  }

  processLine(line: SourceLine): void {
    this.where = line;
    const t = line.text;
    if (isSimpleLine(t)) {
      // The common case: one statement, no comment.
      if (!this.macros.collecting(line, t)) this.processStatement(t, 1);
      return;
    }
    const statements = splitStatements(t);
    for (let i = 0; i < statements.length; i++) {
      const st = statements[i]!;
      // Statements, not lines, are what a macro body collects (`.macro m; nop; .endm` works).
      const depth = this.sources.length;
      // (The statement is re-indented to its column only for a body being collected.)
      if (!this.macros.isCollecting || !this.macros.collecting(line, i === 0 ? st.text : ' '.repeat(st.col - 1) + st.text)) {
        this.processStatement(st.text, st.col);
        if (this.ended) return;
      }
      const next = statements[i + 1];
      if (next && this.sources.length > depth) {
        // A macro, .rept or .include started: the rest of this line runs after its lines.
        const rest: SourceLine = { ...line, text: ' '.repeat(next.col - 1) + t.slice(next.col - 1) };
        let done = false;
        const src: LineSource = { next: () => (done ? undefined : ((done = true), rest)) };
        this.sources.splice(depth, 0, { src, isMacro: false, condDepth: this.conds.length });
        return;
      }
    }
  }

  private get active(): boolean {
    const n = this.conds.length;
    return n === 0 || this.conds[n - 1]!.active;
  }

  processStatement(text: string, col0: number): void {
    this.colBase = col0 - 1;
    let p = 0;
    const n = text.length;
    while (p < n && (text.charCodeAt(p) === 32 || text.charCodeAt(p) === 9)) p++;
    if (p >= n) return;

    const active = this.active;
    // Labels: `name:` / `N:` (several may precede a statement).
    for (;;) {
      const c = text.charCodeAt(p);
      let q = p;
      if (isIdentStart(c) || (c >= 48 && c <= 57)) {
        q++;
        while (q < n && isIdentChar(text.charCodeAt(q))) q++;
      } else if (c === 34) {
        q = text.indexOf('"', p + 1);
        if (q < 0) break;
        q++;
      }
      if (q > p && text.charCodeAt(q) === 58 /* : */) {
        if (active) this.label(text.slice(p, q), p + 1);
        p = q + 1;
        while (p < n && (text.charCodeAt(p) === 32 || text.charCodeAt(p) === 9)) p++;
        if (p >= n) return;
        continue;
      }
      break;
    }

    // The operation word.
    const wordStart = p;
    while (p < n && isIdentChar(text.charCodeAt(p))) p++;
    if (p === wordStart) {
      if (active) this.error(`junk at the start of a statement: '${text.slice(wordStart).trim()}'`, wordStart + 1);
      return;
    }
    let hint: '+' | '-' | undefined;
    const hc = text.charCodeAt(p);
    if ((hc === 43 || hc === 45) && (p + 1 >= n || text.charCodeAt(p + 1) === 32 || text.charCodeAt(p + 1) === 9)) {
      hint = hc === 43 ? '+' : '-';
      p++;
    }
    const word = text.slice(wordStart, hint ? p - 1 : p);
    let r = p;
    while (r < n && (text.charCodeAt(r) === 32 || text.charCodeAt(r) === 9)) r++;

    const lower = hasUpper(word) ? word.toLowerCase() : word;
    // Conditionals are seen even in skipped blocks, to keep nesting right.
    if (lower.charCodeAt(0) === 46 && this.conditional(lower, text, r, wordStart + 1)) return;
    if (!active) return;

    // Assignment: `sym = expr` (but not `==`); `. = expr` moves the location counter like .org.
    if (!hint && text.charCodeAt(r) === 61 && text.charCodeAt(r + 1) !== 61) {
      if (word === '.') {
        this.dotChunk = this.current;
        this.dotOffset = this.current.offset;
        DIRECTIVES.get('.org')!(this, text, r + 1, wordStart + 1, '.org');
      } else this.assign(word, text, r + 1, wordStart + 1, false);
      return;
    }

    this.dotChunk = this.current;
    this.dotOffset = this.current.offset;
    if (lower.charCodeAt(0) === 46) {
      const handler = DIRECTIVES.get(lower);
      if (handler) {
        handler(this, text, r, wordStart + 1, lower);
        return;
      }
    }
    if (this.macros.invoke(lower, text, r, wordStart + 1)) return;
    if (lower.charCodeAt(0) === 46) {
      this.error(`unknown directive '${word}'`, wordStart + 1);
      return;
    }
    assembleInstruction(this, lower, hint, text, r, wordStart + 1);
  }

  private label(name: string, col: number): void {
    const c = name.charCodeAt(0);
    if (c >= 48 && c <= 57) {
      if (!/^[0-9]+$/.test(name)) {
        this.error(`invalid label '${name}'`, col);
        return;
      }
      this.defineLocalLabel(Number(name), col);
      return;
    }
    if (c === 34) name = name.slice(1, -1);
    this.defineLabel(this.symbol(name), col);
  }

  /** `sym = expr`, .set, .equ, .equiv */
  assign(name: string, text: string, start: number, col: number, equiv: boolean): void {
    const sym = this.symbol(name);
    const parsed = this.parseExpr(text, start);
    if (!parsed) return;
    if (!this.expectEnd(text, parsed.end)) return;
    // .set/= may redefine what .set/= defined (gas counters); never a label, and never after .equiv.
    if ((sym.kind === 'label' && !sym.assigned) || sym.kind === 'common' || sym.equiv || (equiv && sym.kind !== 'undef')) {
      this.error(`symbol '${name}' is already defined`, col);
      return;
    }
    sym.equiv = equiv;
    sym.assigned = true;
    sym.definedAt = this.where;
    // Evaluate now when possible, so that `.set x, x+1` counts; otherwise keep the expression.
    try {
      const v = evaluate(parsed.expr, 'now');
      if (isAbsolute(v)) {
        sym.kind = 'abs';
        sym.value = v.add;
        sym.expr = undefined;
        return;
      }
      const t = v.plus[0];
      if (v.plus.length === 1 && v.minus.length === 0 && t && !t.sym) {
        // equated to a position: it behaves as a label there
        sym.kind = 'label';
        sym.chunk = t.chunk;
        sym.offset = t.offset + Number(v.add);
        return;
      }
    } catch (e) {
      if (e instanceof EvalError) {
        this.error(e.message, col);
        return;
      }
      if (!(e instanceof NotYet)) throw e;
    }
    if (exprMentions(parsed.expr, sym)) {
      this.error(`symbol '${name}' is defined in terms of itself`, col);
      return;
    }
    sym.kind = 'equ';
    sym.expr = parsed.expr;
  }

  /** Report trailing junk after a complete statement. */
  expectEnd(text: string, pos: number): boolean {
    while (pos < text.length && (text.charCodeAt(pos) === 32 || text.charCodeAt(pos) === 9)) pos++;
    if (pos < text.length) {
      this.error(`junk at end of line: '${text.slice(pos)}'`, pos + 1);
      return false;
    }
    return true;
  }

  // ---------------------------------------------------------------------------------
  // Conditionals

  private conditional(lower: string, text: string, r: number, col0: number): boolean {
    switch (lower) {
      case '.if': case '.ifdef': case '.ifndef': case '.ifnotdef': case '.ifc': case '.ifnc': case '.ifeq': case '.ifne':
      case '.ifb': case '.ifnb': case '.ifgt': case '.ifge': case '.iflt': case '.ifle': case '.ifeqs': case '.ifnes': {
        const outer = this.active;
        const value = outer ? this.evalCondition(lower, text, r, col0) : false;
        this.conds.push({ active: outer && value, taken: value, sawElse: false, outer, where: this.where });
        return true;
      }
      case '.elseif': {
        const f = this.conds[this.conds.length - 1];
        if (!f) {
          this.error("'.elseif' without a matching '.if'", col0);
          return true;
        }
        if (f.sawElse) this.error("'.elseif' after '.else'", col0);
        if (f.outer && !f.taken) {
          const value = this.evalCondition('.if', text, r, col0);
          f.active = value;
          f.taken = value;
        } else f.active = false;
        return true;
      }
      case '.else': {
        const f = this.conds[this.conds.length - 1];
        if (!f) {
          this.error("'.else' without a matching '.if'", col0);
          return true;
        }
        if (f.sawElse) this.error("duplicate '.else'", col0);
        f.sawElse = true;
        f.active = f.outer && !f.taken;
        f.taken = true;
        return true;
      }
      case '.endif': {
        if (!this.conds.pop()) this.error("'.endif' without a matching '.if'", col0);
        return true;
      }
      default:
        return false;
    }
  }

  private evalCondition(kind: string, text: string, r: number, col: number): boolean {
    const rest = text.slice(r);
    switch (kind) {
      case '.ifdef': case '.ifndef': case '.ifnotdef': {
        const name = rest.trim();
        const s = this.symbols.get(name);
        const defined = s !== undefined && s.kind !== 'undef';
        return kind === '.ifdef' ? defined : !defined;
      }
      case '.ifb': case '.ifnb': {
        const blank = rest.trim().length === 0;
        return kind === '.ifb' ? blank : !blank;
      }
      case '.ifc': case '.ifnc': case '.ifeqs': case '.ifnes': {
        const [a, b] = splitTwoStrings(rest);
        if (a === undefined || b === undefined) {
          this.error(`${kind} needs two operands separated by a comma`, col);
          return false;
        }
        const same = a === b;
        return kind === '.ifc' || kind === '.ifeqs' ? same : !same;
      }
      default: {
        const parsed = this.parseExpr(text, r);
        if (!parsed) return false;
        this.expectEnd(text, parsed.end);
        const v = this.absoluteNow(parsed.expr, r + 1, `non-constant expression in '${kind}'`);
        if (v === undefined) return false;
        switch (kind) {
          case '.ifeq': return v === 0n;
          case '.ifgt': return v > 0n;
          case '.ifge': return v >= 0n;
          case '.iflt': return v < 0n;
          case '.ifle': return v <= 0n;
          default: return v !== 0n; // .if, .ifne
        }
      }
    }
  }
}

export interface ListingLine {
  file: string;
  line: number;
  text: string;
  pieces: { chunk: Chunk; start: number; end: number }[];
}

/** No statement separator, comment or quote: the line is one statement as it stands (one scan, not four). */
function isSimpleLine(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 59 /* ; */ || c === 35 /* # */ || c === 34 /* " */ || c === 39 /* ' */) return false;
  }
  return true;
}

function hasUpper(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 65 && c <= 90) return true;
  }
  return false;
}

/** gas CPU names (-mCPU, .machine) → the table's CPU levels. */
export function cpuFromName(name: string): Cpu | undefined {
  const n = name.toLowerCase().replace(/^pwr/, 'power');
  if (isCpu(n)) return n;
  if (n === 'ppc' || n === 'com' || n === 'ppc64bridge' || n === 'ppc32' || n === 'ppc64') return 'ppc64';
  if (n === 'power11') return 'power10';
  return undefined;
}

const CR_BITS = new Map<string, number>([['lt', 0], ['gt', 1], ['eq', 2], ['so', 3], ['un', 3]]);

/** The register() answers for cr0..cr7 (shared: callers only read them). */
const CR_FIELDS: readonly { v: number; cls: RegClass }[] = [0, 1, 2, 3, 4, 5, 6, 7].map((v) => ({ v, cls: 'cr' as const }));

function exprMentions(e: Expr, sym: Sym): boolean {
  switch (e.k) {
    case 'sym': return e.sym === sym;
    case 'un': return exprMentions(e.a, sym);
    case 'bin': return exprMentions(e.a, sym) || exprMentions(e.b, sym);
    default: return false;
  }
}

/**
 * `.ifc a,b` operands: each is a quoted string or text up to the comma; gas compares
 * them with surrounding blanks removed.
 */
function splitTwoStrings(s: string): [string | undefined, string | undefined] {
  const first = readCompareString(s, 0);
  if (!first) return [undefined, undefined];
  let p = first.end;
  while (p < s.length && (s[p] === ' ' || s[p] === '\t')) p++;
  if (s[p] !== ',') return [first.value, undefined];
  const second = readCompareString(s, p + 1);
  return [first.value, second?.value];
}

function readCompareString(s: string, p: number): { value: string; end: number } | undefined {
  while (p < s.length && (s[p] === ' ' || s[p] === '\t')) p++;
  if (s[p] === "'" || s[p] === '"') {
    const q = s[p]!;
    const end = s.indexOf(q, p + 1);
    if (end < 0) return undefined;
    return { value: s.slice(p + 1, end), end: end + 1 };
  }
  let e = p;
  while (e < s.length && s[e] !== ',') e++;
  return { value: s.slice(p, e).trim(), end: e };
}

/**
 * Split a line into statements at ';' and drop its '#' comment, honouring strings and
 * character constants. Columns are 1-based positions in the line.
 */
export function splitStatements(line: string): Statement[] {
  const out: Statement[] = [];
  let start = 0;
  const n = line.length;
  let i = 0;
  for (; i < n; i++) {
    const c = line.charCodeAt(i);
    if (c === 34 /* " */) {
      i++;
      while (i < n && line.charCodeAt(i) !== 34) {
        if (line.charCodeAt(i) === 92) i++;
        i++;
      }
    } else if (c === 39 /* ' */) {
      i = charConstEnd(line, i);
    } else if (c === 35 /* # */) {
      break;
    } else if (c === 59 /* ; */) {
      out.push({ text: line.slice(start, i), col: start + 1 });
      start = i + 1;
    }
  }
  const last = line.slice(start, Math.min(i, n));
  if (out.length === 0) return [{ text: last, col: 1 }];
  out.push({ text: last, col: start + 1 });
  return out;
}
