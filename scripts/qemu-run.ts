/**
 * The qemu wrapper: boot a ppc64 image on qemu's pseries machine and turn the run into a
 * verdict.
 *
 * The command line is the one measured in shared/docs/pseries-platform.md §1 (VOF,
 * `-kernel`, the four cap-* settings that keep TCG quiet), plus `-vga none` (without the
 * optional vgabios package qemu otherwise refuses to start) and, by default,
 * `-icount shift=0,sleep=off`, which makes runs byte-identical (§8). The image reports
 * its verdict through RTAS: power-off exits qemu with status 0, ibm,os-term with status 1
 * under `-action panic=exit-failure` (§4). A run that does neither is killed at the
 * timeout.
 *
 * Library: `runQemu(image, opts)`; CLI: `node dist/scripts/qemu-run.js [options] IMAGE`
 * (the console goes to stdout as it arrives, qemu's stderr — including the `-d int` log of
 * `--trace` — to stderr; exit status 0 pass, 1 fail, 2 anything else).
 */
import { execa } from 'execa';
import { accessSync, constants } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { formatDiagnostic, type Diagnostic } from '../common/diagnostics.js';
import { missingTool } from '../common/oracles.js';

export type QemuVerdict = 'pass' | 'fail' | 'timeout' | 'error';

export interface QemuOptions {
  /** Kill qemu after this long (default 30 s). */
  readonly timeoutMs?: number;
  /** Deterministic instruction counting (default true). */
  readonly icount?: boolean;
  /** Pass `-d int`: qemu logs every interrupt (to stderr, or to traceFile). */
  readonly trace?: boolean;
  readonly traceFile?: string;
  /** `-cpu` model; qemu's default for pseries-7.2 is power9_v2.0. */
  readonly cpu?: string;
  /** `-m`, a multiple of 256M (default 512M). */
  readonly memory?: string;
  /** The qemu binary (default qemu-system-ppc64, from PATH). */
  readonly qemu?: string;
  readonly extraArgs?: readonly string[];
  /** Console bytes as they arrive (the CLI streams them to stdout). */
  readonly onConsole?: (chunk: string) => void;
  readonly onStderr?: (chunk: string) => void;
}

export interface QemuResult {
  /** qemu's exit status; null when it did not exit by itself (killed, or never started). */
  readonly status: number | null;
  readonly verdict: QemuVerdict;
  /** Everything the image printed on its console, exactly as received. */
  readonly console: string;
  /** qemu's own messages (os-term text, warnings, the `-d int` log when tracing). */
  readonly stderr: string;
  readonly timedOut: boolean;
  readonly durationMs: number;
  /** What went wrong when the verdict is 'error' or 'timeout'. */
  readonly problem?: string;
  readonly command: readonly string[];
}

export const QEMU_MACHINE = 'pseries,x-vof=on,cap-cfpc=broken,cap-sbbc=broken,cap-ibs=broken,cap-ccf-assist=off';
const DEFAULT_TIMEOUT_MS = 30_000;

/** The full qemu command line (argv[0] first) for an image. Pure. */
export function qemuCommand(image: string, opts: QemuOptions = {}): string[] {
  const args = [
    opts.qemu ?? 'qemu-system-ppc64',
    '-M', QEMU_MACHINE,
    '-m', opts.memory ?? '512M',
    '-smp', '1',
    '-display', 'none',
    '-vga', 'none',
    '-serial', 'stdio',
    '-monitor', 'none',
    '-no-reboot',
    '-action', 'panic=exit-failure',
  ];
  if (opts.cpu !== undefined) args.push('-cpu', opts.cpu);
  if (opts.icount ?? true) args.push('-icount', 'shift=0,sleep=off');
  if (opts.trace) {
    args.push('-d', 'int');
    if (opts.traceFile !== undefined) args.push('-D', opts.traceFile);
  }
  args.push(...(opts.extraArgs ?? []), '-kernel', image);
  return args;
}

/** The verdict an exit status means (RTAS power-off = 0 = pass, os-term = 1 = fail). Pure. */
export function verdictOf(status: number | null, timedOut: boolean): QemuVerdict {
  if (timedOut) return 'timeout';
  if (status === 0) return 'pass';
  if (status === 1) return 'fail';
  return 'error';
}

