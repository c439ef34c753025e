/**
 * The GNU oracles for the ISA tests: powerpc64-linux-gnu-as (text → words, per-line
 * errors) and powerpc64-linux-gnu-objdump (words → text). A missing tool is a test
 * failure that names the setup script, never a skip.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const AS = 'powerpc64-linux-gnu-as';
const OBJDUMP = 'powerpc64-linux-gnu-objdump';
const OBJCOPY = 'powerpc64-linux-gnu-objcopy';

export function requireTool(tool: string): void {
  const r = spawnSync(tool, ['--version'], { encoding: 'utf8' });
  if (r.error || r.status !== 0) {
    throw new Error(`${tool} is not installed: run \`bash scripts/setup-deps.sh\` to install the GNU oracles`);
  }
}

function withTmp<T>(fn: (dir: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'isa-oracle-'));
  try {
    return fn(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export interface GasResult {
  /** 1-based line numbers gas reported an error on. */
  readonly errors: ReadonlyMap<number, string>;
  /** The .text words, in order (lines with errors emit nothing). */
  readonly words: readonly number[];
}

/** Assemble `lines` (one instruction each) with GNU as and the given flags (e.g. ['-mpower10']). */
export function gasAssemble(lines: readonly string[], flags: readonly string[] = []): GasResult {
  requireTool(AS);
  return withTmp((dir) => {
    const src = join(dir, 'in.s');
    const obj = join(dir, 'in.o');
    const bin = join(dir, 'text.bin');
    writeFileSync(src, lines.join('\n') + '\n');
    const r = spawnSync(AS, [...flags, '-o', obj, src], { encoding: 'utf8' });
    const errors = new Map<number, string>();
    for (const m of r.stderr.matchAll(/^.*?:(\d+): Error: (.*)$/gm)) errors.set(Number(m[1]), m[2]!);
    if (r.status !== 0) {
      // gas writes no object when any line fails: assemble the good lines again.
      if (errors.size === 0) throw new Error(`gas failed: ${r.stderr}`);
      const good = lines.filter((_, i) => !errors.has(i + 1));
      const again = gasAssemble(good, flags);
      if (again.errors.size) throw new Error(`gas rejected lines it accepted before: ${[...again.errors.values()].join('; ')}`);
      return { errors, words: again.words };
    }
    requireTool(OBJCOPY);
    const c = spawnSync(OBJCOPY, ['-O', 'binary', '-j', '.text', obj, bin], { encoding: 'utf8' });
    if (c.status !== 0) throw new Error(`objcopy failed: ${c.stderr}`);
    const bytes = readFileSync(bin);
    const words: number[] = [];
    for (let i = 0; i + 4 <= bytes.length; i += 4) words.push(bytes.readUInt32BE(i));
    return { errors, words };
  });
}

export interface ObjdumpLine {
  readonly address: number;
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
    const out: ObjdumpLine[] = [];
    for (const line of r.stdout.split('\n')) {
      const m = /^\s*([0-9a-f]+):\t(?:[0-9a-f]{2} ){4}\t?(.*)$/.exec(line);
      if (m) out.push({ address: parseInt(m[1]!, 16), text: m[2]!.trimEnd() });
    }
    return out;
  });
}
