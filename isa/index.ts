/**
 * Public API of the instruction table, used by the assembler (lookup/presentOperands/
 * encode), the disassembler (decode/format) and the simulator (decode).
 *
 * Assembler notes (gas behaviour the table reproduces):
 *  - Pass the selected CPU to lookup() and encode(): it picks the operand forms the ISA
 *    changed (tlbie, sync, mtfsf, ...), the "+"/"-" hint encoding (y bit before -mpower4
 *    and with -many, at bits from -mpower4), and gas's rewrites (mtcrf with one field →
 *    mtocrf, mftb → mfspr 268 from -mpower4). Default 'ppc64' = gas without -m.
 *  - A relative branch whose target is an absolute constant ("b 0x100") takes the constant
 *    as the displacement, as gas does; only symbolic targets become target - pc.
 *  - "pld RT,sym@pcrel" (no base register) is the PC-relative form: its variant has two
 *    operands and the D operand's fixup shape is pcrel34; "pld RT,D(RA)" takes R optional.
 *  - Operand kinds ('gpr', 'fpr', 'vr', 'vsr', 'crf', 'crbit', 'acc', ...) are for checking
 *    register names (%f1 where a GPR is expected is an error); plain numbers fit any kind.
 */
import { available, CPUS, type Cpu, type CpuLevel, type CpuReq } from './cpu.js';
import { decodeWord, type DecodeOptions } from './decode.js';
import { encodeNumbers, encodeRow, type EncodeOptions } from './encode.js';
import { formatInsn, type FormatOptions } from './print.js';
import { TABLE } from './table.js';
import type { DecodedInsn, EncodeResult, InsnVariant } from './types.js';

export type { DecodedInsn, EncodeResult, InsnVariant, OperandInfo, OperandKind, FixupShape } from './types.js';
export type { Cpu, CpuLevel, CpuReq } from './cpu.js';
export { CPUS, DEFAULT_ASM_CPU, DEFAULT_DISASM_CPU, isCpu } from './cpu.js';
export type { DecodeOptions } from './decode.js';
export { decodeRaw, type RawInsn } from './decode-raw.js';
export type { EncodeOptions } from './encode.js';

/**
 * All rows spelled `mnemonic`, in the order to try them: use the first one whose
 * presentOperands() fits the source operand count and whose encode() succeeds; report the
 * first error otherwise. With `cpu`, only the rows that CPU has (cpuFor() names the CPU
 * for a diagnostic when this is undefined but lookup(mnemonic) is not).
 */
export function lookup(mnemonic: string, cpu?: Cpu): readonly InsnVariant[] | undefined {
  return cpu === undefined ? TABLE.byMnemonic.get(mnemonic) : mnemonicsFor(cpu).get(mnemonic);
}

// A memo of a pure function of the frozen table: the mnemonic map of each CPU.
const byCpu = new Map<Cpu, ReadonlyMap<string, readonly InsnVariant[]>>();
function mnemonicsFor(cpu: Cpu): ReadonlyMap<string, readonly InsnVariant[]> {
  let m = byCpu.get(cpu);
  if (!m) {
    const built = new Map<string, readonly InsnVariant[]>();
    for (const [mn, rows] of TABLE.byMnemonic) {
      const ok = rows.filter((r) => available(r.cpu, cpu));
      if (ok.length) built.set(mn, ok);
    }
    byCpu.set(cpu, (m = built));
  }
  return m;
}

/** The CPU range that has this variant. */
export function cpuOf(variant: InsnVariant): CpuReq {
  return (variant as { cpu?: CpuReq }).cpu ?? { since: 'ppc64' };
}

/**
 * For an instruction the selected CPU lacks: the first CPU that has the spelling, to name
 * in the diagnostic ("`xsadddp' requires -mpower7"); undefined for unknown mnemonics.
 */
export function cpuFor(mnemonic: string): CpuLevel | undefined {
  const rows = TABLE.byMnemonic.get(mnemonic);
  if (!rows) return undefined;
  return CPUS.find((c) => rows.some((r) => available(r.cpu, c)));
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

/**
 * encode() for one 4-byte instruction whose operand values are numbers (NaN: omitted), in number
 * arithmetic: true with the word in out[0], or false when the number path does not cover the row
 * or the values (then encode() gives the word or the error). The assembler's path for its
 * commonest statements.
 */
export function encodeWord(variant: InsnVariant, values: readonly number[], out: Uint32Array, opts?: EncodeOptions): boolean {
  return encodeNumbers(variant, values, out, opts);
}

export function decode(word: number, nextWord?: number, opts?: DecodeOptions): DecodedInsn | undefined {
  return decodeWord(word, nextWord, opts);
}

export function format(d: DecodedInsn, address: bigint): string {
  return formatInsn(d, address);
}

/** format() with objdump's symbol annotation of branch targets and -M raw operand printing. */
export function formatWith(d: DecodedInsn, address: bigint, opts: FormatOptions): string {
  return formatInsn(d, address, opts);
}
export type { FormatOptions } from './print.js';

/** Every variant of the table in table order (for tests and tools). */
export function allVariants(): readonly InsnVariant[] {
  return TABLE.rows;
}
