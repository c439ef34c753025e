/**
 * Differential tests of the offsets generator against powerpc64-linux-gnu-gcc (kbuild's marker
 * technique, see gcc-oracle.ts): the project's own declarations, a fixture of unusual layouts,
 * and a batch of seeded random structs. Plus the `make offsets-check` condition: the committed
 * header is exactly what the declarations give.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { nodeHost } from '../../common/node-host.js';
import { formatDiagnostic } from '../../common/diagnostics.js';
import { generateOffsets, type GenerateResult } from '../../offsets/index.js';
import { asGccPrints, gccMarkers, type OracleLine } from './gcc-oracle.js';
import { randomStructs } from './random-structs.js';
import { memoryHost } from '../../common/host.js';

const INCLUDE = 'offsets/include';
const DECLS = 'offsets/asm-offsets.c';
const HEADER = 'offsets/generated/asm-offsets.h';

function ok(r: GenerateResult): GenerateResult & { header: string } {
  const errors = r.diagnostics.filter((d) => d.severity === 'error').map((d) => formatDiagnostic(d));
  expect(errors).toEqual([]);
  expect(r.header).toBeDefined();
  return r as GenerateResult & { header: string };
}

/** Our lines in the oracle's shape, values printed the way gcc prints them. */
function ourLines(r: GenerateResult): OracleLine[] {
  const byName = new Map(r.constants.map((c) => [c.name, c]));
  const lines: OracleLine[] = [];
  for (const raw of (r.header ?? '').split('\n').slice(4, -3)) {
    const m = /^#define (\S+) /.exec(raw);
    if (m) {
      const c = byName.get(m[1] as string);
      if (!c) throw new Error(`header line without a constant: ${raw}`);
      lines.push({ kind: 'define', name: c.name, value: asGccPrints(c.value, c.type.size), text: c.text });
    } else if (raw === '') lines.push({ kind: 'blank' });
    else lines.push({ kind: 'comment', text: raw.replace(/^\/\* (.*) \*\/$/, '$1') });
  }
  return lines;
}

describe('offsets vs powerpc64-linux-gnu-gcc', () => {
  it('the project declarations give the same constants, in the same order, with the same text', () => {
    const r = ok(generateOffsets(DECLS, { includeDirs: [INCLUDE] }, nodeHost));
    const gcc = gccMarkers({ path: DECLS }, [INCLUDE]);
    expect(gcc.filter((l) => l.kind === 'define').length).toBeGreaterThan(40);
    expect(ourLines(r)).toEqual(gcc);
    // In the project's own header every value is what gcc prints, without reinterpretation.
    for (const c of r.constants) expect(c.value, c.name).toBe(asGccPrints(c.value, c.type.size));
  });

  it('defines every name the trampoline protocol lists (§Data)', () => {
    const r = ok(generateOffsets(DECLS, { includeDirs: [INCLUDE] }, nodeHost));
    const names = new Set(r.constants.map((c) => c.name));
    const required = [
      ...Array.from({ length: 14 }, (_, n) => `PACA_KVM_R${n}`),
      'PACA_KVM_CR', 'PACA_KVM_XER', 'PACA_KVM_HOST_R1', 'PACA_KVM_HOST_R2', 'PACA_KVM_VMHANDLER', 'PACA_KVM_RMHANDLER',
      'PACA_KVM_SCRATCH0', 'PACA_KVM_SCRATCH1', 'PACA_KVM_IN_GUEST', 'PACA_KVM_SLB', 'PACA_KVM_SLB_MAX', 'VCPU_GPRS',
      'VCPU_PC', 'VCPU_SHADOW_MSR', 'VCPU_MSR', 'VCPU_CTR', 'VCPU_LR', 'VCPU_HFLAGS', 'VCPU_HOST_MSR', 'VCPU_HOST_RETIP',
      'VCPU_HIGHMEM_HANDLER', 'VCPU_TRAMPOLINE_ENTER', 'VCPU_TRAMPOLINE_LOWMEM', 'VCPU_LAST_INST', 'VCPU_FAULT_DEAR',
      'VCPU_FAULT_DSISR', 'PACA_SIZE', 'VCPU_SIZE', 'PACA_SELF', 'PACA_KVM_SLB_SIZE', 'VCPU_STAT_SUM_EXITS',
    ];
    expect(required.filter((n) => !names.has(n))).toEqual([]);
    // The shadow vcpu is one block: r0..r13 contiguous doublewords, CR and XER words after them.
    const v = (n: string): bigint => r.constants.find((c) => c.name === n)?.value ?? -1n;
    for (let n = 1; n < 14; n++) expect(v(`PACA_KVM_R${n}`) - v(`PACA_KVM_R${n - 1}`)).toBe(8n);
    expect(v('PACA_KVM_CR')).toBe(v('PACA_KVM_R13') + 8n);
    expect(v('PACA_KVM_XER')).toBe(v('PACA_KVM_CR') + 4n);
  });

  it('the committed header is up to date (make offsets-check)', () => {
    const r = ok(generateOffsets(DECLS, { includeDirs: [INCLUDE] }, nodeHost));
    const committed = readFileSync(HEADER, 'utf8');
    expect(committed, 'offsets/generated/asm-offsets.h is stale: run `make offsets`').toBe(r.header);
    // Only what cpp in assembler-with-cpp mode may include: the guard, #defines, comments.
    for (const line of committed.split('\n')) expect(line).toMatch(/^(|#ifndef \w+|#define \w+|#define \w+ \S+( \/\*.*\*\/)?|#endif \/\* \w+ \*\/|\/\*.*\*\/)$/);
  });

  it('unusual layouts (padding, unions, packed, aligned, nested arrays, enums) match gcc', () => {
    const fixture = 'test/offsets/fixtures/unusual.c';
    const r = ok(generateOffsets(fixture, { includeDirs: [INCLUDE] }, nodeHost));
    const gcc = gccMarkers({ path: fixture }, [INCLUDE]);
    expect(gcc.filter((l) => l.kind === 'define').length).toBeGreaterThan(90);
    expect(ourLines(r)).toEqual(gcc);
    // Where gcc's printing and the C value differ, the header carries the C value.
    const value = (n: string): bigint | undefined => r.constants.find((c) => c.name === n)?.value;
    expect(value('AR_UNSIGNED_TOP')).toBe(0xffffffffn);
    expect(value('AR_MINUS_ONE_UL')).toBe(0xffffffffffffffffn);
    expect(value('AR_NARROW')).toBe(44n);
    expect(r.header).toContain('#define EN_NEG (-3) /* N_MINUS */');
  });

  it('seeded random structs match gcc member by member', () => {
    const source = randomStructs(20250401, 60);
    const r = ok(generateOffsets('random.c', { includeDirs: [] }, memoryHost({ 'random.c': source, 'kbuild.h': readFileSync(`${INCLUDE}/kbuild.h`, 'utf8') })));
    const gcc = gccMarkers({ source }, [INCLUDE]);
    expect(gcc.filter((l) => l.kind === 'define').length).toBeGreaterThan(300);
    expect(ourLines(r)).toEqual(gcc);
  });
});
