/**
 * Generator of instruction snippets for the per-instruction differential test (issue item 4b).
 *
 * Each snippet loads r0 and r3..r8, CR and XER from a table of random values (biased towards
 * carries, overflows and sign edges), executes ONE instruction word produced by the shared isa
 * encoder with random operands (every rotate mask shape, every shift amount, record and OE
 * forms, every compare field), and prints r0 r3..r8 CR XER. Branch snippets print whether the
 * branch was taken and CTR/LR afterwards; load/store snippets also print the 64-byte buffer.
 * The whole set runs twice, in 64-bit and in 32-bit mode. qemu is the oracle: its console and
 * the simulator's must be identical.
 */
import { encode, lookup } from '../../isa/index.js';

/** Deterministic 32-bit PRNG (mulberry32). */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  };
}

const M64 = (1n << 64n) - 1n;
const SPECIAL: readonly bigint[] = [
  0n, 1n, 2n, 3n, M64, M64 - 1n, 0x7fffffffn, 0x80000000n, 0xffffffffn, 0x100000000n, 0x7fffffffffffffffn,
  0x8000000000000000n, 0xffffffff80000000n, 0xffffffff7fffffffn, 0x00000000ffff8000n, 0xffffffffffff8000n,
  0x7fffn, 0x8000n, 0xffffn, 31n, 32n, 33n, 63n, 64n, 65n, 127n, 0x5555555555555555n, 0xaaaaaaaaaaaaaaaan,
];

export interface Gen {
  next: () => number;
  int: (lo: number, hi: number) => number;
  pick: <T>(xs: readonly T[]) => T;
  value: () => bigint;
}

export function makeGen(seed: number): Gen {
  const next = rng(seed);
  const int = (lo: number, hi: number): number => lo + (next() % (hi - lo + 1));
  const pick = <T>(xs: readonly T[]): T => xs[next() % xs.length]!;
  const value = (): bigint => {
    const k = next() % 8;
    const r64 = (BigInt(next()) << 32n) | BigInt(next());
    if (k <= 2) return pick(SPECIAL);
    if (k === 3) return BigInt.asUintN(64, BigInt(next() | 0)); // sign-extended word
    if (k === 4) return BigInt(next()); // zero-extended word
    if (k === 5) return BigInt(int(0, 130)); // shift amounts, small counts
    if (k === 6) return (pick(SPECIAL) + BigInt(int(-2, 2))) & M64; // near an edge
    return r64;
  };
  return { next, int, pick, value };
}

const hex = (v: bigint): string => `0x${v.toString(16)}`;

/** A word for `mnemonic` with the given operand values, through the shared encoder. */
export function word(mnemonic: string, values: readonly bigint[]): number | undefined {
  const rows = lookup(mnemonic);
  if (!rows) return undefined;
  for (const row of rows) {
    if (row.operands.length !== values.length) continue;
    const r = encode(row, values);
    if (r.ok && r.words.length === 1) return r.words[0]!;
  }
  return undefined;
}

const REGS = [0n, 3n, 4n, 5n, 6n, 7n, 8n];

/** Random operands for an ALU row: registers among r0/r3..r8, immediates over their range. */
function aluOperands(g: Gen, mnemonic: string): bigint[] | undefined {
  const rows = lookup(mnemonic);
  if (!rows) return undefined;
  const row = rows[0]!;
  return row.operands.map((op) => {
    switch (op.kind) {
      case 'gpr':
      case 'gpr0':
        return g.pick(REGS);
      case 'crf':
        return BigInt(g.int(0, 7));
      case 'crbit':
        return BigInt(g.int(0, 31));
      default: {
        if (op.name === 'FXM' && (mnemonic === 'mtocrf' || mnemonic === 'mfocrf')) return BigInt(1 << g.int(0, 7));
        const lo = Number(op.min);
        const hi = Number(op.max);
        const k = g.next() % 6;
        if (k === 0) return op.min;
        if (k === 1) return op.max;
        if (k === 2 && lo <= 0 && hi >= 0) return BigInt(g.int(Math.max(lo, -2), Math.min(hi, 2)));
        return BigInt(g.int(lo, hi));
      }
    }
  });
}

const withForms = (base: string[], rc: boolean, oe: boolean): string[] =>
  base.flatMap((m) => [m, ...(rc ? [`${m}.`] : []), ...(oe ? [`${m}o`] : []), ...(rc && oe ? [`${m}o.`] : [])]);

