/**
 * Operand descriptors: one record per way an instruction field is written in assembly.
 * The same record drives the encoder (range, alignment, scaling, insertion), the
 * decoder (extraction, sign extension) and the printer (register prefix, CR-bit names,
 * branch targets as addresses), and tells the assembler which fixup shape a symbol gets.
 */
import type { FixupShape, OperandKind } from './types.js';
import type { FieldKey } from './fields.js';

export interface OperandSpec {
  /** The ISA book's name for the operand (RT, RA, SI, BD, ...). */
  readonly name: string;
  /** Where the value lives; absent for the virtual operands of arithmetic aliases (sldi's n). */
  readonly field?: FieldKey;
  readonly kind: OperandKind;
  /** Sign-extend on decode (and the default source range is signed). */
  readonly signed?: boolean;
  /** The field holds value/scale (DS ×4, DQ ×16, branch displacements ×4). */
  readonly scale?: 1 | 4 | 16;
  readonly target?: 'rel' | 'abs';
  /** Written as "(RA)" after the previous operand. */
  readonly parens?: boolean;
  /** Optional in the source; the value used when omitted (and not printed when equal). */
  readonly optional?: bigint;
  readonly fixup?: FixupShape;
  /** Source range when it differs from the field's natural range (addis takes -32768..65535). */
  readonly min?: bigint;
  readonly max?: bigint;
  /** Print in hex (objdump does for a few masks); default decimal. */
  readonly hex?: boolean;
  /**
   * Values in range that are still invalid (sync's L=3, mtocrf's FXM with several bits):
   * gas rejects them with `invalid`'s message and objdump does not decode them.
   */
  readonly invalid?: { readonly test: (v: bigint) => boolean; readonly message: string };
}

const illegal = (name: string, ...values: bigint[]): OperandSpec['invalid'] => ({
  test: (v) => values.includes(v),
  message: `illegal ${name} operand value`,
});
const notOneBit = (v: bigint): boolean => v === 0n || (v & (v - 1n)) !== 0n;
const reg = (name: string, field: FieldKey, kind: OperandKind): OperandSpec => ({ name, field, kind });
const imm = (name: string, field: FieldKey, extra: Partial<OperandSpec> = {}): OperandSpec => ({ name, field, kind: 'imm', ...extra });
const opt = (o: OperandSpec, dflt = 0n): OperandSpec => ({ ...o, optional: dflt });
/** A virtual operand: range only, mapped onto base fields by an alias's rewrite. */
const virt = (name: string, min: bigint, max: bigint, kind: OperandKind = 'imm'): OperandSpec => ({ name, kind, min, max });

