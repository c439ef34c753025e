/**
 * The ELF64 big-endian relocatable object (ET_REL, EM_PPC64, ELFv1) GNU as would write:
 * sections in creation order, each followed by its .rela section, then .symtab (locals
 * first: section symbols, then named locals; then globals), .strtab, .shstrtab.
 */
import type { Assembler } from './assembler.js';
import { evaluate, EvalError, isAbsolute } from './eval.js';
import type { PendingReloc } from './fixups.js';
import type { Section, Sym } from './symbols.js';
import {
  EM_PPC64, ET_REL, SHF_INFO_LINK, SHN_ABS, SHN_COMMON, SHN_UNDEF, SHT_NULL, SHT_RELA, SHT_STRTAB, SHT_SYMTAB,
  STB_GLOBAL, STB_LOCAL, STB_WEAK, STT_NOTYPE, STT_OBJECT, STT_SECTION, RELA_SIZE, SYM_SIZE,
} from '../elf/constants.js';
import { StringTableBuilder, encodeRela, encodeSymbols, writeElf, type ElfRela, type ElfSection, type ElfSymbol } from '../elf/index.js';

interface OutSym {
  sym?: Sym;
  section?: Section;
  elf: ElfSymbol;
}

export function writeObject(as: Assembler, relocs: PendingReloc[]): Uint8Array {
  // ELF section indices: every section, its .rela right after it.
  const relocsBySection = new Map<Section, PendingReloc[]>();
  for (const r of relocs) {
    const list = relocsBySection.get(r.section) ?? [];
    list.push(r);
    relocsBySection.set(r.section, list);
  }
  let index = 1;
  for (const s of as.sections) {
    s.index = index++;
    if (relocsBySection.has(s)) index++;
  }
  const symtabIndex = index;

  const { symbols, firstGlobal } = buildSymbols(as);
  const strtab = new StringTableBuilder();
  const elfSyms = symbols.map((o) => o.elf);

  const sections: ElfSection[] = [nullSection()];
  for (const s of as.sections) {
    const data = s.isNobits ? new Uint8Array(0) : concatChunks(s);
    sections.push({
      name: s.name, type: s.type, flags: s.flags, addr: 0n, data, size: BigInt(s.size), link: 0, info: 0,
      addralign: BigInt(2 ** s.p2align), entsize: BigInt(s.entsize),
    });
    const list = relocsBySection.get(s);
    if (list) {
      const rela: ElfRela[] = list
        .map((r) => ({ offset: BigInt(r.offset), type: r.type, sym: relocSymbolIndex(r), addend: r.addend }))
        .sort((a, b) => (a.offset < b.offset ? -1 : a.offset > b.offset ? 1 : 0));
      const data = encodeRela(rela);
      sections.push({
        name: `.rela${s.name}`, type: SHT_RELA, flags: SHF_INFO_LINK, addr: 0n, data, size: BigInt(data.length),
        link: symtabIndex, info: s.index, addralign: 8n, entsize: BigInt(RELA_SIZE),
      });
    }
  }
  const symData = encodeSymbols(elfSyms, strtab);
  sections.push({
    name: '.symtab', type: SHT_SYMTAB, flags: 0n, addr: 0n, data: symData, size: BigInt(symData.length),
    link: symtabIndex + 1, info: firstGlobal, addralign: 8n, entsize: BigInt(SYM_SIZE),
  });
  const strData = strtab.finish();
  sections.push({ name: '.strtab', type: SHT_STRTAB, flags: 0n, addr: 0n, data: strData, size: BigInt(strData.length), link: 0, info: 0, addralign: 1n, entsize: 0n });
  sections.push({ name: '.shstrtab', type: SHT_STRTAB, flags: 0n, addr: 0n, data: new Uint8Array(0), size: 0n, link: 0, info: 0, addralign: 1n, entsize: 0n });

  return writeElf({ type: ET_REL, machine: EM_PPC64, flags: as.abiversion ?? 0, entry: 0n, sections, segments: [], shstrndx: sections.length - 1 });

  function relocSymbolIndex(r: PendingReloc): number {
    if (r.sym) return r.sym.index;
    if (r.sectionSym) return r.sectionSym.symbolIndex;
    return 0;
  }
}

