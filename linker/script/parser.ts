/**
 * Hand-written recursive-descent parser for linker scripts. The first error stops the parse and is
 * reported as `file:line:col: error: ...`; no exception escapes parseScript.
 */
import type { Diagnostic, Location } from '../../common/diagnostics.js';
import { PT_DYNAMIC, PT_GNU_EH_FRAME, PT_GNU_RELRO, PT_GNU_STACK, PT_INTERP, PT_LOAD, PT_NOTE, PT_NULL, PT_PHDR, PT_SHLIB, PT_TLS } from '../../elf/constants.js';
import type {
  Assign, AssertStmt, DataStmt, Expr, InputSpec, MemoryRegion, OutputCmd, OutputSectionDef, Pattern, PhdrDef, Script, SectionsItem, SortKind,
} from './ast.js';
import { emptyScript } from './ast.js';
import { type LexMode, SourceText, type Token, scan } from './lexer.js';
import { compilePattern } from './pattern.js';

class ParseError {
  constructor(readonly message: string, readonly offset: number) {}
}

const ASSIGN_OPS = new Set(['=', '+=', '-=', '*=', '/=', '<<=', '>>=', '&=', '|=', '^=']);
/** Binary operator precedence (higher binds tighter), as in C. */
const PREC: Record<string, number> = {
  '||': 1, '&&': 2, '|': 3, '^': 4, '&': 5, '==': 6, '!=': 6, '<': 7, '<=': 7, '>': 7, '>=': 7,
  '<<': 8, '>>': 8, '+': 9, '-': 9, '*': 10, '/': 10, '%': 10,
};
/** Functions whose argument is a name (section, region, constant, symbol), not an expression. */
const NAME_ARG_FUNCS = new Set(['ADDR', 'LOADADDR', 'SIZEOF', 'ALIGNOF', 'ORIGIN', 'ORG', 'LENGTH', 'LEN', 'CONSTANT', 'DEFINED']);
const EXPR_FUNCS: Record<string, [number, number]> = {
  ABSOLUTE: [1, 1], ALIGN: [1, 2], BLOCK: [1, 1], MAX: [2, 2], MIN: [2, 2], NEXT: [1, 1], LOG2CEIL: [1, 1],
  DATA_SEGMENT_ALIGN: [2, 2], DATA_SEGMENT_RELRO_END: [2, 2], DATA_SEGMENT_END: [1, 1], ASSERT: [2, 2],
};
const PHDR_TYPES: Record<string, number> = {
  PT_NULL, PT_LOAD, PT_DYNAMIC, PT_INTERP, PT_NOTE, PT_SHLIB, PT_PHDR, PT_TLS, PT_GNU_EH_FRAME, PT_GNU_STACK, PT_GNU_RELRO,
};
const SORT_KINDS: Record<string, SortKind> = {
  SORT: 'name', SORT_BY_NAME: 'name', SORT_BY_ALIGNMENT: 'alignment', SORT_NONE: 'none', SORT_BY_INIT_PRIORITY: 'init_priority',
};
/** Top-level commands with arguments we accept and ignore (they select formats we always use). */
const IGNORED_COMMANDS = new Set(['OUTPUT_FORMAT', 'OUTPUT_ARCH', 'TARGET', 'SEARCH_DIR', 'OUTPUT', 'STARTUP', 'NOCROSSREFS', 'NOCROSSREFS_TO', 'REGION_ALIAS', 'LD_FEATURE']);

class Parser {
  private pos = 0;
  readonly script: Script = emptyScript();

  constructor(private readonly src: SourceText) {}

  /** The last token peek() scanned, and where and how: the parser often looks at one position several times. */
  private cached?: Token;
  private cachedPos = -1;
  private cachedMode: LexMode = 'expr';

