/**
 * ppc64-ld command line: parse argv, link, print diagnostics GNU-style on stderr, write the output
 * (and map) atomically. No output file is left behind when the link fails.
 */
import { setFlagsFromString } from 'node:v8';
import { formatDiagnostic } from '../common/diagnostics.js';
import { nodeHost } from '../common/node-host.js';
import { removeOutput, writeFileAtomic } from '../common/output.js';
import { HELP, VERSION, link, parseArgs } from './index.js';

const TOOL = 'ppc64-ld';

/**
 * A link is a short process that runs most of its code a few thousand times, once per input. With
 * V8's default thresholds it sends some forty functions to the optimizing compiler, whose jobs cost
 * more CPU than the optimized code then saves (1000 small objects: about 210 ms of CPU against 150
 * with a larger budget, and 10% of the wall time on a busy 2-core machine). A larger interrupt
 * budget keeps that for code that stays hot, such as the relocation loop of a million-line object,
 * which costs the same either way. This is the CLI's process, not the library's: link() callers
 * keep their own VM settings. The flag exists in the V8 of Node 18 to 22 (V8 10 to 12); later ones
 * are left alone rather than told about a flag they might not know.
 */
if (/^1[0-2]\./.test(process.versions.v8)) setFlagsFromString('--interrupt-budget=500000');

export async function main(argv: string[]): Promise<number> {
  const { options, diagnostics } = parseArgs(argv);
  const print = (text: string): void => {
    process.stderr.write(text + '\n');
  };
  for (const d of diagnostics) print(`${TOOL}: ${formatDiagnostic(d)}`);
  if (diagnostics.some((d) => d.severity === 'error')) return 1;
  if (options.help) {
    process.stdout.write(HELP);
    return 0;
  }
  if (options.version) {
    process.stdout.write(VERSION + '\n');
    if (options.inputs.length === 0) return 0;
  }
  let result;
  try {
    result = link(options, nodeHost);
  } catch (e) {
    // An exception here is a linker bug, never a user error: say so plainly.
    print(`${TOOL}: internal error: ${e instanceof Error ? e.stack ?? e.message : String(e)}`);
    removeOutput(options.output);
    return 2;
  }
  for (const d of result.diagnostics) {
    const text = formatDiagnostic(d);
    print(d.loc || d.where ? text : `${TOOL}: ${text}`);
  }
  const failed = result.diagnostics.some((d) => d.severity === 'error') || !result.output;
  if (failed) {
    removeOutput(options.output);
    return 1;
  }
  try {
    writeFileAtomic(options.output, result.output!, options.oformat === 'binary' ? 0o644 : 0o755);
    if (options.mapFile !== undefined && result.map !== undefined) writeFileAtomic(options.mapFile, result.map);
  } catch (e) {
    print(`${TOOL}: cannot write ${options.output}: ${e instanceof Error ? e.message : String(e)}`);
    return 1;
  }
  return 0;
}
