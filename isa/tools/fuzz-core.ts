/**
 * Differential fuzzing of the table against GNU objdump and GNU as, shared by the test
 * suite (a few thousand words) and isa/fuzz.ts (100,000):
 *
 *  (b) seeded random words (and prefixed pairs) are disassembled by objdump -M power10 and
 *      by our decode+format; the texts must be equal;
 *  (a) objdump's text (registers and branch targets rewritten into gas input syntax) is
 *      assembled by GNU as and by our encoder (lookup/presentOperands/encode); the words
 *      must be equal.
 *
 * Every instruction sits in its own 8-byte slot (a single word is followed by a nop) so
 * that gas never pads before a prefixed instruction and addresses stay put.
 */
import { decode, format, type Cpu } from '../index.js';
import { assembleLine } from './asm-line.js';
import { gasAssemble, objdumpWords } from './gnu.js';
import { TABLE } from '../table.js';

const NOP = 0x60000000;

/** mulberry32: a tiny seeded PRNG, so runs are reproducible. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Random instructions: a third uniformly random words, a third random operand bits under a
 * random row's opcode (so every row is reached; sometimes one opcode bit flipped to probe
 * its neighbours), the rest prefixed pairs and words near them.
 */
export function randomInsns(seed: number, count: number): number[][] {
  const rnd = prng(seed);
  const u32 = (): number => Math.floor(rnd() * 4294967296) >>> 0;
  const rows = TABLE.baseRows;
  const out: number[][] = [];
  for (let i = 0; i < count; i++) {
    const pick = rnd();
    if (pick < 0.45) {
      const r = rows[Math.floor(rnd() * rows.length)]!;
      const insn = r.match.map((m, k) => (m | (u32() & ~r.mask[k]!)) >>> 0);
      if (rnd() < 0.15) {
        const k = Math.floor(rnd() * insn.length);
        insn[k] = (insn[k]! ^ (1 << Math.floor(rnd() * 26))) >>> 0;
      }
      out.push(insn);
    } else if (pick < 0.55) {
      // Prefix: PO=1, a random type, mostly-zero reserved bits (else nearly all are invalid).
      const type = Math.floor(rnd() * 4);
      let prefix = (1 << 26) | (type << 24);
      prefix |= rnd() < 0.5 ? u32() & 0x0003ffff : u32() & 0x00ffffff;
      if (rnd() < 0.5) prefix |= 1 << 20; // R
      out.push([prefix >>> 0, u32()]);
    } else {
      let w = u32();
      if (w >>> 26 === 1) w ^= 1 << 27;
      out.push([w]);
    }
  }
  return out;
}

export interface Slot {
  readonly words: readonly number[];
  readonly address: bigint;
}

export function layout(insns: readonly (readonly number[])[]): { words: number[]; slots: Slot[] } {
  const words: number[] = [];
  const slots: Slot[] = [];
  for (const insn of insns) {
    slots.push({ words: insn, address: BigInt(words.length * 4) });
    words.push(...insn);
    if (insn.length === 1) words.push(NOP);
  }
  return { words, slots };
}

const REG = /\b(?:r|f|vs|v|a)(\d+)\b/g;

