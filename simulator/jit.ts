/**
 * Block compiler: a straight run of instructions in one code page becomes one JavaScript function
 * (built with `new Function`), so the run loop dispatches once per block instead of once per
 * instruction and V8 optimises across instructions.
 *
 * A block starts at the slot where execution entered and extends while the instructions can be
 * expressed in it, up to MAX_BLOCK instructions or the end of the page; a branch ends it (it is
 * included). Three kinds of instruction can be in a block:
 *  - the hot ones, emitted inline from source templates below (loads/stores, add/logical/rotate/
 *    compare forms, LR/CTR moves, branches);
 *  - "pure" register-only instructions (the rest of the ALU, CR and compare ids, whose semantics
 *    cannot raise an interrupt), which the block calls as their ordinary semantics op;
 *  - nothing else: an instruction that may trap, change the MSR, need the instruction count
 *    (SYNC) or is not decoded ends the block before it, and runs as a single op.
 * The inline templates mirror the closures in semantics/; the differential tests run with a block
 * compiled at every first entry (jitThreshold 1) and with blocks off, and both must match qemu.
 *
 * A block returns (count << COUNT_SHIFT) | next slot, or sets PC and m.blockCount and returns
 * EXIT. A storage fault inside returns EXIT with blockCount including the faulting instruction,
 * which the loop then uncounts (m.faulted), exactly as for a single op. A store that overwrites
 * decoded code ends the block right after it (memory.ts invalidates the block). A branch through
 * LR/CTR to a target in the same page continues there, like a relative branch.
 *
 * A block whose last instruction branches back to its first is a loop: the function runs the
 * next iteration itself while the instructions it has executed (n_) stay below the limit the run
 * loop passes (`lim`: what keeps one more iteration inside the instruction budget), so a counted
 * or spinning loop costs one call, and V8 optimises the loop in place (on-stack replacement).
 * Blocks are compiled only for slots that ran jitThreshold times (step.ts): V8 interprets a new
 * function until it has run for a while, so compiling code that runs a few times costs more than
 * it saves.
 */
import type { Machine, Op } from './machine.js';
import { COUNT_SHIFT } from './machine.js';
import { MAX_BLOCK, SLOTS_PER_PAGE } from './memory.js';
import type { Core, Insn } from './semantics/index.js';
import { ARITH } from './semantics/arith.js';
import { COMPARE } from './semantics/compare.js';
import { LOGICAL } from './semantics/logical.js';
import { ROTATE } from './semantics/rotate.js';
import { setCr0, sext14, sext16, sext24, umulh32 } from './semantics/core.js';
import { mask64, rotl64 } from './semantics/rotate.js';
import { setAddr } from './semantics/branch.js';
import { CR, CTR, LR, M_SF, PAGE, PC, XER_CA, XER_CA32, XER_SO } from './state.js';

/** Register-only ids whose semantics never raise an interrupt: callable from a block as-is. */
const PURE: ReadonlySet<string> = new Set(
  [...Object.keys(ARITH), ...Object.keys(LOGICAL), ...Object.keys(ROTATE), ...Object.keys(COMPARE)].filter(
    (id) => !['tw', 'twi', 'td', 'tdi'].includes(id),
  ),
);

interface EmitCtx {
  /** Word slot of the instruction. */
  slot: number;
  /** Instructions before it in the block. */
  k: number;
  /** Slot where the block starts. */
  start: number;
  /**
   * Emit the block as a loop: a branch back to `start` runs the next iteration in the same call
   * while the instructions executed (`n_`) stay below the caller's limit `lim`.
   */
  loop: boolean;
  /** Set by a branch emitter whose target is the block's start (the block can loop). */
  loopsBack: boolean;
  /**
   * For a loop that is a spin loop (see spinCounters): its counters. Every iteration after the
   * first leaves the same state except these, so the loop goes straight to its last iteration.
   */
  spin: readonly SpinCounter[] | undefined;
}

/** A register a spin loop only counts with (addi rX,rX,imm). */
interface SpinCounter {
  reg: number;
  /** The 64-bit increment per iteration (a sign-extended 16-bit or shifted 32-bit immediate). */
  inc: number;
}

