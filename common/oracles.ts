/**
 * The outside tools the project measures itself against: GNU binutils and gcc for powerpc64,
 * and qemu-system-ppc64. One place for their names, for finding them on PATH, and for the
 * message that names the setup command when one is missing. Tests fail with that message (an
 * absent oracle is never a skipped test); benchmarks and scripts stop with it.
 */
import { spawnSync } from 'node:child_process';

export const SETUP_HINT =
  'run `bash scripts/setup-deps.sh` (or `make setup`) to install binutils-powerpc64-linux-gnu, gcc-powerpc64-linux-gnu and qemu-system-ppc';

export const GNU = {
  as: 'powerpc64-linux-gnu-as',
  gcc: 'powerpc64-linux-gnu-gcc',
  ld: 'powerpc64-linux-gnu-ld',
  objdump: 'powerpc64-linux-gnu-objdump',
  objcopy: 'powerpc64-linux-gnu-objcopy',
  readelf: 'powerpc64-linux-gnu-readelf',
  nm: 'powerpc64-linux-gnu-nm',
  ar: 'powerpc64-linux-gnu-ar',
  qemu: 'qemu-system-ppc64',
} as const;

const found = new Map<string, string | undefined>();

/** Absolute path of `name` on PATH, or undefined (looked up once per process). */
export function findTool(name: string): string | undefined {
  if (!found.has(name)) {
    const r = spawnSync('sh', ['-c', 'command -v "$1"', 'sh', name], { encoding: 'utf8' });
    found.set(name, r.status === 0 && r.stdout.trim() !== '' ? r.stdout.trim() : undefined);
  }
  return found.get(name);
}

/** What to say when `name` is missing. */
export function missingTool(name: string): string {
  return `'${name}' is not installed: ${SETUP_HINT}`;
}

/** Absolute path of an oracle tool; throws an Error naming the setup command when it is absent. */
export function requireTool(name: string): string {
  const path = findTool(name);
  if (path === undefined) throw new Error(missingTool(name));
  return path;
}
