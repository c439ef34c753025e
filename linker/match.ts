/**
 * Input section → output section assignment: every input section goes to the first input
 * description (in script order) that matches it; /DISCARD/ drops; ONLY_IF_RO/RW descriptions that
 * fail their constraint release their sections; what is left are orphans, placed GNU-style next to
 * output sections of the same kind.
 */
import { SHF_ALLOC, SHF_EXECINSTR, SHF_WRITE, SHT_NOBITS, SHT_NOTE } from '../elf/constants.js';
import type { AssertStmt, Assign, EntryStmt, InputSpec, OutputSectionDef, Pattern } from './script/ast.js';
import { compilePattern, matchFile } from './script/pattern.js';
import type { Ctx, InputSection, ObjectFile, OutputSection } from './types.js';

export interface PlannedOsec {
  def: OutputSectionDef;
  out: OutputSection;
  /** Matched input sections per command index (empty for non-input commands). */
  groups: InputSection[][];
  dropped: boolean;
  discard: boolean;
}

export type PlanItem = { k: 'stmt'; stmt: Assign | AssertStmt | EntryStmt } | { k: 'osec'; p: PlannedOsec };

export function newOutput(name: string, order: number): OutputSection {
  return {
    name, type: 1, flags: 0n, align: 1n, addr: 0n, lma: 0n, size: 0n, pieces: [], shndx: 0, phdrs: [], noload: false,
    hasSymbols: false, order, exists: false,
  };
}

type Kind = 'text' | 'rodata' | 'data' | 'bss' | 'other';
function kindOf(flags: bigint, type: number): Kind {
  if ((flags & SHF_ALLOC) === 0n) return 'other';
  if ((flags & SHF_EXECINSTR) !== 0n) return 'text';
  if (type === SHT_NOBITS) return 'bss';
  if ((flags & SHF_WRITE) !== 0n) return 'data';
  return 'rodata';
}
function kindOfName(name: string): Kind {
  if (/^\.(text|init|fini)\b/.test(name)) return 'text';
  if (/^\.(s?bss|tbss)\b/.test(name)) return 'bss';
  if (/^\.(rodata|eh_frame)\b/.test(name)) return 'rodata';
  if (/^\.(data|sdata|got|toc|opd)\b/.test(name)) return 'data';
  return 'other';
}

/** Files in matching order: linker-created sections first, then objects in command-line order. */
function allFiles(ctx: Ctx): ObjectFile[] {
  return [ctx.linkerFile, ...ctx.files];
}

function fileMatches(spec: InputSpec, file: ObjectFile): boolean {
  if (!matchFile(spec.file, file.path, file.member)) return false;
  return !spec.excludeFiles.some((p) => matchFile(p, file.path, file.member));
}

/** Whether some entry of the list takes sections of this file (its EXCLUDE_FILE does not name it). */
function entryTakes(entries: InputSpec['sections'], f: ObjectFile): boolean {
  return entries.some((e) => !e.excludeFiles.some((p) => matchFile(p, f.path, f.member)));
}

/**
 * Input sections indexed by name, in input order, so that a pattern is tested once per distinct
 * name rather than once per section (1000 objects have thousands of sections but a few names).
 */
class SectionIndex {
  readonly byName = new Map<string, InputSection[]>();
  private readonly namesFor = new Map<string, string[]>();

  constructor(files: ObjectFile[]) {
    let n = 0;
    // (Index loops here and below: these run once per link over every section, mostly before V8
    // optimizes them, and a for-of would allocate an iterator result per step until then.)
    for (let k = 0; k < files.length; k++) {
      const secs = files[k]!.sections;
      for (let i = 0; i < secs.length; i++) {
        const sec = secs[i];
        if (!sec) continue;
        sec.seq = n++;
        const l = this.byName.get(sec.name);
        if (l) l.push(sec);
        else this.byName.set(sec.name, [sec]);
      }
    }
  }

