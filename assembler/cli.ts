/**
 * ppc64-as: GNU-compatible command line over assemble(). Parses argv, does the I/O,
 * prints diagnostics GNU-style and sets the exit status (0 ok, 1 any error).
 */
import { statSync, writeFileSync } from 'node:fs';
import { formatDiagnostic } from '../common/diagnostics.js';
import { nodeHost } from '../common/node-host.js';
import { removeOutput, writeFileAtomic } from '../common/output.js';
import { assemble, assembleStreaming, needsCpp, STREAM_THRESHOLD, type AssembleOptions } from './index.js';

const VERSION = 'ppc64-as (ppc64-toolchain) 0.1.0\nA GNU-compatible assembler for 64-bit PowerPC (big-endian, ELFv1).';

const HELP = `Usage: ppc64-as [options] FILE... [-o OUT.o]
Assemble 64-bit PowerPC (big-endian, ELFv1) source into an ELF64 relocatable object.
.S and .sx files go through the C preprocessor first; .s files do not.

Options:
  -o FILE                 write the object to FILE (default a.out)
  -c                      accepted for gcc compatibility (always assembles)
  -I DIR                  add DIR to the #include and .include search path
  -D NAME[=VALUE]         define a preprocessor macro
  -U NAME                 undefine a preprocessor macro
  -E                      print the preprocessed text (to -o FILE if given) and stop
  -x assembler|assembler-with-cpp   treat the following inputs as .s or .S
  --defsym SYM=VALUE      define SYM as VALUE before assembling
  -mregnames              accept r0..r31, f0.., v0.., cr0.. register names
  -mno-regnames           registers are plain numbers or %-prefixed (default)
  -a64, -m64, -be, -mbig  64-bit big-endian (the only mode, the default)
  -mppc64 -mpower4 ... -mpower10 -mcom
                          the CPU instructions are checked against (default: ppc64
                          for .s input; power4 with -many for .S input, as gcc -c does)
  -many                   also accept instructions of other CPUs
  -a[lhs][=FILE]          write a listing to FILE or standard output
  --version               print the version and exit
  --help                  print this help and exit

Exit status: 0 on success, 1 if any error was reported (no output file is written).`;

function fileSize(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
}

const CPU_FLAGS = /^-m(ppc64|ppc|power[4-9]|power10|pwr[4-9]|pwr10|any|com|altivec|vsx|e500|cell|ppc64bridge|booke|a2|titan)$/;

