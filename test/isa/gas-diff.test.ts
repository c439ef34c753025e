/**
 * Differential test of the encoder and printer against GNU as / objdump: every row of
 * the table is written in generated lines (range ends, out-of-range values, optional
 * operands omitted, branch hints), assembled by GNU as (default CPU and -mpower10) and by
 * our encoder through assembleLine (lookup/presentOperands/encode only). Words must be
 * equal, and a line must fail in ours exactly when gas rejects it. Then GNU objdump's
 * text for those words must equal our decode+format.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { allVariants, decode, format, type Cpu } from '../../isa/index.js';
import { assembleLine } from '../../isa/tools/asm-line.js';
import { linesFor } from './gen-lines.js';
import { gasAssemble, objdumpWords } from '../../isa/tools/gnu.js';

function allLines(): string[] {
  const seen = new Set<string>();
  const lines: string[] = [];
  for (const v of allVariants()) {
    for (const l of linesFor(v)) {
      if (!seen.has(l)) {
        seen.add(l);
        lines.push(l);
      }
    }
  }
  return lines;
}

interface Compared {
  readonly mismatches: string[];
  readonly words: number[];
}

function compareWithGas(lines: readonly string[], cpu: Cpu, flags: readonly string[]): Compared {
  const gas = gasAssemble(lines, flags);
  const mismatches: string[] = [];
  const words: number[] = [];
  lines.forEach((line, i) => {
    const ours = assembleLine(line, 0n, cpu);
    const gasErr = gas.errors.get(i + 1);
    if (gasErr !== undefined) {
      if (ours.ok) mismatches.push(`${line}: gas error "${gasErr}", ours ${hexWords(ours.words)}`);
      return;
    }
    const emitted = gas.perLine[i]!;
    // A prefixed instruction may be preceded by a padding nop (no 64-byte boundary crossing).
    const expected = emitted.length === 3 ? emitted.slice(1) : emitted;
    words.push(...expected);
    if (!ours.ok) mismatches.push(`${line}: gas ${hexWords(expected)}, ours error "${ours.message}"`);
    else if (hexWords(ours.words) !== hexWords(expected)) mismatches.push(`${line}: gas ${hexWords(expected)}, ours ${hexWords(ours.words)}`);
  });
  return { mismatches, words };
}

const KNOWN_ANY = readFileSync(new URL('./known-differences.txt', import.meta.url), 'utf8')
  .split('\n')
  .filter((l) => l.startsWith('any '))
  .map((l) => l.split(' ')[1]!);

const hexWords = (w: readonly number[]): string => w.map((x) => (x >>> 0).toString(16).padStart(8, '0')).join(' ');

describe('encoder vs GNU as', () => {
  const lines = allLines();
  it.each([
    ['ppc64', []],
    ['power10', ['-mpower10']],
  ] as const)('cpu %s', (cpu, flags) => {
    const { mismatches, words } = compareWithGas(lines, cpu, flags);
    expect(words.length).toBeGreaterThan(lines.length / 5);
    expect(mismatches.slice(0, 60)).toEqual([]);
  });
});

describe('CPU selection vs GNU as -mCPU', () => {
  // One or two lines per row, under every CPU gas knows: accepted by both or by neither,
  // with the same words (hint encodings, mtcrf→mtocrf, mftb's form change with the CPU).
  const lines = [...new Set(allVariants().flatMap((v) => linesFor(v).slice(0, 2)))];
  it.each([
    ['ppc64', []],
    ['power4', ['-mpower4']],
    ['power5', ['-mpower5']],
    ['power6', ['-mpower6']],
    ['power7', ['-mpower7']],
    ['power8', ['-mpower8']],
    ['power9', ['-mpower9']],
    ['any', ['-many']],
  ] as const)('%s', (cpu, flags) => {
    const { mismatches } = compareWithGas(lines, cpu, flags);
    // Known gaps of -many, where gas takes the first opcode-table entry of a name (old
    // operand forms, BookE SPR numbers): see test/isa/known-differences.txt.
    const known = cpu === 'any' ? KNOWN_ANY : [];
    expect(mismatches.filter((m) => !known.includes(m.split(' ')[0]!)).slice(0, 40)).toEqual([]);
  });
});

describe('printer vs GNU objdump -d', () => {
  it('prints every word gas produced as objdump does', () => {
    const gas = gasAssemble(allLines(), ['-mpower10']);
    // Each instruction once: single words, and prefixed pairs kept together.
    const insns = new Map<string, number[]>();
    gas.perLine.forEach((w, i) => {
      if (gas.errors.has(i + 1) || w.length === 0) return;
      const insn = w.length === 3 ? w.slice(1) : [...w];
      insns.set(insn.join(','), insn);
    });
    const list = [...insns.values()];
    const words = list.flat();
    const dump = objdumpWords(words);
    expect(dump.length).toBe(list.length);
    const mismatches: string[] = [];
    let k = 0;
    dump.forEach((d) => {
      const w = words[k]!;
      const ours = decode(w, words[k + 1]);
      k += d.size / 4;
      const text = ours ? format(ours, BigInt(d.address)) : `.long 0x${w.toString(16)}`;
      if (text !== d.text) mismatches.push(`${w.toString(16).padStart(8, '0')}: objdump "${d.text}", ours "${text}"`);
    });
    if (process.env.ISA_DUMP) {
      const seen = new Set<string>();
      for (const m of mismatches) {
        const k = /objdump "(\S+)/.exec(m)![1]! + '|' + /ours "(\S+)/.exec(m)![1]!;
        if (!seen.has(k)) {
          seen.add(k);
          console.log('MISMATCH', m);
        }
      }
    }
    expect(mismatches.slice(0, 60)).toEqual([]);
  });
});
