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

/*
 * Spin loops (jit.ts spinCounters): a loop that polls memory it never stores to, counting, runs
 * its first iteration and then goes straight to the iteration where the budget ends.
 *
 *   A:   li r20,0 ; li r21,0
 *     L: addi r20,r20,1 ; ld r22,256(0) ; cmpd r22,r21 ; beq L
 *        b .
 *   B:   li r20,0 ; li r23,-1 ; li r21,0
 *     L: addis r20,r20,32767 ; ld r22,256(0) ; addi r23,r23,-3 ; cmpd r22,r21 ; beq L
 *        b .
 *   C:   li r20,0 ; li r21,0
 *     L: addi r20,r20,1 ; cmpd r22,r21 ; ld r22,256(0) ; beq L      (compares before it loads)
 *        b .
 * The doubleword at 256 stays 0, so each loops until the instruction limit.
 */
const SPIN_A = [0x3a800000, 0x3aa00000, 0x3a940001, 0xeac00100, 0x7c36a800, 0x4182fff4, 0x48000000];
const SPIN_B = [0x3a800000, 0x3ae0ffff, 0x3aa00000, 0x3e947fff, 0xeac00100, 0x3af7fffd, 0x7c36a800, 0x4182fff0, 0x48000000];
const SPIN_C = [0x3a800000, 0x3aa00000, 0x3a940001, 0x7c36a800, 0xeac00100, 0x4182fff4, 0x48000000];
const M64 = (1n << 64n) - 1n;

/** Executions of loop slot `at` (of a loop of `len` slots after `pre` straight instructions) in k instructions. */
const runsOf = (k: number, pre: number, len: number, at: number): number => (k <= pre + at ? 0 : Math.floor((k - pre - at - 1) / len) + 1);

describe('spin loops', () => {
  const limits = [1, 2, 3, 5, 6, 7, 66, 1000, 4097, 4099, 4101, 9001, 100_003, 600_001, 1_000_000];

  it('recognise the loop that only polls memory and counts, not one that compares before it loads', async () => {
    const { spinCounters } = await import('../../simulator/jit.js');
    const { decodeWord } = await import('../../simulator/step.js');
    const at = (prog: number[]) => (slot: number) => decodeWord(new Map(), prog[slot]!);
    expect(spinCounters(2, 4, at(SPIN_A))).toEqual([{ reg: 20, inc: 1 }]);
    expect(spinCounters(3, 5, at(SPIN_B))).toEqual([
      { reg: 20, inc: 32767 * 65536 },
      { reg: 23, inc: -3 },
    ]);
    expect(spinCounters(2, 4, at(SPIN_C))).toBeUndefined();
  });

  it('stop at exactly the instruction limit with the counters of a plain run', () => {
    for (const [name, ctl] of CONFIGS) {
      for (const k of limits) {
        const a = runProgram(SPIN_A, k, ctl);
        const pcA = k < 2 ? BASE + 4 * k : BASE + 4 * (2 + ((k - 2) % 4));
        expect({ icount: a.icount, pc: a.pc, r20: get64(a.m.st, 20) }, `A, ${name}, ${k}`).toEqual({ icount: k, pc: pcA, r20: BigInt(runsOf(k, 2, 4, 0)) });
        const b = runProgram(SPIN_B, k, ctl);
        const pcB = k < 3 ? BASE + 4 * k : BASE + 4 * (3 + ((k - 3) % 5));
        const r23 = k < 2 ? 0n : (-1n - 3n * BigInt(runsOf(k, 3, 5, 2))) & M64;
        expect({ icount: b.icount, pc: b.pc, r20: get64(b.m.st, 20), r23: get64(b.m.st, 23) }, `B, ${name}, ${k}`).toEqual({
          icount: k,
          pc: pcB,
          r20: (BigInt(runsOf(k, 3, 5, 0)) * 0x7fff0000n) & M64,
          r23,
        });
        const c = runProgram(SPIN_C, k, ctl);
        expect({ icount: c.icount, r20: get64(c.m.st, 20) }, `C, ${name}, ${k}`).toEqual({ icount: k, r20: BigInt(runsOf(k, 2, 4, 0)) });
      }
    }
  });
});
