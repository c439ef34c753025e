import { renameSync, rmSync, writeFileSync } from 'node:fs';

/**
 * Write a whole output file or nothing: the bytes go to a temporary file beside the
 * target, which is then renamed over it. A failed run never leaves a half-written file.
 */
export function writeFileAtomic(path: string, data: Uint8Array | string, mode?: number): void {
  const tmp = `${path}.tmp-${process.pid}`;
  try {
    writeFileSync(tmp, data, mode === undefined ? {} : { mode });
    renameSync(tmp, path);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
}

/** Remove a stale output (after an error) so that no earlier run's file is mistaken for this one's. */
export function removeOutput(path: string): void {
  rmSync(path, { force: true });
}
