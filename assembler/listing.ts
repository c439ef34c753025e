/**
 * `-a` listing in GNU as's layout: the source line number, the offset in its section and
 * up to four bytes per row (more rows for longer output), then the source text. Bytes are
 * the final ones, after fixups were applied.
 */
import type { ListingLine } from './assembler.js';

export function formatListing(lines: readonly ListingLine[], title: string): string {
  const out: string[] = [`PPC64-AS LISTING ${title}`, '', ''];
  for (const l of lines) {
    const rows: string[] = [];
    for (const p of l.pieces) {
      const bytes = p.chunk.buf.bytes;
      for (let off = p.start; off < p.end; off += 4) {
        const hex = [...bytes.subarray(off, Math.min(off + 4, p.end))].map((b) => b.toString(16).padStart(2, '0')).join('');
        const addr = rows.length === 0 ? (p.chunk.base + off).toString(16).padStart(4, '0') : '    ';
        rows.push(`${addr} ${hex.padEnd(8)}`);
      }
    }
    const num = String(l.line).padStart(4);
    if (rows.length === 0) out.push(`${num}              \t${l.text}`);
    else rows.forEach((r, i) => out.push(`${num} ${r} ${i === 0 ? `\t${l.text}` : ''}`.trimEnd()));
  }
  return out.join('\n') + '\n';
}