/** Boot `image` under qemu and wait for its verdict. Never throws for a failed run. */
export async function runQemu(image: string, opts: QemuOptions = {}): Promise<QemuResult> {
  const command = qemuCommand(image, opts);
  const started = Date.now();
  const unrun = (problem: string): QemuResult => ({
    status: null, verdict: 'error', console: '', stderr: '', timedOut: false,
    durationMs: Date.now() - started, problem, command,
  });
  try {
    accessSync(image, constants.R_OK);
  } catch {
    return unrun(`cannot read image '${image}'`);
  }

  const sub = execa(command[0]!, command.slice(1), {
    reject: false,
    stdin: 'ignore',
    timeout: opts.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    forceKillAfterDelay: 2000,
    // We keep the output ourselves, as it streams (execa's buffering is off).
    buffer: false,
  });
  let consoleText = '';
  let stderrText = '';
  const consoleDecoder = new TextDecoder();
  const stderrDecoder = new TextDecoder();
  sub.stdout?.on('data', (chunk: Uint8Array) => {
    const text = consoleDecoder.decode(chunk, { stream: true });
    consoleText += text;
    opts.onConsole?.(text);
  });
  sub.stderr?.on('data', (chunk: Uint8Array) => {
    const text = stderrDecoder.decode(chunk, { stream: true });
    stderrText += text;
    opts.onStderr?.(text);
  });
  const r = await sub;
  consoleText += consoleDecoder.decode();
  stderrText += stderrDecoder.decode();

  const code = (r as { code?: unknown }).code;
  if (code === 'ENOENT') return unrun(missingTool(command[0]!));
  const status = typeof r.exitCode === 'number' ? r.exitCode : null;
  const verdict = verdictOf(status, r.timedOut);
  const problem =
    verdict === 'timeout'
      ? `no verdict within ${opts.timeoutMs ?? DEFAULT_TIMEOUT_MS} ms (qemu killed)`
      : verdict === 'error'
        ? status === null
          ? `qemu did not exit normally${r.signal ? ` (${r.signal})` : ''}`
          : `qemu exited with status ${status}`
        : undefined;
  return {
    status,
    verdict,
    console: consoleText,
    stderr: stderrText,
    timedOut: r.timedOut,
    durationMs: Date.now() - started,
    ...(problem === undefined ? {} : { problem }),
    command,
  };
}

const USAGE = `usage: qemu-run [options] IMAGE.elf
  --trace            pass qemu's -d int log through (to stderr)
  --trace-file FILE  write that log to FILE instead
  --timeout SECONDS  kill qemu after SECONDS (default 30)
  --no-icount        real-time decrementer (not deterministic)
  --cpu MODEL        qemu -cpu model
  --quiet            do not echo the console
exit status: 0 the image passed (RTAS power-off), 1 it failed (os-term), 2 anything else`;

interface CliArgs {
  image: string;
  opts: QemuOptions;
  quiet: boolean;
}

function parseArgs(argv: readonly string[], diags: Diagnostic[]): CliArgs | undefined {
  let image: string | undefined;
  let quiet = false;
  const opts: { -readonly [K in keyof QemuOptions]: QemuOptions[K] } = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const value = (): string | undefined => {
      const v = argv[++i];
      if (v === undefined) diags.push({ severity: 'error', message: `option '${a}' needs a value` });
      return v;
    };
    if (a === '--trace') opts.trace = true;
    else if (a === '--trace-file') {
      const v = value();
      if (v !== undefined) {
        opts.trace = true;
        opts.traceFile = v;
      }
    } else if (a === '--timeout') {
      const v = value();
      if (v !== undefined) {
        const s = Number(v);
        if (!Number.isFinite(s) || s <= 0) diags.push({ severity: 'error', message: `bad --timeout '${v}': want a positive number of seconds` });
        else opts.timeoutMs = Math.round(s * 1000);
      }
    } else if (a === '--no-icount') opts.icount = false;
    else if (a === '--cpu') {
      const v = value();
      if (v !== undefined) opts.cpu = v;
    } else if (a === '--quiet') quiet = true;
    else if (a === '--help' || a === '-h') {
      process.stdout.write(USAGE + '\n');
      return undefined;
    } else if (a.startsWith('-')) diags.push({ severity: 'error', message: `unknown option '${a}'` });
    else if (image === undefined) image = a;
    else diags.push({ severity: 'error', message: `more than one image: '${image}' and '${a}'` });
  }
  if (image === undefined && diags.length === 0) diags.push({ severity: 'error', message: 'no image given' });
  if (diags.length > 0 || image === undefined) return undefined;
  return { image, opts, quiet };
}

/** CLI entry: returns the exit status (0 pass, 1 fail, 2 anything else). */
export async function main(argv: readonly string[]): Promise<number> {
  const diags: Diagnostic[] = [];
  const args = parseArgs(argv, diags);
  if (!args) {
    for (const d of diags) process.stderr.write(formatDiagnostic(d, 'qemu-run') + '\n');
    if (diags.length > 0) process.stderr.write(USAGE + '\n');
    return diags.length > 0 ? 2 : 0;
  }
  const result = await runQemu(args.image, {
    ...args.opts,
    ...(args.quiet ? {} : { onConsole: (c: string) => void process.stdout.write(c) }),
    onStderr: (c: string) => void process.stderr.write(c),
  });
  const seconds = (result.durationMs / 1000).toFixed(2);
  const summary =
    result.verdict === 'pass' || result.verdict === 'fail'
      ? `qemu-run: ${result.verdict.toUpperCase()} (qemu exit status ${result.status}, ${seconds} s)`
      : formatDiagnostic({ severity: 'error', message: result.problem ?? result.verdict }, 'qemu-run');
  process.stderr.write(summary + '\n');
  return result.verdict === 'pass' ? 0 : result.verdict === 'fail' ? 1 : 2;
}

// Run as a program (node dist/scripts/qemu-run.js ...), not when imported.
if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main(process.argv.slice(2)).then(
    (status) => {
      process.exitCode = status;
    },
    (e: unknown) => {
      process.stderr.write(`qemu-run: internal error: ${e instanceof Error ? e.message : String(e)}\n`);
      process.exitCode = 2;
    },
  );
}