/** The ALU mnemonics exercised (every spelling the table must have; missing ones are reported). */
export const ALU_MNEMONICS: readonly string[] = [
  ...withForms(['add', 'addc', 'adde', 'subf', 'subfc', 'subfe', 'mullw', 'mulld', 'divw', 'divwu', 'divd', 'divdu'], true, true),
  ...withForms(['addme', 'addze', 'subfme', 'subfze', 'neg'], true, true),
  ...withForms(['mulhw', 'mulhwu', 'mulhd', 'mulhdu'], true, false),
  ...withForms(['divwe', 'divweu', 'divde', 'divdeu'], true, true),
  'modsw', 'moduw', 'modsd', 'modud',
  'addi', 'addis', 'addic', 'addic.', 'subfic', 'mulli',
  ...withForms(['and', 'andc', 'or', 'orc', 'xor', 'nand', 'nor', 'eqv'], true, false),
  'andi.', 'andis.', 'ori', 'oris', 'xori', 'xoris',
  ...withForms(['extsb', 'extsh', 'extsw', 'cntlzw', 'cntlzd', 'cnttzw', 'cnttzd'], true, false),
  'popcntb', 'popcntw', 'popcntd', 'prtyw', 'prtyd', 'cmpb', 'bpermd',
  ...withForms(['rlwinm', 'rlwnm', 'rlwimi', 'rldicl', 'rldicr', 'rldic', 'rldimi', 'rldcl', 'rldcr'], true, false),
  ...withForms(['slw', 'srw', 'sraw', 'srawi', 'sld', 'srd', 'srad', 'sradi', 'extswsli'], true, false),
  'cmp', 'cmpl', 'cmpi', 'cmpli', 'isel', 'setb', 'mcrxrx',
  'crand', 'cror', 'crxor', 'crnand', 'crnor', 'creqv', 'crandc', 'crorc', 'mcrf',
  'mfcr', 'mtcrf', 'mtocrf', 'mfocrf',
  'addex', 'addpcis', 'cmpeqb', 'cmprb', 'maddhd', 'maddhdu', 'maddld',
];

interface Snippet {
  comment: string;
  body: string[];
  values: bigint[];
}

function inputs(g: Gen, xerCount?: number): bigint[] {
  const vals = [g.value(), g.value(), g.value(), g.value(), g.value(), g.value(), g.value()];
  const cr = BigInt(g.next());
  const xerBits = [0x80000000, 0x40000000, 0x20000000, 0x80000, 0x40000];
  let xer = 0;
  for (const b of xerBits) if (g.next() % 2) xer |= b;
  xer |= xerCount ?? g.int(0, 127);
  return [...vals, cr, BigInt(xer >>> 0)];
}

/** Index into the snippet's input values of a register operand (r0, r3..r8). */
const slotOf = (reg: bigint): number => (reg === 0n ? 0 : Number(reg) - 2);

/**
 * The extended divides leave RT (and CR0) undefined when the quotient does not fit; qemu then
 * returns an implementation artefact. Such operand pairs are not generated.
 */
function definedResult(mn: string, ops: readonly bigint[], vals: readonly bigint[]): boolean {
  const m = /^div(w|d)e(u?)/.exec(mn);
  if (!m) return true;
  const width = m[1] === 'w' ? 32 : 64;
  const signed = m[2] === '';
  const conv = (v: bigint): bigint => (signed ? BigInt.asIntN(width, v) : BigInt.asUintN(width, v));
  const a = conv(vals[slotOf(ops[1]!)]!);
  const b = conv(vals[slotOf(ops[2]!)]!);
  if (b === 0n) return false;
  const q = (a << BigInt(width)) / b;
  return signed ? q === BigInt.asIntN(width, q) : q === BigInt.asUintN(width, q);
}

function aluSnippets(g: Gen, perMnemonic: number, missing: Set<string>): Snippet[] {
  const out: Snippet[] = [];
  for (const mn of ALU_MNEMONICS) {
    for (let k = 0; k < perMnemonic; k++) {
      let ops = aluOperands(g, mn);
      let values = inputs(g);
      for (let tries = 0; ops && !definedResult(mn, ops, values) && tries < 50; tries++) {
        ops = aluOperands(g, mn);
        values = inputs(g);
      }
      const w = ops && definedResult(mn, ops, values) ? word(mn, ops) : undefined;
      if (w === undefined) {
        missing.add(mn);
        break;
      }
      out.push({ comment: `${mn} ${ops!.join(',')}`, body: [`.long ${hex(BigInt(w))}`, 'bl dump_regs'], values });
    }
  }
  return out;
}

/**
 * Conditional branches: taken → the marker r4 stays 0; CTR and LR afterwards in r5/r6. The words
 * are built from their fields (Book I §2.4) so that every architecturally valid BO, including
 * the POWER4 "at" hints gas does not emit by default, is covered.
 */
