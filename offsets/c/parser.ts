/**
 * Recursive-descent parser for the declaration subset: struct/union/enum definitions, typedefs,
 * file-scope declarations, attributes (`__attribute__((aligned(n), packed))`, `__aligned(n)`,
 * `__packed`, `_Alignas`), `_Static_assert`, and function bodies holding the DEFINE list
 * (`DEFINE(NAME, expr)`, `OFFSET(NAME, tag, member)`, `BLANK()`, `COMMENT("text")`, `return`).
 *
 * Names are not resolved here (offsets/types.ts does that, checking declaration order), so a
 * typedef name is recognised syntactically: the first identifier of a specifier list that has no
 * type specifier yet. On a syntax error the parser reports it and skips to the next `;` or `}`
 * of the current nesting level.
 */
import type { DiagnosticBag } from '../../common/diagnostics.js';
import { BUILTIN_TYPEDEFS, SPECIFIER_COMBINATIONS, SPECIFIER_KEYWORDS } from '../abi.js';
import type { Attributes, EnumDecl, Enumerator, Expr, Member, RecordDecl, TranslationUnit, TypedefDecl, TypeExpr } from './ast.js';
import { conditional, designatorPath, expression, typeName } from './expr.js';
import { accept, describe, expect, expectIdent, fail, is, nested, next, peek, posOf, recover, ParseAbort, type State } from './parse-state.js';
import { spellSource, type Token } from './lexer.js';

/** Thrown only inside this module to unwind to the statement being recovered. */
const QUALIFIERS = new Set(['const', 'volatile', 'restrict', '__restrict', '__restrict__', '__const', '__volatile__', '__extension__', 'inline', '__inline', '__inline__', '_Noreturn']);
const STORAGE = new Set(['typedef', 'extern', 'static', 'auto', 'register', '_Thread_local', '__thread']);
const LIST_KEYWORDS = new Set(['DEFINE', 'OFFSET', 'BLANK', 'COMMENT']);

export function parseTranslationUnit(toks: readonly Token[], texts: ReadonlyMap<string, string>, bag: DiagnosticBag): TranslationUnit {
  const s: State = { toks, pos: 0, depth: 0, seq: 0, nextId: 0, bag, texts, tags: new Map(), ordinary: new Map(), records: [], enums: [], typedefs: [], items: [] };
  while (peek(s).kind !== 'eof') {
    const before = s.pos;
    try {
      externalDeclaration(s);
    } catch (e) {
      if (!(e instanceof ParseAbort)) throw e;
      recover(s, before);
      if (is(s, '}')) next(s); // a stray closing brace at file scope: already reported
    }
  }
  return { tags: s.tags, ordinary: s.ordinary, records: s.records, typedefs: s.typedefs, enums: s.enums, items: s.items };
}

// ---------------------------------------------------------------------------------------------
// Declarations.

function externalDeclaration(s: State): void {
  const t = peek(s);
  if (accept(s, ';')) return;
  if (t.kind === 'ident' && LIST_KEYWORDS.has(t.text) && is(s, '(', 1)) {
    fail(s, `${t.text} outside of a function: gcc cannot compile it there; move it into main()`);
  }
  if (t.kind === 'ident' && (t.text === '_Static_assert' || t.text === 'static_assert')) {
    staticAssert(s);
    return;
  }
  const spec = declSpecifiers(s, false);
  if (accept(s, ';')) return; // struct/enum declaration only
  for (;;) {
    const d = declarator(s, spec.base, false);
    mergeAttrs(d.attrs, spec.declAttrs);
    if (spec.isTypedef) {
      defineTypedef(s, d);
    } else if (d.name) {
      const old = s.ordinary.get(d.name.text);
      if (old && old.kind !== 'object') s.bag.error(`'${d.name.text}' redeclared as a different kind of symbol`, posOf(d.name), d.name.includes);
      else s.ordinary.set(d.name.text, { kind: 'object', name: d.name.text, pos: posOf(d.name), type: d.type, seq: ++s.seq });
    }
    if (d.type.kind === 'function' && is(s, '{')) {
      functionBody(s);
      return;
    }
    if (accept(s, '=')) skipInitializer(s);
    if (accept(s, ',')) continue;
    expect(s, ';', 'after declaration');
    return;
  }
}

