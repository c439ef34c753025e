/**
 * The compiled instruction table: every row of isa/instructions/*.ts, in chapter order.
 *
 * Built on first use, not when the module loads: each chapter module exports a function that
 * builds its rows, and TABLE forwards to the table compiled from them the first time anything
 * reads it. A tool that never needs the table (the simulator running an image whose every
 * instruction its decode plan covers, `--version`) does not pay for building ~3,000 rows, about
 * 10 ms of a cold process.
 */
import { compileTable, type CompiledTable } from './compile.js';
import { BRANCH } from './instructions/branch.js';
import { FIXED_POINT } from './instructions/fixed-point.js';
import { SYSTEM } from './instructions/system.js';
import { FIXED_POINT_EXT } from './instructions/fixed-point-ext.js';
import { FLOAT } from './instructions/float.js';
import { DECIMAL_FLOAT } from './instructions/decimal-float.js';
import { VMX } from './instructions/vmx.js';
import { VSX } from './instructions/vsx.js';
import { EXTENDED } from './instructions/extended.js';
import { PREFIXED } from './instructions/prefixed.js';
import { MMA } from './instructions/mma.js';

let compiled: CompiledTable | undefined;

/** The table, built and compiled on the first call. */
function table(): CompiledTable {
  return (compiled ??= compileTable([
    ...BRANCH(),
    ...FIXED_POINT(),
    ...FIXED_POINT_EXT(),
    ...SYSTEM(),
    ...FLOAT(),
    ...DECIMAL_FLOAT(),
    ...VMX(),
    ...VSX(),
    ...EXTENDED(),
    ...PREFIXED(),
    ...MMA(),
  ]));
}

/** Whether anything has read TABLE yet (for tests of what stays unbuilt). */
export const tableBuilt = (): boolean => compiled !== undefined;

export const TABLE: CompiledTable = {
  get rows() {
    return table().rows;
  },
  get baseRows() {
    return table().baseRows;
  },
  get lazyBaseRows() {
    return table().lazyBaseRows;
  },
  lazyBaseRowsOf: (po) => table().lazyBaseRowsOf(po),
  baseRowAt: (entry, form) => table().baseRowAt(entry, form),
  get byMnemonic() {
    return table().byMnemonic;
  },
  aliasesOf: (row) => table().aliasesOf(row),
  get rawAliasBases() {
    return table().rawAliasBases;
  },
};