function branchSnippets(g: Gen, count: number): Snippet[] {
  const out: Snippet[] = [];
  const bos = [0, 2, 4, 6, 7, 8, 10, 12, 14, 15, 16, 18, 20, 24, 25, 26, 27];
  const tail = ['li r4, 1', '1:', 'mfctr r5', 'mflr r6', 'bl dump_regs'];
  for (let k = 0; k < count; k++) {
    const kind = g.pick(['bc', 'bcl', 'bclr', 'bclrl', 'bcctr', 'bcctrl']);
    let bo = g.pick(bos);
    if (kind.startsWith('bcctr')) bo |= 4; // bcctr must not decrement CTR
    const bi = g.int(0, 31);
    const lk = kind.endsWith('l') ? 1 : 0;
    let w: number;
    if (kind.startsWith('bclr')) w = (19 << 26) | (bo << 21) | (bi << 16) | (16 << 1) | lk;
    else if (kind.startsWith('bcctr')) w = (19 << 26) | (bo << 21) | (bi << 16) | (528 << 1) | lk;
    else w = (16 << 26) | (bo << 21) | (bi << 16) | 8 | lk;
    const vals = inputs(g);
    vals[2] = g.pick([0n, 1n, 2n, 0x100000000n, 0x100000001n, M64, 5n]); // r5: CTR to start with
    const setup = ['mtctr r5', 'li r4, 0'];
    if (kind.startsWith('bclr')) setup.push('LA r9, 1f', 'mtlr r9');
    if (kind.startsWith('bcctr')) setup.push('LA r9, 1f', 'mtctr r9');
    out.push({ comment: `${kind} ${bo},${bi}`, body: [...setup, `.long ${hex(BigInt(w >>> 0))}`, ...tail], values: vals });
  }
  return out;
}

const LOADS = ['lbz', 'lbzu', 'lbzx', 'lbzux', 'lhz', 'lhzu', 'lhzx', 'lhzux', 'lha', 'lhau', 'lhax', 'lhaux', 'lwz', 'lwzu', 'lwzx', 'lwzux', 'lwa', 'lwax', 'lwaux', 'ld', 'ldu', 'ldx', 'ldux', 'lhbrx', 'lwbrx', 'ldbrx'];
const STORES = ['stb', 'stbu', 'stbx', 'stbux', 'sth', 'sthu', 'sthx', 'sthux', 'stw', 'stwu', 'stwx', 'stwux', 'std', 'stdu', 'stdx', 'stdux', 'sthbrx', 'stwbrx', 'stdbrx'];

/** Loads and stores on `snipbuf` (base r4 = snipbuf+16..40, displacement/index within ±16). */
function memorySnippets(g: Gen, perMnemonic: number, missing: Set<string>): Snippet[] {
  const out: Snippet[] = [];
  for (const mn of [...LOADS, ...STORES]) {
    const store = mn.startsWith('st');
    const indexed = mn.endsWith('x');
    const ds = /^(ld|ldu|lwa|std|stdu)$/.test(mn);
    for (let k = 0; k < perMnemonic; k++) {
      const base = g.int(16, 40);
      const reg = BigInt(g.pick(store ? [0, 3, 5, 6, 7, 8] : [3, 6, 7, 8]));
      let w: number | undefined;
      let disp = 0;
      const index = g.int(-16, 16);
      if (indexed) w = word(mn, [reg, 4n, 5n]);
      else {
        disp = g.int(-16, 16);
        if (ds) disp &= ~3;
        w = word(mn, [reg, BigInt(disp), 4n]);
      }
      if (w === undefined) {
        missing.add(mn);
        break;
      }
      const body = [`LA r4, snipbuf + ${base}`, `li r5, ${index}`, `.long ${hex(BigInt(w))}`, 'bl dump_regs'];
      if (store) body.push('bl dump_buf');
      out.push({ comment: `${mn} r${reg},${indexed ? 'r4,r5' : `${disp}(r4)`}`, body, values: inputs(g) });
    }
  }
  // Reservations of every size: a matching stbcx./sthcx./stwcx./stdcx. succeeds, one to another
  // address fails (the loaded byte/halfword is zero-extended; snipbuf's random bytes set bit 7).
  const RESERVATIONS = [['lbarx', 'stbcx.', 1], ['lharx', 'sthcx.', 2], ['lwarx', 'stwcx.', 4], ['ldarx', 'stdcx.', 8]] as const;
  for (const [larx, stcx, size] of RESERVATIONS) {
    for (const same of [true, false]) {
      const l = word(larx, [3n, 0n, 4n, 0n]) ?? word(larx, [3n, 0n, 4n]);
      const s = word(stcx, [6n, 0n, same ? 4n : 7n]);
      if (l === undefined || s === undefined) {
        missing.add(`${larx}/${stcx}`);
        continue;
      }
      const base = 16 + size * g.int(0, 2);
      out.push({
        comment: `${larx}/${stcx} ${same ? 'same' : 'other'} address`,
        body: [`LA r4, snipbuf + ${base}`, `LA r7, snipbuf + ${base + size}`, `.long ${hex(BigInt(l))}`, `.long ${hex(BigInt(s))}`, 'bl dump_regs', 'bl dump_buf'],
        values: inputs(g),
      });
    }
  }
  // Load/store string: RT = r3 (up to r6), RA = r8, RB = r7; lswx/stswx take the count from XER.
  for (const mn of ['lswi', 'stswi', 'lswx', 'stswx']) {
    for (let k = 0; k < perMnemonic; k++) {
      const nb = g.int(1, 16);
      const w = mn.endsWith('i') ? word(mn, [3n, 8n, BigInt(nb)]) : word(mn, [3n, 8n, 7n]);
      if (w === undefined) {
        missing.add(mn);
        break;
      }
      const body = [`LA r8, snipbuf + ${g.int(0, 40)}`, `li r7, ${g.int(0, 8)}`, `.long ${hex(BigInt(w))}`, 'bl dump_regs'];
      if (mn.startsWith('st')) body.push('bl dump_buf');
      out.push({ comment: `${mn} ${nb}`, body, values: inputs(g, nb) });
    }
  }
  // stmw r27: stores r27..r31 (the harness registers hold the same addresses in both runs).
  const stmw = word('stmw', [27n, 0n, 4n]);
  if (stmw !== undefined) out.push({ comment: 'stmw r27,0(r4)', body: ['LA r4, snipbuf + 8', `.long ${hex(BigInt(stmw))}`, 'bl dump_buf'], values: inputs(g) });
  const dcbz = word('dcbz', [4n, 5n]);
  if (dcbz !== undefined) out.push({ comment: 'dcbz r4,r5', body: ['LA r4, snipbuf + 8', 'li r5, 16', `.long ${hex(BigInt(dcbz))}`, 'bl dump_buf'], values: inputs(g) });
  return out;
}

