/**
 * The linker's fast paths against their reference paths: number arithmetic for relocations
 * (applyFast) against the bigint `apply`, and the direct object reader (readPlainObject) against
 * the general one built on the ELF library (readObject). The reference paths are the ones the
 * differential tests hold to GNU ld; here each fast path must give the same bytes and sections or
 * decline, over every relocation type and over randomly damaged objects.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DiagnosticBag } from '../../common/diagnostics.js';
import { apply, applyFast, classify } from '../../linker/arch/ppc64.js';
import { readObject, readPlainObject, type SymbolTable } from '../../linker/input.js';
import type { Ctx, InputSection, ObjectFile } from '../../linker/types.js';
import { gnuAssemble, tempDir } from './gnu-tools.js';
import { uniform as rng } from '../helpers/random.js';

describe('applyFast gives the bytes apply gives, or declines', () => {
  it('for every relocation type, values around its range and anywhere below 2^52', () => {
    const rand = rng(0x5eed);
    const types = Array.from({ length: 256 }, (_, t) => t).filter((t) => classify(t) && classify(t)!.expr !== 'none');
    expect(types.length).toBeGreaterThan(40);
    let written = 0;
    let declined = 0;
    for (const type of types) {
      const how = classify(type)!;
      const values: number[] = [0, 1, 2, 3, 4, -1, -4, 0x7fff, 0x8000, -0x8000, -0x8001, 0xffff, 0x10000, 0x12345678, -0x12345678, 2 ** 40 + 4, -(2 ** 44), 2 ** 52 - 4, -(2 ** 52)];
      for (const edge of [how.min, how.max]) if (Number.isFinite(edge)) for (let d = -5; d <= 5; d++) values.push(edge + d);
      for (let k = 0; k < 60; k++) {
        const mag = 2 ** Math.floor(rand() * 53);
        values.push(Math.floor((rand() * 2 - 1) * mag));
      }
      for (const v of values) {
        if (!Number.isSafeInteger(v) || Math.abs(v) >= 2 ** 52) continue;
        // Random surroundings: the DS/DQ form and branch hints read the instruction being patched.
        const base = new Uint8Array(16);
        for (let i = 0; i < 16; i++) base[i] = Math.floor(rand() * 256);
        if (rand() < 0.3) base[4] = (rand() < 0.5 ? 56 : 61) << 2; // lq / lxv-stxv opcodes
        const a = base.slice();
        const b = base.slice();
        const at = 6;
        const msg = apply(new DataView(a.buffer), at, how, BigInt(v), type);
        const ok = applyFast(new DataView(b.buffer), at, how, v);
        expect(ok, `type ${type} value ${v}: ${msg ?? 'applied'}`).toBe(msg === undefined);
        if (ok) {
          expect([...b], `type ${type} value ${v}`).toEqual([...a]);
          written++;
        } else {
          expect([...b], `type ${type} value ${v}: nothing written when declining`).toEqual([...base]);
          declined++;
        }
      }
    }
    expect(written).toBeGreaterThan(1000);
    expect(declined).toBeGreaterThan(100);
  });
});

let objects: { name: string; bytes: Uint8Array }[] = [];

beforeAll(() => {
  const dir = tempDir('ppc64-ld-fast-');
  const inputs = join(import.meta.dirname, 'inputs');
  for (const n of ['hello', 'main', 'relocs', 'relocs2', 'opd', 'vectors', 'gc']) {
    objects.push({ name: n, bytes: gnuAssemble(dir, n, readFileSync(join(inputs, `${n}.s`), 'utf8')).bytes });
  }
  // An SHF_EXCLUDE section (never linked) and a NOBITS one next to code.
  const excl = ' .text\n .globl _start\n_start: blr\n .section .gnu.excl,"e"\n .byte 1\n .bss\n .space 64\n';
  objects.push({ name: 'exclude', bytes: gnuAssemble(dir, 'exclude', excl).bytes });
  // A COMDAT group: the fast reader leaves groups to the general one.
  const comdat = ' .section .text.f,"axG",@progbits,f,comdat\n .globl f\nf: blr\n .text\n .globl _start\n_start: bl f\n nop\n';
  objects.push({ name: 'comdat', bytes: gnuAssemble(dir, 'comdat', comdat).bytes });
  objects = objects.map((o) => ({ ...o, bytes: new Uint8Array(o.bytes) }));
});

const newFile = (name: string): ObjectFile => ({ name, path: name, member: undefined, eflags: 0, sections: [], symbols: [], order: 0 });
const newCtx = (): Ctx => ({ diags: new DiagnosticBag(), comdats: new Set<string>() }) as unknown as Ctx;

/** What a reader made of an object, as plain data. */
function describe_(file: ObjectFile, symtab: SymbolTable): unknown {
  const bytes = (dv: DataView, base: number, size: number): number[] => [...new Uint8Array(dv.buffer, dv.byteOffset + base, size)];
  const section = (s: InputSection | undefined): unknown =>
    s && {
      index: s.index, name: s.name, type: s.type, flags: s.flags, align: s.align, size: s.size, data: [...s.data],
      rela: s.rela && { name: s.rela.name, symbolCount: s.rela.symbolCount, bytes: bytes(s.rela.dv, s.rela.base, s.rela.size) },
    };
  return {
    eflags: file.eflags,
    sections: Array.from({ length: file.sections.length }, (_, i) => section(file.sections[i])),
    names: symtab.names,
    symbols: bytes(symtab.dv, symtab.base, symtab.names.length * 24),
  };
}

