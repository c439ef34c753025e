/**
 * Decode cache and run loop.
 *
 * Each physical code page gets an array of 1024 ops, one per word slot, filled lazily: a slot
 * starts as the shared stub (returns DECODE); on first execution the word is decoded through the
 * shared isa table (memoised per word value) and the semantics factory for its id builds the op
 * for that slot. Stores into a code page put the overwritten slots back to the stub
 * (memory.ts), so self-modifying and copied code is always re-decoded.
 *
 * The inner loop runs ops of one page until an op leaves the page, the instruction budget is
 * used up, or something needs the outer loop (EXIT). The budget ends exactly at the next event
 * (decrementer deadline, injected interrupt, --max-insns), which is how interrupts are taken at
 * instruction-exact points without any per-instruction event check.
 */
import { decode } from '../isa/index.js';
import type { Machine, Op } from './machine.js';
import { COUNT_SHIFT, DECODE, EXIT, SLOT_MASK, SYNC } from './machine.js';
import { MAX_BLOCK, PAGE_SHIFT, SLOTS_PER_PAGE, noteStore } from './memory.js';
import type { CodePage } from './memory.js';
import { compileBlock } from './jit.js';
import {
  SRR1_PROG_ILLEGAL, VEC_DECREMENTER, VEC_FP_UNAVAILABLE, VEC_PROGRAM, VEC_TRACE, VEC_VEC_UNAVAILABLE, VEC_VSX_UNAVAILABLE, deliver,
} from './interrupts.js';
import type { Core, Insn } from './semantics/index.js';
import { SEMANTICS, UNIMPLEMENTED, facilityOf } from './semantics/index.js';
import { M_EE, M_FP, M_SE, M_SF, M_VEC, M_VSX, PAGE, PC, get64, set64 } from './state.js';
import { decDeadline, updateDec } from './timebase.js';
import { createTranslators, slotPc } from './xlate.js';

/** Block entries before a block is compiled (measured: 16 keeps one-shot code cheap). */
export const DEFAULT_JIT_THRESHOLD = 16;

export interface Injection {
  /** Instruction count (instructions executed since the image's first) at which to interrupt. */
  at: number;
  vector: number;
}

export interface RunControl {
  maxInsns: number;
  /** Sorted by `at`; consumed as they fire. */
  injections: Injection[];
  /** When set, the loop runs one instruction per outer iteration and calls these around it. */
  tracer?: Tracer;
  /** Compile blocks (jit.ts); false runs every instruction as a single op. Default true. */
  jit?: boolean;
  /** Stop (reason 'breakpoint') before executing an instruction at one of these addresses. */
  breakpoints?: ReadonlySet<bigint>;
  /** Visits of a slot before its block is compiled (1..255; default DEFAULT_JIT_THRESHOLD). */
  jitThreshold?: number;
}

export interface Tracer {
  before(m: Machine, pc: bigint, word: number | undefined): void;
  after(m: Machine): void;
}

/** Decoded form of a word, as far as the factories need it (null: not an instruction). */
export type DecodeCache = Map<number, Insn | null>;

export function createCore(m: Machine): Core {
  const tr = createTranslators(m);
  const mem = m.mem;
  const core: Core = {
    m,
    H: m.H,
    L: m.L,
    S: m.S,
    dv: mem.dv,
    u8: mem.u8,
    cf: mem.codeFlag,
    wrote: (pa, size) => noteStore(mem, pa, size, m.stub),
    T: new Int32Array(8),
    ...tr,
  };
  return core;
}

export function decodeWord(cache: DecodeCache, word: number): Insn | null {
  let d = cache.get(word);
  if (d !== undefined) return d;
  let r = decode(word, undefined, { cpu: 'power9', raw: true });
  let fields = r?.fields;
  if (r === undefined) {
    // A conditional branch whose BO sets "z" bits the ISA reserves: POWER9 (and qemu) ignore
    // them, so decode it as the canonical BO with the same meaning and keep the word's BO.
    const canonical = canonicalBranchWord(word);
    if (canonical !== undefined) {
      r = decode(canonical, undefined, { cpu: 'power9', raw: true });
      if (r) fields = { ...r.fields, BO: (word >>> 21) & 31 };
    }
  }
  d = r === undefined ? null : { id: r.variant.id, f: fields!, rc: r.variant.rc, oe: r.variant.oe, word };
  cache.set(word, d);
  return d;
}

