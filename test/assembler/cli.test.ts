/**
 * ppc64-as as a user runs it: GNU-compatible options, exit status, no output file on
 * error, -E, --defsym, -a listing. Runs the built CLI (`make test` builds first).
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { scratch } from '../helpers/oracles.js';

const AS = join(import.meta.dirname, '..', '..', 'bin', 'ppc64-as.js');

function asRun(args: string[], cwd: string): { status: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [AS, ...args], { cwd, encoding: 'utf8' });
  return { status: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

describe('ppc64-as command line', () => {
  it('assembles a .S file with -I/-D and writes the object', () => {
    const s = scratch();
    try {
      writeFileSync(s.file('inc.h'), '#define REG 3\n');
      writeFileSync(s.file('a.S'), '#include "inc.h"\n\tli REG, VAL\n');
      const r = asRun(['-I', s.dir, '-DVAL=42', 'a.S', '-o', 'a.o'], s.dir);
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
      const o = readFileSync(s.file('a.o'));
      expect([...o.subarray(0, 4)]).toEqual([0x7f, 0x45, 0x4c, 0x46]);
      // li r3,42 somewhere in the object
      expect(o.includes(Buffer.from([0x38, 0x60, 0x00, 0x2a]))).toBe(true);
    } finally {
      s.cleanup();
    }
  });

  it('exits 1, prints file:line:col and leaves no output file on error', () => {
    const s = scratch();
    try {
      writeFileSync(s.file('bad.s'), '\tnop\n\taddi 3, 3, 70000\n\tfrob\n');
      writeFileSync(s.file('bad.o'), 'stale');
      const r = asRun(['bad.s', '-o', 'bad.o'], s.dir);
      expect(r.status).toBe(1);
      expect(r.stderr).toContain('bad.s:2:13: error: operand out of range');
      expect(r.stderr).toContain("bad.s:3:2: error: unknown instruction 'frob'");
      expect(existsSync(s.file('bad.o'))).toBe(false);
    } finally {
      s.cleanup();
    }
  });

  it('-E prints the preprocessed text; --defsym defines a symbol; -a lists', () => {
    const s = scratch();
    try {
      writeFileSync(s.file('p.S'), '#define TWO 2\n\t.long TWO, N\n');
      const e = asRun(['-E', 'p.S'], s.dir);
      expect(e.status).toBe(0);
      expect(e.stdout).toMatch(/^# 1 "p\.S"/);
      expect(e.stdout).toContain('.long 2, N');
      const d = asRun(['--defsym', 'N=7', '-al', 'p.S', '-o', 'p.o'], s.dir);
      expect(d.status).toBe(0);
      expect(d.stdout).toMatch(/ 2 0000 00000002\s+\t\s*\.long 2, N\n\s+2\s+00000007/);
    } finally {
      s.cleanup();
    }
  });

  it('--help, --version, unknown options and missing inputs', () => {
    const s = scratch();
    try {
      expect(asRun(['--help'], s.dir)).toMatchObject({ status: 0 });
      expect(asRun(['--version'], s.dir).stdout).toMatch(/ppc64-as/);
      expect(asRun(['-Q'], s.dir)).toMatchObject({ status: 1, stderr: expect.stringContaining("unrecognized option '-Q'") });
      expect(asRun([], s.dir)).toMatchObject({ status: 1, stderr: expect.stringContaining('no input files') });
      expect(asRun(['nosuch.s', '-o', 'x.o'], s.dir)).toMatchObject({ status: 1, stderr: expect.stringContaining("can't open 'nosuch.s'") });
      writeFileSync(s.file('bin.s'), Buffer.from([0x6e, 0x6f, 0x70, 0x0a, 0x00, 0x01]));
      expect(asRun(['bin.s', '-o', 'x.o'], s.dir)).toMatchObject({ status: 1, stderr: expect.stringContaining('NUL byte') });
    } finally {
      s.cleanup();
    }
  });

  it('a missing #include names the file and the including line', () => {
    const s = scratch();
    try {
      writeFileSync(s.file('m.S'), '\tnop\n#include "missing.h"\n');
      const r = asRun(['m.S', '-o', 'm.o'], s.dir);
      expect(r.status).toBe(1);
      expect(r.stderr).toMatch(/m\.S:2:\d+: error: .*missing\.h/);
      expect(existsSync(s.file('m.o'))).toBe(false);
    } finally {
      s.cleanup();
    }
  });
});
