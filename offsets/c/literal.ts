/**
 * C integer and character constants (C11 6.4.4.1, 6.4.4.4) with the types the LP64 ppc64 ABI
 * gives them, shared by the preprocessor's #if and the DEFINE evaluator.
 */
import { INT_TYPES, type IntType } from '../abi.js';

export interface IntLiteral {
  readonly value: bigint;
  readonly type: IntType;
}

/** Parse an integer constant; undefined when the spelling is no valid integer constant. */
export function parseIntegerLiteral(text: string): IntLiteral | undefined {
  const m = /^(0[xX][0-9a-fA-F]+|0[bB][01]+|0[0-7]*|[1-9][0-9]*)([uUlL]*)$/.exec(text);
  if (!m) return undefined;
  const digits = m[1] ?? '';
  const suffix = (m[2] ?? '').toLowerCase();
  if (!['', 'u', 'l', 'ul', 'lu', 'll', 'ull', 'llu'].includes(suffix)) return undefined;
  let value: bigint;
  if (/^0[bB]/.test(digits)) value = BigInt(digits);
  else if (/^0[xX]/.test(digits)) value = BigInt(digits);
  else if (digits.length > 1 && digits.startsWith('0')) value = BigInt('0o' + digits.slice(1));
  else value = BigInt(digits);
  const decimal = !/^0/.test(digits) || digits === '0';
  const unsignedSuffix = suffix.includes('u');
  const longSuffix = suffix.includes('l');
  // Candidate types in the order C11 6.4.4.1 lists them (long and long long are both 64-bit here).
  const candidates: IntType[] = [];
  if (!longSuffix) {
    if (!unsignedSuffix) candidates.push(INT_TYPES.int);
    if (unsignedSuffix || !decimal) candidates.push(INT_TYPES.uint);
  }
  if (!unsignedSuffix) candidates.push(INT_TYPES.long);
  if (unsignedSuffix || !decimal) candidates.push(INT_TYPES.ulong);
  for (const t of candidates) if (fitsType(value, t)) return { value, type: t };
  // Too large for any type: GCC gives it unsigned long with a warning; we refuse instead.
  return undefined;
}

export function fitsType(v: bigint, t: IntType): boolean {
  const bits = t.size * 8n;
  return t.signed ? v >= -(1n << (bits - 1n)) && v < 1n << (bits - 1n) : v >= 0n && v < 1n << bits;
}

const SIMPLE_ESCAPES: Record<string, number> = { n: 10, t: 9, r: 13, a: 7, b: 8, f: 12, v: 11, e: 27, '\\': 92, "'": 39, '"': 34, '?': 63 };

/** Value of a plain character constant ('a', '\n', '\x41', '\101'); type int, char is unsigned on ppc64. */
export function parseCharLiteral(text: string): IntLiteral | undefined {
  const m = /^'(.*)'$/s.exec(text);
  if (!m) return undefined;
  const body = m[1] ?? '';
  let code: number | undefined;
  if (body.length === 1) code = body.charCodeAt(0);
  else if (body.startsWith('\\')) {
    const rest = body.slice(1);
    if (rest.length === 1 && rest in SIMPLE_ESCAPES) code = SIMPLE_ESCAPES[rest];
    else if (/^x[0-9a-fA-F]{1,2}$/.test(rest)) code = parseInt(rest.slice(1), 16);
    else if (/^[0-7]{1,3}$/.test(rest)) code = parseInt(rest, 8) & 0xff;
  }
  if (code === undefined || code > 0xff) return undefined;
  return { value: BigInt(code), type: INT_TYPES.int };
}
