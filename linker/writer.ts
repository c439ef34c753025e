/**
 * Output: section contents (input bytes, script data, fill, linker-made sections), the symbol
 * table, and the ELF executable or flat binary image. Deterministic: same inputs, same bytes.
 */
import {
  EM_PPC64, ET_EXEC, SHN_ABS, SHN_UNDEF, SHT_NOBITS, SHT_PROGBITS, SHT_STRTAB, SHT_SYMTAB, STB_GLOBAL, STB_LOCAL, STB_WEAK,
  STT_FILE, STT_SECTION, SYM_SIZE,
} from '../elf/constants.js';
import { StringTableBuilder } from '../elf/tables.js';
import type { ElfFile, ElfSection } from '../elf/types.js';
import { writeElf } from '../elf/writer.js';
import type { FileLayout } from './segments.js';
import { symbolAddress } from './symbols.js';
import type { Ctx, OutputSection, Sym } from './types.js';

/** Fill every PROGBITS output section's bytes (before relocation). */
export function buildContents(ctx: Ctx, outputs: OutputSection[]): Map<OutputSection, Uint8Array> {
  const buffers = new Map<OutputSection, Uint8Array>();
  for (const o of outputs) {
    if (!o.exists || o.type === SHT_NOBITS) continue;
    const size = Number(o.size);
    const buf = new Uint8Array(size);
    const dv = new DataView(buf.buffer);
    for (let k = 0; k < o.pieces.length; k++) {
      const p = o.pieces[k]!;
      if (p.kind === 'input') {
        const s = p.section;
        const at = Number(s.offset);
        if (s.synthetic) {
          buf.fill(0, at, at + Number(s.size));
          s.synthetic.write(buf, at, ctx);
        } else if (s.type === SHT_NOBITS) buf.fill(0, at, at + Number(s.size));
        else buf.set(s.data, at);
      } else if (p.kind === 'fill') {
        // The pattern starts afresh at each gap, big-endian, as GNU ld writes it.
        const at = Number(p.offset);
        const n = Number(p.size);
        const pat = [(p.pattern >>> 24) & 0xff, (p.pattern >>> 16) & 0xff, (p.pattern >>> 8) & 0xff, p.pattern & 0xff];
        for (let i = 0; i < n; i++) buf[at + i] = pat[i & 3]!;
      } else if (p.kind === 'data') {
        const at = Number(p.offset);
        const v = BigInt.asUintN(64, p.value);
        if (p.size === 8) dv.setBigUint64(at, v);
        else if (p.size === 4) dv.setUint32(at, Number(v & 0xffffffffn));
        else if (p.size === 2) dv.setUint16(at, Number(v & 0xffffn));
        else dv.setUint8(at, Number(v & 0xffn));
      }
    }
    buffers.set(o, buf);
  }
  return buffers;
}

function symShndx(s: Sym): number {
  if (s.scriptSection !== undefined) return s.scriptSection ? s.scriptSection.shndx : SHN_ABS;
  if (s.kind === 'undefined' || s.kind === 'lazy') return SHN_UNDEF;
  if (!s.section) return SHN_ABS;
  return s.section.out?.shndx ?? SHN_ABS;
}

function usable(s: Sym): boolean {
  if (s.kind !== 'defined' && s.kind !== 'common') return false;
  if (!s.section) return true;
  return s.section.live && !s.section.discarded && s.section.out !== undefined && s.section.out.exists;
}

/**
 * .symtab contents, encoded as they are chosen (no ElfSymbol per entry: a big link has hundreds of
 * thousands): null, section symbols, per-file FILE + locals, then the globals. Hidden globals are
 * emitted as locals, so they go first among the globals to keep the locals-first rule.
 */
