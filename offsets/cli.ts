/**
 * ppc64-offsets: command line over offsets/index.ts. Parses argv, does the file I/O, prints
 * diagnostics GNU-style, returns the exit status (0 ok, 1 errors or a stale header, 2 usage).
 */
import { readFileSync } from 'node:fs';
import { formatDiagnostic, type Diagnostic } from '../common/diagnostics.js';
import { nodeHost } from '../common/node-host.js';
import { writeFileAtomic } from '../common/output.js';
import { describeLayouts, generateOffsets, type GenerateOptions } from './index.js';

const TOOL = 'ppc64-offsets';

const USAGE = `Usage:
  ${TOOL} generate [--check] DECLS.c [-I DIR]... [-D NAME[=VALUE]]... [-U NAME]... -o OUT.h
      Lay out the declarations DECLS.c includes and write OUT.h with one
      "#define NAME value /* expression */" per DEFINE(NAME, expression) in DECLS.c.
      OUT.h is rewritten only when its content changes; "-o -" writes to stdout.
      --check   write nothing; exit 1 when OUT.h differs from what DECLS.c gives.
  ${TOOL} layout DECLS.c [-I DIR]... [STRUCT]...
      Print the layout (offset and size of every member) of the named structs, or of all.
  ${TOOL} --help | --version
`;

interface Parsed {
  command: 'generate' | 'layout';
  check: boolean;
  input?: string;
  output?: string;
  names: string[];
  options: { includeDirs: string[]; defines: [string, string][]; undefines: string[] };
}

function parseArgs(argv: readonly string[]): Parsed | string {
  const [command, ...rest] = argv;
  if (command !== 'generate' && command !== 'layout') return command === undefined ? 'missing command' : `unknown command '${command}'`;
  const p: Parsed = { command, check: false, names: [], options: { includeDirs: [], defines: [], undefines: [] } };
  for (let k = 0; k < rest.length; k++) {
    const a = rest[k] as string;
    const value = (flag: string): string | undefined => (a.length > flag.length ? a.slice(flag.length) : rest[++k]);
    if (a === '--check' && command === 'generate') p.check = true;
    else if (a.startsWith('-I')) {
      const v = value('-I');
      if (!v) return 'missing directory after -I';
      p.options.includeDirs.push(v);
    } else if (a.startsWith('-D')) {
      const v = value('-D');
      if (!v) return 'missing macro after -D';
      const eq = v.indexOf('=');
      p.options.defines.push(eq < 0 ? [v, '1'] : [v.slice(0, eq), v.slice(eq + 1)]);
    } else if (a.startsWith('-U')) {
      const v = value('-U');
      if (!v) return 'missing macro after -U';
      p.options.undefines.push(v);
    } else if (a === '-o' && command === 'generate') {
      const v = rest[++k];
      if (!v) return 'missing file after -o';
      p.output = v;
    } else if (a.startsWith('-') && a !== '-') return `unknown option '${a}'`;
    else if (p.input === undefined) p.input = a;
    else if (command === 'layout') p.names.push(a);
    else return `unexpected argument '${a}'`;
  }
  if (p.input === undefined) return 'missing input file';
  if (command === 'generate' && p.output === undefined) return 'missing -o OUT.h';
  if (p.check && p.output === '-') return '--check needs a file after -o';
  return p;
}

function printDiagnostics(ds: readonly Diagnostic[]): void {
  for (const d of ds) process.stderr.write(formatDiagnostic(d, TOOL) + '\n');
}

function readText(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

/** First differing line, for a stale-header message. */
function firstDifference(want: string, have: string): { line: number; want: string; have: string } {
  const a = want.split('\n');
  const b = have.split('\n');
  for (let i = 0; ; i++) {
    if (a[i] !== b[i]) return { line: i + 1, want: a[i] ?? '<end of file>', have: b[i] ?? '<end of file>' };
  }
}

export async function main(argv: readonly string[]): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(USAGE);
    return 0;
  }
  if (argv.includes('--version')) {
    process.stdout.write(`${TOOL} 0.1.0\n`);
    return 0;
  }
  const p = parseArgs(argv);
  if (typeof p === 'string') {
    process.stderr.write(`${TOOL}: error: ${p}\n${USAGE}`);
    return 2;
  }
  const options: GenerateOptions = p.options;
  const input = p.input as string;
  if (p.command === 'layout') {
    const r = describeLayouts(input, options, p.names, nodeHost);
    printDiagnostics(r.diagnostics);
    if (r.text === undefined) return 1;
    process.stdout.write(r.text);
    return 0;
  }
  const r = generateOffsets(input, options, nodeHost);
  printDiagnostics(r.diagnostics);
  if (r.header === undefined) return 1;
  const out = p.output as string;
  if (out === '-') {
    process.stdout.write(r.header);
    return 0;
  }
  const existing = readText(out);
  if (p.check) {
    if (existing === undefined) {
      process.stderr.write(`${out}: error: missing; run \`make offsets\` to generate it from ${input}\n`);
      return 1;
    }
    if (existing !== r.header) {
      const d = firstDifference(r.header, existing);
      process.stderr.write(
        `${out}:${d.line}:1: error: stale header: ${input} gives\n    ${d.want}\nbut the file has\n    ${d.have}\n` +
          `run \`make offsets\` and commit the result\n`,
      );
      return 1;
    }
    return 0;
  }
  if (existing !== r.header) {
    try {
      writeFileAtomic(out, r.header);
    } catch (e) {
      process.stderr.write(`${TOOL}: error: cannot write '${out}': ${(e as Error).message}\n`);
      return 1;
    }
  }
  return 0;
}
