/**
 * A large generated kernel-style file goes through without errors, and the fast path
 * (lines printed straight from the source) agrees with the general token path. Speed is
 * measured by the benchmark (`make bench-cpp`), not here.
 */
import { describe, expect, it } from 'vitest';
import { BENCH_HEADER, generateBenchSource } from '../../assembler/cpp/bench.js';
import { mem } from './helpers.js';

describe('cpp on a large input', () => {
  it('200k lines of kernel-style assembly: no errors, fast and token paths agreeing', () => {
    const src = generateBenchSource(200_000, 3);
    const fast = mem(src, { 'bench_asm.h': BENCH_HEADER });
    expect(fast.errors).toEqual([]);
    const slow = mem(src.slice(0, 200_000), { 'bench_asm.h': BENCH_HEADER }, {}, false);
    const fastPrefix = mem(src.slice(0, 200_000), { 'bench_asm.h': BENCH_HEADER }, {}, true);
    expect(slow.out).toBe(fastPrefix.out);
  });
});
