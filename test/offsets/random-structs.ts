/**
 * Seeded random C declarations for the differential layout test: structs and unions mixing every
 * scalar, pointers, (multi-dimensional) arrays, bit-fields, earlier records by value, anonymous members,
 * packed/aligned on records and members, and aligned typedefs; plus a DEFINE for the offset of
 * every member and the size and alignment of every record. The same seed gives the same text.
 */

/** mulberry32: a tiny deterministic PRNG (no global state). */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SCALARS = ['char', 'signed char', 'unsigned short', 'int', 'unsigned', 'long', 'unsigned long long', 'float', 'double', 'long double', '_Bool', 'void *', 'u8', 'u16', 'u32', 'u64'];
const BITFIELD_TYPES: ReadonlyArray<readonly [string, number]> = [
  ['unsigned char', 8], ['signed char', 8], ['char', 8], ['_Bool', 1], ['short', 16], ['unsigned short', 16], ['int', 32],
  ['unsigned', 32], ['long', 64], ['unsigned long long', 64], ['u8', 8], ['u16', 16], ['u32', 32], ['u64', 64], ['u16_a8', 16],
];
const ALIGNED_TYPEDEFS = ['u64_a2', 'u16_a8', 'u8_a4', 'u32_a32'];

export function randomStructs(seed: number, count: number): string {
  const rnd = prng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
  const chance = (p: number): boolean => rnd() < p;
  const out: string[] = [
    '#include "kbuild.h"',
    'typedef unsigned char u8; typedef unsigned short u16; typedef unsigned int u32; typedef unsigned long u64;',
    'typedef u64 u64_a2 __attribute__((aligned(2)));',
    'typedef u16 u16_a8 __attribute__((aligned(8)));',
    'typedef u8 u8_a4 __attribute__((aligned(4)));',
    'typedef u32 u32_a32 __attribute__((aligned(32)));',
  ];
  const records: string[] = [];
  const defines: string[] = [];
  let fieldNumber = 0;

  const memberType = (depth: number): { type: string; suffix: string } => {
    const r = rnd();
    if (r < 0.08 && records.length) return { type: pick(records), suffix: '' };
    if (r < 0.14) return { type: pick(ALIGNED_TYPEDEFS), suffix: '' };
    let suffix = '';
    if (chance(0.2)) suffix += `[${1 + Math.floor(rnd() * 5)}]`;
    if (suffix && chance(0.3)) suffix += `[${1 + Math.floor(rnd() * 3)}]`;
    if (depth < 2 && r > 0.95 && records.length) return { type: pick(records), suffix };
    return { type: pick(SCALARS), suffix };
  };

  const body = (name: string, path: string, depth: number): string[] => {
    const lines: string[] = [];
    const n = 1 + Math.floor(rnd() * 6);
    for (let k = 0; k < n; k++) {
      if (depth < 2 && chance(0.1)) {
        // An anonymous struct/union: its members are reached directly.
        const kind = chance(0.5) ? 'struct' : 'union';
        lines.push(`${kind} {`, ...body(name, path, depth + 1), '};');
        continue;
      }
      const field = `m${depth}_${fieldNumber++}`;
      if (chance(0.15)) {
        // A bit-field (maybe unnamed, maybe zero-width); no offsetof for it.
        const [type, bits] = pick(BITFIELD_TYPES);
        const unnamed = chance(0.2);
        const width = unnamed && chance(0.3) ? 0 : 1 + Math.floor(rnd() * bits);
        lines.push(`${type} ${unnamed ? '' : field} : ${width}${!unnamed && chance(0.1) ? ' __attribute__((packed))' : ''};`);
        continue;
      }
      const { type, suffix } = memberType(depth);
      let attrs = '';
      if (chance(0.08)) attrs += ` __attribute__((aligned(${pick([1, 2, 4, 8, 16])})))`;
      if (chance(0.06)) attrs += ' __attribute__((packed))';
      lines.push(`${type} ${field}${suffix}${attrs};`);
      defines.push(`DEFINE(${name.toUpperCase()}_${field.toUpperCase()}, offsetof(${name}, ${path}${field}));`);
    }
    return lines;
  };

  for (let i = 0; i < count; i++) {
    const kind = chance(0.25) ? 'union' : 'struct';
    const name = `${kind} r${i}`;
    let pre = '';
    let post = '';
    if (chance(0.15)) pre = ' __attribute__((packed))';
    if (chance(0.12)) post = ` __attribute__((aligned(${pick([2, 8, 16, 64])})))`;
    const lines = body(name.replace(' ', '_'), '', 0).map((l) => `\t${l}`);
    out.push(`${kind}${pre} r${i} {`, ...lines, `}${post};`);
    // body() names the DEFINEs after `struct_rN`; point them at the real type.
    for (let k = 0; k < defines.length; k++) defines[k] = (defines[k] as string).replace(`offsetof(${kind}_r${i},`, `offsetof(${name},`);
    defines.push(`DEFINE(R${i}_SIZE, sizeof(${name}));`, `DEFINE(R${i}_ALIGN, _Alignof(${name}));`);
    records.push(name);
  }
  out.push('int main(void)', '{', ...defines.map((d) => `\t${d}`), '\treturn 0;', '}', '');
  return out.join('\n');
}
