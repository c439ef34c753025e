/**
 * Address assignment: runs the planned SECTIONS statements as GNU ld does, repeating passes until
 * every address and script symbol is stable (scripts may refer forward), then one final pass that
 * reports errors. Also implements DATA_SEGMENT_ALIGN/RELRO_END (the relro end lands on a page
 * boundary) and the LMA rules (AT(), AT>, explicit address, or the previous section's VMA−LMA).
 */
import type { Location } from '../common/diagnostics.js';
import { SHF_ALLOC, SHF_EXECINSTR, SHF_WRITE, SHT_NOBITS, SHT_PROGBITS } from '../elf/constants.js';
import type { PlanItem, PlannedOsec } from './match.js';
import type { Assign, AssertStmt, Expr } from './script/ast.js';
import { type EvalEnv, type Value, evaluate } from './script/eval.js';
import { lookupOrCreate, symbolAddress } from './symbols.js';
import type { Ctx, InputSection, OutputSection, Sym } from './types.js';

const alignUp = (v: bigint, a: bigint): bigint => (a <= 1n ? v : (a & (a - 1n)) === 0n ? (v + a - 1n) & ~(a - 1n) : ((v + a - 1n) / a) * a);
const hex = (v: bigint): string => `0x${v.toString(16)}`;

interface DataSegment {
  /** The base chosen after a converged pass (for relro, or to save a page), then kept. */
  fixedBase?: bigint;
  base?: bigint;
  relroEnd?: bigint;
  relroOffset: bigint;
  /** DATA_SEGMENT_END's argument: where the data segment ends. */
  end?: bigint;
  /** fixedBase is relro's (DATA_SEGMENT_RELRO_END then pads to the page). */
  relroFixed?: boolean;
}

export interface LayoutState {
  plan: PlanItem[];
  /** Program header count used for SIZEOF_HEADERS. */
  phnum: number;
  ds: DataSegment;
  /** Output sections in plan order. */
  outputs: OutputSection[];
  /** Symbols assigned by the script in the current pass (DEFINED() sees them). */
  assigned: Set<string>;
  /** Symbols PROVIDE defined (so a later pass may redefine them). */
  provided: Set<Sym>;
}

interface Pass {
  final: boolean;
  /** Set when an assignment inside the current output section defined a symbol. */
  definedInSection?: boolean;
  dot: bigint;
  inSection?: OutputSection;
  prevAlloc?: OutputSection;
  regionCursor: Map<string, bigint>;
  errors: { message: string; loc: Location }[];
}

export function createLayoutState(plan: PlanItem[], phnum: number): LayoutState {
  const outputs: OutputSection[] = [];
  for (const it of plan) if (it.k === 'osec' && !it.p.dropped && !it.p.discard) outputs.push(it.p.out);
  return { plan, phnum, ds: { relroOffset: 0n }, outputs, assigned: new Set(), provided: new Set() };
}

/** Run passes to a fixed point and a final reporting pass. Returns false when it could not converge. */
export function runLayout(ctx: Ctx, st: LayoutState): boolean {
  let prev = '';
  for (let i = 0; i < 12; i++) {
    runPass(ctx, st, false);
    const snap = snapshot(ctx, st);
    if (snap === prev) {
      if (maybeFixRelro(ctx, st) || maybeSaveCommonPage(ctx, st)) {
        prev = '';
        continue;
      }
      const p = runPass(ctx, st, true);
      for (const e of p.errors) ctx.diags.add({ severity: 'error', message: e.message, loc: e.loc });
      return true;
    }
    prev = snap;
  }
  ctx.diags.add({ severity: 'error', message: 'linker script does not converge: section addresses keep changing between passes' });
  return false;
}

function snapshot(ctx: Ctx, st: LayoutState): string {
  const parts: string[] = [];
  for (const o of st.outputs) parts.push(`${o.exists ? 1 : 0}:${o.addr}:${o.lma}:${o.size}`);
  for (const n of st.assigned) {
    const s = ctx.globals.get(n);
    if (s) parts.push(`${n}=${s.value}`);
  }
  parts.push(String(st.ds.fixedBase));
  return parts.join(',');
}

