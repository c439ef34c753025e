/**
 * The assembler as a library: `assemble(files, options, host)` → object bytes and
 * diagnostics. No file-system access except through `host` (includes, .incbin).
 *
 *   .S/.sx file → preprocess (cpp) → gas front end (lines → statements → chunks +
 *   fixups) → layout → fixups resolved / relocations → ELF64 relocatable object
 */
import { DiagnosticBag, type Diagnostic } from '../common/diagnostics.js';
import type { Host } from '../common/host.js';
import { preprocess, type CppOptions } from './cpp/index.js';
import { assembleSources } from './pipeline.js';

export interface AssembleInput {
  path: string;
  /** Contents; read through the host when absent. */
  text?: string;
}

export interface AssembleOptions {
  includeDirs?: readonly string[];
  defines?: readonly (readonly [string, string | undefined])[];
  undefines?: readonly string[];
  /** --defsym NAME=EXPR */
  defsyms?: readonly (readonly [string, string])[];
  regnames?: boolean;
  /** Run the C preprocessor: by default for .S and .sx files only (as gcc does). */
  preprocess?: boolean;
  /** Stop after preprocessing (the result is in `preprocessed`). */
  preprocessOnly?: boolean;
  /**
   * -mCPU. Unset: gas's default (ppc64) for .s input; for .S input what `gcc -c` passes to
   * gas (-mpower4 -many), so that ppc64-as gives the bytes `gcc -c file.S` gives.
   */
  cpu?: string;
  /** -many; defaults to true for .S input (gcc passes it). */
  any?: boolean;
  /** Produce a listing (GNU as -a). */
  listing?: boolean;
}

export interface AssembleResult {
  object?: Uint8Array;
  listing?: string;
  preprocessed?: string;
  diagnostics: Diagnostic[];
  /** Text from .print directives, in order. */
  printed: string[];
}

export function needsCpp(path: string): boolean {
  return /\.(S|sx)$/.test(path);
}

export function assemble(files: readonly AssembleInput[], options: AssembleOptions, host: Host): AssembleResult {
  const bag = new DiagnosticBag();
  const sources: { path: string; text: string }[] = [];
  for (const f of files) {
    let text: string | undefined = f.text;
    if (text === undefined) {
      const data = host.readFile(f.path);
      if (!data) {
        bag.error(`can't open '${f.path}' for reading: no such file`);
        continue;
      }
      text = decodeText(data, f.path, bag);
      if (text === undefined) continue;
    }
    if (options.preprocess ?? needsCpp(f.path)) {
      text = preprocess(
        f.path,
        text,
        cppOptions(options),
        host,
        bag,
      );
    }
    if (text !== undefined) sources.push({ path: f.path, text });
  }
  if (options.preprocessOnly) {
    return { ...(bag.hasErrors ? {} : { preprocessed: sources.map((s) => s.text).join('') }), diagnostics: bag.items, printed: [] };
  }
  if (bag.hasErrors) return { diagnostics: bag.items, printed: [] };

  const viaCpp = files.some((f) => options.preprocess ?? needsCpp(f.path));
  const r = assembleSources(
    sources,
    viaCpp ? gccCpuMode(options) : options,
    host,
  );
  return { ...r, diagnostics: [...bag.items, ...r.diagnostics] };
}

/**
 * One large .S file: the same result as assemble(), with the preprocessor running in a
 * worker thread and streaming into the assembler, so the two overlap on a multi-core
 * machine. (Node only; the CLI uses it for inputs of STREAM_THRESHOLD bytes and more.)
 */
export async function assembleStreaming(path: string, options: AssembleOptions, host: Host): Promise<AssembleResult> {
  const bag = new DiagnosticBag();
  // The worker starts first: loading the preprocessor there overlaps reading the file here.
  const { startCppStream } = await import('./cpp/stream.js');
  const stream = startCppStream(path, cppOptions(options));
  const data = host.readFile(path);
  const text = data ? decodeText(data, path, bag) : undefined;
  stream.start(text);
  if (!data) {
    await stream.diagnostics();
    return assemble([{ path }], options, host);
  }
  if (text === undefined) {
    await stream.diagnostics();
    return { diagnostics: bag.items, printed: [] };
  }
  const r = assembleSources(
    [{ path, text: '', more: () => stream.pull() }],
    gccCpuMode(options),
    host,
  );
  const cppDiagnostics = await stream.diagnostics();
  const diagnostics = [...cppDiagnostics, ...r.diagnostics];
  if (cppDiagnostics.some((d) => d.severity === 'error')) return { diagnostics, printed: r.printed };
  return { ...r, diagnostics };
}

function cppOptions(options: AssembleOptions): CppOptions {
  return { includeDirs: options.includeDirs ?? [], defines: options.defines ?? [], undefines: options.undefines ?? [] };
}

/** What `gcc -c` passes to gas for a .S file (-mpower4 -many), unless the user chose otherwise. */
function gccCpuMode(options: AssembleOptions): AssembleOptions {
  return { ...options, cpu: options.cpu ?? 'power4', any: options.any ?? true };
}

/** Inputs at least this large are preprocessed in a worker by the CLI (smaller ones do not gain). */
export const STREAM_THRESHOLD = 1 << 20;

/** Input must be text: a NUL byte or invalid UTF-8 is reported, not assembled. */
function decodeText(data: Uint8Array, path: string, bag: DiagnosticBag): string | undefined {
  const nul = data.indexOf(0);
  if (nul >= 0) {
    const line = countLines(data, nul);
    bag.error('input contains a NUL byte: not a text file', { file: path, line, col: 1 });
    return undefined;
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(data);
  } catch {
    bag.error('input is not valid UTF-8 text', { file: path, line: 1, col: 1 });
    return undefined;
  }
}

function countLines(data: Uint8Array, upto: number): number {
  let n = 1;
  for (let i = 0; i < upto; i++) if (data[i] === 10) n++;
  return n;
}
