/**
 * Issue item 4a: the PR-KVM trampoline image's console transcript under ppc64-sim equals qemu's.
 * Every line must match except those the image marks as timing-dependent with a leading "~"
 * (with the decrementer model calibrated to qemu -icount they match too, which is checked
 * separately so that a timing regression is reported as such).
 */
import { execa } from 'execa';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { requireTool } from '../helpers/oracles.js';
import { firstDifference, lines, runBoth, type BothRuns } from './helpers.js';

const ROOT = join(import.meta.dirname, '..', '..');
const IMAGE = join(ROOT, 'build', 'gnu', 'kvm-trampoline.elf');

let runs: BothRuns;

beforeAll(async () => {
  requireTool('powerpc64-linux-gnu-gcc');
  requireTool('qemu-system-ppc64');
  // The GNU-built image (kvm-asm/kvm.mk); make rebuilds it only when its sources changed.
  const r = await execa('make', ['-s', 'gnu-image'], { cwd: ROOT, reject: false });
  if (r.exitCode !== 0 || !existsSync(IMAGE)) throw new Error(`make gnu-image failed:\n${r.stdout}\n${r.stderr}`);
  runs = await runBoth(readFileSync(IMAGE));
}, 120_000);

const deterministic = (text: string): string => lines(text).filter((l) => !l.startsWith('~')).join('\n');

describe('ppc64-sim runs the PR-KVM trampoline image like qemu', () => {
  it('prints the same transcript (every deterministic line)', () => {
    const diff = firstDifference(deterministic(runs.qemu.console), deterministic(runs.sim.text));
    expect(diff, diff).toBeUndefined();
    expect(runs.sim.text).toContain('KVM-TRAMPOLINE: PASS');
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
