/**
 * Command-line parsing for ppc64-ld, following GNU ld's spellings (both `--opt=value` and
 * `--opt value`, single-dash long options, `-oFILE` joined forms).
 */
import type { Diagnostic } from '../common/diagnostics.js';

export type InputArg =
  | { kind: 'file'; path: string }
  | { kind: 'library'; name: string } // -lNAME
  | { kind: 'group-start' }
  | { kind: 'group-end' };

export interface LinkOptions {
  inputs: InputArg[];
  output: string;
  scripts: string[];
  entry?: string;
  mapFile?: string;
  oformat: 'elf' | 'binary';
  omagic: boolean;
  gcSections: boolean;
  printGcSections: boolean;
  defsyms: { name: string; expr: string }[];
  undefined: string[];
  libraryPaths: string[];
  stripAll: boolean;
  /** -z max-page-size / common-page-size (GNU ld's ppc64 defaults: 64 KiB and 4 KiB). */
  maxPageSize: bigint;
  commonPageSize: bigint;
  relro: boolean;
  fatalWarnings: boolean;
  version: boolean;
  help: boolean;
  /** --stats: print the time each link phase took. */
  stats: boolean;
}

export const defaultOptions = (): LinkOptions => ({
  inputs: [], output: 'a.out', scripts: [], oformat: 'elf', omagic: false, gcSections: false, printGcSections: false,
  defsyms: [], undefined: [], libraryPaths: [], stripAll: false, maxPageSize: 0x10000n, commonPageSize: 0x1000n,
  relro: true, fatalWarnings: false, version: false, help: false, stats: false,
});

export const HELP = `Usage: ppc64-ld [options] file...
Links big-endian PowerPC64 (ELFv1) relocatable objects and ar archives into a static executable.
Options:
  -o FILE, --output=FILE       Write the output to FILE (default a.out)
  -T FILE, --script=FILE       Use FILE as the linker script
  -e SYMBOL, --entry=SYMBOL    Start address (ELF e_entry)
  -Map FILE, -Map=FILE         Write a link map to FILE
  --oformat binary             Write a flat image (loaded bytes from the lowest load address)
  --oformat elf64-powerpc      Write an ELF executable (default)
  -static, -Bstatic, -nostdlib Accepted (links are always static and never search system libraries)
  -N, --omagic                 Text and data in one read/write/execute segment, no page alignment
  --gc-sections                Remove sections unreachable from the entry, KEEP() and -u symbols
  --no-gc-sections             Keep every section (default)
  --print-gc-sections          List the sections --gc-sections removes
  --defsym SYM=EXPR            Define SYM as the value of the linker-script expression EXPR
  -u SYM, --undefined=SYM      Treat SYM as referenced (pulls archive members, roots --gc-sections)
  -L DIR, -l NAME              Search DIR for libNAME.a
  --start-group ... --end-group, -( ... -)  Search the archives in between repeatedly
  -s, --strip-all              Omit the symbol table
  -z max-page-size=N, -z common-page-size=N, -z relro, -z norelro
  --fatal-warnings             Treat warnings as errors
  --stats                      Print the time each link phase took
  --version                    Print the version
  --help                       Print this help
`;

export const VERSION = 'ppc64-ld (ppc64-toolchain) 0.1.0: big-endian PowerPC64 ELFv1 static linker';

/** GNU ld options that change nothing for a static big-endian ppc64 link; accepted silently. */
const IGNORED_FLAGS = new Set([
  '-static', '-Bstatic', '-nostdlib', '-EB', '--no-toc-optimize', '--no-opd-optimize', '--no-multi-toc',
  '--no-toc-sort', '--no-plt-align', '--no-warn-rwx-segments', '--warn-rwx-segments', '--no-tls-optimize',
  '--no-ld-generated-unwind-info', '--no-dynamic-linker', '--eh-frame-hdr', '--no-eh-frame-hdr', '-nostartfiles',
  '--no-undefined', '--as-needed', '--no-as-needed', '--no-pcrel-optimize', '--no-inline-optimize', '--no-save-restore-funcs',
  '--non-overlapping-opd', '--no-power10-stubs', '--no-plt-localentry', '--dotsyms', '-n', '--nmagic', '-X', '--discard-locals',
  '--no-emit-stub-syms', '--emit-stub-syms', '--sort-common', '--no-relax', '--relax',
]);
/** Ignored options that take a value (`--opt value` or `--opt=value`). */
const IGNORED_WITH_VALUE = new Set(['--build-id', '--hash-style', '-m', '--sysroot', '--stub-group-size', '-plugin', '--plugin']);

function parseSize(v: string): bigint | undefined {
  try {
    return /^(0x[0-9a-f]+|[0-9]+)$/i.test(v) ? BigInt(v) : undefined;
  } catch {
    return undefined;
  }
}

