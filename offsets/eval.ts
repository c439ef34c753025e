/**
 * Integer constant expressions with C's typing (C11 6.3.1, 6.5, 6.6) on the LP64 ppc64 ABI:
 * integer promotions and the usual arithmetic conversions decide signedness and width, so
 * `-1 < 0u` is 0 and `(u8)300` is 44, as gcc computes them. sizeof, _Alignof and offsetof
 * have type size_t (unsigned long).
 *
 * Beyond plain arithmetic it folds the address idioms kernel headers use: `((struct x *)0)->a.b`
 * is an lvalue at address offsetof(x, a.b), `&` of it a pointer, and a cast of that to an integer
 * the offset.
 */
import { INT_TYPES, SIZE_T, type IntType } from './abi.js';
import type { Designator, Expr, Pos } from './c/ast.js';
import { fitsType } from './c/literal.js';
import { completeAt, completeSizeAlign, enumInfo, enumeratorValue, findMember, report, resolveType, sizeAlign, typeName, useSeqOf, type CType, type Sema } from './types.js';

export interface IntValue {
  readonly kind: 'int';
  readonly value: bigint;
  readonly type: IntType;
}

/** A pointer rvalue; `to` is the pointed-to type. */
interface PtrValue {
  readonly kind: 'ptr';
  readonly addr: bigint;
  readonly to: CType;
}

/** An object designated from a constant address (only ever a null-based member access). */
interface LValue {
  readonly kind: 'lvalue';
  readonly addr: bigint;
  readonly type: CType;
}

type Value = IntValue | PtrValue | LValue;

/** Wrap a mathematical value into the range of `t`. */
export function convert(value: bigint, t: IntType): bigint {
  const bits = Number(t.size * 8n);
  if (t.kind === 'int' && t.name === '_Bool') return value === 0n ? 0n : 1n;
  return t.signed ? BigInt.asIntN(bits, value) : BigInt.asUintN(bits, value);
}

function promote(t: IntType): IntType {
  return t.rank < INT_TYPES.int.rank ? INT_TYPES.int : t;
}

function plainType(t: IntType): IntType {
  // Enum types behave as their underlying type; strip names for the conversion table.
  return Object.values(INT_TYPES).find((x) => x.size === t.size && x.signed === t.signed && x.rank === t.rank) ?? t;
}

/** The usual arithmetic conversions (C11 6.3.1.8). */
function commonType(a: IntType, b: IntType): IntType {
  const x = plainType(promote(a));
  const y = plainType(promote(b));
  if (x.signed === y.signed) return x.rank >= y.rank ? x : y;
  const [u, s] = x.signed ? [y, x] : [x, y];
  if (u.rank >= s.rank) return u;
  if (s.size > u.size) return s;
  return Object.values(INT_TYPES).find((t) => !t.signed && t.rank === s.rank) ?? u;
}

const intValue = (value: bigint, type: IntType): IntValue => ({ kind: 'int', value: convert(value, type), type });
const bool = (b: boolean): IntValue => ({ kind: 'int', value: b ? 1n : 0n, type: INT_TYPES.int });

/** Evaluate an integer constant expression; undefined after a diagnostic. */
export function evalInteger(sema: Sema, e: Expr): IntValue | undefined {
  const v = rvalue(sema, evaluate(sema, e), e.pos);
  if (!v) return undefined;
  if (v.kind !== 'int') {
    report(sema, 'expression has pointer type; an integer constant is required', e.pos);
    return undefined;
  }
  return v;
}

/** Lvalues are read (only arrays are readable: they decay to a pointer). */
function rvalue(sema: Sema, v: Value | undefined, pos: Pos): IntValue | PtrValue | undefined {
  if (!v || v.kind !== 'lvalue') return v;
  if (v.type.kind === 'array') return { kind: 'ptr', addr: v.addr, to: v.type.elem };
  report(sema, `reading an object of type '${typeName(v.type)}' is not a constant expression`, pos);
  return undefined;
}

