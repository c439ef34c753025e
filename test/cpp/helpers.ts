/** Running our preprocessor and gcc's side by side, and reading line markers back. */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { DiagnosticBag, formatDiagnostic, type Diagnostic } from '../../common/diagnostics.js';
import { memoryHost, type Host } from '../../common/host.js';
import { nodeHost } from '../../common/node-host.js';
import { preprocessWith, type CppOptions } from '../../assembler/cpp/index.js';
import { GNU, requireTool } from '../helpers/oracles.js';
import { xorshift32 } from '../helpers/random.js';

export interface OurResult {
  out: string;
  diags: Diagnostic[];
  errors: string[];
  warnings: string[];
  text: string; // diagnostics, formatted
}

const NO_OPTIONS: CppOptions = { includeDirs: [], defines: [], undefines: [] };

export function ours(path: string, text: string, options: Partial<CppOptions> = {}, host: Host = nodeHost, fastPath = true): OurResult {
  const bag = new DiagnosticBag();
  const out = preprocessWith(path, text, { ...NO_OPTIONS, ...options }, host, bag, { fastPath });
  const diags = [...bag.items];
  return {
    out,
    diags,
    errors: diags.filter((d) => d.severity === 'error').map((d) => d.message),
    warnings: diags.filter((d) => d.severity === 'warning').map((d) => d.message),
    text: diags.map((d) => formatDiagnostic(d)).join('\n'),
  };
}

/** Preprocess an in-memory main file (plus other files) without touching the disk. */
export function mem(text: string, files: Record<string, string> = {}, options: Partial<CppOptions> = {}, fastPath = true): OurResult {
  return ours('t.S', text, options, memoryHost({ 't.S': text, ...files }), fastPath);
}

/** Our output without the leading `# 1 "t.S"` marker. */
export function body(text: string, files: Record<string, string> = {}, options: Partial<CppOptions> = {}): string {
  const r = mem(text, files, options);
  if (r.errors.length) throw new Error(`unexpected errors:\n${r.text}`);
  return r.out.replace(/^# 1 "t\.S"\n/, '');
}

export interface GccResult {
  out: string;
  stderr: string;
  status: number;
}

/**
 * `powerpc64-linux-gnu-gcc -E -x assembler-with-cpp`, run in `cwd` on `file`.
 * The output is cut to start at the main file's `# 1 "file"` marker (gcc
 * first prints markers for <built-in>, <command-line> and stdc-predef.h,
 * which have no counterpart in ours).
 */
export function gcc(file: string, args: readonly string[], cwd: string): GccResult {
  const tool = requireTool(GNU.gcc);
  const r = spawnSync(tool, ['-E', '-x', 'assembler-with-cpp', ...args, file], { cwd, encoding: 'utf8', maxBuffer: 1 << 28 });
  const marker = `# 1 "${file}"\n`;
  const at = r.stdout.indexOf(marker);
  return { out: at >= 0 ? r.stdout.slice(at) : r.stdout, stderr: r.stderr, status: r.status ?? -1 };
}

export interface Attributed {
  file: string;
  line: number;
  text: string;
}

/** Every non-blank, non-marker output line with the file:line the markers attribute it to. */
export function attribute(out: string): Attributed[] {
  const res: Attributed[] = [];
  let file = '';
  let line = 0;
  for (const l of out.split('\n')) {
    const m = /^# (\d+) "((?:[^"\\]|\\.)*)"((?: [1-4])*)$/.exec(l);
    if (m) {
      line = Number(m[1]);
      file = m[2]!.replace(/\\(.)/g, '$1');
      continue;
    }
    if (l.trim() !== '') res.push({ file, line, text: l });
    line++;
  }
  return res;
}

export function readText(path: string): string {
  return readFileSync(path, 'utf8');
}

/** Seeded integers in [0, n) (test/helpers/random.ts's xorshift32). */
export function rng(seed: number): (n: number) => number {
  const next = xorshift32(seed);
  return (n: number) => next() % n;
}