  // ---- token helpers ----
  peek(mode: LexMode = 'expr'): Token {
    if (this.cachedPos === this.pos && this.cachedMode === mode) return this.cached!;
    const t = scan(this.src.text, this.pos, mode);
    if (t.kind === 'bad') throw new ParseError(t.error ?? 'invalid token', t.start);
    this.cached = t;
    this.cachedPos = this.pos;
    this.cachedMode = mode;
    return t;
  }
  private next(mode: LexMode = 'expr'): Token {
    const t = this.peek(mode);
    this.pos = t.end;
    return t;
  }
  private isOp(text: string, mode: LexMode = 'expr'): boolean {
    const t = this.peek(mode);
    return t.kind === 'op' && t.text === text;
  }
  private eatOp(text: string): boolean {
    if (this.isOp(text)) {
      this.next();
      return true;
    }
    return false;
  }
  private expectOp(text: string, what?: string): Token {
    const t = this.peek();
    if (t.kind !== 'op' || t.text !== text) this.fail(`expected '${text}'${what ? ` ${what}` : ''}, found ${describe(t)}`, t.start);
    return this.next();
  }
  private expectName(mode: LexMode, what: string): Token {
    const t = this.peek(mode);
    if (t.kind !== 'name' && t.kind !== 'str') this.fail(`expected ${what}, found ${describe(t)}`, t.start);
    return this.next(mode);
  }
  private fail(message: string, offset: number): never {
    throw new ParseError(message, offset);
  }
  private loc(offset: number): Location {
    return this.src.loc(offset);
  }
  private eatSemis(): void {
    while (this.isOp(';')) this.next();
  }

  // ---- top level ----
  parse(): Script {
    for (;;) {
      this.eatSemis();
      const t = this.peek();
      if (t.kind === 'eof') return this.script;
      if (t.kind !== 'name') this.fail(`expected a linker script command, found ${describe(t)}`, t.start);
      this.topCommand(t);
    }
  }

  private topCommand(t: Token): void {
    const word = t.text;
    if (word === 'SECTIONS') {
      this.next();
      this.script.hasSections = true;
      this.expectOp('{', 'after SECTIONS');
      this.sectionsBody();
      return;
    }
    if (word === 'MEMORY') {
      this.next();
      this.memory();
      return;
    }
    if (word === 'PHDRS') {
      this.next();
      this.phdrs();
      return;
    }
    if (word === 'ENTRY') {
      this.next();
      this.script.entry = this.entry(t);
      return;
    }
    if (word === 'INPUT' || word === 'GROUP') {
      this.next();
      this.expectOp('(');
      while (!this.isOp(')', 'name')) {
        const f = this.peek('name');
        if (f.kind === 'eof') this.fail(`missing ')' in ${word}`, f.start);
        this.next('name');
        if (f.kind === 'op' && f.text === ',') continue;
        if (f.text === 'AS_NEEDED') this.fail('AS_NEEDED is not supported (static links only)', f.start);
        this.script.inputs.push({ path: f.text, loc: this.loc(f.start) });
      }
      this.next('name');
      return;
    }
    if (word === 'EXTERN') {
      this.next();
      this.expectOp('(');
      while (!this.isOp(')')) {
        if (this.eatOp(',')) continue;
        this.script.externs.push(this.expectName('expr', 'a symbol name').text);
      }
      this.next();
      return;
    }
    if (IGNORED_COMMANDS.has(word)) {
      this.next();
      this.skipParenthesized(word);
      return;
    }
    if (word === 'FORCE_COMMON_ALLOCATION' || word === 'INHIBIT_COMMON_ALLOCATION') {
      this.next();
      return;
    }
    if (word === 'INCLUDE' || word === 'INSERT' || word === 'OVERLAY' || word === 'VERSION') {
      this.fail(`${word} is not supported by ppc64-ld`, t.start);
    }
    const item = this.statement(false);
    if (item) this.script.sections.push(item);
    else this.fail(`unknown linker script command '${word}'`, t.start);
  }

  private skipParenthesized(word: string): void {
    const open = this.peek();
    if (open.kind !== 'op' || open.text !== '(') this.fail(`expected '(' after ${word}`, open.start);
    this.next();
    let depth = 1;
    while (depth > 0) {
      const t = this.next('name');
      if (t.kind === 'eof') this.fail(`missing ')' after ${word}`, open.start);
      if (t.kind === 'op' && t.text === '(') depth++;
      if (t.kind === 'op' && t.text === ')') depth--;
    }
  }

