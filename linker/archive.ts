/**
 * `ar` archive reader (System V / GNU format: "/" and "/SYM64/" symbol indexes, "//" long names;
 * BSD "#1/len" names are accepted too). Pure: bytes in, members and index out, or an error.
 */
import type { ArchiveMember } from './types.js';

export const AR_MAGIC = '!<arch>\n';
export const THIN_MAGIC = '!<thin>\n';
const HDR = 60;

export interface ParsedArchive {
  members: ArchiveMember[];
  /** Symbol → member header offset, in the index's order; undefined when the archive has no index. */
  index?: [string, number][];
}

const latin1 = new TextDecoder('latin1');

/** Whether `b` starts with the 8 bytes of `magic` (compared in place: this runs once per input file). */
function startsWith(b: Uint8Array, magic: string): boolean {
  if (b.length < magic.length) return false;
  for (let i = 0; i < magic.length; i++) if (b[i] !== magic.charCodeAt(i)) return false;
  return true;
}
export function isArchive(b: Uint8Array): boolean {
  return startsWith(b, AR_MAGIC);
}
export function isThinArchive(b: Uint8Array): boolean {
  return startsWith(b, THIN_MAGIC);
}

export function parseArchive(b: Uint8Array, path: string): ParsedArchive | { error: string } {
  const members: ArchiveMember[] = [];
  let index: [string, number][] | undefined;
  let longNames: Uint8Array | undefined;
  let pos = 8;
  const dv = new DataView(b.buffer, b.byteOffset, b.byteLength);
  while (pos < b.length) {
    if (b[pos] === 0x0a) {
      pos++; // padding newline
      continue;
    }
    if (pos + HDR > b.length) return { error: `${path}: truncated archive member header at offset ${pos}` };
    const hdr = latin1.decode(b.subarray(pos, pos + HDR));
    if (hdr.slice(58, 60) !== '`\n') return { error: `${path}: malformed archive member header at offset ${pos}` };
    const sizeText = hdr.slice(48, 58).trim();
    if (!/^\d+$/.test(sizeText)) return { error: `${path}: bad member size '${sizeText}' at offset ${pos}` };
    const size = Number(sizeText);
    const dataStart = pos + HDR;
    if (dataStart + size > b.length) return { error: `${path}: archive member at offset ${pos} (size ${size}) extends past the end of the file` };
    let data = b.subarray(dataStart, dataStart + size);
    let name = hdr.slice(0, 16).trimEnd();
    if (name === '/' || name === '/SYM64/') {
      const wide = name === '/SYM64/';
      const w = wide ? 8 : 4;
      if (size < w) return { error: `${path}: truncated archive symbol index` };
      const read = (at: number): number => (wide ? Number(dv.getBigUint64(dataStart + at)) : dv.getUint32(dataStart + at));
      const count = read(0);
      if (w + count * w > size) return { error: `${path}: archive symbol index claims ${count} symbols but is only ${size} bytes` };
      const names = data.subarray(w + count * w);
      index = [];
      let at = 0;
      for (let i = 0; i < count; i++) {
        const end = names.indexOf(0, at);
        if (end < 0) return { error: `${path}: archive symbol index is truncated (symbol ${i} of ${count})` };
        index.push([latin1.decode(names.subarray(at, end)), read(w + i * w)]);
        at = end + 1;
      }
    } else if (name === '//') {
      longNames = data;
    } else {
      if (name.startsWith('/') && /^\/\d+$/.test(name)) {
        const off = Number(name.slice(1));
        if (!longNames || off >= longNames.length) return { error: `${path}: archive member at offset ${pos} refers to a missing long name` };
        let end = off;
        while (end < longNames.length && longNames[end] !== 0x0a) end++;
        name = latin1.decode(longNames.subarray(off, end));
        if (name.endsWith('/')) name = name.slice(0, -1);
      } else if (name.startsWith('#1/')) {
        const n = Number(name.slice(3));
        if (!Number.isInteger(n) || n > size) return { error: `${path}: bad BSD member name at offset ${pos}` };
        name = latin1.decode(data.subarray(0, n)).replace(/\0+$/, '');
        data = data.subarray(n);
      } else if (name.endsWith('/')) name = name.slice(0, -1);
      members.push({ name, offset: pos, data });
    }
    pos = dataStart + size + (size & 1);
  }
  return index ? { members, index } : { members };
}
