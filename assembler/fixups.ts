/**
 * End of input: lay out the chunks of every section, then resolve each fixup — either
 * to bytes (a constant, or a PC-relative distance inside one section) or to an ELF
 * relocation chosen from (field shape, @modifier, PC-relative) by one table.
 */
import type { Assembler } from './assembler.js';
import { EvalError, displayName, evaluate, type Term, type Value } from './eval.js';
import type { Fixup, Section, Sym } from './symbols.js';
import { encode, encodeWord } from '../isa/index.js';
import { encodeOptions } from './instructions.js';
import { fieldPattern, foldModifier, folds, truncationWarning } from './values.js';
import * as R from '../elf/constants.js';
import { alignTo } from './directives.js';

/** A relocation before symbol indices are known. */
export interface PendingReloc {
  section: Section;
  offset: number;
  type: number;
  /** Target: a symbol, a section (its section symbol), or nothing (absolute, e.g. R_PPC64_TOC). */
  sym?: Sym;
  sectionSym?: Section;
  addend: bigint;
}

type Shape = Fixup['shape'];

/** (shape, modifier) → relocation type; `pcrel` variants separately. */
const RELOC: Record<string, number> = {
  'br24:': R.R_PPC64_REL24, 'br24:plt': R.R_PPC64_REL24, 'br24:notoc': R.R_PPC64_REL24_NOTOC, 'br24:local': R.R_PPC64_REL24,
  'br24abs:': R.R_PPC64_ADDR24,
  'br14:': R.R_PPC64_REL14, 'br14abs:': R.R_PPC64_ADDR14,
  'half16:': R.R_PPC64_ADDR16, 'half16:l': R.R_PPC64_ADDR16_LO, 'half16:h': R.R_PPC64_ADDR16_HI, 'half16:ha': R.R_PPC64_ADDR16_HA,
  'half16:high': R.R_PPC64_ADDR16_HIGH, 'half16:higha': R.R_PPC64_ADDR16_HIGHA,
  'half16:higher': R.R_PPC64_ADDR16_HIGHER, 'half16:highera': R.R_PPC64_ADDR16_HIGHERA,
  'half16:highest': R.R_PPC64_ADDR16_HIGHEST, 'half16:highesta': R.R_PPC64_ADDR16_HIGHESTA,
  'half16:toc': R.R_PPC64_TOC16, 'half16:toc@l': R.R_PPC64_TOC16_LO, 'half16:toc@h': R.R_PPC64_TOC16_HI, 'half16:toc@ha': R.R_PPC64_TOC16_HA,
  'half16:got': R.R_PPC64_GOT16, 'half16:got@l': R.R_PPC64_GOT16_LO, 'half16:got@h': R.R_PPC64_GOT16_HI, 'half16:got@ha': R.R_PPC64_GOT16_HA,
  'half16ds:': R.R_PPC64_ADDR16_DS, 'half16ds:l': R.R_PPC64_ADDR16_LO_DS,
  'half16ds:toc': R.R_PPC64_TOC16_DS, 'half16ds:toc@l': R.R_PPC64_TOC16_LO_DS,
  'half16ds:got': R.R_PPC64_GOT16_DS, 'half16ds:got@l': R.R_PPC64_GOT16_LO_DS,
  'half16dq:': R.R_PPC64_ADDR16_DS, 'half16dq:l': R.R_PPC64_ADDR16_LO_DS,
  'half16dq:toc': R.R_PPC64_TOC16_DS, 'half16dq:toc@l': R.R_PPC64_TOC16_LO_DS,
  'data64:': R.R_PPC64_ADDR64, 'data64:tocbase': R.R_PPC64_TOC,
  'data32:': R.R_PPC64_ADDR32,
  'data16:': R.R_PPC64_ADDR16, 'data16:l': R.R_PPC64_ADDR16_LO, 'data16:h': R.R_PPC64_ADDR16_HI, 'data16:ha': R.R_PPC64_ADDR16_HA,
  'data8:': -1,
  // gas: a prefixed d34 field relocates as PCREL34 only with @pcrel (R=1 alone still gives D34).
  'imm34:': R.R_PPC64_D34, 'imm34:pcrel': R.R_PPC64_PCREL34, 'pcrel34:': R.R_PPC64_D34, 'pcrel34:pcrel': R.R_PPC64_PCREL34,
};

