/** The -Map file: extracted archive members, discarded sections, and the memory map with symbols. */
import { SHT_NOBITS } from '../elf/constants.js';
import { symbolAddress } from './symbols.js';
import type { Ctx, OutputSection, Sym } from './types.js';

const h16 = (v: bigint): string => `0x${v.toString(16).padStart(16, '0')}`;
const hx = (v: bigint): string => `0x${v.toString(16)}`;

export function writeMap(ctx: Ctx, outputs: OutputSection[], entry: bigint): string {
  const lines: string[] = [];
  if (ctx.archiveLog.length) {
    lines.push('Archive member included to satisfy reference by file (symbol)', '');
    for (const a of ctx.archiveLog) lines.push(`${a.member.padEnd(30)} (${a.symbol})`);
    lines.push('');
  }
  const gone: string[] = [];
  for (const f of ctx.files) {
    for (const s of f.sections) {
      if (!s || s.size === 0n) continue;
      if (s.discarded || !s.live) gone.push(` ${s.name.padEnd(15)} ${h16(0n)} ${hx(s.size).padStart(10)} ${f.name}${s.discarded ? '' : ' (garbage collected)'}`);
    }
  }
  if (gone.length) lines.push('Discarded input sections', '', ...gone, '');
  lines.push('Linker script and memory map', '', `Entry point ${h16(entry)}`, '');

  // Symbols by the section they are defined in, sorted by address.
  const bySection = new Map<unknown, Sym[]>();
  const add = (key: unknown, s: Sym): void => {
    const l = bySection.get(key);
    if (l) l.push(s);
    else bySection.set(key, [s]);
  };
  for (const s of ctx.globals.values()) {
    if (s.kind !== 'defined' && s.kind !== 'common') continue;
    if (s.scriptSection !== undefined) add(s.scriptSection ?? 'abs', s);
    else if (s.section?.out?.exists && s.section.live) add(s.section, s);
    else if (!s.section) add('abs', s);
  }
  const symLines = (key: unknown): string[] =>
    (bySection.get(key) ?? [])
      .map((s) => ({ s, a: symbolAddress(s) }))
      .sort((x, y) => (x.a < y.a ? -1 : x.a > y.a ? 1 : 0))
      .map(({ s, a }) => `${''.padEnd(16)}${h16(a)}                ${s.name}`);

  for (const o of outputs) {
    if (!o.exists) continue;
    const load = o.lma !== o.addr ? ` load address ${h16(o.lma)}` : '';
    lines.push(`${o.name.padEnd(15)} ${h16(o.addr)} ${hx(o.size).padStart(10)}${load}${o.type === SHT_NOBITS ? ' (NOBITS)' : ''}`);
    for (const p of o.pieces) {
      if (p.kind === 'input') {
        const s = p.section;
        const from = s.synthetic ? `${s.file.name} (linker created)` : s.file.name;
        lines.push(` ${s.name.padEnd(14)} ${h16(o.addr + s.offset)} ${hx(s.size).padStart(10)} ${from}`);
        for (const l of symLines(s)) lines.push(l);
      } else if (p.kind === 'data') {
        lines.push(` ${(['', 'BYTE', 'SHORT', '', 'LONG', '', '', '', 'QUAD'][p.size] ?? 'DATA').padEnd(14)} ${h16(o.addr + p.offset)} ${hx(BigInt(p.size)).padStart(10)} ${hx(p.value)}`);
      }
    }
    for (const l of symLines(o)) lines.push(l);
    lines.push('');
  }
  const abs = symLines('abs');
  if (abs.length) lines.push('Absolute symbols', '', ...abs, '');
  return lines.join('\n') + '\n';
}