function nullSection(): ElfSection {
  return { name: '', type: SHT_NULL, flags: 0n, addr: 0n, data: new Uint8Array(0), size: 0n, link: 0, info: 0, addralign: 0n, entsize: 0n };
}

function concatChunks(s: Section): Uint8Array {
  const out = new Uint8Array(s.size);
  for (const c of s.chunks.values()) out.set(c.buf.view(), c.base);
  return out;
}

/** Decide which symbols go to .symtab, in GNU as's order, and give them indices. */
function buildSymbols(as: Assembler): { symbols: OutSym[]; firstGlobal: number } {
  const locals: OutSym[] = [{ elf: { name: '', value: 0n, size: 0n, bind: STB_LOCAL, type: STT_NOTYPE, other: 0, shndx: SHN_UNDEF } }];
  for (const s of as.sections) {
    const sym = { name: '', value: 0n, size: 0n, bind: STB_LOCAL, type: STT_SECTION, other: 0, shndx: s.index };
    const out: OutSym = { section: s, elf: sym };
    locals.push(out);
    s.symbolIndex = locals.length - 1;
  }
  const globals: OutSym[] = [];
  for (const sym of as.symbolList) {
    if (sym.isTemporary) {
      if (sym.kind === 'undef' && sym.usedInReloc) as.bag.error(`undefined local label '${sym.name.replace(/^\x01(\d+)\x02.*$/, '$1')}'`);
      continue;
    }
    const e = elfSymbol(as, sym);
    if (!e) continue;
    (e.bind === STB_LOCAL ? locals : globals).push({ sym, elf: e });
  }
  const all = [...locals, ...globals];
  all.forEach((o, i) => {
    if (o.sym) o.sym.index = i;
  });
  return { symbols: all, firstGlobal: locals.length };
}

function elfSymbol(as: Assembler, sym: Sym): ElfSymbol | undefined {
  const bind = sym.binding === 'global' ? STB_GLOBAL : sym.binding === 'weak' ? STB_WEAK : STB_LOCAL;
  const size = sym.size ? symbolSize(as, sym) : 0n;
  const mk = (value: bigint, shndx: number, b = bind, type = sym.type, sz = size): ElfSymbol => ({ name: sym.name, value, size: sz, bind: b, type, other: sym.visibility, shndx });
  switch (sym.kind) {
    case 'label':
      return mk(BigInt(sym.chunk!.base + sym.offset), sym.chunk!.section.index);
    case 'abs':
      return mk(BigInt.asUintN(64, sym.value), SHN_ABS);
    case 'common':
      return mk(sym.commonAlign, SHN_COMMON, bind === STB_LOCAL ? STB_GLOBAL : bind, sym.type || STT_OBJECT, sym.commonSize);
    case 'equ': {
      // Resolve an equated symbol now; an alias of an undefined symbol is not written.
      try {
        const v = evaluate(sym.expr!, 'final');
        if (isAbsolute(v)) return mk(BigInt.asUintN(64, v.add), SHN_ABS);
        const t = v.plus[0];
        if (v.plus.length === 1 && v.minus.length === 0 && t?.chunk) return mk(BigInt(t.chunk.base + t.offset) + v.add, t.chunk.section.index);
      } catch (e) {
        if (!(e instanceof EvalError)) throw e;
        as.bag.error(`symbol '${sym.name}': ${e.message}`, sym.definedAt ? { file: sym.definedAt.file, line: sym.definedAt.line, col: 1 } : undefined);
      }
      return undefined;
    }
    case 'undef':
      if (!sym.usedInReloc && sym.binding === 'local') return undefined;
      return mk(0n, SHN_UNDEF, bind === STB_LOCAL ? STB_GLOBAL : bind);
  }
}

function symbolSize(as: Assembler, sym: Sym): bigint {
  if (!sym.size) return 0n;
  try {
    const v = evaluate(sym.size, 'final');
    if (isAbsolute(v)) return BigInt.asUintN(64, v.add);
    as.bag.error(`.size expression for '${sym.name}' is not an absolute value`, sym.definedAt ? { file: sym.definedAt.file, line: sym.definedAt.line, col: 1 } : undefined);
  } catch (e) {
    if (!(e instanceof EvalError)) throw e;
    as.bag.error(`.size of '${sym.name}': ${e.message}`);
  }
  return 0n;
}
