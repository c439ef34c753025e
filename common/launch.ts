/**
 * How the bin/ launchers start a tool.
 *
 * A tool is some thirty ES modules. Loading and compiling them costs Node 15-20 ms on every run,
 * which is a fifth of a thousand-object link, and Node 20 keeps no compiled code between runs of
 * ES modules. So `make build` also bundles each tool into one CommonJS file,
 * dist/bundle/<tool>.cjs, and stores a V8 code cache of it beside it (scripts/bundle.ts). A
 * launcher runs that file through vm.Script with the cache, which skips parsing and compiling.
 *
 * When the bundle is missing, or older than the compiled module it was made from (someone ran a
 * bare `tsc` since `make build`), the launcher imports the modules instead: a stale bundle is never
 * run. A cache V8 rejects (another Node version) only costs the compile it would have saved.
 * PPC64_BUNDLE=0 in the environment makes the launcher import the modules anyway (stack traces
 * then name the TypeScript build's files; the tests compare both ways).
 *
 * The launchers are CommonJS (bin/package.json) and require() this module's own CommonJS bundle,
 * dist/bundle/launch.cjs (bin/start.cjs): Node then starts without its ES module loader, which
 * costs 10-20 ms per run on the project's machines. When that bundle is missing or older than
 * this module's build, they import this module as an ES module instead.
 *
 * The launchers' first line, `#!/usr/bin/env -S -u NODE_EXTRA_CA_CERTS node`, starts Node without
 * NODE_EXTRA_CA_CERTS. Node 20 reads and parses that certificate file while it starts, before any
 * of our code runs (about 80 ms for Debian's 220 KB bundle on the project's machines, more than a
 * whole 100-object link), and no tool here makes a TLS connection. Run as `node bin/<tool>.js`,
 * the line is a comment and the variable stays.
 */
import { readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Script } from 'node:vm';

/** What every tool's cli module exports: run with these arguments, resolve to the exit status. */
export type ToolMain = (argv: string[]) => Promise<number>;

/** The bundles' folder, dist/bundle/ (this file is dist/common/launch.js). */
export const BUNDLE_DIR = fileURLToPath(new URL('../bundle/', import.meta.url));

/** This module bundled as CommonJS (scripts/bundle.ts), for bin/start.cjs. */
export const LAUNCH_BUNDLE = `${BUNDLE_DIR}launch.cjs`;

export const bundlePath = (tool: string): string => `${BUNDLE_DIR}${tool}.cjs`;
export const codeCachePath = (tool: string): string => `${BUNDLE_DIR}${tool}.cache`;

/**
 * The bundle's source as a function of CommonJS's five module variables, as Node's own loader wraps
 * it. The code cache is made from exactly this text, so both sides must use this function.
 */
export function wrapCommonJs(source: string): string {
  return `(function (exports, require, module, __filename, __dirname) {${source}\n})`;
}

type CommonJsWrapper = (exports: object, require: NodeRequire, module: { exports: object }, filename: string, dirname: string) => void;

/** Whether `tool`'s bundle exists and is at least as new as its compiled cli module (a path). */
export function bundleIsCurrent(tool: string, cliModule: string): boolean {
  const bundle = statSync(bundlePath(tool), { throwIfNoEntry: false });
  const cli = statSync(cliModule, { throwIfNoEntry: false });
  return bundle !== undefined && cli !== undefined && bundle.mtimeMs >= cli.mtimeMs;
}

/** The bundle's main, or undefined when there is no current bundle. */
function bundledMain(tool: string, cliModule: string): ToolMain | undefined {
  if (process.env['PPC64_BUNDLE'] === '0') return undefined;
  const file = bundlePath(tool);
  if (!bundleIsCurrent(tool, cliModule)) return undefined;
  let cachedData: Buffer | undefined;
  try {
    cachedData = readFileSync(codeCachePath(tool));
  } catch {
    cachedData = undefined; // no cache: V8 compiles as usual
  }
  const script = new Script(wrapCommonJs(readFileSync(file, 'utf8')), { filename: file, cachedData });
  const module = { exports: {} as { main?: unknown } };
  (script.runInThisContext() as CommonJsWrapper)(module.exports, createRequire(file), module, file, dirname(file));
  return typeof module.exports.main === 'function' ? (module.exports.main as ToolMain) : undefined;
}

/** Run `tool` (whose compiled cli module is `cli`) with `argv`; resolves to its exit status. */
export async function launch(tool: string, cli: URL, argv: string[]): Promise<number> {
  const main = bundledMain(tool, fileURLToPath(cli)) ?? ((await import(cli.href)) as { main: ToolMain }).main;
  return main(argv);
}
