/**
 * Accept a new golden console transcript for the trampoline image, after review:
 *
 *   node dist/scripts/qemu-golden.js IMAGE.elf GOLDEN.txt
 *
 * Boots IMAGE twice under qemu (deterministic mode), refuses to accept unless both runs
 * pass and are byte-identical, prints how the new transcript differs from the current
 * golden file, and writes it (atomically). Tests never write golden files themselves.
 */
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { formatDiagnostic } from '../common/diagnostics.js';
import { writeFileAtomic } from '../common/output.js';
import { runQemu } from './qemu-run.js';
import { compareTranscript, formatDifferences, normalizeTranscript } from './qemu-transcript.js';

function fail(message: string): number {
  process.stderr.write(formatDiagnostic({ severity: 'error', message }, 'qemu-golden') + '\n');
  return 2;
}

export async function main(argv: readonly string[]): Promise<number> {
  if (argv.length !== 2) return fail('usage: qemu-golden IMAGE.elf GOLDEN.txt');
  const [image, goldenPath] = argv as [string, string];
  const first = await runQemu(image);
  if (first.verdict !== 'pass') return fail(`the image did not pass (${first.problem ?? first.verdict}); not accepting`);
  const second = await runQemu(image);
  if (second.console !== first.console) return fail('two runs gave different transcripts; not accepting');
  const transcript = normalizeTranscript(first.console);
  let old: string | undefined;
  try {
    old = readFileSync(goldenPath, 'utf8');
  } catch {
    old = undefined;
  }
  if (old === transcript) {
    process.stdout.write(`qemu-golden: ${goldenPath} is up to date\n`);
    return 0;
  }
  if (old !== undefined) {
    const diffs = compareTranscript(old, transcript);
    process.stdout.write(`qemu-golden: ${diffs.length} line(s) change:\n${formatDifferences(diffs, 50)}\n`);
  }
  writeFileAtomic(goldenPath, transcript);
  process.stdout.write(`qemu-golden: wrote ${goldenPath} (${transcript.split('\n').length - 1} lines); review it before committing\n`);
  return 0;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main(process.argv.slice(2)).then(
    (status) => {
      process.exitCode = status;
    },
    (e: unknown) => {
      process.stderr.write(`qemu-golden: internal error: ${e instanceof Error ? e.message : String(e)}\n`);
      process.exitCode = 2;
    },
  );
}