function evaluate(sema: Sema, e: Expr): Value | undefined {
  switch (e.kind) {
    case 'int':
      return { kind: 'int', value: e.value, type: e.type };
    case 'ident':
      return identifier(sema, e.name, e.pos, e.seq);
    case 'unary':
      return unary(sema, e.op, e.arg, e.pos);
    case 'binary':
      return binary(sema, e.op, e.left, e.right, e.pos);
    case 'cond': {
      const c = rvalue(sema, evaluate(sema, e.test), e.test.pos);
      if (!c) return undefined;
      const a = rvalue(sema, evaluate(sema, e.then), e.then.pos);
      const b = rvalue(sema, evaluate(sema, e.else), e.else.pos);
      if (!a || !b) return undefined;
      const taken = truth(c) ? a : b;
      if (a.kind === 'int' && b.kind === 'int') return intValue(taken.kind === 'int' ? taken.value : 0n, commonType(a.type, b.type));
      return taken;
    }
    case 'cast':
      return cast(sema, e.type, e.arg, e.pos);
    case 'sizeof-type':
    case 'alignof-type': {
      const t = resolveType(sema, e.type);
      return t ? sizeOrAlign(sema, t, e.kind === 'sizeof-type', useSeqOf(e.type), e.pos) : undefined;
    }
    case 'sizeof-expr':
    case 'alignof-expr': {
      const v = evaluate(sema, e.arg);
      if (!v) return undefined;
      const t: CType = v.kind === 'int' ? v.type : v.kind === 'ptr' ? { kind: 'pointer', to: { kind: 'scalar', type: 'void', pos: e.pos } } : v.type;
      return sizeOrAlign(sema, t, e.kind === 'sizeof-expr', Number.MAX_SAFE_INTEGER, e.pos);
    }
    case 'offsetof':
      return offsetOf(sema, e.type, e.path, e.pos);
    case 'member': {
      const base = evaluate(sema, e.object);
      if (!base) return undefined;
      let obj: LValue | undefined;
      if (e.arrow) {
        const p = rvalue(sema, base, e.object.pos);
        if (p && p.kind !== 'ptr') report(sema, `invalid type argument of '->' (have '${typeName(p.type)}')`, e.pos);
        obj = p && p.kind === 'ptr' ? { kind: 'lvalue', addr: p.addr, type: p.to } : undefined;
      } else if (base.kind === 'lvalue') obj = base;
      else report(sema, `request for member '${e.name}' in something not a structure or union`, e.pos);
      if (!obj) return undefined;
      return memberOf(sema, obj, e.name, e.pos);
    }
    case 'index': {
      const base = rvalue(sema, evaluate(sema, e.object), e.object.pos);
      const i = evalInteger(sema, e.index);
      if (!base || !i) return undefined;
      if (base.kind !== 'ptr') {
        report(sema, 'subscripted value is neither array nor pointer', e.pos);
        return undefined;
      }
      const sa = completeSizeAlign(sema, base.to, Number.MAX_SAFE_INTEGER, 'array element', e.pos);
      return sa ? { kind: 'lvalue', addr: BigInt.asIntN(64, base.addr + i.value * sa.size), type: base.to } : undefined;
    }
  }
}

function truth(v: IntValue | PtrValue): boolean {
  return v.kind === 'int' ? v.value !== 0n : v.addr !== 0n;
}

function identifier(sema: Sema, name: string, pos: Pos, useSeq: number): Value | undefined {
  const d = sema.unit.ordinary.get(name);
  if (!d) {
    report(sema, `'${name}' undeclared (not an enumerator, macro or type known here)`, pos);
    return undefined;
  }
  if (d.seq > useSeq) {
    report(sema, `'${name}' used before its declaration at ${d.pos.file}:${d.pos.line}:${d.pos.col}`, pos);
    return undefined;
  }
  if (d.kind === 'enumerator') {
    const v = enumeratorValue(sema, d, pos);
    if (v === undefined) return undefined;
    // C gives enumeration constants type int; GCC widens those that do not fit.
    const t = [INT_TYPES.int, INT_TYPES.uint, INT_TYPES.long, INT_TYPES.ulong].find((x) => fitsType(v, x)) ?? INT_TYPES.long;
    return { kind: 'int', value: v, type: t };
  }
  report(sema, `'${name}' is not a constant (it is declared as a ${d.kind === 'typedef' ? 'type' : 'variable or function'})`, pos);
  return undefined;
}

function sizeOrAlign(sema: Sema, t: CType, size: boolean, useSeq: number, pos: Pos): IntValue | undefined {
  if (t.kind === 'function' || t.kind === 'void') {
    report(sema, `invalid application of '${size ? 'sizeof' : '_Alignof'}' to ${t.kind === 'void' ? 'a void type' : 'a function type'}`, pos);
    return undefined;
  }
  if (!size && t.kind === 'array' && t.count === undefined) {
    const e = sizeAlign(sema, t.elem);
    return e ? { kind: 'int', value: e.align, type: SIZE_T } : undefined;
  }
  const sa = completeSizeAlign(sema, t, useSeq, `'${size ? 'sizeof' : '_Alignof'}' operand`, pos);
  return sa ? { kind: 'int', value: size ? sa.size : sa.align, type: SIZE_T } : undefined;
}

