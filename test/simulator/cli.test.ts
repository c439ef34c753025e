/**
 * The ppc64-sim command line: exit statuses, diagnostics, the console on stdout, --max-insns,
 * --trace, --trace-exits and --inject. main() runs in-process with stdout/stderr captured.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { Output } from '../../common/stdout.js';
import { main } from '../../simulator/cli.js';
import { buildRawImage, buildRtImage } from './helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'ppc64-sim-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, bytes: Uint8Array | string): string {
  const p = join(dir, name);
  writeFileSync(p, bytes);
  return p;
}

async function cli(...argv: string[]): Promise<{ status: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const stdout = new Output({
    writeSync: (buf) => {
      out += Buffer.from(buf).toString('latin1');
      return buf.length;
    },
    queue: () => {
      throw new Error('the test sink never asks for the queue');
    },
  });
  const e = vi.spyOn(process.stderr, 'write').mockImplementation(((chunk: string | Uint8Array) => {
    err += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('latin1');
    return true;
  }) as typeof process.stderr.write);
  try {
    const status = await main(argv, stdout);
    return { status, out, err };
  } finally {
    e.mockRestore();
  }
}

describe('ppc64-sim CLI', () => {
  it('needs an image, and says how to use it', async () => {
    const r = await cli();
    expect(r.status).toBe(2);
    expect(r.err).toContain('ppc64-sim: error: no image given');
    expect(r.err).toContain('usage: ppc64-sim IMAGE.elf');
  });

  it('rejects bad options and unreadable or non-ELF files with a diagnostic, never a stack trace', async () => {
    expect((await cli('--max-insns', 'lots', 'x.elf')).err).toContain("--max-insns needs a non-negative integer, got 'lots'");
    expect((await cli('-m', '300', 'x.elf')).status).toBe(2);
    const missing = await cli(join(dir, 'nope.elf'));
    expect(missing.status).toBe(2);
    expect(missing.err).toContain('cannot read');
    const junk = await cli(file('junk.elf', 'this is not an ELF file'));
    expect(junk.status).toBe(2);
    expect(junk.err).toMatch(/junk\.elf: not an ELF file/);
    expect(junk.err).not.toMatch(/\n\s+at /);
  });

  it('prints the console on stdout and exits 0 when the image powers off', async () => {
    const r = await cli(file('entry.elf', buildRawImage('entry-state.s')));
    expect(r.status).toBe(0);
    expect(r.out.split('\r\n').slice(0, 3)).toEqual(['00000000000007b4', '000000000000ff60', '0000000000008c00']);
    expect(r.err).toBe('');
  });

  it('exits 1 with the os-term message on stderr, as qemu -action panic=exit-failure does', async () => {
    const r = await cli(file('osterm.elf', buildRtImage(['cli-osterm.s'])), '-q');
    expect(r.status).toBe(1);
    expect(r.out).toBe('about to fail\r\n');
    expect(r.err).toContain('ppc64-sim: OS terminated: boom: the image gave up');
  });

  it('stops after --max-insns with status 3 and a register dump', async () => {
    const r = await cli(file('spin.elf', buildRtImage(['cli-spin.s'])), '--max-insns', '200000');
    expect(r.status).toBe(3);
    expect(r.out).toBe('spinning\r\n');
    expect(r.err).toContain('stopped after 200000 instructions');
    expect(r.err).toMatch(/r20 [0-9a-f]{16}/);
  });

  it('--trace prints address, word, disassembly and changed registers per instruction', async () => {
    const r = await cli(file('trace.elf', buildRawImage('entry-state.s')), '--trace', '--max-insns', '5', '-q');
    const lines = r.err.trim().split('\n').filter((l) => /^[0-9a-f]{16} /.test(l));
    expect(lines.length).toBe(5);
    // The first instruction of the probe is mtsprg3 r31 (mtspr 275,r31), at the load address.
    expect(lines[0]).toMatch(/^0000000000400000  7ff343a6  mtsprg  3,r31\s+sprg3=000000000000ff60$/);
    expect(lines[1]).toMatch(/^0000000000400004  3fe00041  lis     r31,65\s+r31=0000000000410000$/);
  });

  it('--trace-exits prints one line per interrupt taken from problem state', async () => {
    const r = await cli(file('mmu.elf', buildRtImage(['mmu-user.s'])), '--trace-exits', '-q');
    expect(r.status).toBe(0);
    const exits = r.err.split('\n').filter((l) => l.startsWith('exit '));
    // Every interrupt in this image comes from problem state, and the image prints each one.
    expect(exits.length).toBe(r.out.split('\r\n').filter((l) => l.startsWith('EXC ')).length);
    expect(exits[0]).toBe('exit 0xc00 pc=0000000010000008 msr=800000000000d032 dar=0000000000000000 dsisr=00000000');
    expect(exits.some((l) => l.startsWith('exit 0x380 '))).toBe(true);
  });

  it('stops an image whose interrupt vector raises the same interrupt again', async () => {
    // cli-illegal.s zeroes the word at 0x700, then executes an illegal instruction: the vector
    // raises the program interrupt again (qemu spins on this until its timeout).
    const image = file('loop.elf', buildRawImage('cli-illegal.s'));
    const r = await cli(image, '-q');
    expect(r.status).toBe(4);
    expect(r.err).toContain('interrupt loop: the 0x700 vector at 0x700');
  });

  it('--break stops before the instruction at an address', async () => {
    // entry-state.s: the fourth instruction is at 0x40000c (mtsprg3, lis, std, std).
    const r = await cli(file('brk.elf', buildRawImage('entry-state.s')), '--break', '0x40000c', '--regs');
    expect(r.status).toBe(3);
    expect(r.err).toContain('breakpoint at 0x40000c after 3 instructions');
    expect(r.err).toMatch(/pc {2}000000000040000c/);
  });

  it('--inject delivers an interrupt at an exact instruction count', async () => {
    const image = file('inject.elf', buildRtImage(['cli-spin.s']));
    const plain = await cli(image, '--max-insns', '100000', '-q');
    expect(plain.out).not.toContain('EXC');
    const r = await cli(image, '--inject', '50000:0x500', '--max-insns', '100000', '-q');
    expect(r.status).toBe(3);
    expect(r.out).toMatch(/EXC 0000000000000500 [0-9a-f]{16} 8000000000001002 /);
    // The same count gives the same interrupted instruction every time.
    const again = await cli(image, '--inject', '50000:0x500', '--max-insns', '100000', '-q');
    expect(again.out).toBe(r.out);
  });
});
