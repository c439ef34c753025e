/**
 * Public API of the instruction table, used by the assembler (lookup/presentOperands/
 * encode), the disassembler (decode/format) and the simulator (decode).
 */
import { available, type Cpu } from './cpu.js';
import { decodeWord, type DecodeOptions } from './decode.js';
import { encodeRow, type EncodeOptions } from './encode.js';
import { formatInsn } from './print.js';
import { TABLE } from './table.js';
import type { DecodedInsn, EncodeResult, InsnVariant } from './types.js';

export type { DecodedInsn, EncodeResult, InsnVariant, OperandInfo, OperandKind, FixupShape } from './types.js';
export type { Cpu, CpuLevel, CpuReq } from './cpu.js';
export { CPUS, DEFAULT_ASM_CPU, DEFAULT_DISASM_CPU, isCpu } from './cpu.js';
export type { DecodeOptions } from './decode.js';
export type { EncodeOptions } from './encode.js';

/**
 * All rows spelled `mnemonic`, in the order gas tries them (the first whose operand count
 * fits is the one to use). With `cpu`, only the rows that CPU has.
 */
export function lookup(mnemonic: string, cpu?: Cpu): readonly InsnVariant[] | undefined {
  const rows = TABLE.byMnemonic.get(mnemonic);
  if (!rows || cpu === undefined) return rows;
  const ok = rows.filter((r) => available(r.cpu, cpu));
  return ok.length ? ok : undefined;
}

/** The CPU range that has this variant (for "instruction requires -mpower9"-style messages). */
export function cpuOf(variant: InsnVariant): { since: string; until?: string } {
  return (variant as { cpu?: { since: string; until?: string } }).cpu ?? { since: 'ppc64' };
}

/**
 * Which of variant.operands are written when `count` operands appear in the source
 * (gas's rule: with fewer operands than the row has, the optional ones are dropped).
 * undefined when `count` does not fit the row.
 */
export function presentOperands(variant: InsnVariant, count: number): readonly boolean[] | undefined {
  const ops = variant.operands;
  const optional = ops.filter((o) => o.optional).length;
  const required = ops.length - optional;
  if (count < required || count > ops.length) return undefined;
  // The first (count - required) optional operands are present, the rest are omitted
  // (cmpwi r3,0 drops BF; tlbiel RB,RS drops RIC,PRS,R).
  let keep = count - required;
  return ops.map((o) => {
    if (!o.optional) return true;
    if (keep > 0) {
      keep--;
      return true;
    }
    return false;
  });
}

export function encode(variant: InsnVariant, values: readonly (bigint | undefined)[], opts?: EncodeOptions): EncodeResult {
  return encodeRow(variant, values, opts);
}

export function decode(word: number, nextWord?: number, opts?: DecodeOptions): DecodedInsn | undefined {
  return decodeWord(word, nextWord, opts);
}

export function format(d: DecodedInsn, address: bigint): string {
  return formatInsn(d, address);
}

/** Every variant of the table in table order (for tests and tools). */
export function allVariants(): readonly InsnVariant[] {
  return TABLE.rows;
}
