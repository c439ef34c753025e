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
 *
 * Tiers: a slot runs as its single op (closures shared by every instruction of a kind, which V8
 * optimises early) until it has run jitThreshold times; then the block starting there is
 * compiled (jit.ts). Most code of a short run never gets there; loops do.
 */
import { decodeRaw } from '../isa/index.js';
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

/**
 * Executions of a slot as a single op before a block is compiled there. A compiled block is a
 * new JavaScript function that V8 first interprets (slower than the shared, already optimised
 * single-op closures) and optimises only after many calls, so blocks pay off only for code that
 * keeps running. Measured on the trampoline image (0.7 M instructions, 0.5 M of them in one spin
 * loop): 16 and 64 cost 20-40% more simulation time than 256..4096, which are alike; the CRC loop
 * of `make bench-sim` is compiled at any of them.
 */
export const DEFAULT_JIT_THRESHOLD = 1024;

/** Instructions per run-loop step at most (keeps a looping block's count inside its return value). */
const MAX_STEP = 1 << 19;

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
  /** Single-op executions of a slot before a block is compiled there (1..65535; default DEFAULT_JIT_THRESHOLD). */
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
  let r = decodeRaw(word, 'power9');
  let fields = r?.fields;
  if (r === undefined) {
    // A conditional branch whose BO sets "z" bits the ISA reserves: POWER9 (and qemu) ignore
    // them, so decode it as the canonical BO with the same meaning and keep the word's BO.
    const canonical = canonicalBranchWord(word);
    if (canonical !== undefined) {
      r = decodeRaw(canonical, 'power9');
      if (r) fields = { ...r.fields, BO: (word >>> 21) & 31 };
    }
  }
  d = r === undefined ? null : { id: r.id, f: fields!, rc: r.rc, oe: r.oe, word };
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
  let page = m.mem.codePages.get(ppn);
  if (page === undefined) {
    page = {
      ops: new Array<Op>(SLOTS_PER_PAGE).fill(m.stub),
      fast: new Array<Op>(SLOTS_PER_PAGE).fill(m.stub),
      blockEnd: new Int16Array(SLOTS_PER_PAGE),
      heat: new Uint16Array(SLOTS_PER_PAGE),
      hasBlocks: false,
    };
    m.mem.codePages.set(ppn, page);
    m.mem.codeFlag[ppn] = 1;
    if (ppn > 0) m.mem.codeFlag[ppn - 1] = 1;
  }
  return page;
}

/**
 * The single op of a slot, decoding it on first use. It also becomes the slot's entry in the
 * block array while no block starts there.
 */
function ensureOp(core: Core, cache: DecodeCache, page: CodePage, realPage: number, slot: number): Op {
  const stub = core.m.stub;
  let op = page.ops[slot]!;
  if (op === stub) {
    op = compileSlot(core, cache, realPage, slot);
    page.ops[slot] = op;
  }
  if (page.fast[slot] === stub) page.fast[slot] = op;
  return op;
}

/**
 * A slot has run jitThreshold times as a single op: compile the block that starts there (when
 * fewer than two instructions would be in it, the slot goes on as its single op).
 */
function heatUp(core: Core, cache: DecodeCache, page: CodePage, realPage: number, slot: number): void {
  const dv = core.m.mem.dv;
  const b = compileBlock(
    core,
    slot,
    (s) => decodeWord(cache, dv.getUint32(realPage + s * 4)),
    (s) => ensureOp(core, cache, page, realPage, s),
  );
  if (b === undefined) {
    ensureOp(core, cache, page, realPage, slot);
    return;
  }
  page.fast[slot] = b.fn;
  page.blockEnd[slot] = slot + b.length;
  page.hasBlocks = true;
}

/**
 * Run until m.stop is set or ctl.maxInsns instructions have executed in total.
 */
export function run(m: Machine, core: Core, cache: DecodeCache, ctl: RunControl): void {
  const { H, L, S, time } = m;
  const xf = core.xf;
  const cur: Cursor = { idx: 0, n: 0 };
  // 0: never compile blocks (runPage then uses single ops only).
  const threshold = ctl.jit === false ? 0 : Math.max(1, Math.min(0xffff, ctl.jitThreshold ?? DEFAULT_JIT_THRESHOLD));
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
    // A longer run just takes several steps (nothing happens between them: events are budget ends).
    if (budget > MAX_STEP) budget = MAX_STEP;
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
    const idx = (pl & 0xfff) >>> 2;
    if (ctl.tracer) ctl.tracer.before(m, slotPc(m, idx), m.mem.dv.getUint32(realPage + idx * 4));

    const n = runPage(m, core, cache, cur, page, realPage, idx, budget, threshold);
    time.icount += n;
    if (ctl.tracer) ctl.tracer.after(m);
    if (stepping && m.irqs === irqsBefore && m.stop === undefined) deliver(m, VEC_TRACE, get64(m.st, PC));
  }
}