/** Source of one instruction; `end` when it ends the block (it returns on every path). */
type Emitted = { code: string; end?: boolean };
type Emitter = (i: Insn, e: EmitCtx) => Emitted | undefined;

const f = (i: Insn, n: string): number => i.f[n]!;
const lit = (v: number): string => (v < 0 ? `(${v})` : String(v));
const rec = (i: Insn, dst: number): string => (i.rc ? `h.setCr0(S, H[${dst}], L[${dst}]);` : '');
/** Continue at `slot` after `count` more instructions (plus the earlier iterations of a loop). */
const ret = (e: EmitCtx, count: number, slot: number): string =>
  e.loop ? `return ((n_ + ${count}) << ${COUNT_SHIFT}) | ${slot};` : `return ${(count << COUNT_SHIFT) | slot};`;
const exitWith = (e: EmitCtx, count: number): string => `m.blockCount = ${e.loop ? `n_ + ${count}` : count}; return -1;`;
/** A taken in-page branch to `target`: another iteration when it is the block's start and the block loops. */
function jumpTo(e: EmitCtx, target: number): string {
  if (target !== e.start) return ret(e, e.k + 1, target);
  e.loopsBack = true;
  if (!e.loop) return ret(e, e.k + 1, target);
  if (e.spin === undefined) return `n_ += ${e.k + 1}; if (n_ < lim) continue; return (n_ << ${COUNT_SHIFT}) | ${target};`;
  // A spin loop: the iterations that would follow (while n_ < lim) change only the counters.
  const len = e.k + 1;
  let skip = `j = Math.ceil((lim - n_) / ${len}); n_ += j * ${len};`;
  for (const c of e.spin) {
    skip += ` t = j * ${c.inc}; hi = Math.floor(t / 4294967296); s = (L[${c.reg}] >>> 0) + (t - hi * 4294967296); L[${c.reg}] = s; H[${c.reg}] = (H[${c.reg}] + hi + (s > 4294967295 ? 1 : 0)) | 0;`;
  }
  return `n_ += ${len}; if (n_ < lim) { ${skip} } return (n_ << ${COUNT_SHIFT}) | ${target};`;
}

/** Loads without update: they read RA (unless 0) and RB (X-form), and write RT only. */
const PLAIN_LOADS: ReadonlySet<string> = new Set([
  'lbz', 'lbzx', 'lhz', 'lhzx', 'lha', 'lhax', 'lwz', 'lwzx', 'lwa', 'lwax', 'ld', 'ldx', 'lhbrx', 'lwbrx', 'ldbrx',
]);
const COMPARES: ReadonlySet<string> = new Set(['cmp', 'cmpl', 'cmpi', 'cmpli']);

/**
 * The counters of a loop block (slots start..start+length-1, the last one branching back to the
 * start) whose every iteration after the first leaves the same state but for counters, or
 * undefined. Such a loop polls memory that only this CPU could change (it stores nothing) and
 * waits for an interrupt, which the run loop delivers at a budget end, never inside a block:
 *   - plain loads whose address registers the loop does not write (the same addresses, the same
 *     memory: the same values, and a fault could only happen in the first iteration);
 *   - compares, of registers the loop does not write or that a load before them wrote;
 *   - counters `addi rX,rX,imm` (addis too) whose register nothing else in the loop reads or writes;
 *   - the closing branch: b, or bc that does not decrement CTR, without LK.
 * Then the first iteration computes what every later one would (the compares see the same values,
 * so the branch goes the same way), and the counters advance by their increment per iteration.
 */
