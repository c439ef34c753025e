/**
 * Differential suite: every input under test/assembler/inputs is assembled by ppc64-as
 * (the library, in process) and by GNU (`gcc -c` for .S, `as` for .s). The allocated
 * sections (type, flags, alignment, bytes) and `readelf -rW` relocation lists must be
 * equal, and GNU ld must accept our object.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { assemble } from '../../assembler/index.js';
import { nodeHost } from '../../common/node-host.js';
import { formatDiagnostic } from '../../common/diagnostics.js';
import { allocatedSections, symbolTable } from '../helpers/objects.js';
import { GNU, gnuAssemble, relocationList, run, scratch } from '../helpers/oracles.js';

const INPUTS = join(import.meta.dirname, 'inputs');
const INCLUDE = join(INPUTS, 'include');

/** `# as-flags: ...` on the first line: options given to both assemblers. */
function flagsOf(path: string): string[] {
  const m = /^[#/*\s]*as-flags:\s*(.*?)\s*(\*\/)?$/m.exec(readFileSync(path, 'utf8').split('\n')[0] ?? '');
  return m ? m[1]!.split(/\s+/).filter(Boolean) : [];
}

function ours(path: string, flags: string[], includeDirs: string[] = [INCLUDE]): Uint8Array {
  const cpu = flags.find((f) => /^-m(power|ppc)/.test(f))?.slice(2);
  const r = assemble([{ path }], { includeDirs, regnames: flags.includes('-mregnames'), ...(cpu ? { cpu } : {}) }, nodeHost);
  const errors = r.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0 || !r.object) throw new Error(`ppc64-as failed on ${path}:\n${r.diagnostics.map((d) => formatDiagnostic(d)).join('\n')}`);
  return r.object;
}

const inputs = readdirSync(INPUTS).filter((f) => /\.(s|S)$/.test(f)).sort();

describe('ppc64-as equals GNU as', () => {
  it('has inputs', () => {
    expect(inputs.length).toBeGreaterThan(5);
  });
  for (const name of inputs) {
    it(name, () => {
      const path = join(INPUTS, name);
      const flags = flagsOf(path);
      const gnu = gnuAssemble(path, { includeDirs: [INCLUDE], extra: flags });
      const mine = ours(path, flags);
      expect(allocatedSections(mine)).toEqual(allocatedSections(gnu));
      expect(relocationList(mine)).toEqual(relocationList(gnu));
      expect(symbolTable(mine)).toEqual(symbolTable(gnu));
      // GNU ld must accept the object (a relocatable link reads every section and relocation).
      const s = scratch();
      try {
        writeFileSync(s.file('ours.o'), mine);
        const r = run(GNU.ld, ['-r', s.file('ours.o'), '-o', s.file('out.o')]);
        expect(r.stderr).toBe('');
        expect(r.status).toBe(0);
      } finally {
        s.cleanup();
      }
    });
  }
});
