/**
 * Book I ch. 7 (ISA 3.1): the matrix-multiply assist (MMA) facility — the GER outer-product
 * instructions on accumulators a0..a7, their prefixed masked forms (pm*), and the
 * accumulator moves.
 *
 * GNU objdump (binutils 2.40) prints these with a "dm" prefix (dmxvf32gerpp,
 * pmdmxvi8ger4pp, dmxxmfacc, dmsetaccz); gas accepts both spellings. The printed
 * spelling is the row, the ISA spelling an assembler alias; `id` is the ISA name.
 */
import { F, P, pin, type TableEntry } from '../spec.js';
import type { OperandKey } from '../operands.js';

const P10 = { since: 'power10' } as const;

/** ISA name, XO (bits 21..28 of the XX3 word), and the prefixed form's masks. */
type Ger = readonly [name: string, xo: number, pmsk: 'PMSK8' | 'PMSK4' | 'PMSK2' | undefined, ymsk: 'YMSK' | 'YMSK2'];

const GERS: readonly Ger[] = [
  ['xvi4ger8', 35, 'PMSK8', 'YMSK'],
  ['xvi4ger8pp', 34, 'PMSK8', 'YMSK'],
  ['xvi8ger4', 3, 'PMSK4', 'YMSK'],
  ['xvi8ger4pp', 2, 'PMSK4', 'YMSK'],
  ['xvi8ger4spp', 99, 'PMSK4', 'YMSK'],
  ['xvi16ger2', 75, 'PMSK2', 'YMSK'],
  ['xvi16ger2pp', 107, 'PMSK2', 'YMSK'],
  ['xvi16ger2s', 43, 'PMSK2', 'YMSK'],
  ['xvi16ger2spp', 42, 'PMSK2', 'YMSK'],
  ['xvf16ger2', 19, 'PMSK2', 'YMSK'],
  ['xvf16ger2pp', 18, 'PMSK2', 'YMSK'],
  ['xvf16ger2np', 82, 'PMSK2', 'YMSK'],
  ['xvf16ger2pn', 146, 'PMSK2', 'YMSK'],
  ['xvf16ger2nn', 210, 'PMSK2', 'YMSK'],
  ['xvbf16ger2', 51, 'PMSK2', 'YMSK'],
  ['xvbf16ger2pp', 50, 'PMSK2', 'YMSK'],
  ['xvbf16ger2np', 114, 'PMSK2', 'YMSK'],
  ['xvbf16ger2pn', 178, 'PMSK2', 'YMSK'],
  ['xvbf16ger2nn', 242, 'PMSK2', 'YMSK'],
  ['xvf32ger', 27, undefined, 'YMSK'],
  ['xvf32gerpp', 26, undefined, 'YMSK'],
  ['xvf32gernp', 90, undefined, 'YMSK'],
  ['xvf32gerpn', 154, undefined, 'YMSK'],
  ['xvf32gernn', 218, undefined, 'YMSK'],
  ['xvf64ger', 59, undefined, 'YMSK2'],
  ['xvf64gerpp', 58, undefined, 'YMSK2'],
  ['xvf64gernp', 122, undefined, 'YMSK2'],
  ['xvf64gerpn', 186, undefined, 'YMSK2'],
  ['xvf64gernn', 250, undefined, 'YMSK2'],
];

function ger([name, xo, pmsk, ymsk]: Ger): TableEntry[] {
  // xvf64ger* take an even VSR pair as XA.
  const xa: OperandKey = name.startsWith('xvf64') ? 'XAP_ACC' : 'XA_ACC';
  const sxa: OperandKey = name.startsWith('xvf64') ? 'SXAP_ACC' : 'SXA_ACC';
  const masks: OperandKey[] = ['XMSK', ymsk, ...(pmsk ? [pmsk] : [])];
  const cpu = { cpu: P10, id: name };
  return [
    F('XX3', { PO: 59, XO_XX3: xo }, `dm${name}`, ['AT', xa, 'XB_ACC'], { ...cpu, check: 'acc' }),
    pin(name, `dm${name}`, ['AT', xa, 'XB_ACC'], [0, 1, 2], { print: false }),
    P(3, { PST: 9, SPO: 59, SXO8: xo }, `pmdm${name}`, ['SAT', sxa, 'SXB_ACC', ...masks], { ...cpu, id: `pm${name}`, check: 'acc' }),
    pin(`pm${name}`, `pmdm${name}`, ['SAT', sxa, 'SXB_ACC', ...masks], [0, 1, 2, ...masks.map((_, i) => 3 + i)], { print: false }),
  ];
}

export const MMA = (): readonly TableEntry[] => [
  ...GERS.flatMap(ger),
  // Accumulator moves (X-form, PO 31 XO 177, the operation in bits 11..15).
  F('X', { PO: 31, XO_X: 177, EO_11_15: 0 }, 'dmxxmfacc', ['AT'], { cpu: P10, id: 'xxmfacc' }),
  pin('xxmfacc', 'dmxxmfacc', ['AT'], [0], { print: false }),
  F('X', { PO: 31, XO_X: 177, EO_11_15: 1 }, 'dmxxmtacc', ['AT'], { cpu: P10, id: 'xxmtacc' }),
  pin('xxmtacc', 'dmxxmtacc', ['AT'], [0], { print: false }),
  F('X', { PO: 31, XO_X: 177, EO_11_15: 3 }, 'dmsetaccz', ['AT'], { cpu: P10, id: 'xxsetaccz' }),
  pin('xxsetaccz', 'dmsetaccz', ['AT'], [0], { print: false }),
];
