/**
 * System call, special-purpose and condition registers, storage synchronisation and
 * cache management (Book I §3.3.17, Book II ch. 4–5) and storage control (Book III:
 * MSR, SLB, TLB, rfid).
 */
import type { CpuLevel } from '../cpu.js';
import { calc, pin, SC, X, XFX, XL, type TableEntry } from '../spec.js';
import { SPR_MNEMONIC_SINCE, SPR_NAMES, SPR_PRINT_ONLY } from '../spr.js';

const P4 = { since: 'power4' } as const;
const P5 = { since: 'power5' } as const;
const P6 = { since: 'power6' } as const;
const P7 = { since: 'power7' } as const;
const P8 = { since: 'power8' } as const;
const P9 = { since: 'power9' } as const;
const P10 = { since: 'power10' } as const;
const UPTO = (until: CpuLevel, since: CpuLevel = 'ppc64') => ({ since, until }) as const;
const oneBit = (v: bigint): boolean => v !== 0n && (v & (v - 1n)) === 0n;

/** mtXXX RS / mfXXX RT for every named SPR (objdump prints these). */
function namedSprMoves(): TableEntry[] {
  const out: TableEntry[] = [];
  for (const e of SPR_NAMES) {
    const [n, mt] = e;
    const mf = e.length === 2 ? mt : e[2];
    const cpu = (name: string): { cpu?: { since: CpuLevel }; asm?: boolean } => {
      const since = SPR_MNEMONIC_SINCE[name];
      return { ...(since ? { cpu: { since } } : {}), ...(SPR_PRINT_ONLY.has(name) ? { asm: false } : {}) };
    };
    if (mt !== undefined) out.push(pin(`mt${mt}`, 'mtspr', ['RS'], [BigInt(n), 0], cpu(`mt${mt}`)));
    if (mf !== undefined) out.push(pin(`mf${mf}`, 'mfspr', ['RT'], [0, BigInt(n)], cpu(`mf${mf}`)));
  }
  return out;
}

/** Numbered SPR groups: mtsprg n,RS (272+n), mtibatu n,RS (528+2n), ... */
function numberedSprMoves(name: string, first: number, step: number): TableEntry[] {
  const last = BigInt(first + 3 * step);
  const spr = (n: bigint): bigint => BigInt(first) + BigInt(step) * n;
  const idx = (s: bigint): bigint | undefined =>
    s >= BigInt(first) && s <= last && (s - BigInt(first)) % BigInt(step) === 0n ? (s - BigInt(first)) / BigInt(step) : undefined;
  return [
    calc(`mt${name}`, 'mtspr', ['SPRG', 'RS'], (v) => [spr(v[0]!), v[1]!], (b) => {
      const i = idx(b[0]!);
      return i === undefined ? undefined : [i, b[1]!];
    }),
    calc(`mf${name}`, 'mfspr', ['RT', 'SPRG'], (v) => [v[0]!, spr(v[1]!)], (b) => {
      const i = idx(b[1]!);
      return i === undefined ? undefined : [b[0]!, i];
    }),
  ];
}

const sprgDigits = (): TableEntry[] => [0, 1, 2, 3].flatMap((n) => [
  pin(`mtsprg${n}`, 'mtspr', ['RS'], [BigInt(272 + n), 0], { print: false }),
  pin(`mfsprg${n}`, 'mfspr', ['RT'], [0, BigInt(272 + n)], { print: false }),
]);

