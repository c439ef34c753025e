/**
 * Large .S inputs: the CLI preprocesses them in a worker that streams into the assembler.
 * The object must be exactly the one the single-threaded library path makes, and errors
 * from the preprocessor must still fail the run (no output, exit 1, no hang).
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { assemble, STREAM_THRESHOLD } from '../../assembler/index.js';
import { nodeHost } from '../../common/node-host.js';
import { generate } from '../../scripts/bench-as.js';
import { scratch } from '../helpers/oracles.js';

const AS = join(import.meta.dirname, '..', '..', 'bin', 'ppc64-as.js');

describe('streaming preprocessor (large inputs)', () => {
  it('gives the same object as the single-threaded path', () => {
    const s = scratch();
    try {
      const src = s.file('big.S');
      writeFileSync(src, generate(80_000, 7));
      expect(statSync(src).size).toBeGreaterThan(STREAM_THRESHOLD);
      const r = spawnSync(process.execPath, [AS, src, '-o', s.file('cli.o')], { encoding: 'utf8' });
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
      const lib = assemble([{ path: src }], {}, nodeHost);
      expect(lib.object).toBeDefined();
      expect(Buffer.compare(readFileSync(s.file('cli.o')), Buffer.from(lib.object!))).toBe(0);
    } finally {
      s.cleanup();
    }
  });

  it('fails on a large input that is not text (the worker, started before the read, stops), without output', () => {
    const s = scratch();
    try {
      const src = s.file('nul.S');
      writeFileSync(src, generate(80_000, 9) + '\0\n');
      const r = spawnSync(process.execPath, [AS, src, '-o', s.file('nul.o')], { encoding: 'utf8', timeout: 60_000 });
      expect(r.status).toBe(1);
      expect(r.stderr).toMatch(/nul\.S:\d+:1: error: input contains a NUL byte/);
      expect(existsSync(s.file('nul.o'))).toBe(false);
    } finally {
      s.cleanup();
    }
  });

  it('fails on a preprocessor error at the end of a large input, without output', () => {
    const s = scratch();
    try {
      const src = s.file('bad.S');
      writeFileSync(src, generate(80_000, 8) + '\n#error stop here\n');
      const r = spawnSync(process.execPath, [AS, src, '-o', s.file('bad.o')], { encoding: 'utf8', timeout: 60_000 });
      expect(r.status).toBe(1);
      expect(r.stderr).toMatch(/bad\.S:\d+:\d+: error: .*stop here/);
      expect(existsSync(s.file('bad.o'))).toBe(false);
    } finally {
      s.cleanup();
    }
  });
});
