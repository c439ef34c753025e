/**
 * Seeded fuzzing of what the simulator reads: ELF images with corrupted headers (the loader) and
 * images whose code was corrupted (the decoder, every instruction's semantics, the MMU and the
 * interrupt paths on whatever random words do). Whatever the input, simulate() must end with an
 * exit status and, for a rejected image, a diagnostic: never an exception, never a hang (every
 * run has an instruction limit). Reproducible: a failure names its seed and mutation.
 */
import { describe, expect, it } from 'vitest';
import { simulate } from '../../simulator/index.js';
import { buildRawImage, buildRtImage, requireOracles, runBoth } from './helpers.js';

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const pick = (r: () => number, n: number): number => Math.floor(r() * n);

interface Mutation {
  readonly bytes: Uint8Array;
  readonly what: string;
}

/** `count` copies of `image`, each with a few bytes changed in [from, to). */
function mutations(image: Uint8Array, seed: number, count: number, from: number, to: number): Mutation[] {
  const r = rng(seed);
  const out: Mutation[] = [];
  for (let k = 0; k < count; k++) {
    const bytes = image.slice();
    const changes: string[] = [];
    for (let n = 1 + pick(r, 4); n > 0; n--) {
      const at = from + pick(r, to - from);
      // Mostly small changes (off-by-one sizes, flipped flags), sometimes any byte.
      const v = r() < 0.5 ? bytes[at]! ^ (1 << pick(r, 8)) : pick(r, 256);
      changes.push(`[0x${at.toString(16)}]=0x${v.toString(16)}`);
      bytes[at] = v;
    }
    out.push({ bytes, what: `seed ${seed} #${k}: ${changes.join(' ')}` });
  }
  return out;
}

function expectOrderlyEnd(m: Mutation): void {
  let result: ReturnType<typeof simulate>;
  try {
    result = simulate(m.bytes, { maxInsns: 100_000 });
  } catch (e) {
    throw new Error(`${m.what}: simulate() threw: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
  }
  expect([0, 1, 2, 3, 4], m.what).toContain(result.exitStatus);
  if (result.exitStatus === 2) expect(result.diagnostics.length, m.what).toBeGreaterThan(0);
  if (result.exitStatus === 4) expect(result.stop.message, m.what).toBeTruthy();
}

/** The ELF header, the program headers and the start of the file's code (rt.s's copy loop). */
const headerEnd = (image: Uint8Array): number => {
  const dv = new DataView(image.buffer, image.byteOffset, image.byteLength);
  const phoff = Number(dv.getBigUint64(32));
  const phnum = dv.getUint16(56);
  return Math.min(image.length, phoff + phnum * 56);
};

/** `image` with the big-endian field of `size` bytes at `at` set to `value`. */
function withField(image: Uint8Array, at: number, size: 1 | 2 | 4 | 8, value: number): Uint8Array {
  const out = image.slice();
  const dv = new DataView(out.buffer);
  if (size === 1) dv.setUint8(at, value);
  else if (size === 2) dv.setUint16(at, value);
  else if (size === 4) dv.setUint32(at, value);
  else dv.setBigUint64(at, BigInt(value));
  return out;
}

describe('the loader reads what qemu reads', () => {
  requireOracles();
  const image = buildRawImage('entry-state.s');
  // Fields qemu's ELF loader does not look at (found by the fuzzing below: the simulator used to
  // refuse these images, qemu boots them). Offsets are the ELF64 header's.
  const cases: [string, Uint8Array][] = [
    ['a section header table past the end of the file (e_shoff)', withField(image, 40, 8, image.length + 0x1000)],
    ['a section header table index out of range (e_shstrndx)', withField(image, 62, 2, 999)],
    ['a wrong section header entry size (e_shentsize)', withField(image, 58, 2, 3)],
    ['a wrong ELF header size (e_ehsize)', withField(image, 52, 2, 60)],
    ['a wrong program header entry size (e_phentsize)', withField(image, 54, 2, 60)],
    ['another ELF version (e_version, EI_VERSION)', withField(withField(image, 20, 4, 2), 6, 1, 2)],
    ['another file type (e_type ET_REL) and entry point', withField(withField(image, 16, 2, 1), 24, 8, 0x1234)],
  ];
  it.each(cases)('boots an image with %s as qemu does', async (_what, bytes) => {
    const r = await runBoth(bytes);
    expect(r.qemu.status).toBe(0);
    expect(r.sim.exitStatus).toBe(r.qemu.status);
    expect(r.sim.text).toBe(r.qemu.console);
  });
});

describe('simulator fuzzing', () => {
  requireOracles();
  const image = buildRtImage(['mmu-user.s']);

  it('corrupted ELF headers: a diagnostic or a run, never an exception', () => {
    for (const seed of [1, 2]) for (const m of mutations(image, seed, 150, 0, headerEnd(image))) expectOrderlyEnd(m);
  });

  it('corrupted code: every random word ends in an interrupt, a stop or a run, never an exception', () => {
    // The loadable bytes: everything after the headers (the runtime, its vectors and the test).
    for (const seed of [3, 4]) for (const m of mutations(image, seed, 150, headerEnd(image), image.length)) expectOrderlyEnd(m);
  });
});
