/**
 * Fidelity against qemu (issue items 4b/4c): small bare-metal images, each probing one area
 * (entry state, arithmetic edge cases, MMU and interrupts from problem state, hypercalls, the
 * decrementer, single-step and the FP/VMX/VSX facilities), run under qemu -icount shift=0 and
 * under ppc64-sim. The console transcripts, which print every interrupt (vector, SRR0, SRR1,
 * DAR, DSISR) and every probed value, must be identical byte for byte, and so must the exit
 * status, both with the block compiler and with single-op execution.
 */
import { describe, expect, it } from 'vitest';
import { buildRawImage, buildRtImage, firstDifference, runBoth } from './helpers.js';

/** The simulator, with compiled blocks and without, must print exactly what qemu printed. */
async function expectSame(image: Uint8Array): Promise<string> {
  const { qemu, sim, simNoJit } = await runBoth(image);
  for (const [what, run] of [['blocks', sim], ['single ops', simNoJit]] as const) {
    const diff = firstDifference(qemu.console, run.text);
    expect(diff, `${what}: ${diff}`).toBeUndefined();
    expect(run.exitStatus).toBe(qemu.status);
  }
  return sim.text;
}

describe('ppc64-sim against qemu: bare-metal probes', () => {
  it('hands over the same registers as VOF at the first instruction', async () => {
    const out = await expectSame(buildRawImage('entry-state.s'));
    expect(out.split('\r\n')[1]).toBe('000000000000ff60'); // r1 = VOF's stack
  });

  it('agrees on multiply/divide edge cases, alignment DSISR, reservations, MSR and SPR rules', async () => {
    const out = await expectSame(buildRtImage(['arith-edge.s']));
    expect(out).toContain('resv-store-same');
  });

  it('takes the same MMU and program interrupts from problem state', async () => {
    const out = await expectSame(buildRtImage(['mmu-user.s']));
    expect(out).toContain('EXC 0000000000000380'); // a data segment miss was probed
    expect(out).toContain('EXC 0000000000000400'); // and an instruction storage interrupt
  });

  it('answers hypercalls and RTAS like qemu', async () => {
    const out = await expectSame(buildRtImage(['hcalls.s']));
    expect(out).toContain('fill=fffffffffffffffa'); // H_PTEG_FULL was reached
  });

  it('reads DEC and TB exactly as qemu -icount shift=0 does', async () => {
    await expectSame(buildRtImage(['dec-read.s']));
  });

  it('preempts a spinning loop at the same instruction as qemu -icount shift=0', async () => {
    await expectSame(buildRtImage(['dec-preempt.s']));
  });

  it('handles accesses straddling non-adjacent translated pages like qemu', async () => {
    const out = await expectSame(buildRtImage(['straddle.s']));
    expect(out).toContain('r3=fcfdfeff00010203');
  });

  it('counts interrupted instructions in the -icount clock as qemu does', async () => {
    const out = await expectSame(buildRtImage(['fault-icount.s']));
    expect(out).toContain('dseg spins=');
  });

  it('single-steps and raises the facility-unavailable interrupts like qemu', async () => {
    const out = await expectSame(buildRtImage(['facilities.s']));
    expect(out).toContain('EXC 0000000000000d00');
    expect(out).toContain('vs0b=0102030405060708');
  });
});