/** objdump's text as gas input: plain register numbers, branch targets as ".+disp", no comment. */
export function toGasSyntax(text: string, address: bigint): string {
  const noComment = text.replace(/\t#.*$/, '');
  const m = /^(\S+)(?:\s+(.*))?$/.exec(noComment);
  if (!m) return noComment;
  const mnemonic = m[1]!;
  const absolute = /^b.*a[+-]?$|^b.*la[+-]?$/.test(mnemonic);
  const ops = (m[2] ?? '').split(',').filter((s) => s !== '').map((op) => {
    const hex = /^0x([0-9a-f]+)$/.exec(op);
    if (hex) {
      const v = BigInt(`0x${hex[1]}`);
      if (absolute) return BigInt.asIntN(32, v).toString();
      const disp = BigInt.asIntN(64, v - address);
      return disp < 0n ? `.${disp}` : `.+${disp}`;
    }
    return op.replace(REG, '$1');
  });
  return ops.length ? `${mnemonic} ${ops.join(',')}` : mnemonic;
}

export interface FuzzReport {
  readonly instructions: number;
  /** objdump decoded (not .long) */
  readonly decoded: number;
  readonly printMismatches: string[];
  /** lines gas accepted, compared with our encoder */
  readonly assembled: number;
  readonly encodeMismatches: string[];
  /** lines of objdump text gas itself rejects (not comparable) */
  readonly gasRejected: number;
  /** objdump mnemonic → times seen */
  readonly coverage: Map<string, number>;
  /** objdump's text as given to gas, with gas's answer per line (for front-end checks). */
  readonly lines: readonly { readonly address: bigint; readonly text: string; readonly gasWords?: readonly number[]; readonly gasError?: string }[];
}

export function fuzz(seed: number, count: number, cpu: Cpu = 'power10'): FuzzReport {
  const insns = randomInsns(seed, count);
  const { words, slots } = layout(insns);
  const dump = objdumpWords(words, ['-M', 'power10']);
  const byAddr = new Map(dump.map((d) => [BigInt(d.address), d]));
  const printMismatches: string[] = [];
  const coverage = new Map<string, number>();
  const toAssemble: { slot: Slot; line: string }[] = [];
  let decoded = 0;
  for (const slot of slots) {
    const d = byAddr.get(slot.address);
    const hex = slot.words.map((w) => w.toString(16).padStart(8, '0')).join(' ');
    if (!d) {
      printMismatches.push(`${hex}: objdump printed nothing at 0x${slot.address.toString(16)}`);
      continue;
    }
    // objdump may print a bad prefix as .long and then its suffix on its own.
    const ours = decode(slot.words[0]!, slot.words[1], { cpu });
    const ourText = ours && ours.size === d.size ? format(ours, slot.address) : `.long 0x${slot.words[0]!.toString(16)}`;
    if (ourText !== d.text) printMismatches.push(`${hex}: objdump "${d.text}", ours "${ourText}"`);
    const mn = d.text.split(/\s/)[0]!;
    if (mn === '.long') continue;
    decoded++;
    coverage.set(mn, (coverage.get(mn) ?? 0) + 1);
    if (d.size === slot.words.length * 4) toAssemble.push({ slot, line: toGasSyntax(d.text, slot.address) });
  }
  // (a) assemble objdump's text at the same addresses with gas and with ours.
  const src = toAssemble.map(({ slot, line }) => `.org 0x${slot.address.toString(16)}\n${line}`);
  const gas = gasAssemble(src.join('\n').split('\n'), ['-mpower10']);
  const encodeMismatches: string[] = [];
  let assembled = 0;
  let gasRejected = 0;
  const lines: { address: bigint; text: string; gasWords?: readonly number[]; gasError?: string }[] = [];
  toAssemble.forEach(({ slot, line }, i) => {
    const lineNo = 2 * i + 2;
    lines.push(gas.errors.has(lineNo) ? { address: slot.address, text: line, gasError: gas.errors.get(lineNo)! } : { address: slot.address, text: line, gasWords: gas.perLine[lineNo - 1]! });
    if (gas.errors.has(lineNo)) {
      // objdump prints some words gas will not take back (lswi over RA, odd VSR pairs):
      // ours must refuse them too.
      gasRejected++;
      const ours = assembleLine(line, slot.address, cpu);
      if (ours.ok) encodeMismatches.push(`${line}: gas error "${gas.errors.get(lineNo)}", ours accepted it`);
      return;
    }
    assembled++;
    const expected = gas.perLine[lineNo - 1]!;
    const ours = assembleLine(line, slot.address, cpu);
    const hexOf = (w: readonly number[]): string => w.map((x) => (x >>> 0).toString(16).padStart(8, '0')).join(' ');
    if (!ours.ok) encodeMismatches.push(`${line}: gas ${hexOf(expected)}, ours error "${ours.message}"`);
    else if (hexOf(ours.words) !== hexOf(expected)) encodeMismatches.push(`${line}: gas ${hexOf(expected)}, ours ${hexOf(ours.words)}`);
  });
  return { instructions: count, decoded, printMismatches, assembled, encodeMismatches, gasRejected, coverage, lines };
}
