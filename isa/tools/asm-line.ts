/**
 * A tiny one-line assembler for the ISA tests, built only on the public isa/ API
 * (lookup, presentOperands, encode). It understands the operand syntax the tests
 * generate and objdump prints: numbers, r/f/v/vs registers, crN, CR-bit names and
 * 4*crN+eq expressions, D(RA), and branch targets written as ".+N" or absolute values.
 */
import { encode, lookup, presentOperands, type Cpu } from '../index.js';

const NAMES = new Map<string, bigint>([
  ['lt', 0n],
  ['gt', 1n],
  ['eq', 2n],
  ['so', 3n],
  ['un', 3n],
]);

function evalExpr(text: string, pc: bigint): bigint {
  let i = 0;
  const s = text.replace(/\s+/g, '');
  const peek = (): string => s[i] ?? '';
  const factor = (): bigint => {
    if (peek() === '-') {
      i++;
      return -factor();
    }
    if (peek() === '(') {
      i++;
      const v = expr();
      if (peek() !== ')') throw new Error(`bad expression ${text}`);
      i++;
      return v;
    }
    if (peek() === '.') {
      i++;
      return pc;
    }
    const m = /^(0x[0-9a-fA-F]+|[0-9]+|[a-z][a-z0-9]*)/.exec(s.slice(i));
    if (!m) throw new Error(`bad expression ${text}`);
    i += m[0].length;
    const t = m[0];
    if (/^[0-9]/.test(t)) return BigInt(t);
    const reg = /^(?:r|f|v|vs|cr)([0-9]+)$/.exec(t);
    if (reg) return BigInt(reg[1]!);
    const named = NAMES.get(t);
    if (named === undefined) throw new Error(`unknown name ${t}`);
    return named;
  };
  const term = (): bigint => {
    let v = factor();
    while (peek() === '*') {
      i++;
      v *= factor();
    }
    return v;
  };
  const expr = (): bigint => {
    let v = term();
    for (;;) {
      if (peek() === '+') {
        i++;
        v += term();
      } else if (peek() === '-') {
        i++;
        v -= term();
      } else return v;
    }
  };
  const v = expr();
  if (i !== s.length) throw new Error(`bad expression ${text}`);
  return v;
}

/** Split "a,b(c),d" into operand texts, a parenthesised register becoming its own operand. */
function splitOperands(text: string): string[] {
  const out: string[] = [];
  if (!text.trim()) return out;
  for (const piece of text.split(',')) {
    const m = /^(.*)\(([^()]*)\)\s*$/.exec(piece.trim());
    if (m && m[1]!.trim() !== '') {
      out.push(m[1]!.trim(), m[2]!.trim());
    } else out.push(piece.trim());
  }
  return out;
}

export type LineResult = { ok: true; words: readonly number[] } | { ok: false; message: string };

export function assembleLine(line: string, pc = 0n, cpu?: Cpu): LineResult {
  const m = /^\s*([a-z0-9._]+)([+-])?(?:\s+(.*))?$/.exec(line);
  if (!m) return { ok: false, message: `cannot parse: ${line}` };
  const mnemonic = m[1]!;
  const hint = m[2] as '+' | '-' | undefined;
  const texts = splitOperands(m[3] ?? '');
  const variants = lookup(mnemonic, cpu);
  if (!variants) return { ok: false, message: `unrecognized opcode: \`${mnemonic}'` };
  let firstError: string | undefined;
  for (const v of variants) {
    const present = presentOperands(v, texts.length);
    if (!present) continue;
    const values: (bigint | undefined)[] = [];
    let k = 0;
    try {
      v.operands.forEach((op, idx) => {
        if (!present[idx]) {
          values.push(undefined);
          return;
        }
        const val = evalExpr(texts[k++]!, pc);
        values.push(op.kind === 'target' && op.fixup !== 'br14abs' && op.fixup !== 'br24abs' ? val - pc : val);
      });
    } catch (e) {
      firstError ??= (e as Error).message;
      continue;
    }
    const r = encode(v, values, { ...(hint ? { hint } : {}), ...(cpu ? { cpu } : {}) });
    if (r.ok) return { ok: true, words: r.words };
    firstError ??= r.message;
  }
  return { ok: false, message: firstError ?? `wrong number of operands for ${mnemonic}` };
}
