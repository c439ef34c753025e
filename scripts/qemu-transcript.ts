/**
 * Console transcripts of the trampoline image: normalisation and comparison against the
 * reviewed golden file (test/integration/golden/kvm-trampoline.console.txt).
 *
 * The image marks every line whose content depends on timing with a leading "~" (where
 * the decrementer hit the guest, how long it spun). Under `-icount` those lines are
 * reproducible too, but another qemu version or the in-tree simulator may time things
 * differently, so against the golden file they are compared by shape: numbers masked.
 * Every other line must match exactly.
 */

/** The transcript with CRLF line ends turned into LF (the console sends "\r\n"). */
export function normalizeTranscript(text: string): string {
  return text.replace(/\r\n/g, '\n');
}

/** A timing-dependent line with its numbers replaced by '#'. */
export function maskTimingLine(line: string): string {
  return line.replace(/0x[0-9a-f]+/g, '#').replace(/[0-9]+/g, '#');
}

export interface TranscriptDifference {
  /** 1-based line number in the golden file. */
  readonly line: number;
  readonly expected: string | undefined;
  readonly actual: string | undefined;
}

/**
 * Compare a transcript (already normalised) with the golden one. Returns the differing
 * lines, empty when they agree.
 */
export function compareTranscript(golden: string, actual: string): TranscriptDifference[] {
  const want = lines(golden);
  const got = lines(actual);
  const diffs: TranscriptDifference[] = [];
  for (let i = 0; i < Math.max(want.length, got.length); i++) {
    const w = want[i];
    const g = got[i];
    const same =
      w !== undefined && g !== undefined && (w.startsWith('~') ? g.startsWith('~') && maskTimingLine(w) === maskTimingLine(g) : w === g);
    if (!same) diffs.push({ line: i + 1, expected: w, actual: g });
  }
  return diffs;
}

/** The lines of a text; a final newline does not start another (empty) line. */
function lines(text: string): string[] {
  const all = text.split('\n');
  if (all[all.length - 1] === '') all.pop();
  return all;
}

/** A short human-readable report of the first differences. */
export function formatDifferences(diffs: readonly TranscriptDifference[], limit = 10): string {
  const out = diffs.slice(0, limit).map((d) => `line ${d.line}:\n  golden: ${d.expected ?? '<missing>'}\n  actual: ${d.actual ?? '<missing>'}`);
  if (diffs.length > limit) out.push(`... and ${diffs.length - limit} more`);
  return out.join('\n');
}

/** The per-exit-type counts the host prints after the guest halts ("  0x300 data-storage 5"). */
export function parseExitCounts(transcript: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const line of normalizeTranscript(transcript).split('\n')) {
    const m = /^ {2}(0x[0-9a-f]+ [a-z-]+|other|total) ([0-9]+)/.exec(line);
    if (m) counts.set(m[1]!, Number(m[2]));
  }
  return counts;
}
