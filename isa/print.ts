/**
 * The generic printer: a decoded instruction as GNU objdump -d prints it after the
 * bytes — the mnemonic padded to 7 columns plus a space, then the operands:
 * registers r/f/v/vs-prefixed, CR fields as crN, CR bits as lt/gt/eq/so or 4*crN+xx,
 * "D(RA)" displacements, branch targets as absolute hex addresses, other values decimal.
 * Optional operands equal to their default are left out, as objdump does.
 */
import { hintSuffix } from './branch-hints.js';
import type { CompiledOperand, Row } from './compile.js';
import type { DecodedInsn } from './types.js';

const CR_BITS = ['lt', 'gt', 'eq', 'so'] as const;
const M64 = (1n << 64n) - 1n;

function crBit(v: bigint): string {
  const n = Number(v);
  const name = CR_BITS[n & 3]!;
  return n < 4 ? name : `4*cr${n >> 2}+${name}`;
}

export interface FormatOptions {
  /** Names a branch target ("10 <foo+0x4>"), as objdump does when the file has symbols. */
  readonly symbolize?: (target: bigint) => string;
  /** Names a PC-relative note's target only when a symbol is exactly there ("# 58 <b>"). */
  readonly symbolizeExact?: (target: bigint) => string;
  /** -M raw: every operand printed, optional ones included. */
  readonly raw?: boolean;
}

function operandText(op: CompiledOperand, v: bigint, address: bigint, opts: FormatOptions): string {
  switch (op.kind) {
    case 'gpr':
      return `r${v}`;
    case 'gpr0':
      return v === 0n ? '0' : `r${v}`;
    case 'fpr':
      return `f${v}`;
    case 'vr':
      return `v${v}`;
    case 'vsr':
      return `vs${v}`;
    case 'crf':
      return `cr${v}`;
    case 'acc':
      return `a${v}`;
    case 'crbit':
      return crBit(v);
    case 'target': {
      // objdump prints absolute targets as 32-bit values, relative ones as 64-bit addresses.
      const t = op.target === 'abs' ? v & 0xffffffffn : (address + v) & M64;
      return opts.symbolize ? opts.symbolize(t) : `0x${t.toString(16)}`;
    }
    default:
      return op.hex ? `0x${v.toString(16)}` : v.toString();
  }
}

/** Whether the optional operand at i is left out: default value, and so are the optional ones after it. */
function omitted(ops: readonly CompiledOperand[], values: readonly bigint[], i: number): boolean {
  for (let j = i; j < ops.length; j++) {
    const op = ops[j]!;
    if (op.dflt === undefined) {
      if (j === i) return false;
      continue;
    }
    if (values[j] !== op.dflt) return false;
  }
  return true;
}

export function formatInsn(d: DecodedInsn, address: bigint, opts: FormatOptions = {}): string {
  const row = d.variant as Row;
  const base = row.base;
  let mnemonic = row.mnemonic;
  if (base.branch && (row.hintable || !row.alias)) mnemonic += hintSuffix(d.fields.BO ?? 0, base.branch);
  const parts: string[] = [];
  for (let i = 0; i < row.ops.length; i++) {
    const op = row.ops[i]!;
    const v = d.values[i]!;
    if (!opts.raw && op.dflt !== undefined && omitted(row.ops, d.values, i)) continue;
    const text = operandText(op, v, address, opts);
    if (op.parens && parts.length) parts[parts.length - 1] += `(${text})`;
    else parts.push(text);
  }
  if (opts.raw && row.rawSuffix) parts.push(row.rawSuffix);
  if (parts.length === 0) return mnemonic;
  let text = `${mnemonic.padEnd(7)} ${parts.join(',')}`;
  // objdump notes the target of a PC-relative prefixed instruction (R=1).
  let pc = row.ops.findIndex((o) => o.pcrelNote);
  if (pc < 0 && d.fields.R === 1 && row.prefixed) pc = row.ops.findIndex((o) => o.field?.key === 'D34');
  if (pc >= 0) {
    const t = (address + d.values[pc]!) & M64;
    text += `\t# ${opts.symbolizeExact ? opts.symbolizeExact(t) : t.toString(16)}`;
  }
  return text;
}
