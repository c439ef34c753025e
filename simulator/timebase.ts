/**
 * Timebase and decrementer, following qemu's `-icount shift=0` clock: one instruction is one
 * nanosecond of virtual time and the timebase runs at 512 MHz, so TB = floor(ns * 512 / 1000)
 * (pseries-platform.md §8: 10^8 instructions took exactly 51 200 000 ticks).
 *
 * Virtual time at the first instruction of the image is not 0: VOF ran before it. `bootNs`
 * is calibrated against qemu (test/simulator/timing.test.ts) so that the image sees the same TB
 * and DEC values as under qemu.
 *
 * The decrementer is kept as the timebase value at which it reaches 0 (`decNextTb`): a read
 * returns decNextTb - TB(now), so DEC and TB tick together (measured on qemu: DEC + TB is
 * constant between writes, and mtdec v; mfdec reads v back when no tick passed). POWER9 pseries
 * has the large decrementer (56 bits, sign-extended on read). The DEC interrupt is
 * level-triggered: pending from the moment DEC runs out until software writes a non-negative value.
 */

export const TB_FREQ = 512_000_000;
export const DEC_BITS = 56;

export interface TimeState {
  /** Instructions executed since the image's first instruction. */
  icount: number;
  /** Virtual time (ns) at the image's first instruction. */
  bootNs: number;
  /** Timebase value at which DEC reaches 0. */
  decNextTb: number;
  /** The DEC interrupt is pending (level). */
  decPending: boolean;
}

/** Calibrated against qemu 7.2 VOF (see the timing test): TB at the image's 36th instruction reads 0xf7. */
export const VOF_BOOT_NS = 448;

export function createTime(bootNs = VOF_BOOT_NS): TimeState {
  // At machine reset qemu sets DEC to 0xffffffff (measured: DEC + TB == 0xfffffffe at the probe).
  return { icount: 0, bootNs, decNextTb: 0xffffffff, decPending: false };
}

export const nowNs = (t: TimeState): number => t.bootNs + t.icount;

/** floor(ns * 512e6 / 1e9) without losing precision for ns < 2^46. */
export const nsToTicks = (ns: number): number => Math.floor((ns * 64) / 125);
export const ticksToNs = (ticks: number): number => Math.floor((ticks * 125) / 64);

export function readTb(t: TimeState): bigint {
  return BigInt(nsToTicks(nowNs(t)));
}

export function readDec(t: TimeState): bigint {
  const v = t.decNextTb - nsToTicks(nowNs(t));
  return BigInt.asUintN(64, BigInt.asIntN(DEC_BITS, BigInt(v)));
}

/** mtdec: the value is taken as a signed DEC_BITS-bit number. */
export function writeDec(t: TimeState, value: bigint): void {
  const v = BigInt.asIntN(DEC_BITS, value);
  t.decNextTb = nsToTicks(nowNs(t)) + Number(v);
  t.decPending = v < 0n;
}

/** Instruction count at which the decrementer fires (Infinity when it already has or never will). */
export function decDeadline(t: TimeState): number {
  if (t.decPending) return Infinity;
  return Math.max(fireNs(t) - t.bootNs, t.icount);
}

/**
 * Virtual time at which the DEC interrupt becomes pending: one instruction after the first
 * instruction that sees TB >= decNextTb (fitted to qemu's -icount preemption points, see
 * test/simulator/timing.test.ts).
 */
const fireNs = (t: TimeState): number => Math.ceil((t.decNextTb * 125) / 64) + 1;

/** Latch the DEC interrupt when its time has come; call with time.icount up to date. */
export function updateDec(t: TimeState): void {
  if (!t.decPending && nowNs(t) >= fireNs(t)) t.decPending = true;
}
