/**
 * System instructions (Power ISA v3.0B Book III and Book II): sc, rfid, MSR and SPR moves,
 * the timebase, storage synchronisation and cache hints, SLB and TLB management.
 * Privilege is checked at run time (MSR[PR] can change between executions of the same op);
 * hypervisor-only instructions (hrfid, tlbie, tlbsync) raise the privileged program interrupt
 * in the supervisor too, as on qemu's pseries guest.
 */
import { EXIT, SYNC } from '../machine.js';
import type { Op } from '../machine.js';
import { H_PUT_TERM_CHAR, hcall } from '../hcalls.js';
import {
  SRR1_PROG_ILLEGAL, SRR1_PROG_PRIV, VEC_PROGRAM, VEC_SYSCALL, deliver, rfidMsr, setMsr,
} from '../interrupts.js';
import { flushTlb, slbia, slbie, slbmfee, slbmfev, slbmte } from '../mmu.js';
import { checkSpr, isTimeSpr, readSpr, writeSpr } from '../spr.js';
import {
  CTR, LR, M_PR, M_SF, MSR, MSR_DR, MSR_EE, MSR_HV, MSR_IR, MSR_LE, MSR_ME, MSR_PR, MSR_RI, PAGE, PC, RESV, SRR0, SRR1,
  get64, set64,
} from '../state.js';
import { slotPc } from '../xlate.js';
import type { Core, Factory } from './core.js';
import { fld, cont } from './core.js';

const priv = (c: Core, idx: number): number => deliver(c.m, VEC_PROGRAM, slotPc(c.m, idx), SRR1_PROG_PRIV);

/** Continue at the next instruction through PC (after state changes the run loop must see). */
function exitNext(c: Core, idx: number): number {
  const { H, L, S } = c;
  // PAGE + 4 * (idx + 1), wrapping at 2^64, truncated in 32-bit mode (the mode after the op).
  const s = (L[PAGE]! >>> 0) + idx * 4 + 4;
  L[PC] = s | 0;
  H[PC] = S[M_SF] === 0 ? 0 : (H[PAGE]! + (s > 0xffffffff ? 1 : 0)) | 0;
  return EXIT;
}

/** A privileged instruction whose body runs only in the supervisor. */
function privileged(body: (c: Core, i: Parameters<Factory>[1], idx: number) => Op): Factory {
  return (c, i, idx) => {
    const run = body(c, i, idx);
    const S = c.S;
    return () => (S[M_PR] !== 0 ? priv(c, idx) : run());
  };
}

/** hrfid, tlbie, tlbsync: hypervisor-only, so always a privileged interrupt for this guest. */
const hypervisorOnly: Factory = (c, _i, idx) => () => priv(c, idx);

const sc: Factory = (c, i, idx) => {
  const lev = i.f['LEV'] ?? 0;
  const { m } = c;
  if (lev === 1) {
    // The hypercall needs the exact instruction count (console timing, RTAS), so it is a SYNC op.
    const op = (() => SYNC) as Op;
    const next = cont(idx + 1);
    // It leaves through PC (H_REMOVE may have unmapped the page this op runs from, RTAS may
    // stop the run), except for console output, which changes nothing the run loop depends on.
    op.sync = () => {
      const console = m.L[3] === H_PUT_TERM_CHAR;
      hcall(m);
      return console && m.stop === undefined ? next : exitNext(c, idx);
    };
    return op;
  }
  return () => deliver(m, VEC_SYSCALL, slotPc(m, idx) + 4n);
};

const rfid = privileged((c) => () => {
  const { m } = c;
  const srr0 = get64(m.st, SRR0);
  rfidMsr(m, get64(m.st, SRR1));
  m.S[RESV] = 0; // a reservation does not survive rfid (seen on qemu)
  set64(m.st, PC, (m.S[M_SF] === 0 ? srr0 & 0xffffffffn : srr0) & ~3n);
  return EXIT;
});

const mfmsr = privileged((c, i, idx) => {
  const { H, L } = c;
  const rt = fld(i, 'RT');
  return () => {
    H[rt] = H[MSR]!;
    L[rt] = L[MSR]!;
    return cont(idx + 1);
  };
});

/**
 * mtmsrd (64-bit) and mtmsr (low word only). L=1 moves only EE and RI. L=0 moves every bit
 * except HV, ME and LE (mtmsrd cannot set ME: seen on qemu); PR=1 forces EE/IR/DR (setMsr).
 */