/** bc/bclr/bcctr/bctar with BO rewritten to the valid encoding of the same condition, or undefined. */
export function canonicalBranchWord(word: number): number | undefined {
  const po = word >>> 26;
  const xo = (word >>> 1) & 0x3ff;
  if (po !== 16 && !(po === 19 && (xo === 16 || xo === 528 || xo === 560))) return undefined;
  const bo = (word >>> 21) & 31;
  const ignoreCr = (bo & 0x10) !== 0;
  const noDecrement = (bo & 0x04) !== 0;
  // bcctr must not decrement CTR: that form stays invalid (qemu: illegal instruction).
  if (po === 19 && xo === 528 && !noDecrement) return undefined;
  let canon: number;
  if (ignoreCr && noDecrement) canon = 20;
  else if (noDecrement) canon = 4 | (bo & 0x08);
  else if (ignoreCr) canon = 16 | (bo & 0x02);
  else canon = (bo & 0x08) | (bo & 0x02);
  return ((word & ~(31 << 21)) | (canon << 21)) >>> 0;
}

/** Build the op for slot `idx` of the code page whose real base is `page`. */
function compileSlot(core: Core, cache: DecodeCache, page: number, idx: number): Op {
  const m = core.m;
  const word = m.mem.dv.getUint32(page + idx * 4);
  const insn = decodeWord(cache, word);
  if (insn === null) return () => deliver(m, VEC_PROGRAM, slotPc(m, idx), SRR1_PROG_ILLEGAL);
  const factory = SEMANTICS.get(insn.id);
  if (factory !== undefined) return factory(core, insn, idx);
  const facility = facilityOf(insn.id);
  const S = m.S;
  const why = Object.entries(UNIMPLEMENTED).find(([, ids]) => ids.includes(insn.id))?.[0] ?? (facility ? `${facility} arithmetic` : 'not modelled');
  const unmodelled = (): number => {
    m.stop ??= {
      reason: 'error',
      status: 4,
      message: `unimplemented instruction '${insn.id}' (${why}; word 0x${word.toString(16).padStart(8, '0')}) at 0x${slotPc(m, idx).toString(16)}`,
    };
    set64(m.st, PC, slotPc(m, idx));
    return EXIT;
  };
  if (facility === 'fp') return () => (S[M_FP] === 0 ? deliver(m, VEC_FP_UNAVAILABLE, slotPc(m, idx)) : unmodelled());
  if (facility === 'vec') return () => (S[M_VEC] === 0 ? deliver(m, VEC_VEC_UNAVAILABLE, slotPc(m, idx)) : unmodelled());
  if (facility === 'vsx') return () => (S[M_VSX] === 0 ? deliver(m, VEC_VSX_UNAVAILABLE, slotPc(m, idx)) : unmodelled());
  return unmodelled;
}

function codePage(m: Machine, realPage: number): CodePage {
  const ppn = realPage >>> PAGE_SHIFT;
  let page = m.mem.codePages[ppn];
  if (page === undefined) {
    page = {
      ops: new Array<Op>(SLOTS_PER_PAGE).fill(m.stub),
      fast: new Array<Op>(SLOTS_PER_PAGE).fill(m.stub),
      blockEnd: new Int16Array(SLOTS_PER_PAGE),
      visits: new Uint8Array(SLOTS_PER_PAGE),
      hasBlocks: false,
    };
    m.mem.codePages[ppn] = page;
    m.mem.codeFlag[ppn] = 1;
    if (ppn > 0) m.mem.codeFlag[ppn - 1] = 1;
  }
  return page;
}

/** The single op of a slot, decoding it on first use. */
function ensureOp(core: Core, cache: DecodeCache, page: CodePage, realPage: number, slot: number): Op {
  let op = page.ops[slot]!;
  if (op === core.m.stub) {
    op = compileSlot(core, cache, realPage, slot);
    page.ops[slot] = op;
  }
  return op;
}

/**
 * A slot entered from the block array whose block is not built yet: count the visit and, once
 * the slot is hot (jitThreshold visits), compile its block. Returns what to execute now.
 * Cold code stays on single ops: compiling a block costs about as much as a few hundred
 * interpreted instructions, which one-shot boot and setup code never pays back.
 */
function enterFast(core: Core, cache: DecodeCache, page: CodePage, realPage: number, slot: number, threshold: number): Op {
  const op = ensureOp(core, cache, page, realPage, slot);
  if (threshold === Infinity) {
    page.fast[slot] = op;
    return op;
  }
  if (++page.visits[slot]! < threshold) return op;
  const dv = core.m.mem.dv;
  const b = compileBlock(
    core,
    slot,
    (s) => decodeWord(cache, dv.getUint32(realPage + s * 4)),
    (s) => ensureOp(core, cache, page, realPage, s),
  );
  if (b === undefined) {
    page.fast[slot] = op;
    return op;
  }
  page.fast[slot] = b.fn;
  page.blockEnd[slot] = slot + b.length;
  page.hasBlocks = true;
  return b.fn;
}

/**
 * Run until m.stop is set or ctl.maxInsns instructions have executed in total.
 */
