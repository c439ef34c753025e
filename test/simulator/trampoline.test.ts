/**
 * Issue item 4a: the PR-KVM trampoline image's console transcript under ppc64-sim equals qemu's.
 * Every line must match except those the image marks as timing-dependent with a leading "~"
 * (with the decrementer model calibrated to qemu -icount they match too, which is checked
 * separately so that a timing regression is reported as such).
 */
import { execa } from 'execa';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requireTool, scratch } from '../helpers/oracles.js';
import { firstDifference, lines, runBoth, type BothRuns } from './helpers.js';

const ROOT = join(import.meta.dirname, '..', '..');
const build = scratch('ppc64-sim-kvm-');
afterAll(() => build.cleanup());

let runs: BothRuns;

beforeAll(async () => {
  requireTool('powerpc64-linux-gnu-gcc');
  requireTool('qemu-system-ppc64');
  // The GNU-built image (kvm-asm/kvm.mk), built into a directory of our own so that test files
  // running in parallel never race on build/gnu.
  const r = await execa('make', ['-s', 'gnu-image', `KVM_GNU_DIR=${build.dir}`], { cwd: ROOT, reject: false });
  const image = join(build.dir, 'kvm-trampoline.elf');
  if (r.exitCode !== 0 || !existsSync(image)) throw new Error(`make gnu-image failed:\n${r.stdout}\n${r.stderr}`);
  runs = await runBoth(readFileSync(image));
}, 120_000);

const deterministic = (text: string): string => lines(text).filter((l) => !l.startsWith('~')).join('\n');

describe('ppc64-sim runs the PR-KVM trampoline image like qemu', () => {
  it('prints the same transcript (every deterministic line)', () => {
    const diff = firstDifference(deterministic(runs.qemu.console), deterministic(runs.sim.text));
    expect(diff, diff).toBeUndefined();
    expect(runs.sim.text).toContain('KVM-TRAMPOLINE: PASS');
  });

  it('prints the same transcript with the block compiler off', () => {
    expect(runs.simNoJit.text).toBe(runs.sim.text);
  });

  it('ends with the same verdict (exit status)', () => {
    expect(runs.qemu.status).toBe(0);
    expect(runs.sim.exitStatus).toBe(runs.qemu.status);
  });

  it('matches the timing-dependent lines too (decrementer calibrated to -icount shift=0)', () => {
    const timed = (text: string): string[] => lines(text).filter((l) => l.startsWith('~'));
    expect(timed(runs.qemu.console).length).toBeGreaterThan(0);
    expect(timed(runs.sim.text)).toEqual(timed(runs.qemu.console));
  });
});