function mtmsr(wide: boolean): Factory {
  return privileged((c, i, idx) => {
    const rs = fld(i, 'RS');
    const l = i.f['L'] ?? 0;
    const { m } = c;
    return () => {
      const old = get64(m.st, MSR);
      let v = get64(m.st, rs);
      if (l === 1) v = (old & ~(MSR_EE | MSR_RI)) | (v & (MSR_EE | MSR_RI));
      else {
        const keep = MSR_HV | MSR_ME | MSR_LE | (wide ? 0n : 0xffffffff00000000n);
        v = (old & keep) | (v & ~keep);
        if ((v & MSR_PR) !== 0n) v |= MSR_EE | MSR_IR | MSR_DR;
      }
      setMsr(m, v);
      return exitNext(c, idx);
    };
  });
}

/** mfspr/mtspr (and mftb). LR/CTR moves get direct closures; everything else goes through spr.ts. */
function moveSpr(write: boolean, field: 'SPR' | 'TBR'): Factory {
  return (c, i, idx) => {
    const { H, L, S, m } = c;
    const spr = fld(i, field);
    const reg = fld(i, write ? 'RS' : 'RT');
    const next = cont(idx + 1);
    if (spr === 8 || spr === 9) {
      const slot = spr === 8 ? LR : CTR;
      if (write) {
        return () => {
          H[slot] = H[reg]!;
          L[slot] = L[reg]!;
          return next;
        };
      }
      return () => {
        H[reg] = H[slot]!;
        L[reg] = L[slot]!;
        return next;
      };
    }
    const body = (): number => {
      const check = checkSpr(spr, write, S[M_PR] !== 0);
      if (check === 'priv') return priv(c, idx);
      if (check === 'noop') return next;
      if (write) {
        writeSpr(m, spr, get64(m.st, reg));
        // A DEC write moves the interrupt deadline; the run loop must recompute it.
        return spr === 22 ? exitNext(c, idx) : next;
      }
      set64(m.st, reg, readSpr(m, spr));
      return next;
    };
    if (!isTimeSpr(spr)) return body;
    const op = (() => SYNC) as Op;
    op.sync = body;
    return op;
  };
}

const nop: Factory = (_c, _i, idx) => {
  const next = cont(idx + 1);
  return () => next;
};

const slbmteOp = privileged((c, i, idx) => {
  const rs = fld(i, 'RS');
  const rb = fld(i, 'RB');
  const { m } = c;
  return () => {
    if (!slbmte(m.mmu, get64(m.st, rs), get64(m.st, rb))) return deliver(m, VEC_PROGRAM, slotPc(m, idx), SRR1_PROG_ILLEGAL);
    // Fetch translation may have changed under the current page.
    return exitNext(c, idx);
  };
});

function slbmf(which: 'esid' | 'vsid'): Factory {
  return privileged((c, i, idx) => {
    const rt = fld(i, 'RT');
    const rb = fld(i, 'RB');
    const { m } = c;
    return () => {
      const index = get64(m.st, rb) & 0xfffn;
      if (index >= 32n) return deliver(m, VEC_PROGRAM, slotPc(m, idx), SRR1_PROG_ILLEGAL);
      set64(m.st, rt, which === 'esid' ? slbmfee(m.mmu, index) : slbmfev(m.mmu, index));
      return cont(idx + 1);
    };
  });
}

const slbieOp = privileged((c, i, idx) => {
  const rb = fld(i, 'RB');
  const { m } = c;
  return () => {
    slbie(m.mmu, get64(m.st, rb));
    return exitNext(c, idx);
  };
});

const slbiaOp = privileged((c, _i, idx) => {
  const { m } = c;
  return () => {
    slbia(m.mmu);
    return exitNext(c, idx);
  };
});

const tlbiel = privileged((c, _i, idx) => {
  const { m } = c;
  return () => {
    flushTlb(m.mmu);
    return exitNext(c, idx);
  };
});

export const SYSTEM: Readonly<Record<string, Factory>> = {
  sc,
  rfid,
  hrfid: hypervisorOnly,
  tlbie: hypervisorOnly,
  tlbsync: hypervisorOnly,
  mfmsr,
  mtmsr: mtmsr(false),
  mtmsrd: mtmsr(true),
  mfspr: moveSpr(false, 'SPR'),
  mtspr: moveSpr(true, 'SPR'),
  mftb: moveSpr(false, 'TBR'),
  sync: nop,
  eieio: nop,
  isync: nop,
  dcbst: nop,
  dcbf: nop,
  dcbt: nop,
  dcbtst: nop,
  icbi: nop,
  icbt: nop,
  slbmte: slbmteOp,
  slbmfee: slbmf('esid'),
  slbmfev: slbmf('vsid'),
  slbie: slbieOp,
  slbia: slbiaOp,
  tlbiel,
};
