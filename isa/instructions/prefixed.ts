/**
 * Book I, ISA 3.1 prefixed instructions (64-bit: a prefix word with PO=1, then a suffix):
 * the MLS/8LS loads and stores with a 34-bit displacement and the R (PC-relative) bit,
 * paddi/pli/pla, the 8RR VSX immediates and permutes, and pnop.
 *
 * "pld RT,D(RA)" has R optional (0); "pld RT,D" (no base register) is the PC-relative
 * form, R=1 and RA=0, which objdump prints with a "# target" note.
 */
import { calc, P, pin, type RowCheck, type TableEntry } from '../spec.js';
import type { FieldKey } from '../fields.js';
import type { OperandKey } from '../operands.js';

const P10 = { since: 'power10' } as const;

/** A prefixed load/store: base row with optional R, then its PC-relative spelling. */
function loadStore(type: 0 | 2, fixed: Partial<Record<FieldKey, number>>, mn: string, reg: OperandKey): TableEntry[] {
  // plq: like lq, the base register may not be the target pair (checked for R=1 too).
  const pair = reg === 'SRTp' || reg === 'SRSp';
  // gas refuses plq with RA = RTp (objdump still decodes it); pstq has no such rule.
  const check: RowCheck[] = reg === 'SRTp' ? ['pcrel', 'plq'] : ['pcrel'];
  // objdump ignores the low bit of a register pair (bit 42 = suffix bit 10).
  const extra = pair ? { ignore: [[42, 42]] as const } : {};
  return [pin(mn, mn, [reg, 'D34PC'], [0, 1, 0n, 1n]), P(type, fixed, mn, [reg, 'D34', 'SRA0P', 'R_OPT11'], { cpu: P10, check, ...extra })];
}

export const PREFIXED = (): readonly TableEntry[] => [
  // MLS: D-form loads/stores and paddi with a 34-bit immediate.
  pin('pli', 'paddi', ['SRT', 'SI34'], [0, 0n, 1, 0n]),
  pin('pla', 'paddi', ['SRT', 'SI34PC'], [0, 0n, 1, 1n]),
  calc('psubi', 'paddi', ['SRT', 'SRA0', 'NSI34'], (v) => [v[0]!, v[1]!, -v[2]!, 0n], (b) => [b[0]!, b[1]!, -b[2]!], { print: false }),
  P(2, { SPO: 14 }, 'paddi', ['SRT', 'SRA0', 'SI34', 'R_OPT11'], { cpu: P10, check: 'pcrel' }),
  ...loadStore(2, { SPO: 34 }, 'plbz', 'SRT'),
  ...loadStore(2, { SPO: 40 }, 'plhz', 'SRT'),
  ...loadStore(2, { SPO: 42 }, 'plha', 'SRT'),
  ...loadStore(2, { SPO: 32 }, 'plwz', 'SRT'),
  ...loadStore(2, { SPO: 38 }, 'pstb', 'SRS'),
  ...loadStore(2, { SPO: 44 }, 'psth', 'SRS'),
  ...loadStore(2, { SPO: 36 }, 'pstw', 'SRS'),
  ...loadStore(2, { SPO: 48 }, 'plfs', 'SFRT'),
  ...loadStore(2, { SPO: 50 }, 'plfd', 'SFRT'),
  ...loadStore(2, { SPO: 52 }, 'pstfs', 'SFRS'),
  ...loadStore(2, { SPO: 54 }, 'pstfd', 'SFRS'),
  // 8LS: DS/DQ-form loads/stores whose suffix opcode is not a D-form load.
  ...loadStore(0, { SPO: 57 }, 'pld', 'SRT'),
  ...loadStore(0, { SPO: 61 }, 'pstd', 'SRS'),
  ...loadStore(0, { SPO: 41 }, 'plwa', 'SRT'),
  ...loadStore(0, { SPO: 56 }, 'plq', 'SRTp'),
  ...loadStore(0, { SPO: 60 }, 'pstq', 'SRSp'),
  ...loadStore(0, { SPO: 42 }, 'plxsd', 'SVRT'),
  ...loadStore(0, { SPO: 43 }, 'plxssp', 'SVRT'),
  ...loadStore(0, { SPO: 46 }, 'pstxsd', 'SVRS'),
  ...loadStore(0, { SPO: 47 }, 'pstxssp', 'SVRS'),
  ...loadStore(0, { SPO5: 25 }, 'plxv', 'SXT5'),
  ...loadStore(0, { SPO5: 27 }, 'pstxv', 'SXS5'),
  ...loadStore(0, { SPO: 58 }, 'plxvp', 'SXTp'),
  ...loadStore(0, { SPO: 62 }, 'pstxvp', 'SXSp'),

  // 8RR: VSX immediates (imm32 = prefix bits 16..31 || suffix bits 16..31) and XX4 permutes.
  P(1, { SPO: 32, SXO3: 0 }, 'xxsplti32dx', ['SXT8', 'IX', 'IMM32'], { cpu: P10 }),
  P(1, { SPO: 32, SXO4: 2 }, 'xxspltidp', ['SXT8', 'IMM32'], { cpu: P10 }),
  P(1, { SPO: 32, SXO4: 3 }, 'xxspltiw', ['SXT8', 'IMM32'], { cpu: P10 }),
  P(1, { SPO: 34, SXO2: 0 }, 'xxpermx', ['SXT4', 'SXA4', 'SXB4', 'SXC4', 'PUIM3'], { cpu: P10 }),
  P(1, { SPO: 34, SXO2: 1 }, 'xxeval', ['SXT4', 'SXA4', 'SXB4', 'SXC4', 'PIMM8'], { cpu: P10 }),
  P(1, { SPO: 33, SXO2: 0 }, 'xxblendvb', ['SXT4', 'SXA4', 'SXB4', 'SXC4'], { cpu: P10 }),
  P(1, { SPO: 33, SXO2: 1 }, 'xxblendvh', ['SXT4', 'SXA4', 'SXB4', 'SXC4'], { cpu: P10 }),
  P(1, { SPO: 33, SXO2: 2 }, 'xxblendvw', ['SXT4', 'SXA4', 'SXB4', 'SXC4'], { cpu: P10 }),
  P(1, { SPO: 33, SXO2: 3 }, 'xxblendvd', ['SXT4', 'SXA4', 'SXB4', 'SXC4'], { cpu: P10 }),

  // MRR with an all-zero suffix: the prefixed no-op.
  // objdump checks the whole prefix and the suffix's top five opcode bits only.
  P(3, { PST: 0 }, 'pnop', [], { cpu: P10, ignore: [[37, 63]] }),
];