export const OPERANDS = {
  // ---- general purpose registers ----
  RT: reg('RT', 'RT', 'gpr'),
  RS: reg('RS', 'RS', 'gpr'),
  RA: reg('RA', 'RA', 'gpr'),
  RA0: reg('RA', 'RA', 'gpr0'),
  RB: reg('RB', 'RB', 'gpr'),
  RC: reg('RC', 'RC', 'gpr'),
  /** "D(RA)" base register, 0 meaning the value 0 */
  RA0P: { name: 'RA', field: 'RA', kind: 'gpr0', parens: true },
  /** "D(RA)" base register of the update forms: a real register */
  RAP: { name: 'RA', field: 'RA', kind: 'gpr', parens: true },

  // ---- immediates ----
  SI: imm('SI', 'SI', { signed: true, fixup: 'half16' }),
  /** cmpli's UI: gas also takes a negative value that fits 16 bits signed */
  UIS: imm('UI', 'UI', { fixup: 'half16', min: -0x8000n, max: 0xffffn }),
  /** addis/lis accept a signed or unsigned 16-bit value, as gas does */
  SIS: imm('SI', 'SI', { signed: true, fixup: 'half16', min: -0x8000n, max: 0xffffn }),
  UI: imm('UI', 'UI', { fixup: 'half16' }),
  D: { name: 'D', field: 'D', kind: 'disp', signed: true, fixup: 'half16' },
  DS: { name: 'DS', field: 'DS', kind: 'disp', signed: true, scale: 4, fixup: 'half16ds' },
  DQ: { name: 'DQ', field: 'DQ', kind: 'disp', signed: true, scale: 16, fixup: 'half16dq' },
  SH: imm('SH', 'SH'),
  MB: imm('MB', 'MB'),
  ME: imm('ME', 'ME'),
  SH6: imm('SH', 'SH6'),
  MB6: imm('MB', 'MB6'),
  ME6: imm('ME', 'ME6'),
  NB: imm('NB', 'NB'),
  TO: imm('TO', 'TO'),
  LEV: opt(imm('LEV', 'LEV')),
  L10: imm('L', 'L10'),
  L10_OPT: opt(imm('L', 'L10')),
  L15_OPT: opt(imm('L', 'L15')),
  /** sync's L before ISA 3.1: ptesync (2) only from POWER4, 3 reserved */
  L_SYNC_OPT_PPC64: { ...opt(imm('L', 'L_SYNC')), invalid: illegal('L', 2n, 3n) },
  L_SYNC_OPT: { ...opt(imm('L', 'L_SYNC')), invalid: illegal('L', 3n) },
  L_SYNC3_OPT: { ...opt(imm('L', 'L3')), invalid: illegal('L', 3n, 6n, 7n) },
  SC_OPT: opt(imm('SC', 'SC')),
  L_DCBF_OPT: { ...opt(imm('L', 'L_DCBF')), invalid: illegal('L', 2n) },
  L_DCBF3_OPT: { ...opt(imm('L', 'L3')), invalid: illegal('L', 2n, 5n, 7n) },
  IH_OPT: opt(imm('IH', 'IH')),
  TH_OPT: opt(imm('TH', 'TH')),
  /** dcbtct/dcbtds: the TH values of the "cache touch" and "data stream" groups */
  THCT_OPT: opt(imm('TH', 'TH', { max: 7n })),
  THDS_OPT: opt(imm('TH', 'TH', { min: 8n, max: 15n }), 8n),
  EH_OPT: opt(imm('EH', 'EH')),
  RIC_OPT: opt(imm('RIC', 'RIC')),
  PRS_OPT: opt(imm('PRS', 'PRS')),
  R_OPT: opt(imm('R', 'R15')),
  RS_OPT: opt(reg('RS', 'RS', 'gpr')),
  SPR: { name: 'SPR', field: 'SPR', kind: 'spr' },
  /** mftb's TBR: only the two time base registers */
  TBR_OPT: { name: 'TBR', field: 'TBR', kind: 'spr', optional: 268n, invalid: { test: (v) => v !== 268n && v !== 269n, message: 'invalid tbr number' } },
  FXM: imm('FXM', 'FXM'),
  /** mtocrf/mfocrf: exactly one CR field */
  FXM1: { ...imm('FXM', 'FXM'), invalid: { test: notOneBit, message: 'invalid mask field' } },
  FXM1_MFCR: { ...imm('FXM', 'FXM'), invalid: { test: notOneBit, message: 'invalid mfcr mask' } },
  SR: imm('SR', 'SR'),
  CT_OPT: opt(imm('CT', 'CT')),
  TH: imm('TH', 'TH'),

  // ---- condition register ----
  BF: reg('BF', 'BF', 'crf'),
  BF_OPT: opt(reg('BF', 'BF', 'crf')),
  BFA: reg('BFA', 'BFA', 'crf'),
  BT: reg('BT', 'BT', 'crbit'),
  BA: reg('BA', 'BA', 'crbit'),
  BB: reg('BB', 'BB', 'crbit'),
  BI: reg('BI', 'BI', 'crbit'),
  BO: imm('BO', 'BO'),
  BH_OPT: opt(imm('BH', 'BH')),

  // ---- branch targets ----
  BD: { name: 'BD', field: 'BD', kind: 'target', signed: true, scale: 4, target: 'rel', fixup: 'br14' },
  BDA: { name: 'BD', field: 'BD', kind: 'target', signed: true, scale: 4, target: 'abs', fixup: 'br14abs' },
  LI: { name: 'LI', field: 'LI', kind: 'target', signed: true, scale: 4, target: 'rel', fixup: 'br24' },
  LIA: { name: 'LI', field: 'LI', kind: 'target', signed: true, scale: 4, target: 'abs', fixup: 'br24abs' },

  // ---- virtual operands of extended mnemonics ----
  /** a CR field written for the BI of an extended branch (beq cr3,...) */
  CRF_OPT: { name: 'BI', kind: 'crf', min: 0n, max: 7n, optional: 0n },
  N6: virt('n', 0n, 63n),
  N6X: virt('n', 0n, 64n), // extldi/insrdi take n up to 64
  B6: virt('b', 0n, 63n),
  N5: virt('n', 0n, 31n),
  N5X: virt('n', 0n, 32n), // extlwi/inslwi/insrwi take n up to 32
  B5: virt('b', 0n, 31n),
  /** subi/subis/subic: the negated immediate */
  NSI: { name: 'SI', kind: 'imm', min: -0x7fffn, max: 0x8000n, fixup: 'half16' },
  NSIS: { name: 'SI', kind: 'imm', min: -0xffffn, max: 0x8000n, fixup: 'half16' },
  SPRG: virt('n', 0n, 3n),
  SPRG8: virt('n', 0n, 7n),
  SPR_X: virt('SPR', 0n, 1023n, 'spr'),
} as const satisfies Record<string, OperandSpec>;

export type OperandKey = keyof typeof OPERANDS;