export function spinCounters(start: number, length: number, decodeAt: (slot: number) => Insn | null): SpinCounter[] | undefined {
  const counters: SpinCounter[] = [];
  const loaded = new Set<number>(); // registers written by the loads so far
  const written = new Set<number>();
  const addressRegs = new Set<number>();
  const readRegs: [reg: number, loadedBefore: boolean][] = [];
  for (let slot = start; slot < start + length; slot++) {
    const i = decodeAt(slot);
    if (i === null) return undefined;
    const last = slot === start + length - 1;
    if (last) {
      if (bitLK(i) !== 0) return undefined;
      if (i.id === 'b') continue;
      if (i.id !== 'bc' || (f(i, 'BO') & 0x04) === 0) return undefined;
      continue;
    }
    if (PLAIN_LOADS.has(i.id)) {
      const ra = f(i, 'RA');
      if (ra !== 0) addressRegs.add(ra);
      if (i.f['RB'] !== undefined) addressRegs.add(f(i, 'RB'));
      loaded.add(f(i, 'RT'));
      written.add(f(i, 'RT'));
    } else if (COMPARES.has(i.id)) {
      readRegs.push([f(i, 'RA'), loaded.has(f(i, 'RA'))]);
      if (i.f['RB'] !== undefined) readRegs.push([f(i, 'RB'), loaded.has(f(i, 'RB'))]);
    } else if ((i.id === 'addi' || i.id === 'addis') && f(i, 'RA') === f(i, 'RT') && f(i, 'RT') !== 0) {
      const reg = f(i, 'RT');
      if (counters.some((c) => c.reg === reg)) return undefined;
      counters.push({ reg, inc: i.id === 'addi' ? sext16(f(i, 'SI')) : sext16(f(i, 'SI')) * 65536 });
    } else return undefined;
  }
  for (const r of addressRegs) if (written.has(r)) return undefined;
  for (const [r, loadedBefore] of readRegs) if (written.has(r) && !loadedBefore) return undefined;
  for (const c of counters) {
    if (written.has(c.reg) || addressRegs.has(c.reg) || readRegs.some(([r]) => r === c.reg)) return undefined;
  }
  return counters;
}

// ---- fixed-point arithmetic -----------------------------------------------------------------

function addEmitter(invert: boolean, second: 'b' | 'zero' | 'ones', cin: 0 | 1 | 'ca', setsCa: boolean): Emitter {
  return (i) => {
    if (i.oe) return undefined;
    const rt = f(i, 'RT');
    const ra = f(i, 'RA');
    const inv = invert ? ' ^ -1' : '';
    const yl = second === 'b' ? `L[${f(i, 'RB')}]` : second === 'zero' ? '0' : '-1';
    const yh = second === 'b' ? `H[${f(i, 'RB')}]` : second === 'zero' ? '0' : '-1';
    const k = cin === 'ca' ? `S[${XER_CA}]` : String(cin);
    let code = `a = L[${ra}]${inv}; b = H[${ra}]${inv}; c = ${yl}; d = ${yh};
s = (a >>> 0) + (c >>> 0) + ${k}; x = s > 4294967295 ? 1 : 0; y = (b >>> 0) + (d >>> 0) + x;
L[${rt}] = s; H[${rt}] = y;`;
    if (setsCa) code += `S[${XER_CA32}] = x; S[${XER_CA}] = S[${M_SF}] !== 0 ? (y > 4294967295 ? 1 : 0) : x;`;
    return { code: code + rec(i, rt) };
  };
}

const addImmediate =
  (shift: boolean): Emitter =>
  (i) => {
    const rt = f(i, 'RT');
    const ra = f(i, 'RA');
    const imm = shift ? sext16(f(i, 'SI')) * 65536 : sext16(f(i, 'SI'));
    const il = imm | 0;
    const ih = imm < 0 ? -1 : 0;
    if (ra === 0) return { code: `L[${rt}] = ${lit(il)}; H[${rt}] = ${lit(ih)};` };
    return { code: `s = (L[${ra}] >>> 0) + ${il >>> 0}; b = H[${ra}]; L[${rt}] = s; H[${rt}] = (b + ${lit(ih)} + (s > 4294967295 ? 1 : 0)) | 0;` };
  };

const mulli: Emitter = (i) => {
  const rt = f(i, 'RT');
  const ra = f(i, 'RA');
  const bl = sext16(f(i, 'SI'));
  const bh = bl < 0 ? -1 : 0;
  return { code: `a = L[${ra}]; b = H[${ra}]; H[${rt}] = (h.umulh32(a, ${lit(bl)}) + Math.imul(b, ${lit(bl)}) + Math.imul(a, ${lit(bh)})) | 0; L[${rt}] = Math.imul(a, ${lit(bl)});` };
};

// ---- logical ----------------------------------------------------------------------------------