export function parseArgs(argv: readonly string[]): { options: LinkOptions; diagnostics: Diagnostic[] } {
  const o = defaultOptions();
  const diagnostics: Diagnostic[] = [];
  const err = (message: string): void => {
    diagnostics.push({ severity: 'error', message });
  };
  let i = 0;
  /** The value of an option given as `-x V`, `-xV`, `--x=V` or `--x V`. */
  const value = (arg: string, names: string[]): string | undefined | null => {
    for (const n of names) {
      if (arg === n) {
        if (i + 1 >= argv.length) {
          err(`option '${n}' requires an argument`);
          return null;
        }
        return argv[++i]!;
      }
      if (arg.startsWith(n + '=')) return arg.slice(n.length + 1);
      // Joined short forms: -oFILE, -TFILE, -eSYM, -LDIR, -lNAME, -uSYM.
      if (n.length === 2 && n.startsWith('-') && arg.startsWith(n) && arg.length > 2 && !arg.startsWith('--')) return arg.slice(2);
    }
    return undefined;
  };

  for (; i < argv.length; i++) {
    const a = argv[i]!;
    let v: string | undefined | null;
    if (!a.startsWith('-') || a === '-') {
      o.inputs.push({ kind: 'file', path: a });
      continue;
    }
    if (a === '--help' || a === '-help') o.help = true;
    else if (a === '--version' || a === '-v' || a === '-V' || a === '-version') o.version = true;
    else if (a === '--gc-sections') o.gcSections = true;
    else if (a === '--no-gc-sections') o.gcSections = false;
    else if (a === '--print-gc-sections') o.printGcSections = true;
    else if (a === '-N' || a === '--omagic') o.omagic = true;
    else if (a === '-s' || a === '--strip-all') o.stripAll = true;
    else if (a === '--fatal-warnings') o.fatalWarnings = true;
    else if (a === '--stats') o.stats = true;
    else if (a === '--start-group' || a === '-(') o.inputs.push({ kind: 'group-start' });
    else if (a === '--end-group' || a === '-)') o.inputs.push({ kind: 'group-end' });
    else if (a === '-r' || a === '--relocatable' || a === '-shared' || a === '--shared' || a === '-pie' || a === '--pie') {
      err(`option '${a}' is not supported: ppc64-ld only makes static executables`);
    } else if (a === '-EL') err(`option '-EL' is not supported: ppc64-ld links big-endian objects only`);
    else if (IGNORED_FLAGS.has(a)) continue;
    else if ((v = value(a, ['-Map', '--Map', '-M'])) !== undefined) {
      if (a === '-M') err(`option '-M' (map to stdout) is not supported; use -Map FILE`);
      else if (v !== null) o.mapFile = v;
    } else if ((v = value(a, ['--oformat', '-oformat'])) !== undefined) {
      if (v === 'binary') o.oformat = 'binary';
      else if (v === 'elf64-powerpc' || v === 'elf64-big' || v === 'elf') o.oformat = 'elf';
      else if (v !== null) err(`unsupported output format '${v}' (use binary or elf64-powerpc)`);
    } else if ((v = value(a, ['--output', '-o'])) !== undefined) {
      if (v !== null) o.output = v;
    } else if (/^-T(text|data|bss|ldata|text-segment|rodata-segment)\b/.test(a) || /^--section-start/.test(a)) {
      err(`option '${a}' is not supported; place sections with a linker script (-T)`);
      if (!a.includes('=')) i++;
    } else if ((v = value(a, ['--script', '-T'])) !== undefined) {
      if (v !== null) o.scripts.push(v);
    } else if ((v = value(a, ['--entry', '-e'])) !== undefined) {
      if (v !== null) o.entry = v;
    } else if ((v = value(a, ['--defsym'])) !== undefined) {
      if (v !== null) {
        const eq = v.indexOf('=');
        if (eq <= 0) err(`--defsym ${v}: expected SYMBOL=EXPRESSION`);
        else o.defsyms.push({ name: v.slice(0, eq).trim(), expr: v.slice(eq + 1) });
      }
    } else if ((v = value(a, ['--undefined', '-u'])) !== undefined) {
      if (v !== null) o.undefined.push(v);
    } else if ((v = value(a, ['--library-path', '-L'])) !== undefined) {
      if (v !== null) o.libraryPaths.push(v);
    } else if ((v = value(a, ['--library', '-l'])) !== undefined) {
      if (v !== null) o.inputs.push({ kind: 'library', name: v });
    } else if ((v = value(a, ['-z'])) !== undefined) {
      if (v === null) continue;
      const [key, val] = v.split('=', 2) as [string, string | undefined];
      if (key === 'max-page-size' || key === 'common-page-size') {
        const n = val === undefined ? undefined : parseSize(val);
        if (n === undefined || n <= 0n || (n & (n - 1n)) !== 0n) err(`-z ${v}: expected a power of two`);
        else if (key === 'max-page-size') o.maxPageSize = n;
        else o.commonPageSize = n;
      } else if (key === 'relro') o.relro = true;
      else if (key === 'norelro') o.relro = false;
      else if (!['noexecstack', 'execstack', 'now', 'lazy', 'separate-code', 'noseparate-code', 'nodynamic-undefined-weak', 'text', 'notext'].includes(key)) {
        err(`unsupported -z keyword '${v}'`);
      }
    } else if ((v = value(a, [...IGNORED_WITH_VALUE])) !== undefined) {
      continue;
    } else err(`unrecognized option '${a}'`);
  }
  return { options: o, diagnostics };
}
