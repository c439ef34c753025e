/**
 * Program headers and file offsets. Without PHDRS, allocated output sections go into PT_LOAD
 * segments the way GNU ld groups them: a new segment starts when the VMA−LMA relation changes,
 * when a loaded section follows a NOBITS one, when a whole page would be skipped, or when writable
 * data would share a page-aligned segment with read-only data on a different page. The first
 * segment carries the ELF and program headers when the script left room for them.
 */
import { PF_R, PF_W, PF_X, PT_GNU_RELRO, PT_GNU_STACK, PT_LOAD, PT_PHDR, SHF_EXECINSTR, SHF_WRITE, SHT_NOBITS } from '../elf/constants.js';
import type { ElfSegment } from '../elf/types.js';
import { evaluate, type EvalEnv } from './script/eval.js';
import type { Ctx, OutputSection } from './types.js';

export interface Segment {
  type: number;
  flags: number;
  sections: OutputSection[];
  headers: boolean;
  /** Explicit values (PHDRS AT()/FLAGS()). */
  paddr?: bigint;
  fixedFlags?: boolean;
  phdrOnly?: boolean;
}

export interface FileLayout {
  segments: ElfSegment[];
  /** File offset of each allocated output section. */
  offsets: Map<OutputSection, bigint>;
  /** End of the loaded part of the file (non-allocated sections follow). */
  end: bigint;
}

const alignDown = (v: bigint, a: bigint): bigint => v - (v % a);
const alignUp = (v: bigint, a: bigint): bigint => (a > 1n ? ((v + a - 1n) / a) * a : v);
const loadEnd = (o: OutputSection): bigint => o.lma + (o.type === SHT_NOBITS ? 0n : o.size);

function flagsOf(sections: OutputSection[]): number {
  let f = PF_R;
  for (const o of sections) {
    if ((o.flags & SHF_WRITE) !== 0n) f |= PF_W;
    if ((o.flags & SHF_EXECINSTR) !== 0n) f |= PF_X;
  }
  return f;
}

/** Group the allocated sections into PT_LOAD segments (no PHDRS command). */
export function planSegments(ctx: Ctx, outputs: OutputSection[], headerSize: bigint): Segment[] {
  const P = ctx.opts.maxPageSize;
  const allocs = outputs.filter((o) => o.exists && o.alloc).sort((a, b) => (a.lma < b.lma ? -1 : a.lma > b.lma ? 1 : a.order - b.order));
  const segs: Segment[] = [];
  let cur: Segment | undefined;
  let writable = false;
  for (const o of allocs) {
    if (o.size === 0n) {
      if (o.orphan) continue; // GNU's empty stub sections are gone before segments are made
      // An empty section joins the segment it touches (GNU ld counts it in the segment's size).
      const last = cur?.sections[cur.sections.length - 1];
      if (cur && last && o.lma - o.addr === last.lma - last.addr && o.lma >= last.lma && o.lma <= alignUp(last.lma + last.size, P)) cur.sections.push(o);
      continue;
    }
    const last = [...(cur?.sections ?? [])].reverse().find((x) => x.size > 0n);
    let fresh = !cur || !last;
    if (cur && last) {
      const lastEnd = last.lma + last.size;
      if (o.lma - o.addr !== last.lma - last.addr) fresh = true;
      else if (o.lma < lastEnd || o.addr < last.addr + last.size) fresh = true;
      else if (last.type === SHT_NOBITS && o.type !== SHT_NOBITS) fresh = true;
      else if (!ctx.opts.omagic && alignUp(lastEnd, P) < alignDown(o.lma, P)) fresh = true;
      else if (!ctx.opts.omagic && !writable && (o.flags & SHF_WRITE) !== 0n && alignDown(lastEnd - 1n, P) !== alignDown(o.lma, P)) fresh = true;
    }
    if (fresh) {
      cur = { type: PT_LOAD, flags: 0, sections: [], headers: false };
      segs.push(cur);
      writable = false;
    }
    cur!.sections.push(o);
    if ((o.flags & SHF_WRITE) !== 0n) writable = true;
  }
  for (const s of segs) s.flags = flagsOf(s.sections);
  // Headers ride in the first segment when the script left room before its first section.
  const first = segs[0]?.sections[0];
  if (first && !ctx.opts.omagic && first.addr % P >= headerSize && first.addr % P === first.lma % P) segs[0]!.headers = true;
  const extra: Segment[] = [];
  if (outputs.some((o) => o.relro && o.exists)) extra.push({ type: PT_GNU_RELRO, flags: PF_R, sections: [], headers: false });
  if (ctx.gnuStack !== undefined) extra.push({ type: PT_GNU_STACK, flags: ctx.gnuStack ? PF_R | PF_W | PF_X : PF_R | PF_W, sections: [], headers: false });
  return [...segs, ...extra];
}

/** Segments from a PHDRS command: each output section goes where its `:name` list (or the previous section's) says. */
export function planUserSegments(ctx: Ctx, outputs: OutputSection[], env: EvalEnv): Segment[] {
  const segs = ctx.script.phdrs.map((p): Segment => {
    const s: Segment = { type: p.type, flags: 0, sections: [], headers: p.fileHdr || p.phdrs, phdrOnly: p.type === PT_PHDR };
    if (p.flags) {
      s.flags = Number(evaluate(p.flags, env).v & 0xffffffffn);
      s.fixedFlags = true;
    }
    if (p.at) s.paddr = evaluate(p.at, env).v;
    return s;
  });
  const byName = new Map(ctx.script.phdrs.map((p, i) => [p.name, segs[i]!]));
  let inherited: string[] = [];
  for (const o of outputs) {
    if (!o.exists || !o.alloc) continue;
    const names = o.phdrs.length ? o.phdrs : inherited;
    inherited = names.filter((n) => n !== 'NONE');
    for (const n of names) {
      if (n === 'NONE') continue;
      const seg = byName.get(n);
      if (!seg) ctx.diags.add({ severity: 'error', message: `section \`${o.name}' assigned to non-existent phdr \`${n}'` });
      else seg.sections.push(o);
    }
  }
  for (const s of segs) if (!s.fixedFlags) s.flags = s.sections.length ? flagsOf(s.sections) : 0;
  return segs;
}

