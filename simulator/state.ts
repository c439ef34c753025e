/**
 * Architected CPU state of one Book3S-64 hardware thread, laid out for the interpreter's hot loop.
 *
 * 64-bit registers live in two Int32Arrays, `H` (high word) and `L` (low word), indexed by the
 * constants below: GPRs at 0..31, then the 64-bit SPRs. V8 keeps int32 arithmetic unboxed, so a
 * 64-bit add is two int32 ops plus a carry test; BigInt or BigUint64Array would allocate or box on
 * every access. Small fields (CR, XER bits, mode flags) live in the Int32Array `S`. The semantics
 * closures capture these arrays directly (see semantics/), which measured ~20% faster than going
 * through a state object on every access.
 *
 * At API boundaries everything is bigint: use get64/set64 and snapshot().
 */

/** Indices into H/L for 64-bit registers. */
export const GPR0 = 0;
export const LR = 32;
export const CTR = 33;
export const SRR0 = 34;
export const SRR1 = 35;
export const SPRG0 = 36; // SPRG0..SPRG3 = 36..39
export const DAR = 40;
export const MSR = 41;
/** Address of the next instruction when the run loop is outside a code page (see step.ts). */
export const PC = 42;
/** Effective address of the code page the run loop is executing from. */
export const PAGE = 43;
export const HID5 = 44;
export const CFAR = 45;
export const AMR = 46;
export const PPR = 47;
export const DSCR = 48;
export const CTRL = 49;
export const TAR = 50;
/** Number of H/L slots. */
export const NREG64 = 56;

/** Indices into S. */
export const CR = 0;
export const XER_SO = 1;
export const XER_OV = 2;
export const XER_CA = 3;
export const XER_OV32 = 4;
export const XER_CA32 = 5;
/** XER bits 57:63 (the string-instruction byte count) and the other writable low bits. */
export const XER_BC = 6;
export const DSISR = 7;
/** Mode flags derived from MSR (0/1), kept in sync by setMsr(). */
export const M_SF = 8;
export const M_PR = 9;
export const M_IR = 10;
export const M_DR = 11;
export const M_EE = 12;
export const M_FP = 13;
export const M_VEC = 14;
export const M_VSX = 15;
export const M_SE = 23;
/**
 * Load-reserve state, modelled as qemu does: valid flag, the reserved effective address
 * (high, low), the size in bytes and the value loaded (high, low). A stcx. succeeds when the
 * address and size match and memory still holds the value.
 */
export const RESV = 16;
export const RESV_EH = 17;
export const RESV_EL = 18;
export const RESV_SIZE = 19;
export const RESV_VH = 20;
export const RESV_VL = 21;
/** Address translation mode for interrupts taken with IR=DR=1 (H_SET_MODE resource 3). */
export const AIL = 22;
/** FPSCR (low word; the modelled FP instructions never change it). */
export const FPSCR = 24;
export const NSCALAR = 28;

/** MSR bits (LSB0 bit numbers in the comments, as Linux's reg.h names them). */
export const MSR_SF = 1n << 63n;
export const MSR_HV = 1n << 60n;
export const MSR_VEC = 1n << 25n;
export const MSR_VSX = 1n << 23n;
export const MSR_EE = 1n << 15n;
export const MSR_PR = 1n << 14n;
export const MSR_FP = 1n << 13n;
export const MSR_ME = 1n << 12n;
export const MSR_FE0 = 1n << 11n;
export const MSR_SE = 1n << 10n;
export const MSR_BE = 1n << 9n;
export const MSR_FE1 = 1n << 8n;
export const MSR_IR = 1n << 5n;
export const MSR_DR = 1n << 4n;
export const MSR_PMM = 1n << 2n;
export const MSR_RI = 1n << 1n;
export const MSR_LE = 1n << 0n;
/** The MSR bits this CPU implements (POWER9 without TM); every other bit reads as 0. */
export const MSR_IMPLEMENTED =
  MSR_SF | MSR_HV | MSR_VEC | MSR_VSX | MSR_EE | MSR_PR | MSR_FP | MSR_ME | MSR_FE0 | MSR_SE | MSR_BE | MSR_FE1 | MSR_IR | MSR_DR | MSR_PMM | MSR_RI | MSR_LE;

export interface CpuState {
  readonly H: Int32Array;
  readonly L: Int32Array;
  readonly S: Int32Array;
  /** The 64 VSRs, four big-endian words each: FPR n is VSR n doubleword 0, VR n is VSR 32+n. */
  readonly V: Int32Array;
  /** SPRs without a dedicated slot that read back what was written (number → value). */
  readonly otherSpr: Map<number, bigint>;
}

