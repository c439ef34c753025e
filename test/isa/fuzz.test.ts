/**
 * Random-word differential test (isa/tools/fuzz-core.ts): objdump's text vs ours for seeded
 * random words; GNU as vs our table encoder and vs the ppc64-as front end on objdump's text.
 * `make fuzz-isa` (scripts/fuzz-isa.ts) runs 100,000.
 */
import { describe, expect, it } from 'vitest';
import { fuzz } from '../../isa/tools/fuzz-core.js';
import { frontEndMismatches } from '../../scripts/fuzz-isa.js';

describe('random words vs GNU objdump/as', () => {
  it.each([1, 2])('seed %i: 2000 words', (seed) => {
    const r = fuzz(seed, 2000);
    if (process.env.ISA_DUMP) {
      for (const m of r.printMismatches) console.log('PRINT', m);
      for (const m of r.encodeMismatches) console.log('ENCODE', m);
    }
    expect(r.decoded).toBeGreaterThan(400);
    expect(r.assembled).toBeGreaterThan(300);
    expect(r.printMismatches.slice(0, 40)).toEqual([]);
    expect(r.encodeMismatches.slice(0, 40)).toEqual([]);
    expect(frontEndMismatches(r).slice(0, 40)).toEqual([]);
  });
});
