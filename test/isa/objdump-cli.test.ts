/**
 * ppc64-objdump against powerpc64-linux-gnu-objdump on real ELF files built by GNU as/ld:
 * every table row's sample lines, symbols (local/global/weak), data and zero runs in text,
 * prefixed instructions crossing labels, a trailing partial word. The whole output text
 * must be identical (-d -M power10, and -M raw).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { disassemble } from '../../disassembler/index.js';
import { main } from '../../disassembler/cli.js';
import { allVariants } from '../../isa/index.js';
import { gasAssemble, requireTool } from '../../isa/tools/gnu.js';
import { linesFor } from './gen-lines.js';

const dir = mkdtempSync(join(tmpdir(), 'isa-objdump-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function run(tool: string, args: readonly string[]): string {
  requireTool(tool);
  const r = spawnSync(tool, args, { encoding: 'utf8', maxBuffer: 1 << 28 });
  if (r.status !== 0) throw new Error(`${tool} ${args.join(' ')}: ${r.stderr}`);
  return r.stdout;
}

/** A source with every row's lines that gas -mpower10 accepts, between labels and data. */
function source(): string {
  const lines = [...new Set(allVariants().flatMap((v) => linesFor(v).slice(0, 3)))];
  const gas = gasAssemble(lines, ['-mpower10']);
  const good = lines.filter((_, i) => !gas.errors.has(i + 1));
  const out = ['.text', '.globl _start', '_start:'];
  good.forEach((l, i) => {
    if (i % 97 === 0) out.push(`local${i}:`);
    if (i % 211 === 0) out.push(`.globl g${i}`, `g${i}:`);
    if (i % 499 === 0) out.push('.long 0,0,0', '.long 0x12345678');
    out.push(l);
  });
  out.push('.weak w1', 'w1: blr', '.byte 1,2,3', '.section .text.b,"ax"', 'tail: nop', '.space 64', '.long 7');
  // Symbols sharing an address (objdump's choice), a local function, a branch into another
  // section of the linked file, one zero byte before an odd-address label, y-bit hints.
  out.push('.section .head.text,"ax"', '.globl zz', '.globl aa', 'zz:', 'aa: bl tail', '.type lf,@function', 'lf:', 'ln: b _start');
  out.push('.long 0x416c7469', '.long 0x4da00020', '.byte 0', 'odd: .long 0x60000000', '.byte 0,0');
  // A section whose first symbol is not at its start.
  out.push('.section .text.c,"ax"', 'nop', 'nop', 'cfirst: b .-8', '.data', 'd: .long 1');
  return out.join('\n') + '\n';
}

describe('ppc64-objdump vs GNU objdump', () => {
  const src = join(dir, 'all.s');
  const obj = join(dir, 'all.o');
  const exe = join(dir, 'all.elf');
  writeFileSync(src, source());
  run('powerpc64-linux-gnu-as', ['-mpower10', '-o', obj, src]);
  run('powerpc64-linux-gnu-ld', ['-e', '_start', '-o', exe, obj]);

  it.each([
    ['object', obj, ['-M', 'power10']],
    ['executable', exe, ['-M', 'power10']],
    ['object, -M raw', obj, ['-M', 'power10', '-M', 'raw']],
  ] as const)('%s', (_, file, flags) => {
    const gnu = run('powerpc64-linux-gnu-objdump', ['-d', ...flags, file]);
    const ours = disassemble(readFileSync(file), file, (flags as readonly string[]).includes('raw') ? { raw: true } : {});
    if ('error' in ours) throw new Error(ours.error);
    const g = gnu.split('\n');
    const o = ours.text.split('\n');
    const diffs: string[] = [];
    for (let i = 0; i < Math.max(g.length, o.length) && diffs.length < 30; i++) {
      if (g[i] !== o[i]) diffs.push(`line ${i + 1}: gnu "${g[i]}" ours "${o[i]}"`);
    }
    expect(diffs).toEqual([]);
  });

  it('CLI: exit status and diagnostics', async () => {
    const writes: string[] = [];
    const orig = process.stderr.write.bind(process.stderr);
    process.stderr.write = ((s: string) => (writes.push(String(s)), true)) as typeof process.stderr.write;
    try {
      expect(await main(['-d', join(dir, 'missing.o')])).toBe(1);
      writeFileSync(join(dir, 'junk.o'), 'not an elf file');
      expect(await main(['-d', join(dir, 'junk.o')])).toBe(1);
      expect(await main([join(dir, 'all.o')])).toBe(1); // no -d
      expect(await main(['-d', '-M', 'bogus', join(dir, 'all.o')])).toBe(1);
    } finally {
      process.stderr.write = orig;
    }
    expect(writes.join('')).toMatch(/missing\.o': No such file/);
    expect(writes.join('')).toMatch(/junk\.o: not an ELF file/);
    expect(writes.join('')).toMatch(/unrecognized disassembler option: bogus/);
  });
});
