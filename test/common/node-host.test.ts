/** The file-system host the CLIs use: whole files, exactly, whatever their size; undefined when unreadable. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createNodeHost } from '../../common/node-host.js';

const dir = mkdtempSync(join(tmpdir(), 'node-host-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Bytes that differ at every offset within a 64 KiB piece and between pieces. */
function pattern(size: number): Uint8Array {
  const b = new Uint8Array(size);
  for (let i = 0; i < size; i++) b[i] = (i * 7 + (i >> 16) * 13) & 0xff;
  return b;
}

describe('nodeHost.readFile', () => {
  const host = createNodeHost();
  it.each([0, 1, 1720, 65535, 65536, 65537, 3 * 65536, 200_001])('reads a %d-byte file whole', (size) => {
    const path = join(dir, `f${size}`);
    const data = pattern(size);
    writeFileSync(path, data);
    const got = host.readFile(path);
    expect(got).toBeDefined();
    expect(got!.length).toBe(size);
    expect(Buffer.from(got!).equals(Buffer.from(data))).toBe(true);
  });

  it('gives each file its own bytes (the read buffer is reused)', () => {
    writeFileSync(join(dir, 'a'), 'first file');
    writeFileSync(join(dir, 'b'), 'second');
    const a = host.readFile(join(dir, 'a'))!;
    host.readFile(join(dir, 'b'));
    expect(Buffer.from(a).toString()).toBe('first file');
  });

  it('returns undefined for a missing file and for a directory', () => {
    mkdirSync(join(dir, 'sub'));
    expect(host.readFile(join(dir, 'missing'))).toBeUndefined();
    expect(host.readFile(join(dir, 'sub'))).toBeUndefined();
    expect(host.fileExists(join(dir, 'sub'))).toBe(false);
    expect(host.fileExists(join(dir, 'a'))).toBe(true);
  });
});