/**
 * DATA_SEGMENT_RELRO_END: move the data segment so that the relro sections end exactly on a
 * page boundary, placing each relro section as late as its alignment allows (last first). The
 * page is the maximum page size: GNU ld 2.40 pads relro to it whatever -z common-page-size says.
 */
function maybeFixRelro(ctx: Ctx, st: LayoutState): boolean {
  const ds = st.ds;
  if (ds.fixedBase !== undefined || ds.base === undefined || ds.relroEnd === undefined) return false;
  if (!ctx.opts.relro || ctx.opts.omagic || ds.relroEnd <= ds.base) return false;
  const page = ctx.opts.maxPageSize;
  let desired = alignUp(ds.relroEnd, page) - ds.relroOffset;
  const relro = st.outputs.filter((o) => o.exists && o.alloc && o.addr >= ds.base! && o.addr < ds.relroEnd!);
  if (relro.length === 0) return false;
  for (let i = relro.length - 1; i >= 0; i--) {
    const o = relro[i]!;
    const end = o.addr + o.size;
    let start = o.addr + (desired - end);
    start -= start % (o.align > 0n ? o.align : 1n);
    desired = start;
  }
  if (desired < ds.base) return false;
  ds.fixedBase = desired;
  ds.relroFixed = true;
  for (const o of relro) o.relro = true;
  return true;
}

/**
 * DATA_SEGMENT_ALIGN's second form, when relro did not place the data segment: start it at the
 * next common-page boundary (in the same max-page frame) when that makes the segment, up to
 * DATA_SEGMENT_END, touch one common page fewer. With `first` bytes from the base up to the next
 * common-page boundary and `last` bytes used of the segment's final common page, moving the whole
 * segment up by `first` saves that page exactly when the segment spans more than one common page
 * and first + last fits in one.
 */
function maybeSaveCommonPage(ctx: Ctx, st: LayoutState): boolean {
  const ds = st.ds;
  if (ds.fixedBase !== undefined || ds.base === undefined || ds.end === undefined || ctx.opts.omagic) return false;
  const page = ctx.opts.commonPageSize;
  const max = ctx.opts.maxPageSize;
  if (page >= max || page <= 0n) return false;
  const first = (page - (ds.base % page)) % page;
  const last = ds.end % page;
  if (first === 0n || last === 0n || ds.base / page === ds.end / page || first + last > page) return false;
  ds.fixedBase = ds.base + first;
  return true;
}

function runPass(ctx: Ctx, st: LayoutState, final: boolean): Pass {
  const pass: Pass = { final, dot: 0n, regionCursor: new Map(), errors: [] };
  st.assigned.clear();
  st.ds.base = undefined;
  st.ds.relroEnd = undefined;
  st.ds.end = undefined;
  const env = makeEnv(ctx, st, pass);
  for (const r of ctx.script.memory) {
    pass.regionCursor.set(r.name, evaluate(r.origin, minimalEnv(pass)).v);
  }
  // --defsym assignments act as if they opened the script.
  for (const d of ctx.defsyms) assign(ctx, st, pass, env, d);
  for (const it of st.plan) {
    if (it.k === 'stmt') {
      if (it.stmt.k === 'assign') assign(ctx, st, pass, env, it.stmt);
      else if (it.stmt.k === 'assert') checkAssert(pass, env, it.stmt);
      continue;
    }
    if (it.p.dropped || it.p.discard) continue;
    placeSection(ctx, st, pass, env, it.p);
  }
  return pass;
}

function checkAssert(pass: Pass, env: EvalEnv, a: AssertStmt): void {
  const v = evaluate(a.expr, env);
  if (pass.final && v.v === 0n) pass.errors.push({ message: a.message, loc: a.loc });
}

