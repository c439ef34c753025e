/**
 * The floating-point, vector (VMX) and VSX register files, as far as a PR-KVM host and guest
 * move them around (Book I chapters 4, 6, 7): doubleword and quadword loads and stores, the
 * register copies fmr, vor and xxlor, and mffs. Arithmetic on these registers is not modelled
 * (step.ts stops with a diagnostic naming the instruction).
 *
 * Every op first checks its facility bit in the MSR and raises the matching unavailable
 * interrupt (0x800 FP, 0xf20 VMX, 0xf40 VSX) when it is off: that is how a lazy-switching
 * host learns that the guest wants the facility (SRR1 = MSR, no cause bits: measured on qemu).
 */
import type { Op } from '../machine.js';
import { EXIT } from '../machine.js';
import { VEC_FP_UNAVAILABLE, VEC_VEC_UNAVAILABLE, VEC_VSX_UNAVAILABLE, deliver } from '../interrupts.js';
import { CR, FPSCR, M_FP, M_SF, M_VEC, M_VSX } from '../state.js';
import { slotPc } from '../xlate.js';
import type { Core, Factory, Insn } from './core.js';
import { fld, sext16, cont } from './core.js';

type Facility = 'fp' | 'vec' | 'vsx';

/** Wrap a body so that it runs only with its facility enabled. */
function guarded(c: Core, idx: number, facility: Facility, body: Op): Op {
  const { S, m } = c;
  const [bit, vector] =
    facility === 'fp' ? [M_FP, VEC_FP_UNAVAILABLE] : facility === 'vec' ? [M_VEC, VEC_VEC_UNAVAILABLE] : [M_VSX, VEC_VSX_UNAVAILABLE];
  return () => (S[bit] === 0 ? deliver(m, vector, slotPc(m, idx)) : body());
}

/** EA = (RA|0) + D or (RA|0) + RB into T[0] (high), T[1] (low), truncated in 32-bit mode. */
function ea(c: Core, ra: number, rb: number, d: number): void {
  const { H, L, S, T } = c;
  const bl = ra ? L[ra]! : 0;
  const bh = ra ? H[ra]! : 0;
  const xl = rb >= 0 ? L[rb]! : d;
  const xh = rb >= 0 ? H[rb]! : d < 0 ? -1 : 0;
  const s = (bl >>> 0) + (xl >>> 0);
  T[1] = s | 0;
  T[0] = S[M_SF] === 0 ? 0 : (bh + xh + (s > 0xffffffff ? 1 : 0)) | 0;
}

/**
 * A load or store of `words` words between memory and VSR `vsr` starting at word 0
 * (lfd/stfd: 2 words of an FPR; lvx/stvx/lxvd2x/stxvd2x: 4 words). `align` masks the EA
 * (lvx/stvx ignore the low 4 bits).
 */
function vsrAccess(facility: Facility, store: boolean, words: 2 | 4, form: 'd' | 'x', update: boolean, regField: string, vsrBase: number, align: number): Factory {
  return (c, i, idx) => {
    const { H, L, T, dv, cf, wrote, xr, xw, m } = c;
    const V = m.st.V;
    const reg = vsrBase + fld(i, regField);
    const ra = fld(i, 'RA');
    const rb = form === 'x' ? fld(i, 'RB') : -1;
    const d = form === 'd' ? sext16(fld(i, 'D')) : 0;
    const size = words * 4;
    const next = cont(idx + 1);
    return guarded(c, idx, facility, () => {
      ea(c, ra, rb, d);
      const eh = T[0]!;
      const el = T[1]! & ~align;
      const pa = store ? xw(eh, el, size, idx) : xr(eh, el, size, idx);
      if (pa < 0) return EXIT;
      for (let k = 0; k < words; k++) {
        if (store) dv.setInt32(pa + 4 * k, V[reg * 4 + k]!);
        else V[reg * 4 + k] = dv.getInt32(pa + 4 * k);
      }
      if (store && cf[pa >>> 12] !== 0) wrote(pa, size);
      if (update) {
        H[ra] = eh;
        L[ra] = el;
      }
      return next;
    });
  };
}

/** A register-to-register copy/or of `words` words: VSR[t] = VSR[a] | VSR[b]. */
function vsrOr(facility: Facility, words: 2 | 4, t: [string, number], a: [string, number], b: [string, number]): Factory {
  return (c, i, idx) => {
    const { S, m } = c;
    const V = m.st.V;
    const rt = (t[1] + fld(i, t[0])) * 4;
    const ra = (a[1] + fld(i, a[0])) * 4;
    const rb = (b[1] + fld(i, b[0])) * 4;
    const rc = i.rc;
    const next = cont(idx + 1);
    return guarded(c, idx, facility, () => {
      for (let k = 0; k < words; k++) V[rt + k] = V[ra + k]! | V[rb + k]!;
      // fmr.: CR1 = FPSCR[FX, FEX, VX, OX]; nothing modelled here ever sets those bits.
      if (rc) S[CR] = (S[CR]! & ~0x0f000000) | (((S[FPSCR]! >>> 28) & 0xf) << 24);
      return next;
    });
  };
}

const mffs: Factory = (c, i: Insn, idx) => {
  const { S, m } = c;
  const V = m.st.V;
  const rt = fld(i, 'FRT') * 4;
  const next = cont(idx + 1);
  return guarded(c, idx, 'fp', () => {
    V[rt] = 0;
    V[rt + 1] = S[FPSCR]!;
    return next;
  });
};

export const VECTOR: Readonly<Record<string, Factory>> = {
  lfd: vsrAccess('fp', false, 2, 'd', false, 'FRT', 0, 0),
  lfdu: vsrAccess('fp', false, 2, 'd', true, 'FRT', 0, 0),
  lfdx: vsrAccess('fp', false, 2, 'x', false, 'FRT', 0, 0),
  lfdux: vsrAccess('fp', false, 2, 'x', true, 'FRT', 0, 0),
  stfd: vsrAccess('fp', true, 2, 'd', false, 'FRS', 0, 0),
  stfdu: vsrAccess('fp', true, 2, 'd', true, 'FRS', 0, 0),
  stfdx: vsrAccess('fp', true, 2, 'x', false, 'FRS', 0, 0),
  stfdux: vsrAccess('fp', true, 2, 'x', true, 'FRS', 0, 0),
  fmr: vsrOr('fp', 2, ['FRT', 0], ['FRB', 0], ['FRB', 0]),
  mffs,
  lvx: vsrAccess('vec', false, 4, 'x', false, 'VRT', 32, 15),
  stvx: vsrAccess('vec', true, 4, 'x', false, 'VRS', 32, 15),
  vor: vsrOr('vec', 4, ['VRT', 32], ['VRA', 32], ['VRB', 32]),
  lxvd2x: vsrAccess('vsx', false, 4, 'x', false, 'XT', 0, 0),
  stxvd2x: vsrAccess('vsx', true, 4, 'x', false, 'XS', 0, 0),
  xxlor: vsrOr('vsx', 4, ['XT', 0], ['XA', 0], ['XB', 0]),
};