function memberOf(sema: Sema, obj: LValue, name: string, pos: Pos): LValue | undefined {
  if (obj.type.kind !== 'record') {
    report(sema, `request for member '${name}' in something not a structure or union (type '${typeName(obj.type)}')`, pos);
    return undefined;
  }
  if (!completeAt(obj.type, Number.MAX_SAFE_INTEGER) || !obj.type.decl.members) {
    report(sema, `member access into incomplete type '${typeName(obj.type)}'`, pos);
    return undefined;
  }
  const f = findMember(sema, obj.type.decl, name);
  if (!f) {
    if (sema.records.get(obj.type.decl) !== null) report(sema, `'${typeName(obj.type)}' has no member named '${name}'`, pos);
    return undefined;
  }
  if (f.member.bitWidth) {
    // A bit-field has neither an address nor a size: offsetof, sizeof and & all refuse it.
    report(sema, `'${name}' is a bit-field: offsetof, sizeof and & do not apply to it`, pos);
    return undefined;
  }
  return { kind: 'lvalue', addr: obj.addr + f.offset, type: f.type };
}

/** offsetof(type, a.b[3].c): each step must exist; array indexes must lie inside the array. */
function offsetOf(sema: Sema, te: Parameters<typeof resolveType>[1], path: readonly Designator[], pos: Pos): IntValue | undefined {
  const t = resolveType(sema, te);
  if (!t) return undefined;
  if (t.kind !== 'record') {
    report(sema, `offsetof requires a struct or union type, not '${typeName(t)}'`, pos);
    return undefined;
  }
  if (!completeSizeAlign(sema, t, useSeqOf(te), 'offsetof operand', te.pos)) return undefined;
  let cur: LValue = { kind: 'lvalue', addr: 0n, type: t };
  for (const d of path) {
    if (d.kind === 'field') {
      const next = memberOf(sema, cur, d.name, d.pos);
      if (!next) return undefined;
      cur = next;
      continue;
    }
    const i = evalInteger(sema, d.index);
    if (!i) return undefined;
    if (cur.type.kind !== 'array') {
      report(sema, `subscripted member is not an array (type '${typeName(cur.type)}')`, d.pos);
      return undefined;
    }
    const idx = i.type.signed ? i.value : BigInt.asIntN(64, i.value);
    if (idx < 0n || (cur.type.count !== undefined && idx >= cur.type.count)) {
      const bound = cur.type.count === undefined ? 'must not be negative' : `is outside [0, ${cur.type.count - 1n}] of '${typeName(cur.type)}'`;
      report(sema, `array index ${idx} ${bound}`, d.index.pos);
      return undefined;
    }
    const e = sizeAlign(sema, cur.type.elem);
    if (!e?.size && e?.size !== 0n) return undefined;
    cur = { kind: 'lvalue', addr: cur.addr + idx * e.size, type: cur.type.elem };
  }
  return { kind: 'int', value: cur.addr, type: SIZE_T };
}

function cast(sema: Sema, te: Parameters<typeof resolveType>[1], arg: Expr, pos: Pos): Value | undefined {
  const t = resolveType(sema, te);
  const v = rvalue(sema, evaluate(sema, arg), arg.pos);
  if (!t || !v) return undefined;
  const target = t.kind === 'enum' ? enumAsInt(sema, t, pos) : t;
  if (!target) return undefined;
  if (target.kind === 'int') return intValue(v.kind === 'int' ? v.value : v.addr, target);
  if (target.kind === 'pointer') {
    const to = resolveType(sema, target.to);
    if (!to) return undefined;
    return { kind: 'ptr', addr: v.kind === 'int' ? BigInt.asIntN(64, v.value) : v.addr, to };
  }
  report(sema, `cannot cast to '${typeName(t)}' in a constant expression`, pos);
  return undefined;
}

function enumAsInt(sema: Sema, t: CType & { kind: 'enum' }, pos: Pos): IntType | undefined {
  if (!completeSizeAlign(sema, t, Number.MAX_SAFE_INTEGER, 'cast target', pos)) return undefined;
  return enumInfo(sema, t.decl)?.type;
}

