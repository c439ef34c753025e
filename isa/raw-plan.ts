/**
 * The raw decoder's plan for one CPU, made from the instruction table: for every primary opcode
 * and every value of bits 21..31, the candidate rows the generic index gives (same rows, same
 * order), and each candidate's RawRow, exactly as the lazy path builds them (decode-raw.ts's
 * rawRow()). decode-raw.ts decodes power9 words from the checked-in plan,
 * isa/generated/raw-plan-power9.ts, which `make isa-plan` (isa/tools/gen-raw-plan.ts) writes
 * with renderRawPlanModule(); test/isa/raw-plan.test.ts fails when it is stale.
 *
 * Why a plan: a cold simulator run otherwise builds the generic index and compiles every table
 * row it meets (fields, operands, forms) before it can run an instruction, some 12-16 ms for the
 * trampoline image, each time the process starts. The plan is data, and decode-raw.ts parses a
 * part of it only when a word first needs that part.
 *
 * The format: three texts (RawPlanText), one record a line, fields separated by one space.
 *
 *  fields   a field list: the fields a row reports (DecodedInsn.fields), in order, separated by
 *           spaces; each NAME:SHIFT:WIDTH (one part in the word: (w >>> SHIFT) & (2^WIDTH - 1))
 *           or NAME:KEY:WIDTH:PARTS (several parts, extractField()'s CompiledField; PARTS is
 *           WORD.SHIFT.WIDTH.VSHIFT of each part, joined by '+'). An empty line: no fields.
 *  rows     a RawRow: MASK MATCH ID FLAGS ENTRY.FORM, then for rows not marked generic FIELDS
 *           BRANCH CHECKS INVALID. MASK, MATCH: the first word's, 8 hex digits. FLAGS: the sum of 1 rc,
 *           2 oe, 4 generic (decoded by resolve() on the table row), 8 lswi. ENTRY.FORM: the
 *           row's place in the table (LazyRow's entry and form), where a generic row finds its
 *           table Row through TABLE.baseRowAt without computing the rest of its opcode.
 *           FIELDS: a line number of `fields`. BRANCH: '-' or KIND:BO_SHIFT. CHECKS: '-' or
 *           CODES/RA/RT/RB, the register checks' codes (decode-raw.ts's UPD_*, one digit each)
 *           and the shifts of the registers they read (-1: none). INVALID: '-' or, joined by
 *           '/', SHIFT:WIDTH:BITS for each operand field with invalid values: BITS in hex, one
 *           digit per four field values, bit k of digit i set when value 4i + k is invalid.
 *  opcodes  64 lines, one per primary opcode: KEYMASK LISTS INDEX. KEYMASK (hex): the bits of
 *           21..31 (LSB0 bits 10..0) the candidate list depends on (0: one list serves every
 *           word, as for the D-form opcodes). LISTS: the distinct candidate lists, ';' between
 *           lists, each its rows' line numbers joined by ','. INDEX: for each value 0..KEYMASK of
 *           bits 21..31 & KEYMASK, the number of its list in base 32, in 1 character when the
 *           opcode has at most 32 lists, else 2 (high digit first); digit d is the character
 *           '<' + d (0x3C..0x5B: '<=>?@A..Z[', none special in a template literal).
 *           The index is read in place with charCodeAt: a run-length encoding, tried first, had to
 *           be expanded before the opcode's first word could be decoded, the largest part of the
 *           plan's parsing in a profile; one character per value above 0x7F (a CJK ideograph)
 *           made the simulator's bundle non-ASCII, slower to read and compile.
 *
 * Deterministic: rows, field lists and candidate lists are numbered in order of first
 * appearance, walking the opcodes and then bits 21..31 in increasing order.
 */
import type { Row } from './compile.js';
import type { Cpu } from './cpu.js';
import { indexFor } from './decode.js';
import { PLAN_DIGIT0, PLAN_GENERIC, PLAN_LSWI, PLAN_OE, PLAN_RC, rawRow, type InvalidField, type RawPlanText, type RawRow } from './decode-raw.js';
import { TABLE } from './table.js';