  /** Section names a pattern matches. */
  names(p: Pattern): string[] {
    let r = this.namesFor.get(p.text);
    if (!r) {
      r = this.byName.has(p.text) && !/[*?[]/.test(p.text) ? [p.text] : [...this.byName.keys()].filter((n) => p.match(n));
      this.namesFor.set(p.text, r);
    }
    return r;
  }

  /** Unclaimed sections the spec takes, in input order. */
  candidates(spec: InputSpec, claimed: Set<InputSection>): InputSection[] {
    const entriesByName = new Map<string, InputSpec['sections']>();
    for (const e of spec.sections) {
      for (const n of this.names(e.pattern)) {
        const l = entriesByName.get(n);
        if (l) l.push(e);
        else entriesByName.set(n, [e]);
      }
    }
    const out: InputSection[] = [];
    // `*` with no EXCLUDE_FILE (nearly every description) takes every file: skip the per-file tests.
    const anyFile = spec.file.text === '*' && spec.excludeFiles.length === 0;
    const fileOk = new Map<ObjectFile, boolean>();
    entriesByName.forEach((entries, name) => {
      const everyFile = entries.some((e) => e.excludeFiles.length === 0);
      const secs = this.byName.get(name)!;
      for (let i = 0; i < secs.length; i++) {
        const sec = secs[i]!;
        if (claimed.has(sec)) continue;
        // Common symbols (synthetic sections with index -2) go only where `*(COMMON)` asks for them.
        if ((sec.index === -2) !== spec.common) continue;
        if (!anyFile) {
          let ok = fileOk.get(sec.file);
          if (ok === undefined) fileOk.set(sec.file, (ok = fileMatches(spec, sec.file)));
          if (!ok) continue;
        }
        if (!everyFile && !entryTakes(entries, sec.file)) continue;
        out.push(sec);
      }
    });
    if (entriesByName.size > 1) out.sort((a, b) => a.seq - b.seq);
    return out;
  }
}

function sortGroup(group: InputSection[], sort: InputSpec['sort']): void {
  if (sort === 'name') group.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  else if (sort === 'alignment') group.sort((a, b) => (a.align > b.align ? -1 : a.align < b.align ? 1 : 0));
  else if (sort === 'init_priority') {
    const prio = (s: InputSection): number => {
      const m = /\.(\d+)$/.exec(s.name);
      return m ? Number(m[1]) : 65536;
    };
    group.sort((a, b) => prio(a) - prio(b));
  }
}

export function matchSections(ctx: Ctx): PlanItem[] {
  const plan: PlanItem[] = [];
  const claimed = new Set<InputSection>();
  const files = allFiles(ctx);
  const index = new SectionIndex(files);
  let order = 0;
  for (let n = 0; n < ctx.script.sections.length; n++) {
    const item = ctx.script.sections[n]!;
    if (item.k !== 'osec') {
      plan.push({ k: 'stmt', stmt: item });
      continue;
    }
    const def = item;
    const p: PlannedOsec = { def, out: newOutput(def.name, order++), groups: [], dropped: false, discard: def.name === '/DISCARD/' };
    p.out.phdrs = def.phdrs;
    const taken: InputSection[] = [];
    for (const cmd of def.cmds) {
      const group: InputSection[] = [];
      if (cmd.k === 'input') {
        const found = index.candidates(cmd, claimed);
        for (let i = 0; i < found.length; i++) {
          const sec = found[i]!;
          claimed.add(sec);
          group.push(sec);
          if (cmd.keep) sec.keep = true;
        }
        sortGroup(group, cmd.sort);
        for (let i = 0; i < group.length; i++) taken.push(group[i]!);
      }
      p.groups.push(group);
    }
    if (def.constraint) {
      const rw = taken.some((s) => (s.flags & SHF_WRITE) !== 0n);
      if ((def.constraint === 'ONLY_IF_RO' && rw) || (def.constraint === 'ONLY_IF_RW' && !rw && taken.length > 0)) {
        p.dropped = true;
        for (const s of taken) {
          claimed.delete(s);
          s.keep = false;
        }
      }
    }
    if (p.discard) for (const s of taken) s.discarded = true;
    plan.push({ k: 'osec', p });
  }
  placeOrphans(ctx, plan, claimed, files, order);
  return plan;
}

function planKind(p: PlannedOsec): Kind {
  for (const g of p.groups) for (const s of g) return kindOf(s.flags, s.type);
  return kindOfName(p.def.name);
}

function placeOrphans(ctx: Ctx, plan: PlanItem[], claimed: Set<InputSection>, files: ObjectFile[], order: number): void {
  const byName = new Map<string, PlannedOsec>();
  for (const it of plan) if (it.k === 'osec' && !it.p.dropped && !it.p.discard && !byName.has(it.p.def.name)) byName.set(it.p.def.name, it.p);
  const orphanDefs = new Map<string, PlannedOsec>();
  for (let k = 0; k < files.length; k++) {
    const secs = files[k]!.sections;
    for (let i = 0; i < secs.length; i++) {
      const sec = secs[i];
      if (!sec || claimed.has(sec)) continue;
      if (sec.name === '.note.GNU-stack' || (sec.type === SHT_NOTE && sec.size === 0n)) continue;
      if ((sec.flags & SHF_ALLOC) === 0n && sec.size === 0n) continue;
      const outName = sec.name === 'COMMON' && sec.index === -2 ? '.bss' : sec.name;
      const existing = byName.get(outName);
      if (existing) {
        // GNU ld appends an orphan to an output section of the same name.
        const spec = orphanSpec(sec.name, existing.def);
        existing.def.cmds.push(spec);
        existing.groups.push([sec]);
        claimed.add(sec);
        continue;
      }
      let p = orphanDefs.get(outName);
      if (!p) {
        const def: OutputSectionDef = { k: 'osec', name: outName, phdrs: [], cmds: [], loc: { file: '<orphan>', line: 0, col: 0 }, orphan: true };
        def.cmds.push(orphanSpec(sec.name, def));
        p = { def, out: newOutput(outName, order++), groups: [[]], dropped: false, discard: false };
        p.out.orphan = true;
        orphanDefs.set(outName, p);
        insertOrphan(plan, p, kindOf(sec.flags, sec.type));
      }
      p.groups[0]!.push(sec);
      claimed.add(sec);
    }
  }
  void ctx;
}

function orphanSpec(name: string, def: OutputSectionDef): InputSpec {
  return {
    k: 'input', file: compilePattern('*'), excludeFiles: [], sections: [{ pattern: compilePattern(name), excludeFiles: [] }],
    common: false, keep: false, sort: 'none', loc: def.loc,
  };
}

/** The output section GNU ld first looks for when placing an orphan of each kind. */
const ANCHOR_NAME: Record<Kind, string> = { text: '.text', rodata: '.rodata', data: '.data', bss: '.bss', other: '' };

/**
 * GNU ld's orphan placement: after the output section named like the orphan's kind (.text,
 * .rodata, .data, .bss), else after the last one of the same kind, else after the last allocated
 * one; past the symbol assignments that follow that section (`_edata = .;` stays with .data) and
 * past orphans already placed there. Non-allocated orphans go last.
 */
function insertOrphan(plan: PlanItem[], p: PlannedOsec, kind: Kind): void {
  let at = -1;
  let lastKind = -1;
  let lastAlloc = -1;
  plan.forEach((it, i) => {
    if (it.k !== 'osec' || it.p.dropped || it.p.discard || it.p.def.orphan) return;
    const k = planKind(it.p);
    if (k !== 'other') lastAlloc = i;
    if (k === kind) lastKind = i;
    if (it.p.def.name === ANCHOR_NAME[kind]) at = i;
  });
  if (kind === 'other') at = plan.length - 1;
  else if (at < 0) at = lastKind >= 0 ? lastKind : lastAlloc >= 0 ? lastAlloc : plan.length - 1;
  // An orphan goes into the memory regions of the section it follows.
  const anchor = plan[at];
  if (kind !== 'other' && anchor?.k === 'osec') {
    if (anchor.p.def.region) p.def.region = anchor.p.def.region;
    if (anchor.p.def.lmaRegion) p.def.lmaRegion = anchor.p.def.lmaRegion;
  }
  while (at + 1 < plan.length) {
    const next = plan[at + 1]!;
    const symbolAssign = next.k === 'stmt' && next.stmt.k === 'assign' && next.stmt.name !== '.';
    const sameOrphan = next.k === 'osec' && next.p.def.orphan;
    if (symbolAssign || sameOrphan) at++;
    else break;
  }
  plan.splice(at + 1, 0, { k: 'osec', p });
}