const bool2 =
  (expr: (a: string, b: string) => string): Emitter =>
  (i) => {
    const ra = f(i, 'RA');
    const rs = f(i, 'RS');
    const rb = f(i, 'RB');
    return { code: `a = ${expr(`L[${rs}]`, `L[${rb}]`)}; b = ${expr(`H[${rs}]`, `H[${rb}]`)}; L[${ra}] = a; H[${ra}] = b;` + rec(i, ra) };
  };

const boolImm =
  (op: '|' | '^', shifted: boolean): Emitter =>
  (i) => {
    const ra = f(i, 'RA');
    const rs = f(i, 'RS');
    const imm = (f(i, 'UI') & 0xffff) << (shifted ? 16 : 0);
    return { code: `a = L[${rs}] ${op} ${lit(imm)}; b = H[${rs}]; L[${ra}] = a; H[${ra}] = b;` };
  };

const andImm =
  (shifted: boolean): Emitter =>
  (i) => {
    const ra = f(i, 'RA');
    const rs = f(i, 'RS');
    const imm = (f(i, 'UI') & 0xffff) << (shifted ? 16 : 0);
    return { code: `a = L[${rs}] & ${lit(imm)}; L[${ra}] = a; H[${ra}] = 0; h.setCr0(S, 0, a);` };
  };

const extend =
  (bits: number): Emitter =>
  (i) => {
    const ra = f(i, 'RA');
    const rs = f(i, 'RS');
    const sh = 32 - bits;
    return { code: `a = ${sh ? `(L[${rs}] << ${sh}) >> ${sh}` : `L[${rs}]`}; L[${ra}] = a; H[${ra}] = a >> 31;` + rec(i, ra) };
  };

// ---- rotate ----------------------------------------------------------------------------------

const rlwinm: Emitter = (i) => {
  const ra = f(i, 'RA');
  const rs = f(i, 'RS');
  const sh = f(i, 'SH');
  const [mh, ml] = mask64(f(i, 'MB') + 32, f(i, 'ME') + 32);
  return { code: `a = L[${rs}]; r = (a << ${sh}) | (a >>> ${32 - sh}); L[${ra}] = r & ${lit(ml)}; H[${ra}] = r & ${lit(mh)};` + rec(i, ra) };
};

/** rldicl/rldicr/rldic with an immediate shift. */
function rldImm(kind: 'icl' | 'icr' | 'ic'): Emitter {
  return (i) => {
    const ra = f(i, 'RA');
    const rs = f(i, 'RS');
    const sh = f(i, 'SH');
    const [mh, ml] = kind === 'icl' ? mask64(f(i, 'MB'), 63) : kind === 'icr' ? mask64(0, f(i, 'ME')) : mask64(f(i, 'MB'), 63 - sh);
    let hi: string;
    let lo: string;
    if (sh === 0) [hi, lo] = ['b', 'a'];
    else if (sh < 32) [hi, lo] = [`(b << ${sh}) | (a >>> ${32 - sh})`, `(a << ${sh}) | (b >>> ${32 - sh})`];
    else if (sh === 32) [hi, lo] = ['a', 'b'];
    else [hi, lo] = [`(a << ${sh - 32}) | (b >>> ${64 - sh})`, `(b << ${sh - 32}) | (a >>> ${64 - sh})`];
    return { code: `b = H[${rs}]; a = L[${rs}]; x = (${hi}) & ${lit(mh)}; y = (${lo}) & ${lit(ml)}; H[${ra}] = x; L[${ra}] = y;` + rec(i, ra) };
  };
}

// ---- compare ---------------------------------------------------------------------------------