export function encodeSymtab(ctx: Ctx, outputs: OutputSection[], strtab: StringTableBuilder): { data: Uint8Array; firstGlobal: number } {
  let bound = 1 + outputs.length + ctx.globals.size;
  for (let k = 0; k < ctx.files.length; k++) bound += ctx.files[k]!.symbols.length + 1;
  const out = new Uint8Array(bound * SYM_SIZE);
  const dv = new DataView(out.buffer);
  let n = 1; // entry 0 is the null symbol (all zeros)
  const put = (name: string, value: bigint, size: bigint, bind: number, type: number, other: number, shndx: number): void => {
    const at = n++ * SYM_SIZE;
    dv.setUint32(at, name === '' ? 0 : strtab.add(name));
    dv.setUint8(at + 4, (bind << 4) | (type & 0xf));
    dv.setUint8(at + 5, other & 0xff);
    dv.setUint16(at + 6, shndx & 0xffff);
    // setBigUint64 stores the value modulo 2^64, as BigInt.asUintN(64, ...) would.
    dv.setBigUint64(at + 8, value);
    dv.setBigUint64(at + 16, size);
  };
  for (const o of outputs) if (o.exists) put('', o.addr, 0n, STB_LOCAL, STT_SECTION, 0, o.shndx);
  for (let k = 0; k < ctx.files.length; k++) {
    const f = ctx.files[k]!;
    let fileSym = false;
    for (let i = 0; i < f.symbols.length; i++) {
      const s = f.symbols[i];
      if (!s || s.isGlobal || s.isSection || s.type === STT_FILE || s.name === '' || !usable(s)) continue;
      if (!fileSym) {
        fileSym = true;
        put(f.member ?? f.path.slice(f.path.lastIndexOf('/') + 1), 0n, 0n, STB_LOCAL, STT_FILE, 0, SHN_ABS);
      }
      put(s.name, symbolAddress(s), s.size, STB_LOCAL, s.type, s.other, symShndx(s));
    }
  }
  ctx.globals.forEach((s) => {
    if ((s.other & 3) === 2 && usable(s)) put(s.name, symbolAddress(s), s.size, STB_LOCAL, s.type, s.other, symShndx(s));
  });
  const firstGlobal = n;
  ctx.globals.forEach((s) => {
    if ((s.other & 3) === 2 && usable(s)) return;
    if (usable(s)) put(s.name, symbolAddress(s), s.size, s.binding === STB_WEAK ? STB_WEAK : STB_GLOBAL, s.type, s.other, symShndx(s));
    else if (s.kind === 'undefined' && s.binding === STB_WEAK && !s.strongRef && s.referenced) put(s.name, 0n, 0n, STB_WEAK, s.type, s.other, SHN_UNDEF);
  });
  return { data: out.subarray(0, n * SYM_SIZE), firstGlobal };
}

export function writeExecutable(ctx: Ctx, outputs: OutputSection[], buffers: Map<OutputSection, Uint8Array>, file: FileLayout, entry: bigint): Uint8Array {
  const sections: ElfSection[] = [{ name: '', type: 0, flags: 0n, addr: 0n, data: new Uint8Array(0), size: 0n, link: 0, info: 0, addralign: 0n, entsize: 0n }];
  for (const o of outputs) {
    if (!o.exists) continue;
    const data = o.type === SHT_NOBITS ? new Uint8Array(0) : buffers.get(o)!;
    const s: ElfSection = { name: o.name, type: o.type === SHT_NOBITS ? SHT_NOBITS : SHT_PROGBITS, flags: o.flags, addr: o.addr, data, size: o.size, link: 0, info: 0, addralign: o.align, entsize: 0n };
    const off = file.offsets.get(o);
    if (off !== undefined) s.offset = off;
    sections.push(s);
  }
  if (!ctx.opts.stripAll) {
    const strtab = new StringTableBuilder();
    const { data: symData, firstGlobal } = encodeSymtab(ctx, outputs, strtab);
    const symIndex = sections.length;
    sections.push({ name: '.symtab', type: SHT_SYMTAB, flags: 0n, addr: 0n, data: symData, size: BigInt(symData.length), link: symIndex + 1, info: firstGlobal, addralign: 8n, entsize: 24n });
    const str = strtab.finish();
    sections.push({ name: '.strtab', type: SHT_STRTAB, flags: 0n, addr: 0n, data: str, size: BigInt(str.length), link: 0, info: 0, addralign: 1n, entsize: 0n });
  }
  // e_flags carries the ABI version the inputs declared (1 = ELFv1 with descriptors; 0 = unspecified), as GNU ld merges it.
  // An .opd section marks ELFv1 even when the objects left e_flags 0.
  let flags = 0;
  for (const f of ctx.files) flags |= f.eflags & 3;
  if (flags === 0 && outputs.some((o) => o.exists && o.pieces.some((p) => p.kind === 'input' && p.section.name === '.opd'))) flags = 1;
  const elf: ElfFile = { type: ET_EXEC, machine: EM_PPC64, flags, entry, sections, segments: file.segments, shstrndx: 0 };
  return writeElf(elf);
}

/** --oformat binary: the loaded bytes from the lowest load address to the end of the last loaded byte. */
export function writeBinary(ctx: Ctx, outputs: OutputSection[], buffers: Map<OutputSection, Uint8Array>): Uint8Array | undefined {
  const loaded = outputs.filter((o) => o.exists && o.alloc && o.type !== SHT_NOBITS && !o.noload && o.size > 0n);
  if (!loaded.length) return new Uint8Array(0);
  let lo = loaded[0]!.lma;
  let hi = 0n;
  for (const o of loaded) {
    if (o.lma < lo) lo = o.lma;
    if (o.lma + o.size > hi) hi = o.lma + o.size;
  }
  const size = hi - lo;
  if (size > 1n << 30n) {
    ctx.diags.add({ severity: 'error', message: `binary output would be 0x${size.toString(16)} bytes (load addresses 0x${lo.toString(16)}..0x${hi.toString(16)}); refusing to write more than 1 GiB` });
    return undefined;
  }
  const out = new Uint8Array(Number(size));
  for (const o of loaded) out.set(buffers.get(o)!, Number(o.lma - lo));
  return out;
}
