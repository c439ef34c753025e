/**
 * ppc64-sim as a library: simulate(image, options) → console output, exit status, final state.
 *
 *   const r = simulate(bytes, { maxInsns: 1e8 });
 *   r.exitStatus   0 power-off / reboot, 1 os-term, 2 bad image, 3 stopped (--max-insns,
 *                  breakpoint), 4 the image needs something this simulator does not model
 *   r.console      the bytes the image wrote with H_PUT_TERM_CHAR
 *   r.state        architected registers at the end (bigint)
 */
import type { Diagnostic } from '../common/diagnostics.js';
import type { Hooks, InterruptEvent, Machine, Op, Stop } from './machine.js';
import { DECODE } from './machine.js';
import { createMemory } from './memory.js';
import { createMmu } from './mmu.js';
import { loadImage } from './loader.js';
import { createCpuState, get64, PC, snapshot } from './state.js';
import type { Snapshot } from './state.js';
import { createCore, run } from './step.js';
import type { DecodeCache, Injection, Tracer } from './step.js';
import { createTime } from './timebase.js';
import { createTracer } from './trace.js';

export interface SimOptions {
  /** Name used in diagnostics. */
  fileName?: string;
  /** RAM in MiB: a multiple of 256, 256..2048 (qemu's -m; default 512). */
  ramMiB?: number;
  /** Stop after this many instructions (default: no limit). */
  maxInsns?: number;
  /** Console bytes as they are produced (the result also collects them). */
  onConsole?: (bytes: Uint8Array) => void;
  /** Lines qemu would print on stderr (os-term message, load warnings). */
  onStderr?: (line: string) => void;
  /** Per-instruction trace lines (slow path; no cost when absent). */
  trace?: (line: string) => void;
  /** Called for every interrupt taken. */
  onInterrupt?: (ev: InterruptEvent) => void;
  /** Interrupts to force at given instruction counts (delivered whatever MSR[EE] says). */
  inject?: Injection[];
  /** Virtual time of the first instruction in ns (default: calibrated to qemu's VOF boot). */
  bootNs?: number;
  /** Compile straight-line code into blocks (default true); false: one op per instruction. */
  jit?: boolean;
  /** Entries into a slot before its block is compiled (default 16; 1 compiles every block at once). */
  jitThreshold?: number;
  /** Stop before executing an instruction at any of these effective addresses (exit status 3). */
  breakpoints?: readonly bigint[];
}

export interface SimResult {
  exitStatus: number;
  stop: Stop;
  console: Uint8Array;
  state: Snapshot | undefined;
  /** Instructions executed. */
  icount: number;
  diagnostics: Diagnostic[];
}

export function createMachine(ramSize: number, hooks: Hooks, bootNs?: number): Machine {
  const st = createCpuState();
  const stub: Op = () => DECODE;
  return {
    st,
    H: st.H,
    L: st.L,
    S: st.S,
    mem: createMemory(ramSize),
    mmu: createMmu(ramSize),
    time: createTime(bootNs),
    hooks,
    stub,
    stop: undefined,
    irqs: 0,
    faulted: false,
    blockCount: 0,
  };
}

export function validRam(mib: number): boolean {
  return Number.isInteger(mib) && mib >= 256 && mib <= 2048 && mib % 256 === 0;
}

export function simulate(image: Uint8Array, options: SimOptions = {}): SimResult {
  const fileName = options.fileName ?? 'image';
  const ramMiB = options.ramMiB ?? 512;
  const fail = (message: string): SimResult => ({
    exitStatus: 2,
    stop: { reason: 'error', status: 2, message },
    console: new Uint8Array(0),
    state: undefined,
    icount: 0,
    diagnostics: [{ severity: 'error', message }],
  });
  if (!validRam(ramMiB)) return fail(`invalid RAM size ${ramMiB} MiB (a multiple of 256 from 256 to 2048)`);
  const chunks: Uint8Array[] = [];
  const hooks: Hooks = {
    console: (b) => {
      chunks.push(b);
      options.onConsole?.(b);
    },
    stderr: options.onStderr,
    interrupt: options.onInterrupt,
  };
  const m = createMachine(ramMiB * 1024 * 1024, hooks, options.bootNs);
  const loaded = loadImage(m, image, fileName);
  if ('error' in loaded) return fail(loaded.error);
  for (const w of loaded.warnings) options.onStderr?.(w);
  const core = createCore(m);
  const cache: DecodeCache = new Map();
  const tracer: Tracer | undefined = options.trace ? createTracer(options.trace) : undefined;
  if (tracer && options.trace) {
    const prev = hooks.interrupt;
    const write = options.trace;
    hooks.interrupt = (ev) => {
      write(`  interrupt 0x${ev.vector.toString(16).padStart(3, '0')} srr0=${ev.srr0.toString(16).padStart(16, '0')} srr1=${ev.srr1.toString(16).padStart(16, '0')}`);
      prev?.(ev);
    };
  }
  const injections = [...(options.inject ?? [])].sort((a, b) => a.at - b.at);
  run(m, core, cache, {
    maxInsns: options.maxInsns ?? Infinity,
    injections,
    tracer,
    jit: options.jit,
    jitThreshold: options.jitThreshold,
    breakpoints: options.breakpoints ? new Set(options.breakpoints) : undefined,
  });
  const stop = m.stop ?? { reason: 'error', status: 4, message: 'run ended without a stop reason' };
  const diagnostics: Diagnostic[] = stop.reason === 'error' && stop.message ? [{ severity: 'error', message: stop.message }] : [];
  let total = 0;
  for (const c of chunks) total += c.length;
  const consoleBytes = new Uint8Array(total);
  let off = 0;
  for (const c of chunks) {
    consoleBytes.set(c, off);
    off += c.length;
  }
  return {
    exitStatus: stop.status,
    stop,
    console: consoleBytes,
    state: snapshot(m.st, get64(m.st, PC)),
    icount: m.time.icount,
    diagnostics,
  };
}

export type { Injection, InterruptEvent, Snapshot, Stop };
export { formatSnapshot } from './state.js';
export { formatExit } from './trace.js';
