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
import { extractField, type CompiledOperand, type Row } from './compile.js';
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

/**
 * Candidate rows for a word, per dialect: by primary opcode, then bits 21..31. Each of the
 * 64 × 2048 slots is computed on first use, so a program that decodes a handful of
 * instruction kinds (the simulator running one image) pays only for those.
 */
class DecodeIndex {
  private readonly rows: readonly Row[];
  /** [po] → the 4-byte rows of that primary opcode (on first use). */
  private readonly byPo: (readonly Row[] | undefined)[] = new Array(64);
  /** [po * 2048 + bits 21..31] → candidate base rows, table order. */
  private readonly slots: (readonly Row[] | undefined)[] = new Array(64 * 2048);
  /** suffix PO → prefixed candidates. */
  readonly prefixed: readonly (readonly Row[])[];

  constructor(cpu: Cpu) {
    this.rows = TABLE.baseRows.filter((r) => available(r.cpu, cpu));
    const prefixed: Row[][] = [];
    // Suffix opcode bits may be partly operand bits (plxv's TX): index every compatible value.
    for (let po = 0; po < 64; po++) {
      prefixed.push(this.rows.filter((r) => r.size === 8 && ((po << 26) & r.mask[1]!) >>> 0 === (r.match[1]! & r.mask[1]! & 0xfc000000) >>> 0));
    }
    this.prefixed = prefixed;
  }

  candidates(word: number): readonly Row[] {
    const po = word >>> 26;
    const k = word & 0x7ff;
    const slot = po * 2048 + k;
    let list = this.slots[slot];
    if (!list) {
      let forPo = this.byPo[po];
      if (!forPo) this.byPo[po] = forPo = this.rows.filter((r) => r.size === 4 && r.match[0]! >>> 26 === po);
      this.slots[slot] = list = forPo.filter((r) => (k & r.mask[0]! & 0x7ff) === (r.match[0]! & 0x7ff));
    }
    return list;
  }
}

// A memo of a pure function of the (frozen) table: one index per dialect.
const indexCache = new Map<Cpu, DecodeIndex>();
function indexFor(cpu: Cpu): DecodeIndex {
  let idx = indexCache.get(cpu);
  if (!idx) indexCache.set(cpu, (idx = new DecodeIndex(cpu)));
  return idx;
}

function operandValue(op: CompiledOperand, words: readonly number[]): bigint {
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

/** The first printable alias over `row` that reproduces `baseVals`, if any. */
function findAlias(row: Row, baseVals: readonly bigint[], cpu: Cpu, raw: boolean): { alias: Row; values: readonly bigint[] } | undefined {
  let norm = baseVals;
  if (row.branch) {
    norm = baseVals.slice();
    (norm as bigint[])[row.boIndex] = BigInt(normalizeBO(Number(baseVals[row.boIndex])));
  }
  for (const a of row.aliases) {
    if (!a.print || !available(a.cpu, cpu) || (raw && !a.rawPrint)) continue;
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

/** Register constraints objdump also applies when decoding (lswi's is gas-only). */
const DECODE_CHECKS: ReadonlySet<RowCheck> = new Set<RowCheck>(['load-update', 'store-update', 'lmw', 'lswx', 'lq', 'lqarx', 'pcrel', 'acc']);

function fieldsOf(row: Row, words: readonly number[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const f of row.fields) out[f.name] = extractField(words, f);
  return out;
}

function resolve(row: Row, words: readonly number[], opts: DecodeOptions): DecodedInsn | undefined {
  const cpu = opts.cpu ?? DEFAULT_DISASM_CPU;
  if (row.branch && usesAtHints(cpu) && yHintInvalid(extractField(words, row.ops[row.boIndex]!.field!), row.branch)) return undefined;
  const baseVals = row.ops.map((op) => operandValue(op, words));
  for (let i = 0; i < baseVals.length; i++) {
    const inv = row.ops[i]!.invalid;
    if (inv && !inv.encodeOnly && inv.test(baseVals[i]!)) return undefined;
  }
  // Invalid forms (update with RA=0, lmw over RA, R=1 with a base register): objdump
  // refuses to decode them, as gas refuses to assemble them.
  if (row.check.some((c) => DECODE_CHECKS.has(c)) && checkRegisters({ ...row, check: row.check.filter((c) => DECODE_CHECKS.has(c)) }, baseVals)) {
    return undefined;
  }
  const fields = fieldsOf(row, words);
  // objdump's own lswi rule is narrower than gas's: only RA = RT is refused.
  if (row.check.includes('lswi') && fields.RA === fields.RT) return undefined;
  const ignoredClear = row.ignored.every((m, i) => (words[i]! & m) === 0);
  if (row.aliases.length && ignoredClear) {
    const hit = findAlias(row, baseVals, cpu, opts.raw ?? false);
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
    for (const r of idx.prefixed[words[1]! >>> 26]!) {
      if ((words[0]! & r.mask[0]!) >>> 0 === r.match[0] && (words[1]! & r.mask[1]!) >>> 0 === r.match[1]) {
        const d = resolve(r, words, opts);
        if (d) return d;
      }
    }
    return undefined;
  }
  const words = [w];
  // Rows of one dialect do not overlap; with -many, a later form may take what an earlier refuses.
  for (const r of idx.candidates(w)) {
    if ((w & r.mask[0]!) >>> 0 === r.match[0]) {
      const d = resolve(r, words, opts);
      if (d) return d;
    }
  }
  return undefined;
}
