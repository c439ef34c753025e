/**
 * The disassembler library: an ELF64 big-endian PowerPC file → the text GNU objdump -d
 * prints (header, one block per executable section, symbol labels, address/bytes/insn
 * lines, branch targets annotated with <symbol+offset>). Decoding and printing are the
 * shared table's (isa/); this module only walks sections and lays the text out.
 */
import { decode, formatWith, type Cpu } from '../isa/index.js';
import {
  readElf, readSymbols, SHF_ALLOC, SHF_EXECINSTR, SHT_NOBITS, STT_FILE, STT_FUNC, STT_SECTION, STB_GLOBAL, STB_WEAK,
  type ElfFile, type ElfSection, type ElfSymbol,
} from '../elf/index.js';

export interface DisassembleOptions {
  /** -M power4 … power10 / any: the dialect; power10 by default (objdump -M power10). */
  readonly cpu?: Cpu;
  /** -M raw: base mnemonics only. */
  readonly raw?: boolean;
  /** -D: every section with contents, not only the executable ones. */
  readonly all?: boolean;
  /** -j NAME: only these sections. */
  readonly sections?: readonly string[];
}

export type DisassembleResult = { readonly text: string } | { readonly error: string };

interface Label {
  readonly addr: bigint;
  readonly name: string;
}

const hex = (v: bigint): string => v.toString(16);

/** objdump's address column: leading zeros of the section's end address dropped in groups of 4, at least 4 digits wide. */
function addressWidth(end: bigint): number {
  const digits = end === 0n ? 1 : end.toString(16).length;
  const lz = 16 - Math.min(16, digits);
  return 16 - 4 * Math.max(0, Math.floor((lz - 1) / 4));
}

/**
 * Which of several symbols at one address objdump names it after (measured): global before
 * weak before local, then functions before other types, then the alphabetically first.
 */
function better(a: ElfSymbol, b: ElfSymbol): boolean {
  const bind = (s: ElfSymbol): number => (s.bind === STB_GLOBAL ? 0 : s.bind === STB_WEAK ? 1 : 2);
  if (bind(a) !== bind(b)) return bind(a) < bind(b);
  const fn = (s: ElfSymbol): number => (s.type === STT_FUNC ? 0 : 1);
  if (fn(a) !== fn(b)) return fn(a) < fn(b);
  return a.name < b.name;
}

function labelsFor(symbols: readonly ElfSymbol[], index: number, section: ElfSection, withSection = true): Label[] {
  const best = new Map<bigint, ElfSymbol>();
  for (const s of symbols) {
    if (s.shndx !== index || s.type === STT_SECTION || s.type === STT_FILE || s.name === '') continue;
    const prev = best.get(s.value);
    if (!prev || better(s, prev)) best.set(s.value, s);
  }
  const labels = [...best.values()].map((s) => ({ addr: s.value, name: s.name })).sort((a, b) => (a.addr < b.addr ? -1 : a.addr > b.addr ? 1 : 0));
  // Without a symbol at the section start, objdump names it after the section.
  // Without a symbol at the section start objdump names it after the section when the
  // section has no symbols, else relative to its first symbol ("<func_0-0x58>").
  if (withSection && labels.length === 0) labels.push({ addr: section.addr, name: section.name });
  return labels;
}

/** "<sym+0xoff>" for an address, by the last label at or before it. */
function symbolizer(labels: readonly Label[]): (addr: bigint) => string {
  return (addr) => {
    let lo = 0;
    let hi = labels.length - 1;
    let found: Label | undefined;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (labels[mid]!.addr <= addr) {
        found = labels[mid];
        lo = mid + 1;
      } else hi = mid - 1;
    }
    if (!found) found = labels[0]!;
    const off = addr - found.addr;
    return off === 0n ? `${hex(addr)} <${found.name}>` : off > 0n ? `${hex(addr)} <${found.name}+0x${hex(off)}>` : `${hex(addr)} <${found.name}-0x${hex(-off)}>`;
  };
}

/** "58 <b>" when a label is exactly at the address, else just the address. */
function exactSymbolizer(labels: readonly Label[]): (addr: bigint) => string {
  const at = new Map(labels.map((l) => [l.addr, l.name]));
  return (addr) => {
    const name = at.get(addr);
    return name === undefined ? hex(addr) : `${hex(addr)} <${name}>`;
  };
}

/** Length of the run of zero bytes at `off`, not past `end`. */
function zeroRun(data: Uint8Array, off: number, end: number): number {
  let i = off;
  while (i < end && data[i] === 0) i++;
  return i - off;
}

function bytesOf(data: Uint8Array, off: number, n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) s += data[off + i]!.toString(16).padStart(2, '0') + ' ';
  return s;
}

/**
 * Branch-target naming: a target inside the current section is named after its symbols;
 * one outside it after the nearest symbol at or below it in any allocated section (in a
 * relocatable object all sections start at 0), as objdump does.
 */
