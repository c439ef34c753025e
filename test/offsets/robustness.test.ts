/**
 * Bad input never crashes the generator: seeded random edits of real declaration files and
 * pathological nesting all end in diagnostics (or a header), never an exception or a hang.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { memoryHost } from '../../common/host.js';
import { formatDiagnostic } from '../../common/diagnostics.js';
import { generateOffsets } from '../../offsets/index.js';

const FILES: Record<string, string> = {
  'a.c': readFileSync('offsets/asm-offsets.c', 'utf8'),
  'inc/kvm_host.h': readFileSync('offsets/include/kvm_host.h', 'utf8'),
  'inc/kvm_types.h': readFileSync('offsets/include/kvm_types.h', 'utf8'),
  'inc/kbuild.h': readFileSync('offsets/include/kbuild.h', 'utf8'),
  'u.c': readFileSync('test/offsets/fixtures/unusual.c', 'utf8'),
};
const PIECES = ['{', '}', '(', ')', '[', ']', ';', ',', '*', '#', '##', '#define X', '#if', '#endif', 'struct', 'union', 'enum', 'typedef',
  '__attribute__((', 'aligned', 'packed', '0', '-1', '99999999999999999999', 'sizeof', 'offsetof(', '.', '->', '"', "'", '/*', '\\\n', '\n',
  'DEFINE(', 'int', 'u8', ':', '?', '...', '__VA_ARGS__', '@', '\u00e9'];

function lcg(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) & 0x7fffffff;
    return s / 0x7fffffff;
  };
}

describe('offsets robustness', () => {
  it('random edits give diagnostics or a header, never an exception', () => {
    const rnd = lcg(20250401);
    let withErrors = 0;
    for (let i = 0; i < 400; i++) {
      const key = (['a.c', 'inc/kvm_host.h', 'u.c', 'inc/kbuild.h'] as const)[Math.floor(rnd() * 4)] as string;
      let text = FILES[key] as string;
      for (let k = 0, n = 1 + Math.floor(rnd() * 4); k < n; k++) {
        const at = Math.floor(rnd() * text.length);
        const op = rnd();
        if (op < 0.4) text = text.slice(0, at) + text.slice(at + 1 + Math.floor(rnd() * 20));
        else if (op < 0.8) text = text.slice(0, at) + PIECES[Math.floor(rnd() * PIECES.length)] + text.slice(at);
        else {
          const b = Math.floor(rnd() * text.length);
          text = text.slice(0, at) + text.slice(b, b + 30) + text.slice(at);
        }
      }
      const r = generateOffsets(key === 'u.c' ? 'u.c' : 'a.c', { includeDirs: ['inc'] }, memoryHost({ ...FILES, [key]: text }));
      const errors = r.diagnostics.filter((d) => d.severity === 'error');
      expect(r.header === undefined, `run ${i}`).toBe(errors.length > 0);
      for (const d of errors) expect(formatDiagnostic(d)).toMatch(/^(\S+:\d+:\d+: )?error: /);
      if (errors.length) withErrors++;
    }
    expect(withErrors).toBeGreaterThan(200); // the edits do break things
  });

  it('absurd nesting and exponential macros end in a diagnostic', () => {
    const deep = `int main(void) { DEFINE(X, ${'('.repeat(3000)}1${')'.repeat(3000)}); }\n`;
    const r1 = generateOffsets('a.c', { includeDirs: [] }, memoryHost({ 'a.c': deep }));
    expect(r1.diagnostics.map((d) => formatDiagnostic(d))).toEqual(['a.c:1:156: error: nesting too deep (more than 256 levels)']);
    let macros = '#define A0 x\n';
    for (let i = 1; i < 30; i++) macros += `#define A${i} A${i - 1} A${i - 1}\n`;
    const r2 = generateOffsets('a.c', { includeDirs: [] }, memoryHost({ 'a.c': `${macros}A29\n` }));
    expect(r2.header).toBeUndefined();
    expect(formatDiagnostic(r2.diagnostics[0] as never)).toMatch(/^a\.c:31:1: error: macro expansion produces more than \d+ tokens/);
  });
});