/** File offsets and final program headers. */
export function layoutFile(ctx: Ctx, segs: Segment[], outputs: OutputSection[], phnum: number): FileLayout {
  const P = ctx.opts.omagic ? 0n : ctx.opts.maxPageSize;
  const headerSize = BigInt(64 + 56 * phnum);
  const offsets = new Map<OutputSection, bigint>();
  const elfSegs: ElfSegment[] = [];
  let cursor = headerSize;
  const loads = segs.filter((s) => s.type === PT_LOAD);
  const placed = new Map<Segment, ElfSegment>();
  for (const s of loads) {
    const secs = [...s.sections].sort((a, b) => (a.lma < b.lma ? -1 : a.lma > b.lma ? 1 : 0));
    const first = secs[0];
    let vaddr: bigint;
    let paddr: bigint;
    let off: bigint;
    if (!first) {
      vaddr = paddr = s.paddr ?? 0n;
      off = s.headers ? 0n : cursor;
    } else if (s.headers) {
      const inPage = P > 0n ? first.addr % P : headerSize;
      vaddr = first.addr - inPage;
      paddr = (s.paddr ?? first.lma) - inPage;
      off = 0n;
    } else {
      const align = P > 0n ? P : secs.reduce((m, o) => (o.align > m ? o.align : m), 1n);
      off = cursor + ((((first.addr - cursor) % align) + align) % align);
      vaddr = first.addr;
      paddr = s.paddr ?? first.lma;
    }
    let filesz = 0n;
    let memsz = 0n;
    for (const o of secs) {
      const rel = o.addr - vaddr;
      offsets.set(o, off + rel);
      if (o.type !== SHT_NOBITS) filesz = rel + o.size;
      memsz = rel + o.size;
    }
    if (s.headers && filesz < headerSize) filesz = headerSize;
    if (s.headers && memsz < filesz) memsz = filesz;
    const seg: ElfSegment = { type: PT_LOAD, flags: s.flags, offset: off, vaddr, paddr, filesz, memsz, align: P > 0n ? P : maxAlign(secs) };
    placed.set(s, seg);
    cursor = off + filesz > cursor ? off + filesz : cursor;
  }
  for (const s of segs) {
    const loaded = placed.get(s);
    if (loaded) {
      elfSegs.push(loaded);
      continue;
    }
    if (s.type === PT_GNU_RELRO) {
      const relro = outputs.filter((o) => o.relro && o.exists && offsets.has(o));
      if (!relro.length) continue;
      const start = relro[0]!;
      const end = relro[relro.length - 1]!;
      const memsz = alignUp(end.addr + end.size, ctx.opts.maxPageSize) - start.addr;
      const holder = elfSegs.find((e) => e.type === PT_LOAD && e.vaddr <= start.addr && start.addr < e.vaddr + e.memsz);
      const avail = holder ? holder.offset + holder.filesz - offsets.get(start)! : end.addr + end.size - start.addr;
      elfSegs.push({ type: PT_GNU_RELRO, flags: PF_R, offset: offsets.get(start)!, vaddr: start.addr, paddr: start.lma, filesz: avail < memsz ? avail : memsz, memsz, align: 1n });
    } else if (s.type === PT_GNU_STACK) {
      elfSegs.push({ type: PT_GNU_STACK, flags: s.flags, offset: 0n, vaddr: 0n, paddr: 0n, filesz: 0n, memsz: 0n, align: 0x10n });
    } else if (s.phdrOnly) {
      const size = BigInt(56 * phnum);
      elfSegs.push({ type: PT_PHDR, flags: s.flags || PF_R, offset: 64n, vaddr: 0n, paddr: 0n, filesz: size, memsz: size, align: 8n });
    } else {
      // Other PHDRS types (PT_NOTE, ...): span their sections.
      const secs = s.sections.filter((o) => offsets.has(o));
      const first = secs[0];
      const last = secs[secs.length - 1];
      if (!first || !last) {
        elfSegs.push({ type: s.type, flags: s.flags, offset: 0n, vaddr: 0n, paddr: 0n, filesz: 0n, memsz: 0n, align: 8n });
        continue;
      }
      const memsz = last.addr + last.size - first.addr;
      const filesz = last.type === SHT_NOBITS ? last.addr - first.addr : memsz;
      elfSegs.push({ type: s.type, flags: s.flags, offset: offsets.get(first)!, vaddr: first.addr, paddr: s.paddr ?? first.lma, filesz, memsz, align: maxAlign(secs) });
    }
  }
  // Empty allocated sections sit where their address falls in a segment (else at the end of the file).
  for (const o of outputs) {
    if (!o.exists || !o.alloc || offsets.has(o)) continue;
    const seg = elfSegs.find((e) => e.type === PT_LOAD && o.addr >= e.vaddr && o.addr <= e.vaddr + e.filesz);
    offsets.set(o, seg ? seg.offset + (o.addr - seg.vaddr) : cursor);
  }
  return { segments: elfSegs, offsets, end: cursor };
}

function maxAlign(secs: OutputSection[]): bigint {
  return secs.reduce((m, o) => (o.align > m ? o.align : m), 1n);
}

/** Loaded end (for checks). */
export { loadEnd };
