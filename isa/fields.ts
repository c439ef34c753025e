/**
 * Instruction fields, with bit positions in the Power ISA book's MSB0 numbering
 * (bit 0 = most significant bit of the word). Prefixed instructions (Book I §1.6.3)
 * number the prefix word 0..31 and the suffix word 32..63, so one field description
 * covers both halves (d34 = d0 in the prefix || d1 in the suffix).
 *
 * A field made of several parts lists them from the most significant part of the
 * value to the least significant; that single rule covers every split field
 * (SPR's swapped halves, MD-form sh/mb, VSX T||TX, DCMX, ...).
 *
 * Several fields share an ISA name at different positions (L of cmp is bit 10, L of
 * mtmsrd is bit 15): the key is unique, `name` is what the book calls it and what
 * DecodedInsn.fields reports.
 */

export interface FieldDef {
  readonly name: string;
  readonly parts: readonly (readonly [from: number, to: number])[];
}

const f = (name: string, ...parts: (readonly [number, number])[]): FieldDef => ({ name, parts });
const bit = (name: string, b: number): FieldDef => f(name, [b, b]);

export const FIELDS = {
  // ---- opcode fields ----
  PO: f('PO', [0, 5]),
  XO_X: f('XO', [21, 30]), // X, XL, XFX, XFL (Book I §1.6.10 ...)
  XO_XO: f('XO', [22, 30]), // XO-form (OE at 21)
  XO_XS: f('XO', [21, 29]), // XS-form (sradi: sh5 at 30)
  XO_A: f('XO', [26, 30]), // A-form
  XO_M: f('XO', [26, 30]),
  XO_MD: f('XO', [27, 29]),
  XO_MDS: f('XO', [27, 30]),
  XO_DS: f('XO', [30, 31]),
  XO_DQ: f('XO', [29, 31]),
  XO_VA: f('XO', [26, 31]),
  XO_VX: f('XO', [21, 31]),
  XO_VC: f('XO', [22, 31]),
  XO_XX1: f('XO', [21, 30]),
  XO_XX2: f('XO', [21, 29]),
  XO_XX3: f('XO', [21, 28]),
  XO_XX3R: f('XO', [22, 28]), // XX3-form with Rc at 21
  XO_XX4: f('XO', [26, 27]),
  XO_Z23: f('XO', [23, 30]),
  XO_Z22: f('XO', [22, 30]),
  OE: bit('OE', 21),
  Rc: bit('Rc', 31),
  Rc21: bit('Rc', 21),
  AA: bit('AA', 30),
  LK: bit('LK', 31),
  ONE30: bit('?', 30), // fixed 1 bits named by nobody (sc's bit 30)
  ONE11: bit('?', 11), // mtocrf/mfocrf's "1" at bit 11

  // ---- register fields ----
  RT: f('RT', [6, 10]),
  RS: f('RS', [6, 10]),
  RA: f('RA', [11, 15]),
  RB: f('RB', [16, 20]),
  RC: f('RC', [21, 25]),
  FRT: f('FRT', [6, 10]),
  FRS: f('FRS', [6, 10]),
  FRA: f('FRA', [11, 15]),
  FRB: f('FRB', [16, 20]),
  FRC: f('FRC', [21, 25]),
  VRT: f('VRT', [6, 10]),
  VRS: f('VRS', [6, 10]),
  VRA: f('VRA', [11, 15]),
  VRB: f('VRB', [16, 20]),
  VRC: f('VRC', [21, 25]),

  // ---- condition register / branch ----
  BF: f('BF', [6, 8]),
  BFA: f('BFA', [11, 13]),
  BT: f('BT', [6, 10]),
  BA: f('BA', [11, 15]),
  BB: f('BB', [16, 20]),
  BO: f('BO', [6, 10]),
  BI: f('BI', [11, 15]),
  BH: f('BH', [19, 20]),
  BD: f('BD', [16, 29]),
  LI: f('LI', [6, 29]),
  FXM: f('FXM', [12, 19]),
  TO: f('TO', [6, 10]),

  // ---- immediates ----
  SI: f('SI', [16, 31]),
  UI: f('UI', [16, 31]),
  D: f('D', [16, 31]),
  DS: f('DS', [16, 29]),
  DQ: f('DQ', [16, 27]),
  SH: f('SH', [16, 20]),
  MB: f('MB', [21, 25]),
  ME: f('ME', [26, 30]),
  SH6: f('SH', [30, 30], [16, 20]), // MD/XS-form: value = sh5 || sh0:4
  MB6: f('MB', [26, 26], [21, 25]), // MD/MDS-form mb: value = mb5 || mb0:4
  ME6: f('ME', [26, 26], [21, 25]), // MD/MDS-form me (rldicr, rldcr)
  NB: f('NB', [16, 20]),
  SPR: f('SPR', [16, 20], [11, 15]), // XFX-form: the halves are swapped
  TBR: f('TBR', [16, 20], [11, 15]),
  LEV: f('LEV', [20, 26]),
  SR: f('SR', [12, 15]),
  L10: f('L', [10, 10]), // cmp, cmpi, cmpl, cmpli, tlbie (pre-ISA 3.0)
  L15: f('L', [15, 15]), // mtmsrd
  L_SYNC: f('L', [9, 10]),
  L_DCBF: f('L', [9, 10]),
  L3: f('L', [8, 10]), // sync, dcbf from ISA 3.1
  SC: f('SC', [14, 15]),
  IH: f('IH', [8, 10]),
  EH: bit('EH', 31),
  CT: f('CT', [7, 10]),
  CT6: f('CT', [6, 10]),
  TH: f('TH', [6, 10]),
  RIC: f('RIC', [12, 13]),
  PRS: bit('PRS', 14),
  R15: bit('R', 15),

  // ---- fields of the floating-point, decimal, vector and VSX rows ----
  // Registers as the book names them; immediates without a common book name are named by
  // signedness and position (U22_23 = unsigned, bits 22..23) so the table stays checkable
  // against the word layout.
  U21_22: f('U21_22', [21, 22]),
  S16_25_11_15_31_31: f('S16_25_11_15_31_31', [16, 25], [11, 15], [31, 31]),
  U22_22: f('U22_22', [22, 22]),
  EO_21_21: f('EO', [21, 21]),
  EO_11_15: f('EO', [11, 15]),
  U10_10: f('U10_10', [10, 10]),
  FRTp: f('FRTp', [6, 9]),
  FRAp: f('FRAp', [11, 14]),
  FRBp: f('FRBp', [16, 19]),
  U14_15: f('U14_15', [14, 15]),
  U11_12: f('U11_12', [11, 12]),
  U11_11: f('U11_11', [11, 11]),
  S11_15: f('S11_15', [11, 15]),
  U15_15: f('U15_15', [15, 15]),
  U16_21: f('U16_21', [16, 21]),
  U9_10: f('U9_10', [9, 10]),
  U10_15: f('U10_15', [10, 15]),
  U6_10: f('U6_10', [6, 10]),
  U11_15: f('U11_15', [11, 15]),
  BC: f('BC', [21, 25]),
  U31_31: f('U31_31', [31, 31]),
  U16_20: f('U16_20', [16, 20]),
  XT: f('XT', [31, 31], [6, 10]),
  XT_28_28_6_10: f('XT', [28, 28], [6, 10]),
  XTp: f('XTp', [10, 10], [6, 9]),
  XO_28_30: f('XO', [28, 30]),
  U11_20: f('U11_20', [11, 20]),
  U18_20: f('U18_20', [18, 20]),
  U19_20: f('U19_20', [19, 20]),
  U7_14: f('U7_14', [7, 14]),
  U6_6: f('U6_6', [6, 6]),
  U6_8: f('U6_8', [6, 8]),
  U16_19: f('U16_19', [16, 19]),
  U12_15: f('U12_15', [12, 15]),
  XS: f('XS', [31, 31], [6, 10]),
  U20_20: f('U20_20', [20, 20]),
  U20_26: f('U20_26', [20, 26]),
  RSp: f('RSp', [6, 9]),
  XS_28_28_6_10: f('XS', [28, 28], [6, 10]),
  XSp: f('XSp', [10, 10], [6, 9]),
  S16_20: f('S16_20', [16, 20]),
  EO_11_14: f('EO', [11, 14]),
  U13_15: f('U13_15', [13, 15]),
  U16_16: f('U16_16', [16, 16]),
  U17_20: f('U17_20', [17, 20]),
  U23_25: f('U23_25', [23, 25]),
  U22_25: f('U22_25', [22, 25]),
  EO_21_22: f('EO', [21, 22]),
  XB: f('XB', [30, 30], [16, 20]),
  XA: f('XA', [29, 29], [11, 15]),
  U9_15: f('U9_15', [9, 15]),
  U25_25_29_29_11_15: f('U25_25_29_29_11_15', [25, 25], [29, 29], [11, 15]),
  XO_26_28: f('XO', [26, 28]),
  EO_21_24: f('EO', [21, 24]),
  U22_23: f('U22_23', [22, 23]),
  XO_24_28: f('XO', [24, 28]),
  XC: f('XC', [28, 28], [21, 25]),
  U13_20: f('U13_20', [13, 20]),
  XO_23_31: f('XO', [23, 31]),
  DW: f('DW', [31, 31], [6, 10]),
  RTp: f('RTp', [6, 9]),
  ONE31: bit('?', 31),
  WC: f('WC', [9, 10]),
  PL: f('PL', [14, 15]),
  TA: f('A', [6, 6]),
  ONE10: bit('?', 10),
  ONE6: bit('?', 6),

  // ---- prefixed instructions (ISA 3.1 §1.6.3): prefix bits 0..31, suffix bits 32..63 ----
  PTYPE: f('?', [6, 7]), // 0 8LS, 1 8RR, 2 MLS, 3 MRR/MMIRR
  PST: f('?', [8, 11]), // subtype bits of 8RR/MRR/MMIRR prefixes
  PST8: f('?', [8, 8]), // ST of 8LS/MLS prefixes
  R11: f('R', [11, 11]),
  D34: f('D', [14, 31], [48, 63]),
  IMM32: f('IMM32', [16, 31], [48, 63]),
  SPO: f('?', [32, 37]), // the suffix's primary opcode
  SPO5: f('?', [32, 36]), // plxv/pstxv: 5-bit opcode, TX in bit 37
  SRT: f('RT', [38, 42]),
  SRA: f('RA', [43, 47]),
  SRTp: f('RTp', [38, 41]),
  SXT5: f('XT', [37, 37], [38, 42]),
  SXTp: f('XTp', [42, 42], [38, 41]),
  SXT8: f('XT', [47, 47], [38, 42]), // 8RR-D: TX at suffix bit 15
  SXT4: f('XT', [63, 63], [38, 42]), // 8RR-XX4
  SXA4: f('XA', [61, 61], [43, 47]),
  SXB4: f('XB', [62, 62], [48, 52]),
  SXC4: f('XC', [60, 60], [53, 57]),
  SIX: f('IX', [46, 46]),
  SXO3: f('?', [43, 45]),
  SXO4: f('?', [43, 46]),
  SXO2: f('?', [58, 59]),
  PUIM3: f('UIM', [29, 31]),
  // MMA (MMIRR prefix masks, accumulator fields)
  AT: f('AT', [6, 8]),
  SAT: f('AT', [38, 40]),
  SXO8: f('?', [53, 60]),
  PMSK8: f('PMSK', [16, 23]),
  PMSK4: f('PMSK', [16, 19]),
  PMSK2: f('PMSK', [16, 17]),
  XMSK: f('XMSK', [24, 27]),
  YMSK: f('YMSK', [28, 31]),
  YMSK2: f('YMSK', [28, 29]),
  PIMM8: f('IMM', [24, 31]),
} as const satisfies Record<string, FieldDef>;

export type FieldKey = keyof typeof FIELDS;

/** Width in bits of a field (sum of its parts). */
export function fieldWidth(def: FieldDef): number {
  let w = 0;
  for (const [a, b] of def.parts) w += b - a + 1;
  return w;
}
