/**
 * Constant expressions (C11 6.6) as the DEFINE list and array sizes use them: arithmetic,
 * sizeof, _Alignof, offsetof (with member designators), casts, and member access on null-pointer
 * casts (`((struct x *)0)->y`). Evaluation is offsets/eval.ts.
 */
import { INT_TYPES } from '../abi.js';
import type { Designator, Expr, TypeExpr } from './ast.js';
import { parseCharLiteral, parseIntegerLiteral } from './literal.js';
import { declarator, declSpecifiers, startsTypeName } from './parser.js';
import { accept, describe, expect, expectIdent, fail, is, nested, next, peek, posOf, type State } from './parse-state.js';


export function typeName(s: State): TypeExpr {
  const spec = declSpecifiers(s, true);
  const d = declarator(s, spec.base, true);
  return d.type;
}

export function expression(s: State): Expr {
  const e = conditional(s);
  // The comma operator is not a constant expression; in DEFINE it means a stray argument.
  if (is(s, ',')) fail(s, "unexpected ',' in a constant expression");
  return e;
}

export function conditional(s: State): Expr {
  return nested(s, () => conditionalStep(s));
}

function conditionalStep(s: State): Expr {
  const test = binary(s, 0);
  if (!is(s, '?')) return test;
  const q = next(s);
  const then = expression(s);
  expect(s, ':', 'in conditional expression');
  const otherwise = conditional(s);
  return { kind: 'cond', test, then, else: otherwise, pos: posOf(q) };
}

const BINARY_LEVELS: readonly (readonly string[])[] = [['||'], ['&&'], ['|'], ['^'], ['&'], ['==', '!='], ['<', '>', '<=', '>='], ['<<', '>>'], ['+', '-'], ['*', '/', '%']];

function binary(s: State, level: number): Expr {
  if (level >= BINARY_LEVELS.length) return unary(s);
  let left = binary(s, level + 1);
  while (peek(s).kind === 'punct' && (BINARY_LEVELS[level] as readonly string[]).includes(peek(s).text)) {
    const op = next(s);
    const right = binary(s, level + 1);
    left = { kind: 'binary', op: op.text, left, right, pos: posOf(op) };
  }
  return left;
}

function unary(s: State): Expr {
  return nested(s, () => unaryStep(s));
}

function unaryStep(s: State): Expr {
  const t = peek(s);
  if (t.kind === 'punct' && ['-', '+', '~', '!', '*', '&'].includes(t.text)) {
    next(s);
    return { kind: 'unary', op: t.text as '-', arg: unary(s), pos: posOf(t) };
  }
  if (t.kind === 'ident' && (t.text === 'sizeof' || t.text === '_Alignof' || t.text === '__alignof__' || t.text === '__alignof' || t.text === 'alignof')) {
    next(s);
    const which = t.text === 'sizeof' ? 'sizeof' : 'alignof';
    if (is(s, '(') && startsTypeName(s, 1)) {
      next(s);
      const type = typeName(s);
      expect(s, ')');
      return { kind: `${which}-type`, type, pos: posOf(t) };
    }
    return { kind: `${which}-expr`, arg: unary(s), pos: posOf(t) };
  }
  if (t.text === '(' && startsTypeName(s, 1)) {
    next(s);
    const type = typeName(s);
    expect(s, ')', 'after the type in a cast');
    return { kind: 'cast', type, arg: unary(s), pos: posOf(t) };
  }
  return postfix(s, primary(s));
}

function postfix(s: State, e: Expr): Expr {
  for (;;) {
    if (is(s, '.') || is(s, '->')) {
      const op = next(s);
      const name = expectIdent(s, 'a member name');
      e = { kind: 'member', object: e, name: name.text, arrow: op.text === '->', pos: posOf(name) };
    } else if (is(s, '[')) {
      const open = next(s);
      const index = expression(s);
      expect(s, ']');
      e = { kind: 'index', object: e, index, pos: posOf(open) };
    } else return e;
  }
}

function primary(s: State): Expr {
  const t = next(s);
  if (t.kind === 'number') {
    const lit = parseIntegerLiteral(t.text);
    if (!lit) fail(s, /[.eEpP]/.test(t.text) && !/^0[xX]/.test(t.text) ? `floating constant '${t.text}' in an integer constant expression` : `invalid integer constant '${t.text}'`, t);
    return { kind: 'int', value: lit.value, type: lit.type, pos: posOf(t) };
  }
  if (t.kind === 'char') {
    const lit = parseCharLiteral(t.text);
    if (!lit) fail(s, `unsupported character constant ${t.text}`, t);
    return { kind: 'int', value: lit.value, type: INT_TYPES.int, pos: posOf(t) };
  }
  if (t.kind === 'ident' && (t.text === 'offsetof' || t.text === '__builtin_offsetof')) {
    expect(s, '(');
    const type = typeName(s);
    expect(s, ',');
    const path = designatorPath(s);
    expect(s, ')', 'to close offsetof');
    return { kind: 'offsetof', type, path, pos: posOf(t) };
  }
  if (t.kind === 'ident') return { kind: 'ident', name: t.text, pos: posOf(t), seq: s.seq };
  if (t.text === '(') {
    const e = expression(s);
    expect(s, ')');
    return e;
  }
  return fail(s, `expected an expression before ${describe(t)}`, t);
}

/** offsetof's member designator: `a`, `a.b[3].c`, `a[2]`. */
export function designatorPath(s: State): Designator[] {
  const first = expectIdent(s, 'a member name');
  const path: Designator[] = [{ kind: 'field', name: first.text, pos: posOf(first) }];
  for (;;) {
    if (accept(s, '.')) {
      const name = expectIdent(s, 'a member name');
      path.push({ kind: 'field', name: name.text, pos: posOf(name) });
    } else if (is(s, '[')) {
      const open = next(s);
      const index = expression(s);
      expect(s, ']');
      path.push({ kind: 'index', index, pos: posOf(open) });
    } else return path;
  }
}
