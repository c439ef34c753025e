/**
 * The generic decoder: word(s) → base row by mask/match, then the first alias over that
 * row whose rewrite reproduces the word (the printer's preferred spelling).
 *
 * Index: primary opcode, then bits 21..31 (where every extended opcode of the 32-bit
 * forms lives), giving a short candidate list per word. Prefixed words (PO=1) are
 * indexed by the suffix's primary opcode. Built once per CPU dialect and cached.
 */
import { baseBOValid, normalizeBO, yHintInvalid } from './branch-hints.js';
import { available, DEFAULT_DISASM_CPU, usesAtHints, type Cpu } from './cpu.js';
import { extractField, type CompiledOperand, type LazyRow, type Row } from './compile.js';
import { checkRegisters } from './encode.js';
import { TABLE } from './table.js';
import type { RowCheck } from './spec.js';
import type { DecodedInsn } from './types.js';

export interface DecodeOptions {
  /** Dialect (objdump -M): rows outside it are not recognised. Default power10. */
  readonly cpu?: Cpu;
  /** objdump -M raw: base rows only, no extended mnemonics. */
  readonly raw?: boolean;
}

const NO_ROWS: readonly Row[] = Object.freeze([]);

/** Register constraints objdump also applies when decoding (lswi's is gas-only). */
const DECODE_CHECKS: ReadonlySet<RowCheck> = new Set<RowCheck>(['load-update', 'store-update', 'lmw', 'lswx', 'lq', 'lqarx', 'pcrel', 'acc']);

interface PoIndex {
  /** The 4-byte rows of one primary opcode, table order (not compiled yet). */
  readonly rows: readonly LazyRow[];
  /** Every row, compiled, when no row has a fixed field in bits 21..31 (the D-form opcodes). */
  all: readonly Row[] | undefined;
  /** Else, by bits 21..31: the rows whose fixed fields allow them, compiled on first use. */
  readonly bySubop: (readonly Row[] | undefined)[] | undefined;
  /**
   * The rows by their fixed bits within 21..31: for each mask of those bits, the indices (into
   * `rows`) of the rows with that mask, by their fixed value there (a word's candidates are one
   * lookup per mask, not a test of every row of the opcode).
   */
  readonly groups: readonly { readonly mask: number; readonly byValue: Map<number, number[]> }[] | undefined;
}

function groupsOf(rows: readonly LazyRow[]): PoIndex['groups'] {
  const groups: { mask: number; byValue: Map<number, number[]> }[] = [];
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i]!;
    const mask = r.fixedMask & 0x7ff;
    const value = r.fixedMatch & 0x7ff;
    let g = groups.find((x) => x.mask === mask);
    if (g === undefined) groups.push((g = { mask, byValue: new Map() }));
    const list = g.byValue.get(value);
    if (list) list.push(i);
    else g.byValue.set(value, [i]);
  }
  return groups;
}

/**
 * Candidate rows for a word, per dialect: by primary opcode, then bits 21..31 (where every
 * extended opcode of the 32-bit forms lives), from the rows' fixed fields. Each list is computed
 * on first use and compiles only its rows, so a program that decodes a few hundred instruction
 * kinds (the simulator running one image) pays only for those. A list may hold a row that the
 * word's reserved bits then rule out: decodeWord checks every candidate's full mask.
 */
export class DecodeIndex {
  /** [po] → its 4-byte rows, and the candidate lists by bits 21..31 (on first use of each). */
  private readonly byPo: (PoIndex | undefined)[] = new Array(64);
  /** suffix PO → prefixed candidates (on first use). */
  private readonly prefixedBy: (readonly Row[] | undefined)[] = new Array(64);
  /** Per base row: the aliases the printer may use in this dialect, without and with -M raw. */
  private readonly printable = new Map<Row, readonly Row[]>();
  private readonly printableRaw = new Map<Row, readonly Row[]>();
  /** Per base row with decode-time register checks: the row as checkRegisters() should see it. */
  private readonly checked = new Map<Row, Row | undefined>();
  private readonly cpu: Cpu;

  constructor(cpu: Cpu) {
    this.cpu = cpu;
  }

  /** The rows of this dialect whose first word has primary opcode `po`, table order. */
  private rowsOf(po: number): LazyRow[] {
    return TABLE.lazyBaseRowsOf(po).filter((r) => available(r.cpu, this.cpu));
  }