function makeEnv(ctx: Ctx, st: LayoutState, pass: Pass): EvalEnv {
  const byName = new Map<string, OutputSection>();
  for (const o of st.outputs) if (!byName.has(o.name)) byName.set(o.name, o);
  return {
    dot: () => pass.dot,
    symbol: (name) => {
      const s = ctx.globals.get(name);
      if (!s || (s.kind !== 'defined' && s.kind !== 'common')) return undefined;
      if (s.scriptSection !== undefined) return { v: s.value, abs: s.scriptSection === null };
      return { v: symbolAddress(s), abs: s.section === null };
    },
    isDefined: (name) => {
      const s = ctx.globals.get(name);
      if (!s) return false;
      if (s.scriptSection !== undefined) return st.assigned.has(name);
      return s.kind === 'defined' || s.kind === 'common';
    },
    section: (name) => byName.get(name),
    region: (name) => {
      const r = ctx.script.memory.find((m) => m.name === name);
      if (!r) return undefined;
      // MEMORY origins and lengths are constant expressions.
      return { origin: evaluate(r.origin, minimalEnv(pass)).v, length: evaluate(r.length, minimalEnv(pass)).v };
    },
    sizeofHeaders: () => BigInt(64 + 56 * st.phnum),
    maxPageSize: ctx.opts.maxPageSize,
    commonPageSize: ctx.opts.commonPageSize,
    dataSegmentAlign: (max, common) => {
      void common;
      const dot = pass.dot;
      if (ctx.opts.omagic) {
        st.ds.base = dot;
        return dot;
      }
      const base = st.ds.fixedBase ?? alignUp(dot, max) + (dot & (max - 1n));
      st.ds.base = base;
      return base;
    },
    dataSegmentRelroEnd: (offset, exp) => {
      st.ds.relroEnd = exp + offset;
      st.ds.relroOffset = offset;
      if (st.ds.relroFixed && st.ds.base !== undefined && exp + offset > st.ds.base) {
        return alignUp(exp + offset, ctx.opts.maxPageSize) - offset;
      }
      return exp;
    },
    dataSegmentEnd: (exp) => {
      st.ds.end = exp;
      return exp;
    },
    error: (message, loc) => {
      if (pass.final) pass.errors.push({ message, loc });
    },
  };
}

function minimalEnv(pass: Pass): EvalEnv {
  const none = (): undefined => undefined;
  return {
    dot: () => 0n, symbol: none, isDefined: () => false, section: none, region: none, sizeofHeaders: () => 0n,
    maxPageSize: 0x10000n, commonPageSize: 0x10000n, dataSegmentAlign: () => 0n, dataSegmentRelroEnd: (_o, e) => e,
    dataSegmentEnd: (e) => e, error: (message, loc) => pass.final && pass.errors.push({ message, loc }),
  };
}

/** 2^52: addresses below it, plus sizes and alignments below 2^40, keep number arithmetic exact. */
const SAFE = 2 ** 52;

/**
 * The input-section loop of placeSection in number arithmetic, for the usual case of addresses
 * below 2^52: the same placement without a handful of bigints per section per pass. Returns
 * false, having changed nothing, when the values are out of that range.
 */
function placeInputsFast(pass: Pass, out: OutputSection, g: InputSection[], addr: bigint, subalign: bigint | undefined, fill: number): boolean {
  if (pass.dot >= BigInt(SAFE) || addr < 0n || addr > pass.dot) return false;
  let dot = Number(pass.dot);
  const base = Number(addr);
  const sub = subalign === undefined ? -1 : Number(subalign);
  let reach = dot;
  for (let k = 0; k < g.length; k++) {
    const s = g[k]!;
    if (!s.live || s.discarded) continue;
    const a = sub >= 0 ? sub : Number(s.align);
    const size = Number(s.size);
    if (a >= 2 ** 40 || size >= 2 ** 40) return false;
    reach += a + size;
    if (reach >= SAFE) return false;
  }
  for (let k = 0; k < g.length; k++) {
    const s = g[k]!;
    if (!s.live || s.discarded) continue;
    const a = sub >= 0 ? sub : Number(s.align);
    const r = a > 1 ? dot % a : 0;
    const start = r === 0 ? dot : dot + (a - r);
    if (start > dot && fill !== 0) out.pieces.push({ kind: 'fill', offset: BigInt(dot - base), size: BigInt(start - dot), pattern: fill });
    s.out = out;
    // Passes mostly repeat the previous placement: keep the bigint when it did not move.
    if (Number(s.offset) !== start - base) s.offset = BigInt(start - base);
    out.pieces.push(s.piece);
    dot = start + Number(s.size);
  }
  pass.dot = BigInt(dot);
  return true;
}

