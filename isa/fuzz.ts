/**
 * `make fuzz-isa` (node dist/isa/fuzz.js [count] [seed]): 100,000 seeded random words and
 * prefixed pairs through GNU objdump and our decoder/printer, and objdump's text through
 * GNU as and our encoder. Prints mismatches and the mnemonic coverage; exit status 1 when
 * anything differs. Needs the GNU oracles (bash scripts/setup-deps.sh).
 */
import { allVariants } from './index.js';
import { fuzz } from './tools/fuzz-core.js';

function main(argv: readonly string[]): number {
  const total = Number(argv[0] ?? 100_000);
  const seed = Number(argv[1] ?? 1);
  const chunk = 10_000;
  const printMismatches: string[] = [];
  const encodeMismatches: string[] = [];
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
    for (const [m, c] of r.coverage) coverage.set(m, (coverage.get(m) ?? 0) + c);
    decoded += r.decoded;
    assembled += r.assembled;
    gasRejected += r.gasRejected;
  }
  const printable = new Set(allVariants().filter((v) => (v as { print?: boolean }).print !== false).map((v) => v.mnemonic));
  const seen = [...coverage.keys()];
  const show = (title: string, list: string[]): void => {
    console.log(`${title}: ${list.length}`);
    for (const m of list.slice(0, 50)) console.log(`  ${m}`);
    if (list.length > 50) console.log(`  ... ${list.length - 50} more`);
  };
  console.log(`isa fuzz: ${total} instructions (seed ${seed}) in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  console.log(`decoded by objdump: ${decoded}; assembled by gas from objdump's text: ${assembled} (gas rejected ${gasRejected})`);
  show('printer mismatches (ours vs objdump -d -M power10)', printMismatches);
  show('encoder mismatches (ours vs GNU as on objdump text)', encodeMismatches);
  console.log(`mnemonic coverage: ${seen.length} distinct mnemonics seen, of ${printable.size} printable spellings in the table`);
  return printMismatches.length || encodeMismatches.length ? 1 : 0;
}

process.exitCode = main(process.argv.slice(2));
