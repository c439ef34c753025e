/**
 * `make build`'s last step: each tool's CLI bundled into one CommonJS file, dist/bundle/<tool>.cjs,
 * with a V8 code cache beside it, for the bin/ launchers (common/launch.ts says why); and
 * common/launch.ts itself as dist/bundle/launch.cjs, which the CommonJS launchers require().
 *
 * The code cache is made in a child Node process of its own, so that nothing this build process
 * did to V8's flags ends up in the cache's flag hash (V8 rejects a cache made under other flags).
 * The child compiles every function eagerly (--no-lazy) before taking the cache: V8 otherwise
 * compiles a function only when it is first called, and a cache taken without running the tool
 * would hold little more than the top level.
 *
 * usage: node dist/scripts/bundle.js                 bundle every tool
 *        node dist/scripts/bundle.js --code-cache T  (the child) write tool T's code cache
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { Script } from 'node:vm';
import { rolldown } from 'rolldown';
import { BUNDLE_DIR, LAUNCH_BUNDLE, bundlePath, codeCachePath, wrapCommonJs } from '../common/launch.js';
import { writeFileAtomic } from '../common/output.js';

/** Each tool and the folder of its compiled cli module under dist/. */
const TOOLS: readonly [tool: string, folder: string][] = [
  ['ppc64-as', 'assembler'],
  ['ppc64-ld', 'linker'],
  ['ppc64-objdump', 'disassembler'],
  ['ppc64-sim', 'simulator'],
  ['ppc64-offsets', 'offsets'],
];

/**
 * Worker threads, which a tool starts by a URL relative to its own module (`new URL('./w.js',
 * import.meta.url)`). In a bundle that module is the bundle, so each worker is bundled too, as an
 * ES module under the same name beside it (dist/bundle/ is inside the package's "type": "module").
 */
const WORKERS: readonly string[] = ['assembler/cpp/stream-worker.js'];

/** `input` (a module under dist/) and everything it imports as one file's text. */
async function bundleText(input: string, format: 'cjs' | 'es'): Promise<string> {
  const build = await rolldown({ input: fileURLToPath(new URL(`../${input}`, import.meta.url)), platform: 'node', logLevel: 'warn' });
  // One file: dynamic imports are inlined rather than split into chunks.
  const { output } = await build.generate({ format, codeSplitting: false });
  await build.close();
  const chunks = output.filter((o) => o.type === 'chunk');
  if (chunks.length !== 1) throw new Error(`${input}: the bundle came out as ${chunks.length} chunks, not 1`);
  return chunks[0]!.code;
}

async function bundle(tool: string, folder: string): Promise<void> {
  writeFileAtomic(bundlePath(tool), await bundleText(`${folder}/cli.js`, 'cjs'));
  const child = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--code-cache', tool], {
    stdio: 'inherit',
    env: { ...process.env, NODE_OPTIONS: '' },
  });
  if (child.status !== 0) throw new Error(`${tool}: making the code cache failed (exit status ${child.status ?? child.signal})`);
}

function writeCodeCache(tool: string): void {
  const file = bundlePath(tool);
  setFlagsFromString('--no-lazy');
  const script = new Script(wrapCommonJs(readFileSync(file, 'utf8')), { filename: file });
  setFlagsFromString('--lazy');
  writeFileAtomic(codeCachePath(tool), script.createCachedData());
}

export async function main(argv: string[]): Promise<number> {
  if (argv[0] === '--code-cache' && argv[1] !== undefined) {
    writeCodeCache(argv[1]);
    return 0;
  }
  mkdirSync(BUNDLE_DIR, { recursive: true });
  for (const [tool, folder] of TOOLS) await bundle(tool, folder);
  for (const worker of WORKERS) writeFileAtomic(`${BUNDLE_DIR}${basename(worker)}`, await bundleText(worker, 'es'));
  // The launchers' own logic as CommonJS, which they require() (bin/start.cjs says why).
  writeFileAtomic(LAUNCH_BUNDLE, await bundleText('common/launch.js', 'cjs'));
  return 0;
}

process.exitCode = await main(process.argv.slice(2));