const RELOC_PCREL: Record<string, number> = {
  'data64:': R.R_PPC64_REL64,
  'data32:': R.R_PPC64_REL32,
  'data16:': R.R_PPC64_REL16, 'data16:l': R.R_PPC64_REL16_LO, 'data16:h': R.R_PPC64_REL16_HI, 'data16:ha': R.R_PPC64_REL16_HA,
  'half16:': R.R_PPC64_REL16, 'half16:l': R.R_PPC64_REL16_LO, 'half16:h': R.R_PPC64_REL16_HI, 'half16:ha': R.R_PPC64_REL16_HA,
};

/** Byte offset of the relocated field from the start of the instruction/data item. */
function fieldOffset(shape: Shape): number {
  return shape === 'half16' || shape === 'half16ds' || shape === 'half16dq' ? 2 : 0;
}

function dataSize(shape: Shape): number {
  return shape === 'data8' ? 1 : shape === 'data16' ? 2 : shape === 'data32' ? 4 : 8;
}

/** Place every chunk in its section (subsections in numeric order, each aligned). */
export function layoutSections(as: Assembler): void {
  for (const s of as.sections) {
    const subs = [...s.chunks.values()].sort((a, b) => a.sub - b.sub);
    let off = 0;
    const first = subs[0];
    for (const c of subs) {
      if (c !== first) {
        const a = 2 ** c.p2align;
        const pad = (a - (off % a)) % a;
        if (pad > 0) {
          // Pad the previous chunk so the bytes stay contiguous.
          const prev = subs[subs.indexOf(c) - 1]!;
          const saved = prev.p2align;
          alignTo(as, prev, c.p2align, undefined, 1, undefined);
          prev.p2align = saved;
          off = prev.base + prev.offset;
        }
      }
      c.base = off;
      off += c.offset;
    }
    s.size = off;
  }
}

/** The position of a term in its section (after layout). */
function termOffset(t: Term): bigint {
  return BigInt(t.chunk!.base + t.offset!);
}

/** Relocations against local symbols go through the section symbol, as GNU as does. */
function keepsSymbol(sym: Sym): boolean {
  return sym.binding !== 'local' || sym.kind === 'undef' || sym.kind === 'common';
}

export function resolveFixups(as: Assembler): PendingReloc[] {
  const relocs: PendingReloc[] = [];
  for (const s of as.sections) {
    for (const c of [...s.chunks.values()].sort((a, b) => a.sub - b.sub)) {
      for (const f of c.fixups) resolveOne(as, f, relocs);
    }
  }
  return relocs;
}

function fail(as: Assembler, f: Fixup, message: string): void {
  as.bag.error(message, { file: f.where.file, line: f.where.line, col: f.col }, f.where.origin);
}

function resolveOne(as: Assembler, f: Fixup, relocs: PendingReloc[]): void {
  let v: Value;
  try {
    v = evaluate(f.expr, 'final');
  } catch (e) {
    if (e instanceof EvalError) return fail(as, f, e.message);
    throw e;
  }
  const here = BigInt(f.chunk.base + f.offset);
  const section = f.chunk.section;
  const mod = f.modifier ?? '';
  const plus = v.plus;
  // The value's own arrays are read, not changed: a `sym - .` difference drops its minus term here.
  let minus: readonly Term[] = v.minus;

  // A reference to `.`-relative data (sym - .): PC-relative data relocation.
  // Branch targets, and @pcrel operands, are relative to the instruction.
  let pcrel = f.pcrel || mod === 'pcrel';
  let add = v.add;
  if (minus.length === 1 && !minus[0]!.sym && minus[0]!.chunk!.section === section && plus.length === 1 && !f.insn) {
    pcrel = true;
    add += here - termOffset(minus[0]!);
    minus = [];
  }
  if (minus.length > 0) {
    const t = minus[0]!;
    return fail(as, f, t.sym && t.sym.kind === 'undef'
      ? `can't resolve a difference with undefined symbol '${displayName(t.sym)}'`
      : `can't resolve the expression: it subtracts a symbol from another section`);
  }

  if (plus.length === 0) {
    // An absolute value. In a relative branch gas takes a constant as the displacement itself.
    if (pcrel && f.insn) return apply(as, f, add);
    return apply(as, f, modified(as, f, add));
  }
  const t = plus[0]!;
  if (plus.length > 1) return fail(as, f, "can't resolve the expression: it adds two relocatable symbols");
  const keep = t.sym !== undefined || (t.label !== undefined && keepsSymbol(t.label));
  if (pcrel && !keep && t.chunk!.section === section && mod !== 'plt' && mod !== 'notoc') {
    // Distance inside this section: no relocation.
    const d = termOffset(t) + add - here;
    return apply(as, f, d);
  }
  // A relocation.
  const key = `${f.shape}:${mod}`;
  const type = pcrel && !f.insn ? RELOC_PCREL[key] : RELOC[key];
  if (type === undefined || type < 0) {
    return fail(as, f, `unsupported relocation${mod ? ` '@${mod}'` : ''} for a ${shapeName(f.shape)}${pcrel && !f.insn ? ' (PC-relative)' : ''}`);
  }
  if (mod === 'tocbase') {
    relocs.push({ section, offset: Number(here), type, addend: add });
    return;
  }
  const offset = Number(here) + (f.insn ? fieldOffset(f.shape) : 0);
  let rel: PendingReloc;
  const target = t.sym ?? (keep ? t.label : undefined);
  if (target) {
    target.usedInReloc = true;
    rel = { section, offset, type, sym: target, addend: add };
  } else {
    rel = { section, offset, type, sectionSym: t.chunk!.section, addend: termOffset(t) + add };
  }
  if (f.shape === 'half16ds' || f.shape === 'half16dq') {
    // The low bits of a DS field are part of the opcode: the addend must keep them clear.
    const align = f.shape === 'half16ds' ? 4n : 16n;
    if (!target && BigInt.asUintN(64, rel.addend) % align !== 0n && !mod.startsWith('got')) {
      return fail(as, f, `relocation for a DS-form field is not a multiple of ${align} (offset 0x${rel.addend.toString(16)})`);
    }
  }
  relocs.push(rel);
}