  private entry(t: Token): { k: 'entry'; name: string; loc: Location } {
    this.expectOp('(', 'after ENTRY');
    const n = this.expectName('expr', 'a symbol name');
    this.expectOp(')');
    return { k: 'entry', name: n.text, loc: this.loc(t.start) };
  }

  /** Assignment, PROVIDE/HIDDEN, ASSERT or ENTRY; undefined when the tokens start none of these. */
  private statement(inSection: boolean): Assign | AssertStmt | { k: 'entry'; name: string; loc: Location } | undefined {
    const t = this.peek();
    if (t.kind !== 'name') return undefined;
    if (t.text === 'PROVIDE' || t.text === 'PROVIDE_HIDDEN' || t.text === 'HIDDEN') {
      const after = scan(this.src.text, t.end, 'expr');
      if (after.kind === 'op' && after.text === '(') {
        this.next();
        this.next();
        const a = this.assignment(this.expectName('expr', 'a symbol name'), t.text !== 'HIDDEN', t.text !== 'PROVIDE');
        this.expectOp(')', `to close ${t.text}`);
        this.endStatement(inSection);
        return a;
      }
    }
    if (t.text === 'ASSERT') {
      this.next();
      const a = this.assertArgs(t);
      this.eatOp(';'); // GNU ld does not require the ';' after ASSERT(...)
      return a;
    }
    if (t.text === 'ENTRY' && !inSection) {
      this.next();
      return this.entry(t);
    }
    const after = scan(this.src.text, t.end, 'expr');
    if (after.kind === 'op' && ASSIGN_OPS.has(after.text)) {
      this.next();
      const a = this.assignment(t, false, false);
      this.endStatement(inSection);
      return a;
    }
    return undefined;
  }

  private endStatement(inSection: boolean): void {
    if (this.eatOp(';')) return;
    // GNU ld tolerates a missing ';' before a closing brace.
    if (inSection && this.isOp('}')) return;
    if (!inSection && (this.isOp('}') || this.peek().kind === 'eof')) return;
    const t = this.peek();
    this.fail(`expected ';' after statement, found ${describe(t)}`, t.start);
  }

  private assignment(name: Token, provide: boolean, hidden: boolean): Assign {
    const op = this.next();
    if (op.kind !== 'op' || !ASSIGN_OPS.has(op.text)) this.fail(`expected '=' after '${name.text}', found ${describe(op)}`, op.start);
    if (provide && op.text !== '=') this.fail(`PROVIDE needs a plain '=' assignment`, op.start);
    const expr = this.expr();
    return { k: 'assign', name: name.text, op: op.text, expr, provide, hidden, loc: this.loc(name.start) };
  }

  private assertArgs(t: Token): AssertStmt {
    this.expectOp('(', 'after ASSERT');
    const expr = this.expr();
    this.expectOp(',', 'in ASSERT');
    const m = this.next('name');
    if (m.kind !== 'str' && m.kind !== 'name') this.fail(`expected an ASSERT message, found ${describe(m)}`, m.start);
    this.expectOp(')', 'to close ASSERT');
    return { k: 'assert', expr, message: m.text, loc: this.loc(t.start) };
  }

  // ---- SECTIONS ----
  private sectionsBody(): void {
    for (;;) {
      this.eatSemis();
      const t = this.peek();
      if (t.kind === 'op' && t.text === '}') {
        this.next();
        return;
      }
      if (t.kind === 'eof') this.fail(`missing '}' at the end of SECTIONS`, t.start);
      const st = this.statement(false);
      if (st) {
        this.script.sections.push(st as SectionsItem);
        continue;
      }
      if (t.kind === 'name' && (t.text === 'OVERLAY' || t.text === 'INCLUDE' || t.text === 'INSERT')) this.fail(`${t.text} is not supported by ppc64-ld`, t.start);
      this.script.sections.push(this.outputSection());
    }
  }

