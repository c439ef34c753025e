/**
 * Symbol tables, string tables and RELA tables: encoders and validating decoders (big-endian).
 * Decoders never throw on bad input; they return { error } naming what is wrong.
 */
import { RELA_SIZE, SYM_SIZE, stBind, stInfo, stType } from './constants.js';
import type { ElfRela, ElfSymbol } from './types.js';

const utf8 = new TextDecoder('utf-8');
const utf8enc = new TextEncoder();
const latin1 = new TextDecoder('latin1');
const NON_ASCII = /[^\x00-\x7f]/;

/**
 * Builds a string table (.strtab, .shstrtab): offset 0 is the empty string, identical names share
 * one entry. Insertion order decides the layout, so the output is deterministic.
 */
export class StringTableBuilder {
  private readonly offsets = new Map<string, number>();
  /** Names in table order; joined and encoded once by finish() (cheaper than copying each name). */
  private readonly parts: string[] = [];
  private length = 1;

  constructor() {
    this.offsets.set('', 0);
  }

  /** The offset of `name`, adding it when new. */
  add(name: string): number {
    const known = this.offsets.get(name);
    if (known !== undefined) return known;
    const off = this.length;
    // Names are nearly always ASCII (one byte per character); measure the UTF-8 form otherwise.
    const n = NON_ASCII.test(name) ? utf8enc.encode(name).length : name.length;
    this.parts.push(name);
    this.length += n + 1;
    this.offsets.set(name, off);
    return off;
  }

  get size(): number {
    return this.length;
  }

  finish(): Uint8Array {
    const out = new Uint8Array(this.length);
    if (this.parts.length) utf8enc.encodeInto(this.parts.join('\0'), out.subarray(1));
    return out;
  }
}

/**
 * Reads names out of one string table. The table is decoded once (as Latin-1, which maps bytes
 * to code points one to one); names with bytes >= 0x80 are re-decoded as UTF-8.
 */
export class StringTableReader {
  private readonly text: string;
  private readonly ascii: boolean;
  constructor(private readonly table: Uint8Array) {
    this.text = latin1.decode(table);
    this.ascii = !/[^\x00-\x7f]/.test(this.text);
  }
  get(off: number): string | undefined {
    if (off < 0 || off >= this.table.length) return off === 0 && this.table.length === 0 ? '' : undefined;
    const end = this.text.indexOf('\0', off);
    if (end < 0) return undefined;
    const s = this.text.slice(off, end);
    return this.ascii || !/[^\x00-\x7f]/.test(s) ? s : utf8.decode(this.table.subarray(off, end));
  }
}

/** The NUL-terminated string at `off`, or undefined when `off` is outside the table or unterminated. */
export function readCString(table: Uint8Array, off: number): string | undefined {
  if (off < 0 || off >= table.length) return off === 0 && table.length === 0 ? '' : undefined;
  let end = off;
  let ascii = true;
  while (end < table.length && table[end] !== 0) {
    if (table[end]! >= 0x80) ascii = false;
    end++;
  }
  if (end >= table.length) return undefined;
  if (end === off) return '';
  // Names are nearly always short ASCII: skip the TextDecoder round trip for those.
  // (apply takes the bytes as an array-like: no iterator, unlike a spread)
  if (ascii && end - off < 64) return String.fromCharCode.apply(null, table.subarray(off, end) as unknown as number[]);
  return utf8.decode(table.subarray(off, end));
}

const view = (b: Uint8Array): DataView => new DataView(b.buffer, b.byteOffset, b.byteLength);

/** Encode a symbol table; index 0 should be the null symbol (callers pass it explicitly). */
export function encodeSymbols(symbols: readonly ElfSymbol[], strtab: StringTableBuilder): Uint8Array {
  const out = new Uint8Array(symbols.length * SYM_SIZE);
  const dv = view(out);
  symbols.forEach((s, i) => {
    const at = i * SYM_SIZE;
    dv.setUint32(at, s.name === '' ? 0 : strtab.add(s.name));
    dv.setUint8(at + 4, stInfo(s.bind, s.type));
    dv.setUint8(at + 5, s.other & 0xff);
    dv.setUint16(at + 6, s.shndx & 0xffff);
    dv.setBigUint64(at + 8, BigInt.asUintN(64, s.value));
    dv.setBigUint64(at + 16, BigInt.asUintN(64, s.size));
  });
  return out;
}

export function decodeSymbols(data: Uint8Array, strtab: Uint8Array): { symbols: ElfSymbol[] } | { error: string } {
  if (data.length % SYM_SIZE !== 0) return { error: `symbol table size ${data.length} is not a multiple of ${SYM_SIZE}` };
  const dv = view(data);
  const n = data.length / SYM_SIZE;
  const symbols: ElfSymbol[] = new Array(n);
  const names = new StringTableReader(strtab);
  for (let i = 0; i < n; i++) {
    const at = i * SYM_SIZE;
    const nameOff = dv.getUint32(at);
    const name = nameOff === 0 ? '' : names.get(nameOff);
    if (name === undefined) return { error: `symbol ${i} has a name offset 0x${nameOff.toString(16)} outside the string table` };
    const info = dv.getUint8(at + 4);
    symbols[i] = {
      name,
      bind: stBind(info),
      type: stType(info),
      other: dv.getUint8(at + 5),
      shndx: dv.getUint16(at + 6),
      value: dv.getBigUint64(at + 8),
      size: dv.getBigUint64(at + 16),
    };
  }
  return { symbols };
}

export function encodeRela(relocs: readonly ElfRela[]): Uint8Array {
  const out = new Uint8Array(relocs.length * RELA_SIZE);
  const dv = view(out);
  relocs.forEach((r, i) => {
    const at = i * RELA_SIZE;
    dv.setBigUint64(at, BigInt.asUintN(64, r.offset));
    dv.setUint32(at + 8, r.sym >>> 0);
    dv.setUint32(at + 12, r.type >>> 0);
    dv.setBigInt64(at + 16, BigInt.asIntN(64, r.addend));
  });
  return out;
}

/** Decode a RELA table. `symbolCount`, when given, is checked against every r_sym. */
export function decodeRela(data: Uint8Array, symbolCount?: number): { relocs: ElfRela[] } | { error: string } {
  if (data.length % RELA_SIZE !== 0) return { error: `relocation section size ${data.length} is not a multiple of ${RELA_SIZE}` };
  const dv = view(data);
  const n = data.length / RELA_SIZE;
  const relocs: ElfRela[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const at = i * RELA_SIZE;
    const sym = dv.getUint32(at + 8);
    if (symbolCount !== undefined && sym >= symbolCount) {
      return { error: `relocation ${i} refers to symbol ${sym}, but the symbol table has ${symbolCount} entries` };
    }
    relocs[i] = { offset: dv.getBigUint64(at), sym, type: dv.getUint32(at + 12), addend: dv.getBigInt64(at + 16) };
  }
  return { relocs };
}