function compareEmitter(signed: boolean, immediate: boolean): Emitter {
  return (i) => {
    const bf = f(i, 'BF');
    const l = f(i, 'L');
    const ra = f(i, 'RA');
    const sh = 28 - 4 * bf;
    const keep = ~(0xf << sh);
    const imm = immediate ? (signed ? sext16(f(i, 'SI')) : f(i, 'UI') & 0xffff) : 0;
    const bl = immediate ? lit(imm) : `L[${f(i, 'RB')}]`;
    const bh = immediate ? lit(imm < 0 ? -1 : 0) : `H[${f(i, 'RB')}]`;
    let v: string;
    if (l === 0) {
      v = signed ? `a < c ? 8 : a > c ? 4 : 2` : `(a >>> 0) < (c >>> 0) ? 8 : (a >>> 0) > (c >>> 0) ? 4 : 2`;
      return { code: `a = L[${ra}]; c = ${bl}; S[${CR}] = (S[${CR}] & ${lit(keep)}) | ((${v}) | S[${XER_SO}]) << ${sh};` };
    }
    const cmpHi = signed ? `b < d ? 8 : b > d ? 4 : 0` : `(b >>> 0) < (d >>> 0) ? 8 : (b >>> 0) > (d >>> 0) ? 4 : 0`;
    return {
      code: `b = H[${ra}]; a = L[${ra}]; d = ${bh}; c = ${bl}; r = ${cmpHi}; if (r === 0) r = (a >>> 0) < (c >>> 0) ? 8 : (a >>> 0) > (c >>> 0) ? 4 : 2;
S[${CR}] = (S[${CR}] & ${lit(keep)}) | (r | S[${XER_SO}]) << ${sh};`,
    };
  };
}

// ---- loads and stores ------------------------------------------------------------------------

interface MemShape {
  size: 1 | 2 | 4 | 8;
  store: boolean;
  signed?: boolean;
  reverse?: boolean;
  update?: boolean;
  mode: 'd' | 'ds' | 'x';
}

function memEmitter(shape: MemShape): Emitter {
  return (i, e) => {
    const { size, store, mode } = shape;
    const reg = f(i, store ? 'RS' : 'RT');
    const ra = f(i, 'RA');
    const d = mode === 'd' ? sext16(f(i, 'D')) : mode === 'ds' ? sext14(f(i, 'DS')) * 4 : 0;
    let ea: string;
    if (mode === 'x') {
      const rb = f(i, 'RB');
      ea = ra === 0 ? `x = L[${rb}]; y = H[${rb}];` : `s = (L[${ra}] >>> 0) + (L[${rb}] >>> 0); x = s | 0; y = (H[${ra}] + H[${rb}] + (s > 4294967295 ? 1 : 0)) | 0;`;
    } else {
      ea = ra === 0 ? `x = ${lit(d | 0)}; y = ${lit(d < 0 ? -1 : 0)};` : `s = (L[${ra}] >>> 0) + ${d >>> 0}; x = s | 0; y = (H[${ra}] + ${lit(d < 0 ? -1 : 0)} + (s > 4294967295 ? 1 : 0)) | 0;`;
    }
    const fault = `if (pa < 0) { ${exitWith(e, e.k + 1)} }`;
    const update = shape.update ? `if (S[${M_SF}] === 0) y = 0; H[${ra}] = y; L[${ra}] = x;` : '';
    const rev = shape.reverse ? 'true' : 'false';
    let access: string;
    if (store) {
      const v = `L[${reg}]`;
      if (size === 1) access = `u8[pa] = ${v};`;
      else if (size === 2) access = `dv.setInt16(pa, ${v}, ${rev});`;
      else if (size === 4) access = `dv.setInt32(pa, ${v}, ${rev});`;
      else access = shape.reverse ? `dv.setInt32(pa, ${v}, true); dv.setInt32(pa + 4, H[${reg}], true);` : `dv.setInt32(pa, H[${reg}]); dv.setInt32(pa + 4, ${v});`;
      const after = `if (cf[pa >>> 12] !== 0) { wrote(pa, ${size}); if (mem.codeWritten) { mem.codeWritten = false; ${update} ${ret(e, e.k + 1, e.slot + 1)} } }`;
      return { code: `${ea} pa = xw(y, x, ${size}, ${e.slot}); ${fault} ${access} ${after} ${update}` };
    }
    if (size === 1) access = `L[${reg}] = u8[pa]; H[${reg}] = 0;`;
    else if (size === 2) access = `a = dv.${shape.signed ? 'getInt16' : 'getUint16'}(pa, ${rev}); L[${reg}] = a; H[${reg}] = a >> 31;`;
    else if (size === 4) access = `a = dv.getInt32(pa, ${rev}); L[${reg}] = a; H[${reg}] = ${shape.signed ? 'a >> 31' : '0'};`;
    else access = shape.reverse ? `L[${reg}] = dv.getInt32(pa, true); H[${reg}] = dv.getInt32(pa + 4, true);` : `H[${reg}] = dv.getInt32(pa); L[${reg}] = dv.getInt32(pa + 4);`;
    return { code: `${ea} pa = xr(y, x, ${size}, ${e.slot}); ${fault} ${access} ${update}` };
  };
}