function shapeName(shape: Shape): string {
  switch (shape) {
    case 'half16': return '16-bit field';
    case 'half16ds': return 'DS-form offset field';
    case 'half16dq': return 'DQ-form offset field';
    case 'br24': case 'br24abs': return '24-bit branch';
    case 'br14': case 'br14abs': return '14-bit branch';
    case 'imm34': case 'pcrel34': return '34-bit prefixed field';
    default: return `${dataSize(shape)}-byte data item`;
  }
}

function modified(as: Assembler, f: Fixup, v: bigint): bigint {
  if (!f.modifier) return v;
  const half = foldModifier(f.modifier, v);
  if (half !== undefined) return half;
  fail(as, f, `'@${f.modifier}' needs a symbol`);
  return 0n;
}

/** apply()'s operand values as numbers for encodeWord() (NaN: omitted; one array per length), and its output. */
const numbersByLength: number[][] = [];
let numbers: number[] = [];
const encoded = new Uint32Array(1);

/** Fill `numbers` from `values`; false when one is beyond ±2^53. */
function numbersOf(values: readonly (bigint | undefined)[]): boolean {
  numbers = numbersByLength[values.length] ??= new Array<number>(values.length).fill(NaN);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    const n = v === undefined ? NaN : Number(v);
    if (v !== undefined && !Number.isSafeInteger(n)) return false;
    numbers[i] = n;
  }
  return true;
}

/** Write a resolved value into the bytes (instruction fields are re-encoded through the ISA). */
function apply(as: Assembler, f: Fixup, value: bigint): void {
  const buf = f.chunk.buf;
  if (f.insn) {
    const info = f.insn.variant.operands[f.insn.operand]!;
    const values = [...f.insn.values];
    values[f.insn.operand] = f.modifier && folds(f.modifier) ? fieldPattern(info, value) : value;
    if (f.insn.hint === undefined && numbersOf(values)) {
      // The number path (bl to a label, the commonest fixup); false leaves it to encode().
      if (encodeWord(f.insn.variant, numbers, encoded)) {
        buf.writeU32(f.offset, encoded[0]!);
        return;
      }
    }
    const r = encode(f.insn.variant, values, encodeOptions(f.insn.cpu, f.insn.hint));
    if (!r.ok) return fail(as, f, r.message);
    for (let i = 0; i < r.words.length; i++) buf.writeU32(f.offset + 4 * i, r.words[i]!);
    return;
  }
  const size = dataSize(f.shape);
  const lost = truncationWarning(value, size);
  if (lost) as.bag.warning(lost, { file: f.where.file, line: f.where.line, col: f.col }, f.where.origin);
  buf.patchInt(f.offset, value, size);
}