/** Where runOps() stopped: the slot to execute next and the instructions executed so far. */
interface Cursor {
  idx: number;
  n: number;
}

/** runOps() results besides an op's own negative codes (EXIT, DECODE, SYNC). */
/** The slot's heat reached the threshold: compile its block, then go on. */
const HOT = -4;
/** Control left the page or the budget is used up (cursor = the next slot, maybe SLOTS_PER_PAGE). */
const DONE = -5;

/**
 * Execute in one code page from slot `idx` until control leaves the page, something needs the
 * outer loop, or `budget` instructions have run; returns the instructions executed.
 * Blocks run while a whole block (or one more iteration of a looping block) still fits in the
 * budget; the tail runs single ops, so an event (decrementer, injection, limit) lands on its
 * exact instruction. Below that limit every single op executed counts towards its slot's heat.
 * The per-instruction loop is runOps(); this function handles what stops it (a slot to decode,
 * a hot slot, a SYNC op, an EXIT).
 */
function runPage(m: Machine, core: Core, cache: DecodeCache, cur: Cursor, page: CodePage, realPage: number, idx: number, budget: number, threshold: number): number {
  const time = m.time;
  const fastLimit = threshold === 0 ? -1 : budget - MAX_BLOCK;
  const base = time.icount;
  cur.idx = idx;
  cur.n = 0;
  for (;;) {
    let r = runOps(page, cur, budget, fastLimit, threshold);
    if (r === DONE) {
      setPc(m, cur.idx * 4);
      break;
    }
    if (r === HOT) {
      heatUp(core, cache, page, realPage, cur.idx);
      continue;
    }
    if (r === DECODE) {
      // The stub did nothing: decode the slot (ops and fast now hold its op), take back the
      // heat runOps counted for it, and go on there.
      if (cur.n < fastLimit && page.blockEnd[cur.idx] === 0) page.heat[cur.idx]--;
      ensureOp(core, cache, page, realPage, cur.idx);
      continue;
    }
    if (r === SYNC) {
      time.icount = base + cur.n;
      // A SYNC op is a single op (blocks never contain one), so ops[] holds it.
      r = page.ops[cur.idx]!.sync!();
      if (r >= 0) {
        cur.n += r >>> COUNT_SHIFT;
        cur.idx = r & SLOT_MASK;
        if (cur.idx < SLOTS_PER_PAGE && cur.n < budget) continue;
        setPc(m, cur.idx * 4);
        break;
      }
    }
    // EXIT: PC is already set.
    if (m.blockCount !== 0) {
      cur.n += m.blockCount;
      m.blockCount = 0;
    } else cur.n++;
    if (m.faulted) {
      // The storage/alignment fault's instruction did not complete.
      m.faulted = false;
      cur.n--;
    }
    break;
  }
  time.icount = base;
  return cur.n;
}

/**
 * The inner loop: run ops from cur.idx while each continues in the page and the budget lasts.
 * Returns DONE with the cursor after the last op, or, with the cursor at the slot concerned,
 * HOT (before executing a slot that just became hot) or an op's EXIT, DECODE or SYNC. It has
 * no rare paths, so V8 optimises it early and never needs to deoptimise it.
 */
function runOps(page: CodePage, cur: Cursor, budget: number, fastLimit: number, threshold: number): number {
  const { ops, fast, heat, blockEnd } = page;
  let idx = cur.idx;
  let n = cur.n;
  let r = DONE;
  for (;;) {
    const blocks = n < fastLimit;
    if (blocks && blockEnd[idx] === 0 && ++heat[idx]! === threshold) {
      r = HOT;
      break;
    }
    const x = (blocks ? fast : ops)[idx]!(fastLimit - n);
    if (x < 0) {
      r = x;
      break;
    }
    n += x >>> COUNT_SHIFT;
    idx = x & SLOT_MASK;
    if (idx >= SLOTS_PER_PAGE || n >= budget) break;
  }
  cur.idx = idx;
  cur.n = n;
  return r;
}

/** PC = PAGE + off (off may be 4096: the next page), truncated in 32-bit mode. */
function setPc(m: Machine, off: number): void {
  const { H, L, S } = m;
  const s = (L[PAGE]! >>> 0) + off;
  L[PC] = s | 0;
  H[PC] = S[M_SF] === 0 ? 0 : (H[PAGE]! + (s > 0xffffffff ? 1 : 0)) | 0;
}

export { EXIT };