export async function main(argv: string[]): Promise<number> {
  const opts: Required<Pick<AssembleOptions, 'includeDirs' | 'defines' | 'undefines' | 'defsyms'>> & AssembleOptions = {
    includeDirs: [], defines: [], undefines: [], defsyms: [],
  };
  const files: string[] = [];
  let out = 'a.out';
  let outGiven = false;
  let preprocessOnly = false;
  let forceCpp: boolean | undefined;
  let listingSpec: { kinds: string; file?: string } | undefined;
  const usage = (msg: string): number => {
    process.stderr.write(`ppc64-as: error: ${msg}\nTry 'ppc64-as --help' for more information.\n`);
    return 1;
  };
  const cppFor: Map<string, boolean | undefined> = new Map();

  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const value = (flag: string): string | undefined => {
      if (a.length > flag.length) return a.slice(flag.length).replace(/^=/, '');
      return argv[++i];
    };
    if (a === '--help' || a === '-h') {
      process.stdout.write(HELP + '\n');
      return 0;
    } else if (a === '--version' || a === '-v' || a === '-V') {
      process.stdout.write(VERSION + '\n');
      return 0;
    } else if (a === '-o') {
      const v = argv[++i];
      if (v === undefined) return usage("missing file name after '-o'");
      out = v;
      outGiven = true;
    } else if (a.startsWith('-o') && a.length > 2) {
      out = a.slice(2);
      outGiven = true;
    } else if (a.startsWith('-I')) {
      const v = value('-I');
      if (v === undefined) return usage("missing directory after '-I'");
      opts.includeDirs = [...opts.includeDirs, v];
    } else if (a.startsWith('-D')) {
      const v = value('-D');
      if (v === undefined) return usage("missing macro name after '-D'");
      const eq = v.indexOf('=');
      opts.defines = [...opts.defines, eq < 0 ? [v, undefined] : [v.slice(0, eq), v.slice(eq + 1)]];
    } else if (a.startsWith('-U')) {
      const v = value('-U');
      if (v === undefined) return usage("missing macro name after '-U'");
      opts.undefines = [...opts.undefines, v];
    } else if (a === '--defsym' || a.startsWith('--defsym=')) {
      const v = a === '--defsym' ? argv[++i] : a.slice('--defsym='.length);
      const eq = v?.indexOf('=') ?? -1;
      if (!v || eq <= 0) return usage('--defsym needs SYM=VALUE');
      opts.defsyms = [...opts.defsyms, [v.slice(0, eq), v.slice(eq + 1)]];
    } else if (a === '-E') {
      preprocessOnly = true;
    } else if (a === '-c' || a === '-a64' || a === '-m64' || a === '-be' || a === '-mbig' || a === '-mbig-endian' || a === '-Qy' || a === '--64') {
      // accepted: the only mode there is
    } else if (a === '-mregnames') {
      opts.regnames = true;
    } else if (a === '-mno-regnames') {
      opts.regnames = false;
    } else if (a === '-many') {
      opts.any = true;
    } else if (CPU_FLAGS.test(a)) {
      opts.cpu = a.slice(2);
    } else if (a === '-x') {
      const v = argv[++i];
      if (v === 'assembler-with-cpp') forceCpp = true;
      else if (v === 'assembler') forceCpp = false;
      else if (v === 'none') forceCpp = undefined;
      else return usage(`unsupported language '${v ?? ''}' after -x (use assembler or assembler-with-cpp)`);
    } else if (/^-a[lhsncdgmi]*(=.*)?$/.test(a)) {
      const m = /^-a([a-z]*)(?:=(.*))?$/.exec(a)!;
      listingSpec = { kinds: m[1] || 'hls', ...(m[2] ? { file: m[2] } : {}) };
    } else if (a === '-little' || a === '-mlittle' || a === '-le' || a === '-a32' || a === '-m32') {
      return usage(`'${a}' is not supported: this assembler targets 64-bit big-endian PowerPC only`);
    } else if (a.startsWith('-') && a !== '-') {
      return usage(`unrecognized option '${a}'`);
    } else {
      files.push(a);
      cppFor.set(a, forceCpp);
    }
  }
  if (files.length === 0) return usage('no input files');

  const inputs = files.map((path) => ({ path }));
  const forced = [...cppFor.values()].find((v) => v !== undefined);
  const options = { ...opts, preprocessOnly, listing: listingSpec !== undefined, ...(forced !== undefined ? { preprocess: forced } : {}) };
  // A large .S file: preprocess in a worker while assembling (two cores overlap).
  const single = files.length === 1 ? files[0]! : undefined;
  const stream = single !== undefined && !preprocessOnly && (forced ?? needsCpp(single)) && fileSize(single) >= STREAM_THRESHOLD;
  const result = stream ? await assembleStreaming(single, options, nodeHost) : assemble(inputs, options, nodeHost);
  for (const d of result.diagnostics) process.stderr.write(formatDiagnostic(d, 'ppc64-as') + '\n');
  for (const p of result.printed) process.stdout.write(p + '\n');
  const failed = result.diagnostics.some((d) => d.severity === 'error');

  if (preprocessOnly) {
    if (failed || result.preprocessed === undefined) return 1;
    if (outGiven) writeFileAtomic(out, result.preprocessed);
    else process.stdout.write(result.preprocessed);
    return 0;
  }
  if (failed || !result.object) {
    removeOutput(out);
    return 1;
  }
  writeFileAtomic(out, result.object);
  if (listingSpec && result.listing !== undefined) {
    if (listingSpec.file) writeFileSync(listingSpec.file, result.listing);
    else process.stdout.write(result.listing);
  }
  return 0;
}