function defineTypedef(s: State, d: Declared): void {
  if (!d.name) {
    s.bag.error('typedef declares no name', posOf(peek(s)));
    return;
  }
  const name = d.name.text;
  const old = s.ordinary.get(name);
  if (old) {
    const where = `${old.pos.file}:${old.pos.line}:${old.pos.col}`;
    if (old.kind !== 'typedef') s.bag.error(`'${name}' redeclared as a different kind of symbol (previous declaration at ${where})`, posOf(d.name), d.name.includes);
    else s.bag.error(`redefinition of typedef '${name}' (previous definition at ${where})`, posOf(d.name), d.name.includes);
    return;
  }
  const td: TypedefDecl = { kind: 'typedef', name, pos: posOf(d.name), type: d.type, attrs: d.attrs, seq: ++s.seq };
  s.ordinary.set(name, td);
  s.typedefs.push(td);
}

function skipInitializer(s: State): void {
  let depth = 0;
  while (peek(s).kind !== 'eof') {
    const t = peek(s);
    if (depth === 0 && (t.text === ',' || t.text === ';')) return;
    if (t.text === '{' || t.text === '(' || t.text === '[') depth++;
    if (t.text === '}' || t.text === ')' || t.text === ']') depth--;
    next(s);
  }
}

function staticAssert(s: State): void {
  const at = next(s);
  expect(s, '(');
  const e = conditional(s);
  let message = '';
  if (accept(s, ',')) message = stringLiterals(s);
  expect(s, ')');
  expect(s, ';');
  s.items.push({ kind: 'static-assert', expr: e, message, pos: posOf(at) });
}

function stringLiterals(s: State): string {
  let text = '';
  if (peek(s).kind !== 'string') fail(s, `expected a string literal before ${describe(peek(s))}`);
  while (peek(s).kind === 'string') text += next(s).text.slice(1, -1);
  return text;
}

interface Specifiers {
  base: TypeExpr;
  isTypedef: boolean;
  /** Attributes in the specifier list: they belong to the declared entity. */
  declAttrs: Attributes;
}

/** Type names the parser accepts where a typedef name may start a type (see file comment). */
function isKnownTypeName(s: State, name: string): boolean {
  const d = s.ordinary.get(name);
  return d ? d.kind === 'typedef' : BUILTIN_TYPEDEFS.has(name);
}

export function startsTypeName(s: State, k = 0): boolean {
  const t = peek(s, k);
  if (t.kind !== 'ident') return false;
  return SPECIFIER_KEYWORDS.has(t.text) || QUALIFIERS.has(t.text) || ['struct', 'union', 'enum', '__attribute__', '__aligned', '__packed', '_Alignas', 'typeof', '__typeof__'].includes(t.text) || isKnownTypeName(s, t.text);
}

export function declSpecifiers(s: State, typeNameOnly: boolean): Specifiers {
  const first = peek(s);
  const keywords: string[] = [];
  let base: TypeExpr | undefined;
  let isTypedef = false;
  const declAttrs: Attributes = {};
  for (;;) {
    const t = peek(s);
    if (t.kind !== 'ident') break;
    if (attributeAhead(s)) {
      mergeAttrs(declAttrs, attributes(s));
      continue;
    }
    if (QUALIFIERS.has(t.text)) {
      next(s);
      continue;
    }
    if (STORAGE.has(t.text)) {
      if (typeNameOnly) fail(s, `storage class '${t.text}' in a type name`);
      if (t.text === 'typedef') isTypedef = true;
      next(s);
      continue;
    }
    if (SPECIFIER_KEYWORDS.has(t.text)) {
      if (base) fail(s, `two or more data types in declaration specifiers ('${t.text}')`);
      keywords.push(next(s).text);
      continue;
    }
    if (t.text === 'struct' || t.text === 'union') {
      if (base || keywords.length) fail(s, 'two or more data types in declaration specifiers');
      base = recordSpecifier(s);
      continue;
    }
    if (t.text === 'enum') {
      if (base || keywords.length) fail(s, 'two or more data types in declaration specifiers');
      base = enumSpecifier(s);
      continue;
    }
    if (t.text === 'typeof' || t.text === '__typeof__' || t.text === '__typeof') fail(s, `'${t.text}' is not supported by the offsets generator`);
    if (!base && keywords.length === 0 && !LIST_KEYWORDS.has(t.text)) {
      // A typedef name (possibly unknown or declared later: the resolver reports that).
      next(s);
      base = { kind: 'typedef-name', name: t.text, pos: posOf(t), seq: s.seq };
      continue;
    }
    break;
  }
  if (keywords.length) {
    const combo = SPECIFIER_COMBINATIONS.get([...keywords].sort().join(' '));
    if (!combo) fail(s, `invalid combination of type specifiers '${keywords.join(' ')}'`, first);
    base = { kind: 'scalar', type: combo, pos: posOf(first) };
  }
  if (!base) fail(s, `expected a type before ${describe(peek(s))}`);
  return { base, isTypedef, declAttrs };
}

