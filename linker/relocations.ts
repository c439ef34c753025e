/**
 * Generic relocation processing: decode, scan (GOT entries), and compute S/A/P/TOC values that
 * arch/ppc64.ts patches in. ELFv1 specifics handled here: a branch to a function descriptor in
 * .opd goes to the code address its descriptor holds, and dot symbols (`bl .foo`) are synthesized
 * from descriptors when only `foo` is defined.
 */
import { RELA_SIZE, relocName, SHT_NOBITS, STB_WEAK } from '../elf/constants.js';
import { apply, applyFast, classify, fieldSize } from './arch/ppc64.js';
import { addendBig, EMPTY_RELOCS, offsetBig, relAddend, relocTable, relOffset, relSym, relType, type RelocTable } from './reloc-table.js';
import { newInputSection } from './input.js';
import { symbolAddress } from './symbols.js';
import type { Ctx, GotEntry, InputSection, ObjectFile, OutputSection, Sym } from './types.js';

const hex = (v: bigint): string => `0x${v.toString(16)}`;
export const where = (s: InputSection, off: bigint): string => `${s.file.name}:(${s.name}+${hex(off)})`;

/**
 * Decode every input section's relocations once; bad tables and unknown types are errors. Returns
 * the objects that have GOT relocations (createGotSections gives them a .got).
 */
export function decodeRelocations(ctx: Ctx): Set<ObjectFile> {
  const gotUsers = new Set<ObjectFile>();
  for (let k = 0; k < ctx.files.length; k++) {
    const file = ctx.files[k]!;
    for (let j = 0; j < file.sections.length; j++) {
      const sec = file.sections[j];
      const rela = sec?.rela;
      if (!sec || !rela || sec.synthetic) continue;
      const t = relocTable(rela.dv, rela.base, rela.size, rela.symbolCount);
      if ('error' in t) {
        ctx.diags.add({ severity: 'error', message: `${file.name}: ${rela.name}: ${t.error}` });
        sec.relocs = EMPTY_RELOCS;
        continue;
      }
      sec.relocs = t;
      // Offsets past 2^53 are approximate as numbers but certainly past the limit: still reported.
      const limit = sec.type === SHT_NOBITS ? 0 : Number(sec.size);
      for (let i = 0; i < t.count; i++) {
        const type = relType(t, i);
        const how = classify(type);
        if (!how) {
          const known = relocName(type);
          const msg = known.startsWith('<') ? `unknown relocation type ${type}` : `unsupported relocation ${known}`;
          ctx.diags.add({ severity: 'error', where: where(sec, offsetBig(t, i)), message: msg });
          continue;
        }
        if (how.expr !== 'none' && relOffset(t, i) + fieldSize(how.field) > limit) {
          const off = offsetBig(t, i);
          ctx.diags.add({ severity: 'error', where: where(sec, off), message: `relocation ${relocName(type)} at offset ${hex(off)} is outside the section (size ${hex(BigInt(limit))})` });
        }
        if (how.expr === 'got') gotUsers.add(file);
      }
    }
  }
  return gotUsers;
}

/** The code address an .opd descriptor at `offset` points to: its first doubleword's relocation. */
export function opdTarget(sec: InputSection, offset: bigint): { sym: Sym; addend: bigint } | undefined {
  const t = sec.relocs;
  if (!t) return undefined;
  const at = Number(offset);
  for (let i = 0; i < t.count; i++) {
    if (relOffset(t, i) === at && relType(t, i) === 38 /* R_PPC64_ADDR64 */ && offsetBig(t, i) === offset) {
      const sym = sec.file.symbols[relSym(t, i)];
      return sym ? { sym, addend: addendBig(t, i) } : undefined;
    }
  }
  return undefined;
}

