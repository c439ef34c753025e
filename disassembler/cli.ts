/**
 * ppc64-objdump: `ppc64-objdump -d [-M power10|power9|…|any|raw] [-j SECTION] FILE…`
 * prints what `powerpc64-linux-gnu-objdump -d -M power10` prints for the executable
 * sections (-D: all sections with contents). Only argv parsing and I/O live here.
 */
import { nodeHost } from '../common/node-host.js';
import { isCpu, type Cpu } from '../isa/index.js';
import { disassemble, type DisassembleOptions } from './index.js';

const TOOL = 'ppc64-objdump';

const USAGE = `Usage: ${TOOL} <option(s)> <file(s)>
 Display information from object <file(s)>.
  -d, --disassemble        Display assembler contents of executable sections
  -D, --disassemble-all    Display assembler contents of all sections
  -M, --disassembler-options=OPT[,OPT]
                           power4 … power10, any: the CPU dialect (default power10);
                           raw: base mnemonics only, every operand printed
  -j, --section=NAME       Only display information for section NAME
  -h, --help               Display this information
  -V, --version            Display this program's version number
`;
const VERSION = `${TOOL} (ppc64-toolchain) 0.1.0: a disassembler for 64-bit PowerPC driven by the shared instruction table\n`;

interface Parsed {
  readonly files: string[];
  readonly opts: { cpu?: Cpu; raw?: boolean; all?: boolean; sections?: string[] };
  readonly action: boolean;
  readonly help: boolean;
  readonly version: boolean;
  readonly errors: string[];
}

function parseArgs(argv: readonly string[]): Parsed {
  const files: string[] = [];
  const errors: string[] = [];
  const sections: string[] = [];
  let cpu: Cpu | undefined;
  let raw = false;
  let all = false;
  let action = false;
  let help = false;
  let version = false;
  const dialect = (list: string): void => {
    for (const o of list.split(',').filter((x) => x !== '')) {
      if (o === 'raw') raw = true;
      else if (isCpu(o)) cpu = o;
      else errors.push(`unrecognized disassembler option: ${o}`);
    }
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '-d' || a === '--disassemble') action = true;
    else if (a === '-D' || a === '--disassemble-all') (action = true), (all = true);
    else if (a === '-h' || a === '--help') help = true;
    else if (a === '-V' || a === '--version') version = true;
    else if (a === '-M' || a === '-j') {
      const v = argv[++i];
      if (v === undefined) errors.push(`option requires an argument -- '${a.slice(1)}'`);
      else if (a === '-M') dialect(v);
      else sections.push(v);
    } else if (a.startsWith('--disassembler-options=')) dialect(a.slice('--disassembler-options='.length));
    else if (a.startsWith('-M')) dialect(a.slice(2));
    else if (a.startsWith('--section=')) sections.push(a.slice('--section='.length));
    else if (a.startsWith('-j')) sections.push(a.slice(2));
    else if (a.startsWith('-') && a !== '-') errors.push(`unrecognized option '${a}'`);
    else files.push(a);
  }
  const opts: Parsed['opts'] = {
    ...(cpu ? { cpu } : {}),
    ...(raw ? { raw } : {}),
    ...(all ? { all } : {}),
    ...(sections.length ? { sections } : {}),
  };
  return { files, opts, action, help, version, errors };
}

export async function main(argv: readonly string[]): Promise<number> {
  const p = parseArgs(argv);
  if (p.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  if (p.version) {
    process.stdout.write(VERSION);
    return 0;
  }
  for (const e of p.errors) process.stderr.write(`${TOOL}: ${e}\n`);
  if (p.errors.length) return 1;
  if (!p.action) {
    process.stderr.write(USAGE);
    return 1;
  }
  const files = p.files.length ? p.files : ['a.out'];
  let status = 0;
  for (const f of files) {
    const bytes = nodeHost.readFile(f);
    if (!bytes) {
      process.stderr.write(`${TOOL}: '${f}': No such file\n`);
      status = 1;
      continue;
    }
    const r = disassemble(bytes, f, p.opts as DisassembleOptions);
    if ('error' in r) {
      process.stderr.write(`${TOOL}: ${r.error}\n`);
      status = 1;
      continue;
    }
    process.stdout.write(r.text);
  }
  return status;
}