  candidates(word: number): readonly Row[] {
    const po = word >>> 26;
    let ix = this.byPo[po];
    if (ix === undefined) {
      const rows = this.rowsOf(po).filter((r) => r.size === 4);
      const split = rows.some((r) => ((r.fixedMask | r.fixedMatch) & 0x7ff) !== 0);
      this.byPo[po] = ix = split
        ? { rows, all: undefined, bySubop: new Array<readonly Row[] | undefined>(2048), groups: groupsOf(rows) }
        : { rows, all: undefined, bySubop: undefined, groups: undefined };
    }
    const bySubop = ix.bySubop;
    if (bySubop === undefined) return (ix.all ??= ix.rows.map((r) => r.row()));
    const k = word & 0x7ff;
    let list = bySubop[k];
    if (!list) {
      // The rows whose fixed bits within 21..31 are k's there, table order.
      const picked: number[] = [];
      for (const g of ix.groups!) {
        const hit = g.byValue.get(k & g.mask);
        if (hit) for (const i of hit) picked.push(i);
      }
      picked.sort((a, b) => a - b);
      const rows = ix.rows;
      bySubop[k] = list = picked.map((i) => rows[i]!.row());
    }
    return list;
  }

  /** Prefixed rows whose suffix word may have primary opcode `po`. */
  prefixed(po: number): readonly Row[] {
    let list = this.prefixedBy[po];
    // Suffix opcode bits may be partly operand bits (plxv's TX): index every compatible value.
    if (!list) {
      const rows = this.rowsOf(1)
        .filter((r) => r.size === 8)
        .map((r) => r.row());
      this.prefixedBy[po] = list = rows.filter((r) => ((po << 26) & r.mask[1]!) >>> 0 === (r.match[1]! & r.mask[1]! & 0xfc000000) >>> 0);
    }
    return list;
  }

  /** The aliases over `row` that may print in this dialect, table order. */
  aliasesOf(row: Row, raw: boolean): readonly Row[] {
    // -M raw prints hardly any alias: do not compile the table's aliases just to find none.
    if (raw && !TABLE.rawAliasBases.has(row.mnemonic)) return NO_ROWS;
    const memo = raw ? this.printableRaw : this.printable;
    let list = memo.get(row);
    if (!list) memo.set(row, (list = TABLE.aliasesOf(row).filter((a) => a.print && (!raw || a.rawPrint) && available(a.cpu, this.cpu))));
    return list;
  }

  /** `row` restricted to the register checks objdump applies when decoding, or undefined when none. */
  decodeChecks(row: Row): Row | undefined {
    if (row.check.length === 0) return undefined;
    if (this.checked.has(row)) return this.checked.get(row);
    const check = row.check.filter((c) => DECODE_CHECKS.has(c));
    const view = check.length ? { ...row, check } : undefined;
    this.checked.set(row, view);
    return view;
  }
}

// A memo of a pure function of the (frozen) table: one index per dialect.
const indexCache = new Map<Cpu, DecodeIndex>();
export function indexFor(cpu: Cpu): DecodeIndex {
  let idx = indexCache.get(cpu);
  if (!idx) indexCache.set(cpu, (idx = new DecodeIndex(cpu)));
  return idx;
}

/** An operand's value in `words` (its field, sign, scale, bias and zero rule applied). */
export function operandValue(op: CompiledOperand, words: readonly number[]): bigint {
  const n = extractField(words, op.field!);
  if (n === 0 && op.zeroIs !== undefined) return op.zeroIs;
  const w = op.field!.width;
  // Fields up to 32 bits: sign-extend with number arithmetic, one BigInt conversion.
  let v = w <= 32 ? BigInt(op.signed && n >= 2 ** (w - 1) ? n - 2 ** w : n) : BigInt.asIntN(w, BigInt(n));
  if (w > 32 && !op.signed) v = BigInt(n);
  if (op.shift) v <<= op.shiftBig;
  return op.bias === 0n ? v : v + op.bias;
}

const fieldBits = (op: CompiledOperand, v: bigint): bigint =>
  v === op.zeroIs ? 0n : BigInt.asUintN(op.field!.width, (v - op.bias) >> BigInt(op.shift));