/** Define `.foo` for every referenced-but-undefined dot symbol whose descriptor `foo` is in .opd. */
export function synthesizeDotSymbols(ctx: Ctx): void {
  ctx.globals.forEach((s) => {
    if (s.kind !== 'undefined' || !s.name.startsWith('.') || s.name.length < 2) return;
    const desc = ctx.globals.get(s.name.slice(1));
    if (!desc || desc.kind !== 'defined' || !desc.section || desc.section.name !== '.opd') return;
    const t = opdTarget(desc.section, desc.value);
    if (!t || t.sym.kind !== 'defined') return;
    Object.assign(s, {
      // GNU ld makes the synthesized entry symbol local (hidden) to the output.
      kind: 'defined', section: t.sym.section, value: t.sym.value + t.addend, file: desc.file, type: 2 /* STT_FUNC */,
      binding: desc.binding, other: 2,
    });
  });
}

function gotSectionFor(ctx: Ctx, file: ObjectFile): InputSection {
  let sec = ctx.gotByFile.get(file);
  if (!sec) {
    sec = newInputSection(file, -1, '.got', 1, 3n /* WA */, 8n, 0n, new Uint8Array(0));
    sec.synthetic = { write: (out, at, c) => writeGotEntries(c, file, out, at) };
    ctx.gotByFile.set(file, sec);
    file.sections.push(sec);
  }
  return sec;
}

function writeGotEntries(ctx: Ctx, file: ObjectFile, out: Uint8Array, at: number): void {
  const dv = new DataView(out.buffer, out.byteOffset, out.byteLength);
  for (const e of ctx.got.entries) {
    if (e.file !== file) continue;
    const v = e.sym.kind === 'defined' || e.sym.kind === 'common' ? symbolAddress(e.sym) + e.addend : e.addend;
    dv.setBigUint64(at + e.offset, BigInt.asUintN(64, v));
  }
}

/** Whether a relocation type asks for a GOT entry. */
const isGotType = (type: number): boolean => classify(type)?.expr === 'got';

/** Create the per-file .got sections that will hold GOT entries (before sections are matched), for the objects decodeRelocations found using the GOT. */
export function createGotSections(ctx: Ctx, gotUsers: Set<ObjectFile>): void {
  if (gotUsers.size === 0) return;
  for (let f = 0; f < ctx.files.length; f++) if (gotUsers.has(ctx.files[f]!)) gotSectionFor(ctx, ctx.files[f]!);
  ctx.got.header = ctx.linkerFile.sections.find((s) => s?.name === '.got');
}

/** Allocate GOT entries for the live sections' GOT relocations; entries in a file go newest first, as GNU ld lays them out. */
export function allocateGot(ctx: Ctx): void {
  for (let f = 0; f < ctx.files.length; f++) {
    const file = ctx.files[f]!;
    const gsec = ctx.gotByFile.get(file);
    if (!gsec) continue;
    const mine: GotEntry[] = [];
    for (const sec of file.sections) {
      const t = sec?.relocs;
      if (!t || !sec.live || sec.discarded) continue;
      for (let i = 0; i < t.count; i++) {
        if (!isGotType(relType(t, i))) continue;
        const sym = file.symbols[relSym(t, i)];
        if (!sym) continue;
        const addend = addendBig(t, i);
        let bySym = ctx.got.byKey.get(sym);
        if (!bySym) ctx.got.byKey.set(sym, (bySym = new Map()));
        if (bySym.has(addend)) continue;
        const e: GotEntry = { sym, addend, offset: 0, file };
        bySym.set(addend, e);
        mine.push(e);
      }
    }
    mine.reverse().forEach((e, i) => (e.offset = i * 8));
    for (const e of mine) ctx.got.entries.push(e);
    gsec.size = BigInt(mine.length * 8);
  }
  if (ctx.got.header) ctx.got.header.size = ctx.got.entries.length ? 8n : 0n;
}

export function gotEntryAddress(ctx: Ctx, sym: Sym, addend: bigint): bigint | undefined {
  const e = ctx.got.byKey.get(sym)?.get(addend);
  if (!e) return undefined;
  const sec = ctx.gotByFile.get(e.file)!;
  return sec.out ? sec.out.addr + sec.offset + BigInt(e.offset) : BigInt(e.offset);
}

