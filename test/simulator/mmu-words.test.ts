/**
 * mmu.ts translates on 32-bit words. This test keeps a reference model of the same rules written
 * on 64-bit bigints, the form the ISA describes them in (SLB lookup, primary and secondary PTEG,
 * AVPN match, PP/key check, no-execute, R/C update), and compares the two over seeded random SLBs,
 * page tables and effective addresses: the result of every translation and the page table bytes
 * after it (R and C).
 */
import { describe, expect, it } from 'vitest';
import {
  ACC_FETCH, ACC_READ, ACC_WRITE, HPTE0_SW_DIRTY, SLB_SIZE, XL_NOEXEC, XL_NOPTE, XL_PROT, XL_SEGMENT, XL_UNSUPPORTED,
  createMmu, ppAllows, readPte, slbLookup, slbia, slbie, slbmte, writePte, type AccessKind, type Mmu,
} from '../../simulator/mmu.js';

import { xorshift32 } from '../helpers/random.js';
import { translate64 } from './helpers.js';

const M64 = (1n << 64n) - 1n;

/** Index of the valid SLB entry for `ea` (ESID bits 0..35, or 0..23 in a 1 TB segment), or -1. */
function refLookup(esid: readonly bigint[], vsid: readonly bigint[], ea: bigint): number {
  for (let i = 0; i < SLB_SIZE; i++) {
    const e = esid[i]!;
    if ((e & 0x08000000n) === 0n) continue;
    const oneTb = vsid[i]! >> 62n !== 0n;
    if (oneTb ? e >> 40n === ea >> 40n : e >> 28n === ea >> 28n) return i;
  }
  return -1;
}

/** The reference translation: the page, or an XL_* code; sets R/C through readPte/writePte. */
function refTranslate(m: Mmu, ea: bigint, kind: AccessKind, pr: boolean): number {
  const slot = refLookup(m.slbEsid, m.slbVsid, ea);
  if (slot < 0) return XL_SEGMENT;
  const vs = m.slbVsid[slot]!;
  if (vs >> 62n !== 0n || (vs & 0x100n) !== 0n) return XL_UNSUPPORTED;
  const vsid = (vs >> 12n) & ((1n << 50n) - 1n);
  const avpn = (vsid << 5n) | ((ea >> 23n) & 0x1fn);
  const hash = Number(((vsid & 0x7fffffffffn) ^ ((ea & 0x0fffffffn) >> 12n)) & BigInt(m.htabMask));
  for (let h = 0; h < 2; h++) {
    const pteg = h === 0 ? hash : ~hash & m.htabMask;
    for (let i = 0; i < 8; i++) {
      const ptex = pteg * 8 + i;
      const [v, r] = readPte(m, ptex);
      if ((v & 1n) === 0n || ((v & 2n) !== 0n) !== (h === 1) || v >> 62n !== 0n || (v & 4n) !== 0n) continue;
      if (((v >> 7n) & ((1n << 55n) - 1n)) !== avpn) continue;
      const key = (vs & (pr ? 0x400n : 0x800n)) !== 0n ? 1 : 0;
      const pp = (r >> 63n !== 0n ? 4 : 0) | Number(r & 3n);
      if (kind === ACC_FETCH) {
        if ((r & 0xcn) !== 0n || (vs & 0x200n) !== 0n) return XL_NOEXEC;
        if (!ppAllows(key, pp, false)) return XL_PROT;
      } else if (!ppAllows(key, pp, kind === ACC_WRITE)) return XL_PROT;
      const want = kind === ACC_WRITE ? 0x180n : 0x100n;
      if ((r & want) !== want) writePte(m, ptex, v, r | want);
      return Number(r & 0x0ffffffffffff000n);
    }
  }
  return XL_NOPTE;
}