// ---- branches and LR/CTR moves ---------------------------------------------------------------

/** Code that leaves `ok` true when a bc with this BO/BI is taken (decrementing CTR if asked). */
function condition(bo: number, bi: number): string {
  let code = 'ok = true;';
  if ((bo & 0x04) === 0) {
    const ifZero = (bo & 0x02) !== 0;
    code += `a = (L[${CTR}] - 1) | 0; b = H[${CTR}]; if (a === -1) b = (b - 1) | 0; L[${CTR}] = a; H[${CTR}] = b;
ok = (S[${M_SF}] !== 0 ? (a | b) === 0 : a === 0) === ${ifZero};`;
  }
  if ((bo & 0x10) === 0) code += `if (ok) ok = ((S[${CR}] >>> ${31 - bi}) & 1) === ${(bo >>> 3) & 1};`;
  return code;
}

const bitLK = (i: Insn): number => i.f['LK'] ?? i.word & 1;
const bitAA = (i: Insn): number => i.f['AA'] ?? (i.word >>> 1) & 1;

const branchI: Emitter = (i, e) => {
  const disp = sext24(f(i, 'LI')) * 4;
  const absolute = bitAA(i) === 1;
  const target = e.slot + disp / 4;
  const inPage = !absolute && target >= 0 && target < SLOTS_PER_PAGE;
  let code = bitLK(i) ? `h.setAddr(c_, ${LR}, false, ${e.slot * 4 + 4});` : '';
  code += inPage ? jumpTo(e, target) : `h.setAddr(c_, ${PC}, ${absolute}, ${absolute ? disp : e.slot * 4 + disp}); ${exitWith(e, e.k + 1)}`;
  return { code, end: true };
};

const branchB: Emitter = (i, e) => {
  const bo = f(i, 'BO');
  const disp = sext14(f(i, 'BD')) * 4;
  const absolute = bitAA(i) === 1;
  const target = e.slot + disp / 4;
  const inPage = !absolute && target >= 0 && target < SLOTS_PER_PAGE;
  let code = condition(bo, f(i, 'BI'));
  if (bitLK(i)) code += `h.setAddr(c_, ${LR}, false, ${e.slot * 4 + 4});`;
  code += `if (ok) { ${inPage ? jumpTo(e, target) : `h.setAddr(c_, ${PC}, ${absolute}, ${absolute ? disp : e.slot * 4 + disp}); ${exitWith(e, e.k + 1)}`} }`;
  code += ret(e, e.k + 1, e.slot + 1);
  return { code, end: true };
};

const branchReg =
  (reg: number): Emitter =>
  (i, e) => {
    const bo = f(i, 'BO');
    if (reg === CTR && (bo & 0x04) === 0) return undefined; // invalid form: the single op raises it
    let code = condition(bo, f(i, 'BI'));
    code += `c = H[${reg}]; d = L[${reg}] & -4;`;
    if (bitLK(i)) code += `h.setAddr(c_, ${LR}, false, ${e.slot * 4 + 4});`;
    // A target in the same page continues there (as the single op does).
    const count = e.loop ? `(n_ + ${e.k + 1})` : String(e.k + 1);
    code += `if (!ok) { ${ret(e, e.k + 1, e.slot + 1)} } if (S[${M_SF}] === 0) c = 0;
if (c === H[${PAGE}] && ((d ^ L[${PAGE}]) & -4096) === 0) return (${count} << ${COUNT_SHIFT}) | ((d & 4095) >>> 2);
H[${PC}] = c; L[${PC}] = d; ${exitWith(e, e.k + 1)}`;
    return { code, end: true };
  };

const moveSpr =
  (write: boolean): Emitter =>
  (i) => {
    const spr = f(i, 'SPR');
    if (spr !== 8 && spr !== 9) return undefined;
    const slot = spr === 8 ? LR : CTR;
    const reg = f(i, write ? 'RS' : 'RT');
    return { code: write ? `H[${slot}] = H[${reg}]; L[${slot}] = L[${reg}];` : `H[${reg}] = H[${slot}]; L[${reg}] = L[${slot}];` };
  };

