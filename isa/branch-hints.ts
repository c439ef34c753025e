/**
 * The BO field's branch-prediction bits (Book I §2.4, "BO field" and "branch prediction").
 *
 *   BO = 0000y/0001y/0100y/0101y  decrement CTR and test a CR bit   (y: old-style hint)
 *   BO = 001at/011at              test a CR bit only                (at: POWER4 hint)
 *   BO = 1a00t/1a01t              decrement CTR only                (a,t: POWER4 hint)
 *   BO = 1z1zz                    branch always (only 10100 is valid)
 *
 * gas encodes "+"/"-" with the at bits from -mpower4 on, and with the y bit (whose
 * meaning flips with the sign of the displacement) for older CPUs and -many. objdump
 * prints the suffix from the bits; the rules below reproduce its choices, which were
 * measured by disassembling every BO value for bc, bclr and bcctr.
 */
import type { BranchKind } from './spec.js';

export type Hint = '+' | '-';

/** both: CTR and CR; cond: CR only; ctr: CTR only; always. */
type BoClass = 'both' | 'cond' | 'ctr' | 'always';

function classOf(bo: number): BoClass {
  switch (bo & 0x14) {
    case 0x14:
      return 'always';
    case 0x10:
      return 'ctr';
    case 0x04:
      return 'cond';
    default:
      return 'both';
  }
}

/** BO with the hint bits cleared: the value extended mnemonics are written with. */
export function normalizeBO(bo: number): number {
  switch (classOf(bo)) {
    case 'cond':
      return bo & ~3;
    case 'ctr':
      return bo & ~9;
    case 'both':
      return bo & ~1;
    default:
      return bo;
  }
}

/** The suffix objdump prints for this BO. */
export function hintSuffix(bo: number, kind: BranchKind): '' | Hint {
  switch (classOf(bo)) {
    case 'cond': {
      const at = bo & 3;
      if (at === 3) return '+';
      if (at === 2) return '-';
      return at === 1 && kind !== 'bd' ? '+' : '';
    }
    case 'ctr':
      if (bo & 8) return bo & 1 ? '+' : '-';
      return bo & 1 && kind !== 'bd' ? '+' : '';
    case 'both':
      return bo & 1 && kind !== 'bd' ? '+' : '';
    default:
      return '';
  }
}

/**
 * With an explicit POWER4-or-later dialect (-M power10) objdump refuses the old y-bit
 * hints on bclr/bcctr/bctar (they print only with the default dialect); on bc only its
 * extended mnemonics take them, so a base row with a y bit is refused too ('any').
 */
export function yHintInvalid(bo: number, kind: BranchKind | 'any'): boolean {
  if (kind === 'bd') return false;
  switch (classOf(bo)) {
    case 'both':
      return (bo & 1) === 1;
    case 'cond':
      return (bo & 3) === 1;
    case 'ctr':
      return (bo & 9) === 1;
    default:
      return false;
  }
}

/** Whether objdump prints a base bc/bclr/bcctr with this BO (rather than ".long"). */
export function baseBOValid(bo: number, kind: BranchKind): boolean {
  switch (classOf(bo)) {
    case 'always':
      return bo === 20;
    case 'ctr':
      return !((bo & 8) === 0 && (bo & 1) === 1);
    case 'both':
      return kind !== 'ctr' || (bo & 1) === 0;
    default:
      return true;
  }
}

/**
 * Set the hint bits of an extended branch's BO. `disp` is the branch displacement (or the
 * absolute target for AA=1), which decides the y bit's meaning in the old encoding.
 * Returns an error message when the hint cannot be expressed.
 */
export function applyHint(bo: number, hint: Hint, kind: BranchKind, atStyle: boolean, disp: bigint): number | string {
  const cls = classOf(bo);
  if (cls === 'always') return 'BO value implies no branch hint, when using + or - modifier';
  if (atStyle) {
    if (cls === 'cond') return bo | (hint === '+' ? 3 : 2);
    if (cls === 'ctr') return bo | (hint === '+' ? 9 : 8);
    return 'branch hint "+"/"-" is not available for this condition on POWER4 and later (no "at" bits)';
  }
  const taken = hint === '+';
  // y=1 reverses the default prediction (taken for a backward bc, not taken otherwise).
  const y = kind === 'bd' ? (disp >= 0n ? taken : !taken) : taken;
  return y ? bo | 1 : bo & ~1;
}

/**
 * gas's check of a BO written explicitly (bc 12,...): with the y-bit encoding the z
 * bits must be 0; with the at-bit encoding the reserved "at=01" and y/z bits are
 * rejected too. bcctr may not decrement CTR. Returns gas's message or undefined.
 */
export function boError(bo: number, kind: BranchKind, atStyle: boolean): string | undefined {
  const cls = classOf(bo);
  let ok: boolean;
  if (cls === 'always') ok = bo === 20;
  else if (!atStyle) ok = cls === 'cond' ? (bo & 2) === 0 : cls === 'ctr' ? (bo & 8) === 0 : true;
  else if (cls === 'cond') ok = (bo & 3) !== 1;
  else if (cls === 'ctr') ok = (bo & 9) !== 1;
  else ok = (bo & 1) === 0;
  if (!ok) return 'invalid conditional option';
  // bcctr may not decrement CTR (bctar may).
  if (kind === 'ctr' && (bo & 4) === 0) return 'invalid counter access';
  return undefined;
}

/**
 * A "+"/"-" on a base bc/bclr/bcctr with an explicit BO, as gas treats it: with the y-bit
 * encoding "+" sets y and "-" is refused; with the at-bit encoding the hint sets the at
 * bits when they are clear and must agree with them when they are set.
 */
export function applyBaseHint(bo: number, hint: Hint, atStyle: boolean): number | string {
  const noHint = 'BO value implies no branch hint, when using + or - modifier';
  const already = "attempt to set 'at' bits when they are already set";
  const cls = classOf(bo);
  if (cls === 'always') return noHint;
  if (!atStyle) return hint === '+' ? bo | 1 : noHint;
  if (cls === 'both') return bo & 1 ? 'invalid conditional option' : noHint;
  if (cls === 'cond') {
    const at = bo & 3;
    if (at === 0) return bo | (hint === '+' ? 3 : 2);
    return at === (hint === '+' ? 3 : 2) ? bo : already;
  }
  const at = bo & 9;
  if (at === 0) return bo | (hint === '+' ? 9 : 8);
  return at === (hint === '+' ? 9 : 8) ? bo : already;
}
