/**
 * End to end: the PR-KVM trampoline image (kvm-asm/) boots under qemu-system-ppc64 and
 * earns its verdict.
 *
 * Each image is built by the real Makefile recipe (kvm-asm/kvm.mk) into a directory of
 * this test's own (build/test-integration/...), so concurrent test files never race on
 * build/gnu. The GNU-tool tests and the tests of our own ppc64-as/ppc64-ld image are
 * separate `it`s: the latter fail until our assembler and linker can build the image.
 */
import { execa } from 'execa';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { GNU, requireTool } from '../../common/oracles.js';
import { runQemu, type QemuResult } from '../../scripts/qemu-run.js';
import { compareTranscript, formatDifferences, normalizeTranscript, parseExitCounts } from '../../scripts/qemu-transcript.js';
import { coalescedRanges, firstDifference, loadImage } from './elf-image.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const OUT = 'build/test-integration';
const GNU_DIR = `${OUT}/gnu`;
const NEG_DIR = `${OUT}/gnu-negative`;
const OUR_DIR = `${OUT}/ours`;
const GOLDEN = join(ROOT, 'test/integration/golden/kvm-trampoline.console.txt');

/*
 * The exits the guest provokes, counted from guest/guest.S by hand:
 *   inst-segment: its first fetch (segment 0x1), the far call (segment 0x3)
 *   inst-storage: the three code pages (first fetch, second page, far page)
 *   data-segment: the register dump (segment 0x0), the data pages (0x2), a load and a
 *                 store at 0xc000000000000000 (refused)
 *   data-storage: dump page, three data pages, one load past the guest pages (refused)
 *   program: mfmsr x4 and mtmsrd x2, all emulated
 *   syscall: 14 services (8 step lines, hello, single-step request, putval, the
 *            decrementer line, set r17) and the halt
 *   trace 3 (three single-stepped addi), alignment 1 (the unaligned lwarx),
 *   decrementer 1 (the spin loop), FP/AltiVec/VSX unavailable 1 each
 *   heavyweight resumes: 6 emulations + set r17 = 7; lightweight: the other 35
 *   resumed exits (the halt ends the loop).
 */
const EXPECTED_EXIT_COUNTS: Record<string, number> = {
  '0x300 data-storage': 5,
  '0x380 data-segment': 4,
  '0x400 inst-storage': 3,
  '0x480 inst-segment': 2,
  '0x500 external': 0,
  '0x600 alignment': 1,
  '0x700 program': 6,
  '0x800 fp-unavailable': 1,
  '0x900 decrementer': 1,
  '0xc00 syscall': 15,
  '0xd00 trace': 3,
  '0xf20 altivec-unavailable': 1,
  '0xf40 vsx-unavailable': 1,
  other: 0,
  total: 43,
};


/** Build one image with the Makefile recipe; memoised per target directory. */
const builds = new Map<string, Promise<string>>();
function buildImage(target: 'image' | 'gnu-image', vars: Record<string, string>, dir: string): Promise<string> {
  let p = builds.get(dir);
  if (!p) {
    p = (async () => {
      for (const t of target === 'gnu-image' ? [GNU.gcc, GNU.ld, 'make'] : ['make']) requireTool(t);
      const args = ['-s', target, ...Object.entries(vars).map(([k, v]) => `${k}=${v}`)];
      const r = await execa('make', args, { cwd: ROOT, reject: false, all: true });
      const elf = join(ROOT, dir, 'kvm-trampoline.elf');
      if (r.exitCode !== 0 || !existsSync(elf)) throw new Error(`make ${args.join(' ')} failed:\n${r.all ?? ''}`);
      return elf;
    })();
    builds.set(dir, p);
  }
  return p;
}

const gnuImage = () => buildImage('gnu-image', { KVM_GNU_DIR: GNU_DIR }, GNU_DIR);
const ourImage = () => buildImage('image', { KVM_OUR_DIR: OUR_DIR }, OUR_DIR);
const negativeImage = () =>
  buildImage('gnu-image', { KVM_GNU_DIR: NEG_DIR, KVM_DEFINES: '-DKVM_NEGATIVE_SKIP_SAVE_R7' }, NEG_DIR);