  private outputSection(): OutputSectionDef {
    const nameTok = this.next('name');
    if (nameTok.kind !== 'name' && nameTok.kind !== 'str') this.fail(`expected an output section name, found ${describe(nameTok)}`, nameTok.start);
    const def: OutputSectionDef = { k: 'osec', name: nameTok.text, phdrs: [], cmds: [], loc: this.loc(nameTok.start) };
    // [address] [(type)] :
    if (!this.isOp(':')) {
      if (!this.typeAhead()) def.addr = this.expr();
      if (this.typeAhead()) {
        this.next();
        def.type = this.next().text;
        this.expectOp(')');
      }
    }
    this.expectOp(':', `after output section '${def.name}'`);
    for (;;) {
      const t = this.peek();
      if (t.kind !== 'name') break;
      if (t.text === 'AT') {
        this.next();
        if (this.isOp('>')) this.fail(`AT> belongs after the closing brace`, t.start);
        this.expectOp('(');
        def.lma = this.expr();
        this.expectOp(')');
      } else if (t.text === 'ALIGN') {
        this.next();
        this.expectOp('(');
        def.align = this.expr();
        this.expectOp(')');
      } else if (t.text === 'SUBALIGN') {
        this.next();
        this.expectOp('(');
        def.subalign = this.expr();
        this.expectOp(')');
      } else if (t.text === 'ONLY_IF_RO' || t.text === 'ONLY_IF_RW') {
        this.next();
        def.constraint = t.text;
      } else if (t.text === 'ALIGN_WITH_INPUT' || t.text === 'SPECIAL') {
        this.next();
      } else this.fail(`unexpected '${t.text}' before '{' of output section '${def.name}'`, t.start);
    }
    this.expectOp('{', `to open output section '${def.name}'`);
    this.outputCommands(def);
    // Trailers: >region AT>region :phdr... =fill
    for (;;) {
      const t = this.peek();
      if (t.kind === 'op' && t.text === '>') {
        this.next();
        def.region = this.expectName('expr', 'a memory region name').text;
      } else if (t.kind === 'name' && t.text === 'AT' && scan(this.src.text, t.end, 'expr').text === '>') {
        this.next();
        this.next();
        def.lmaRegion = this.expectName('expr', 'a memory region name').text;
      } else if (t.kind === 'op' && t.text === ':') {
        this.next();
        def.phdrs.push(this.expectName('expr', 'a program header name').text);
      } else if (t.kind === 'op' && t.text === '=') {
        this.next();
        def.fill = this.expr();
      } else if (t.kind === 'op' && t.text === ',') {
        this.next();
        break;
      } else break;
    }
    return def;
  }

  /** `(NOLOAD)`-style type in an output section header. */
  private typeAhead(): boolean {
    if (!this.isOp('(')) return false;
    const t = scan(this.src.text, this.peek().end, 'expr');
    if (t.kind !== 'name' || !['NOLOAD', 'DSECT', 'COPY', 'INFO', 'OVERLAY', 'READONLY'].includes(t.text)) return false;
    return scan(this.src.text, t.end, 'expr').text === ')';
  }

  private outputCommands(def: OutputSectionDef): void {
    for (;;) {
      this.eatSemis();
      const t = this.peek();
      if (t.kind === 'op' && t.text === '}') {
        this.next();
        return;
      }
      if (t.kind === 'eof') this.fail(`missing '}' for output section '${def.name}'`, t.start);
      const st = this.statement(true);
      if (st) {
        if (st.k === 'entry') this.fail('ENTRY is not allowed inside an output section', t.start);
        def.cmds.push(st);
        continue;
      }
      if (t.kind === 'name') {
        const size = ({ BYTE: 1, SHORT: 2, LONG: 4, QUAD: 8, SQUAD: 8 } as Record<string, 1 | 2 | 4 | 8>)[t.text];
        if (size !== undefined) {
          this.next();
          this.expectOp('(');
          const d: DataStmt = { k: 'data', size, expr: this.expr(), loc: this.loc(t.start) };
          this.expectOp(')');
          def.cmds.push(d);
          continue;
        }
        if (t.text === 'FILL') {
          this.next();
          this.expectOp('(');
          def.cmds.push({ k: 'fill', expr: this.expr(), loc: this.loc(t.start) });
          this.expectOp(')');
          continue;
        }
        if (t.text === 'CONSTRUCTORS' || t.text === 'CREATE_OBJECT_SYMBOLS') {
          this.next();
          continue;
        }
        if (t.text === 'SORT' && scan(this.src.text, t.end, 'expr').text === '(') {
          // SORT(CONSTRUCTORS) in GNU's scripts: nothing to do for static ELF links.
          const inner = scan(this.src.text, scan(this.src.text, t.end, 'expr').end, 'expr');
          if (inner.text === 'CONSTRUCTORS') {
            this.next();
            this.next();
            this.next();
            this.expectOp(')');
            continue;
          }
        }
        if (t.text === 'INCLUDE') this.fail('INCLUDE is not supported by ppc64-ld', t.start);
      }
      def.cmds.push(this.inputSpec());
    }
  }

