/**
 * decodeRaw (the simulator's decoder) against the generic decoder it shortcuts: for every word,
 * decode(word, undefined, { cpu, raw: true }) and decodeRaw(word, cpu) must agree on the verdict
 * (accepted or refused), the base row id, every field (same names, values and order), rc and oe.
 * For power9 decodeRaw answers from the checked-in decode plan (isa/raw-plan.ts); the lazy index
 * the other CPUs take is compared for power9 too, and a corrupted plan must make the comparison
 * fail (so that it is known to look at what the plan says).
 * Words: seeded random ones, words built on every base row's match bits (so that each row and its
 * register checks, branch BO rules and invalid operand values are exercised), and every word of
 * the GNU-built PR-KVM trampoline image the simulator's timing target runs.
 */
import { execa } from 'execa';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { allVariants, decode, decodeRaw, type Cpu, type RawInsn } from '../../isa/index.js';
import { createRawDecoder, rawDecoderOf, rawPlanOf } from '../../isa/decode-raw.js';
import { requireTool, scratch } from '../helpers/oracles.js';
import { xorshift32 as gen } from '../helpers/random.js';

const ROOT = join(import.meta.dirname, '..', '..');

/** The first disagreement between the generic decoder and `raw` (default decodeRaw) over `words`, as text, or undefined. */
function mismatch(words: Iterable<number>, cpu: Cpu, raw: (w: number) => RawInsn | undefined = (w) => decodeRaw(w, cpu)): string | undefined {
  for (const w of words) {
    const g = decode(w, undefined, { cpu, raw: true });
    const r = raw(w);
    const hex = `0x${(w >>> 0).toString(16).padStart(8, '0')} (${cpu})`;
    if ((g === undefined) !== (r === undefined)) return `${hex}: generic ${g ? g.variant.mnemonic : 'refuses'}, raw ${r ? r.id : 'refuses'}`;
    if (g === undefined || r === undefined) continue;
    const want = JSON.stringify({ id: g.variant.id, fields: Object.entries(g.fields), rc: g.variant.rc, oe: g.variant.oe });
    const got = JSON.stringify({ id: r.id, fields: Object.entries(r.fields), rc: r.rc, oe: r.oe });
    if (want !== got) return `${hex}: generic ${want}, raw ${got}`;
  }
  return undefined;
}

function* randomWords(seed: number, n: number): Generator<number> {
  const next = gen(seed);
  for (let i = 0; i < n; i++) yield next();
}

/** `perRow` words on each 4-byte base row's fixed bits, the other bits random. */
function* rowWords(seed: number, perRow: number): Generator<number> {
  const next = gen(seed);
  for (const v of allVariants()) {
    const row = v as unknown as { alias: boolean; size: number; mask: readonly number[]; match: readonly number[] };
    if (row.alias || row.size !== 4) continue;
    for (let i = 0; i < perRow; i++) {
      let w = (row.match[0]! | (next() & ~row.mask[0]!)) >>> 0;
      // Small register numbers now and then, so that register-equality rules (RA = RT, RA = 0) hit.
      if (i % 4 === 1) w = (w & ~0x001f0000) >>> 0;
      if (i % 4 === 2) w = ((w & ~0x001f0000) | (((w >>> 21) & 31) << 16)) >>> 0;
      yield w;
    }
  }
}

describe('decodeRaw agrees with decode(..., { raw: true })', () => {
  it('power9 takes the checked-in plan, the other CPUs the lazy index', () => {
    expect(rawDecoderOf('power9').kind).toBe('plan');
    for (const cpu of ['ppc64', 'power10', 'any'] as const) expect(rawDecoderOf(cpu).kind).toBe('lazy');
  });

  it.each([1, 2, 3])('seeded random words, power9 (seed %i, 200,000 words)', (seed) => {
    expect(mismatch(randomWords(seed, 200_000), 'power9')).toBeUndefined();
  });

  it('words on every base row, power9', () => {
    expect(mismatch(rowWords(11, 64), 'power9')).toBeUndefined();
  });

  it('the lazy index for power9 (the path the other CPUs take): random words and words on every base row', () => {
    const lazy = createRawDecoder('power9');
    expect(lazy.kind).toBe('lazy');
    expect(mismatch(randomWords(5, 100_000), 'power9', (w) => lazy.decode(w))).toBeUndefined();
    expect(mismatch(rowWords(17, 16), 'power9', (w) => lazy.decode(w))).toBeUndefined();
  });

  it('a corrupted plan is caught: one field shift, misrouted candidate lists', () => {
    const plan = rawPlanOf('power9')!;
    // RT read one bit too low, in the first field list that has it.
    const fields = plan.fields.replace(' RT:21:5', ' RT:20:5');
    expect(fields).not.toBe(plan.fields);
    const shifted = createRawDecoder('power9', { ...plan, fields });
    expect(mismatch(rowWords(11, 4), 'power9', (w) => shifted.decode(w))).toMatch(/generic .* raw /);
    // Opcode 31's candidate lists in reverse order: its words get another value's candidates.
    const lines = plan.opcodes.split('\n');
    const [keyMask, lists, runs] = lines[31]!.split(' ') as [string, string, string];
    lines[31] = [keyMask, lists.split(';').reverse().join(';'), runs].join(' ');
    const misrouted = createRawDecoder('power9', { ...plan, opcodes: lines.join('\n') });
    expect(mismatch(rowWords(11, 4), 'power9', (w) => misrouted.decode(w))).toBeDefined();
  });

  it.each(['ppc64', 'power10', 'any'] as const)('random words and words on every base row, %s', (cpu) => {
    expect(mismatch(randomWords(7, 50_000), cpu)).toBeUndefined();
    expect(mismatch(rowWords(13, 16), cpu)).toBeUndefined();
  });

  describe('every word of the trampoline image', () => {
    const build = scratch('ppc64-decode-raw-');
    afterAll(() => build.cleanup());
    it('power9', async () => {
      requireTool('powerpc64-linux-gnu-gcc');
      const r = await execa('make', ['-s', 'gnu-image', `KVM_GNU_DIR=${build.dir}`], { cwd: ROOT, reject: false });
      const image = join(build.dir, 'kvm-trampoline.elf');
      if (r.exitCode !== 0 || !existsSync(image)) throw new Error(`make gnu-image failed:\n${r.stdout}\n${r.stderr}`);
      const bytes = readFileSync(image);
      const words: number[] = [];
      for (let o = 0; o + 4 <= bytes.length; o += 4) words.push(bytes.readUInt32BE(o));
      expect(words.length).toBeGreaterThan(10_000);
      expect(rawDecoderOf('power9').kind).toBe('plan');
      expect(mismatch(words, 'power9')).toBeUndefined();
      // And the lazy index over the same words.
      const lazy = createRawDecoder('power9');
      expect(mismatch(words, 'power9', (w) => lazy.decode(w))).toBeUndefined();
    }, 120_000);
  });
});
