/**
 * Benchmark: preprocess a generated kernel-style .S file of N lines
 * (default 1,000,000) and compare with `powerpc64-linux-gnu-gcc -E` on the
 * same input.
 *
 *   node dist/assembler/cpp/bench.js [lines] [--no-gcc] [--check]
 *
 * --check also verifies that our output equals gcc's (after gcc's
 * command-line prologue).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DiagnosticBag, formatDiagnostic } from '../../common/diagnostics.js';
import { nodeHost } from '../../common/node-host.js';
import { preprocess } from './index.js';

/** Header shared by the generated files: kernel-style register names and helpers. */
export const BENCH_HEADER = `#ifndef _BENCH_PPC_ASM_H
#define _BENCH_PPC_ASM_H
${Array.from({ length: 32 }, (_, i) => `#define r${i}\t${i}`).join('\n')}
${Array.from({ length: 8 }, (_, i) => `#define cr${i}\t${i}`).join('\n')}
#define VCPU_GPRS\t360
#define VCPU_GPR(n)\t(VCPU_GPRS + (n * 8))
#define GPR0\t112
#define SAVE_GPR(n, base)\tstd\tn,GPR0+8*(n)(base)
#define REST_GPR(n, base)\tld\tn,GPR0+8*(n)(base)
#define SAVE_2GPRS(n, base)\tSAVE_GPR(n, base); SAVE_GPR(n+1, base)
#define SAVE_4GPRS(n, base)\tSAVE_2GPRS(n, base); SAVE_2GPRS(n+2, base)
#define LOAD_REG_IMMEDIATE(reg,expr)\t\\
\tlis\treg,(expr)@highest;\t\\
\tori\treg,reg,(expr)@higher;\t\\
\trldicr\treg,reg,32,31;\t\\
\toris\treg,reg,(expr)@h;\t\\
\tori\treg,reg,(expr)@l;
#define GLUE(a,b)\ta##b
#define XGLUE(a,b)\tGLUE(a,b)
#define _GLOBAL(name) \\
\t.section ".text"; \\
\t.align 2 ; \\
\t.globl name; \\
\t.globl GLUE(.,name); \\
\t.section ".opd","aw"; \\
name: \\
\t.quad GLUE(.,name); \\
\t.quad .TOC.@tocbase; \\
\t.quad 0; \\
\t.previous; \\
\t.type GLUE(.,name),@function; \\
GLUE(.,name):
#define MSR_KERNEL\t0xb000000000001032
#endif
`;

/** Deterministic generator of typical kernel assembly lines. */
export function generateBenchSource(lines: number, seed = 1): string {
  let x = seed >>> 0 || 1;
  const rnd = (n: number): number => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) % n;
  };
  const reg = (): string => `r${rnd(32)}`;
  const out: string[] = ['#include "bench_asm.h"', ''];
  let n = 2;
  let label = 0;
  while (n < lines) {
    const k = rnd(100);
    let line: string;
    if (k < 30) line = `\tld\t${reg()},${rnd(64) * 8}(${reg()})`;
    else if (k < 45) line = `\tstd\t${reg()},${rnd(64) * 8}(r1)\t\t/* save slot */`;
    else if (k < 55) line = `\taddi\t${reg()},${reg()},${rnd(4096)}`;
    else if (k < 62) line = `\tld\t${reg()},VCPU_GPR(${reg()})(r4)`;
    else if (k < 67) line = `\tSAVE_GPR(${rnd(32)}, r1)`;
    else if (k < 72) line = `label_${label++}:`;
    else if (k < 77) line = `\tcmpdi\tcr${rnd(8)},${reg()},0\n\tbne\tcr${rnd(8)},1f`;
    else if (k < 80) line = `\t/* a comment about the next few instructions */`;
    else if (k < 84) line = `\tmtspr\t${rnd(1024)},${reg()}`;
    else if (k < 87) line = `\tori\t${reg()},${reg()},0x${rnd(65536).toString(16)}@l`;
    else if (k < 90) line = `1:\tmr\t${reg()},${reg()}`;
    else if (k < 92) line = `\tbl\t.kvmppc_handle_exit\n\tnop`;
    else if (k < 94) line = '';
    else if (k < 96) line = `\trldicl.\tr0,r9,37,63\t// extract the V bit`;
    else if (k < 97) line = `\tLOAD_REG_IMMEDIATE(${reg()}, MSR_KERNEL)`;
    else if (k < 98) line = `_GLOBAL(func_${label++})`;
    else line = `\txoris\t${reg()},${reg()},0x0800@h`;
    out.push(line);
    n += line.split('\n').length;
  }
  return out.join('\n') + '\n';
}

function main(argv: string[]): number {
  const lines = Number(argv.find((a) => /^\d+$/.test(a)) ?? 1_000_000);
  const dir = mkdtempSync(join(tmpdir(), 'cpp-bench-'));
  try {
    const src = join(dir, 'bench.S');
    writeFileSync(join(dir, 'bench_asm.h'), BENCH_HEADER);
    writeFileSync(src, generateBenchSource(lines));
    const text = readFileSync(src, 'utf8');
    let best = Infinity;
    let bestCpu = Infinity;
    let out = '';
    for (let rep = 0; rep < 5; rep++) {
      const bag = new DiagnosticBag();
      const c0 = process.cpuUsage();
      const t0 = process.hrtime.bigint();
      out = preprocess(src, text, { includeDirs: [], defines: [], undefines: [] }, nodeHost, bag);
      const ms = Number(process.hrtime.bigint() - t0) / 1e6;
      const cpu = process.cpuUsage(c0);
      best = Math.min(best, ms);
      bestCpu = Math.min(bestCpu, (cpu.user + cpu.system) / 1000);
      for (const d of bag.items) console.error(formatDiagnostic(d));
    }
    const mem = process.memoryUsage();
    console.log(
      `ours: ${lines} lines in ${best.toFixed(0)} ms wall / ${bestCpu.toFixed(0)} ms cpu (best of 5), ` +
        `output ${(out.length / 1e6).toFixed(1)} MB, rss ${(mem.rss / 1e6).toFixed(0)} MB`,
    );
    if (!argv.includes('--no-gcc')) {
      const t0 = process.hrtime.bigint();
      const gcc = execFileSync('powerpc64-linux-gnu-gcc', ['-E', '-x', 'assembler-with-cpp', src], {
        maxBuffer: 1 << 30,
        encoding: 'utf8',
      });
      const ms = Number(process.hrtime.bigint() - t0) / 1e6;
      console.log(`gcc -E: ${ms.toFixed(0)} ms`);
      if (argv.includes('--check')) {
        const g = gcc.split('\n').slice(5).join('\n');
        console.log(g === out ? 'outputs identical' : 'OUTPUTS DIFFER');
        if (g !== out) return 1;
      }
    }
    return 0;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && /bench\.[jt]s$/.test(process.argv[1])) process.exitCode = main(process.argv.slice(2));
