import { describe, expect, it } from 'vitest';
import { alignUp, fieldAlignment, isPowerOfTwo, layoutRecord } from './layout.js';

// Expected numbers follow from the ABI rules by hand (natural alignment, LP64).
describe('layoutRecord', () => {
  const u8 = { size: 1n, typeAlign: 1n };
  const u16 = { size: 2n, typeAlign: 2n };
  const u32 = { size: 4n, typeAlign: 4n };
  const u64 = { size: 8n, typeAlign: 8n };

  it('pads each member to its alignment and the struct to the largest', () => {
    const r = layoutRecord([u8, u64, u8, u16, u8, u32], { kind: 'struct' });
    expect(r.offsets).toEqual([0n, 8n, 16n, 18n, 20n, 24n]);
    expect([r.size, r.align]).toEqual([32n, 8n]);
  });

  it('puts union members at 0 and sizes the union to the largest, rounded to its alignment', () => {
    const r = layoutRecord([{ size: 13n, typeAlign: 1n }, u32, u16], { kind: 'union' });
    expect(r.offsets).toEqual([0n, 0n, 0n]);
    expect([r.size, r.align]).toEqual([16n, 4n]);
  });

  it('packed drops alignment to 1, except an aligned(n) written on the member', () => {
    const r = layoutRecord([u8, { ...u32, declAlign: 2n }, u8, { ...u64, declAlign: 16n }], { kind: 'struct', packed: true });
    expect(r.offsets).toEqual([0n, 2n, 6n, 16n]);
    expect([r.size, r.align]).toEqual([32n, 16n]);
    const m = layoutRecord([u8, { ...u32, packed: true }, u8], { kind: 'struct' });
    expect(m.offsets).toEqual([0n, 1n, 5n]);
    expect([m.size, m.align]).toEqual([6n, 1n]);
  });

  it('aligned on a member only raises it when not packed; aligned on the record raises the record', () => {
    expect(fieldAlignment({ ...u64, declAlign: 2n }, false)).toBe(8n);
    expect(fieldAlignment({ ...u8, declAlign: 16n }, false)).toBe(16n);
    const r = layoutRecord([u8], { kind: 'struct', align: 32n });
    expect([r.size, r.align]).toEqual([32n, 32n]);
  });

  it('an empty struct has size 0; a trailing flexible array (size 0) still aligns', () => {
    expect(layoutRecord([], { kind: 'struct' })).toMatchObject({ size: 0n, align: 1n });
    const r = layoutRecord([u32, u8, { size: 0n, typeAlign: 8n }], { kind: 'struct' });
    expect(r.offsets).toEqual([0n, 4n, 8n]);
    expect(r.size).toBe(8n);
  });

  it('bit-fields share a unit until one would cross it; zero-width and packed ones', () => {
    const bf = (w: bigint, size: bigint, named = true, packed = false) => ({ size, typeAlign: size, bitWidth: w, named, packed });
    // u32 a:3, u32 b:30 -> b cannot fit bits 3..32 of the first word, so it starts at bit 32.
    const r = layoutRecord([bf(3n, 4n), bf(30n, 4n), u8], { kind: 'struct' });
    expect(r.bitOffsets).toEqual([0n, 32n, 64n]);
    expect([r.size, r.align]).toEqual([12n, 4n]);
    // Packed: no moving; an unnamed zero-width u64 rounds the next field to 64 bits without aligning the struct.
    expect(layoutRecord([bf(3n, 4n, true, true), bf(30n, 4n, true, true)], { kind: 'struct' }).bitOffsets).toEqual([0n, 3n]);
    const z = layoutRecord([u8, bf(0n, 8n, false), u8], { kind: 'struct' });
    expect([z.offsets, z.size, z.align]).toEqual([[0n, 8n, 8n], 9n, 1n]);
    // An 8-bit field on a byte boundary is placed as a plain byte even if its type's alignment is 8.
    const t = layoutRecord([u8, { size: 2n, typeAlign: 8n, bitWidth: 8n, named: true }], { kind: 'struct' });
    expect([t.bitOffsets, t.size, t.align]).toEqual([[0n, 8n], 8n, 8n]);
  });

  it('helpers', () => {
    expect([alignUp(0n, 8n), alignUp(1n, 8n), alignUp(8n, 8n), alignUp(9n, 4n)]).toEqual([0n, 8n, 8n, 12n]);
    expect([1n, 2n, 64n, 0n, 12n, -4n].map(isPowerOfTwo)).toEqual([true, true, true, false, false, false]);
  });
});
