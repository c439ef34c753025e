/**
 * CPU selection, as gas's -mCPU / .machine flags see it: a linear order of server
 * processors (each one accepts what the previous ones accepted, minus a few forms the
 * architecture redefined, e.g. tlbie's operands in ISA 3.0), plus 'any'.
 *
 * A row says the first CPU that has it (`since`) and, for forms later redefined, the
 * last one (`until`). 'ppc64' is what powerpc64-linux-gnu-as assumes without -m.
 */

export const CPUS = ['ppc64', 'power4', 'power5', 'power6', 'power7', 'power8', 'power9', 'power10'] as const;
export type CpuLevel = (typeof CPUS)[number];
export type Cpu = CpuLevel | 'any';

export interface CpuReq {
  readonly since: CpuLevel;
  readonly until?: CpuLevel;
}

export const DEFAULT_ASM_CPU: Cpu = 'ppc64';
/** objdump -d's default dialect for 64-bit PowerPC (the same output as -M power10). */
export const DEFAULT_DISASM_CPU: Cpu = 'power10';

const LEVEL = new Map<string, number>(CPUS.map((c, i) => [c, i]));

export function cpuIndex(cpu: CpuLevel): number {
  return LEVEL.get(cpu) ?? 0;
}

export function isCpu(name: string): name is Cpu {
  return name === 'any' || LEVEL.has(name);
}

export function available(req: CpuReq, cpu: Cpu): boolean {
  if (cpu === 'any') return true;
  const i = cpuIndex(cpu);
  return i >= cpuIndex(req.since) && (req.until === undefined || i <= cpuIndex(req.until));
}

/** The CPUs two requirements have in common, or undefined when none. */
export function intersect(a: CpuReq, b: CpuReq): CpuReq | undefined {
  const since = cpuIndex(a.since) >= cpuIndex(b.since) ? a.since : b.since;
  const untilA = a.until === undefined ? CPUS.length - 1 : cpuIndex(a.until);
  const untilB = b.until === undefined ? CPUS.length - 1 : cpuIndex(b.until);
  const until = Math.min(untilA, untilB);
  if (cpuIndex(since) > until) return undefined;
  return until === CPUS.length - 1 ? { since } : { since, until: CPUS[until]! };
}

/**
 * gas's "POWER4 mode": -mpower4 and later select the "at" branch-hint encoding and the
 * one-field mtocrf form of mtcrf. Older CPUs and -many keep the y-bit hints.
 */
export function usesAtHints(cpu: Cpu): boolean {
  return selectedAtLeast(cpu, 'power4');
}

/** Whether an explicitly selected CPU (not -many) is `level` or later. */
export function selectedAtLeast(cpu: Cpu, level: CpuLevel): boolean {
  return cpu !== 'any' && cpuIndex(cpu) >= cpuIndex(level);
}
