/**
 * The Book3S-64 hash MMU as a pseries guest sees it (Power ISA v3.0B Book III §5.7):
 * a 32-entry SLB managed with slbmte/slbie/slbia, and a hashed page table that lives outside
 * guest memory and is changed only through hypercalls (H_ENTER/H_REMOVE/..., hcalls.ts).
 *
 * Supported: 256 MB segments with 4 KB pages, protection by PP bits and the SLB Ks/Kp keys,
 * no-execute (HPTE N, G, SLB N), R and C bits. A 1 TB segment or a large-page segment is not
 * modelled: translating through one stops the run with a diagnostic instead of guessing.
 *
 * The architected SLB is kept as the bigint values slbmte wrote (slbmfee/slbmfev read them back);
 * translation works on 32-bit words: a per-entry copy of what lookups need (Mmu.slb) and the
 * HPTEs read as words, so a TLB miss allocates nothing. The hot path (TLB + translators, built in
 * xlate.ts) caches the result per 4 KB page in three small direct-mapped TLBs (read, write, fetch).
 */

export const SLB_SIZE = 32;
export const TLB_SIZE = 256;

// SLB entry fields (slbmte RB / RS layout).
export const SLBE_ESID_MASK = 0xfffffffff0000000n;
export const SLBE_V = 0x08000000n;
export const SLBV_B_SHIFT = 62n;
export const SLBV_KS = 0x800n;
export const SLBV_KP = 0x400n;
export const SLBV_N = 0x200n;
export const SLBV_L = 0x100n;
export const SLBV_VSID_SHIFT = 12n;
const VSID_MASK_256M = (1n << 50n) - 1n;

// HPTE fields (the pre-ISA-3.0 format that PAPR's H_ENTER uses).
export const HPTE0_V = 0x1n;
export const HPTE0_H = 0x2n;
export const HPTE0_L = 0x4n;
/** QEMU's software "dirty" bit, set on every PTE H_ENTER stores (seen in H_REMOVE's return). */
export const HPTE0_SW_DIRTY = 0x40n;
export const HPTE0_AVPN_SHIFT = 7n;
const AVPN_MASK = (1n << 55n) - 1n;
export const HPTE1_PP0 = 0x8000000000000000n;
export const HPTE1_RPN_MASK = 0x0ffffffffffff000n;
export const HPTE1_R = 0x100n;
export const HPTE1_C = 0x80n;
export const HPTE1_WIMG = 0x78n;
export const HPTE1_M = 0x10n;
export const HPTE1_I = 0x20n;
export const HPTE1_G = 0x8n;
export const HPTE1_N = 0x4n;
export const HPTE1_PP = 0x3n;

export interface Mmu {
  readonly slbEsid: bigint[];
  readonly slbVsid: bigint[];
  /** Per SLB entry, what translation compares and uses, as words (refreshed by every SLB write). */
  readonly slb: SlbWords;
  readonly htab: DataView;
  readonly htabSize: number;
  /** Number of PTEGs - 1. */
  readonly htabMask: number;
  /** TLBs: tag high word, tag page number (EA low word >>> 12; -1 = invalid), real page base. */
  readonly rTagH: Int32Array;
  readonly rTagL: Int32Array;
  readonly rPage: Int32Array;
  readonly wTagH: Int32Array;
  readonly wTagL: Int32Array;
  readonly wPage: Int32Array;
  readonly xTagH: Int32Array;
  readonly xTagL: Int32Array;
  readonly xPage: Int32Array;
}

/**
 * The SLB as words. esidHi and esidTop4 hold ESID bits 0..35 (EA bits 0..31 and 32..35);
 * vsidHi/vsidLo the 50-bit VSID; flags the low 12 bits of the VSID doubleword (Ks, Kp, N, L, LP).
 */
export interface SlbWords {
  readonly valid: Uint8Array;
  /** 1 for a 1 TB segment (B != 0): compared on EA bits 0..23 only. */
  readonly tera: Uint8Array;
  readonly esidHi: Int32Array;
  readonly esidTop4: Int32Array;
  readonly vsidHi: Int32Array;
  readonly vsidLo: Int32Array;
  readonly flags: Int32Array;
}

