/**
 * The GNU tools and qemu as test oracles. A missing tool fails the test with the setup
 * command to run; it never skips silently.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { GNU, requireTool } from '../../common/oracles.js';

export { GNU, SETUP_HINT, requireTool } from '../../common/oracles.js';

/** A scratch directory removed by the returned cleanup function. */
export function scratch(prefix = 'ppc64-test-'): { dir: string; file(name: string): string; cleanup(): void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, file: (n) => join(dir, n), cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export interface ToolRun {
  status: number;
  stdout: string;
  stderr: string;
}

export function run(tool: string, args: readonly string[], opts: { cwd?: string; input?: string } = {}): ToolRun {
  const r = spawnSync(requireTool(tool), args, { encoding: 'utf8', cwd: opts.cwd, input: opts.input, maxBuffer: 1 << 28 });
  if (r.error) throw r.error;
  return { status: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/**
 * Assemble with the GNU tools the way a user would: `gcc -c` for .S/.sx (cpp + as),
 * `as` for .s. Returns the object bytes, or throws with GNU's diagnostics.
 */
export function gnuAssemble(path: string, opts: { includeDirs?: string[]; defines?: string[]; extra?: string[] } = {}): Uint8Array {
  const s = scratch();
  try {
    const out = s.file('gnu.o');
    const inc = (opts.includeDirs ?? []).flatMap((d) => ['-I', d]);
    const defs = (opts.defines ?? []).map((d) => `-D${d}`);
    const r = /\.(S|sx)$/.test(path)
      ? run(GNU.gcc, ['-c', ...inc, ...defs, ...(opts.extra ?? []), path, '-o', out])
      : run(GNU.as, [...inc, ...(opts.extra ?? []), path, '-o', out]);
    if (r.status !== 0) throw new Error(`GNU assembly of ${path} failed:\n${r.stderr}`);
    return readFileSync(out);
  } finally {
    s.cleanup();
  }
}

/** `readelf -rW` relocation lines, normalised: the Info column (symbol index) is dropped. */
export function relocationList(object: Uint8Array): string[] {
  const s = scratch();
  try {
    const p = s.file('obj.o');
    writeFileSync(p, object);
    const r = run(GNU.readelf, ['-rW', p]);
    if (r.status !== 0) throw new Error(`readelf failed: ${r.stderr}`);
    const out: string[] = [];
    let section = '';
    for (const line of r.stdout.split('\n')) {
      const sec = /^Relocation section '([^']+)'/.exec(line);
      if (sec) {
        section = sec[1]!;
        continue;
      }
      const m = /^([0-9a-f]{16})\s+[0-9a-f]{16}\s+(\S+)\s+(.*)$/.exec(line.trim());
      if (m) out.push(`${section} ${m[1]} ${m[2]} ${m[3]!.replace(/\s+/g, ' ').trim()}`);
    }
    return out;
  } finally {
    s.cleanup();
  }
}

export function disassemble(object: Uint8Array): string {
  const s = scratch();
  try {
    const p = s.file('obj.o');
    writeFileSync(p, object);
    return execFileSync(requireTool(GNU.objdump), ['-dr', p], { encoding: 'utf8' });
  } finally {
    s.cleanup();
  }
}