export function run(m: Machine, core: Core, cache: DecodeCache, ctl: RunControl): void {
  const { H, L, S, time } = m;
  const xf = core.xf;
  const threshold = ctl.jit === false ? Infinity : Math.max(1, Math.min(255, ctl.jitThreshold ?? DEFAULT_JIT_THRESHOLD));
  while (m.stop === undefined) {
    updateDec(time);
    if (time.decPending && S[M_EE] !== 0) {
      deliver(m, VEC_DECREMENTER, get64(m.st, PC));
      continue;
    }
    const inj = ctl.injections[0];
    if (inj !== undefined && inj.at <= time.icount) {
      ctl.injections.shift();
      deliver(m, inj.vector, get64(m.st, PC));
      continue;
    }
    if (time.icount >= ctl.maxInsns) {
      m.stop = { reason: 'max-insns', status: 3, message: `stopped after ${time.icount} instructions (--max-insns)` };
      break;
    }
    let budget = ctl.maxInsns - time.icount;
    if (S[M_EE] !== 0) budget = Math.min(budget, decDeadline(time) - time.icount);
    if (inj !== undefined) budget = Math.min(budget, inj.at - time.icount);
    // Single-step (MSR[SE]): one instruction, then a trace interrupt unless it raised one itself.
    const stepping = S[M_SE] !== 0;
    const irqsBefore = m.irqs;
    const breaking = ctl.breakpoints !== undefined && ctl.breakpoints.size > 0;
    if (ctl.tracer || stepping || breaking) budget = 1;
    if (breaking && ctl.breakpoints!.has(get64(m.st, PC))) {
      m.stop = { reason: 'breakpoint', status: 3, message: `breakpoint at 0x${get64(m.st, PC).toString(16)} after ${time.icount} instructions` };
      break;
    }

    let ph = H[PC]!;
    const pl = L[PC]!;
    if (S[M_SF] === 0) ph = 0;
    const realPage = xf(ph, pl & ~0xfff);
    if (realPage < 0) continue; // ISI/ISEG delivered (or an unsupported segment stopped the run)
    const page = codePage(m, realPage);
    H[PAGE] = ph;
    L[PAGE] = pl & ~0xfff;
    let idx = (pl & 0xfff) >>> 2;
    if (ctl.tracer) ctl.tracer.before(m, slotPc(m, idx), m.mem.dv.getUint32(realPage + idx * 4));

    const n = runPage(m, core, cache, page, realPage, idx, budget, threshold);
    time.icount += n;
    if (ctl.tracer) ctl.tracer.after(m);
    if (stepping && m.irqs === irqsBefore && m.stop === undefined) deliver(m, VEC_TRACE, get64(m.st, PC));
  }
}

/**
 * Execute in one code page from slot `idx` until control leaves the page, something needs the
 * outer loop, or `budget` instructions have run; returns the instructions executed. (A function
 * of its own so that V8 optimises it as an ordinary hot function.)
 * Blocks run while a whole block still fits in the budget; the tail runs single ops, so an event
 * (decrementer, injection, limit) lands on its exact instruction.
 */
function runPage(m: Machine, core: Core, cache: DecodeCache, page: CodePage, realPage: number, idx: number, budget: number, threshold: number): number {
  const { ops, fast } = page;
  const time = m.time;
  const fastLimit = budget - MAX_BLOCK;
  const base = time.icount;
  let n = 0;
  for (;;) {
    const arr = n < fastLimit ? fast : ops;
    let op = arr[idx]!;
    let r = op();
    if (r < 0) {
      if (r === DECODE) {
        op = arr === fast ? enterFast(core, cache, page, realPage, idx, threshold) : ensureOp(core, cache, page, realPage, idx);
        r = op();
      }
      if (r === SYNC) {
        time.icount = base + n;
        r = op.sync!();
      }
    }
    if (r >= 0) {
      n += r >>> COUNT_SHIFT;
      idx = r & SLOT_MASK;
      if (idx < SLOTS_PER_PAGE) {
        if (n < budget) continue;
        setPc(m, idx * 4);
      } else setPc(m, 4096);
      break;
    }
    // EXIT: PC is already set.
    if (m.blockCount !== 0) {
      n += m.blockCount;
      m.blockCount = 0;
    } else n++;
    if (m.faulted) {
      // The storage/alignment fault's instruction did not complete.
      m.faulted = false;
      n--;
    }
    break;
  }
  time.icount = base;
  return n;
}

/** PC = PAGE + off (off may be 4096: the next page), truncated in 32-bit mode. */
function setPc(m: Machine, off: number): void {
  const { H, L, S } = m;
  const s = (L[PAGE]! >>> 0) + off;
  L[PC] = s | 0;
  H[PC] = S[M_SF] === 0 ? 0 : (H[PAGE]! + (s > 0xffffffff ? 1 : 0)) | 0;
}

export { EXIT };
