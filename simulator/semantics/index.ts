/**
 * The semantics table: isa row id → factory. Every id the simulator executes is here. Other
 * ids of the floating-point, vector and VSX facilities are recognised by category so that, with
 * the facility disabled in the MSR, they raise the matching "unavailable" interrupt as the
 * hardware does (their arithmetic is not modelled: with the facility on, the run stops with a
 * diagnostic).
 */
import { ARITH } from './arith.js';
import { BRANCH } from './branch.js';
import { COMPARE } from './compare.js';
import type { Factory } from './core.js';
import { LOADSTORE } from './loadstore.js';
import { LOGICAL } from './logical.js';
import { ROTATE } from './rotate.js';
import { SYSTEM } from './system.js';
import { VECTOR } from './vector.js';

export const SEMANTICS: ReadonlyMap<string, Factory> = new Map(
  Object.entries({ ...ARITH, ...LOGICAL, ...ROTATE, ...COMPARE, ...LOADSTORE, ...BRANCH, ...SYSTEM, ...VECTOR }),
);

export type Facility = 'fp' | 'vec' | 'vsx';

/** The facility an unmodelled instruction belongs to, from its id (Book I chapters 4, 6, 7). */
export function facilityOf(id: string): Facility | undefined {
  if (/^(lxv|stxv|lxs|stxs|lxvd|stxvd|lxvw|stxvw|xx|xs|xv|mfvsr|mtvsr)/.test(id)) return 'vsx';
  if (/^(lv|stv|v|mfvscr|mtvscr)/.test(id)) return 'vec';
  if (/^(lf|stf|f|mffs|mtfs|mcrfs|dadd|dsub|dmul|ddiv|dcmp|dqua|drr|drint|dct|dcf|dtst|dxe|die|ddedpd|denbcd|dsc)/.test(id)) return 'fp';
  return undefined;
}

export type { Core, Factory, Insn } from './core.js';
