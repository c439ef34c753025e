/**
 * `make isa-plan`: write the raw decoder's checked-in plan (isa/raw-plan.ts) from the instruction
 * table, rewriting the file only when its text changes; `make isa-plan-check` (--check) writes
 * nothing and fails when the file is stale.
 *
 * usage: node dist/isa/tools/gen-raw-plan.js [--check] OUT.ts
 * The CPU is the one in OUT's name (raw-plan-CPU.ts).
 */
import { existsSync, readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { isCpu } from '../cpu.js';
import { RAW_PLAN_COMMAND, renderRawPlanModule } from '../raw-plan.js';
import { writeFileAtomic } from '../../common/output.js';

export function main(argv: readonly string[]): number {
  const check = argv.includes('--check');
  const files = argv.filter((a) => a !== '--check');
  if (files.length !== 1) {
    process.stderr.write('usage: gen-raw-plan [--check] isa/generated/raw-plan-CPU.ts\n');
    return 2;
  }
  const out = files[0]!;
  const cpu = /^raw-plan-(.+)\.ts$/.exec(basename(out))?.[1];
  if (cpu === undefined || !isCpu(cpu)) {
    process.stderr.write(`gen-raw-plan: ${out}: the file name must be raw-plan-CPU.ts with a CPU name\n`);
    return 2;
  }
  const text = renderRawPlanModule(cpu);
  const old = existsSync(out) ? readFileSync(out, 'utf8') : undefined;
  if (check) {
    if (old === text) return 0;
    process.stderr.write(`gen-raw-plan: ${out} is stale (the instruction table gives another plan); run \`${RAW_PLAN_COMMAND}\`\n`);
    return 1;
  }
  if (old !== text) writeFileAtomic(out, text);
  return 0;
}

if (process.argv[1] && /gen-raw-plan\.js$/.test(process.argv[1])) process.exitCode = main(process.argv.slice(2));