async function boot(elf: string): Promise<QemuResult> {
  requireTool(GNU.qemu);
  return runQemu(elf, { timeoutMs: 60_000 });
}

function describeRun(r: QemuResult): string {
  return `verdict ${r.verdict} (status ${r.status}${r.problem ? `, ${r.problem}` : ''})\n--- console ---\n${r.console}\n--- stderr ---\n${r.stderr}`;
}

function expectPass(r: QemuResult): void {
  expect(r.verdict, describeRun(r)).toBe('pass');
  expect(r.status).toBe(0);
  const lines = normalizeTranscript(r.console).split('\n');
  expect(lines).toContain('KVM-TRAMPOLINE: PASS');
  expect(lines.filter((l) => l.startsWith('KVM-TRAMPOLINE:'))).toEqual(['KVM-TRAMPOLINE: PASS']);
  expect(lines.filter((l) => l.startsWith('guest: FAILED'))).toEqual([]);
}

describe('PR-KVM trampoline image under qemu', () => {
  it('GNU image: boots, passes (qemu exit status 0) with the expected exit counts', async () => {
    const r = await boot(await gnuImage());
    expectPass(r);
    expect(Object.fromEntries(parseExitCounts(r.console))).toEqual(EXPECTED_EXIT_COUNTS);
    expect(normalizeTranscript(r.console)).toContain('  total 43 (lightweight 35, heavyweight 7)\n');
    // The decrementer exit went through call_linux_handler into the host's own handler.
    expect(normalizeTranscript(r.console)).toContain('host timer interrupts 1\n');
  });

  it('GNU image: the transcript matches the reviewed golden file', async () => {
    const r = await boot(await gnuImage());
    const golden = readFileSync(GOLDEN, 'utf8');
    const diffs = compareTranscript(golden, normalizeTranscript(r.console));
    expect(diffs, `transcript differs from ${GOLDEN} (accept a reviewed change with node dist/scripts/qemu-golden.js):\n${formatDifferences(diffs)}`).toEqual([]);
  });

  it('GNU image: two runs in a row give byte-identical transcripts', async () => {
    const elf = await gnuImage();
    const a = await boot(elf);
    const b = await boot(elf);
    expectPass(a);
    expect(b.console).toBe(a.console);
  });

  it('negative control: an image that does not save guest r7 on exit fails, naming r7', async () => {
    const r = await boot(await negativeImage());
    expect(r.verdict, describeRun(r)).toBe('fail');
    expect(r.status).toBe(1);
    const lines = normalizeTranscript(r.console).split('\n');
    const verdictLines = lines.filter((l) => l.startsWith('KVM-TRAMPOLINE:'));
    expect(verdictLines[verdictLines.length - 1]).toBe('KVM-TRAMPOLINE: FAIL');
    expect(verdictLines).not.toContain('KVM-TRAMPOLINE: PASS');
    const mismatches = verdictLines.filter((l) => l.startsWith('KVM-TRAMPOLINE: mismatch'));
    expect(mismatches).toHaveLength(1);
    expect(mismatches[0]).toMatch(/^KVM-TRAMPOLINE: mismatch r7: expected 0x2d700000000700f7, got 0x[0-9a-f]+$/);
    expect(r.stderr).toContain('OS terminated: KVM-TRAMPOLINE: FAIL');
  });

  it('our image: built by ppc64-as/ppc64-ld (make image), it passes under qemu', async () => {
    const r = await boot(await ourImage());
    expectPass(r);
    expect(Object.fromEntries(parseExitCounts(r.console))).toEqual(EXPECTED_EXIT_COUNTS);
  });

  it('our image: its loadable contents are byte-identical to the GNU image', async () => {
    const ours = loadImage(await ourImage());
    const gnu = loadImage(await gnuImage());
    expect(coalescedRanges(ours)).toEqual(coalescedRanges(gnu));
    const at = firstDifference(ours.bytes, gnu.bytes);
    expect(at, at < 0 ? '' : `first difference at physical 0x${(ours.base + BigInt(at)).toString(16)}`).toBe(-1);
  });

  it('our image: its transcript is identical to the GNU image transcript', async () => {
    const ours = await boot(await ourImage());
    const gnu = await boot(await gnuImage());
    expect(ours.console).toBe(gnu.console);
  });
});
