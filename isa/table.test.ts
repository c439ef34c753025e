/**
 * Table integrity (no GNU tools needed): base rows do not overlap on any CPU, every
 * variant round-trips encode → decode → format → parse → encode, and the API's
 * contract details (optional operands, error messages, fields, hints) hold.
 */
import { describe, expect, it } from 'vitest';
import { available, CPUS, type CpuReq } from './cpu.js';
import { TABLE } from './table.js';
import type { Row } from './compile.js';
import { allVariants, decode, encode, format, lookup, presentOperands, type Cpu } from './index.js';
import { assembleLine } from './tools/asm-line.js';

function overlap(a: Row, b: Row): boolean {
  if (a.size !== b.size) return false;
  for (let i = 0; i < a.mask.length; i++) {
    const common = (a.mask[i]! & b.mask[i]!) >>> 0;
    if (((a.match[i]! ^ b.match[i]!) & common) >>> 0 !== 0) return false;
  }
  return true;
}

const sharedCpu = (a: CpuReq, b: CpuReq): Cpu | undefined => CPUS.find((c) => available(a, c) && available(b, c));

/** Valid values for each operand: aligned, distinct registers; `alt` picks another set (lmw, one-bit masks). */
function sampleValues(v: Row, alt: number): bigint[] {
  return v.ops.map((op, i) => {
    if (op.dflt !== undefined) return op.dflt;
    const a = BigInt(op.align);
    let x = op.kind === 'target' ? 8n : alt === 0 ? BigInt(4 + 2 * i) : BigInt(28 - 8 * i);
    if (op.kind === 'acc') x = 7n;
    if (op.kind === 'vsr') x = BigInt(34 + 2 * i);
    if (op.zeroIs !== undefined || op.invalid) x = 8n; // NB, one-bit masks
    x -= x % a;
    if (x < op.min) x = op.min;
    if (x > op.max) x = op.max - (op.max % a);
    return x;
  });
}

describe('table integrity', () => {
  it('has no two base rows with overlapping encodings on a common CPU', () => {
    const rows = TABLE.baseRows;
    const clashes: string[] = [];
    for (let i = 0; i < rows.length; i++) {
      for (let j = i + 1; j < rows.length; j++) {
        const a = rows[i]!;
        const b = rows[j]!;
        if (a.match[0]! >>> 26 !== b.match[0]! >>> 26) continue;
        if (overlap(a, b) && sharedCpu(a.cpu, b.cpu)) clashes.push(`${a.mnemonic} / ${b.mnemonic}`);
      }
    }
    expect(clashes).toEqual([]);
  });

  it('round-trips every variant: encode → decode → format → parse → same words', () => {
    const failures: string[] = [];
    for (const v of TABLE.rows) {
      const cpu: Cpu = CPUS.find((c) => available(v.cpu, c)) ?? 'power10';
      if (!v.asm) continue; // printer-only spellings
      let e = encode(v, sampleValues(v, 0), { cpu });
      if (!e.ok) e = encode(v, sampleValues(v, 1), { cpu });
      if (!e.ok) {
        failures.push(`${v.mnemonic}: encode failed: ${e.message}`);
        continue;
      }
      const d = decode(e.words[0]!, e.words[1], { cpu: 'any' });
      if (!d) {
        failures.push(`${v.mnemonic}: ${e.words.map((w) => w.toString(16)).join(' ')} does not decode`);
        continue;
      }
      if (d.variant.id !== v.id) failures.push(`${v.mnemonic}: decodes as ${d.variant.mnemonic} (id ${d.variant.id})`);
      const text = format(d, 0x1000n).replace(/\t#.*$/, '');
      const back = assembleLine(text.replace(/\b(?:r|f|vs|v|a)(\d+)\b/g, '$1').replace(/0x([0-9a-f]+)/, (_, h: string) => `.+${BigInt(`0x${h}`) - 0x1000n}`), 0x1000n, cpu);
      if (!back.ok || back.words.join() !== e.words.join()) failures.push(`${v.mnemonic}: "${text}" re-encodes as ${back.ok ? back.words.map((w) => w.toString(16)).join(' ') : back.message}`);
    }
    expect(failures.slice(0, 30)).toEqual([]);
  });

  it('every variant id is a base row id (the simulator keys on it)', () => {
    const ids = new Set(TABLE.baseRows.map((r) => r.id));
    expect(allVariants().filter((v) => !ids.has(v.id)).map((v) => v.mnemonic)).toEqual([]);
  });
});

describe('API contract', () => {
  it('drops optional operands as gas does', () => {
    const cmpwi = lookup('cmpwi')![0]!;
    expect(presentOperands(cmpwi, 2)).toEqual([false, true, true]);
    expect(presentOperands(cmpwi, 3)).toEqual([true, true, true]);
    expect(presentOperands(cmpwi, 1)).toBeUndefined();
    expect(presentOperands(cmpwi, 4)).toBeUndefined();
  });

  it('reports ranges and alignment in the message', () => {
    const addi = lookup('addi')![0]!;
    const r = encode(addi, [3n, 4n, 40000n]);
    expect(r).toEqual({ ok: false, operand: 2, message: 'operand out of range (40000 is not between -32768 and 32767)' });
    const ld = lookup('ld')![0]!;
    expect(encode(ld, [3n, 6n, 1n])).toMatchObject({ ok: false, operand: 1, message: 'operand out of range (6 is not a multiple of 4)' });
    const ldu = lookup('ldu')![0]!;
    expect(encode(ldu, [3n, 8n, 3n])).toMatchObject({ ok: false, message: 'invalid register operand when updating' });
  });

  it('gives raw base fields by ISA name, SPR un-swapped', () => {
    const d = decode(0x7c7a03a6)!; // mtsrr0 r3
    expect(d.variant.mnemonic).toBe('mtsrr0');
    expect(d.variant.id).toBe('mtspr');
    expect(d.fields).toMatchObject({ PO: 31, RS: 3, SPR: 26, XO: 467 });
    const add = decode(0x7c642a15)!; // add. r3,r4,r5
    expect(add.fields).toMatchObject({ RT: 3, RA: 4, RB: 5, OE: 0, Rc: 1, XO: 266 });
    expect(add.variant.rc).toBe(true);
  });

  it('encodes branch hints per CPU (y bit before POWER4, at bits after)', () => {
    const beq = lookup('beq')![0]!;
    const word = (cpu: Cpu, hint: '+' | '-', disp: bigint): number => {
      const r = encode(beq, [undefined, disp], { hint, cpu });
      if (!r.ok) throw new Error(r.message);
      return r.words[0]!;
    };
    expect(word('ppc64', '+', 8n).toString(16)).toBe('41a20008');
    expect(word('ppc64', '+', -8n).toString(16)).toBe('4182fff8');
    expect(word('power10', '+', 8n).toString(16)).toBe('41e20008');
    expect(word('power10', '-', -8n).toString(16)).toBe('41c2fff8');
  });

  it('encodes prefixed instructions and their PC-relative forms', () => {
    const [pcrel, base] = lookup('pld')!;
    expect(pcrel!.operands.map((o) => o.fixup ?? '')).toEqual(['', 'pcrel34']);
    const r = encode(base!, [3n, 8n, 4n, undefined]);
    expect(r).toEqual({ ok: true, words: [0x04000000, 0xe4640008] });
    expect(encode(pcrel!, [3n, 8n])).toEqual({ ok: true, words: [0x04100000, 0xe4600008] });
    expect(format(decode(0x04100000, 0xe4600008)!, 0x10n)).toBe('pld     r3,8\t# 18');
  });
});
