/**
 * The compiled instruction table: every row of isa/instructions/*.ts, in chapter order.
 * Module scope holds only this frozen, compiled data.
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

export const TABLE: CompiledTable = compileTable([
  ...BRANCH,
  ...FIXED_POINT,
  ...FIXED_POINT_EXT,
  ...SYSTEM,
  ...FLOAT,
  ...DECIMAL_FLOAT,
  ...VMX,
  ...VSX,
  ...EXTENDED,
  ...PREFIXED,
  ...MMA,
]);