/** HPT size qemu picks for a RAM size: 2^max(18, ceil(log2(RAM)) - 7) bytes. */
export function htabSizeFor(ramSize: number): number {
  const log2 = Math.ceil(Math.log2(ramSize));
  return 2 ** Math.max(18, log2 - 7);
}

export function createMmu(ramSize: number): Mmu {
  const htabSize = htabSizeFor(ramSize);
  const tlb = () => new Int32Array(TLB_SIZE);
  const m: Mmu = {
    slbEsid: new Array<bigint>(SLB_SIZE).fill(0n),
    slbVsid: new Array<bigint>(SLB_SIZE).fill(0n),
    slb: {
      valid: new Uint8Array(SLB_SIZE),
      tera: new Uint8Array(SLB_SIZE),
      esidHi: new Int32Array(SLB_SIZE),
      esidTop4: new Int32Array(SLB_SIZE),
      vsidHi: new Int32Array(SLB_SIZE),
      vsidLo: new Int32Array(SLB_SIZE),
      flags: new Int32Array(SLB_SIZE),
    },
    htab: new DataView(new ArrayBuffer(htabSize)),
    htabSize,
    htabMask: htabSize / 128 - 1,
    rTagH: tlb(),
    rTagL: tlb(),
    rPage: tlb(),
    wTagH: tlb(),
    wTagL: tlb(),
    wPage: tlb(),
    xTagH: tlb(),
    xTagL: tlb(),
    xPage: tlb(),
  };
  flushTlb(m);
  return m;
}

export function flushTlb(m: Mmu): void {
  m.rTagL.fill(-1);
  m.wTagL.fill(-1);
  m.xTagL.fill(-1);
}

// ---- SLB instructions ----------------------------------------------------------------------

/** Copy SLB entry `i` from its architected (bigint) form into m.slb. */
function refreshSlb(m: Mmu, i: number): void {
  const e = m.slbEsid[i]!;
  const vs = m.slbVsid[i]!;
  const w = m.slb;
  w.valid[i] = (e & SLBE_V) !== 0n ? 1 : 0;
  w.tera[i] = vs >> SLBV_B_SHIFT !== 0n ? 1 : 0;
  w.esidHi[i] = Number(e >> 32n) | 0;
  w.esidTop4[i] = Number((e >> 28n) & 0xfn);
  const vsid = (vs >> SLBV_VSID_SHIFT) & VSID_MASK_256M;
  w.vsidHi[i] = Number(vsid >> 32n);
  w.vsidLo[i] = Number(vsid & 0xffffffffn) | 0;
  w.flags[i] = Number(vs & 0xfffn);
}

/** slbmte RS,RB. Returns false for an index beyond the SLB (the caller raises illegal-instruction). */
export function slbmte(m: Mmu, rs: bigint, rb: bigint): boolean {
  const index = Number(rb & 0xfffn);
  if (index >= SLB_SIZE) return false;
  m.slbEsid[index] = rb & (SLBE_ESID_MASK | SLBE_V);
  m.slbVsid[index] = rs;
  refreshSlb(m, index);
  flushTlb(m);
  return true;
}

export const slbmfee = (m: Mmu, rb: bigint): bigint => m.slbEsid[Number(rb & 0xfffn) % SLB_SIZE]!;
export const slbmfev = (m: Mmu, rb: bigint): bigint => m.slbVsid[Number(rb & 0xfffn) % SLB_SIZE]!;

/** slbie RB: invalidate the entry translating the ESID in RB. */
export function slbie(m: Mmu, rb: bigint): void {
  const i = slbLookup(m, rb);
  if (i >= 0) {
    m.slbEsid[i] = m.slbEsid[i]! & ~SLBE_V;
    m.slb.valid[i] = 0;
  }
  flushTlb(m);
}

/** slbia: every entry except entry 0 (Power ISA; seen on qemu, pseries-platform.md §6). */
export function slbia(m: Mmu): void {
  for (let i = 1; i < SLB_SIZE; i++) {
    if (m.slb.valid[i] === 0) continue;
    m.slbEsid[i] = m.slbEsid[i]! & ~SLBE_V;
    m.slb.valid[i] = 0;
  }
  flushTlb(m);
}

