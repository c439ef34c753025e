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
  readonly scale?: 1 | 2 | 4 | 8 | 16;
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
  /** The field holds 0 for this value (lswi's NB: 0 means 32). */
  readonly zeroIs?: bigint;
  /** value = field * scale + bias (hashst's D: -512 + 8 * DW). */
  readonly bias?: bigint;
  /** A PC-relative displacement: the printer adds objdump's "# target" note. */
  readonly pcrelNote?: boolean;
  readonly invalid?: { readonly test: (v: bigint) => boolean; readonly message: string; readonly encodeOnly?: boolean };
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
  /** lswi/stswi byte count: 1..32, 32 encoded as 0 (gas also takes 0) */
  NB: imm('NB', 'NB', { min: 0n, max: 32n, zeroIs: 32n }),
  /** hashst/hashchk: D = -512 + 8 * DW (DW = dw || bits 6..10) */
  DHASH: { name: 'D', field: 'DW', kind: 'disp', scale: 8, bias: -512n, min: -512n, max: -8n },
  /** icbt's CT: written first, may be omitted (icbt RA,RB) */
  CT_LEAD: opt(imm('CT', 'CT6')),
  RTp: { name: 'RTp', field: 'RTp', kind: 'gpr', scale: 2 },
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

  // ---- floating-point, decimal, vector and VSX operands ----
  U21_22: { name: 'U21_22', field: 'U21_22', kind: 'imm' },
  S16_25_11_15_31_31: { name: 'D', field: 'S16_25_11_15_31_31', kind: 'imm', signed: true, min: -0x8000n, max: 0xffffn },
  VRT: { name: 'VRT', field: 'VRT', kind: 'vr' },
  VRA: { name: 'VRA', field: 'VRA', kind: 'vr' },
  VRB: { name: 'VRB', field: 'VRB', kind: 'vr' },
  U22_22: { name: 'U22_22', field: 'U22_22', kind: 'imm' },
  U10_10: { name: 'U10_10', field: 'U10_10', kind: 'imm' },
  FRT: { name: 'FRT', field: 'FRT', kind: 'fpr' },
  FRA: { name: 'FRA', field: 'FRA', kind: 'fpr' },
  FRB: { name: 'FRB', field: 'FRB', kind: 'fpr' },
  FRTp: { name: 'FRTp', field: 'FRTp', kind: 'fpr', scale: 2 },
  FRAp: { name: 'FRAp', field: 'FRAp', kind: 'fpr', scale: 2 },
  FRBp: { name: 'FRBp', field: 'FRBp', kind: 'fpr', scale: 2 },
  U14_15: { name: 'U14_15', field: 'U14_15', kind: 'imm' },
  U11_12: { name: 'U11_12', field: 'U11_12', kind: 'imm' },
  U11_11: { name: 'U11_11', field: 'U11_11', kind: 'imm' },
  S11_15: { name: 'S11_15', field: 'S11_15', kind: 'imm', signed: true },
  U15_15: { name: 'U15_15', field: 'U15_15', kind: 'imm' },
  U16_21: { name: 'U16_21', field: 'U16_21', kind: 'imm' },
  U9_10: { name: 'U9_10', field: 'U9_10', kind: 'imm' },
  U10_15: { name: 'U10_15', field: 'U10_15', kind: 'imm' },
  FRC: { name: 'FRC', field: 'FRC', kind: 'fpr' },
  U6_10: { name: 'U6_10', field: 'U6_10', kind: 'imm' },
  U11_15: { name: 'U11_15', field: 'U11_15', kind: 'imm' },
  BC: { name: 'BC', field: 'BC', kind: 'crbit' },
  U31_31: { name: 'U31_31', field: 'U31_31', kind: 'imm' },
  U16_20: { name: 'U16_20', field: 'U16_20', kind: 'imm' },
  XT: { name: 'XT', field: 'XT', kind: 'vsr' },
  XT_DQ: { name: 'XT', field: 'XT_28_28_6_10', kind: 'vsr' },
  XTp: { name: 'XTp', field: 'XTp', kind: 'vsr', scale: 2 },
  U11_20: { name: 'U11_20', field: 'U11_20', kind: 'imm' },
  U18_20: { name: 'U18_20', field: 'U18_20', kind: 'imm' },
  U19_20: { name: 'U19_20', field: 'U19_20', kind: 'imm' },
  U7_14: { name: 'U7_14', field: 'U7_14', kind: 'imm' },
  U6_6: { name: 'U6_6', field: 'U6_6', kind: 'imm' },
  U6_8: { name: 'U6_8', field: 'U6_8', kind: 'imm' },
  U16_19: { name: 'U16_19', field: 'U16_19', kind: 'imm' },
  U12_15: { name: 'U12_15', field: 'U12_15', kind: 'imm' },
  XS: { name: 'XS', field: 'XS', kind: 'vsr' },
  U20_20: { name: 'U20_20', field: 'U20_20', kind: 'imm' },
  U20_26: { name: 'U20_26', field: 'U20_26', kind: 'imm' },
  FRS: { name: 'FRS', field: 'FRS', kind: 'fpr' },
  RSp: { name: 'RSp', field: 'RSp', kind: 'gpr', scale: 2 },
  VRS: { name: 'VRS', field: 'VRS', kind: 'vr' },
  XS_DQ: { name: 'XS', field: 'XS_28_28_6_10', kind: 'vsr' },
  XSp: { name: 'XSp', field: 'XSp', kind: 'vsr', scale: 2 },
  S16_20: { name: 'S16_20', field: 'S16_20', kind: 'imm', signed: true },
  VRC: { name: 'VRC', field: 'VRC', kind: 'vr' },
  U13_15: { name: 'U13_15', field: 'U13_15', kind: 'imm' },
  U16_16: { name: 'U16_16', field: 'U16_16', kind: 'imm' },
  U17_20: { name: 'U17_20', field: 'U17_20', kind: 'imm' },
  U23_25: { name: 'U23_25', field: 'U23_25', kind: 'imm' },
  U22_25: { name: 'U22_25', field: 'U22_25', kind: 'imm' },
  XB: { name: 'XB', field: 'XB', kind: 'vsr' },
  XA: { name: 'XA', field: 'XA', kind: 'vsr' },
  U9_15: { name: 'U9_15', field: 'U9_15', kind: 'imm' },
  U25_25_29_29_11_15: { name: 'U25_25_29_29_11_15', field: 'U25_25_29_29_11_15', kind: 'imm' },
  U22_23: { name: 'U22_23', field: 'U22_23', kind: 'imm' },
  XC: { name: 'XC', field: 'XC', kind: 'vsr' },
  U13_20: { name: 'IMM8', field: 'U13_20', kind: 'imm', min: -128n, max: 255n },

  // ---- prefixed instructions ----
  SRT: reg('RT', 'SRT', 'gpr'),
  SRS: reg('RS', 'SRT', 'gpr'),
  SFRT: reg('FRT', 'SRT', 'fpr'),
  SFRS: reg('FRS', 'SRT', 'fpr'),
  SVRT: reg('VRT', 'SRT', 'vr'),
  SVRS: reg('VRS', 'SRT', 'vr'),
  SRTp: { name: 'RTp', field: 'SRTp', kind: 'gpr', scale: 2 },
  SRSp: { name: 'RSp', field: 'SRTp', kind: 'gpr', scale: 2 },
  SXT5: reg('XT', 'SXT5', 'vsr'),
  SXS5: reg('XS', 'SXT5', 'vsr'),
  SXTp: { name: 'XTp', field: 'SXTp', kind: 'vsr', scale: 2 },
  SXSp: { name: 'XSp', field: 'SXTp', kind: 'vsr', scale: 2 },
  SXT8: reg('XT', 'SXT8', 'vsr'),
  SXT4: reg('XT', 'SXT4', 'vsr'),
  SXA4: reg('XA', 'SXA4', 'vsr'),
  SXB4: reg('XB', 'SXB4', 'vsr'),
  SXC4: reg('XC', 'SXC4', 'vsr'),
  SRA0: reg('RA', 'SRA', 'gpr0'),
  SRA0P: { name: 'RA', field: 'SRA', kind: 'gpr0', parens: true },
  D34: { name: 'D', field: 'D34', kind: 'disp', signed: true, fixup: 'imm34' },
  SI34: { name: 'SI', field: 'D34', kind: 'imm', signed: true, fixup: 'imm34' },
  /** the D of "pld RT,D" / "pla RT,D": R=1, relative to the instruction */
  D34PC: { name: 'D', field: 'D34', kind: 'disp', signed: true, fixup: 'pcrel34', pcrelNote: true },
  SI34PC: { name: 'SI', field: 'D34', kind: 'imm', signed: true, fixup: 'pcrel34', pcrelNote: true },
  NSI34: { name: 'SI', kind: 'imm', min: -((1n << 33n) - 1n), max: 1n << 33n, fixup: 'imm34' },
  R_OPT11: opt(imm('R', 'R11')),
  IX: imm('IX', 'SIX'),
  /** gas takes -2^32..2^33-1 (upper word 0, 1 or all ones) and keeps the low 32 bits */
  IMM32: imm('IMM32', 'IMM32', { min: -0x100000000n, max: 0x1ffffffffn }),
  PUIM3: imm('UIM', 'PUIM3'),
  /** wait (ISA 3.1): WC 3 and PL other than 0 are reserved */
  WC_OPT: { ...opt(imm('WC', 'WC')), invalid: { test: (v) => v === 3n, message: 'illegal WC operand value' } },
  PL_OPT: { ...opt(imm('PL', 'PL')), invalid: { test: (v) => v !== 0n, message: 'illegal PL operand value' } },
  TA_OPT: opt(imm('A', 'TA')),
  // MMA
  AT: reg('AT', 'AT', 'acc'),
  SAT: reg('AT', 'SAT', 'acc'),
  XA_ACC: reg('XA', 'XA', 'vsr'),
  XAP_ACC: { ...reg('XAp', 'XA', 'vsr'), invalid: { test: (v) => (v & 1n) !== 0n, message: 'operand out of domain (odd VSR for a register pair)', encodeOnly: true } },
  XB_ACC: reg('XB', 'XB', 'vsr'),
  SXA_ACC: reg('XA', 'SXA4', 'vsr'),
  SXAP_ACC: { ...reg('XAp', 'SXA4', 'vsr'), invalid: { test: (v) => (v & 1n) !== 0n, message: 'operand out of domain (odd VSR for a register pair)', encodeOnly: true } },
  SXB_ACC: reg('XB', 'SXB4', 'vsr'),
  PMSK8: imm('PMSK', 'PMSK8'),
  PMSK4: imm('PMSK', 'PMSK4'),
  PMSK2: imm('PMSK', 'PMSK2'),
  XMSK: imm('XMSK', 'XMSK'),
  YMSK: imm('YMSK', 'YMSK'),
  YMSK2: imm('YMSK', 'YMSK2'),
  PIMM8: imm('IMM', 'PIMM8'),
} as const satisfies Record<string, OperandSpec>;

export type OperandKey = keyof typeof OPERANDS;
