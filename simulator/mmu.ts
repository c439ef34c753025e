/**
 * The Book3S-64 hash MMU as a pseries guest sees it (Power ISA v3.0B Book III §5.7):
 * a 32-entry SLB managed with slbmte/slbie/slbia, and a hashed page table that lives outside
 * guest memory and is changed only through hypercalls (H_ENTER/H_REMOVE/..., hcalls.ts).
 *
 * Supported: 256 MB segments with 4 KB pages, protection by PP bits and the SLB Ks/Kp keys,
 * no-execute (HPTE N, G, SLB N), R and C bits. A 1 TB segment or a large-page segment is not
 * modelled: translating through one stops the run with a diagnostic instead of guessing.
 *
 * The slow path here works on bigint; the hot path (tlb + translators, built in xlate.ts) caches
 * the result per 4 KB page in three small direct-mapped TLBs (read, write, fetch).
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

/** slbmte RS,RB. Returns false for an index beyond the SLB (the caller raises illegal-instruction). */
export function slbmte(m: Mmu, rs: bigint, rb: bigint): boolean {
  const index = Number(rb & 0xfffn);
  if (index >= SLB_SIZE) return false;
  m.slbEsid[index] = rb & (SLBE_ESID_MASK | SLBE_V);
  m.slbVsid[index] = rs;
  flushTlb(m);
  return true;
}

export const slbmfee = (m: Mmu, rb: bigint): bigint => m.slbEsid[Number(rb & 0xfffn) % SLB_SIZE]!;
export const slbmfev = (m: Mmu, rb: bigint): bigint => m.slbVsid[Number(rb & 0xfffn) % SLB_SIZE]!;

/** slbie RB: invalidate the entry translating the ESID in RB. */
export function slbie(m: Mmu, rb: bigint): void {
  const i = slbLookup(m, rb);
  if (i >= 0) m.slbEsid[i] = m.slbEsid[i]! & ~SLBE_V;
  flushTlb(m);
}

/** slbia: every entry except entry 0 (Power ISA; seen on qemu, pseries-platform.md §6). */
export function slbia(m: Mmu): void {
  for (let i = 1; i < SLB_SIZE; i++) m.slbEsid[i] = m.slbEsid[i]! & ~SLBE_V;
  flushTlb(m);
}

/** Index of the valid SLB entry whose segment contains `ea`, or -1. */
export function slbLookup(m: Mmu, ea: bigint): number {
  for (let i = 0; i < SLB_SIZE; i++) {
    const e = m.slbEsid[i]!;
    if ((e & SLBE_V) === 0n) continue;
    const b = m.slbVsid[i]! >> SLBV_B_SHIFT;
    if (b === 0n ? (e >> 28n) === ((ea >> 28n) & 0xfffffffffn) : (e >> 40n) === ((ea >> 40n) & 0xffffffn)) return i;
  }
  return -1;
}

// ---- Translation slow path -----------------------------------------------------------------

export const ACC_READ = 0;
export const ACC_WRITE = 1;
export const ACC_FETCH = 2;
export type AccessKind = 0 | 1 | 2;

/** Outcome codes of translate() when it does not return a page (>= 0). */
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
 * Translate `ea` for an access of `kind` in the current protection state. Returns the real
 * address of the 4 KB page (>= 0) or one of the XL_* codes. Sets R (and C for writes) in the HPTE.
 */
export function translate(m: Mmu, ea: bigint, kind: AccessKind, pr: boolean): number {
  const slot = slbLookup(m, ea);
  if (slot < 0) return XL_SEGMENT;
  const vs = m.slbVsid[slot]!;
  if (vs >> SLBV_B_SHIFT !== 0n || (vs & SLBV_L) !== 0n) return XL_UNSUPPORTED;
  const vsid = (vs >> SLBV_VSID_SHIFT) & VSID_MASK_256M;
  const pageIndex = (ea & 0x0fffffffn) >> 12n;
  const avpn = (vsid << 5n) | ((ea >> 23n) & 0x1fn);
  const hash = Number(((vsid & 0x7fffffffffn) ^ pageIndex) & BigInt(m.htabMask));
  for (let h = 0; h < 2; h++) {
    const pteg = h === 0 ? hash : ~hash & m.htabMask;
    for (let i = 0; i < 8; i++) {
      const ptex = pteg * 8 + i;
      const [v, r] = readPte(m, ptex);
      if ((v & HPTE0_V) === 0n) continue;
      if (((v & HPTE0_H) !== 0n) !== (h === 1)) continue;
      if (v >> 62n !== 0n || (v & HPTE0_L) !== 0n) continue;
      if (((v >> HPTE0_AVPN_SHIFT) & AVPN_MASK) !== avpn) continue;
      return checkAndMark(m, ptex, vs, v, r, kind, pr);
    }
  }
  return XL_NOPTE;
}

function checkAndMark(m: Mmu, ptex: number, vs: bigint, v: bigint, r: bigint, kind: AccessKind, pr: boolean): number {
  const key = (vs & (pr ? SLBV_KP : SLBV_KS)) !== 0n ? 1 : 0;
  const pp = ((r & HPTE1_PP0) !== 0n ? 4 : 0) | Number(r & HPTE1_PP);
  if (kind === ACC_FETCH) {
    if ((r & (HPTE1_N | HPTE1_G)) !== 0n || (vs & SLBV_N) !== 0n) return XL_NOEXEC;
    if (!ppAllows(key, pp, false)) return XL_PROT;
  } else if (!ppAllows(key, pp, kind === ACC_WRITE)) {
    return XL_PROT;
  }
  const want = kind === ACC_WRITE ? HPTE1_R | HPTE1_C : HPTE1_R;
  if ((r & want) !== want) writePte(m, ptex, v, r | want);
  return Number(r & HPTE1_RPN_MASK);
}