/** Index of the valid SLB entry whose segment contains the EA (high word eh, low word el), or -1. */
export function slbFind(m: Mmu, eh: number, el: number): number {
  const { valid, tera, esidHi, esidTop4 } = m.slb;
  const top4 = el >>> 28;
  for (let i = 0; i < SLB_SIZE; i++) {
    if (valid[i] === 0) continue;
    if (tera[i] === 0 ? esidHi[i] === eh && esidTop4[i] === top4 : esidHi[i]! >>> 8 === eh >>> 8) return i;
  }
  return -1;
}

/** slbFind() of a 64-bit EA. */
export const slbLookup = (m: Mmu, ea: bigint): number => slbFind(m, Number((ea >> 32n) & 0xffffffffn) | 0, Number(ea & 0xffffffffn) | 0);

// ---- Translation slow path -----------------------------------------------------------------

export const ACC_READ = 0;
export const ACC_WRITE = 1;
export const ACC_FETCH = 2;
export type AccessKind = 0 | 1 | 2;

/** Outcome codes of translateWords() when it does not return a page (>= 0). */
export const XL_SEGMENT = -1; // no SLB entry: data/instruction segment interrupt
export const XL_NOPTE = -2; // no matching HPTE: DSISR/SRR1 bit 33 (0x40000000)
export const XL_PROT = -3; // PP/key forbid the access: bit 36 (0x08000000)
export const XL_NOEXEC = -4; // fetch from an N or G page or an N segment: SRR1 bit 35 (0x10000000)
export const XL_UNSUPPORTED = -5; // a segment kind this model does not implement

export function pteAddr(m: Mmu, ptex: number): number {
  return ptex * 16;
}

/*
 * qemu allocates the HPT with the software dirty bit set in every entry (H_READ of an unused
 * slot returns pte0 = 0x40; not the V bit, so all entries start invalid). pte0 is stored XOR
 * that bit, so the zero-filled buffer needs no initialisation pass.
 */
export function readPte(m: Mmu, ptex: number): [bigint, bigint] {
  const a = ptex * 16;
  return [m.htab.getBigUint64(a) ^ HPTE0_SW_DIRTY, m.htab.getBigUint64(a + 8)];
}

export function writePte(m: Mmu, ptex: number, v: bigint, r: bigint): void {
  const a = ptex * 16;
  m.htab.setBigUint64(a, v ^ HPTE0_SW_DIRTY);
  m.htab.setBigUint64(a + 8, r);
}

/** Read/write permission of a PP value (pp0||pp) under a key (Book III table "PP bit protection states"). */
export function ppAllows(key: number, pp: number, write: boolean): boolean {
  if (key === 0) {
    if (pp === 0 || pp === 1 || pp === 2) return true;
    if (pp === 3 || pp === 6) return !write;
    return false;
  }
  if (pp === 2) return true;
  if (pp === 1 || pp === 3) return !write;
  return false;
}

/**
 * Translate the EA whose high and low words are eh, el for an access of `kind` in the current
 * protection state. Returns the real address of the 4 KB page (>= 0) or one of the XL_* codes.
 * Sets R (and C for writes) in the HPTE. Words throughout: a TLB miss allocates nothing.
 */