/** A seeded random SLB and page table, and EAs aimed at their segments and pages. */
function scenario(seed: number) {
  const next = xorshift32(seed);
  const big = (): bigint => (BigInt(next() >>> 0) << 32n) | BigInt(next() >>> 0);
  const pick = <T>(xs: readonly T[]): T => xs[(next() >>> 0) % xs.length]!;
  const mmus = [createMmu(256 << 20), createMmu(256 << 20)] as const;
  // VSIDs from a small set, some wider than 32 bits, so that hashes and AVPNs collide often.
  const vsids = [0x42n, 0x1234567n, 0x3_ffff_ffff_fffn, 0x2_0000_0001n, big() & ((1n << 50n) - 1n)];
  const esids = [0n, 1n, 0xcn, 0xc00000000n, 0xfffffffffn, big() >> 28n];
  const segments: [esid: bigint, vsid: bigint][] = [];
  for (let k = 0; k < 12; k++) {
    const esid = pick(esids);
    const vsid = pick(vsids);
    segments.push([esid, vsid]);
    // Mostly 256 MB segments with random Ks/Kp/N; now and then L or a 1 TB segment; V mostly set.
    const b = (next() & 3) === 0 ? 1n : 0n;
    const flags = BigInt(next() & 0xe00) | ((next() & 15) === 0 ? 0x100n : 0n);
    const rs = (b << 62n) | (vsid << 12n) | flags;
    const rb = (esid << 28n) | ((next() & 7) !== 0 ? 0x08000000n : 0n) | BigInt((next() >>> 0) % SLB_SIZE);
    for (const m of mmus) slbmte(m, rs, rb);
  }
  const eas: bigint[] = [];
  for (let k = 0; k < 64; k++) {
    // Mostly a page of a segment the SLB has (with that segment's VSID), now and then any.
    const [esid, vsid] = (next() & 3) !== 0 ? pick(segments) : [pick(esids), pick(vsids)];
    const ea = ((esid << 28n) | BigInt(next() & 0x0ffff000)) & M64;
    // The neighbours that tell segment sizes apart: the next page, the lowest bit of a 256 MB
    // ESID, the lowest and next-higher bit of a 1 TB ESID; and any EA.
    eas.push(ea, ea ^ 0x1000n, ea ^ (1n << 28n), ea ^ (1n << 39n), ea ^ (1n << 40n), big());
    // An HPTE for this page and VSID in its primary or secondary group, with random PP, N, G, R, C.
    const m0 = mmus[0];
    const secondary = (next() & 3) === 0;
    const hash = Number(((vsid & 0x7fffffffffn) ^ ((ea & 0x0fffffffn) >> 12n)) & BigInt(m0.htabMask));
    const pteg = secondary ? ~hash & m0.htabMask : hash;
    const ptex = pteg * 8 + (next() & 7);
    const avpn = (vsid << 5n) | ((ea >> 23n) & 0x1fn);
    const v = (avpn << 7n) | (secondary ? 2n : 0n) | ((next() & 7) !== 0 ? 1n : 0n) | ((next() & 31) === 0 ? 4n : 0n);
    const r = (BigInt(next() & 0x0fff_f000) | BigInt(next() & 0x18f)) | ((next() & 3) === 0 ? 1n << 63n : 0n);
    for (const m of mmus) writePte(m, ptex, v, r);
  }
  return { mmus, eas, next };
}

describe('word-based translation matches the bigint reference model', () => {
  it.each([1, 2, 3, 4, 5, 6, 7, 8])('seed %i: every EA, kind and privilege; same page table bytes after', (seed) => {
    const { mmus, eas, next } = scenario(seed);
    const [words, ref] = mmus;
    let hits = 0;
    for (const [k, ea] of eas.entries()) {
      for (const kind of [ACC_READ, ACC_WRITE, ACC_FETCH] as const) {
        for (const pr of [false, true]) {
          const want = refTranslate(ref, ea, kind, pr);
          const got = translate64(words, ea, kind, pr);
          expect(got, `ea 0x${ea.toString(16)} kind ${kind} pr ${pr}`).toBe(want);
          if (want >= 0) hits++;
        }
      }
      expect(slbLookup(words, ea)).toBe(refLookup(ref.slbEsid, ref.slbVsid, ea));
      // In the last quarter, now and then an slbie or slbia on both, so that invalidation is
      // compared too (earlier, they would leave most EAs without a segment).
      if (k < (eas.length * 3) / 4) continue;
      if ((next() & 7) === 0) {
        slbie(words, ea);
        slbie(ref, ea);
      } else if ((next() & 31) === 0) {
        slbia(words);
        slbia(ref);
      }
    }
    expect(Buffer.from(words.htab.buffer).equals(Buffer.from(ref.htab.buffer))).toBe(true);
    expect(words.slbEsid).toEqual(ref.slbEsid);
    // The scenarios must reach pages, not only faults.
    expect(hits).toBeGreaterThan(10);
  });

  it('an unused slot reads back as qemu initialises it (software dirty bit only)', () => {
    expect(readPte(createMmu(256 << 20), 5)[0]).toBe(HPTE0_SW_DIRTY);
  });
});
