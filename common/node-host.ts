import { closeSync, openSync, readSync, statSync } from 'node:fs';
import type { Host } from './host.js';

/** Bytes read per read(2); a file that fills it is read on in further such pieces. */
const PIECE = 1 << 16;

/**
 * A whole file by open, read until end of file, close: no fstat first, and one read into the
 * scratch piece for a small file. A link reads thousands of small objects, and for those
 * readFileSync's own bookkeeping cost about as much as the system calls.
 */
function readWhole(path: string, scratch: Uint8Array): Uint8Array | undefined {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch {
    return undefined;
  }
  try {
    let n = readSync(fd, scratch, 0, PIECE, null);
    if (n === 0) return new Uint8Array(0);
    const first = scratch.slice(0, n);
    n = readSync(fd, scratch, 0, PIECE, null); // for a small file, the end
    if (n === 0) return first;
    const pieces = [first, scratch.slice(0, n)];
    while ((n = readSync(fd, scratch, 0, PIECE, null)) > 0) pieces.push(scratch.slice(0, n));
    return Buffer.concat(pieces);
  } catch {
    return undefined; // a directory, an I/O error: unreadable, as the Host contract says
  } finally {
    closeSync(fd);
  }
}

/** Host backed by the real file system (used only by the CLIs and tests). */
export function createNodeHost(): Host {
  const scratch = new Uint8Array(PIECE);
  return {
    readFile: (path) => readWhole(path, scratch),
    fileExists(path) {
      try {
        return statSync(path).isFile();
      } catch {
        return false;
      }
    },
  };
}

export const nodeHost: Host = createNodeHost();