export function translateWords(m: Mmu, eh: number, el: number, kind: AccessKind, pr: boolean): number {
  const slot = slbFind(m, eh | 0, el | 0);
  if (slot < 0) return XL_SEGMENT;
  const w = m.slb;
  const flags = w.flags[slot]!;
  if (w.tera[slot] !== 0 || (flags & SLBV_L_BIT) !== 0) return XL_UNSUPPORTED;
  const vsidHi = w.vsidHi[slot]!;
  const vsidLo = w.vsidLo[slot]!;
  const pageIndex = (el & 0x0fffffff) >>> 12;
  // The primary hash is (VSID[11:49] XOR page index) within the table: the mask is below 2^32,
  // so only the VSID's low word takes part.
  const hash = ((vsidLo ^ pageIndex) & m.htabMask) >>> 0;
  // The HPTE's AVPN field must hold VSID || EA bits 36..40: as the field sits in doubleword 0
  // (shifted left by 7), VSID << 12 | EA bits 36..40 << 7.
  const wantHi = ((vsidHi << 12) | (vsidLo >>> 20)) & AVPN_HI;
  const wantLo = ((vsidLo << 12) | (((el >>> 23) & 0x1f) << 7)) & AVPN_LO;
  const ht = m.htab;
  for (let h = 0; h < 2; h++) {
    const pteg = h === 0 ? hash : ~hash & m.htabMask;
    for (let i = 0; i < 8; i++) {
      const a = (pteg * 8 + i) * 16;
      // Doubleword 0 is stored XOR the software dirty bit (see readPte), which is in its low word.
      const vLo = ht.getUint32(a + 4) ^ PTE0_SW_DIRTY_LO;
      if ((vLo & PTE0_V_LO) === 0) continue;
      if (((vLo & PTE0_H_LO) !== 0) !== (h === 1)) continue;
      const vHi = ht.getUint32(a);
      if (vHi >>> 30 !== 0 || (vLo & PTE0_L_LO) !== 0) continue;
      if ((vHi & AVPN_HI) !== wantHi || (vLo & AVPN_LO) !== wantLo) continue;
      return checkAndMark(m, a, flags, kind, pr);
    }
  }
  return XL_NOPTE;
}

// The HPTE and SLB fields translateWords() uses, as words: *_HI in the high word of their
// doubleword, the others in the low word.
const AVPN_HI = Number((AVPN_MASK << HPTE0_AVPN_SHIFT) >> 32n) | 0;
const AVPN_LO = Number((AVPN_MASK << HPTE0_AVPN_SHIFT) & 0xffffffffn) | 0;
const PTE1_PP0_HI = Number(HPTE1_PP0 >> 32n) | 0;
const RPN_HI = Number(HPTE1_RPN_MASK >> 32n);
const RPN_LO = Number(HPTE1_RPN_MASK & 0xffffffffn) | 0;
const PTE0_V_LO = Number(HPTE0_V);
const PTE0_H_LO = Number(HPTE0_H);
const PTE0_L_LO = Number(HPTE0_L);
const PTE0_SW_DIRTY_LO = Number(HPTE0_SW_DIRTY);
const PTE1_R_LO = Number(HPTE1_R);
const PTE1_C_LO = Number(HPTE1_C);
const PTE1_N_LO = Number(HPTE1_N);
const PTE1_G_LO = Number(HPTE1_G);
const PTE1_PP_LO = Number(HPTE1_PP);
const SLBV_KS_BIT = Number(SLBV_KS);
const SLBV_KP_BIT = Number(SLBV_KP);
const SLBV_N_BIT = Number(SLBV_N);
const SLBV_L_BIT = Number(SLBV_L);

/** The access check of the HPTE at byte `a` of the table, then its R/C update; the page or XL_*. */
function checkAndMark(m: Mmu, a: number, slbFlags: number, kind: AccessKind, pr: boolean): number {
  const ht = m.htab;
  const rHi = ht.getUint32(a + 8);
  const rLo = ht.getUint32(a + 12);
  const key = (slbFlags & (pr ? SLBV_KP_BIT : SLBV_KS_BIT)) !== 0 ? 1 : 0;
  const pp = ((rHi & PTE1_PP0_HI) !== 0 ? 4 : 0) | (rLo & PTE1_PP_LO);
  if (kind === ACC_FETCH) {
    if ((rLo & (PTE1_N_LO | PTE1_G_LO)) !== 0 || (slbFlags & SLBV_N_BIT) !== 0) return XL_NOEXEC;
    if (!ppAllows(key, pp, false)) return XL_PROT;
  } else if (!ppAllows(key, pp, kind === ACC_WRITE)) {
    return XL_PROT;
  }
  const want = kind === ACC_WRITE ? PTE1_R_LO | PTE1_C_LO : PTE1_R_LO;
  if ((rLo & want) !== want) ht.setUint32(a + 12, rLo | want);
  // The real page: beyond 2^53 it loses low bits, but it is only ever compared with the RAM
  // size, which it exceeds either way.
  return (rHi & RPN_HI) * 2 ** 32 + ((rLo & RPN_LO) >>> 0);
}
