/**
 * The run loop's tiers (step.ts, jit.ts): single ops, compiled blocks once a slot is hot, and
 * blocks that loop back to their own start. Every configuration must give exactly the state a
 * plain reading of the program gives, at every instruction count (an event such as the
 * instruction limit or a decrementer interrupt may fall inside a looping block). The programs are
 * hand-encoded words (encodings checked with GNU as/objdump), so no oracle tool is needed; the
 * expected states come from a direct model of each program written here.
 */
import { describe, expect, it } from 'vitest';
import { createMachine } from '../../simulator/index.js';
import { writeBytes } from '../../simulator/memory.js';
import { DEFAULT_JIT_THRESHOLD, createCore, run } from '../../simulator/step.js';
import type { RunControl } from '../../simulator/step.js';
import { PC, get64, set64 } from '../../simulator/state.js';

const BASE = 0x1000;

function words(ws: number[]): Uint8Array {
  const b = new Uint8Array(ws.length * 4);
  const dv = new DataView(b.buffer);
  ws.forEach((w, i) => dv.setUint32(i * 4, w >>> 0));
  return b;
}

/** Run `program` (at BASE, 32-bit real mode as after reset) for at most `maxInsns` instructions. */
function runProgram(program: number[], maxInsns: number, ctl: Partial<RunControl>) {
  const m = createMachine(256 << 20, {});
  writeBytes(m.mem, BASE, words(program), m.stub);
  set64(m.st, PC, BigInt(BASE));
  run(m, createCore(m), new Map(), { maxInsns, injections: [], ...ctl });
  return { m, icount: m.time.icount, pc: Number(get64(m.st, PC)), r3: Number(get64(m.st, 3)), r4: Number(get64(m.st, 4)) };
}

const CONFIGS: [string, Partial<RunControl>][] = [
  ['single ops only', { jit: false }],
  ['a block at every first entry', { jitThreshold: 1 }],
  ['blocks at a low threshold', { jitThreshold: 3 }],
  ['the default threshold', {}],
];

/*
 *   li r3,0 ; li r4,0
 * L: addi r3,r3,1 ; add r4,r4,r3 ; cmpwi r3,N ; bne L
 *   b .
 */
const N = 3000;
const COUNTING = [0x38600000, 0x38800000, 0x38630001, 0x7c841a14, 0x2c030000 | N, 0x4082fff4, 0x48000000];

/** The counting program's state after k instructions. */
function countingAfter(k: number): { pc: number; r3: number; r4: number } {
  let r3 = 0;
  let r4 = 0;
  let pc = BASE;
  for (let i = 0; i < k; i++) {
    const slot = (pc - BASE) / 4;
    if (slot === 2) r3++;
    else if (slot === 3) r4 = (r4 + r3) | 0;
    if (slot === 5) pc = r3 !== N ? BASE + 8 : pc + 4;
    else if (slot !== 6) pc += 4;
  }
  return { pc, r3, r4 };
}

describe('run-loop tiers', () => {
  it('stop at exactly the instruction limit, inside a looping block too, with the state of a plain run', () => {
    const limits = [1, 2, 3, 6, 7, 64, 65, 66, 1000, 4097, 4098, 4099, 4100, 4101, 9001, 12001, 12002, 12003, 20000];
    for (const [name, ctl] of CONFIGS) {
      for (const k of limits) {
        const r = runProgram(COUNTING, k, ctl);
        expect({ icount: r.icount, pc: r.pc, r3: r.r3, r4: r.r4 }, `${name}, ${k} instructions`).toEqual({ icount: k, ...countingAfter(k) });
      }
    }
  });

  it('compile a block once its start has run jitThreshold times, and not before', () => {
    const T = DEFAULT_JIT_THRESHOLD;
    const loopSlot = 2;
    // Executions in the last MAX_BLOCK (64) instructions of a budget are not counted (blocks do
    // not run there): stop 64 instructions after the visit that matters. The loop's start is
    // visited at instructions 2, 6, 10, ...
    const page = (k: number, ctl: Partial<RunControl> = {}) => runProgram(COUNTING, k, ctl).m.mem.codePages.get(BASE >>> 12)!;
    expect(page(2 + 4 * (T - 1) + 64).blockEnd[loopSlot]).toBe(0);
    // The T-th visit compiles the loop body, slots 2..5 up to and including the branch.
    expect(page(2 + 4 * T + 64).blockEnd[loopSlot]).toBe(6);
    expect(page(20_000, { jit: false }).hasBlocks).toBe(false);
  });

  it('re-decode an instruction a looping block overwrites before executing it', () => {
    /*
     *   li r3,0 ; lis r5,0x3863 ; ori r5,r5,2 (r5 = addi r3,r3,2) ; li r6,0x1014
     * L: stw r5,0(r6) (over the next instruction) ; addi r3,r3,1 ; cmpwi r3,200 ; blt L
     *   b .
     */
    const smc = [0x38600000, 0x3ca03863, 0x60a50002, 0x38c01014, 0x90a60000, 0x38630001, 0x2c0300c8, 0x4180fff4, 0x48000000];
    for (const [name, ctl] of CONFIGS) {
      // The first store already replaces the addi: r3 counts by 2, 100 iterations of 4.
      const r = runProgram(smc, 4 + 100 * 4 + 5, ctl);
      expect({ pc: r.pc, r3: r.r3 }, name).toEqual({ pc: BASE + 0x20, r3: 200 });
    }
  });
});
