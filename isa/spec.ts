/**
 * The shape of the table's source rows (isa/instructions/*.ts) and the small builders
 * named after the ISA book's instruction forms (Book I §1.6). A builder only says which
 * opcode fields are fixed; isa/compile.ts derives mask and match from that and from
 * the operand fields (every bit that is neither an operand nor a fixed field is a
 * reserved bit that must be 0).
 */
import type { CpuLevel, CpuReq } from './cpu.js';
import type { FieldKey } from './fields.js';
import type { OperandKey } from './operands.js';

/** Where a conditional branch's target comes from; selects the BO hint rules. */
export type BranchKind = 'bd' | 'lr' | 'ctr' | 'tar';

export interface RowSpec {
  readonly type: 'row';
  /** Base spelling, without the '.'/'o' that `rc`/`oe` add. */
  readonly mnemonic: string;
  /** ISA book base mnemonic the simulator keys on; defaults to `mnemonic`. */
  readonly id?: string;
  /** Form name of the ISA book, for readers (D, DS, X, XO, XL, XFX, M, MD, ...). */
  readonly form: string;
  readonly fixed: Readonly<Partial<Record<FieldKey, number>>>;
  readonly operands: readonly OperandKey[];
  /** Also generate the record form ("mnemonic.") with this field set to 1. */
  readonly rc?: FieldKey;
  /** Also generate the OE forms ("mnemonico", "mnemonico."). */
  readonly oe?: boolean;
  readonly cpu?: CpuReq;
  readonly branch?: BranchKind;
  /** Architectural operand constraints gas enforces (and objdump rejects on decode). */
  readonly check?: RowCheck | readonly RowCheck[];
  /**
   * gas encodes this row as another one with the same operands when a CPU from `since`
   * on is selected and `when` holds (mtcrf with a one-field mask becomes mtocrf).
   */
  /** Bits objdump does not check (reserved bits of some forms): left out of the decode mask. */
  readonly ignore?: readonly (readonly [number, number])[];
  /** objdump -M raw appends this to the operands (its mfcr shows the absent FXM as ",-1"). */
  readonly rawSuffix?: string;
  /** The extended mnemonics over this row apply only when the ignored bits are 0 (isel). */
  readonly strictAliases?: boolean;
  /** The last operands may be omitted, as gas allows: how many (default 0), or their defaults. */
  readonly optional?: number | readonly bigint[];
  readonly promote?: { readonly to: string; readonly since: CpuLevel; readonly when: (v: readonly bigint[]) => boolean };
}

/** The operand constraints of Book I (invalid forms) that gas diagnoses. */
export type RowCheck =
  | 'load-update' // RA ≠ 0 and RA ≠ RT
  | 'store-update' // RA ≠ 0
  | 'lmw' // RA not in RT..31
  | 'lswi' // RA not in the registers loaded
  | 'lswx' // RT differs from RA and RB
  | 'lq' // RA differs from RTp
  | 'pcrel' // prefixed: R=1 only with RA=0
  | 'acc' // MMA: XA/XB may not be VSRs of the target accumulator
  | 'lqarx' // RTp differs from RA and RB
  | 'plq'; // as lq, checked by gas only

export interface AliasSpec {
  readonly type: 'alias';
  readonly mnemonic: string;
  /** Spelling of the base row it rewrites to (without '.'/'o' when `rc`/`oe` generate them). */
  readonly base: string;
  readonly operands: readonly OperandKey[];
  /** Alias operand values (defaults filled in) → base operand values. */
  readonly toBase: (v: readonly bigint[]) => readonly bigint[];
  /** Base operand values → alias operand values, or undefined when the alias does not apply. */
  readonly fromBase: (b: readonly bigint[]) => readonly bigint[] | undefined;
  /** The declarative rewrite behind toBase when it has one (pin()): lets the encoder work in numbers. */
  readonly pinMap?: PinMap;
  /** objdump prints this spelling for words it matches (false: assembler-only, e.g. la, subi). */
  readonly print: boolean;
  /** false: a spelling only the disassembler uses (gas assembles the name another way). */
  readonly asm?: boolean;
  /** objdump -M raw prints it too (objdump has it as an opcode of its own, e.g. tendall.). */
  readonly raw?: boolean;
  readonly rc?: boolean;
  readonly oe?: boolean;
  readonly cpu?: CpuReq;
  readonly hintable?: boolean;
}

