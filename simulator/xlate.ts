/**
 * The hot path of every memory access: effective address (as hi/lo int32 words) → offset into
 * the RAM buffer, or -1 after an interrupt was delivered.
 *
 *  - 32-bit mode (MSR[SF]=0) truncates the EA to 32 bits.
 *  - Real mode ignores the top 4 EA bits (pseries vhyp: EA == guest real address).
 *  - Beyond RAM, loads read the zero page and stores go to the sink page (no trap, as on qemu).
 *  - Translated accesses hit a direct-mapped TLB per access kind; misses and page-straddling
 *    accesses go to the slow path (mmu.ts translateWords, still on words); only a fault builds
 *    the bigint EA its interrupt reports.
 */
import type { Machine } from './machine.js';
import { EXIT } from './machine.js';
import { PAGE_SIZE } from './memory.js';
import {
  ACC_FETCH, ACC_READ, ACC_WRITE, TLB_SIZE, XL_NOEXEC, XL_NOPTE, XL_PROT, XL_SEGMENT, XL_UNSUPPORTED, translateWords,
} from './mmu.js';
import type { AccessKind } from './mmu.js';
import {
  DSISR_NOPTE, DSISR_PROT, DSISR_STORE, SRR1_ISI_NOEXEC, SRR1_ISI_NOPTE, SRR1_ISI_PROT, VEC_ISEG, VEC_ISI,
  deliver, deliverDseg, deliverDsi,
} from './interrupts.js';
import { M_DR, M_IR, M_PR, M_SF, PAGE } from './state.js';

/** (eaHi, eaLo, size, slot index of the instruction) → RAM offset or -1. */
export type DataXlate = (eh: number, el: number, size: number, idx: number) => number;

export interface Translators {
  readonly xr: DataXlate;
  readonly xw: DataXlate;
  /** Fetch: EA of a code page → real page base, or -1 after ISI/ISEG. */
  readonly xf: (eh: number, el: number) => number;
}

const TLB_MASK = TLB_SIZE - 1;

export const toBig = (h: number, l: number): bigint => (BigInt(h >>> 0) << 32n) | BigInt(l >>> 0);

/** Address of the instruction in slot `idx` of the current code page. */
export function slotPc(m: Machine, idx: number): bigint {
  return toBig(m.H[PAGE]!, m.L[PAGE]!) + BigInt(idx * 4);
}

export function createTranslators(m: Machine): Translators {
  const S = m.S;
  const mmu = m.mmu;
  const ramSize = m.mem.ramSize;
  const { rTagH, rTagL, rPage, wTagH, wTagL, wPage, xTagH, xTagL, xPage } = mmu;

  const xr: DataXlate = (eh, el, size, idx) => {
    if (S[M_SF] === 0) eh = 0;
    if (S[M_DR] === 0) {
      const a = el >>> 0;
      if ((eh & 0x0fffffff) === 0 && a + size <= ramSize) return a;
      return slowData(m, eh, el, size, ACC_READ, idx);
    }
    const vpn = el >>> 12;
    const i = vpn & TLB_MASK;
    const off = el & 0xfff;
    if (rTagL[i] === vpn && rTagH[i] === eh && off + size <= PAGE_SIZE) return (rPage[i]! >>> 0) + off;
    return slowData(m, eh, el, size, ACC_READ, idx);
  };

  const xw: DataXlate = (eh, el, size, idx) => {
    if (S[M_SF] === 0) eh = 0;
    if (S[M_DR] === 0) {
      const a = el >>> 0;
      if ((eh & 0x0fffffff) === 0 && a + size <= ramSize) return a;
      return slowData(m, eh, el, size, ACC_WRITE, idx);
    }
    const vpn = el >>> 12;
    const i = vpn & TLB_MASK;
    const off = el & 0xfff;
    if (wTagL[i] === vpn && wTagH[i] === eh && off + size <= PAGE_SIZE) return (wPage[i]! >>> 0) + off;
    return slowData(m, eh, el, size, ACC_WRITE, idx);
  };

  const xf = (eh: number, el: number): number => {
    if (S[M_SF] === 0) eh = 0;
    if (S[M_IR] === 0) {
      const a = (el >>> 0) & ~0xfff;
      if ((eh & 0x0fffffff) === 0 && a < ramSize) return a;
      return m.mem.zeroPage;
    }
    const vpn = el >>> 12;
    const i = vpn & TLB_MASK;
    if (xTagL[i] === vpn && xTagH[i] === eh) return xPage[i]! >>> 0;
    return slowFetch(m, eh, el);
  };

  return { xr, xw, xf };
}

/** Real page base of the page holding the EA (eh, el), or an XL_* code. */
function pageOf(m: Machine, eh: number, el: number, kind: AccessKind, translated: boolean): number {
  if (!translated) {
    // Real mode: EA bits 4..51 are the real page; RAM is below 2^32.
    const real = (el & ~0xfff) >>> 0;
    return (eh & 0x0fffffff) === 0 && real < m.mem.ramSize ? real : beyond(m, kind);
  }
  const p = translateWords(m.mmu, eh, el & ~0xfff, kind, m.S[M_PR] === 1);
  if (p < 0) return p;
  return p < m.mem.ramSize ? p : beyond(m, kind);
}

