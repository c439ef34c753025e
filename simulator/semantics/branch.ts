/**
 * Branches (Power ISA v3.0B Book I §2.4): b, bc, bclr, bcctr, bctar.
 *
 * A relative branch whose target lies in the same 4 KB page returns the target's slot index
 * directly (computed once in the factory), so a loop never leaves the run loop's fast path.
 * Other targets are written to PC and the op returns EXIT.
 * BO bits (MSB0): 0 = ignore the CR bit, 1 = the CR value to match, 2 = do not decrement CTR,
 * 3 = branch when CTR == 0 (else != 0), 4 = hint. In 32-bit mode only CTR[32:63] is tested and
 * targets and LR are 32-bit addresses.
 */
import { EXIT } from '../machine.js';
import { SRR1_PROG_ILLEGAL, VEC_PROGRAM, deliver } from '../interrupts.js';
import { slotPc } from '../xlate.js';
import { SLOTS_PER_PAGE } from '../memory.js';
import { CR, CTR, LR, M_SF, PAGE, PC, TAR } from '../state.js';
import type { Core, Factory } from './core.js';
import { bitAA, bitLK, fld, sext14, sext24, cont } from './core.js';

/** Write (PAGE + off) [+ base 0 when absolute] to register slot `dst`, truncated in 32-bit mode. */
export function setAddr(c: Core, dst: number, absolute: boolean, off: number): void {
  const { H, L, S } = c;
  let h: number;
  let l: number;
  if (absolute) {
    l = off | 0;
    h = off < 0 ? -1 : 0;
  } else {
    const s = (L[PAGE]! >>> 0) + off;
    const carry = s > 0xffffffff ? 1 : s < 0 ? -1 : 0;
    l = s | 0;
    h = (H[PAGE]! + carry) | 0;
  }
  if (S[M_SF] === 0) h = 0;
  H[dst] = h;
  L[dst] = l;
}

/** Decide a conditional branch from BO/BI; decrements CTR when BO says so. */
function makeCond(c: Core, bo: number, bi: number): () => boolean {
  const { H, L, S } = c;
  const testCr = (bo & 0x10) === 0;
  const want = (bo >>> 3) & 1;
  const decrement = (bo & 0x04) === 0;
  const branchIfZero = (bo & 0x02) !== 0;
  const shift = 31 - bi;
  return () => {
    let ok = true;
    if (decrement) {
      const l = (L[CTR]! - 1) | 0;
      let h = H[CTR]!;
      if (l === -1) h = (h - 1) | 0;
      L[CTR] = l;
      H[CTR] = h;
      const zero = S[M_SF] !== 0 ? (l | h) === 0 : l === 0;
      ok = zero === branchIfZero;
    }
    if (ok && testCr) ok = ((S[CR]! >>> shift) & 1) === want;
    return ok;
  };
}

const b: Factory = (c, i, idx) => {
  const disp = sext24(fld(i, 'LI')) * 4;
  const absolute = bitAA(i) === 1;
  const link = bitLK(i) === 1;
  const targetSlot = idx + disp / 4;
  const inPage = !absolute && targetSlot >= 0 && targetSlot < SLOTS_PER_PAGE;
  const target = cont(targetSlot);
  const pcOff = idx * 4;
  if (inPage && !link) return () => target;
  return () => {
    if (link) setAddr(c, LR, false, pcOff + 4);
    if (inPage) return target;
    setAddr(c, PC, absolute, absolute ? disp : pcOff + disp);
    return EXIT;
  };
};

const bc: Factory = (c, i, idx) => {
  const { H, L, S } = c;
  const bo = fld(i, 'BO');
  const bi = fld(i, 'BI');
  const disp = sext14(fld(i, 'BD')) * 4;
  const absolute = bitAA(i) === 1;
  const link = bitLK(i) === 1;
  const targetSlot = idx + disp / 4;
  const inPage = !absolute && targetSlot >= 0 && targetSlot < SLOTS_PER_PAGE;
  const target = cont(targetSlot);
  const pcOff = idx * 4;
  const next = cont(idx + 1);
  // bdnz within the page: the loop-closing branch of most counted loops.
  if (bo === 16 && inPage && !link) {
    return () => {
      const l = (L[CTR]! - 1) | 0;
      let h = H[CTR]!;
      if (l === -1) h = (h - 1) | 0;
      L[CTR] = l;
      H[CTR] = h;
      return (S[M_SF] !== 0 ? (l | h) !== 0 : l !== 0) ? target : next;
    };
  }
  // A CR-bit test without CTR (beq, bne, blt, ...) within the page.
  if ((bo & 0x14) === 0x04 && inPage && !link) {
    const shift = 31 - bi;
    const want = (bo >>> 3) & 1;
    return () => (((S[CR]! >>> shift) & 1) === want ? target : next);
  }
  const cond = makeCond(c, bo, bi);
  return () => {
    const taken = cond();
    if (link) setAddr(c, LR, false, pcOff + 4);
    if (!taken) return next;
    if (inPage) return target;
    setAddr(c, PC, absolute, absolute ? disp : pcOff + disp);
    return EXIT;
  };
};

/**
 * bclr/bcctr/bctar: the target comes from a register (low 2 bits cleared), read before LK writes LR.
 * A target in the current code page continues there like a relative branch (a return to the
 * caller in the same page stays in the run loop's fast path); any other target goes through PC.
 */
function bcReg(reg: number): Factory {
  return (c, i, idx) => {
    const { H, L, S } = c;
    const bo = fld(i, 'BO');
    const bi = fld(i, 'BI');
    const link = bitLK(i) === 1;
    const pcOff = idx * 4;
    const next = cont(idx + 1);
    // bcctr with BO[2]=0 (decrement CTR) is an invalid form: qemu raises illegal instruction.
    if (reg === CTR && (bo & 0x04) === 0) return () => deliver(c.m, VEC_PROGRAM, slotPc(c.m, idx), SRR1_PROG_ILLEGAL);
    const cond = makeCond(c, bo, bi);
    return () => {
      const taken = cond();
      const th = H[reg]!;
      const tl = L[reg]! & ~3;
      if (link) setAddr(c, LR, false, pcOff + 4);
      if (!taken) return next;
      const h = S[M_SF] === 0 ? 0 : th;
      if (h === H[PAGE] && ((tl ^ L[PAGE]!) & ~0xfff) === 0) return cont((tl & 0xfff) >>> 2);
      H[PC] = h;
      L[PC] = tl;
      return EXIT;
    };
  };
}

export const BRANCH: Readonly<Record<string, Factory>> = {
  b,
  bc,
  bclr: bcReg(LR),
  bcctr: bcReg(CTR),
  bctar: bcReg(TAR),
};
