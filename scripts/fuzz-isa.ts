/**
 * make fuzz-isa (node dist/scripts/fuzz-isa.js [count] [seed]): 100,000 seeded random words
 * and prefixed pairs, three ways against the GNU oracles:
 *   (b) our disassembler's text equals `powerpc64-linux-gnu-objdump -d -M power10`;
 *   (a) objdump's text assembled by our encoder equals GNU as's words;
 *   (a') the same text assembled by the ppc64-as front end (the real assembler: parsing,
 *        operand evaluation, the table) equals GNU as's words, and ppc64-as rejects exactly
 *        the lines GNU as rejects.
 * Prints mismatches and the mnemonic coverage; exit status 1 when anything differs.
 * Needs the GNU oracles (bash scripts/setup-deps.sh).
 */
import { assembleSources } from '../assembler/pipeline.js';
import { memoryHost } from '../common/host.js';
import { readElf } from '../elf/index.js';
import { fuzz, type FuzzReport } from '../isa/tools/fuzz-core.js';

/** (a'): the ppc64-as front end on objdump's text, against GNU as. */
export function frontEndMismatches(r: Pick<FuzzReport, 'lines'>): string[] {
  const out: string[] = [];
  const assemble = (lines: readonly { address: bigint; text: string }[]) =>
    assembleSources(
      [{ path: 'fuzz.s', text: lines.map((l) => `\t.org 0x${l.address.toString(16)}\n\t${l.text}`).join('\n') + '\n' }],
      { cpu: 'power10' },
      memoryHost({}),
    );
  const accepted = r.lines.filter((l) => l.gasWords);
  const res = assemble(accepted);
  const errors = res.diagnostics.filter((d) => d.severity === 'error');
  for (const e of errors) {
    const l = accepted[Math.floor(((e.loc?.line ?? 2) - 2) / 2)];
    out.push(`${l?.text ?? '?'}: GNU as accepts it, ppc64-as: ${e.message}`);
  }
  if (res.object) {
    const elf = readElf(res.object, 'fuzz.o');
    if ('error' in elf) return [...out, `our object is unreadable: ${elf.error}`];
    const text = elf.file.sections.find((s) => s.name === '.text')!.data;
    const view = new DataView(text.buffer, text.byteOffset, text.byteLength);
    for (const l of accepted) {
      const ours = l.gasWords!.map((_, i) => view.getUint32(Number(l.address) + 4 * i));
      const hex = (w: readonly number[]): string => w.map((x) => (x >>> 0).toString(16).padStart(8, '0')).join(' ');
      if (hex(ours) !== hex(l.gasWords!)) out.push(`${l.text}: gas ${hex(l.gasWords!)}, ppc64-as ${hex(ours)}`);
    }
  }
  for (const l of r.lines.filter((x) => x.gasError)) {
    const one = assemble([{ address: 0n, text: l.text }]);
    if (one.object) out.push(`${l.text}: GNU as rejects it ("${l.gasError}"), ppc64-as accepted it`);
  }
  return out;
}

function main(argv: readonly string[]): number {
  const total = Number(argv[0] ?? 100_000);
  const seed = Number(argv[1] ?? 1);
  const chunk = 10_000;
  const printMismatches: string[] = [];
  const encodeMismatches: string[] = [];
  const frontEnd: string[] = [];
  const coverage = new Map<string, number>();
  let decoded = 0;
  let assembled = 0;
  let gasRejected = 0;
  const started = Date.now();
  for (let done = 0, i = 0; done < total; done += chunk, i++) {
    const n = Math.min(chunk, total - done);
    const r = fuzz(seed * 1000 + i, n);
    printMismatches.push(...r.printMismatches);
    encodeMismatches.push(...r.encodeMismatches);
    frontEnd.push(...frontEndMismatches(r));
    for (const [m, c] of r.coverage) coverage.set(m, (coverage.get(m) ?? 0) + c);
    decoded += r.decoded;
    assembled += r.assembled;
    gasRejected += r.gasRejected;
  }
  const show = (title: string, list: string[]): void => {
    console.log(`${title}: ${list.length}`);
    for (const m of list.slice(0, 50)) console.log(`  ${m}`);
    if (list.length > 50) console.log(`  ... ${list.length - 50} more`);
  };
  console.log(`isa fuzz: ${total} instructions (seed ${seed}) in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  console.log(`decoded by objdump: ${decoded}; assembled by gas from objdump's text: ${assembled} (gas rejected ${gasRejected})`);
  show('printer mismatches (ours vs objdump -d -M power10)', printMismatches);
  show('encoder mismatches (our table encoder vs GNU as on objdump text)', encodeMismatches);
  show('assembler mismatches (ppc64-as vs GNU as on objdump text)', frontEnd);
  // Every mnemonic objdump printed was compared above; a mnemonic counts as matched when
  // none of its instructions had a printer mismatch.
  const bad = new Set(printMismatches.map((m) => /objdump "(\S+)/.exec(m)?.[1]).filter((x): x is string => !!x));
  const matched = [...coverage.keys()].filter((m) => !bad.has(m)).length;
  console.log(`mnemonic coverage: GNU objdump printed ${coverage.size} distinct mnemonics on this corpus; ours printed the same text for ${matched} of them`);
  return printMismatches.length || encodeMismatches.length || frontEnd.length ? 1 : 0;
}

if (process.argv[1] && /fuzz-isa\.js$/.test(process.argv[1])) process.exitCode = main(process.argv.slice(2));
