/**
 * Parser state and token helpers shared by the declaration parser (parser.ts) and the
 * constant-expression parser (expr.ts).
 */
import type { DiagnosticBag } from '../../common/diagnostics.js';
import type { ConstantItem, EnumDecl, OrdinaryDecl, Pos, RecordDecl, TypedefDecl } from './ast.js';
import { tokenLoc, type Token } from './lexer.js';

/** Thrown by fail() to unwind to the declaration or statement being recovered; never escapes the parser. */
export class ParseAbort {
  constructor(readonly token: Token) {}
}

export interface State {
  readonly toks: readonly Token[];
  pos: number;
  /** Current recursion depth of nested expressions/declarators/bodies (bounded, see nested()). */
  depth: number;
  seq: number;
  nextId: number;
  readonly bag: DiagnosticBag;
  readonly texts: ReadonlyMap<string, string>;
  readonly tags: Map<string, RecordDecl | EnumDecl>;
  readonly ordinary: Map<string, OrdinaryDecl>;
  readonly records: RecordDecl[];
  readonly enums: EnumDecl[];
  readonly typedefs: TypedefDecl[];
  readonly items: ConstantItem[];
}

export const peek = (s: State, k = 0): Token => s.toks[Math.min(s.pos + k, s.toks.length - 1)] as Token;
export const next = (s: State): Token => {
  const t = peek(s);
  if (t.kind !== 'eof') s.pos++;
  return t;
};
export const is = (s: State, text: string, k = 0): boolean => {
  const t = peek(s, k);
  return t.text === text && (t.kind === 'punct' || t.kind === 'ident');
};
export const accept = (s: State, text: string): boolean => {
  if (!is(s, text)) return false;
  s.pos++;
  return true;
};

export function posOf(t: Token): Pos {
  const loc = tokenLoc(t);
  return t.includes ? { ...loc, origin: t.includes } : loc;
}

const MAX_NESTING = 256;

/** Runs a recursive parse step, refusing input nested deeper than any real header. */
export function nested<T>(s: State, step: () => T): T {
  if (s.depth >= MAX_NESTING) fail(s, `nesting too deep (more than ${MAX_NESTING} levels)`);
  s.depth++;
  try {
    return step();
  } finally {
    s.depth--;
  }
}

export function fail(s: State, message: string, t: Token = peek(s)): never {
  s.bag.error(message, posOf(t), t.includes);
  throw new ParseAbort(t);
}

export function describe(t: Token): string {
  return t.kind === 'eof' ? 'end of input' : `'${t.text}'`;
}

export function expect(s: State, text: string, what?: string): Token {
  if (is(s, text)) return next(s);
  return fail(s, `expected '${text}'${what ? ` ${what}` : ''} before ${describe(peek(s))}`);
}

export function expectIdent(s: State, what: string): Token {
  const t = peek(s);
  if (t.kind === 'ident') return next(s);
  return fail(s, `expected ${what} before ${describe(t)}`);
}

/**
 * Skip to just after the next `;` of the current nesting level, or to (not past) a `}` closing
 * it, always making progress.
 */
export function recover(s: State, from: number): void {
  if (s.pos === from) s.pos++;
  let depth = 0;
  while (peek(s).kind !== 'eof') {
    const t = peek(s);
    if (depth === 0 && t.text === '}') return;
    next(s);
    if (t.text === '{' || t.text === '(' || t.text === '[') depth++;
    else if (t.text === '}' || t.text === ')' || t.text === ']') depth = Math.max(0, depth - 1);
    else if (t.text === ';' && depth === 0) return;
  }
}
