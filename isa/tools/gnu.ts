/**
 * The GNU oracles for the ISA tests: powerpc64-linux-gnu-as (text → words, per-line
 * errors) and powerpc64-linux-gnu-objdump (words → text). A missing tool is a test
 * failure that names the setup script, never a skip.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GNU, requireTool } from '../../common/oracles.js';

export { requireTool };

const AS = GNU.as;
const OBJDUMP = GNU.objdump;

function withTmp<T>(fn: (dir: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'isa-oracle-'));
  try {
    return fn(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export interface GasResult {
  /** 1-based line numbers gas reported an error on, with the message. */
  readonly errors: ReadonlyMap<number, string>;
  /** Per source line (0-based), the words gas emitted for it (alignment padding included). */
  readonly perLine: readonly (readonly number[])[];
  /** All words of lines without errors, in order. */
  readonly words: readonly number[];
}

/**
 * Assemble `lines` (one instruction each) with GNU as and the given flags (e.g. ['-mpower10']),
 * reading each line's bytes from the assembler listing (-al), so lines with errors and
 * alignment padding before prefixed instructions do not shift the others.
 */
export function gasAssemble(lines: readonly string[], flags: readonly string[] = []): GasResult {
  requireTool(AS);
  return withTmp((dir) => {
    const src = join(dir, 'in.s');
    const lst = join(dir, 'in.lst');
    writeFileSync(src, lines.join('\n') + '\n');
    const r = spawnSync(AS, [...flags, `-al=${lst}`, '-o', join(dir, 'in.o'), src], { encoding: 'utf8', maxBuffer: 1 << 28 });
    if (r.error) throw r.error;
    const errors = new Map<number, string>();
    for (const m of r.stderr.matchAll(/^.*?:(\d+): Error: (.*)$/gm)) if (!errors.has(Number(m[1]))) errors.set(Number(m[1]), m[2]!);
    const perLine: number[][] = lines.map(() => []);
    for (const l of readFileSync(lst, 'utf8').split('\n')) {
      const m = /^\s*(\d+) +(?:[0-9a-f?]{4,} +)?([0-9A-F]{8})\b/.exec(l);
      if (m) perLine[Number(m[1]) - 1]?.push(parseInt(m[2]!, 16));
    }
    const words = perLine.filter((_, i) => !errors.has(i + 1)).flat();
    return { errors, perLine, words };
  });
}

export interface ObjdumpLine {
  readonly address: number;
  /** 4, or 8 for a prefixed instruction (objdump prints its second word on a line of its own). */
  readonly size: number;
  /** Mnemonic and operands as objdump prints them after the bytes ("addi    r3,r4,1"). */
  readonly text: string;
}

/** Disassemble raw big-endian words placed at address 0 with GNU objdump. */
export function objdumpWords(words: readonly number[], flags: readonly string[] = []): ObjdumpLine[] {
  requireTool(OBJDUMP);
  return withTmp((dir) => {
    const bin = join(dir, 'w.bin');
    const buf = Buffer.alloc(words.length * 4);
    words.forEach((w, i) => buf.writeUInt32BE(w >>> 0, i * 4));
    writeFileSync(bin, buf);
    const r = spawnSync(OBJDUMP, ['-D', '-b', 'binary', '-m', 'powerpc:common64', '-EB', ...flags, bin], {
      encoding: 'utf8',
      maxBuffer: 1 << 28,
    });
    if (r.status !== 0) throw new Error(`objdump failed: ${r.stderr}`);
    const out: { address: number; size: number; text: string }[] = [];
    for (const line of r.stdout.split('\n')) {
      const m = /^\s*([0-9a-f]+):\t(?:[0-9a-f]{2} ){4}\t?(.*)$/.exec(line);
      if (!m) continue;
      const text = m[2]!.trimEnd();
      if (text === '' && out.length) out[out.length - 1]!.size = 8;
      else out.push({ address: parseInt(m[1]!, 16), size: 4, text });
    }
    return out;
  });
}