export interface RawPlanOpcode {
  /** The bits within 21..31 (LSB0 10..0) the candidate list depends on. */
  readonly keyMask: number;
  /** The distinct candidate lists, as indices into RawPlan.rows. */
  readonly lists: readonly (readonly number[])[];
  /** For each value 0..keyMask of bits 21..31 & keyMask: its index into `lists`. */
  readonly listOf: readonly number[];
}

export interface RawPlan {
  readonly cpu: Cpu;
  /** Every candidate row of the CPU's 4-byte words, with entry and form set. */
  readonly rows: readonly RawRow[];
  /** By primary opcode (0..63). */
  readonly opcodes: readonly RawPlanOpcode[];
}

/** How many lists an opcode may have (two base-32 digits). */
const PLAN_INDEX_LISTS = 32 * 32;

/** The plan of `cpu`: the generic index's candidates for every 4-byte word kind, as RawRows. */
export function buildRawPlan(cpu: Cpu): RawPlan {
  const idx = indexFor(cpu);
  const rows: RawRow[] = [];
  const rowNumber = new Map<Row, number>();
  const numberOf = (po: number, row: Row): number => {
    let n = rowNumber.get(row);
    if (n === undefined) {
      const lazy = TABLE.lazyBaseRowsOf(po).find((l) => l.row() === row);
      if (lazy === undefined) throw new Error(`isa: decode plan: ${row.mnemonic} is not a base row of opcode ${po}`);
      rowNumber.set(row, (n = rows.length));
      rows.push(rawRow(idx, row, lazy));
    }
    return n;
  };
  const opcodes: RawPlanOpcode[] = [];
  for (let po = 0; po < 64; po++) {
    // The generic index's list for each value of bits 21..31, as row numbers.
    const keys: string[] = [];
    for (let k = 0; k < 2048; k++) keys.push(idx.candidates(((po << 26) | k) >>> 0).map((r) => numberOf(po, r)).join(','));
    // A bit matters when flipping it changes some word's list; the lists are then a function of
    // the bits that matter (any two values agreeing there differ by flips that change nothing).
    let keyMask = 0;
    for (let b = 0; b < 11; b++) {
      for (let k = 0; k < 2048; k++) {
        if (keys[k] !== keys[k ^ (1 << b)]) {
          keyMask |= 1 << b;
          break;
        }
      }
    }
    const lists: number[][] = [];
    const listNumber = new Map<string, number>();
    const listOf: number[] = [];
    for (let v = 0; v <= keyMask; v++) {
      // v and v & keyMask have the same list (v's other bits do not matter).
      const key = keys[v]!;
      let li = listNumber.get(key);
      if (li === undefined) {
        listNumber.set(key, (li = lists.length));
        lists.push(key === '' ? [] : key.split(',').map(Number));
      }
      listOf.push(li);
    }
    if (lists.length > PLAN_INDEX_LISTS) throw new Error(`isa: decode plan: opcode ${po} has ${lists.length} candidate lists, more than the format's ${PLAN_INDEX_LISTS}`);
    opcodes.push({ keyMask, lists, listOf });
  }
  return { cpu, rows, opcodes };
}