/** Values up to 2^51 in magnitude: S + A − P of three of them is still exact in a double. */
const LIM = 2 ** 51;
const small = (v: bigint): number => (v <= 0x8000000000000n && v >= -0x8000000000000n ? Number(v) : NaN);

/** Apply every live section's relocations into its output buffer. */
export function applyRelocations(ctx: Ctx, buffers: Map<OutputSection, Uint8Array>): void {
  // Each object's symbols' plainValue, looked up on first use: one array for all objects, each
  // object's run starting at first[file.order].
  const first: number[] = [];
  let total = 0;
  for (let k = 0; k < ctx.files.length; k++) {
    first.push(total);
    total += ctx.files[k]!.symbols.length;
  }
  const cache = new Float64Array(total).fill(UNKNOWN);
  for (const out of ctx.outputs) {
    const buf = buffers.get(out);
    const dv = buf && new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
    for (let k = 0; k < out.pieces.length; k++) {
      const piece = out.pieces[k]!;
      if (piece.kind !== 'input') continue;
      const sec = piece.section;
      if (!sec.relocs || sec.relocs.count === 0) continue;
      if (!dv) {
        if (sec.type !== SHT_NOBITS) continue; // non-loaded output (NOLOAD): nothing to patch
        ctx.diags.add({ severity: 'error', where: where(sec, 0n), message: 'relocations in a section without contents (SHT_NOBITS)' });
        continue;
      }
      applySection(ctx, sec, dv, out.addr, cache, first[sec.file.order]!);
    }
  }
}

/** Symbol value cache states besides a value: not looked at yet, and "use the general path". */
const UNKNOWN = NaN;
const GENERAL = Infinity;

/**
 * S for a relocation against symbol `i` of `file` as a number, when it is the plain same value for
 * every relocation type and exact: the index-0 null symbol and undefined weak symbols (0), and
 * defined symbols in live sections with addresses below 2^51, except descriptors in .opd (a branch
 * goes to their code). Everything else (and the errors) is for applyEntry: GENERAL.
 */
function plainValue(file: ObjectFile, i: number): number {
  const sym = file.symbols[i];
  if (!sym) return GENERAL;
  if (i === 0) return 0;
  if (sym.kind === 'undefined' || sym.kind === 'lazy') return sym.binding === STB_WEAK && !sym.strongRef ? 0 : GENERAL;
  const sec = sym.section;
  if (sec && (sec.discarded || !sec.live || !sec.out || (sec.name === '.opd' && !sym.isSection))) return GENERAL;
  // symbolAddress's sum, in numbers: exact while each part is below 2^51 (checked by small).
  const S = sec ? (sec.out ? small(sec.out.addr) + small(sec.offset) : 0) + small(sym.value) : small(sym.value);
  return S === S && S <= LIM && S >= -LIM ? S : GENERAL;
}

/**
 * Patch one section. Each entry first tries number arithmetic with the symbol's cached value; what
 * that cannot do exactly (unknown or odd symbols, 64-bit addresses, huge addends, GOT entries,
 * failed checks) goes through `applyEntry`, the bigint reference path.
 */
