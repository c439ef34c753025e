/**
 * The per-run context every part of the simulator works on. One Machine per simulate() call;
 * nothing is kept at module level (tests run several machines in one process).
 */
import type { CpuState } from './state.js';
import type { Memory } from './memory.js';
import type { Mmu } from './mmu.js';
import type { TimeState } from './timebase.js';

/**
 * A predecoded instruction (or a compiled block of them, jit.ts) bound to one word slot of one
 * code page. To continue it returns (count << COUNT_SHIFT) | slot: `count` instructions were
 * executed and the next one is at `slot` of the same page (SLOTS_PER_PAGE: the next page).
 * Otherwise a negative code:
 *   EXIT (-1)   the next PC is in H/L[PC] (branch out of the page, interrupt, MSR change, halt);
 *               one instruction was executed, or m.blockCount when a block sets it
 *   DECODE (-2) the slot is not decoded yet (the stub op); nothing was executed
 *   SYNC (-3)   the op needs the exact instruction count first (mftb, mfdec, mtdec, hcalls):
 *               the loop stores it in time.icount and calls op.sync()
 * The run loop passes `lim` to every op: a compiled block that loops back to its own start runs
 * further iterations while the instructions it executed stay below `lim` (single ops ignore it).
 */
export type Op = ((lim?: number) => number) & { sync?: () => number };
export const EXIT = -1;
export const DECODE = -2;
export const SYNC = -3;
export const COUNT_SHIFT = 11;
export const SLOT_MASK = (1 << COUNT_SHIFT) - 1;

export type StopReason = 'power-off' | 'os-term' | 'reboot' | 'max-insns' | 'breakpoint' | 'error';

export interface Stop {
  reason: StopReason;
  /** Exit status the CLI returns: 0 power-off/reboot, 1 os-term, 3 max-insns/breakpoint, 4 error. */
  status: number;
  message?: string;
}

export interface Hooks {
  /** Console bytes, as the image sent them through H_PUT_TERM_CHAR. */
  console?: (bytes: Uint8Array) => void;
  /** Messages qemu would print on stderr (os-term text, warnings). */
  stderr?: (line: string) => void;
  /** Every interrupt delivered (used by --trace-exits and by tests). */
  interrupt?: (ev: InterruptEvent) => void;
}

export interface InterruptEvent {
  vector: number;
  srr0: bigint;
  srr1: bigint;
  /** MSR of the interrupted context (SRR1 without the cause bits). */
  fromPr: boolean;
  dar: bigint;
  dsisr: number;
}

export interface Machine {
  readonly st: CpuState;
  readonly H: Int32Array;
  readonly L: Int32Array;
  readonly S: Int32Array;
  readonly mem: Memory;
  readonly mmu: Mmu;
  readonly time: TimeState;
  readonly hooks: Hooks;
  /** The op every undecoded slot holds. */
  readonly stub: Op;
  /** Set when the run must end (power-off, os-term, unsupported feature). */
  stop: Stop | undefined;
  /** Interrupts delivered so far (single-step tracing needs to know whether one happened). */
  irqs: number;
  /**
   * Set when the current instruction took a storage or alignment interrupt: such an
   * instruction does not complete and, as in qemu's -icount, does not count as executed
   * (measured: DSI, data segment and alignment faults do not advance the clock; program,
   * system call and facility-unavailable interrupts do).
   */
  faulted: boolean;
  /** Instructions a compiled block executed before it returned EXIT (0 for single ops). */
  blockCount: number;
}