function recordSpecifier(s: State): TypeExpr {
  const kw = next(s);
  const tag = kw.text as 'struct' | 'union';
  const attrs: Attributes = {};
  while (attributeAhead(s)) mergeAttrs(attrs, attributes(s));
  const nameTok = peek(s).kind === 'ident' && !attributeAhead(s) ? next(s) : undefined;
  const hasBody = is(s, '{');
  let decl: RecordDecl | undefined;
  if (nameTok) {
    const old = s.tags.get(nameTok.text);
    if (old && (old.kind !== 'record' || old.tag !== tag)) fail(s, `'${nameTok.text}' defined as wrong kind of tag`, nameTok);
    // `struct x;` alone or a body declares a new tag only when none exists yet (one file scope).
    decl = old as RecordDecl | undefined;
    if (decl && hasBody && decl.members) {
      const p = decl.defPos ?? decl.pos;
      fail(s, `redefinition of '${tag} ${nameTok.text}' (previous definition at ${p.file}:${p.line}:${p.col})`, nameTok);
    }
  }
  if (!decl) {
    decl = { kind: 'record', id: s.nextId++, tag, ...(nameTok ? { name: nameTok.text } : {}), pos: posOf(nameTok ?? kw), attrs };
    if (nameTok) s.tags.set(nameTok.text, decl);
    s.records.push(decl);
  }
  if (hasBody) {
    mergeAttrs(decl.attrs, attrs);
    const open = next(s);
    decl.defPos = posOf(nameTok ?? open);
    decl.members = recordBody(s);
    while (attributeAhead(s)) mergeAttrs(decl.attrs, attributes(s));
    decl.completeSeq = ++s.seq;
  } else if (!nameTok) {
    fail(s, `expected '{' or a tag name after '${tag}'`);
  }
  return { kind: 'record-ref', decl, pos: posOf(nameTok ?? kw), seq: s.seq };
}

function recordBody(s: State): Member[] {
  return nested(s, () => recordBodyStep(s));
}

function recordBodyStep(s: State): Member[] {
  const members: Member[] = [];
  while (!is(s, '}')) {
    if (peek(s).kind === 'eof') fail(s, "expected '}' at end of input");
    const before = s.pos;
    try {
      if (accept(s, ';')) continue;
      if (is(s, '_Static_assert')) {
        staticAssert(s);
        continue;
      }
      const spec = declSpecifiers(s, true);
      if (accept(s, ';')) {
        // `struct { ... };` declares an anonymous member; `struct tag { ... };` declares nothing.
        if (spec.base.kind === 'record-ref' && spec.base.decl.name === undefined) {
          members.push({ pos: spec.base.pos, type: spec.base, attrs: spec.declAttrs });
        } else if (spec.base.kind !== 'record-ref' && spec.base.kind !== 'enum-ref') {
          s.bag.warning('declaration does not declare anything', spec.base.pos);
        }
        continue;
      }
      for (;;) {
        const d = is(s, ':') ? { type: spec.base, attrs: {} as Attributes, name: undefined } : declarator(s, spec.base, false);
        if (!d.name && !is(s, ':')) fail(s, `expected a member name before ${describe(peek(s))}`);
        mergeAttrs(d.attrs, spec.declAttrs);
        let bitWidth: Expr | undefined;
        if (accept(s, ':')) bitWidth = conditional(s);
        while (attributeAhead(s)) mergeAttrs(d.attrs, attributes(s));
        const p = d.name ? posOf(d.name) : bitWidth?.pos ?? posOf(peek(s));
        members.push({ ...(d.name ? { name: d.name.text } : {}), pos: p, type: d.type, attrs: d.attrs, ...(bitWidth ? { bitWidth } : {}) });
        if (accept(s, ',')) continue;
        expect(s, ';', 'at end of member declaration');
        break;
      }
    } catch (e) {
      if (!(e instanceof ParseAbort)) throw e;
      recover(s, before);
    }
  }
  next(s);
  return members;
}

