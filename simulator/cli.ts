/**
 * ppc64-sim IMAGE.elf [options]
 *
 * Runs a pseries -kernel image until it powers off (exit 0), calls os-term (exit 1), or a limit
 * is reached (exit 3). Console output goes to stdout byte for byte, as qemu's -serial stdio;
 * diagnostics and the register dump go to stderr.
 */
import { formatDiagnostic } from '../common/diagnostics.js';
import { nodeHost } from '../common/node-host.js';
import { stdout, type Output } from '../common/stdout.js';
import type { Injection } from './index.js';
import { formatExit, formatSnapshot, simulate, validRam } from './index.js';

const USAGE = `usage: ppc64-sim IMAGE.elf [options]
  --max-insns N      stop after N instructions (exit status 3); default 10^10, 0 = no limit
  --trace            print every instruction: address, word, disassembly, changed registers
  --trace-exits      print every interrupt taken from problem state (a guest exit)
  --inject N:VEC     deliver interrupt VEC (hex, e.g. 0x500) after N instructions (repeatable)
  --break ADDR       stop before the instruction at effective address ADDR (repeatable; exit 3)
  -m MiB             RAM size (default 512; a multiple of 256)
  --no-jit           run every instruction as a single op (no compiled blocks)
  --regs             print the final register dump (always printed when the run did not power off)
  -q, --quiet        no final register dump
  -h, --help         this text
  --version          the version
exit status: 0 power-off, 1 os-term, 2 usage or bad image, 3 instruction limit or breakpoint,
             4 the image needs something not modelled (or an internal error)`;

const VERSION = "ppc64-sim (ppc64-toolchain) 0.1.0: the reference simulator of qemu's pseries machine (64-bit Book3S, hash MMU, PAPR hypercalls)";

/** About 20 s of simulated work; far beyond the trampoline image (~10^6 instructions). */
const DEFAULT_MAX_INSNS = 1e10;

interface Args {
  image?: string;
  maxInsns?: number;
  trace: boolean;
  traceExits: boolean;
  inject: Injection[];
  breakpoints: bigint[];
  ramMiB: number;
  regs: boolean;
  quiet: boolean;
  help: boolean;
  version: boolean;
  jit: boolean;
}

function parseArgs(argv: readonly string[]): Args | string {
  const a: Args = { trace: false, traceExits: false, inject: [], breakpoints: [], ramMiB: 512, regs: false, quiet: false, help: false, version: false, jit: true };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const value = (): string | undefined => {
      const eq = arg.indexOf('=');
      if (eq > 0 && arg.startsWith('--')) return arg.slice(eq + 1);
      return argv[++i];
    };
    const name = arg.startsWith('--') && arg.includes('=') ? arg.slice(0, arg.indexOf('=')) : arg;
    switch (name) {
      case '--max-insns': {
        const v = value();
        if (v === undefined || !/^\d+$/.test(v)) return `--max-insns needs a non-negative integer, got '${v ?? ''}'`;
        a.maxInsns = Number(v) === 0 ? Infinity : Number(v);
        break;
      }
      case '--trace':
        a.trace = true;
        break;
      case '--trace-exits':
        a.traceExits = true;
        break;
      case '--inject': {
        const v = value() ?? '';
        const mm = /^(\d+):(0x[0-9a-fA-F]+|\d+)$/.exec(v);
        if (!mm) return `--inject needs COUNT:VECTOR (e.g. 1000:0x500), got '${v}'`;
        a.inject.push({ at: Number(mm[1]), vector: Number(mm[2]) });
        break;
      }
      case '--break': {
        const v = value() ?? '';
        if (!/^(0x[0-9a-fA-F]+|\d+)$/.test(v)) return `--break needs an address (e.g. 0x400000), got '${v}'`;
        a.breakpoints.push(BigInt(v));
        break;
      }
      case '-m': {
        const v = value() ?? '';
        const n = Number(v.replace(/[mM]$/, ''));
        if (!validRam(n)) return `-m needs a RAM size in MiB that is a multiple of 256 from 256 to 2048, got '${v}'`;
        a.ramMiB = n;
        break;
      }
      case '--regs':
        a.regs = true;
        break;
      case '--no-jit':
        a.jit = false;
        break;
      case '-q':
      case '--quiet':
        a.quiet = true;
        break;
      case '-h':
      case '--help':
        a.help = true;
        break;
      case '--version':
        a.version = true;
        break;
      default:
        if (arg.startsWith('-')) return `unknown option '${arg}'`;
        if (a.image !== undefined) return `more than one image given ('${a.image}', '${arg}')`;
        a.image = arg;
    }
  }
  return a;
}