export type TableEntry = RowSpec | AliasSpec;

type Extra = Partial<Omit<RowSpec, 'type' | 'mnemonic' | 'form' | 'fixed' | 'operands'>> & {
  readonly fixed?: Readonly<Partial<Record<FieldKey, number>>>;
};

function row(form: string, mnemonic: string, fixed: Partial<Record<FieldKey, number>>, operands: readonly OperandKey[], extra?: Extra): RowSpec {
  // Most rows have no extras: build those without spreading (the table is built at every start).
  if (extra === undefined) return { type: 'row', form, mnemonic, fixed, operands };
  return { ...extra, type: 'row', form, mnemonic, fixed: extra.fixed === undefined ? fixed : { ...fixed, ...extra.fixed }, operands };
}

/** Any form: the fixed fields given explicitly (rows of the vector/VSX/FP chapters). */
export const F = (form: string, fixed: Partial<Record<FieldKey, number>>, mn: string, ops: readonly OperandKey[], extra?: Extra): RowSpec =>
  row(form, mn, fixed, ops, extra);
/**
 * Prefixed (ISA 3.1 §1.6.3): prefix type (0 8LS, 1 8RR, 2 MLS, 3 MRR/MMIRR) and the
 * suffix's fixed fields; bits 32..63 are the suffix word.
 */
export const P = (type: number, fixed: Partial<Record<FieldKey, number>>, mn: string, ops: readonly OperandKey[], extra?: Extra): RowSpec =>
  row(['8LS', '8RR', 'MLS', 'MMIRR'][type]!, mn, { PO: 1, PTYPE: type, ...fixed }, ops, extra);
/** D-form (§1.6.5): PO only. */
export const D = (po: number, mn: string, ops: readonly OperandKey[], extra?: Extra): RowSpec => row('D', mn, { PO: po }, ops, extra);
/** DS-form (§1.6.6): 2-bit XO at 30..31. */
export const DS = (po: number, xo: number, mn: string, ops: readonly OperandKey[], extra?: Extra): RowSpec =>
  row('DS', mn, { PO: po, XO_DS: xo }, ops, extra);
/** X/XL/XFX/XFL-form (§1.6.10–13): 10-bit XO at 21..30. */
export const X = (po: number, xo: number, mn: string, ops: readonly OperandKey[], extra?: Extra): RowSpec =>
  row('X', mn, { PO: po, XO_X: xo }, ops, extra);
export const XL = (po: number, xo: number, mn: string, ops: readonly OperandKey[], extra?: Extra): RowSpec =>
  row('XL', mn, { PO: po, XO_X: xo }, ops, extra);
export const XFX = (po: number, xo: number, mn: string, ops: readonly OperandKey[], extra?: Extra): RowSpec =>
  row('XFX', mn, { PO: po, XO_X: xo }, ops, extra);
/** XO-form (§1.6.17): OE at 21, 9-bit XO at 22..30, Rc at 31. */
export const XO = (po: number, xo: number, mn: string, ops: readonly OperandKey[], extra?: Extra): RowSpec =>
  row('XO', mn, { PO: po, XO_XO: xo }, ops, extra);
/** XS-form (§1.6.16): 9-bit XO at 21..29 (sradi). */
export const XS = (po: number, xo: number, mn: string, ops: readonly OperandKey[], extra?: Extra): RowSpec =>
  row('XS', mn, { PO: po, XO_XS: xo }, ops, extra);
