/**
 * Book I ch. 5: decimal floating-point facility (DFP), long and quad (p) forms.
 *
 * Form names follow the book; the fixed fields give PO and the extended opcode bits.
 * The rows were written from a sweep of the opcode space (every primary opcode with every
 * value of bits 21..31 and of one register slot, named by GNU objdump -M power10,raw, each
 * bit's role found by flipping it) and the CPU levels from GNU as -mCPU; test/isa checks
 * every row against both tools. `ignore` lists reserved bits objdump does not check.
 */
import { F, type TableEntry } from '../spec.js';

export const DECIMAL_FLOAT = (): readonly TableEntry[] => [
  F('X', { PO: 59, XO_X: 2 }, 'dadd', ['FRT', 'FRA', 'FRB'], { rc: 'Rc', cpu: { since: 'power6' } }),
  F('X', { PO: 63, XO_X: 2 }, 'daddq', ['FRTp', 'FRAp', 'FRBp'], { rc: 'Rc', cpu: { since: 'power6' }, ignore: [[15, 15], [20, 20]] }),
  F('X', { PO: 59, XO_X: 802 }, 'dcffix', ['FRT', 'FRB'], { rc: 'Rc', cpu: { since: 'power7' } }),
  F('X', { PO: 63, XO_X: 802 }, 'dcffixq', ['FRTp', 'FRB'], { rc: 'Rc', cpu: { since: 'power6' }, ignore: [[11, 15]] }),
  F('X', { PO: 63, XO_X: 994 }, 'dcffixqq', ['FRTp', 'VRB'], { cpu: { since: 'power10' }, ignore: [[10, 10]] }),
  F('X', { PO: 59, XO_X: 130 }, 'dcmpo', ['BF', 'FRA', 'FRB'], { cpu: { since: 'power6' }, ignore: [[9, 10]] }),
  F('X', { PO: 63, XO_X: 130 }, 'dcmpoq', ['BF', 'FRAp', 'FRBp'], { cpu: { since: 'power6' }, ignore: [[9, 10], [15, 15], [20, 20]] }),
  F('X', { PO: 59, XO_X: 642 }, 'dcmpu', ['BF', 'FRA', 'FRB'], { cpu: { since: 'power6' }, ignore: [[9, 10]] }),
  F('X', { PO: 63, XO_X: 642 }, 'dcmpuq', ['BF', 'FRAp', 'FRBp'], { cpu: { since: 'power6' }, ignore: [[9, 10], [15, 15], [20, 20]] }),
  F('X', { PO: 59, XO_X: 258 }, 'dctdp', ['FRT', 'FRB'], { rc: 'Rc', cpu: { since: 'power6' }, ignore: [[11, 15]] }),
  F('X', { PO: 59, XO_X: 290 }, 'dctfix', ['FRT', 'FRB'], { rc: 'Rc', cpu: { since: 'power6' }, ignore: [[11, 15]] }),
  F('X', { PO: 63, XO_X: 290 }, 'dctfixq', ['FRT', 'FRBp'], { rc: 'Rc', cpu: { since: 'power6' }, ignore: [[11, 15], [20, 20]] }),
  F('X', { PO: 63, XO_X: 994, EO_11_15: 1 }, 'dctfixqq', ['VRT', 'FRBp'], { cpu: { since: 'power10' }, ignore: [[20, 20]] }),
  F('X', { PO: 63, XO_X: 258 }, 'dctqpq', ['FRTp', 'FRB'], { rc: 'Rc', cpu: { since: 'power6' }, ignore: [[11, 15]] }),
  F('X', { PO: 59, XO_X: 322 }, 'ddedpd', ['U11_12', 'FRT', 'FRB'], { rc: 'Rc', cpu: { since: 'power6' }, ignore: [[13, 15]] }),
  F('X', { PO: 63, XO_X: 322 }, 'ddedpdq', ['U11_12', 'FRTp', 'FRBp'], { rc: 'Rc', cpu: { since: 'power6' }, ignore: [[13, 15], [20, 20]] }),
  F('X', { PO: 59, XO_X: 546 }, 'ddiv', ['FRT', 'FRA', 'FRB'], { rc: 'Rc', cpu: { since: 'power6' } }),
  F('X', { PO: 63, XO_X: 546 }, 'ddivq', ['FRTp', 'FRAp', 'FRBp'], { rc: 'Rc', cpu: { since: 'power6' }, ignore: [[15, 15], [20, 20]] }),
  F('X', { PO: 59, XO_X: 834 }, 'denbcd', ['U11_11', 'FRT', 'FRB'], { rc: 'Rc', cpu: { since: 'power6' }, ignore: [[12, 15]] }),
  F('X', { PO: 63, XO_X: 834 }, 'denbcdq', ['U11_11', 'FRTp', 'FRBp'], { rc: 'Rc', cpu: { since: 'power6' }, ignore: [[12, 15], [20, 20]] }),
  F('X', { PO: 59, XO_X: 866 }, 'diex', ['FRT', 'FRA', 'FRB'], { rc: 'Rc', cpu: { since: 'power6' } }),
  F('X', { PO: 63, XO_X: 866 }, 'diexq', ['FRTp', 'FRA', 'FRBp'], { rc: 'Rc', cpu: { since: 'power6' }, ignore: [[20, 20]] }),
  F('X', { PO: 59, XO_X: 34 }, 'dmul', ['FRT', 'FRA', 'FRB'], { rc: 'Rc', cpu: { since: 'power6' } }),
  F('X', { PO: 63, XO_X: 34 }, 'dmulq', ['FRTp', 'FRAp', 'FRBp'], { rc: 'Rc', cpu: { since: 'power6' }, ignore: [[15, 15], [20, 20]] }),
  F('Z23', { PO: 59, XO_Z23: 3 }, 'dqua', ['FRT', 'FRA', 'FRB', 'U21_22'], { rc: 'Rc', cpu: { since: 'power6' } }),
  F('Z23', { PO: 59, XO_Z23: 67 }, 'dquai', ['S11_15', 'FRT', 'FRB', 'U21_22'], { rc: 'Rc', cpu: { since: 'power6' } }),
  F('Z23', { PO: 63, XO_Z23: 67 }, 'dquaiq', ['S11_15', 'FRTp', 'FRBp', 'U21_22'], { rc: 'Rc', cpu: { since: 'power6' }, ignore: [[20, 20]] }),
  F('Z23', { PO: 63, XO_Z23: 3 }, 'dquaq', ['FRTp', 'FRAp', 'FRBp', 'U21_22'], { rc: 'Rc', cpu: { since: 'power6' }, ignore: [[15, 15], [20, 20]] }),
  F('X', { PO: 63, XO_X: 770 }, 'drdpq', ['FRTp', 'FRBp'], { rc: 'Rc', cpu: { since: 'power6' }, ignore: [[11, 15], [20, 20]] }),
  F('Z23', { PO: 59, XO_Z23: 227 }, 'drintn', ['U15_15', 'FRT', 'FRB', 'U21_22'], { rc: 'Rc', cpu: { since: 'power6' }, ignore: [[11, 14]] }),
  F('Z23', { PO: 63, XO_Z23: 227 }, 'drintnq', ['U15_15', 'FRTp', 'FRBp', 'U21_22'], { rc: 'Rc', cpu: { since: 'power6' }, ignore: [[11, 14], [20, 20]] }),
  F('Z23', { PO: 59, XO_Z23: 99 }, 'drintx', ['U15_15', 'FRT', 'FRB', 'U21_22'], { rc: 'Rc', cpu: { since: 'power6' }, ignore: [[11, 14]] }),
  F('Z23', { PO: 63, XO_Z23: 99 }, 'drintxq', ['U15_15', 'FRTp', 'FRBp', 'U21_22'], { rc: 'Rc', cpu: { since: 'power6' }, ignore: [[11, 14], [20, 20]] }),
  F('Z23', { PO: 59, XO_Z23: 35 }, 'drrnd', ['FRT', 'FRA', 'FRB', 'U21_22'], { rc: 'Rc', cpu: { since: 'power6' } }),
  F('Z23', { PO: 63, XO_Z23: 35 }, 'drrndq', ['FRTp', 'FRA', 'FRBp', 'U21_22'], { rc: 'Rc', cpu: { since: 'power6' }, ignore: [[20, 20]] }),
  F('X', { PO: 59, XO_X: 770 }, 'drsp', ['FRT', 'FRB'], { rc: 'Rc', cpu: { since: 'power6' }, ignore: [[11, 15]] }),
  F('XO', { PO: 59, XO_XO: 66 }, 'dscli', ['FRT', 'FRA', 'U16_21'], { rc: 'Rc', cpu: { since: 'power6' } }),
  F('XO', { PO: 63, XO_XO: 66 }, 'dscliq', ['FRTp', 'FRAp', 'U16_21'], { rc: 'Rc', cpu: { since: 'power6' }, ignore: [[15, 15]] }),
  F('XO', { PO: 59, XO_XO: 98 }, 'dscri', ['FRT', 'FRA', 'U16_21'], { rc: 'Rc', cpu: { since: 'power6' } }),
  F('XO', { PO: 63, XO_XO: 98 }, 'dscriq', ['FRTp', 'FRAp', 'U16_21'], { rc: 'Rc', cpu: { since: 'power6' }, ignore: [[15, 15]] }),
  F('X', { PO: 59, XO_X: 514 }, 'dsub', ['FRT', 'FRA', 'FRB'], { rc: 'Rc', cpu: { since: 'power6' } }),
  F('X', { PO: 63, XO_X: 514 }, 'dsubq', ['FRTp', 'FRAp', 'FRBp'], { rc: 'Rc', cpu: { since: 'power6' }, ignore: [[15, 15], [20, 20]] }),
  F('XO', { PO: 59, XO_XO: 194 }, 'dtstdc', ['BF', 'FRA', 'U16_21'], { cpu: { since: 'power6' }, ignore: [[9, 10]] }),
  F('XO', { PO: 63, XO_XO: 194 }, 'dtstdcq', ['BF', 'FRAp', 'U16_21'], { cpu: { since: 'power6' }, ignore: [[9, 10], [15, 15]] }),
  F('XO', { PO: 59, XO_XO: 226 }, 'dtstdg', ['BF', 'FRA', 'U16_21'], { cpu: { since: 'power6' }, ignore: [[9, 10]] }),
  F('XO', { PO: 63, XO_XO: 226 }, 'dtstdgq', ['BF', 'FRAp', 'U16_21'], { cpu: { since: 'power6' }, ignore: [[9, 10], [15, 15]] }),
  F('X', { PO: 59, XO_X: 162 }, 'dtstex', ['BF', 'FRA', 'FRB'], { cpu: { since: 'power6' }, ignore: [[9, 10]] }),
  F('X', { PO: 63, XO_X: 162 }, 'dtstexq', ['BF', 'FRAp', 'FRBp'], { cpu: { since: 'power6' }, ignore: [[9, 10], [15, 15], [20, 20]] }),
  F('X', { PO: 59, XO_X: 674 }, 'dtstsf', ['BF', 'FRA', 'FRB'], { cpu: { since: 'power6' }, ignore: [[9, 10]] }),
  F('X', { PO: 59, XO_X: 675 }, 'dtstsfi', ['BF', 'U10_15', 'FRB'], { cpu: { since: 'power9' } }),
  F('X', { PO: 63, XO_X: 675 }, 'dtstsfiq', ['BF', 'U10_15', 'FRBp'], { cpu: { since: 'power9' }, ignore: [[20, 20]] }),
  F('X', { PO: 63, XO_X: 674 }, 'dtstsfq', ['BF', 'FRA', 'FRBp'], { cpu: { since: 'power6' }, ignore: [[9, 10], [20, 20]] }),
  F('X', { PO: 59, XO_X: 354 }, 'dxex', ['FRT', 'FRB'], { rc: 'Rc', cpu: { since: 'power6' }, ignore: [[11, 15]] }),
  F('X', { PO: 63, XO_X: 354 }, 'dxexq', ['FRT', 'FRBp'], { rc: 'Rc', cpu: { since: 'power6' }, ignore: [[11, 15], [20, 20]] }),
];