function applySection(ctx: Ctx, sec: InputSection, dv: DataView, outAddr: bigint, cache: Float64Array, first: number): void {
  const t = sec.relocs!;
  const baseBig = outAddr + sec.offset;
  const base = small(baseBig);
  const toc = small(ctx.tocBase);
  const at0 = Number(sec.offset);
  // The entry's fields are read in place here (the loop runs mostly before V8 optimizes it, when
  // every helper call costs); the uncommon 64-bit offsets and addends go through reloc-table.ts.
  const rdv = t.dv;
  const nsyms = sec.file.symbols.length;
  for (let i = 0, at = t.base; i < t.count; i++, at += RELA_SIZE) {
    const how = classify(rdv.getUint32(at + 12));
    if (!how || how.expr === 'none') continue;
    const si = rdv.getUint32(at + 8);
    // (An index past this object's symbols, possible when a RELA section links to a second symbol table, is applyEntry's to refuse.)
    let S = si < nsyms ? cache[first + si]! : GENERAL;
    if (S !== S) cache[first + si] = S = plainValue(sec.file, si);
    const A = rdv.getInt32(at + 16) === 0 ? rdv.getUint32(at + 20) : relAddend(t, i);
    if (S !== GENERAL && A <= LIM && A >= -LIM) {
      const off = rdv.getUint32(at) === 0 ? rdv.getUint32(at + 4) : relOffset(t, i);
      let v = NaN;
      switch (how.expr) {
        case 'abs':
          v = S + A;
          break;
        case 'pc':
          v = S + A - (base + off);
          break;
        case 'toc':
          v = S + A - toc;
          break;
        case 'tocbase':
          v = toc + A;
          break;
      }
      if (v === v && applyFast(dv, at0 + off, how, v)) continue;
    }
    applyEntry(ctx, sec, dv, baseBig, t, i);
  }
}

/** One relocation with bigint values: the reference computation, with its checks and diagnostics. */
function applyEntry(ctx: Ctx, sec: InputSection, dv: DataView, base: bigint, t: RelocTable, i: number): void {
  const type = relType(t, i);
  const how = classify(type)!;
  const symIndex = relSym(t, i);
  const sym = sec.file.symbols[symIndex];
  if (!sym) return;
  const offset = offsetBig(t, i);
  const addend = addendBig(t, i);
  const P = base + offset;
  let S: bigint;
  if (symIndex === 0) S = 0n; // no symbol: the addend alone (R_PPC64_TOC from .TOC.@tocbase)
  else if (sym.kind === 'undefined' || sym.kind === 'lazy') {
    if (sym.binding === STB_WEAK && !sym.strongRef) S = 0n;
    else {
      if ((sec.flags & 2n) !== 0n) ctx.diags.add({ severity: 'error', where: where(sec, offset), message: `undefined reference to \`${sym.name}'` });
      return;
    }
  } else if (sym.section && (sym.section.discarded || !sym.section.live || !sym.section.out)) {
    if ((sec.flags & 2n) === 0n) return; // debug info about removed code: GNU ld writes 0 there too
    const what = sym.isSection || sym.name === '' ? `section \`${sym.section.name}'` : `\`${sym.name}'`;
    ctx.diags.add({
      severity: 'error', where: where(sec, offset),
      message: `${what} referenced in section \`${sec.name}' of ${sec.file.name}: defined in discarded section \`${sym.section.name}' of ${sym.section.file.name}`,
    });
    return;
  } else {
    S = symbolAddress(sym);
    // ELFv1: a call to a function descriptor goes to the code its descriptor points to.
    if ((how.field === 'br24' || how.field === 'br14') && sym.section?.name === '.opd' && !sym.isSection) {
      const d = opdTarget(sym.section, sym.value);
      if (d && d.sym.kind === 'defined') S = symbolAddress(d.sym) + d.addend;
    }
  }
  let value: bigint;
  switch (how.expr) {
    case 'abs':
      value = S + addend;
      break;
    case 'pc':
      value = S + addend - P;
      break;
    case 'toc':
      value = S + addend - ctx.tocBase;
      break;
    case 'tocbase':
      value = ctx.tocBase + addend;
      break;
    case 'got': {
      const g = gotEntryAddress(ctx, sym, addend);
      if (g === undefined) return; // cannot happen: allocateGot saw every live GOT relocation
      value = g - ctx.tocBase;
      break;
    }
    case 'none':
      return;
  }
  const msg = apply(dv, Number(sec.offset + offset), how, value, type);
  if (msg) {
    const target = sym.name ? ` against \`${sym.name}'` : sym.section ? ` against section \`${sym.section.name}'` : '';
    ctx.diags.add({ severity: 'error', where: where(sec, offset), message: `${msg}${target}` });
  }
}
