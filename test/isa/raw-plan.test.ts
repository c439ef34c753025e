/**
 * The raw decoder's checked-in plan (isa/generated/raw-plan-power9.ts, isa/raw-plan.ts):
 *  - it is what the instruction table gives today (a stale plan fails here, naming the command
 *    that regenerates it);
 *  - for every primary opcode and every value of bits 21..31, the plan's candidates are the
 *    generic index's rows in the same order, and each plan row is the RawRow the lazy path
 *    builds from its table row (so rows that random words rarely reach are compared too).
 * test/isa/decode-raw.test.ts compares the decoders' answers over words.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createRawDecoder, rawPlanOf, rawRow, type RawRow } from '../../isa/decode-raw.js';
import { indexFor } from '../../isa/decode.js';
import type { Row } from '../../isa/compile.js';
import { RAW_PLAN_COMMAND, renderRawPlanModule } from '../../isa/raw-plan.js';
import { TABLE } from '../../isa/table.js';

const ROOT = join(import.meta.dirname, '..', '..');
const PLAN_FILE = 'isa/generated/raw-plan-power9.ts';

/**
 * What the raw decoder reads of a RawRow: a generic row's mask, match and verdict source only
 * (resolve() decodes it on its table row), and the checks' register shifts only when there are
 * checks (the plan writes neither, decode-raw.ts never reads them).
 */
function data(r: RawRow): string {
  const { mask, match, id, rc, oe, generic } = r;
  if (generic) return JSON.stringify({ mask, match, id, rc, oe, generic });
  const { names, shifts, masks, multi, branch, boShift, checks, lswi } = r;
  const regs = checks.length > 0 ? [r.ra, r.rt, r.rb] : [];
  const invalid = r.invalid.map((x) => ({ shift: x.shift, mask: x.mask, bad: x.bad.join('') }));
  return JSON.stringify({ mask, match, id, rc, oe, generic, names, shifts, masks, multi, branch, boShift, checks, regs, lswi, invalid });
}

describe('the power9 decode plan', () => {
  it(`${PLAN_FILE} is what the instruction table gives`, () => {
    const want = renderRawPlanModule('power9');
    const have = readFileSync(join(ROOT, PLAN_FILE), 'utf8');
    if (have !== want) {
      const a = have.split('\n');
      const b = want.split('\n');
      let i = 0;
      while (i < a.length && a[i] === b[i]) i++;
      throw new Error(
        `${PLAN_FILE} is stale: regenerate it with \`${RAW_PLAN_COMMAND}\` (and rebuild).\n` +
          `first difference, line ${i + 1}:\n  checked in: ${a[i]?.slice(0, 200)}\n  table gives: ${b[i]?.slice(0, 200)}`,
      );
    }
  });

  it('TABLE.baseRowAt(entry, form) is each LazyRow\'s row, and undefined off the table', () => {
    const lazy = TABLE.lazyBaseRows;
    expect(lazy.length).toBeGreaterThan(1000);
    for (const l of lazy) expect(TABLE.baseRowAt(l.entry, l.form)).toBe(l.row());
    expect(TABLE.baseRowAt(-1, 0)).toBeUndefined();
    expect(TABLE.baseRowAt(lazy.at(-1)!.entry + 1, 0)).toBeUndefined();
    expect(TABLE.baseRowAt(0, 4)).toBeUndefined();
  });

  it('every word kind: the generic index candidates, each row as the lazy path builds it', () => {
    const idx = indexFor('power9');
    const plan = createRawDecoder('power9', rawPlanOf('power9'));
    expect(plan.kind).toBe('plan');
    const seen = new Map<readonly Row[], Set<readonly RawRow[]>>();
    const checkedRows = new Set<RawRow>();
    let pairs = 0;
    for (let po = 0; po < 64; po++) {
      if (po === 1) continue; // prefix words: neither decoder indexes them
      for (let k = 0; k < 2048; k++) {
        const w = ((po << 26) | k) >>> 0;
        const want = idx.candidates(w);
        const got = plan.candidates(w);
        let s = seen.get(want);
        if (s === undefined) seen.set(want, (s = new Set()));
        if (s.has(got)) continue;
        s.add(got);
        pairs++;
        const where = `opcode ${po}, bits 21..31 = 0x${k.toString(16)}`;
        expect(got.map((r) => r.id), where).toEqual(want.map((r) => r.id));
        for (let i = 0; i < want.length; i++) {
          const r = got[i]!;
          if (checkedRows.has(r)) continue;
          checkedRows.add(r);
          expect(data(r), `${where}: ${r.id}`).toBe(data(rawRow(idx, want[i]!)));
          // Where a generic row finds its table row.
          expect(TABLE.baseRowAt(r.entry, r.form), `${where}: ${r.id}`).toBe(want[i]);
        }
      }
    }
    expect(pairs).toBeGreaterThan(1000);
    expect(checkedRows.size).toBeGreaterThan(1000);
  });
});
