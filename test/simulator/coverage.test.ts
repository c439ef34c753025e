/**
 * The simulator against the shared instruction table: every POWER9 row either has semantics,
 * belongs to the FP/VMX/VSX facilities (the unavailable interrupt is modelled, the arithmetic is
 * not), or is in the explicit UNIMPLEMENTED list. A new row in isa/ fails this test until the
 * simulator decides what to do with it.
 */
import { describe, expect, it } from 'vitest';
import { allVariants, cpuOf, CPUS } from '../../isa/index.js';
import { SEMANTICS, UNIMPLEMENTED, facilityOf } from '../../simulator/semantics/index.js';

const level = (c: string): number => CPUS.indexOf(c as (typeof CPUS)[number]);
const P9 = level('power9');

const power9Ids = (): Set<string> =>
  new Set(
    allVariants()
      .filter((v) => !v.alias && !v.prefixed)
      .filter((v) => {
        const c = cpuOf(v);
        return level(c.since) <= P9 && (c.until === undefined || level(c.until) >= P9);
      })
      .map((v) => v.id),
  );

describe('simulator coverage of the shared instruction table', () => {
  it('has a decision for every POWER9 instruction', () => {
    const listed = new Set(Object.values(UNIMPLEMENTED).flat());
    const undecided = [...power9Ids()].filter((id) => !SEMANTICS.has(id) && facilityOf(id) === undefined && !listed.has(id));
    expect(undecided, `no semantics and not listed: ${undecided.join(' ')}`).toEqual([]);
  });

  it('implements the whole fixed-point, branch, CR, load/store, rotate and system subset it claims', () => {
    const ids = power9Ids();
    for (const id of ['add', 'subfe', 'mulhd', 'divdu', 'modsd', 'rldimi', 'sradi', 'cmpl', 'isel', 'crnand', 'mtocrf', 'lwarx', 'stdcx', 'lswx', 'ldbrx', 'bcctr', 'rfid', 'mtmsrd', 'slbmte', 'slbmfev', 'tlbiel', 'dcbz', 'sc']) {
      expect(ids.has(id), `${id} is a POWER9 row`).toBe(true);
      expect(SEMANTICS.has(id), `${id} has semantics`).toBe(true);
    }
  });

  it('lists nothing twice and nothing it implements', () => {
    const all = Object.values(UNIMPLEMENTED).flat();
    expect(new Set(all).size).toBe(all.length);
    expect(all.filter((id) => SEMANTICS.has(id))).toEqual([]);
  });
});
