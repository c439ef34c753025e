/**
 * Interrupt delivery and MSR writes (Power ISA v3.0B Book III §7), as the pseries guest sees them:
 *  - SRR0 = the address the handler should return to (the faulting instruction, or the next one
 *    for `sc`), SRR1 = the old MSR with the interrupt's cause bits in 33:36 and 42:47.
 *  - new MSR: SF=1, HV and ME kept, everything else 0 (handler MSR 0x8000000000001000 seen);
 *    vector at real 0x000..0xfff, unless AIL=3 (H_SET_MODE) and the interrupted context ran
 *    with IR=DR=1: then the vector is 0xc000000000004000 + offset with IR=DR=1 kept.
 *  - PR=1 forces EE, IR and DR on (rfid/mtmsrd; seen on qemu).
 * Every function returns EXIT so an op can `return deliver(...)`.
 */
import type { Machine } from './machine.js';
import { EXIT } from './machine.js';
import { flushTlb } from './mmu.js';
import {
  AIL, DAR, DSISR, M_PR, MSR, MSR_BE, MSR_DR, MSR_EE, MSR_HV, MSR_IMPLEMENTED, MSR_IR, MSR_LE, MSR_ME, MSR_PR, MSR_SF,
  PC, RESV, SRR0, SRR1, get64, set64, syncModeFlags,
} from './state.js';

// SRR1 cause bits (LSB0 values).
export const SRR1_ISI_NOPTE = 0x40000000n; // bit 33
export const SRR1_ISI_NOEXEC = 0x10000000n; // bit 35
export const SRR1_ISI_PROT = 0x08000000n; // bit 36
export const SRR1_PROG_FP = 0x100000n; // bit 43
export const SRR1_PROG_ILLEGAL = 0x80000n; // bit 44
export const SRR1_PROG_PRIV = 0x40000n; // bit 45
export const SRR1_PROG_TRAP = 0x20000n; // bit 46
// DSISR bits (32-bit register).
export const DSISR_NOPTE = 0x40000000;
export const DSISR_PROT = 0x08000000;
export const DSISR_STORE = 0x02000000;

export const VEC_SYSTEM_RESET = 0x100;
export const VEC_MACHINE_CHECK = 0x200;
export const VEC_DSI = 0x300;
export const VEC_DSEG = 0x380;
export const VEC_ISI = 0x400;
export const VEC_ISEG = 0x480;
export const VEC_EXTERNAL = 0x500;
export const VEC_ALIGNMENT = 0x600;
export const VEC_PROGRAM = 0x700;
export const VEC_FP_UNAVAILABLE = 0x800;
export const VEC_DECREMENTER = 0x900;
export const VEC_SYSCALL = 0xc00;
export const VEC_TRACE = 0xd00;
export const VEC_VEC_UNAVAILABLE = 0xf20;
export const VEC_VSX_UNAVAILABLE = 0xf40;

/** Bits rfid copies from SRR1 (HV stays 0: the guest never runs in hypervisor state). */
const RFID_MASK = MSR_IMPLEMENTED & ~MSR_HV;

/** Write MSR the way rfid/mtmsrd do after their own masking; keeps the mode flags and TLBs right. */
export function setMsr(m: Machine, value: bigint): void {
  let v = value & MSR_IMPLEMENTED;
  if ((v & MSR_PR) !== 0n) v |= MSR_EE | MSR_IR | MSR_DR;
  if ((v & MSR_BE) !== 0n) {
    v &= ~MSR_BE;
    m.stop ??= { reason: 'error', status: 4, message: 'unsupported: branch tracing (MSR[BE]=1)' };
  }
  if ((v & MSR_LE) !== 0n) {
    v &= ~MSR_LE;
    m.stop ??= { reason: 'error', status: 4, message: 'unsupported: little-endian mode (MSR[LE]=1)' };
  }
  const oldPr = m.S[M_PR]!;
  set64(m.st, MSR, v);
  syncModeFlags(m.st);
  // The TLBs cache permission decisions, which depend on the key chosen by PR.
  if (m.S[M_PR] !== oldPr) flushTlb(m.mmu);
}

export function rfidMsr(m: Machine, srr1: bigint): void {
  setMsr(m, srr1 & RFID_MASK);
}

/**
 * Deliver an interrupt. `srr0` is the return address; `cause` goes into SRR1's cause bits.
 */
export function deliver(m: Machine, vector: number, srr0: bigint, cause: bigint = 0n): number {
  const msr = get64(m.st, MSR);
  m.irqs++;
  set64(m.st, SRR0, srr0);
  set64(m.st, SRR1, msr | cause);
  // A reservation never survives an interrupt and the rfid back (measured: rfid alone clears it
  // on qemu); clearing it here as well keeps a handler's own larx/stcx. independent.
  m.S[RESV] = 0;
  let newMsr = MSR_SF | (msr & (MSR_HV | MSR_ME));
  let target = BigInt(vector);
  const ail = m.S[AIL]!;
  const relocated = (msr & (MSR_IR | MSR_DR)) === (MSR_IR | MSR_DR);
  if (relocated && ail >= 2 && vector !== VEC_SYSTEM_RESET && vector !== VEC_MACHINE_CHECK) {
    newMsr |= MSR_IR | MSR_DR;
    target += ail === 3 ? 0xc000000000004000n : 0x18000n;
  }
  setMsr(m, newMsr);
  set64(m.st, PC, target);
  // The vector itself raised the same interrupt (no handler there: qemu spins forever on this).
  if (srr0 === target && (msr & (MSR_IR | MSR_PR)) === 0n) {
    m.stop ??= { reason: 'error', status: 4, message: `interrupt loop: the 0x${vector.toString(16)} vector at 0x${target.toString(16)} raises the same interrupt (no handler installed?)` };
  }
  m.hooks.interrupt?.({
    vector,
    srr0,
    srr1: msr | cause,
    fromPr: (msr & MSR_PR) !== 0n,
    dar: get64(m.st, DAR),
    dsisr: m.S[DSISR]! >>> 0,
  });
  return EXIT;
}

/** DSI (0x300): DAR = the EA, DSISR = cause bits. */
export function deliverDsi(m: Machine, pc: bigint, ea: bigint, dsisr: number): number {
  set64(m.st, DAR, ea);
  m.S[DSISR] = dsisr;
  m.faulted = true;
  return deliver(m, VEC_DSI, pc);
}

/** Data segment (0x380): DAR = the EA; DSISR keeps its old value (seen on qemu). */
export function deliverDseg(m: Machine, pc: bigint, ea: bigint): number {
  set64(m.st, DAR, ea);
  m.faulted = true;
  return deliver(m, VEC_DSEG, pc);
}

/**
 * Alignment (0x600): DAR = the EA; qemu ORs the instruction's bits 6:15 (RT/RS and RA) into
 * DSISR bits 22:31 and keeps the rest of DSISR (measured: 0x12340000 became 0x123402c0).
 */
export function deliverAlignment(m: Machine, pc: bigint, ea: bigint, word: number): number {
  set64(m.st, DAR, ea);
  m.S[DSISR] = m.S[DSISR]! | ((word >>> 16) & 0x3ff);
  m.faulted = true;
  return deliver(m, VEC_ALIGNMENT, pc);
}
