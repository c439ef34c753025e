/**
 * Global symbol resolution (GNU ld rules): a strong definition beats weak and common ones, two
 * strong definitions are an error, commons merge to the largest size and alignment, undefined
 * weak references resolve to 0, and an archive member is extracted only for a strong reference.
 */
import { SHN_ABS, SHN_COMMON, SHN_UNDEF, STB_GLOBAL, STB_LOCAL, STB_WEAK, STT_NOTYPE, STT_SECTION } from '../elf/constants.js';
import type { ElfSymbol } from '../elf/types.js';
import type { Ctx, InputSection, ObjectFile, Sym } from './types.js';

export function newUndefined(name: string): Sym {
  return {
    name, kind: 'undefined', binding: STB_GLOBAL, type: STT_NOTYPE, other: 0, size: 0n, section: null, value: 0n, file: null,
    isGlobal: true, strongRef: false, referenced: false,
  };
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
  return {
    name: es.name, kind: es.shndx === SHN_UNDEF ? 'undefined' : 'defined', binding: STB_LOCAL, type: es.type, other: es.other,
    size: es.size, section: section ?? null, value: es.value, file, isGlobal: false, strongRef: false, referenced: false,
    isSection: es.type === STT_SECTION,
  };
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
    Object.assign(s, {
      kind: 'common', binding: STB_GLOBAL, type: es.type, other: es.other, size: es.size, section: null, value: 0n, file,
      commonAlign: es.value > 0n ? es.value : 1n, lazy: undefined,
    });
    return s;
  }
  const abs = es.shndx === SHN_ABS;
  const newDef = (): void => {
    Object.assign(s, {
      kind: 'defined', binding: weak ? STB_WEAK : STB_GLOBAL, type: es.type, other: es.other, size: es.size,
      section: abs ? null : section ?? null, value: es.value, file, lazy: undefined, commonAlign: undefined, scriptSection: undefined,
    });
  };
  if (s.kind === 'undefined' || s.kind === 'lazy') {
    newDef();
  } else if (s.kind === 'common') {
    if (!weak) newDef();
  } else if (s.binding === STB_WEAK && !weak) {
    newDef();
  } else if (!weak && s.binding !== STB_WEAK) {
    if (s.scriptSection !== undefined) {
      newDef(); // an object's definition overrides a PROVIDE-style placeholder
    } else {
      const here = section ? `${file.name}:(${section.name}+0x${es.value.toString(16)})` : `${file.name}:(*ABS*)`;
      ctx.diags.add({ severity: 'error', where: here, message: `multiple definition of \`${es.name}'; ${symbolPlace(s)}: first defined here` });
    }
  }
  return s;
}

/** Merge a (non-COMDAT-discarded) object's symbol list, returning per-index Syms. */
export function addObjectSymbols(ctx: Ctx, file: ObjectFile, discardedSections: Set<number>): Sym[] {
  const out: Sym[] = new Array(file.elfSymbols.length);
  const syms = file.elfSymbols;
  for (let i = 0; i < syms.length; i++) {
    const es = syms[i]!;
    const special = es.shndx === SHN_UNDEF || es.shndx >= 0xff00;
    const section = special ? undefined : file.sections[es.shndx];
    if (i === 0) {
      out[0] = makeLocal(file, es, undefined);
      continue;
    }
    if (es.bind === STB_LOCAL) {
      out[i] = makeLocal(file, es, section);
      if (!special && !section) out[i]!.kind = 'undefined'; // in a section the link drops
      continue;
    }
    out[i] = addGlobal(ctx, file, es, section, !special && discardedSections.has(es.shndx));
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
