/**
 * Book I, chapter 2: branch facility — I/B/XL-form branches, CR logical and mcrf, and
 * the branch extended mnemonics of Book I appendix C.2 (beq, bdnz, blr, ...).
 *
 * Extended conditional branches are rows over bc/bclr/bcctr written with the BO value
 * *without* hint bits; the decoder clears the hint bits before matching and the printer
 * appends "+"/"-" (isa/branch-hints.ts).
 */
import { B, I, XL, pin, type AliasSpec, type BranchKind, type TableEntry } from '../spec.js';
import type { OperandKey } from '../operands.js';

const P8 = { since: 'power8' } as const;

/** Condition codes of the extended mnemonics: name, BO (hint bits clear), CR bit within the field. */
const CONDS: readonly (readonly [string, number, number, boolean])[] = [
  ['lt', 12, 0, true], ['le', 4, 1, true], ['eq', 12, 2, true], ['ge', 4, 0, true],
  ['gt', 12, 1, true], ['nl', 4, 0, false], ['ne', 4, 2, true], ['ng', 4, 1, false],
  ['so', 12, 3, true], ['ns', 4, 3, true], ['un', 12, 3, false], ['nu', 4, 3, false],
];

interface BaseBranch {
  readonly base: string; // bc, bca, bclr, ...
  readonly kind: BranchKind;
  readonly suffix: string; // '', 'a', 'l', 'la', 'lr', 'lrl', 'ctr', 'ctrl', 'tar', 'tarl'
  readonly target?: OperandKey; // BD or BDA
}

const BASES: readonly BaseBranch[] = [
  { base: 'bc', kind: 'bd', suffix: '', target: 'BD' },
  { base: 'bca', kind: 'bd', suffix: 'a', target: 'BDA' },
  { base: 'bcl', kind: 'bd', suffix: 'l', target: 'BD' },
  { base: 'bcla', kind: 'bd', suffix: 'la', target: 'BDA' },
  { base: 'bclr', kind: 'lr', suffix: 'lr' },
  { base: 'bclrl', kind: 'lr', suffix: 'lrl' },
  { base: 'bcctr', kind: 'ctr', suffix: 'ctr' },
  { base: 'bcctrl', kind: 'ctr', suffix: 'ctrl' },
  { base: 'bctar', kind: 'tar', suffix: 'tar' },
  { base: 'bctarl', kind: 'tar', suffix: 'tarl' },
];

/** Extended mnemonics over one base branch row, most specific first. */
function branchAliases(b: BaseBranch): AliasSpec[] {
  const out: AliasSpec[] = [];
  const h = { hintable: true } as const;
  // bc*: the third base operand is the target; bclr/bcctr/bctar: BH, an optional last
  // operand of every extended form too (blr 1, beqlr cr0,1).
  const tgt: OperandKey[] = b.target ? [b.target] : ['BH_OPT'];
  if (b.kind !== 'bd') out.push(pin(`b${b.suffix}`, b.base, tgt, [20n, 0n, 0]));
  if (b.kind !== 'ctr') {
    // CTR-only conditions: BI must be 0 for objdump to print these.
    out.push(pin(`bdnz${b.suffix}`, b.base, tgt, [16n, 0n, 0], h));
    out.push(pin(`bdz${b.suffix}`, b.base, tgt, [18n, 0n, 0], h));
  }
  for (const [c, bo, bit, print] of CONDS) {
    out.push(pin(`b${c}${b.suffix}`, b.base, ['CRF_OPT', ...tgt], [BigInt(bo), { cr: 0, bit }, 1], { ...h, print }));
  }
  if (b.kind !== 'ctr') {
    // CTR and CR condition together (BO 0000z, 0001z, 0100z, 0101z).
    for (const [c, bo] of [['dnzf', 0], ['dzf', 2], ['dnzt', 8], ['dzt', 10]] as const) {
      out.push(pin(`b${c}${b.suffix}`, b.base, ['BI', ...tgt], [BigInt(bo), 0, 1], h));
    }
  }
  // bt/bf take a full CR bit; objdump prints the condition names instead.
  out.push(pin(`bt${b.suffix}`, b.base, ['BI', ...tgt], [12n, 0, 1], { ...h, print: false }));
  out.push(pin(`bf${b.suffix}`, b.base, ['BI', ...tgt], [4n, 0, 1], { ...h, print: false }));
  return out;
}

const byBase = (name: string): BaseBranch => BASES.find((b) => b.base === name)!;

export const BRANCH = (): readonly TableEntry[] => [
  // §2.4 branch instructions.
  I('b', 0, 0, ['LI']),
  I('ba', 1, 0, ['LIA']),
  I('bl', 0, 1, ['LI']),
  I('bla', 1, 1, ['LIA']),
  ...branchAliases(byBase('bc')),
  B('bc', 0, 0, ['BO', 'BI', 'BD']),
  ...branchAliases(byBase('bca')),
  B('bca', 1, 0, ['BO', 'BI', 'BDA']),
  ...branchAliases(byBase('bcl')),
  B('bcl', 0, 1, ['BO', 'BI', 'BD']),
  ...branchAliases(byBase('bcla')),
  B('bcla', 1, 1, ['BO', 'BI', 'BDA']),
  ...branchAliases(byBase('bclr')),
  XL(19, 16, 'bclr', ['BO', 'BI', 'BH_OPT'], { branch: 'lr' }),
  ...branchAliases(byBase('bclrl')),
  XL(19, 16, 'bclrl', ['BO', 'BI', 'BH_OPT'], { id: 'bclr', branch: 'lr', fixed: { LK: 1 } }),
  ...branchAliases(byBase('bcctr')),
  XL(19, 528, 'bcctr', ['BO', 'BI', 'BH_OPT'], { branch: 'ctr' }),
  ...branchAliases(byBase('bcctrl')),
  XL(19, 528, 'bcctrl', ['BO', 'BI', 'BH_OPT'], { id: 'bcctr', branch: 'ctr', fixed: { LK: 1 } }),
  ...branchAliases(byBase('bctar')),
  XL(19, 560, 'bctar', ['BO', 'BI', 'BH_OPT'], { cpu: P8, branch: 'tar' }),
  ...branchAliases(byBase('bctarl')),
  XL(19, 560, 'bctarl', ['BO', 'BI', 'BH_OPT'], { id: 'bctar', cpu: P8, branch: 'tar', fixed: { LK: 1 } }),

  // §2.5 condition register instructions.
  XL(19, 257, 'crand', ['BT', 'BA', 'BB']),
  XL(19, 225, 'crnand', ['BT', 'BA', 'BB']),
  pin('crmove', 'cror', ['BT', 'BA'], [0, 1, 1]),
  XL(19, 449, 'cror', ['BT', 'BA', 'BB']),
  pin('crclr', 'crxor', ['BT'], [0, 0, 0]),
  XL(19, 193, 'crxor', ['BT', 'BA', 'BB']),
  pin('crnot', 'crnor', ['BT', 'BA'], [0, 1, 1]),
  XL(19, 33, 'crnor', ['BT', 'BA', 'BB']),
  pin('crset', 'creqv', ['BT'], [0, 0, 0]),
  XL(19, 289, 'creqv', ['BT', 'BA', 'BB']),
  XL(19, 129, 'crandc', ['BT', 'BA', 'BB']),
  XL(19, 417, 'crorc', ['BT', 'BA', 'BB']),
  XL(19, 0, 'mcrf', ['BF', 'BFA']),
];
