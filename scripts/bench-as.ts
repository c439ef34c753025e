/**
 * make bench-as: generate realistic kernel-style .S inputs (100k and 1M lines) and time
 * ppc64-as against `powerpc64-linux-gnu-gcc -c` (cpp + as) and `powerpc64-linux-gnu-as`
 * (on the preprocessed text), printing wall time (median of BENCH_RUNS=5 interleaved runs),
 * peak RSS (the largest of the runs) and the ratios.
 * A benchmark, not a test: it prints figures and fails only if a tool fails.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { GNU, findTool, missingTool } from '../common/oracles.js';
import { median } from '../common/stats.js';

interface Measure {
  status: number;
  wall: number;
  maxrss_kib: number;
  stderr: string;
}

const ROOT = join(import.meta.dirname, '..', '..');
const OUT = join(ROOT, 'build', 'bench-as');

/** Runs of each command per input size (BENCH_RUNS overrides). */
const RUNS = Math.max(1, Number(process.env['BENCH_RUNS'] ?? 5) || 5);

/** Median wall time, and the largest peak RSS of the runs. */
function summary(ms: readonly Measure[]): Measure {
  return { status: 0, wall: median(ms.map((m) => m.wall)), maxrss_kib: Math.max(...ms.map((m) => m.maxrss_kib)), stderr: '' };
}

function measure(cmd: string[]): Measure {
  const out = execFileSync('python3', [join(ROOT, 'scripts', 'measure.py'), ...cmd], { encoding: 'utf8', maxBuffer: 1 << 26 });
  const m = JSON.parse(out) as Measure;
  if (m.status !== 0) throw new Error(`${cmd.join(' ')} failed (${m.status}):\n${m.stderr}`);
  return m;
}

/** A deterministic pseudo-random generator (the input must be the same every run). */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const HEADER = `/* generated benchmark input: kernel-style ppc64 assembly */
#define r0 0
#define r1 1
#define r2 2
#define r3 3
#define r4 4
#define r5 5
#define r6 6
#define r7 7
#define r8 8
#define r9 9
#define r10 10
#define r11 11
#define r12 12
#define r13 13
#define GPR0 112
#define VCPU_GPRS 0x180
#define VCPU_GPR(n) (VCPU_GPRS + (n * 8))
#define SAVE_GPR(n, base) std n,GPR0+8*(n)(base)
#define REST_GPR(n, base) ld n,GPR0+8*(n)(base)
#define LOAD_REG_IMMEDIATE(reg,expr) \\
	lis (reg),(expr)@highest; ori (reg),(reg),(expr)@higher; \\
	rldicr (reg),(reg),32,31; oris (reg),(reg),(expr)@h; ori (reg),(reg),(expr)@l;
	.macro SAVE_PAIR a, b, base
	std \\a, (8 * \\a)(\\base)
	std \\b, (8 * \\b)(\\base)
	.endm
	.text
1:	nop
`;

export function generate(lines: number, seed = 1): string {
  const r = rng(seed);
  const out: string[] = [HEADER];
  let n = HEADER.split('\n').length;
  let label = 0;
  const reg = (): number => 3 + Math.floor(r() * 10);
  while (n < lines) {
    const k = r();
    if (k < 0.05) out.push(`func_${label++}:`);
    else if (k < 0.08) out.push(`1:\taddi\tr${reg()}, r${reg()}, ${Math.floor(r() * 200) - 100}\t# loop body`);
    else if (k < 0.1) out.push(`\tbne\tcr${Math.floor(r() * 8)}, 1b`);
    else if (k < 0.15) out.push(`\tld\tr${reg()}, VCPU_GPR(${reg()})(r${reg()})`);
    else if (k < 0.2) out.push(`\tSAVE_GPR(${14 + Math.floor(r() * 18)}, r1)`);
    else if (k < 0.22) {
      out.push(`\tLOAD_REG_IMMEDIATE(r${reg()}, 0x${Math.floor(r() * 2 ** 32).toString(16)}00001002)`);
    } else if (k < 0.25) out.push(`\tSAVE_PAIR ${reg()}, ${reg()}, 1`);
    else if (k < 0.3) out.push(`\t/* a comment about the next instruction */`);
    else if (k < 0.4) out.push(`\tstd\tr${reg()}, ${8 * Math.floor(r() * 100)}(r1)`);
    else if (k < 0.5) out.push(`\tmr\tr${reg()}, r${reg()}`);
    else if (k < 0.6) out.push(`\trldicl\tr${reg()}, r${reg()}, ${Math.floor(r() * 64)}, ${Math.floor(r() * 64)}`);
    else if (k < 0.7) out.push(`\tcmpdi\tcr${Math.floor(r() * 8)}, r${reg()}, ${Math.floor(r() * 1000)}`);
    else if (k < 0.8) out.push(`\tmtspr\t${26 + Math.floor(r() * 2)}, r${reg()}`);
    else if (k < 0.9) out.push(`\tli\tr${reg()}, ${Math.floor(r() * 30000)}`);
    else out.push(`\tbl\tfunc_${Math.floor(r() * (label + 1))}`);
    n += out[out.length - 1]!.split('\n').length;
  }
  out.push('func_end:\tblr\n');
  return out.join('\n');
}

