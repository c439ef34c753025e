/** The ar reader: GNU archives (symbol index, long names), BSD names, no index, and damage. */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArchive } from '../../linker/archive.js';
import { GNU, gnuAssemble, run, tempDir } from './gnu-tools.js';

describe('ar archives', () => {
  it('reads the symbol index and long member names of a GNU archive', () => {
    const dir = tempDir('ppc64-ld-ar-');
    const a = gnuAssemble(dir, 'short', ' .text\n .globl fa\nfa: blr\n').path;
    const b = gnuAssemble(dir, 'a_member_with_a_very_long_name', ' .text\n .globl fb, fc\nfb: blr\nfc: blr\n').path;
    const lib = join(dir, 'lib.a');
    run(GNU.ar, ['rcs', lib, a, b]);
    const r = parseArchive(new Uint8Array(readFileSync(lib)), lib);
    if ('error' in r) throw new Error(r.error);
    expect(r.members.map((m) => m.name)).toEqual(['short.o', 'a_member_with_a_very_long_name.o']);
    expect(r.index!.map(([n]) => n)).toEqual(['fa', 'fb', 'fc']);
    expect(r.index![1]![1]).toBe(r.members[1]!.offset);
    expect([...r.members[0]!.data.subarray(0, 4)]).toEqual([0x7f, 0x45, 0x4c, 0x46]);
  });

  it('reads BSD-style names and archives without an index', () => {
    const enc = new TextEncoder();
    const hdr = (name: string, size: number): string => `${name.padEnd(16)}${'0'.padEnd(12)}${'0'.padEnd(6)}${'0'.padEnd(6)}${'644'.padEnd(8)}${String(size).padEnd(10)}\`\n`;
    const text = `!<arch>\n${hdr('#1/12', 16)}long_name.o\0DATA${hdr('b.o/', 3)}xyz\n`;
    const r = parseArchive(enc.encode(text), 'x.a');
    if ('error' in r) throw new Error(r.error);
    expect(r.index).toBeUndefined();
    expect(r.members.map((m) => [m.name, new TextDecoder().decode(m.data)])).toEqual([['long_name.o', 'DATA'], ['b.o', 'xyz']]);
  });

  it('reports damage instead of throwing', () => {
    const enc = new TextEncoder();
    expect(parseArchive(enc.encode('!<arch>\nshort'), 'a.a')).toEqual({ error: 'a.a: truncated archive member header at offset 8' });
    const bad = `!<arch>\n${'x.o/'.padEnd(16)}${'0'.padEnd(32)}${'12ab'.padEnd(10)}\`\n`;
    expect(parseArchive(enc.encode(bad), 'a.a')).toEqual({ error: "a.a: bad member size '12ab' at offset 8" });
    const noMagic = `!<arch>\n${'x.o/'.padEnd(16)}${'0'.padEnd(32)}${'4'.padEnd(10)}XX`;
    expect(parseArchive(enc.encode(noMagic), 'a.a')).toEqual({ error: 'a.a: malformed archive member header at offset 8' });
    const idx = `!<arch>\n${'/'.padEnd(16)}${'0'.padEnd(32)}${'8'.padEnd(10)}\`\n\0\0\0\x09\0\0\0\0`;
    expect(parseArchive(enc.encode(idx), 'a.a')).toEqual({ error: 'a.a: archive symbol index claims 9 symbols but is only 8 bytes' });
  });
});