function enumSpecifier(s: State): TypeExpr {
  const kw = next(s);
  const attrs: Attributes = {};
  while (attributeAhead(s)) mergeAttrs(attrs, attributes(s));
  const nameTok = peek(s).kind === 'ident' && !attributeAhead(s) ? next(s) : undefined;
  let decl: EnumDecl | undefined;
  if (nameTok) {
    const old = s.tags.get(nameTok.text);
    if (old && old.kind !== 'enum') fail(s, `'${nameTok.text}' defined as wrong kind of tag`, nameTok);
    decl = old;
  }
  const hasBody = is(s, '{');
  if (decl && hasBody && decl.enumerators) fail(s, `redefinition of 'enum ${nameTok?.text}'`, nameTok);
  if (!decl) {
    decl = { kind: 'enum', id: s.nextId++, ...(nameTok ? { name: nameTok.text } : {}), pos: posOf(nameTok ?? kw), attrs };
    if (nameTok) s.tags.set(nameTok.text, decl);
    s.enums.push(decl);
  }
  if (hasBody) {
    next(s);
    const list: Enumerator[] = [];
    decl.enumerators = list;
    while (!is(s, '}')) {
      const id = expectIdent(s, 'an enumerator name');
      while (attributeAhead(s)) attributes(s);
      const value = accept(s, '=') ? conditional(s) : undefined;
      const e: Enumerator = { kind: 'enumerator', name: id.text, pos: posOf(id), ...(value ? { value } : {}), owner: decl, index: list.length, seq: ++s.seq };
      const old = s.ordinary.get(id.text);
      if (old) s.bag.error(`redeclaration of '${id.text}' (previous declaration at ${old.pos.file}:${old.pos.line}:${old.pos.col})`, posOf(id), id.includes);
      else s.ordinary.set(id.text, e);
      list.push(e);
      if (!accept(s, ',')) break;
    }
    expect(s, '}', 'at end of enumerator list');
    while (attributeAhead(s)) mergeAttrs(decl.attrs, attributes(s));
    if (list.length === 0) s.bag.error('empty enum is invalid', decl.pos);
    decl.completeSeq = ++s.seq;
  } else if (!nameTok) {
    fail(s, "expected '{' or a tag name after 'enum'");
  }
  return { kind: 'enum-ref', decl, pos: posOf(nameTok ?? kw), seq: s.seq };
}

interface Declared {
  name: Token | undefined;
  type: TypeExpr;
  attrs: Attributes;
}

/**
 * Declarator (C11 6.7.6), or an abstract one when `abstract`. Pointers bind looser than array
 * and function suffixes; a parenthesised inner declarator applies last (`(*p)[4]`).
 */
export function declarator(s: State, base: TypeExpr, abstract: boolean): Declared {
  return nested(s, () => declaratorStep(s, base, abstract));
}