export function createCpuState(): CpuState {
  return { H: new Int32Array(NREG64), L: new Int32Array(NREG64), S: new Int32Array(NSCALAR), V: new Int32Array(256), otherSpr: new Map() };
}

export function get64(st: CpuState, i: number): bigint {
  return (BigInt(st.H[i]! >>> 0) << 32n) | BigInt(st.L[i]! >>> 0);
}

export function set64(st: CpuState, i: number, v: bigint): void {
  st.H[i] = Number((v >> 32n) & 0xffffffffn) | 0;
  st.L[i] = Number(v & 0xffffffffn) | 0;
}

export function getXer(st: CpuState): bigint {
  const S = st.S;
  const w = (S[XER_SO]! << 31) | (S[XER_OV]! << 30) | (S[XER_CA]! << 29) | (S[XER_OV32]! << 19) | (S[XER_CA32]! << 18) | (S[XER_BC]! & 0x7f);
  return BigInt(w >>> 0);
}

/** Low 32 bits of an mtxer value (the high half of XER is reserved and reads as 0). */
export function setXer32(S: Int32Array, w: number): void {
  S[XER_SO] = (w >>> 31) & 1;
  S[XER_OV] = (w >>> 30) & 1;
  S[XER_CA] = (w >>> 29) & 1;
  S[XER_OV32] = (w >>> 19) & 1;
  S[XER_CA32] = (w >>> 18) & 1;
  S[XER_BC] = w & 0x7f;
}

/** Refresh the S mode flags after MSR changed (the caller is responsible for TLB effects). */
export function syncModeFlags(st: CpuState): void {
  const hi = st.H[MSR]!;
  const lo = st.L[MSR]!;
  const S = st.S;
  S[M_SF] = (hi >>> 31) & 1;
  S[M_PR] = (lo >>> 14) & 1;
  S[M_IR] = (lo >>> 5) & 1;
  S[M_DR] = (lo >>> 4) & 1;
  S[M_EE] = (lo >>> 15) & 1;
  S[M_FP] = (lo >>> 13) & 1;
  S[M_VEC] = (lo >>> 25) & 1;
  S[M_VSX] = (lo >>> 23) & 1;
  S[M_SE] = (lo >>> 10) & 1;
}

/** A plain-data copy of the architected state, for the final dump, tests and trace diffs. */
export interface Snapshot {
  gpr: bigint[];
  cr: number;
  xer: bigint;
  lr: bigint;
  ctr: bigint;
  msr: bigint;
  pc: bigint;
  srr0: bigint;
  srr1: bigint;
  sprg: bigint[];
  dar: bigint;
  dsisr: number;
}

export function snapshot(st: CpuState, pc: bigint): Snapshot {
  const gpr: bigint[] = [];
  for (let i = 0; i < 32; i++) gpr.push(get64(st, i));
  return {
    gpr,
    cr: st.S[CR]! >>> 0,
    xer: getXer(st),
    lr: get64(st, LR),
    ctr: get64(st, CTR),
    msr: get64(st, MSR),
    pc,
    srr0: get64(st, SRR0),
    srr1: get64(st, SRR1),
    sprg: [0, 1, 2, 3].map((i) => get64(st, SPRG0 + i)),
    dar: get64(st, DAR),
    dsisr: st.S[DSISR]! >>> 0,
  };
}

const hex16 = (v: bigint): string => v.toString(16).padStart(16, '0');

/** The final register dump, one register group per line. */
export function formatSnapshot(s: Snapshot): string {
  const lines: string[] = [];
  for (let i = 0; i < 32; i += 4) {
    lines.push(
      [0, 1, 2, 3].map((k) => `r${String(i + k).padEnd(2)} ${hex16(s.gpr[i + k]!)}`).join('  '),
    );
  }
  lines.push(`pc  ${hex16(s.pc)}  msr ${hex16(s.msr)}  cr  ${(s.cr >>> 0).toString(16).padStart(8, '0')}          xer ${hex16(s.xer)}`);
  lines.push(`lr  ${hex16(s.lr)}  ctr ${hex16(s.ctr)}  srr0 ${hex16(s.srr0)} srr1 ${hex16(s.srr1)}`);
  lines.push(`dar ${hex16(s.dar)}  dsisr ${(s.dsisr >>> 0).toString(16).padStart(8, '0')}  sprg ${s.sprg.map(hex16).join(' ')}`);
  return lines.join('\n');
}