  // ---- input section descriptions ----
  private inputSpec(): InputSpec {
    const start = this.peek('name');
    if (start.kind === 'name' && start.text === 'KEEP' && this.followedByParen(start)) {
      this.next('name');
      this.next();
      const spec = this.inputSpecBody();
      spec.keep = true;
      this.expectOp(')', 'to close KEEP');
      return spec;
    }
    return this.inputSpecBody();
  }

  private followedByParen(t: Token): boolean {
    const n = scan(this.src.text, t.end, 'name');
    return n.kind === 'op' && n.text === '(';
  }

  private patternList(what: string): Pattern[] {
    this.expectOp('(', `after ${what}`);
    const out: Pattern[] = [];
    for (;;) {
      const t = this.next('name');
      if (t.kind === 'op' && t.text === ')') return out;
      if (t.kind === 'op' && t.text === ',') continue;
      if (t.kind !== 'name' && t.kind !== 'str') this.fail(`expected a file name pattern in ${what}, found ${describe(t)}`, t.start);
      out.push(compilePattern(t.text));
    }
  }

  private inputSpecBody(): InputSpec {
    let tok = this.peek('name');
    const loc = this.loc(tok.start);
    let excludeFiles: Pattern[] = [];
    if (tok.kind === 'name' && tok.text === 'EXCLUDE_FILE' && this.followedByParen(tok)) {
      this.next('name');
      excludeFiles = this.patternList('EXCLUDE_FILE');
      tok = this.peek('name');
    }
    let fileSort: SortKind | undefined;
    if (tok.kind === 'name' && SORT_KINDS[tok.text] && this.followedByParen(tok)) {
      // SORT(*)(.text): sort by file name; treated as the section sort.
      this.next('name');
      this.expectOp('(');
      fileSort = SORT_KINDS[tok.text];
      tok = this.peek('name');
    }
    if (tok.kind !== 'name' && tok.kind !== 'str') this.fail(`expected an input section description, found ${describe(tok)}`, tok.start);
    this.next('name');
    const file = compilePattern(tok.text);
    if (fileSort) this.expectOp(')');
    const spec: InputSpec = { k: 'input', file, excludeFiles, sections: [], common: false, keep: false, sort: fileSort ?? 'none', loc };
    if (!this.isOp('(', 'name')) {
      // A bare file name: every section of that file.
      spec.sections.push({ pattern: compilePattern('*'), excludeFiles: [] });
      return spec;
    }
    this.next('name');
    this.sectionPatterns(spec, 0);
    return spec;
  }

  private sectionPatterns(spec: InputSpec, depth: number): void {
    let exclude: Pattern[] = [];
    for (;;) {
      const t = this.next('name');
      if (t.kind === 'op' && t.text === ')') return;
      if (t.kind === 'op' && t.text === ',') continue;
      if (t.kind === 'eof') this.fail(`missing ')' in input section description`, t.start);
      if (t.kind !== 'name' && t.kind !== 'str') this.fail(`expected a section name pattern, found ${describe(t)}`, t.start);
      if (t.kind === 'name' && t.text === 'EXCLUDE_FILE' && this.isOp('(', 'name')) {
        this.pos = t.end;
        exclude = this.patternList('EXCLUDE_FILE');
        continue;
      }
      if (t.kind === 'name' && SORT_KINDS[t.text] && this.isOp('(', 'name')) {
        if (depth > 1) this.fail('SORT nested too deeply', t.start);
        this.next('name');
        if (spec.sort === 'none' || depth === 0) spec.sort = SORT_KINDS[t.text]!;
        this.sectionPatterns(spec, depth + 1);
        continue;
      }
      if (t.kind === 'name' && t.text === 'COMMON') spec.common = true;
      spec.sections.push({ pattern: compilePattern(t.text), excludeFiles: exclude });
      exclude = [];
    }
  }

