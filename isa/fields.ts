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
  TH: f('TH', [6, 10]),
  RIC: f('RIC', [12, 13]),
  PRS: bit('PRS', 14),
  R15: bit('R', 15),
} as const satisfies Record<string, FieldDef>;

export type FieldKey = keyof typeof FIELDS;

/** Width in bits of a field (sum of its parts). */
export function fieldWidth(def: FieldDef): number {
  let w = 0;
  for (const [a, b] of def.parts) w += b - a + 1;
  return w;
}
