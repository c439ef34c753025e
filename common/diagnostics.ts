/**
 * Diagnostics shared by every tool: collected as data, printed GNU-style.
 *
 *   path:line:col: error: message
 *   path:line:col: note: in expansion of macro 'NAME'
 *   path:line:col: note: included from here
 *
 * Tools never throw for bad user input: they add a Diagnostic to a bag, keep
 * going to report more, and write no output when the bag holds an error.
 */

export type Severity = 'error' | 'warning' | 'note';

/** A position in a source file; line and col are 1-based. */
export interface Location {
  readonly file: string;
  readonly line: number;
  readonly col: number;
}

/** One step of the chain that led to a location: an #include/.include or a macro expansion. */
export interface OriginFrame {
  readonly kind: 'include' | 'macro';
  /** Macro name for kind 'macro'. */
  readonly name?: string;
  /** Where the include directive or the macro invocation stands. */
  readonly loc: Location;
}

export interface Diagnostic {
  readonly severity: Severity;
  readonly message: string;
  /** Absent for diagnostics about the run as a whole (e.g. a missing input file). */
  readonly loc?: Location;
  /** Innermost first: the frame nearest to `loc` comes first. */
  readonly origin?: readonly OriginFrame[];
  /** Object-relative location for the linker, e.g. "a.o:(.text+0x1c)". */
  readonly where?: string;
}

export function formatLocation(loc: Location): string {
  return `${loc.file}:${loc.line}:${loc.col}`;
}

/** The text a tool prints for one diagnostic (possibly several lines, no trailing newline). */
export function formatDiagnostic(d: Diagnostic, tool?: string): string {
  const head = d.loc ? formatLocation(d.loc) : d.where ?? tool ?? '';
  const lines = [`${head ? head + ': ' : ''}${d.severity}: ${d.message}`];
  for (const frame of d.origin ?? []) {
    const what = frame.kind === 'macro' ? `in expansion of macro '${frame.name ?? '?'}'` : 'included from here';
    lines.push(`${formatLocation(frame.loc)}: note: ${what}`);
  }
  return lines.join('\n');
}

/** Collects diagnostics for one run; stops accepting errors after `limit` (then reports one "too many errors"). */
export class DiagnosticBag {
  readonly items: Diagnostic[] = [];
  private errors = 0;
  private readonly seen = new Set<string>();

  constructor(private readonly limit = 200) {}

  get errorCount(): number {
    return this.errors;
  }

  get hasErrors(): boolean {
    return this.errors > 0;
  }

  add(d: Diagnostic): void {
    // One diagnostic per position and message: a repeated expansion of the same bad line says it once.
    const key = `${d.severity}|${d.loc ? formatLocation(d.loc) : d.where ?? ''}|${d.message}|${(d.origin ?? []).map((f) => formatLocation(f.loc)).join('>')}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    if (d.severity === 'error') {
      this.errors++;
      if (this.errors > this.limit) return;
      if (this.errors === this.limit) {
        this.items.push(d, { severity: 'error', message: `too many errors (${this.limit}); stopping the list here` });
        return;
      }
    }
    this.items.push(d);
  }

  error(message: string, loc?: Location, origin?: readonly OriginFrame[]): void {
    this.add({ severity: 'error', message, ...(loc ? { loc } : {}), ...(origin && origin.length ? { origin } : {}) });
  }

  warning(message: string, loc?: Location, origin?: readonly OriginFrame[]): void {
    this.add({ severity: 'warning', message, ...(loc ? { loc } : {}), ...(origin && origin.length ? { origin } : {}) });
  }

  note(message: string, loc?: Location): void {
    this.add({ severity: 'note', message, ...(loc ? { loc } : {}) });
  }
}