/** A token of the plan's text: no separator of the format may appear in it. */
function token(s: string, what: string): string {
  if (s === '' || /[\s:;,/+`$\\]/.test(s)) throw new Error(`isa: decode plan: ${what} ${JSON.stringify(s)} cannot be written in the plan's format`);
  return s;
}

const hex8 = (n: number): string => (n >>> 0).toString(16).padStart(8, '0');

/** The field list of a (non-generic) RawRow, as a `fields` line. */
function fieldLine(r: RawRow): string {
  return r.names
    .map((name, i) => {
      const sh = r.shifts[i]!;
      if (sh >= 0) return `${token(name, 'field name')}:${sh}:${32 - Math.clz32(r.masks[i]!)}`;
      const f = r.multi[i]!;
      const parts = f.parts.map((p) => `${p.word}.${p.shift}.${p.width}.${p.vshift}`).join('+');
      return `${token(name, 'field name')}:${token(f.key, 'field key')}:${f.width}:${parts}`;
    })
    .join(' ');
}

/** An operand field's invalid values as SHIFT:WIDTH:BITS (the format at the top of this file). */
function invalidToken(x: InvalidField): string {
  let bits = '';
  for (let i = 0; i < x.bad.length; i += 4) {
    let d = 0;
    for (let k = 0; k < 4 && i + k < x.bad.length; k++) d |= x.bad[i + k]! << k;
    bits += d.toString(16);
  }
  return `${x.shift}:${Math.log2(x.bad.length)}:${bits}`;
}

/** The plan's text (the format at the top of this file). */
export function encodeRawPlan(plan: RawPlan): RawPlanText {
  const fieldLines: string[] = [];
  const fieldNumber = new Map<string, number>();
  const rowLines = plan.rows.map((r) => {
    const flags = (r.rc ? PLAN_RC : 0) | (r.oe ? PLAN_OE : 0) | (r.generic ? PLAN_GENERIC : 0) | (r.lswi ? PLAN_LSWI : 0);
    const head = `${hex8(r.mask)} ${hex8(r.match)} ${token(r.id, 'row id')} ${flags} ${r.entry}.${r.form}`;
    if (r.generic) return head;
    const fl = fieldLine(r);
    let fn = fieldNumber.get(fl);
    if (fn === undefined) {
      fieldNumber.set(fl, (fn = fieldLines.length));
      fieldLines.push(fl);
    }
    const branch = r.branch === undefined ? '-' : `${r.branch}:${r.boShift}`;
    const checks = r.checks.length === 0 ? '-' : `${r.checks.join('')}/${r.ra}/${r.rt}/${r.rb}`;
    const invalid = r.invalid.length === 0 ? '-' : r.invalid.map(invalidToken).join('/');
    return `${head} ${fn} ${branch} ${checks} ${invalid}`;
  });
  const opcodeLines = plan.opcodes.map((o) => {
    const digit = (d: number): string => String.fromCharCode(PLAN_DIGIT0 + d);
    const index = o.listOf.map((li) => (o.lists.length <= 32 ? digit(li) : digit(li >> 5) + digit(li & 31))).join('');
    return `${o.keyMask.toString(16)} ${o.lists.map((l) => l.join(',')).join(';')} ${index}`;
  });
  return { cpu: plan.cpu, fields: fieldLines.join('\n'), rows: rowLines.join('\n'), opcodes: opcodeLines.join('\n') };
}

/** The command that writes the checked-in plans (named by the staleness test and the header). */
export const RAW_PLAN_COMMAND = 'make isa-plan';

/** The checked-in module of `cpu`'s plan (isa/generated/raw-plan-CPU.ts), as text. */
export function renderRawPlanModule(cpu: Cpu): string {
  const t = encodeRawPlan(buildRawPlan(cpu));
  const name = `RAW_PLAN_${cpu.toUpperCase()}`;
  return [
    `// Generated by \`${RAW_PLAN_COMMAND}\` (isa/tools/gen-raw-plan.ts) from the instruction table through`,
    '// isa/raw-plan.ts, which describes the format: do not edit. test/isa/raw-plan.test.ts fails when',
    '// this file differs from what the table gives.',
    "import type { RawPlanText } from '../decode-raw.js';",
    '',
    `export const ${name}: RawPlanText = {`,
    `  cpu: '${cpu}',`,
    `  fields: \`${t.fields}\`,`,
    `  rows: \`${t.rows}\`,`,
    `  opcodes: \`${t.opcodes}\`,`,
    '};',
    '',
  ].join('\n');
}