const beyond = (m: Machine, kind: AccessKind): number => (kind === ACC_WRITE ? m.mem.sinkPage : m.mem.zeroPage);

function insertTlb(m: Machine, kind: AccessKind, eh: number, el: number, page: number): void {
  const vpn = el >>> 12;
  const i = vpn & TLB_MASK;
  const mmu = m.mmu;
  const [tH, tL, p] =
    kind === ACC_READ ? [mmu.rTagH, mmu.rTagL, mmu.rPage] : kind === ACC_WRITE ? [mmu.wTagH, mmu.wTagL, mmu.wPage] : [mmu.xTagH, mmu.xTagL, mmu.xPage];
  tH[i] = eh;
  tL[i] = vpn;
  p[i] = page | 0;
}

function dataFault(m: Machine, code: number, ea: bigint, kind: AccessKind, idx: number): number {
  const pc = slotPcOf(m, idx);
  const store = kind === ACC_WRITE ? DSISR_STORE : 0;
  switch (code) {
    case XL_SEGMENT:
      return deliverDseg(m, pc, ea);
    case XL_NOPTE:
      return deliverDsi(m, pc, ea, DSISR_NOPTE | store);
    case XL_PROT:
    case XL_NOEXEC:
      return deliverDsi(m, pc, ea, DSISR_PROT | store);
    default:
      unsupported(m, ea);
      return EXIT;
  }
}

function unsupported(m: Machine, ea: bigint): void {
  m.stop ??= {
    reason: 'error',
    status: 4,
    message: `unsupported: translation of 0x${ea.toString(16)} needs a 1 TB or large-page segment, which this simulator does not model`,
  };
}

function slotPcOf(m: Machine, idx: number): bigint {
  const pc = slotPc(m, idx);
  return m.S[M_SF] === 0 ? pc & 0xffffffffn : pc;
}

/** xr/xw's slow path; eh is already 0 in 32-bit mode. */
function slowData(m: Machine, eh: number, el: number, size: number, kind: AccessKind, idx: number): number {
  const translated = m.S[M_DR] === 1;
  const off = el & 0xfff;
  const p1 = pageOf(m, eh, el, kind, translated);
  if (p1 < 0) return dataFault(m, p1, toBig(eh, el), kind, idx);
  if (off + size <= PAGE_SIZE) {
    if (translated) insertTlb(m, kind, eh, el, p1);
    return p1 + off;
  }
  // The access straddles two pages: the second starts at the next page boundary (wrapping at
  // 2^64, or at 2^32 in 32-bit mode).
  const el2 = ((el | 0xfff) + 1) | 0;
  const eh2 = el2 === 0 && m.S[M_SF] !== 0 ? (eh + 1) | 0 : eh;
  const p2 = pageOf(m, eh2, el2, kind, translated);
  if (p2 < 0) return dataFault(m, p2, toBig(eh2, el2), kind, idx);
  const len1 = PAGE_SIZE - off;
  const len2 = size - len1;
  const pa1 = p1 + off;
  const inRam = (p: number): boolean => p < m.mem.ramSize;
  if (inRam(p1) && inRam(p2) && p2 === p1 + PAGE_SIZE) return pa1;
  const mem = m.mem;
  if (kind === ACC_WRITE) {
    mem.bounce = { pa1: inRam(p1) ? pa1 : -1, len1, pa2: inRam(p2) ? p2 : -1, len2 };
    return mem.sinkPage;
  }
  const rb = mem.readBounce;
  mem.u8.copyWithin(rb, pa1, pa1 + len1);
  mem.u8.copyWithin(rb + len1, p2, p2 + len2);
  return rb;
}

function slowFetch(m: Machine, eh: number, el: number): number {
  const p = translateWords(m.mmu, eh, el & ~0xfff, ACC_FETCH, m.S[M_PR] === 1);
  if (p >= 0) {
    const page = p < m.mem.ramSize ? p : m.mem.zeroPage;
    insertTlb(m, ACC_FETCH, eh, el, page);
    return page;
  }
  // ISI/ISEG: SRR0 is the address of the instruction that could not be fetched.
  const pc = toBig(eh, el);
  if (p === XL_SEGMENT) return deliver(m, VEC_ISEG, pc);
  if (p === XL_NOPTE) return deliver(m, VEC_ISI, pc, SRR1_ISI_NOPTE);
  if (p === XL_PROT) return deliver(m, VEC_ISI, pc, SRR1_ISI_PROT);
  if (p === XL_NOEXEC) return deliver(m, VEC_ISI, pc, SRR1_ISI_NOEXEC);
  unsupported(m, toBig(eh, el & ~0xfff));
  return EXIT;
}