/** M-form (§1.6.20): PO only, Rc at 31. */
export const M = (po: number, mn: string, ops: readonly OperandKey[], extra?: Extra): RowSpec => row('M', mn, { PO: po }, ops, extra);
/** MD-form (§1.6.21): 3-bit XO at 27..29. */
export const MD = (po: number, xo: number, mn: string, ops: readonly OperandKey[], extra?: Extra): RowSpec =>
  row('MD', mn, { PO: po, XO_MD: xo }, ops, extra);
/** MDS-form (§1.6.22): 4-bit XO at 27..30. */
export const MDS = (po: number, xo: number, mn: string, ops: readonly OperandKey[], extra?: Extra): RowSpec =>
  row('MDS', mn, { PO: po, XO_MDS: xo }, ops, extra);
/** I-form (§1.6.1) and B-form (§1.6.2): AA and LK fixed per spelling. */
export const I = (mn: string, aa: number, lk: number, ops: readonly OperandKey[]): RowSpec =>
  row('I', mn, { PO: 18, AA: aa, LK: lk }, ops, { id: 'b' });
export const B = (mn: string, aa: number, lk: number, ops: readonly OperandKey[]): RowSpec =>
  row('B', mn, { PO: 16, AA: aa, LK: lk }, ops, { id: 'bc', branch: 'bd' });
/** SC-form (§1.6.3). */
export const SC = (mn: string, ops: readonly OperandKey[], extra?: Extra): RowSpec => row('SC', mn, { PO: 17, ONE30: 1 }, ops, extra);
export const A = (po: number, xo: number, mn: string, ops: readonly OperandKey[], extra?: Extra): RowSpec =>
  row('A', mn, { PO: po, XO_A: xo }, ops, extra);

// ---- alias builders ----

/**
 * How a base operand is computed from alias operands in the common declarative case:
 * a number is the index of an alias operand, a bigint a constant, {cr, bit} the CR bit
 * 4*crN+bit of an alias CR-field operand.
 */
export type PinMap = readonly (number | bigint | { readonly cr: number; readonly bit: number })[];

type AliasExtra = Partial<Pick<AliasSpec, 'rc' | 'oe' | 'cpu' | 'hintable' | 'print' | 'asm' | 'raw'>>;

/** An alias whose base operands are alias operands, constants or CR bits (mr, li, beq, ...). */
export function pin(mnemonic: string, base: string, operands: readonly OperandKey[], map: PinMap, extra: AliasExtra = {}): AliasSpec {
  const toBase = (v: readonly bigint[]): bigint[] =>
    map.map((m) => (typeof m === 'number' ? v[m]! : typeof m === 'bigint' ? m : 4n * v[m.cr]! + BigInt(m.bit)));
  const fromBase = (b: readonly bigint[]): bigint[] | undefined => {
    const out: (bigint | undefined)[] = operands.map(() => undefined);
    for (let i = 0; i < map.length; i++) {
      const m = map[i]!;
      const bv = b[i]!;
      if (typeof m === 'bigint') {
        if (bv !== m) return undefined;
      } else {
        const idx = typeof m === 'number' ? m : m.cr;
        if (typeof m !== 'number' && (bv & 3n) !== BigInt(m.bit)) return undefined;
        const val = typeof m === 'number' ? bv : bv >> 2n;
        const prev = out[idx];
        if (prev !== undefined && prev !== val) return undefined;
        out[idx] = val;
      }
    }
    // Operands not mapped (none in practice) decode as 0.
    return out.map((x) => x ?? 0n);
  };
  return { type: 'alias', mnemonic, base, operands, toBase, fromBase, pinMap: map, print: true, ...extra };
}

/** An alias whose rewrite needs arithmetic (sldi → rldicr n, 63-n); fromBase is checked by re-encoding. */
export function calc(
  mnemonic: string,
  base: string,
  operands: readonly OperandKey[],
  toBase: AliasSpec['toBase'],
  fromBase: AliasSpec['fromBase'],
  extra: AliasExtra = {},
): AliasSpec {
  return { type: 'alias', mnemonic, base, operands, toBase, fromBase, print: true, ...extra };
}
