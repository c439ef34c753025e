/**
 * Test helper: run the GNU oracles. A missing tool fails the test with a message naming the
 * install script; it never skips silently.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { GNU, requireTool } from '../helpers/oracles.js';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Tool names and oracle discovery are the project's shared ones (test/helpers/oracles.ts). */
export { GNU, requireTool };

/** Run a tool; returns stdout. Throws with stderr when it fails. */
export function run(tool: string, args: string[], cwd?: string): string {
  requireTool(tool);
  return execFileSync(tool, args, { encoding: 'utf8', cwd, stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 1 << 28 });
}

/** Run a tool that may fail; returns status, stdout, stderr. */
export function tryRun(tool: string, args: string[], cwd?: string): { status: number; stdout: string; stderr: string } {
  requireTool(tool);
  const r = spawnSync(tool, args, { encoding: 'utf8', cwd, maxBuffer: 1 << 28 });
  return { status: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

export function tempDir(prefix = 'ppc64-ld-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** Assemble source text with GNU as (-a64, big-endian); returns the object's bytes and path. */
export function gnuAssemble(dir: string, name: string, source: string, extra: string[] = []): { path: string; bytes: Uint8Array } {
  const src = join(dir, `${name}.s`);
  const obj = join(dir, `${name}.o`);
  writeFileSync(src, source);
  run(GNU.as, ['-a64', '-mbig', ...extra, '-o', obj, src]);
  return { path: obj, bytes: new Uint8Array(readFileSync(obj)) };
}