/** `out` is standard output (tests pass their own). */
export async function main(argv: readonly string[], out: Output = stdout): Promise<number> {
  const err = (line: string): void => {
    process.stderr.write(line + '\n');
  };
  const args = parseArgs(argv);
  if (typeof args === 'string') {
    err(formatDiagnostic({ severity: 'error', message: args }, 'ppc64-sim'));
    err(USAGE);
    return 2;
  }
  if (args.help) {
    out.write(USAGE + '\n');
    return 0;
  }
  if (args.version) {
    out.write(`${VERSION}\n`);
    return 0;
  }
  if (args.image === undefined) {
    err(formatDiagnostic({ severity: 'error', message: 'no image given' }, 'ppc64-sim'));
    err(USAGE);
    return 2;
  }
  const bytes = nodeHost.readFile(args.image);
  if (bytes === undefined) {
    err(formatDiagnostic({ severity: 'error', message: `cannot read '${args.image}'` }, 'ppc64-sim'));
    return 2;
  }
  // Console bytes are written a line at a time (a long run shows progress without a write per
  // hypercall), straight to fd 1 (common/stdout.ts: a short run never pays for creating
  // process.stdout); trace lines are batched. Pending console bytes are always older than pending
  // trace lines, so flushing the console first keeps the order of the two streams.
  const traceLines: string[] = [];
  let pending: Uint8Array[] = [];
  let pendingBytes = 0;
  const flushConsole = (): void => {
    if (pendingBytes === 0) return;
    out.write(pending.length === 1 ? pending[0]! : Buffer.concat(pending, pendingBytes));
    pending = [];
    pendingBytes = 0;
  };
  const flushTrace = (): void => {
    flushConsole();
    if (traceLines.length) process.stderr.write(traceLines.join('\n') + '\n');
    traceLines.length = 0;
  };
  const traceLine = (line: string): void => {
    traceLines.push(line);
    if (traceLines.length >= 4096) flushTrace();
  };
  const consoleBytes = (b: Uint8Array): void => {
    if (traceLines.length) flushTrace();
    pending.push(b);
    pendingBytes += b.length;
    if (b.includes(10) || pendingBytes >= 4096) flushConsole();
  };
  let result: ReturnType<typeof simulate>;
  try {
    result = simulate(bytes, {
    fileName: args.image,
    ramMiB: args.ramMiB,
    // A runaway image must not hang the caller forever (qemu would; tests put it under timeout).
    maxInsns: args.maxInsns ?? DEFAULT_MAX_INSNS,
    inject: args.inject,
    breakpoints: args.breakpoints,
    jit: args.jit,
    onConsole: consoleBytes,
    onStderr: (line) => {
      flushTrace();
      err(`ppc64-sim: ${line}`);
    },
    trace: args.trace ? traceLine : undefined,
    onInterrupt: args.traceExits ? (ev) => (ev.fromPr ? traceLine(formatExit(ev)) : undefined) : undefined,
    });
  } catch (e) {
    // Only a simulator bug gets here; report it as one line, not a stack trace.
    flushTrace();
    err(formatDiagnostic({ severity: 'error', message: `internal error: ${e instanceof Error ? e.message : String(e)}` }, 'ppc64-sim'));
    return 4;
  }
  flushTrace();
  for (const d of result.diagnostics) err(formatDiagnostic(d, 'ppc64-sim'));
  if ((result.stop.reason === 'max-insns' || result.stop.reason === 'breakpoint') && result.stop.message) err(`ppc64-sim: ${result.stop.message}`);
  const dump = args.regs || (!args.quiet && result.exitStatus !== 0 && result.state !== undefined);
  if (dump && result.state) err(`ppc64-sim: ${result.icount} instructions; final state:\n${formatSnapshot(result.state)}`);
  await out.drain();
  return result.exitStatus;
}
