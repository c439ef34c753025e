/**
 * The bin/ launchers run each tool from its bundle with a V8 code cache (common/launch.ts,
 * scripts/bundle.ts). These tests hold `make build`'s bundles to the modules they were made from:
 * current, accepted by this Node's V8, and doing exactly what the unbundled modules do.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
const BUILD_HINT = 'run `make build` (tsc, then scripts/bundle.ts)';
const TOOLS: [tool: string, folder: string][] = [
  ['ppc64-as', 'assembler'],
  ['ppc64-ld', 'linker'],
  ['ppc64-objdump', 'disassembler'],
  ['ppc64-sim', 'simulator'],
  ['ppc64-offsets', 'offsets'],
];

const tmp = mkdtempSync(join(tmpdir(), 'launch-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** Run bin/<tool>.js, from its bundle or (bundled = false) from the compiled modules. */
function run(tool: string, args: string[], bundled: boolean): { status: number | null; stdout: string; stderr: string } {
  const env = { ...process.env, PPC64_BUNDLE: bundled ? '1' : '0' };
  const r = spawnSync(process.execPath, [join(ROOT, 'bin', `${tool}.js`), ...args], { encoding: 'utf8', env, cwd: tmp });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe.each(TOOLS)('%s', (tool, folder) => {
  const bundle = join(ROOT, 'dist', 'bundle', `${tool}.cjs`);

  it('has a bundle at least as new as the compiled modules', () => {
    const b = statSync(bundle, { throwIfNoEntry: false });
    const cli = statSync(join(ROOT, 'dist', folder, 'cli.js'), { throwIfNoEntry: false });
    expect(cli, `dist/${folder}/cli.js is missing: ${BUILD_HINT}`).toBeDefined();
    expect(b, `dist/bundle/${tool}.cjs is missing: ${BUILD_HINT}`).toBeDefined();
    expect(b!.mtimeMs, `dist/bundle/${tool}.cjs is older than dist/${folder}/cli.js: ${BUILD_HINT}`).toBeGreaterThanOrEqual(cli!.mtimeMs);
  });

  it("has a code cache this Node's V8 accepts", () => {
    // In a fresh process with no flags, as a launcher runs (vitest's own process may differ).
    const probe = `
      const { readFileSync } = require('node:fs');
      const { Script } = require('node:vm');
      const source = readFileSync(process.argv[1], 'utf8');
      const s = new Script('(function (exports, require, module, __filename, __dirname) {' + source + '\\n})',
        { filename: process.argv[1], cachedData: readFileSync(process.argv[2]) });
      process.stdout.write(String(s.cachedDataRejected));`;
    const r = spawnSync(process.execPath, ['-e', probe, bundle, bundle.replace(/\.cjs$/, '.cache')], { encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '' } });
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('false');
  });

  it('runs as an executable, starting node without NODE_EXTRA_CA_CERTS', () => {
    // Node warns on stderr when that file cannot be loaded: the warning shows whether it was read.
    const env = { ...process.env, NODE_EXTRA_CA_CERTS: join(tmp, 'no-such-certs.pem') };
    const direct = spawnSync(join(ROOT, 'bin', `${tool}.js`), ['--version'], { encoding: 'utf8', env, cwd: tmp });
    expect(direct.stderr).toBe('');
    expect(direct.status).toBe(0);
    const viaNode = spawnSync(process.execPath, [join(ROOT, 'bin', `${tool}.js`), '--version'], { encoding: 'utf8', env, cwd: tmp });
    expect(viaNode.stderr).toContain('no-such-certs.pem');
    expect(direct.stdout).toBe(viaNode.stdout);
  });

  it('answers --version and --help as the modules do', () => {
    for (const args of [['--version'], ['--help']]) {
      const a = run(tool, args, true);
      const b = run(tool, args, false);
      expect(a).toEqual(b);
    }
  });
});

describe('the launchers', () => {
  it('have their own logic bundled as CommonJS, at least as new as common/launch.js', () => {
    const b = statSync(join(ROOT, 'dist', 'bundle', 'launch.cjs'), { throwIfNoEntry: false });
    const m = statSync(join(ROOT, 'dist', 'common', 'launch.js'), { throwIfNoEntry: false });
    expect(b, `dist/bundle/launch.cjs is missing: ${BUILD_HINT}`).toBeDefined();
    expect(b!.mtimeMs, `dist/bundle/launch.cjs is older than dist/common/launch.js: ${BUILD_HINT}`).toBeGreaterThanOrEqual(m!.mtimeMs);
  });

  it('start a bundled tool without the ES module loader, and the modules through it', () => {
    // NODE_DEBUG=esm makes the loader log each module it loads: evidence of which path ran.
    for (const [tool] of TOOLS) {
      const env = { ...process.env, NODE_DEBUG: 'esm' };
      const bundled = spawnSync(join(ROOT, 'bin', `${tool}.js`), ['--version'], { encoding: 'utf8', env: { ...env, PPC64_BUNDLE: '1' }, cwd: tmp });
      expect(bundled.status).toBe(0);
      expect(bundled.stderr).not.toMatch(/^ESM \d+:/m);
      const modules = spawnSync(join(ROOT, 'bin', `${tool}.js`), ['--version'], { encoding: 'utf8', env: { ...env, PPC64_BUNDLE: '0' }, cwd: tmp });
      expect(modules.status).toBe(0);
      expect(modules.stderr).toMatch(/^ESM \d+:.*cli\.js/m);
      expect(modules.stdout).toBe(bundled.stdout);
    }
  });
});

describe('a real job, bundled and not', () => {
  it('assembles and disassembles to the same bytes and text', () => {
    const src = join(ROOT, 'test', 'assembler', 'inputs', 'kernel.S');
    const outputs: string[][] = [];
    for (const bundled of [true, false]) {
      const tag = bundled ? 'b' : 'm';
      const as = run('ppc64-as', ['-I', join(ROOT, 'test', 'assembler', 'inputs', 'include'), '-o', `${tag}.o`, src], bundled);
      expect(as.stderr).toBe('');
      expect(as.status).toBe(0);
      const objdump = run('ppc64-objdump', ['-d', `${tag}.o`], bundled);
      expect(objdump.status).toBe(0);
      outputs.push([readFileSync(join(tmp, `${tag}.o`)).toString('hex'), objdump.stdout.replaceAll(`${tag}.o`, 'X.o')]);
    }
    expect(outputs[0]).toEqual(outputs[1]);
  });
});
