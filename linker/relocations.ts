/**
 * Generic relocation processing: decode, scan (GOT entries), and compute S/A/P/TOC values that
 * arch/ppc64.ts patches in. ELFv1 specifics handled here: a branch to a function descriptor in
 * .opd goes to the code address its descriptor holds, and dot symbols (`bl .foo`) are synthesized
 * from descriptors when only `foo` is defined.
 */
import { relocName, SHT_NOBITS, STB_WEAK } from '../elf/constants.js';
import { readRelocations } from '../elf/reader.js';
import { apply, classify, fieldSize } from './arch/ppc64.js';
import { symbolAddress } from './symbols.js';
import type { Ctx, GotEntry, InputSection, ObjectFile, OutputSection, Sym } from './types.js';

const hex = (v: bigint): string => `0x${v.toString(16)}`;
export const where = (s: InputSection, off: bigint): string => `${s.file.name}:(${s.name}+${hex(off)})`;

/** Decode every input section's relocations once; bad tables and unknown types are errors. */
export function decodeRelocations(ctx: Ctx): void {
  for (const file of ctx.files) {
    for (const sec of file.sections) {
      if (!sec || sec.relaIndex < 0 || sec.synthetic) continue;
      const r = readRelocations(file.elf, sec.relaIndex, file.name);
      if ('error' in r) {
        ctx.diags.add({ severity: 'error', message: r.error });
        sec.relocs = [];
        continue;
      }
      sec.relocs = r.relocs;
      const limit = sec.type === SHT_NOBITS ? 0n : sec.size;
      for (const rel of r.relocs) {
        const how = classify(rel.type);
        if (!how) {
          const known = relocName(rel.type);
          const msg = known.startsWith('<') ? `unknown relocation type ${rel.type}` : `unsupported relocation ${known}`;
          ctx.diags.add({ severity: 'error', where: where(sec, rel.offset), message: msg });
          continue;
        }
        if (how.expr !== 'none' && rel.offset + BigInt(fieldSize(how.field)) > limit) {
          ctx.diags.add({ severity: 'error', where: where(sec, rel.offset), message: `relocation ${relocName(rel.type)} at offset ${hex(rel.offset)} is outside the section (size ${hex(limit)})` });
        }
      }
    }
  }
}

/** The code address an .opd descriptor at `offset` points to: its first doubleword's relocation. */
export function opdTarget(sec: InputSection, offset: bigint): { sym: Sym; addend: bigint } | undefined {
  for (const r of sec.relocs ?? []) {
    if (r.offset === offset && r.type === 38 /* R_PPC64_ADDR64 */) {
      const sym = sec.file.symbols[r.sym];
      return sym ? { sym, addend: r.addend } : undefined;
    }
  }
  return undefined;
}

/** Define `.foo` for every referenced-but-undefined dot symbol whose descriptor `foo` is in .opd. */
export function synthesizeDotSymbols(ctx: Ctx): void {
  for (const s of ctx.globals.values()) {
    if (s.kind !== 'undefined' || !s.name.startsWith('.') || s.name.length < 2) continue;
    const desc = ctx.globals.get(s.name.slice(1));
    if (!desc || desc.kind !== 'defined' || !desc.section || desc.section.name !== '.opd') continue;
    const t = opdTarget(desc.section, desc.value);
    if (!t || t.sym.kind !== 'defined') continue;
    Object.assign(s, {
      // GNU ld makes the synthesized entry symbol local (hidden) to the output.
      kind: 'defined', section: t.sym.section, value: t.sym.value + t.addend, file: desc.file, type: 2 /* STT_FUNC */,
      binding: desc.binding, other: 2,
    });
  }
}