const M = (size: MemShape['size'], store: boolean, mode: MemShape['mode'], extra: Partial<MemShape> = {}): Emitter => memEmitter({ size, store, mode, ...extra });
const U = { update: true };

const EMITTERS: Readonly<Record<string, Emitter>> = {
  add: addEmitter(false, 'b', 0, false),
  subf: addEmitter(true, 'b', 1, false),
  neg: addEmitter(true, 'zero', 1, false),
  addc: addEmitter(false, 'b', 0, true),
  subfc: addEmitter(true, 'b', 1, true),
  adde: addEmitter(false, 'b', 'ca', true),
  subfe: addEmitter(true, 'b', 'ca', true),
  addze: addEmitter(false, 'zero', 'ca', true),
  addme: addEmitter(false, 'ones', 'ca', true),
  subfze: addEmitter(true, 'zero', 'ca', true),
  subfme: addEmitter(true, 'ones', 'ca', true),
  addi: addImmediate(false),
  addis: addImmediate(true),
  mulli,
  and: bool2((a, b) => `${a} & ${b}`),
  or: bool2((a, b) => `${a} | ${b}`),
  xor: bool2((a, b) => `${a} ^ ${b}`),
  andc: bool2((a, b) => `${a} & ~${b}`),
  orc: bool2((a, b) => `${a} | ~${b}`),
  nand: bool2((a, b) => `~(${a} & ${b})`),
  nor: bool2((a, b) => `~(${a} | ${b})`),
  eqv: bool2((a, b) => `~(${a} ^ ${b})`),
  ori: boolImm('|', false),
  oris: boolImm('|', true),
  xori: boolImm('^', false),
  xoris: boolImm('^', true),
  'andi.': andImm(false),
  'andis.': andImm(true),
  extsb: extend(8),
  extsh: extend(16),
  extsw: extend(32),
  rlwinm,
  rldicl: rldImm('icl'),
  rldicr: rldImm('icr'),
  rldic: rldImm('ic'),
  cmp: compareEmitter(true, false),
  cmpl: compareEmitter(false, false),
  cmpi: compareEmitter(true, true),
  cmpli: compareEmitter(false, true),
  lbz: M(1, false, 'd'),
  lbzu: M(1, false, 'd', U),
  lbzx: M(1, false, 'x'),
  lbzux: M(1, false, 'x', U),
  lhz: M(2, false, 'd'),
  lhzu: M(2, false, 'd', U),
  lhzx: M(2, false, 'x'),
  lhzux: M(2, false, 'x', U),
  lha: M(2, false, 'd', { signed: true }),
  lhau: M(2, false, 'd', { signed: true, update: true }),
  lhax: M(2, false, 'x', { signed: true }),
  lhaux: M(2, false, 'x', { signed: true, update: true }),
  lwz: M(4, false, 'd'),
  lwzu: M(4, false, 'd', U),
  lwzx: M(4, false, 'x'),
  lwzux: M(4, false, 'x', U),
  lwa: M(4, false, 'ds', { signed: true }),
  lwax: M(4, false, 'x', { signed: true }),
  lwaux: M(4, false, 'x', { signed: true, update: true }),
  ld: M(8, false, 'ds'),
  ldu: M(8, false, 'ds', U),
  ldx: M(8, false, 'x'),
  ldux: M(8, false, 'x', U),
  lhbrx: M(2, false, 'x', { reverse: true }),
  lwbrx: M(4, false, 'x', { reverse: true }),
  ldbrx: M(8, false, 'x', { reverse: true }),
  stb: M(1, true, 'd'),
  stbu: M(1, true, 'd', U),
  stbx: M(1, true, 'x'),
  stbux: M(1, true, 'x', U),
  sth: M(2, true, 'd'),
  sthu: M(2, true, 'd', U),
  sthx: M(2, true, 'x'),
  sthux: M(2, true, 'x', U),
  stw: M(4, true, 'd'),
  stwu: M(4, true, 'd', U),
  stwx: M(4, true, 'x'),
  stwux: M(4, true, 'x', U),
  std: M(8, true, 'ds'),
  stdu: M(8, true, 'ds', U),
  stdx: M(8, true, 'x'),
  stdux: M(8, true, 'x', U),
  sthbrx: M(2, true, 'x', { reverse: true }),
  stwbrx: M(4, true, 'x', { reverse: true }),
  stdbrx: M(8, true, 'x', { reverse: true }),
  b: branchI,
  bc: branchB,
  bclr: branchReg(LR),
  bcctr: branchReg(CTR),
  mfspr: moveSpr(false),
  mtspr: moveSpr(true),
};