function declaratorStep(s: State, base: TypeExpr, abstract: boolean): Declared {
  const attrs: Attributes = {};
  let type = base;
  while (is(s, '*')) {
    const star = next(s);
    type = { kind: 'pointer', to: type, pos: posOf(star) };
    for (;;) {
      if (QUALIFIERS.has(peek(s).text) && peek(s).kind === 'ident') next(s);
      else if (attributeAhead(s)) attributes(s); // attributes on the pointer itself: no layout effect we model
      else break;
    }
  }
  let inner: { name: Token | undefined; wrap: (t: TypeExpr) => TypeExpr; attrs: Attributes } | undefined;
  let name: Token | undefined;
  if (is(s, '(') && (is(s, '*', 1) || is(s, '(', 1) || is(s, '[', 1) || (!abstract && peek(s, 1).kind === 'ident' && !startsTypeName(s, 1)) || attributeAhead(s, 1))) {
    next(s);
    while (attributeAhead(s)) mergeAttrs(attrs, attributes(s));
    const holeBase: TypeExpr = { kind: 'scalar', type: 'void', pos: posOf(peek(s)) };
    const d = declarator(s, holeBase, abstract);
    expect(s, ')', 'to close the declarator');
    inner = { name: d.name, attrs: d.attrs, wrap: (t) => replaceHole(d.type, holeBase, t) };
    name = d.name;
  } else if (peek(s).kind === 'ident' && !attributeAhead(s)) {
    if (abstract) fail(s, `unexpected identifier '${peek(s).text}' in a type name`);
    name = next(s);
  }
  const suffixes: Array<(t: TypeExpr) => TypeExpr> = [];
  for (;;) {
    if (is(s, '[')) {
      const open = next(s);
      while (QUALIFIERS.has(peek(s).text) || peek(s).text === 'static') next(s);
      const size = is(s, ']') ? undefined : conditional(s);
      expect(s, ']', 'after the array size');
      suffixes.push((t) => ({ kind: 'array', of: t, ...(size ? { size } : {}), pos: posOf(open) }));
    } else if (is(s, '(')) {
      const open = next(s);
      skipBalanced(s, '(', ')');
      suffixes.push((t) => ({ kind: 'function', returns: t, pos: posOf(open) }));
    } else break;
  }
  for (let k = suffixes.length - 1; k >= 0; k--) type = (suffixes[k] as (t: TypeExpr) => TypeExpr)(type);
  while (attributeAhead(s)) mergeAttrs(attrs, attributes(s));
  if (inner) {
    mergeAttrs(attrs, inner.attrs);
    type = inner.wrap(type);
  }
  return { name, type, attrs };
}

/** Rebuild `t` (a chain of pointer/array/function around `hole`) around `filler` instead. */
function replaceHole(t: TypeExpr, hole: TypeExpr, filler: TypeExpr): TypeExpr {
  if (t === hole) return filler;
  switch (t.kind) {
    case 'pointer':
      return { ...t, to: replaceHole(t.to, hole, filler) };
    case 'array':
      return { ...t, of: replaceHole(t.of, hole, filler) };
    case 'function':
      return { ...t, returns: replaceHole(t.returns, hole, filler) };
    default:
      return t;
  }
}

/** Skips to the `close` that matches an already consumed `open`. */
function skipBalanced(s: State, open: string, close: string): void {
  let depth = 1;
  while (depth > 0) {
    const t = next(s);
    if (t.kind === 'eof') fail(s, `expected '${close}' before end of input`, t);
    if (t.text === open) depth++;
    else if (t.text === close) depth--;
  }
}

function mergeAttrs(into: Attributes, from: Attributes): void {
  if (from.aligned !== undefined) {
    into.aligned = from.aligned;
    if (from.alignedPos) into.alignedPos = from.alignedPos;
    if (from.alignas) into.alignas = true;
  }
  if (from.packed) into.packed = true;
}

// ---------------------------------------------------------------------------------------------
// Attributes.

function attributeAhead(s: State, k = 0): boolean {
  const t = peek(s, k);
  return t.kind === 'ident' && (t.text === '__attribute__' || t.text === '__attribute' || t.text === '__aligned' || t.text === '__packed' || t.text === '_Alignas' || t.text === 'alignas');
}

const IGNORED_ATTRIBUTES = new Set([
  'unused', 'used', 'deprecated', 'may_alias', 'designated_init', 'aligned_noinline', 'nonstring', 'noinline', 'noreturn',
  'const', 'pure', 'cold', 'hot', 'warn_unused_result', 'section', 'weak', 'visibility', 'format', 'preserve_access_index', 'externally_visible',
]);

function attributes(s: State): Attributes {
  const t = next(s);
  const a: Attributes = {};
  if (t.text === '__packed') {
    a.packed = true;
    return a;
  }
  if (t.text === '__aligned') {
    expect(s, '(');
    a.aligned = conditional(s);
    a.alignedPos = posOf(t);
    expect(s, ')');
    return a;
  }
  if (t.text === '_Alignas' || t.text === 'alignas') {
    expect(s, '(');
    a.aligned = startsTypeName(s) ? { kind: 'alignof-type', type: typeName(s), pos: posOf(t) } : conditional(s);
    a.alignedPos = posOf(t);
    a.alignas = true;
    expect(s, ')');
    return a;
  }
  expect(s, '(');
  expect(s, '(');
  while (!is(s, ')')) {
    const name = peek(s);
    if (name.kind !== 'ident') fail(s, `expected an attribute name before ${describe(name)}`);
    next(s);
    const bare = name.text.replace(/^__(.*)__$/, '$1');
    if (bare === 'packed') a.packed = true;
    else if (bare === 'aligned') {
      a.alignedPos = posOf(name);
      if (accept(s, '(')) {
        a.aligned = conditional(s);
        expect(s, ')');
      } else a.aligned = 'max';
    } else if (IGNORED_ATTRIBUTES.has(bare)) {
      if (accept(s, '(')) skipBalanced(s, '(', ')');
    } else {
      fail(s, `attribute '${name.text}' is not supported by the offsets generator (it may change the layout)`, name);
    }
    if (!accept(s, ',')) break;
  }
  expect(s, ')');
  expect(s, ')');
  return a;
}