export interface SnippetProgram {
  /** Assembly source (GNU as syntax) defining `main`, to link with rt.s and snippets-rt.s. */
  source: string;
  /** Snippets per mode. */
  count: number;
  /** Mnemonics the isa table could not encode (the test reports them). */
  missing: string[];
}

export function generateSnippetProgram(seed: number, opts: { aluPerMnemonic: number; branches: number; memPerMnemonic: number }): SnippetProgram {
  const g = makeGen(seed);
  const missing = new Set<string>();
  const snippets = [...aluSnippets(g, opts.aluPerMnemonic, missing), ...branchSnippets(g, opts.branches), ...memorySnippets(g, opts.memPerMnemonic, missing)];
  const src: string[] = [
    '\t.include "rt.inc"',
    '\t.text',
    '\t.globl main',
    'main:',
    '\tmflr r0',
    '\tstd r0, 16(r1)',
    '\tstdu r1, -128(r1)',
    // Start from a known buffer.
    '\tLA r9, snip_init',
    '\tLA r10, snipbuf',
    '\tli r11, 8',
    '\tmtctr r11',
    '0:\tld r12, 0(r9)',
    '\tstd r12, 0(r10)',
    '\taddi r9, r9, 8',
    '\taddi r10, r10, 8',
    '\tbdnz 0b',
    '\tPUTS "64-bit mode\\r\\n"',
    '\tbl run_snippets',
    '\tbl set_mode32',
    '\tPUTS "32-bit mode\\r\\n"',
    '\tbl run_snippets',
    '\tbl set_mode64',
    '\taddi r1, r1, 128',
    '\tld r0, 16(r1)',
    '\tmtlr r0',
    '\tblr',
    '',
    'run_snippets:',
    '\tmflr r29',
    '\tLA r31, snip_in',
  ];
  for (const s of snippets) {
    src.push(`\t# ${s.comment}`);
    src.push('\tld r0, 0(r31)', '\tld r3, 8(r31)', '\tld r4, 16(r31)', '\tld r5, 24(r31)', '\tld r6, 32(r31)', '\tld r7, 40(r31)', '\tld r8, 48(r31)');
    src.push('\tld r9, 56(r31)', '\tmtcr r9', '\tld r9, 64(r31)', '\tmtxer r9');
    for (const line of s.body) src.push(line.endsWith(':') ? line : `\t${line}`);
    src.push('\taddi r31, r31, 72');
  }
  src.push('\tmtlr r29', '\tblr', '', '\t.data', '\t.balign 8', 'snip_init:');
  for (let k = 0; k < 8; k++) src.push(`\t.quad ${hex((BigInt(g.next()) << 32n) | BigInt(g.next()))}`);
  src.push('snip_in:');
  for (const s of snippets) src.push(`\t.quad ${s.values.map(hex).join(', ')}`);
  return { source: src.join('\n') + '\n', count: snippets.length, missing: [...missing] };
}