  // ---- MEMORY and PHDRS ----
  private memory(): void {
    this.expectOp('{', 'after MEMORY');
    for (;;) {
      this.eatSemis();
      if (this.eatOp('}')) return;
      const n = this.expectName('expr', 'a memory region name');
      let attrs = '';
      if (this.isOp('(')) {
        this.next();
        const a = this.next('name');
        if (a.kind === 'name') attrs = a.text;
        else if (!(a.kind === 'op' && a.text === ')')) this.fail(`bad memory region attributes`, a.start);
        if (a.kind === 'name') this.expectOp(')');
      }
      this.expectOp(':', `after memory region '${n.text}'`);
      const origin = this.memoryField(['ORIGIN', 'org', 'o']);
      this.eatOp(',');
      const length = this.memoryField(['LENGTH', 'len', 'l']);
      const region: MemoryRegion = { name: n.text, attrs, origin, length, loc: this.loc(n.start) };
      this.script.memory.push(region);
    }
  }

  private memoryField(names: string[]): Expr {
    const t = this.expectName('expr', names[0]!);
    if (!names.includes(t.text)) this.fail(`expected ${names[0]}, found '${t.text}'`, t.start);
    this.expectOp('=', `after ${t.text}`);
    return this.expr();
  }

  private phdrs(): void {
    this.expectOp('{', 'after PHDRS');
    for (;;) {
      this.eatSemis();
      if (this.eatOp('}')) return;
      const n = this.expectName('expr', 'a program header name');
      const typeTok = this.next();
      let type: number | undefined;
      if (typeTok.kind === 'num') type = Number(typeTok.value);
      else if (typeTok.kind === 'name') type = PHDR_TYPES[typeTok.text];
      if (type === undefined) this.fail(`unknown program header type '${typeTok.text}'`, typeTok.start);
      const def: PhdrDef = { name: n.text, type, fileHdr: false, phdrs: false, loc: this.loc(n.start) };
      for (;;) {
        const t = this.peek();
        if (t.kind === 'op' && t.text === ';') break;
        if (t.kind !== 'name') this.fail(`expected ';' after program header '${n.text}', found ${describe(t)}`, t.start);
        this.next();
        if (t.text === 'FILEHDR') def.fileHdr = true;
        else if (t.text === 'PHDRS') def.phdrs = true;
        else if (t.text === 'AT' || t.text === 'FLAGS') {
          this.expectOp('(');
          const e = this.expr();
          this.expectOp(')');
          if (t.text === 'AT') def.at = e;
          else def.flags = e;
        } else this.fail(`unexpected '${t.text}' in program header '${n.text}'`, t.start);
      }
      this.next();
      this.script.phdrs.push(def);
    }
  }

  // ---- expressions ----
  expr(): Expr {
    const c = this.binary(1);
    if (this.isOp('?')) {
      this.next();
      const a = this.expr();
      this.expectOp(':', "in '?:' expression");
      const b = this.expr();
      return { k: 'cond', c, a, b };
    }
    return c;
  }

  private binary(minPrec: number): Expr {
    let left = this.unary();
    for (;;) {
      const t = this.peek();
      const p = t.kind === 'op' ? PREC[t.text] : undefined;
      if (p === undefined || p < minPrec) return left;
      this.next();
      const right = this.binary(p + 1);
      left = { k: 'bin', op: t.text, a: left, b: right, loc: this.loc(t.start) };
    }
  }

  private unary(): Expr {
    const t = this.peek();
    if (t.kind === 'op' && (t.text === '-' || t.text === '!' || t.text === '~' || t.text === '+')) {
      this.next();
      return { k: 'un', op: t.text, a: this.unary() };
    }
    return this.primary();
  }

