/**
 * The public shape of the instruction table, shared by the assembler (encoder), the
 * disassembler (decoder + printer) and the simulator (decoder).
 *
 * Conventions:
 *  - Bit positions in the table use the Power ISA book's MSB0 numbering.
 *  - A *row* is one architectural instruction spelling (`add`, `add.`, `addo`, `addo.` are
 *    four rows generated from one description with rc/oe flags). Its `id` is the base
 *    mnemonic of the ISA book (`add`), the key the simulator's semantics use.
 *  - An *extended mnemonic* (`mr`, `li`, `beq`, `sldi`, ...) is a row too, marked `alias`,
 *    whose operands are mapped onto its base row's operands.
 *  - Operand values are BigInt: registers as their number, immediates as written
 *    (signed or unsigned), branch targets as the byte displacement from the instruction
 *    (relative forms) or the absolute address (AA=1 forms), displacements in bytes (the
 *    encoder divides DS/DQ by 4/16 after checking alignment).
 */

/** What an operand denotes; the assembler checks register kinds against it. */
export type OperandKind =
  | 'gpr' // r0..r31
  | 'gpr0' // RA where 0 means the value 0, not r0 (D-form base, addi's RA)
  | 'fpr'
  | 'vr'
  | 'vsr' // 0..63
  | 'crf' // a CR field 0..7 (BF, BFA)
  | 'acc' // an MMA accumulator a0..a7 (written as a number in gas source)
  | 'crbit' // a CR bit 0..31 (BI, BA, BB, BT); gas accepts 4*crN+eq expressions
  | 'spr'
  | 'imm' // a plain immediate (SI, UI, SH, MB, L, TO, BO, ...)
  | 'disp' // a displacement written before "(RA)" (D, DS, DQ, d34)
  | 'target'; // a branch target (relative or absolute per the row)

/**
 * Field shape for an operand that is a relocatable expression. The assembler maps
 * (shape, @modifier, pc-relative) to an R_PPC64_* type.
 */
export type FixupShape =
  | 'half16' // 16-bit field at bits 16..31 (D-form SI/UI/D)
  | 'half16ds' // DS field: low 2 bits must be zero
  | 'half16dq' // DQ field: low 4 bits must be zero
  | 'br24' // I-form LI, relative
  | 'br24abs' // I-form LI, AA=1
  | 'br14' // B-form BD, relative
  | 'br14abs' // B-form BD, AA=1
  | 'imm34' // prefixed 34-bit (d0||d1)
  | 'pcrel34'; // prefixed 34-bit with R=1

export interface OperandInfo {
  readonly name: string; // the ISA book's field name: RT, RA, SI, DS, BD, ...
  readonly kind: OperandKind;
  /** Written inside parentheses after the previous operand: the RA of "D(RA)". */
  readonly parens: boolean;
  /** May be omitted in the source (gas's optional operands, e.g. cmpwi's BF, mtmsrd's L). */
  readonly optional: boolean;
  /** Inclusive range of values the source may give (before scaling). */
  readonly min: bigint;
  readonly max: bigint;
  /** The value must be a multiple of this (4 for DS and branch targets, 16 for DQ). */
  readonly align: number;
  /** Set when the operand may be a relocatable expression. */
  readonly fixup?: FixupShape;
}

/** One spelling the assembler accepts and the disassembler may print. */
export interface InsnVariant {
  /** Base instruction id (ISA book mnemonic without '.'/'o' suffixes), e.g. 'add', 'bc', 'rldicl'. */
  readonly id: string;
  /** The exact spelling, e.g. 'addo.', 'bnelr', 'sldi'. */
  readonly mnemonic: string;
  /** Operands as written in source, in order. */
  readonly operands: readonly OperandInfo[];
  readonly alias: boolean;
  /** Prefixed (64-bit) instruction. */
  readonly prefixed: boolean;
  /** Record form (sets CR0 / CR1) and OE form (sets XER[OV]). */
  readonly rc: boolean;
  readonly oe: boolean;
  /** Branch whose BO has a hint that "+"/"-" may set. */
  readonly hintable: boolean;
}

export type EncodeResult =
  | { readonly ok: true; readonly words: readonly number[] }
  | { readonly ok: false; readonly operand: number /* -1: the instruction as a whole */; readonly message: string };

export interface DecodedInsn {
  readonly variant: InsnVariant;
  /** Values in `variant.operands` order (targets as in the encoder's convention). */
  readonly values: readonly bigint[];
  /** Raw field values of the base row, by ISA field name (RT, RA, RB, SI, BO, BI, BD, SH, MB, ...). */
  readonly fields: Readonly<Record<string, number>>;
  readonly size: 4 | 8;
}
