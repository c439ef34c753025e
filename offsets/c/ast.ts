/**
 * Syntax tree of the declaration subset: types as written (resolved later by offsets/types.ts),
 * constant expressions, and the DEFINE list.
 *
 * `seq` numbers give declaration order: C only lets a name be used after its declaration and a
 * struct be embedded after its closing brace, and the resolver checks uses against them.
 */
import type { Location, OriginFrame } from '../../common/diagnostics.js';
import type { FloatType, IntType } from '../abi.js';

/** A source position plus the include chain that led to it. */
export interface Pos extends Location {
  readonly origin?: readonly OriginFrame[];
}

/** `aligned(n)` / `_Alignas(n)` and `packed` as written on a declaration or a type. */
export interface Attributes {
  /** 'max' for `aligned` without a value (the target's biggest alignment). */
  aligned?: Expr | 'max';
  alignedPos?: Pos;
  /** `_Alignas` (never lowers alignment, even in a packed struct), as opposed to `aligned`. */
  alignas?: boolean;
  packed?: boolean;
}

export interface RecordDecl {
  readonly kind: 'record';
  readonly id: number;
  readonly tag: 'struct' | 'union';
  readonly name?: string;
  /** First mention. */
  readonly pos: Pos;
  /** Set once the body has been parsed. */
  members?: Member[];
  defPos?: Pos;
  /** Declaration counter at the closing brace: embedding by value needs a later use. */
  completeSeq?: number;
  readonly attrs: Attributes;
}

export interface Member {
  readonly name?: string;
  readonly pos: Pos;
  readonly type: TypeExpr;
  readonly attrs: Attributes;
  readonly bitWidth?: Expr;
}

export interface EnumDecl {
  readonly kind: 'enum';
  readonly id: number;
  readonly name?: string;
  readonly pos: Pos;
  enumerators?: Enumerator[];
  completeSeq?: number;
  readonly attrs: Attributes;
}

export interface Enumerator {
  readonly kind: 'enumerator';
  readonly name: string;
  readonly pos: Pos;
  readonly value?: Expr;
  readonly owner: EnumDecl;
  readonly index: number;
  readonly seq: number;
}

export interface TypedefDecl {
  readonly kind: 'typedef';
  readonly name: string;
  readonly pos: Pos;
  readonly type: TypeExpr;
  readonly attrs: Attributes;
  readonly seq: number;
}

/** A file-scope object or function: only its type matters (for sizeof). */
export interface ObjectDecl {
  readonly kind: 'object';
  readonly name: string;
  readonly pos: Pos;
  readonly type: TypeExpr;
  readonly seq: number;
}

export type OrdinaryDecl = Enumerator | TypedefDecl | ObjectDecl;

export type TypeExpr =
  | { readonly kind: 'scalar'; readonly type: IntType | FloatType | 'void'; readonly pos: Pos }
  | { readonly kind: 'typedef-name'; readonly name: string; readonly pos: Pos; readonly seq: number }
  | { readonly kind: 'record-ref'; readonly decl: RecordDecl; readonly pos: Pos; readonly seq: number }
  | { readonly kind: 'enum-ref'; readonly decl: EnumDecl; readonly pos: Pos; readonly seq: number }
  | { readonly kind: 'pointer'; readonly to: TypeExpr; readonly pos: Pos }
  | { readonly kind: 'array'; readonly of: TypeExpr; readonly size?: Expr; readonly pos: Pos }
  | { readonly kind: 'function'; readonly returns: TypeExpr; readonly pos: Pos };

export type Designator =
  | { readonly kind: 'field'; readonly name: string; readonly pos: Pos }
  | { readonly kind: 'index'; readonly index: Expr; readonly pos: Pos };

export type Expr =
  | { readonly kind: 'int'; readonly value: bigint; readonly type: IntType; readonly pos: Pos }
  | { readonly kind: 'ident'; readonly name: string; readonly pos: Pos; readonly seq: number }
  | { readonly kind: 'unary'; readonly op: '-' | '+' | '~' | '!' | '*' | '&'; readonly arg: Expr; readonly pos: Pos }
  | { readonly kind: 'binary'; readonly op: string; readonly left: Expr; readonly right: Expr; readonly pos: Pos }
  | { readonly kind: 'cond'; readonly test: Expr; readonly then: Expr; readonly else: Expr; readonly pos: Pos }
  | { readonly kind: 'cast'; readonly type: TypeExpr; readonly arg: Expr; readonly pos: Pos }
  | { readonly kind: 'sizeof-type' | 'alignof-type'; readonly type: TypeExpr; readonly pos: Pos }
  | { readonly kind: 'sizeof-expr' | 'alignof-expr'; readonly arg: Expr; readonly pos: Pos }
  | { readonly kind: 'offsetof'; readonly type: TypeExpr; readonly path: readonly Designator[]; readonly pos: Pos }
  | { readonly kind: 'member'; readonly object: Expr; readonly name: string; readonly arrow: boolean; readonly pos: Pos }
  | { readonly kind: 'index'; readonly object: Expr; readonly index: Expr; readonly pos: Pos };

/** One line of the generated header, in source order. */
export type ConstantItem =
  | { readonly kind: 'define'; readonly name: string; readonly pos: Pos; readonly expr: Expr; readonly text: string }
  | { readonly kind: 'blank'; readonly pos: Pos }
  | { readonly kind: 'comment'; readonly text: string; readonly pos: Pos }
  | { readonly kind: 'static-assert'; readonly expr: Expr; readonly message: string; readonly pos: Pos };

export interface TranslationUnit {
  readonly tags: ReadonlyMap<string, RecordDecl | EnumDecl>;
  readonly ordinary: ReadonlyMap<string, OrdinaryDecl>;
  readonly records: readonly RecordDecl[];
  readonly typedefs: readonly TypedefDecl[];
  readonly enums: readonly EnumDecl[];
  readonly items: readonly ConstantItem[];
}
