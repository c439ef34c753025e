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
import { P9 } from './p9.js';
import { ROTATE } from './rotate.js';
import { SYSTEM } from './system.js';
import { VECTOR } from './vector.js';

export const SEMANTICS: ReadonlyMap<string, Factory> = new Map(
  Object.entries({ ...ARITH, ...LOGICAL, ...ROTATE, ...COMPARE, ...LOADSTORE, ...BRANCH, ...SYSTEM, ...VECTOR, ...P9 }),
);

/**
 * POWER9 instructions of the table that are not modelled, by reason. Executing one stops the run
 * with a diagnostic naming it (no silent guess). test/simulator/coverage.test.ts checks that every
 * POWER9 row of the shared table is implemented, a facility instruction, or listed here.
 */
export const UNIMPLEMENTED: Readonly<Record<string, readonly string[]>> = {
  'hypervisor, ultravisor and power management': [
    'attn', 'stop', 'urfid', 'msgsnd', 'msgclr', 'msgsndp', 'msgclrp', 'msgsndu', 'msgclru', 'msgsync', 'mtsle',
    'lbzcix', 'lhzcix', 'lwzcix', 'ldcix', 'stbcix', 'sthcix', 'stwcix', 'stdcix', 'slbieg', 'slbsync', 'rmieg',
  ],
  'removed before ISA 3.0': ['eciwx', 'ecowx', 'rfi', 'mtsrd', 'mtsrdin', 'tlbia', 'tlbld', 'tlbli', 'dcbi', 'icswx', 'dcbzl'],
  'transactional memory (qemu pseries runs with cap-htm=off)': [
    'tabort', 'tabortdc', 'tabortdci', 'tabortwc', 'tabortwci', 'tbegin', 'tcheck', 'tend', 'trechkpt', 'treclaim', 'tsr',
  ],
  'quadword and atomic memory operations': ['lq', 'stq', 'stqcx', 'lqarx', 'ldat', 'lwat', 'stdat', 'stwat'],
  'decimal assists and BCD': [
    'addg6s', 'cbcdtd', 'cdtbcd', 'bcdadd', 'bcdcfn', 'bcdcfsq', 'bcdcfz', 'bcdcpsgn', 'bcdctn', 'bcdctsq', 'bcdctz',
    'bcds', 'bcdsetsgn', 'bcdsr', 'bcdsub', 'bcdtrunc', 'bcdus', 'bcdutrunc',
  ],
  'event-based branches, BHRB, scv': ['rfebb', 'clrbhrb', 'mfbhrbe', 'scv', 'rfscv', 'pbt'],
  'copy-paste, random numbers, wait, data streams': ['copy', 'cpabort', 'darn', 'wait', 'dss', 'dssall', 'dst', 'dstt', 'dstst', 'dststt'],
  'POWER10 hash instructions': ['hashst', 'hashstp', 'hashchk', 'hashchkp'],
};

export type Facility = 'fp' | 'vec' | 'vsx';

/** The facility an unmodelled instruction belongs to, from its id (Book I chapters 4, 6, 7). */
export function facilityOf(id: string): Facility | undefined {
  if (/^(lxv|stxv|lxs|stxs|lxvd|stxvd|lxvw|stxvw|xx|xs|xv|mfvsr|mtvsr)/.test(id)) return 'vsx';
  if (/^(lv|stv|v|mfvscr|mtvscr)/.test(id)) return 'vec';
  if (/^(lf|stf|f|mffs|mtfs|mcrfs|dadd|dsub|dmul|ddiv|dcmp|dqua|drr|drint|drdpq|drsp|dct|dcf|dtst|dxe|die|ddedpd|denbcd|dsc)/.test(id)) return 'fp';
  return undefined;
}

export type { Core, Factory, Insn } from './core.js';
