/**
 * The GNU oracle for the offsets tests: compile a DEFINE list with powerpc64-linux-gnu-gcc -S
 * (offsets/include/kbuild.h turns each DEFINE into marker lines in the assembly) and scrape the
 * markers, as kbuild does for Linux's asm-offsets.
 */
import { spawnSync } from 'node:child_process';
import { GNU, requireTool } from '../../common/oracles.js';

export const GCC = GNU.gcc;

export type OracleLine =
  | { kind: 'define'; name: string; value: bigint; text: string }
  | { kind: 'blank' }
  | { kind: 'comment'; text: string };

/**
 * Compile a C file (`{ path }`) or C text (`{ source }`, read from stdin) and return the marker
 * lines in order.
 */
export function gccMarkers(input: { path: string } | { source: string }, includeDirs: readonly string[]): OracleLine[] {
  const file = 'path' in input ? input.path : '-';
  const r = spawnSync(requireTool(GCC), ['-S', '-O2', '-w', '-x', 'c', '-o', '-', ...includeDirs.flatMap((d) => ['-I', d]), file], {
    ...('source' in input ? { input: input.source } : {}),
    encoding: 'utf8',
    maxBuffer: 64 << 20,
  });
  if (r.status !== 0) throw new Error(`${GCC} failed (status ${r.status}):\n${r.stderr}`);
  const lines: OracleLine[] = [];
  const defines = new Map<string, { kind: 'define'; name: string; value: bigint; text: string }>();
  for (const raw of r.stdout.split('\n')) {
    const line = raw.trim();
    let m: RegExpExecArray | null;
    if ((m = /^#@@asm-offset (\S+) (-?\d+)$/.exec(line))) {
      const d = { kind: 'define' as const, name: m[1] as string, value: BigInt(m[2] as string), text: '' };
      defines.set(d.name, d);
      lines.push(d);
    } else if ((m = /^#@@asm-offset-text (\S+) (.*)$/.exec(line))) {
      const d = defines.get(m[1] as string);
      if (d) d.text = m[2] as string;
    } else if (line === '#@@asm-offset-blank') lines.push({ kind: 'blank' });
    else if ((m = /^#@@asm-offset-comment (.*)$/.exec(line))) lines.push({ kind: 'comment', text: m[1] as string });
  }
  return lines;
}

/** gcc prints a CONST_INT sign-extended from the width of the expression's type. */
export function asGccPrints(value: bigint, typeSize: bigint): bigint {
  return BigInt.asIntN(Number(typeSize * 8n), value);
}