function gotSectionFor(ctx: Ctx, file: ObjectFile): InputSection {
  let sec = ctx.gotByFile.get(file);
  if (!sec) {
    sec = {
      file, index: -1, name: '.got', type: 1, flags: 3n /* WA */, align: 8n, size: 0n, data: new Uint8Array(0), relaIndex: -1,
      live: true, keep: false, offset: 0n, discarded: false,
      synthetic: { write: (out, at, c) => writeGotEntries(c, file, out, at) },
    };
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

/** Create the per-file .got sections that will hold GOT entries (before sections are matched). */
export function createGotSections(ctx: Ctx): void {
  let any = false;
  for (const file of ctx.files) {
    for (const sec of [...file.sections]) {
      if (!sec?.relocs) continue;
      if (sec.relocs.some((r) => classify(r.type)?.expr === 'got')) {
        gotSectionFor(ctx, file);
        any = true;
        break;
      }
    }
  }
  if (any) ctx.got.header = ctx.linkerFile.sections.find((s) => s?.name === '.got');
}

/** Allocate GOT entries for the live sections' GOT relocations; entries in a file go newest first, as GNU ld lays them out. */
export function allocateGot(ctx: Ctx): void {
  for (const file of ctx.files) {
    const gsec = ctx.gotByFile.get(file);
    if (!gsec) continue;
    const mine: GotEntry[] = [];
    for (const sec of file.sections) {
      if (!sec?.relocs || !sec.live || sec.discarded) continue;
      for (const r of sec.relocs) {
        if (classify(r.type)?.expr !== 'got') continue;
        const sym = file.symbols[r.sym];
        if (!sym) continue;
        let bySym = ctx.got.byKey.get(sym);
        if (!bySym) ctx.got.byKey.set(sym, (bySym = new Map()));
        if (bySym.has(r.addend)) continue;
        const e: GotEntry = { sym, addend: r.addend, offset: 0, file };
        bySym.set(r.addend, e);
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
  return symbolAddress({ section: sec, value: BigInt(e.offset) } as Sym);
}

/** Apply every live section's relocations into its output buffer. */
export function applyRelocations(ctx: Ctx, buffers: Map<OutputSection, Uint8Array>): void {
  for (const out of ctx.outputs) {
    const buf = buffers.get(out);
    for (const piece of out.pieces) {
      if (piece.kind !== 'input') continue;
      const sec = piece.section;
      if (!sec.relocs || sec.relocs.length === 0) continue;
      if (!buf) {
        if (sec.type !== SHT_NOBITS) continue; // non-loaded output (NOLOAD): nothing to patch
        ctx.diags.add({ severity: 'error', where: where(sec, 0n), message: 'relocations in a section without contents (SHT_NOBITS)' });
        continue;
      }
      applySection(ctx, sec, new DataView(buf.buffer, buf.byteOffset, buf.byteLength), out.addr);
    }
  }
}

function applySection(ctx: Ctx, sec: InputSection, dv: DataView, outAddr: bigint): void {
  const base = outAddr + sec.offset;
  const isAllocated = (sec.flags & 2n) !== 0n;
  for (const r of sec.relocs!) {
    const how = classify(r.type);
    if (!how || how.expr === 'none') continue;
    const sym = sec.file.symbols[r.sym];
    if (!sym) continue;
    const P = base + r.offset;
    let S: bigint;
    if (r.sym === 0) S = 0n; // no symbol: the addend alone (R_PPC64_TOC from .TOC.@tocbase)
    else if (sym.kind === 'undefined' || sym.kind === 'lazy') {
      if (sym.binding === STB_WEAK && !sym.strongRef) S = 0n;
      else {
        if (isAllocated) ctx.diags.add({ severity: 'error', where: where(sec, r.offset), message: `undefined reference to \`${sym.name}'` });
        continue;
      }
    } else if (sym.section && (sym.section.discarded || !sym.section.live || !sym.section.out)) {
      if (!isAllocated) continue; // debug info about removed code: GNU ld writes 0 there too
      const what = sym.isSection || sym.name === '' ? `section \`${sym.section.name}'` : `\`${sym.name}'`;
      ctx.diags.add({
        severity: 'error', where: where(sec, r.offset),
        message: `${what} referenced in section \`${sec.name}' of ${sec.file.name}: defined in discarded section \`${sym.section.name}' of ${sym.section.file.name}`,
      });
      continue;
    } else {
      S = symbolAddress(sym);
      // ELFv1: a call to a function descriptor goes to the code its descriptor points to.
      if ((how.field === 'br24' || how.field === 'br14') && sym.section?.name === '.opd' && !sym.isSection) {
        const t = opdTarget(sym.section, sym.value);
        if (t && t.sym.kind === 'defined') S = symbolAddress(t.sym) + t.addend;
      }
    }
    let value: bigint;
    switch (how.expr) {
      case 'abs':
        value = S + r.addend;
        break;
      case 'pc':
        value = S + r.addend - P;
        break;
      case 'toc':
        value = S + r.addend - ctx.tocBase;
        break;
      case 'tocbase':
        value = ctx.tocBase + r.addend;
        break;
      case 'got': {
        const g = gotEntryAddress(ctx, sym, r.addend);
        if (g === undefined) continue; // cannot happen: allocateGot saw every live GOT relocation
        value = g - ctx.tocBase;
        break;
      }
    }
    const msg = apply(dv, Number(sec.offset + r.offset), how, value, r.type);
    if (msg) {
      const target = sym.name ? ` against \`${sym.name}'` : sym.section ? ` against section \`${sym.section.name}'` : '';
      ctx.diags.add({ severity: 'error', where: where(sec, r.offset), message: `${msg}${target}` });
    }
  }
}