export const SYSTEM = (): readonly TableEntry[] => [
  // Book I §3.3.1 / Book III: system call, return from interrupt.
  // objdump ignores the reserved bits 16..19 and 27..29 of sc.
  SC('sc', ['LEV'], { ignore: [[16, 19], [27, 29]] }),
  XL(19, 18, 'rfid', []),
  XL(19, 274, 'hrfid', [], { cpu: P5 }),

  // §3.3.17 move to/from system registers.
  ...namedSprMoves(),
  ...numberedSprMoves('sprg', 272, 1),
  ...numberedSprMoves('ibatu', 528, 2),
  ...numberedSprMoves('ibatl', 529, 2),
  ...numberedSprMoves('dbatu', 536, 2),
  ...numberedSprMoves('dbatl', 537, 2),
  ...sprgDigits(),
  XFX(31, 467, 'mtspr', ['SPR', 'RS']),
  XFX(31, 339, 'mfspr', ['RT', 'SPR']),
  // mftb has its own opcode; from POWER4 on gas writes it as mfspr (the ISA's preferred form).
  pin('mftbu', 'mftb', ['RT'], [0, 269n]),
  XFX(31, 371, 'mftb', ['RT', 'TBR_OPT'], { promote: { to: 'mfspr', since: 'power4', when: () => true } }),
  pin('mtcr', 'mtcrf', ['RS'], [255n, 0]),
  // From POWER4 gas writes a one-field mtcrf as mtocrf.
  XFX(31, 144, 'mtcrf', ['FXM', 'RS'], { promote: { to: 'mtocrf', since: 'power4', when: (v) => oneBit(v[0]!) } }),
  XFX(31, 144, 'mtocrf', ['FXM1', 'RS'], { fixed: { ONE11: 1 } }),
  XFX(31, 19, 'mfcr', ['RT'], { rawSuffix: '-1' }),
  // mfcr RT,FXM is mfocrf (POWER4 on).
  pin('mfcr', 'mfocrf', ['RT', 'FXM1_MFCR'], [0, 1], { cpu: P4, print: false }),
  XFX(31, 19, 'mfocrf', ['RT', 'FXM1'], { fixed: { ONE11: 1 } }),
  X(31, 83, 'mfmsr', ['RT']),
  X(31, 146, 'mtmsr', ['RS', 'L15_OPT']),
  X(31, 178, 'mtmsrd', ['RS', 'L15_OPT']),

  // Book II §4.6 synchronisation.
  pin('hwsync', 'sync', [], [0n], { cpu: P4 }),
  pin('stcisync', 'sync', [], [0n, 2n], { cpu: P10 }),
  pin('stsync', 'sync', [], [0n, 3n], { cpu: P10 }),
  pin('lwsync', 'sync', [], [1n]),
  pin('stncisync', 'sync', [], [1n, 1n], { cpu: P10 }),
  pin('ptesync', 'sync', [], [2n]),
  pin('phwsync', 'sync', [], [4n, 0n], { cpu: P10 }),
  pin('plwsync', 'sync', [], [5n, 0n], { cpu: P10 }),
  X(31, 598, 'sync', ['L_SYNC_OPT_PPC64'], { cpu: UPTO('ppc64') }),
  X(31, 598, 'sync', ['L_SYNC_OPT'], { cpu: UPTO('power9', 'power4') }),
  X(31, 598, 'sync', ['L_SYNC3_OPT', 'SC_OPT'], { cpu: P10 }),
  X(31, 854, 'eieio', []),
  XL(19, 150, 'isync', []),

  // Book II §4.3 cache management.
  X(31, 1014, 'dcbz', ['RA0', 'RB']),
  X(31, 54, 'dcbst', ['RA0', 'RB']),
  pin('dcbfl', 'dcbf', ['RA0', 'RB'], [0, 1, 1n], { cpu: P5 }),
  pin('dcbflp', 'dcbf', ['RA0', 'RB'], [0, 1, 3n], { cpu: P9 }),
  pin('dcbfps', 'dcbf', ['RA0', 'RB'], [0, 1, 4n], { cpu: P10 }),
  pin('dcbstps', 'dcbf', ['RA0', 'RB'], [0, 1, 6n], { cpu: P10 }),
  X(31, 86, 'dcbf', ['RA0', 'RB', 'L_DCBF_OPT'], { cpu: UPTO('power9') }),
  X(31, 86, 'dcbf', ['RA0', 'RB', 'L_DCBF3_OPT'], { cpu: P10 }),
  X(31, 982, 'icbi', ['RA0', 'RB']),
  pin('dcbtct', 'dcbt', ['RA0', 'RB', 'THCT_OPT'], [0, 1, 2], { cpu: P4 }),
  pin('dcbtds', 'dcbt', ['RA0', 'RB', 'THDS_OPT'], [0, 1, 2], { cpu: P4 }),
  pin('dcbtt', 'dcbt', ['RA0', 'RB'], [0, 1, 16n], { cpu: P7 }),
  pin('dcbna', 'dcbt', ['RA0', 'RB'], [0, 1, 17n], { cpu: P10 }),
  X(31, 278, 'dcbt', ['RA0', 'RB'], { cpu: UPTO('ppc64') }),
  X(31, 278, 'dcbt', ['RA0', 'RB', 'TH_OPT'], { cpu: P4 }),
  pin('dcbtstct', 'dcbtst', ['RA0', 'RB', 'THCT_OPT'], [0, 1, 2], { cpu: P4 }),
  pin('dcbtstds', 'dcbtst', ['RA0', 'RB', 'THDS_OPT'], [0, 1, 2], { cpu: P4 }),
  pin('dcbtstt', 'dcbtst', ['RA0', 'RB'], [0, 1, 16n], { cpu: P7 }),
  X(31, 246, 'dcbtst', ['RA0', 'RB'], { cpu: UPTO('ppc64') }),
  X(31, 246, 'dcbtst', ['RA0', 'RB', 'TH_OPT'], { cpu: P4 }),

  // Book III: SLB and TLB management.
  X(31, 402, 'slbmte', ['RS', 'RB']),
  // ISA 3.0 added slbmfee/slbmfev's L (bit 15).
  X(31, 915, 'slbmfee', ['RT', 'RB'], { cpu: UPTO('power8') }),
  X(31, 915, 'slbmfee', ['RT', 'RB', 'L15_OPT'], { cpu: P9 }),
  X(31, 851, 'slbmfev', ['RT', 'RB'], { cpu: UPTO('power8') }),
  X(31, 851, 'slbmfev', ['RT', 'RB', 'L15_OPT'], { cpu: P9 }),
  X(31, 498, 'slbia', [], { cpu: UPTO('power5') }),
  X(31, 498, 'slbia', ['IH_OPT'], { cpu: P6 }),
  X(31, 434, 'slbie', ['RB']),
  // tlbie/tlbiel changed operands twice (ISA 2.06 RB,L; 2.07 RB,RS; 3.0 RB,RS,RIC,PRS,R).
  X(31, 306, 'tlbie', ['RB', 'L10_OPT'], { cpu: { since: 'ppc64', until: 'power6' } }),
  X(31, 306, 'tlbie', ['RB', 'RS'], { cpu: { since: 'power7', until: 'power8' } }),
  X(31, 306, 'tlbie', ['RB', 'RS', 'RIC_OPT', 'PRS_OPT', 'R_OPT'], { cpu: { since: 'power9' } }),
  X(31, 274, 'tlbiel', ['RB', 'L10_OPT'], { cpu: { since: 'power4', until: 'power8' } }),
  X(31, 274, 'tlbiel', ['RB', 'RS_OPT', 'RIC_OPT', 'PRS_OPT', 'R_OPT'], { cpu: { since: 'power9' } }),
  X(31, 566, 'tlbsync', []),
];
