/**
 * The instruction table is built on first use (isa/table.ts): loading the isa and simulator
 * modules must not build it (a module that reads TABLE at load time would put ~10 ms back into
 * every simulator start), and the first read builds the whole table.
 */
import { describe, expect, it } from 'vitest';
import { TABLE, tableBuilt } from '../../isa/table.js';
import '../../isa/index.js';
import '../../simulator/index.js';
import '../../simulator/cli.js';

describe('lazy instruction table', () => {
  it('is not built by loading the isa and simulator modules, and is built by its first read', () => {
    expect(tableBuilt()).toBe(false);
    expect(TABLE.baseRows.length).toBeGreaterThan(1000);
    expect(tableBuilt()).toBe(true);
    expect(TABLE.lazyBaseRowsOf(31).length).toBeGreaterThan(100);
  });
});