function unary(sema: Sema, op: string, argExpr: Expr, pos: Pos): Value | undefined {
  const raw = evaluate(sema, argExpr);
  if (!raw) return undefined;
  if (op === '&') {
    if (raw.kind !== 'lvalue') {
      report(sema, "lvalue required as unary '&' operand", pos);
      return undefined;
    }
    return { kind: 'ptr', addr: raw.addr, to: raw.type };
  }
  const v = rvalue(sema, raw, argExpr.pos);
  if (!v) return undefined;
  if (op === '*') {
    if (v.kind !== 'ptr') {
      report(sema, "invalid type argument of unary '*'", pos);
      return undefined;
    }
    return { kind: 'lvalue', addr: v.addr, type: v.to };
  }
  if (op === '!') return bool(!truth(v));
  if (v.kind !== 'int') {
    report(sema, `wrong type argument to unary '${op}'`, pos);
    return undefined;
  }
  const t = promote(v.type);
  return op === '-' ? intValue(-v.value, t) : op === '~' ? intValue(~v.value, t) : intValue(v.value, t);
}

function binary(sema: Sema, op: string, le: Expr, re: Expr, pos: Pos): Value | undefined {
  const l = rvalue(sema, evaluate(sema, le), le.pos);
  const r = rvalue(sema, evaluate(sema, re), re.pos);
  if (!l || !r) return undefined;
  if (op === '&&') return bool(truth(l) && truth(r));
  if (op === '||') return bool(truth(l) || truth(r));
  if (l.kind === 'ptr' || r.kind === 'ptr') return pointerArithmetic(sema, op, l, r, pos);
  if (op === '<<' || op === '>>') {
    const t = promote(l.type);
    const width = t.size * 8n;
    const count = r.type.signed ? r.value : BigInt.asIntN(64, r.value);
    if (count < 0n || count >= width) {
      report(sema, `shift count ${count} is ${count < 0n ? 'negative' : `>= width of type '${t.name}'`}`, pos);
      return undefined;
    }
    return intValue(op === '<<' ? l.value << count : l.value >> count, t);
  }
  const t = commonType(l.type, r.type);
  const a = convert(l.value, t);
  const b = convert(r.value, t);
  switch (op) {
    case '+': return intValue(a + b, t);
    case '-': return intValue(a - b, t);
    case '*': return intValue(a * b, t);
    case '/':
    case '%':
      if (b === 0n) {
        report(sema, 'division by zero in a constant expression', pos);
        return undefined;
      }
      return intValue(op === '/' ? a / b : a % b, t);
    case '&': return intValue(a & b, t);
    case '|': return intValue(a | b, t);
    case '^': return intValue(a ^ b, t);
    case '==': return bool(a === b);
    case '!=': return bool(a !== b);
    case '<': return bool(a < b);
    case '>': return bool(a > b);
    case '<=': return bool(a <= b);
    case '>=': return bool(a >= b);
  }
  report(sema, `operator '${op}' is not supported in constant expressions`, pos);
  return undefined;
}

function pointerArithmetic(sema: Sema, op: string, l: IntValue | PtrValue, r: IntValue | PtrValue, pos: Pos): Value | undefined {
  const elemSize = (p: PtrValue): bigint | undefined => completeSizeAlign(sema, p.to, Number.MAX_SAFE_INTEGER, 'pointer arithmetic operand', pos)?.size;
  if (op === '+' || op === '-') {
    if (l.kind === 'ptr' && r.kind === 'int') {
      const n = elemSize(l);
      if (n === undefined) return undefined;
      return { kind: 'ptr', addr: BigInt.asIntN(64, l.addr + (op === '+' ? 1n : -1n) * r.value * n), to: l.to };
    }
    if (op === '+' && l.kind === 'int' && r.kind === 'ptr') return pointerArithmetic(sema, op, r, l, pos);
    if (op === '-' && l.kind === 'ptr' && r.kind === 'ptr') {
      const n = elemSize(l);
      if (n === undefined || n === 0n) return undefined;
      return intValue((l.addr - r.addr) / n, INT_TYPES.long);
    }
  }
  const addr = (v: IntValue | PtrValue): bigint => (v.kind === 'ptr' ? BigInt.asUintN(64, v.addr) : BigInt.asUintN(64, v.value));
  switch (op) {
    case '==': return bool(addr(l) === addr(r));
    case '!=': return bool(addr(l) !== addr(r));
    case '<': return bool(addr(l) < addr(r));
    case '>': return bool(addr(l) > addr(r));
    case '<=': return bool(addr(l) <= addr(r));
    case '>=': return bool(addr(l) >= addr(r));
  }
  report(sema, `invalid operands to binary '${op}' (pointer)`, pos);
  return undefined;
}