function inRange(ops: readonly CompiledOperand[], vals: readonly bigint[]): boolean {
  for (let i = 0; i < ops.length; i++) {
    const op = ops[i]!;
    const v = vals[i]!;
    if (v < op.min || v > op.max) return false;
  }
  return true;
}

/** The first of `aliases` (the printable aliases over `row`) that reproduces `baseVals`, if any. */
function findAlias(row: Row, aliases: readonly Row[], baseVals: readonly bigint[]): { alias: Row; values: readonly bigint[] } | undefined {
  let norm = baseVals;
  if (row.branch) {
    norm = baseVals.slice();
    (norm as bigint[])[row.boIndex] = BigInt(normalizeBO(Number(baseVals[row.boIndex])));
  }
  for (const a of aliases) {
    const av = a.fromBase!(norm);
    if (!av || av.length !== a.ops.length || !inRange(a.ops, av)) continue;
    // The alias applies when re-encoding its values gives the same fields (the encoder
    // truncates computed fields to their width, so compare truncated values).
    const back = a.toBase!(av);
    let same = back.length === norm.length;
    for (let i = 0; same && i < norm.length; i++) same = fieldBits(row.ops[i]!, back[i]!) === fieldBits(row.ops[i]!, norm[i]!);
    if (same) return { alias: a, values: av };
  }
  return undefined;
}

function fieldsOf(row: Row, words: readonly number[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const f of row.fields) out[f.name] = extractField(words, f);
  return out;
}

export function resolve(idx: DecodeIndex, row: Row, words: readonly number[], opts: DecodeOptions): DecodedInsn | undefined {
  const cpu = opts.cpu ?? DEFAULT_DISASM_CPU;
  if (row.branch && usesAtHints(cpu) && yHintInvalid(extractField(words, row.ops[row.boIndex]!.field!), row.branch)) return undefined;
  const baseVals = row.ops.map((op) => operandValue(op, words));
  for (let i = 0; i < baseVals.length; i++) {
    const inv = row.ops[i]!.invalid;
    if (inv && !inv.encodeOnly && inv.test(baseVals[i]!)) return undefined;
  }
  // Invalid forms (update with RA=0, lmw over RA, R=1 with a base register): objdump
  // refuses to decode them, as gas refuses to assemble them.
  const checked = idx.decodeChecks(row);
  if (checked !== undefined && checkRegisters(checked, baseVals)) return undefined;
  const fields = fieldsOf(row, words);
  // objdump's own lswi rule is narrower than gas's: only RA = RT is refused.
  if (row.check.includes('lswi') && fields.RA === fields.RT) return undefined;
  const ignoredClear = row.ignored.every((m, i) => (words[i]! & m) === 0);
  const aliases = ignoredClear ? idx.aliasesOf(row, opts.raw ?? false) : NO_ROWS;
  if (aliases.length) {
    const hit = findAlias(row, aliases, baseVals);
    if (hit) return { variant: hit.alias, values: hit.values, fields, size: row.size };
  }
  if (row.branch && !baseBOValid(fields.BO!, row.branch)) return undefined;
  if (row.branch && usesAtHints(cpu) && yHintInvalid(fields.BO!, 'any')) return undefined;
  return { variant: row, values: baseVals, fields, size: row.size };
}

export function decodeWord(word: number, nextWord: number | undefined, opts: DecodeOptions = {}): DecodedInsn | undefined {
  const idx = indexFor(opts.cpu ?? DEFAULT_DISASM_CPU);
  const w = word >>> 0;
  const po = w >>> 26;
  if (po === 1) {
    if (nextWord === undefined) return undefined;
    const words = [w, nextWord >>> 0];
    for (const r of idx.prefixed(words[1]! >>> 26)) {
      if ((words[0]! & r.mask[0]!) >>> 0 === r.match[0] && (words[1]! & r.mask[1]!) >>> 0 === r.match[1]) {
        const d = resolve(idx, r, words, opts);
        if (d) return d;
      }
    }
    return undefined;
  }
  const words = [w];
  // Rows of one dialect do not overlap; with -many, a later form may take what an earlier refuses.
  for (const r of idx.candidates(w)) {
    if ((w & r.mask[0]!) >>> 0 === r.match[0]) {
      const d = resolve(idx, r, words, opts);
      if (d) return d;
    }
  }
  return undefined;
}
