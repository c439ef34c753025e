/**
 * `-a` listing: every allocated section of the object as offset, bytes and (for code)
 * the instruction the shared ISA table decodes there.
 */
import { readElf, SHF_ALLOC, SHF_EXECINSTR, SHT_NOBITS } from '../elf/index.js';
import { decode, format } from '../isa/index.js';

export function listing(object: Uint8Array, inputs: readonly string[]): string {
  const r = readElf(object, 'object');
  if ('error' in r) return `listing unavailable: ${r.error}\n`;
  const lines: string[] = [`ppc64-as listing of ${inputs.join(' ')}`, ''];
  for (const s of r.file.sections) {
    if ((s.flags & SHF_ALLOC) === 0n) continue;
    lines.push(`section ${s.name} (${s.size} bytes)`);
    if (s.type === SHT_NOBITS) {
      lines.push('');
      continue;
    }
    const code = (s.flags & SHF_EXECINSTR) !== 0n;
    const step = code ? 4 : 16;
    for (let off = 0; off < s.data.length; off += step) {
      const bytes = s.data.subarray(off, Math.min(off + step, s.data.length));
      const hex = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join(' ');
      let text = '';
      if (code && bytes.length === 4) {
        const word = ((bytes[0]! << 24) | (bytes[1]! << 16) | (bytes[2]! << 8) | bytes[3]!) >>> 0;
        const d = decode(word);
        text = d ? format(d, BigInt(off)) : `.long 0x${word.toString(16)}`;
      }
      lines.push(`${off.toString(16).padStart(8, ' ')}:  ${hex.padEnd(code ? 12 : 48)}  ${text}`.trimEnd());
    }
    lines.push('');
  }
  return lines.join('\n');
}