/** What the generated code may call (passed in as `h`). */
export interface BlockHelpers {
  setCr0: typeof setCr0;
  umulh32: typeof umulh32;
  rotl64: typeof rotl64;
  setAddr: typeof setAddr;
}

const HELPERS: BlockHelpers = { setCr0, umulh32, rotl64, setAddr };

export interface CompiledBlock {
  fn: Op;
  /** Number of instructions (slots) the block covers. */
  length: number;
}

/**
 * Compile the block that starts at `start` in the page whose real base is `pageBase`, or return
 * undefined when fewer than two instructions would be in it. `decodeAt` gives the decoded
 * instruction of a slot (null when the word is not an instruction) and `opAt` its single op.
 * A block that ends with a branch back to its own start is emitted as a loop (the spin and
 * counted loops that dominate long runs then stay inside one optimised function).
 */
export function compileBlock(
  core: Core,
  start: number,
  decodeAt: (slot: number) => Insn | null,
  opAt: (slot: number) => Op,
): CompiledBlock | undefined {
  let b = emitBlock(start, decodeAt, opAt, false, undefined);
  if (b.length < 2) return undefined;
  if (b.loopsBack) b = emitBlock(start, decodeAt, opAt, true, spinCounters(start, b.length, decodeAt));
  const body = b.loop
    ? `return function block(lim) {
let a = 0, b = 0, c = 0, d = 0, s = 0, x = 0, y = 0, r = 0, pa = 0, ok = false, n_ = 0, j = 0, t = 0, hi = 0;
for (;;) {
${b.parts.join('\n')}
}
};`
    : `return function block() {
let a = 0, b = 0, c = 0, d = 0, s = 0, x = 0, y = 0, r = 0, pa = 0, ok = false;
${b.parts.join('\n')}
};`;
  const { H, L, S, dv, u8, cf, wrote, xr, xw, m } = core;
  // eslint-disable-next-line @typescript-eslint/no-implied-eval -- the block compiler's whole point
  const make = new Function('H', 'L', 'S', 'dv', 'u8', 'cf', 'wrote', 'xr', 'xw', 'm', 'mem', 'h', 'c_', 'O', body) as (...args: unknown[]) => Op;
  const fn = make(H, L, S, dv, u8, cf, wrote, xr, xw, m, m.mem, HELPERS, core, b.calls);
  return { fn, length: b.length };
}

interface EmittedBlock {
  parts: string[];
  calls: Op[];
  length: number;
  loop: boolean;
  loopsBack: boolean;
}

function emitBlock(
  start: number,
  decodeAt: (slot: number) => Insn | null,
  opAt: (slot: number) => Op,
  loop: boolean,
  spin: readonly SpinCounter[] | undefined,
): EmittedBlock {
  const parts: string[] = [];
  const calls: Op[] = [];
  const e: EmitCtx = { slot: start, k: 0, start, loop, loopsBack: false, spin };
  let ended = false;
  for (; e.k < MAX_BLOCK && e.slot < SLOTS_PER_PAGE; e.k++, e.slot++) {
    const insn = decodeAt(e.slot);
    if (insn === null) break;
    const emitted = EMITTERS[insn.id]?.(insn, e);
    if (emitted !== undefined) {
      parts.push(`/* ${e.slot}: ${insn.id} */ ${emitted.code}`);
      if (emitted.end) {
        ended = true;
        e.slot++;
        break;
      }
      continue;
    }
    if (PURE.has(insn.id)) {
      calls.push(opAt(e.slot));
      parts.push(`/* ${e.slot}: ${insn.id} */ O[${calls.length - 1}]();`);
      continue;
    }
    break;
  }
  const length = e.slot - start;
  if (!ended) parts.push(ret(e, length, e.slot));
  return { parts, calls, length, loop, loopsBack: e.loopsBack };
}

export type { Machine };
