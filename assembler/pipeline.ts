/**
 * The gas stage of the assembler, after preprocessing: source texts → object bytes.
 * Kept apart from index.ts so it can be used (and tested) without the preprocessor.
 */
import type { Diagnostic } from '../common/diagnostics.js';
import type { Host } from '../common/host.js';
import { Assembler, type AsOptions } from './assembler.js';
import { TextLineSource, type SourceLine } from './lines.js';
import { layoutSections, resolveFixups } from './fixups.js';
import { writeObject } from './object.js';
import { formatListing } from './listing.js';

export interface GasOptions extends AsOptions {
  /** --defsym NAME=VALUE, defined before the first line. */
  defsyms?: readonly (readonly [string, string])[];
  /** Produce a listing (GNU as -a). */
  listing?: boolean;
}

export interface GasResult {
  object?: Uint8Array;
  listing?: string;
  diagnostics: Diagnostic[];
  printed: string[];
}

/** A source text; `more` streams further text when the producer (a preprocessor worker) has it. */
export interface GasSource {
  path: string;
  text: string;
  more?: () => string | undefined;
}

export function assembleSources(sources: readonly GasSource[], options: GasOptions, host: Host): GasResult {
  const as = new Assembler(options, host);
  for (const [name, value] of options.defsyms ?? []) {
    as.where = { file: '--defsym', line: 1, origin: [] };
    as.processStatement(`${name}=${value}`, 1);
  }
  if (options.listing) as.listing = [];
  as.run(concatSources(sources));
  if (!as.bag.hasErrors) {
    layoutSections(as);
    const relocs = resolveFixups(as);
    if (!as.bag.hasErrors) {
      const object = writeObject(as, relocs);
      if (!as.bag.hasErrors) {
        const listing = as.listing ? formatListing(as.listing, sources.map((s) => s.path).join(' ')) : undefined;
        return { object, ...(listing !== undefined ? { listing } : {}), diagnostics: as.bag.items, printed: as.printed };
      }
    }
  }
  return { diagnostics: as.bag.items, printed: as.printed };
}

/** Several input files are assembled as one stream, as gas does. */
function concatSources(sources: readonly GasSource[]): { next(): SourceLine | undefined } {
  let i = 0;
  let cur: TextLineSource | undefined;
  return {
    next() {
      for (;;) {
        if (!cur) {
          const s = sources[i++];
          if (!s) return undefined;
          cur = new TextLineSource(s.text, s.path, s.more);
        }
        const l = cur.next();
        if (l) return l;
        cur = undefined;
      }
    },
  };
}