/** Script assignment (outside or inside an output section). */
function assign(ctx: Ctx, st: LayoutState, pass: Pass, env: EvalEnv, a: Assign): void {
  const sec = pass.inSection;
  if (a.name === '.') {
    const cur: Value = { v: pass.dot, abs: false };
    const rhs = evaluate(a.expr, env);
    let v = combine(a.op, cur, rhs, a.expr);
    let target = v.v;
    if (sec && v.abs) target = sec.addr + v.v;
    if (sec && target < pass.dot) {
      if (pass.final) pass.errors.push({ message: `cannot move location counter backwards (from ${hex(pass.dot)} to ${hex(target)})`, loc: a.loc });
      target = pass.dot;
    }
    v = { v: target, abs: false };
    pass.dot = v.v;
    return;
  }
  let s = ctx.globals.get(a.name);
  if (a.provide) {
    // PROVIDE defines a symbol only when something refers to it and no object defines it.
    if (!(s?.referenced || ctx.scriptRefs.has(a.name))) return;
    if (s && s.kind !== 'undefined' && !st.provided.has(s)) return;
  }
  s ??= lookupOrCreate(ctx, a.name);
  const cur: Value = s.scriptSection !== undefined ? { v: s.value, abs: s.scriptSection === null } : { v: symbolAddress(s), abs: s.section === null };
  if (a.op !== '=' && s.kind === 'undefined' && !st.assigned.has(a.name)) {
    if (pass.final) pass.errors.push({ message: `undefined symbol \`${a.name}' in compound assignment`, loc: a.loc });
  }
  const v = combine(a.op, cur, evaluate(a.expr, env), a.expr);
  let value = v.v;
  let scriptSection: OutputSection | null = null;
  if (sec) {
    scriptSection = sec;
    if (v.abs) value = sec.addr + v.v;
    sec.hasSymbols = true;
  } else if (!v.abs) {
    scriptSection = st.outputs.find((o) => o.exists && o.alloc && value >= o.addr && value <= o.addr + o.size) ?? null;
  }
  Object.assign(s, {
    kind: 'defined', section: null, value, scriptSection, file: null, binding: 1, type: 0, size: 0n, other: a.hidden ? 2 : 0,
  });
  if (a.provide) st.provided.add(s);
  st.assigned.add(a.name);
  if (sec) pass.definedInSection = true;
}

function combine(op: string, cur: Value, rhs: Value, expr: Expr): Value {
  void expr;
  if (op === '=') return rhs;
  const M = (1n << 64n) - 1n;
  const abs = cur.abs && rhs.abs;
  switch (op) {
    case '+=':
      return { v: (cur.v + rhs.v) & M, abs };
    case '-=':
      return { v: (cur.v - rhs.v) & M, abs };
    case '*=':
      return { v: (cur.v * rhs.v) & M, abs };
    case '/=':
      return { v: rhs.v === 0n ? 0n : cur.v / rhs.v, abs };
    case '<<=':
      return { v: (cur.v << (rhs.v & 63n)) & M, abs };
    case '>>=':
      return { v: cur.v >> (rhs.v & 63n), abs };
    case '&=':
      return { v: cur.v & rhs.v, abs };
    case '|=':
      return { v: cur.v | rhs.v, abs };
    case '^=':
      return { v: cur.v ^ rhs.v, abs };
  }
  return rhs;
}

