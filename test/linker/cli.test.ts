/** The ppc64-ld command line: exit codes, no output on error, -Map, --help/--version, option spellings. */
import { beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from '../../linker/options.js';
import { gnuAssemble, tempDir } from './gnu-tools.js';

const BIN = join(import.meta.dirname, '../../bin/ppc64-ld.js');
let dir = '';
let good = '';
let bad = '';

function ld(args: string[]): { status: number; stdout: string; stderr: string } {
  if (!existsSync(join(import.meta.dirname, '../../dist/linker/cli.js'))) throw new Error('dist/linker/cli.js is missing: run `npx tsc -p tsconfig.json` (make build)');
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', cwd: dir });
  return { status: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

beforeAll(() => {
  dir = tempDir('ppc64-ld-cli-');
  good = gnuAssemble(dir, 'good', ' .text\n .globl _start\n_start: b .\n .data\n .quad _start\n').path;
  bad = gnuAssemble(dir, 'bad', ' .text\n .globl _start\n_start: bl nowhere\n').path;
});

describe('ppc64-ld CLI', () => {
  it('links, writes the output and the map, exits 0', () => {
    const r = ld(['-static', '-nostdlib', good, '-o', 'out.elf', '-Map', 'out.map']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const elf = readFileSync(join(dir, 'out.elf'));
    expect([...elf.subarray(0, 4)]).toEqual([0x7f, 0x45, 0x4c, 0x46]);
    const map = readFileSync(join(dir, 'out.map'), 'utf8');
    expect(map).toMatch(/^\.text\s+0x0000000010000\w+\s+0x4$/m);
    expect(map).toMatch(/^\s+0x0000000010000\w+\s+_start$/m);
  });

  it('on error: exit 1, diagnostics on stderr, no output file (a stale one is removed)', () => {
    writeFileSync(join(dir, 'stale.elf'), 'old');
    const r = ld([bad, '-o', 'stale.elf']);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("bad.o:(.text+0x0): error: undefined reference to `nowhere'");
    expect(existsSync(join(dir, 'stale.elf'))).toBe(false);
  });

  it('reports unknown options and missing arguments', () => {
    expect(ld(['--frobnicate', good]).stderr).toContain("ppc64-ld: error: unrecognized option '--frobnicate'");
    expect(ld([good, '-o']).stderr).toContain("option '-o' requires an argument");
    expect(ld([]).stderr).toContain('no input files');
  });

  it('--help and --version exit 0', () => {
    const h = ld(['--help']);
    expect(h.status).toBe(0);
    expect(h.stdout).toContain('Usage: ppc64-ld');
    const v = ld(['--version']);
    expect(v.status).toBe(0);
    expect(v.stdout).toContain('ppc64-ld');
  });

  it('--oformat binary writes the flat image', () => {
    const r = ld([good, '--oformat=binary', '-o', 'flat.bin']);
    expect(r.status).toBe(0);
    const flat = readFileSync(join(dir, 'flat.bin'));
    expect(flat.readUInt32BE(0)).toBe(0x48000000); // b .
  });
});

describe('option parsing', () => {
  it('accepts GNU spellings', () => {
    const { options, diagnostics } = parseArgs([
      '-oout', '-T', 'a.lds', '--script=b.lds', '-eStart', '-Map=m.map', '--oformat', 'binary', '--gc-sections', '--defsym', 'x=1+2',
      '--defsym=y=.', '-N', '-u', 'u1', '--undefined=u2', '-L', 'libs', '-lfoo', '-(', 'a.a', '-)', '-z', 'max-page-size=0x1000', 'f.o',
    ]);
    expect(diagnostics).toEqual([]);
    expect(options.output).toBe('out');
    expect(options.scripts).toEqual(['a.lds', 'b.lds']);
    expect(options.entry).toBe('Start');
    expect(options.mapFile).toBe('m.map');
    expect(options.oformat).toBe('binary');
    expect(options.gcSections && options.omagic).toBe(true);
    expect(options.defsyms).toEqual([{ name: 'x', expr: '1+2' }, { name: 'y', expr: '.' }]);
    expect(options.undefined).toEqual(['u1', 'u2']);
    expect(options.maxPageSize).toBe(0x1000n);
    expect(options.inputs).toEqual([
      { kind: 'library', name: 'foo' }, { kind: 'group-start' }, { kind: 'file', path: 'a.a' }, { kind: 'group-end' }, { kind: 'file', path: 'f.o' },
    ]);
  });

  it('rejects what a static big-endian linker cannot do', () => {
    expect(parseArgs(['-shared']).diagnostics[0]!.message).toContain('only makes static executables');
    expect(parseArgs(['-EL']).diagnostics[0]!.message).toContain('big-endian');
    expect(parseArgs(['--oformat', 'srec']).diagnostics[0]!.message).toContain("unsupported output format 'srec'");
    expect(parseArgs(['--defsym', 'nope']).diagnostics[0]!.message).toContain('expected SYMBOL=EXPRESSION');
    expect(parseArgs(['-Ttext=0x100']).diagnostics[0]!.message).toContain('not supported');
  });
});
