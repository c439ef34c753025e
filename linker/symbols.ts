/**
 * Global symbol resolution (GNU ld rules): a strong definition beats weak and common ones, two
 * strong definitions are an error, commons merge to the largest size and alignment, undefined
 * weak references resolve to 0, and an archive member is extracted only for a strong reference.
 */
import { SHN_ABS, SHN_COMMON, SHN_UNDEF, STB_GLOBAL, STB_LOCAL, STB_WEAK, STT_NOTYPE, STT_SECTION, SYM_SIZE } from '../elf/constants.js';
import type { ElfSymbol } from '../elf/types.js';
import type { Ctx, InputSection, ObjectFile, Sym } from './types.js';

/**
 * Every Sym is made here with all of its fields, in one order, so that all symbols share one
 * object shape (V8 keeps the code that reads them monomorphic; later updates never add fields).
 */
function makeSym(
  name: string, kind: Sym['kind'], binding: number, type: number, other: number, size: bigint, section: InputSection | null, value: bigint,
  file: ObjectFile | null, isGlobal: boolean, isSection: boolean,
): Sym {
  return {
    name, kind, binding, type, other, size, section, value, file, isGlobal, strongRef: false, referenced: false,
    commonAlign: undefined, lazy: undefined, scriptSection: undefined, isSection,
  };
}

export function newUndefined(name: string): Sym {
  return makeSym(name, 'undefined', STB_GLOBAL, STT_NOTYPE, 0, 0n, null, 0n, null, true, false);
}

export function lookupOrCreate(ctx: Ctx, name: string): Sym {
  let s = ctx.globals.get(name);
  if (!s) {
    s = newUndefined(name);
    ctx.globals.set(name, s);
  }
  return s;
}

/** "a.o:(.text+0x10)": where a symbol is defined, as GNU ld prints it. */
export function symbolPlace(s: Sym): string {
  if (!s.file) return '<linker script>';
  if (!s.section) return `${s.file.name}:(*ABS*)`;
  return `${s.file.name}:(${s.section.name}+0x${s.value.toString(16)})`;
}

export function makeLocal(file: ObjectFile, es: ElfSymbol, section: InputSection | undefined): Sym {
  return makeSym(es.name, es.shndx === SHN_UNDEF ? 'undefined' : 'defined', STB_LOCAL, es.type, es.other, es.size, section ?? null, es.value, file, false, es.type === STT_SECTION);
}

/** Turn `s` into a definition (fields a definition does not use are reset). */
export function define(s: Sym, section: InputSection | null, value: bigint, file: ObjectFile | null): void {
  s.kind = 'defined';
  s.section = section;
  s.value = value;
  s.file = file;
  s.lazy = undefined;
  s.commonAlign = undefined;
}

/**
 * Merge one global symbol of `file` into the table. `section` is the input section for a
 * section-relative definition, or undefined for SHN_ABS/UNDEF/COMMON (or a discarded section).
 * Returns the shared Sym.
 */
export function addGlobal(ctx: Ctx, file: ObjectFile, es: ElfSymbol, section: InputSection | undefined, discarded: boolean): Sym {
  const s = lookupOrCreate(ctx, es.name);
  const weak = es.bind === STB_WEAK;
  if (es.shndx === SHN_UNDEF || discarded) {
    // A reference (a definition in a discarded COMDAT group counts as one: the kept copy defines it).
    s.referenced = true;
    if (!weak) s.strongRef = true;
    if (s.kind === 'undefined' && !weak) s.binding = STB_GLOBAL;
    else if (s.kind === 'undefined' && weak && !s.strongRef) s.binding = STB_WEAK;
    return s;
  }
  if (es.shndx === SHN_COMMON) {
    if (s.kind === 'defined' && !(s.binding === STB_WEAK)) return s; // a real definition wins
    if (s.kind === 'common') {
      // The largest declaration wins and its file holds the storage, as in GNU ld.
      if (es.size > s.size) {
        s.size = es.size;
        s.file = file;
      }
      if (es.value > (s.commonAlign ?? 1n)) s.commonAlign = es.value;
      return s;
    }
    s.kind = 'common';
    s.binding = STB_GLOBAL;
    s.type = es.type;
    s.other = es.other;
    s.size = es.size;
    s.section = null;
    s.value = 0n;
    s.file = file;
    s.commonAlign = es.value > 0n ? es.value : 1n;
    s.lazy = undefined;
    return s;
  }
  // Does this definition take the symbol over? (Weak and common ones yield to a strong one.)
  let take: boolean;
  if (s.kind === 'undefined' || s.kind === 'lazy') take = true;
  else if (s.kind === 'common') take = !weak;
  else if (s.binding === STB_WEAK) take = !weak;
  else if (weak) take = false;
  else if (s.scriptSection !== undefined) take = true; // an object's definition overrides a PROVIDE-style placeholder
  else {
    const here = section ? `${file.name}:(${section.name}+0x${es.value.toString(16)})` : `${file.name}:(*ABS*)`;
    ctx.diags.add({ severity: 'error', where: here, message: `multiple definition of \`${es.name}'; ${symbolPlace(s)}: first defined here` });
    take = false;
  }
  if (take) {
    define(s, es.shndx === SHN_ABS ? null : section ?? null, es.value, file);
    s.binding = weak ? STB_WEAK : STB_GLOBAL;
    s.type = es.type;
    s.other = es.other;
    s.size = es.size;
    s.scriptSection = undefined;
  }
  return s;
}

/**
 * Decode the object's symbol table (`names` from input.ts) straight into Syms, merging the
 * globals: no intermediate ElfSymbol per entry. Returns per-index Syms.
 */
export function addObjectSymbols(ctx: Ctx, file: ObjectFile, dv: DataView, base: number, names: string[], discardedSections: Set<number> | null): Sym[] {
  const n = names.length;
  const out: Sym[] = new Array(n);
  // One scratch record for addGlobal, which reads it and keeps none of it.
  const es: ElfSymbol = { name: '', value: 0n, size: 0n, bind: 0, type: 0, other: 0, shndx: 0 };
  for (let i = 0, at = base; i < n; i++, at += SYM_SIZE) {
    const info = dv.getUint8(at + 4);
    const bind = info >> 4;
    const shndx = dv.getUint16(at + 6);
    es.name = names[i]!;
    es.bind = bind;
    es.type = info & 0xf;
    es.other = dv.getUint8(at + 5);
    es.shndx = shndx;
    es.value = dv.getBigUint64(at + 8);
    // Most symbols (labels) have size 0: skip the bigint allocation for those.
    es.size = dv.getUint32(at + 16) === 0 && dv.getUint32(at + 20) === 0 ? 0n : dv.getBigUint64(at + 16);
    const special = shndx === SHN_UNDEF || shndx >= 0xff00;
    const section = special ? undefined : file.sections[shndx];
    if (i === 0) {
      out[0] = makeLocal(file, es, undefined);
      continue;
    }
    if (bind === STB_LOCAL) {
      const l = makeLocal(file, es, section);
      if (!special && !section) l.kind = 'undefined'; // in a section the link drops
      out[i] = l;
      continue;
    }
    out[i] = addGlobal(ctx, file, es, section, !special && discardedSections !== null && discardedSections.has(shndx));
  }
  return out;
}

/** Absolute value of a defined symbol (after layout). */
export function symbolAddress(s: Sym): bigint {
  if (s.section) {
    const o = s.section.out;
    return o ? o.addr + s.section.offset + s.value : s.value;
  }
  return s.value;
}
