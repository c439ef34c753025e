/**
 * Test helper: run the GNU oracles. A missing tool fails the test with a message naming the
 * install script; it never skips silently.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const GNU = {
  as: 'powerpc64-linux-gnu-as',
  ld: 'powerpc64-linux-gnu-ld',
  readelf: 'powerpc64-linux-gnu-readelf',
  objcopy: 'powerpc64-linux-gnu-objcopy',
  objdump: 'powerpc64-linux-gnu-objdump',
  nm: 'powerpc64-linux-gnu-nm',
  ar: 'powerpc64-linux-gnu-ar',
} as const;

const checked = new Set<string>();
export function requireTool(tool: string): void {
  if (checked.has(tool)) return;
  const r = spawnSync('sh', ['-c', `command -v ${tool}`], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`GNU oracle ${tool} is not installed: run \`bash scripts/setup-deps.sh\``);
  checked.add(tool);
}

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
