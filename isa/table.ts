/**
 * The compiled instruction table: every row of isa/instructions/*.ts, in chapter order.
 * Module scope holds only this frozen, compiled data.
 */
import { compileTable, type CompiledTable } from './compile.js';
import { BRANCH } from './instructions/branch.js';
import { FIXED_POINT } from './instructions/fixed-point.js';
import { SYSTEM } from './instructions/system.js';

export const TABLE: CompiledTable = compileTable([...BRANCH, ...FIXED_POINT, ...SYSTEM]);