/** Whether an output section has contents of its own: non-empty inputs or data statements. */
function hasContents(p: PlannedOsec): boolean {
  for (let i = 0; i < p.def.cmds.length; i++) {
    const c = p.def.cmds[i]!;
    if (c.k === 'data') return true;
    if (c.k !== 'input') continue;
    const g = p.groups[i]!;
    for (let k = 0; k < g.length; k++) {
      const s = g[k]!;
      if (s.live && !s.discarded && (s.size > 0n || s.keepEmpty)) return true;
    }
  }
  return false;
}

/** A section that could exist: it has contents or statements that may define symbols or move dot. */
function mayExist(p: PlannedOsec): boolean {
  return hasContents(p) || p.def.cmds.some((c) => c.k === 'assign');
}

function placeSection(ctx: Ctx, st: LayoutState, pass: Pass, env: EvalEnv, p: PlannedOsec): void {
  const { def, out } = p;
  out.pieces = [];
  out.exists = mayExist(p);
  // Flags and alignment from the live inputs.
  let flags = 0n;
  let align = 1n;
  let allNobits = true;
  let anyInput = false;
  for (let i = 0; i < def.cmds.length; i++) {
    const c = def.cmds[i]!;
    if (c.k === 'data') allNobits = false;
    if (c.k !== 'input') continue;
    const g = p.groups[i]!;
    for (let k = 0; k < g.length; k++) {
      const s = g[k]!;
      if (!s.live || s.discarded) continue;
      anyInput = true;
      flags |= s.flags;
      if (s.align > align) align = s.align;
      if (s.type !== SHT_NOBITS) allNobits = false;
    }
  }
  if (!anyInput) {
    flags = SHF_ALLOC | SHF_WRITE; // only assignments or data: GNU ld makes a writable allocated section
    allNobits = !def.cmds.some((c) => c.k === 'data');
  }
  if (def.type === 'INFO' || def.type === 'COPY' || def.type === 'DSECT') flags &= ~SHF_ALLOC;
  const alloc = (flags & SHF_ALLOC) !== 0n;
  out.alloc = alloc;
  out.flags = flags & (SHF_ALLOC | SHF_WRITE | SHF_EXECINSTR | 0x10n | 0x20n | 0x400n);
  out.type = allNobits || def.type === 'NOLOAD' ? SHT_NOBITS : SHT_PROGBITS;
  out.noload = def.type === 'NOLOAD';
  if (def.align) {
    const forced = evaluate(def.align, env).v;
    if (forced > align) align = forced;
  }
  if (def.subalign) {
    const sub = evaluate(def.subalign, env).v;
    if (sub > 0n) align = sub > align ? sub : align;
  }
  out.align = align;
  if (!out.exists) {
    out.size = 0n;
    out.addr = pass.dot;
    out.lma = pass.dot;
    return;
  }
  let addr: bigint;
  if (def.addr) addr = evaluate(def.addr, env).v;
  else if (!alloc) addr = 0n;
  else if (def.region && pass.regionCursor.has(def.region)) addr = alignUp(pass.regionCursor.get(def.region)!, align);
  else addr = alignUp(pass.dot, align);
  if (def.align && def.addr) addr = alignUp(addr, evaluate(def.align, env).v);
  if (def.region && !pass.regionCursor.has(def.region) && pass.final) {
    pass.errors.push({ message: `memory region \`${def.region}' not declared`, loc: def.loc });
  }
  out.addr = addr;
  const outerDot = pass.dot;
  pass.dot = addr;
  pass.inSection = out;
  pass.definedInSection = false;
  const subalign = def.subalign ? evaluate(def.subalign, env).v : undefined;
  // Gaps are filled with FILL()'s pattern, else the section's `=fill`, else nops in code (GNU ld's ppc64 default).
  let fill = def.fill ? Number(evaluate(def.fill, env).v & 0xffffffffn) : (flags & SHF_EXECINSTR) !== 0n ? 0x60000000 : 0;
  const gap = (to: bigint): void => {
    if (to > pass.dot && fill !== 0) out.pieces.push({ kind: 'fill', offset: pass.dot - addr, size: to - pass.dot, pattern: fill });
  };
  for (let i = 0; i < def.cmds.length; i++) {
    const c = def.cmds[i]!;
    switch (c.k) {
      case 'input': {
        const g = p.groups[i]!;
        if (placeInputsFast(pass, out, g, addr, subalign, fill)) break;
        for (let k = 0; k < g.length; k++) {
          const s = g[k]!;
          if (!s.live || s.discarded) continue;
          const start = alignUp(pass.dot, subalign ?? s.align);
          gap(start);
          s.out = out;
          s.offset = start - addr;
          out.pieces.push(s.piece);
          pass.dot = start + s.size;
        }
        break;
      }
      case 'assign': {
        const before = pass.dot;
        assign(ctx, st, pass, env, c);
        if (c.name === '.' && pass.dot > before) {
          const after = pass.dot;
          pass.dot = before;
          gap(after);
          pass.dot = after;
        }
        break;
      }
      case 'data': {
        const v = evaluate(c.expr, env);
        out.pieces.push({ kind: 'data', offset: pass.dot - addr, size: c.size, value: v.v });
        pass.dot += BigInt(c.size);
        break;
      }
      case 'fill':
        fill = Number(evaluate(c.expr, env).v & 0xffffffffn);
        break;
      case 'assert':
        checkAssert(pass, env, c);
        break;
    }
  }
  pass.inSection = undefined;
  out.size = pass.dot - addr;
  // GNU ld drops a section left empty whose statements defined no symbol (a PROVIDE nobody used,
  // a dot assignment that did not move); its address does not move dot.
  if (out.size === 0n && !pass.definedInSection && !hasContents(p) && !out.keepEmpty) {
    out.exists = false;
    out.addr = outerDot;
    out.lma = outerDot;
    pass.dot = outerDot;
    return;
  }
  if (pass.final) {
    // Values must stay inside the 64-bit address space, and contents must fit in memory to be written.
    if (addr + out.size > 1n << 64n) pass.errors.push({ message: `section \`${out.name}' (${hex(addr)} + ${hex(out.size)}) extends past the end of the address space`, loc: def.loc });
    if (out.type !== SHT_NOBITS && out.size > 1n << 30n) pass.errors.push({ message: `section \`${out.name}' is ${hex(out.size)} bytes; ppc64-ld writes sections of at most 1 GiB`, loc: def.loc });
  }
  // Load address.
  if (def.lma) out.lma = evaluate(def.lma, env).v;
  else if (def.lmaRegion) {
    const cur = pass.regionCursor.get(def.lmaRegion);
    if (cur === undefined) {
      if (pass.final) pass.errors.push({ message: `memory region \`${def.lmaRegion}' not declared`, loc: def.loc });
      out.lma = addr;
    } else {
      out.lma = out.size === 0n ? cur : alignUp(cur, align);
      pass.regionCursor.set(def.lmaRegion, out.lma + (out.type === SHT_NOBITS ? 0n : out.size));
    }
  } else if (def.addr || !alloc) out.lma = addr;
  else if (pass.prevAlloc) out.lma = addr + (pass.prevAlloc.lma - pass.prevAlloc.addr);
  else out.lma = addr;
  if (alloc) {
    pass.dot = addr + out.size;
    if (def.region && pass.regionCursor.has(def.region)) {
      pass.regionCursor.set(def.region, addr + out.size);
      const r = ctx.script.memory.find((m) => m.name === def.region)!;
      const end = evaluate(r.origin, env).v + evaluate(r.length, env).v;
      if (pass.final && addr + out.size > end) {
        pass.errors.push({ message: `section \`${out.name}' will not fit in region \`${def.region}': overflowed by ${hex(addr + out.size - end)} bytes`, loc: def.loc });
      }
    }
    pass.prevAlloc = out;
  } else pass.dot = outerDot;
}
