/**
 * The instruction table is built on first use (isa/table.ts): loading the isa and simulator
 * modules must not build it (a module that reads TABLE at load time would put ~10 ms back into
 * every simulator start), decoding what the trampoline image runs must not build it either (the
 * power9 decode plan covers every row those words meet, sync's and mtocrf's invalid values
 * included), and the first read builds the whole table.
 */
import { describe, expect, it } from 'vitest';
import { decode, decodeRaw } from '../../isa/index.js';
import { TABLE, tableBuilt } from '../../isa/table.js';
import '../../simulator/index.js';
import '../../simulator/cli.js';

/** One word of each instruction kind the PR-KVM trampoline image executes (from its --trace). */
const TRAMPOLINE_KINDS = [
  0x7c842a14, 0x3b5affe4, 0x3ca51000, 0x7c632838, 0x7c842878, 0x716b0f80, 0x75400800, 0x48001044, 0x429f0005,
  0x4e800421, 0x4200fff0, 0x41820068, 0x4d820020, 0x40800010, 0x418100b8, 0x480020e1, 0x40810008, 0x4e800020,
  0x4180ffd0, 0x40820028, 0x4c820020, 0x78a50100, 0x786307e1, 0x78a50624, 0x7c232000, 0x2c3a0000, 0x7c232840,
  0x28280800, 0x2c030000, 0x7c00306c, 0x7cbdf392, 0x63ff0000, 0xfc201090, 0x7c0004ac, 0x7c0037ac, 0x4c00012c,
  0x887f0000, 0xe8040000, 0x7cbf202a, 0x39800001, 0x3ca0c000, 0x7ca03028, 0x80a50000, 0x7d800026, 0x7ca902a6,
  0x7cb302a6, 0x7cd202a6, 0x7f4802a6, 0x7d6000a6, 0x7db142a6, 0x7c7a02a6, 0x7c9b02a6, 0x7cc102a6, 0x7f44d378,
  0x7c0ff120, 0x7cc903a6, 0x7c9603a6, 0x7c0803a6, 0x7d600164, 0x7db143a6, 0x7c7a03a6, 0x7c9b03a6, 0x7c0103a6,
  0x7cc5f1d2, 0x1d8c0010, 0x60000000, 0x7d6b6378, 0x60a50000, 0x64a50000, 0x4c000024, 0x7888a422, 0x57585efe,
  0x44000022, 0x7c0003e4, 0x7c005364, 0x7c000324, 0x798cf806, 0x788b8402, 0x574336be, 0x986d00e1, 0x9c1fffff,
  0x7c64f1ae, 0xf8030000, 0xf801ff91, 0x7c7f212a, 0x906d0558, 0x7cc6e850, 0x10010c84, 0x7d081a78, 0xf0010c90,
];

describe('lazy instruction table', () => {
  it('is not built by loading the isa and simulator modules, nor by decoding what the trampoline runs', () => {
    expect(tableBuilt()).toBe(false);
    const ids = TRAMPOLINE_KINDS.map((w) => decodeRaw(w, 'power9')?.id);
    // sync with L=3 and mtocrf with two FXM bits are refused from the plan's own tables.
    expect(decodeRaw(0x7c6004ac, 'power9')).toBeUndefined();
    expect(decodeRaw(0x7c303120, 'power9')).toBeUndefined();
    expect(tableBuilt()).toBe(false);
    // Every word decoded, and as the generic decoder (which builds the table) decodes it.
    expect(ids.every((id) => id !== undefined)).toBe(true);
    expect(ids).toEqual(TRAMPOLINE_KINDS.map((w) => decode(w, undefined, { cpu: 'power9', raw: true })?.variant.id));
    expect(tableBuilt()).toBe(true);
  });

  it('is built whole by its first read', () => {
    expect(TABLE.baseRows.length).toBeGreaterThan(1000);
    expect(TABLE.lazyBaseRowsOf(31).length).toBeGreaterThan(100);
  });
});