function fmt(m: Measure): string {
  return `${m.wall.toFixed(3).padStart(8)} s ${(m.maxrss_kib / 1024).toFixed(0).padStart(6)} MiB`;
}

function main(): number {
  for (const tool of [GNU.gcc, GNU.as]) {
    if (findTool(tool) === undefined) {
      process.stderr.write(`bench-as: ${missingTool(tool)}\n`);
      return 1;
    }
  }
  if (findTool('python3') === undefined) {
    process.stderr.write('bench-as: python3 is not installed (scripts/measure.py reads peak RSS): apt-get install python3\n');
    return 1;
  }
  mkdirSync(OUT, { recursive: true });
  // The launcher as users run it (its first line starts node; see common/launch.ts).
  const ours = [join(ROOT, 'bin', 'ppc64-as.js')];
  console.log('bench-as: wall time and peak RSS (ours vs GNU; ratio = ours / GNU, lower is better)');
  for (const lines of [100_000, 1_000_000]) {
    const src = join(OUT, `bench-${lines}.S`);
    writeFileSync(src, generate(lines));
    const pre = join(OUT, `bench-${lines}.s`);
    execFileSync(GNU.gcc, ['-E', '-x', 'assembler-with-cpp', src, '-o', pre]);
    // Interleaved runs, medians: one run of each on a shared 2-core machine says little.
    const runs: { mine: Measure; mineS: Measure; gcc: Measure; gas: Measure }[] = [];
    for (let i = 0; i < RUNS; i++) {
      runs.push({
        mine: measure([...ours, src, '-o', join(OUT, 'ours.o')]),
        gcc: measure([GNU.gcc, '-c', src, '-o', join(OUT, 'gcc.o')]),
        mineS: measure([...ours, pre, '-o', join(OUT, 'ours-s.o')]),
        gas: measure([GNU.as, pre, '-o', join(OUT, 'gas.o')]),
      });
    }
    const mine = summary(runs.map((r) => r.mine));
    const mineS = summary(runs.map((r) => r.mineS));
    const gcc = summary(runs.map((r) => r.gcc));
    const gas = summary(runs.map((r) => r.gas));
    const spread = (a: 'mine' | 'mineS', b: 'gcc' | 'gas'): string => {
      const ratios = runs.map((r) => r[a].wall / r[b].wall).sort((x, y) => x - y);
      return `per-run ${ratios[0]!.toFixed(2)}..${ratios[ratios.length - 1]!.toFixed(2)}x`;
    };
    console.log(`\n${lines.toLocaleString('en-US')} lines (.S with cpp), median of ${RUNS} interleaved runs:`);
    console.log(`  ppc64-as             ${fmt(mine)}`);
    console.log(`  gcc -c (cpp + as)    ${fmt(gcc)}    ratio ${(mine.wall / gcc.wall).toFixed(2)}x time (${spread('mine', 'gcc')}), ${(mine.maxrss_kib / gcc.maxrss_kib).toFixed(2)}x RSS`);
    console.log(`${lines.toLocaleString('en-US')} lines (preprocessed .s):`);
    console.log(`  ppc64-as             ${fmt(mineS)}`);
    console.log(`  as                   ${fmt(gas)}    ratio ${(mineS.wall / gas.wall).toFixed(2)}x time (${spread('mineS', 'gas')}), ${(mineS.maxrss_kib / gas.maxrss_kib).toFixed(2)}x RSS`);
  }
  return 0;
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/^.*\//, ''))) process.exitCode = main();