function targetNamer(file: ElfFile, index: number, symbols: readonly ElfSymbol[], own: readonly Label[]): (addr: bigint) => string {
  const mine = symbolizer(own);
  const self = file.sections[index]!;
  let all: ((addr: bigint) => string) | undefined;
  return (addr) => {
    if (addr >= self.addr && addr < self.addr + self.size) return mine(addr);
    if (!all) {
      // Built on first use: the symbols of every allocated section, one per address.
      const labels = file.sections.flatMap((s, i) => (i !== 0 && (s.flags & SHF_ALLOC) !== 0n ? labelsFor(symbols, i, s, false) : []));
      const best = new Map<bigint, Label>();
      for (const l of labels) if (!best.has(l.addr) || l.name < best.get(l.addr)!.name) best.set(l.addr, l);
      const sorted = [...best.values()].sort((x, y) => (x.addr < y.addr ? -1 : x.addr > y.addr ? 1 : 0));
      all = sorted.length ? symbolizer(sorted) : mine;
    }
    return all(addr);
  };
}

function disassembleSection(file: ElfFile, index: number, symbols: readonly ElfSymbol[], opts: DisassembleOptions): string {
  const section = file.sections[index]!;
  const data = section.data;
  const labels = labelsFor(symbols, index, section);
  const fmt = { symbolize: targetNamer(file, index, symbols, labels), symbolizeExact: exactSymbolizer(labels), raw: opts.raw ?? false };
  const width = addressWidth(section.addr + BigInt(data.length));
  const col = (a: bigint): string => hex(a).padStart(width, ' ');
  const dv = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const out: string[] = [`\nDisassembly of section ${section.name}:\n`];
  const first = labels[0]!;
  if (first.addr > section.addr) out.push(`\n${section.addr.toString(16).padStart(16, '0')} <${first.name}-0x${hex(first.addr - section.addr)}>:\n`);
  let li = 0;
  let off = 0;
  while (off < data.length) {
    const addr = section.addr + BigInt(off);
    while (li < labels.length && labels[li]!.addr <= addr) {
      // A label inside the previous instruction is printed where the next one starts.
      out.push(`\n${labels[li]!.addr.toString(16).padStart(16, '0')} <${labels[li]!.name}>:\n`);
      li++;
    }
    // objdump disassembles symbol by symbol: the next label ends this stretch.
    const stop = li < labels.length ? Math.min(data.length, Number(labels[li]!.addr - section.addr)) : data.length;
    // objdump skips runs of 8 or more zero bytes with a "..." line, and a run of fewer than 3
    // that ends the stretch.
    const z = zeroRun(data, off, stop);
    if (z >= 8 || (z > 0 && z < 3 && off + z === stop)) {
      out.push('\t...\n');
      off += z >= stop - off ? stop - off : z - (z % 4);
      continue;
    }
    if (stop - off < 4) {
      out.push(`${col(addr)}:\tAddress 0x${hex(addr)} is out of bounds.\n\n`);
      off = stop;
      continue;
    }
    const w = dv.getUint32(off);
    const next = stop - off >= 8 ? dv.getUint32(off + 4) : undefined;
    const d = decode(w, next, { ...(opts.cpu ? { cpu: opts.cpu } : {}), ...(opts.raw ? { raw: true } : {}) });
    if (d && d.size === 8) {
      out.push(`${col(addr)}:\t${bytesOf(data, off, 4)}\t${formatWith(d, addr, fmt)}\n`);
      out.push(`${col(addr + 4n)}:\t${bytesOf(data, off + 4, 4)}\n`);
      off += 8;
    } else {
      const text = d && d.size === 4 ? formatWith(d, addr, fmt) : `.long 0x${w.toString(16)}`;
      out.push(`${col(addr)}:\t${bytesOf(data, off, 4)}\t${text}\n`);
      off += 4;
    }
  }
  return out.join('');
}

export function disassemble(bytes: Uint8Array, fileName: string, opts: DisassembleOptions = {}): DisassembleResult {
  const r = readElf(bytes, fileName);
  if ('error' in r) return { error: r.error };
  const file = r.file;
  const syms = readSymbols(file, fileName);
  if ('error' in syms) return { error: syms.error };
  const parts: string[] = [`\n${fileName}:     file format elf64-powerpc\n\n`];
  const wanted = opts.sections ? new Set(opts.sections) : undefined;
  for (const missing of opts.sections?.filter((n) => !file.sections.some((s) => s.name === n)) ?? []) {
    return { error: `${fileName}: section '${missing}' mentioned in a -j option, but not found in any input file` };
  }
  file.sections.forEach((s, i) => {
    if (i === 0 || s.type === SHT_NOBITS || s.data.length === 0) return;
    if (wanted ? !wanted.has(s.name) : !opts.all && (s.flags & SHF_EXECINSTR) === 0n) return;
    parts.push(disassembleSection(file, i, syms.symbols, opts));
  });
  return { text: parts.join('') };
}
