/**
 * Extended mnemonics over the floating-point, vector, VSX and later fixed-point rows
 * (Book I appendix "Assembler Extended Mnemonics", plus the spellings GNU objdump
 * prints for them), and rows with operand rules the generic layout cannot express.
 */
import { calc, F, pin, type TableEntry } from '../spec.js';
import type { OperandKey } from '../operands.js';

/**
 * VSX moves to/from GPRs viewed as FPR (VSR 0..31) or VR (VSR 32..63) moves:
 * mffprd RA,FRS = mfvsrd RA,XS with XS = FRS; mfvrd RA,VRS = mfvsrd RA,XS with XS = VRS+32.
 */
function vsrViews(base: string, fp: string, vr: string, vsrFirst: boolean): TableEntry[] {
  const view = (mn: string, reg: OperandKey, offset: bigint): TableEntry => {
    const ops: OperandKey[] = vsrFirst ? [reg, 'RA'] : ['RA', reg];
    const xi = vsrFirst ? 0 : 1;
    return calc(
      mn,
      base,
      ops,
      (v) => (vsrFirst ? [v[0]! + offset, v[1]!] : [v[0]!, v[1]! + offset]),
      (b) => (b[xi]! >= offset && b[xi]! < offset + 32n ? (vsrFirst ? [b[0]! - offset, b[1]!] : [b[0]!, b[1]! - offset]) : undefined),
    );
  };
  return [view(fp, vsrFirst ? 'FRT' : 'FRS', 0n), view(vr, vsrFirst ? 'VRT' : 'VRS', 32n)];
}

export const EXTENDED = (): readonly TableEntry[] => [
  // addpcis (ISA 3.0)
  pin('lnia', 'addpcis', ['RT'], [0, 0n]),
  calc('subpcis', 'addpcis', ['RT', 'NSIS'], (v) => [v[0]!, -v[1]!], (b) => [b[0]!, -b[1]!], { print: false }),
  // isel with a CR0 condition
  pin('isellt', 'isel', ['RT', 'RA0', 'RB'], [0, 1, 2, 0n]),
  pin('iselgt', 'isel', ['RT', 'RA0', 'RB'], [0, 1, 2, 1n]),
  pin('iseleq', 'isel', ['RT', 'RA0', 'RB'], [0, 1, 2, 2n]),
  // transactional memory
  pin('tresume.', 'tsr.', [], [1n]),
  pin('tsuspend.', 'tsr.', [], [0n]),

  ...vsrViews('mfvsrd', 'mffprd', 'mfvrd', false),
  ...vsrViews('mfvsrwz', 'mffprwz', 'mfvrwz', false),
  ...vsrViews('mtvsrd', 'mtfprd', 'mtvrd', true),
  ...vsrViews('mtvsrwa', 'mtfprwa', 'mtvrwa', true),
  ...vsrViews('mtvsrwz', 'mtfprwz', 'mtvrwz', true),

  // xxpermdi selections (the XA = XB ones first: objdump prefers them)
  pin('xxswapd', 'xxpermdi', ['XT', 'XA'], [0, 1, 1, 2n]),
  calc('xxspltd', 'xxpermdi', ['XT', 'XA', 'U11_11'], (v) => [v[0]!, v[1]!, v[1]!, v[2]! * 3n],
    (b) => (b[3] === 0n || b[3] === 3n ? [b[0]!, b[1]!, b[3]! / 3n] : undefined)),
  pin('xxmrghd', 'xxpermdi', ['XT', 'XA', 'XB'], [0, 1, 2, 0n]),
  pin('xxmrgld', 'xxpermdi', ['XT', 'XA', 'XB'], [0, 1, 2, 3n]),
  // register moves
  pin('vmr', 'vor', ['VRT', 'VRA'], [0, 1, 1]),
  pin('vnot', 'vnor', ['VRT', 'VRA'], [0, 1, 1]),
  pin('xxmr', 'xxlor', ['XT', 'XA'], [0, 1, 1]),
  pin('xxlnot', 'xxlnor', ['XT', 'XA'], [0, 1, 1]),
  pin('xvmovdp', 'xvcpsgndp', ['XT', 'XB'], [0, 1, 1]),
  pin('xvmovsp', 'xvcpsgnsp', ['XT', 'XB'], [0, 1, 1]),

  // Rows with operand rules of their own.
  F('X', { PO: 31, XO_X: 22 }, 'icbt', ['CT_LEAD', 'RA0', 'RB'], { cpu: { since: 'power5' } }),
  F('X', { PO: 31, XO_X: 722 }, 'hashst', ['RB', 'DHASH', 'RA0P'], { cpu: { since: 'power8' } }),
  F('X', { PO: 31, XO_X: 658 }, 'hashstp', ['RB', 'DHASH', 'RA0P'], { cpu: { since: 'power8' } }),
  F('X', { PO: 31, XO_X: 754 }, 'hashchk', ['RB', 'DHASH', 'RA0P'], { cpu: { since: 'power8' } }),
  F('X', { PO: 31, XO_X: 690 }, 'hashchkp', ['RB', 'DHASH', 'RA0P'], { cpu: { since: 'power8' } }),
];