// ---------------------------------------------------------------------------------------------
// Function bodies: the DEFINE list.

function functionBody(s: State): void {
  expect(s, '{');
  let depth = 1;
  while (depth > 0) {
    const t = peek(s);
    const before = s.pos;
    if (t.kind === 'eof') fail(s, "expected '}' at end of input"); // unwinds to file scope
    try {
      if (accept(s, '{')) depth++;
      else if (accept(s, '}')) depth--;
      else if (accept(s, ';')) continue;
      else if (t.kind === 'ident' && t.text === 'return') {
        next(s);
        if (!is(s, ';')) expression(s);
        expect(s, ';');
      } else if (t.kind === 'ident' && LIST_KEYWORDS.has(t.text)) listStatement(s);
      else if (t.kind === 'ident' && (t.text === '_Static_assert' || t.text === 'static_assert')) staticAssert(s);
      else {
        const hint = t.expansion ? ' (this comes from a macro: define DEFINE/OFFSET/BLANK/COMMENT only under #ifndef __OFFSETS_GENERATOR__)' : '';
        fail(s, `unsupported statement starting with ${describe(t)}: a function body may hold only DEFINE, OFFSET, BLANK, COMMENT and return${hint}`);
      }
    } catch (e) {
      if (!(e instanceof ParseAbort)) throw e;
      recover(s, before);
    }
  }
}

function listStatement(s: State): void {
  const kw = next(s);
  expect(s, '(', `after ${kw.text}`);
  if (kw.text === 'BLANK') {
    expect(s, ')');
    s.items.push({ kind: 'blank', pos: posOf(kw) });
  } else if (kw.text === 'COMMENT') {
    const text = stringLiterals(s);
    expect(s, ')');
    s.items.push({ kind: 'comment', text, pos: posOf(kw) });
  } else {
    const name = expectIdent(s, `a constant name in ${kw.text}`);
    expect(s, ',');
    let expr: Expr;
    let text: string;
    if (kw.text === 'DEFINE') {
      const first = peek(s);
      expr = expression(s);
      text = spell(s, first, s.toks[s.pos - 1] as Token);
    } else {
      // OFFSET(NAME, tag, member): offsetof(struct tag, member), spelled as kbuild's macro does.
      const tag = expectIdent(s, 'a struct tag in OFFSET');
      expect(s, ',');
      const first = peek(s);
      const path = designatorPath(s);
      const decl = s.tags.get(tag.text);
      if (decl && (decl.kind !== 'record' || decl.tag !== 'struct')) fail(s, `'${tag.text}' defined as wrong kind of tag (OFFSET means 'struct ${tag.text}')`, tag);
      // An unknown tag is an incomplete struct: the evaluator reports it.
      const rec: RecordDecl = decl ?? { kind: 'record', id: -1, tag: 'struct', name: tag.text, pos: posOf(tag), attrs: {} };
      const type: TypeExpr = { kind: 'record-ref', decl: rec, pos: posOf(tag), seq: s.seq };
      expr = { kind: 'offsetof', type, path, pos: posOf(kw) };
      text = `offsetof(struct ${tag.text}, ${spell(s, first, s.toks[s.pos - 1] as Token)})`;
    }
    expect(s, ')', `to close ${kw.text}`);
    s.items.push({ kind: 'define', name: name.text, pos: posOf(name), expr, text });
  }
  expect(s, ';', `after ${kw.text}(...)`);
}

function spell(s: State, first: Token, last: Token): string {
  const file = first.expansion?.file ?? first.file;
  const text = s.texts.get(file);
  return text === undefined ? '' : spellSource(text, first, last);
}