/** Both readers on one object: the fast one must decline or agree with the general one. Returns whether it agreed. */
function compare(bytes: Uint8Array, label: string): boolean {
  const fast = newFile('x.o');
  const fastTable = readPlainObject(bytes, fast);
  if (!fastTable) return false;
  const ctx = newCtx();
  const general = newFile('x.o');
  const read = readObject(ctx, bytes, general);
  expect(ctx.diags.items, `${label}: the general reader rejects what the fast one took`).toEqual([]);
  expect(read, label).toBeDefined();
  expect(read!.discarded.size, label).toBe(0);
  expect(describe_(fast, fastTable), label).toEqual(describe_(general, read!.symtab));
  return true;
}

describe('readPlainObject reads objects as readObject does, or declines', () => {
  it('takes ordinary objects and leaves COMDAT groups to the general reader', () => {
    for (const o of objects) expect(compare(o.bytes, o.name), o.name).toBe(o.name !== 'comdat');
  });

  it('agrees on randomly damaged objects (header bytes and any bytes)', () => {
    const rand = rng(42);
    let agreed = 0;
    let declined = 0;
    for (const o of objects) {
      const dv = new DataView(o.bytes.buffer, o.bytes.byteOffset, o.bytes.byteLength);
      const shoff = Number(dv.getBigUint64(40));
      const headers = o.bytes.length - shoff;
      for (let k = 0; k < 150; k++) {
        const b = o.bytes.slice();
        const flips = 1 + Math.floor(rand() * 3);
        for (let f = 0; f < flips; f++) {
          // Mostly section and ELF headers, where the two readers' checks live.
          const r = rand();
          const at = r < 0.5 ? shoff + Math.floor(rand() * headers) : r < 0.7 ? Math.floor(rand() * 64) : Math.floor(rand() * b.length);
          b[at] = rand() < 0.5 ? Math.floor(rand() * 256) : b[at]! ^ (1 << Math.floor(rand() * 8));
        }
        if (compare(b, `${o.name} variant ${k}`)) agreed++;
        else declined++;
      }
    }
    // Both outcomes must be exercised for the comparison to mean anything.
    expect(agreed).toBeGreaterThan(100);
    expect(declined).toBeGreaterThan(100);
  });
});