  private primary(): Expr {
    const t = this.next();
    if (t.kind === 'num') return { k: 'num', v: t.value! };
    if (t.kind === 'op' && t.text === '(') {
      const e = this.expr();
      this.expectOp(')');
      return e;
    }
    if (t.kind === 'str') return { k: 'sym', name: t.text, loc: this.loc(t.start) };
    if (t.kind !== 'name') this.fail(`expected an expression, found ${describe(t)}`, t.start);
    const loc = this.loc(t.start);
    if (t.text === '.') return { k: 'dot', loc };
    if (t.text === 'SIZEOF_HEADERS' || t.text === 'sizeof_headers') return { k: 'call', fn: 'SIZEOF_HEADERS', args: [], loc };
    if (!this.isOp('(')) return { k: 'sym', name: t.text, loc };
    const fn = t.text;
    if (NAME_ARG_FUNCS.has(fn)) {
      this.next();
      const n = this.expectName(fn === 'DEFINED' ? 'expr' : 'name', fn === 'DEFINED' ? 'a symbol name' : 'a name');
      this.expectOp(')', `to close ${fn}`);
      const canon = fn === 'ORG' ? 'ORIGIN' : fn === 'LEN' ? 'LENGTH' : fn;
      if (canon === 'CONSTANT' && n.text !== 'MAXPAGESIZE' && n.text !== 'COMMONPAGESIZE') this.fail(`unknown constant '${n.text}'`, n.start);
      return { k: 'call', fn: canon, args: [], name: n.text, loc };
    }
    if (fn === 'SEGMENT_START') {
      this.next();
      const n = this.next('name');
      if (n.kind !== 'str' && n.kind !== 'name') this.fail(`expected a segment name, found ${describe(n)}`, n.start);
      this.expectOp(',');
      const e = this.expr();
      this.expectOp(')');
      return { k: 'call', fn, args: [e], name: n.text, loc };
    }
    const arity = EXPR_FUNCS[fn];
    if (!arity) this.fail(`unknown function '${fn}'`, t.start);
    this.next();
    const args: Expr[] = [];
    if (fn === 'ASSERT') {
      args.push(this.expr());
      this.expectOp(',');
      const m = this.next('name');
      this.expectOp(')');
      return { k: 'call', fn, args, name: m.text, loc };
    }
    if (!this.isOp(')')) {
      args.push(this.expr());
      while (this.eatOp(',')) args.push(this.expr());
    }
    this.expectOp(')', `to close ${fn}`);
    if (args.length < arity[0] || args.length > arity[1]) {
      this.fail(`${fn} takes ${arity[0] === arity[1] ? arity[0] : `${arity[0]} or ${arity[1]}`} argument${arity[1] > 1 ? 's' : ''}, not ${args.length}`, t.start);
    }
    return { k: 'call', fn, args, loc };
  }
}

function describe(t: Token): string {
  if (t.kind === 'eof') return 'end of file';
  if (t.kind === 'str') return `"${t.text}"`;
  return `'${t.text}'`;
}

export function parseScript(text: string, file: string): { script?: Script; diagnostics: Diagnostic[] } {
  const src = new SourceText(file, text);
  const p = new Parser(src);
  try {
    return { script: p.parse(), diagnostics: [] };
  } catch (e) {
    if (e instanceof ParseError) return { diagnostics: [{ severity: 'error', message: e.message, loc: src.loc(e.offset) }] };
    throw e;
  }
}

/** Parse a lone expression (for --defsym). */
export function parseExpression(text: string, file: string): { expr?: Expr; diagnostics: Diagnostic[] } {
  const src = new SourceText(file, text);
  const p = new Parser(src) as unknown as { expr(): Expr; peek(): Token };
  try {
    const e = p.expr();
    const rest = p.peek();
    if (rest.kind !== 'eof') throw new ParseError(`unexpected ${describe(rest)} after expression`, rest.start);
    return { expr: e, diagnostics: [] };
  } catch (e) {
    if (e instanceof ParseError) return { diagnostics: [{ severity: 'error', message: e.message, loc: src.loc(e.offset) }] };
    throw e;
  }
}

export type { OutputCmd };
