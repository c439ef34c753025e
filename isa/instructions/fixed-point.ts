/**
 * Book I, chapter 3: fixed-point facility — loads and stores, arithmetic, compare, trap,
 * logical, rotate and shift. Extended mnemonics (Book I appendix "Assembler Extended
 * Mnemonics") follow the rows they rewrite to; aliases objdump prints come first in
 * each group so the printer prefers them.
 */
import { D, DS, M, MD, MDS, X, XO, XS, calc, pin, type TableEntry } from '../spec.js';

const P4 = { since: 'power4' } as const;
const P5 = { since: 'power5' } as const;
const P6 = { since: 'power6' } as const;
const P7 = { since: 'power7' } as const;
const P9 = { since: 'power9' } as const;

// §3.3.2–3.3.6 loads and stores (D, DS, X forms).
const loadsStores = (): TableEntry[] => [
  D(34, 'lbz', ['RT', 'D', 'RA0P']),
  D(35, 'lbzu', ['RT', 'D', 'RAP'], { check: 'load-update' }),
  D(40, 'lhz', ['RT', 'D', 'RA0P']),
  D(41, 'lhzu', ['RT', 'D', 'RAP'], { check: 'load-update' }),
  D(42, 'lha', ['RT', 'D', 'RA0P']),
  D(43, 'lhau', ['RT', 'D', 'RAP'], { check: 'load-update' }),
  D(32, 'lwz', ['RT', 'D', 'RA0P']),
  D(33, 'lwzu', ['RT', 'D', 'RAP'], { check: 'load-update' }),
  DS(58, 2, 'lwa', ['RT', 'DS', 'RA0P']),
  DS(58, 0, 'ld', ['RT', 'DS', 'RA0P']),
  DS(58, 1, 'ldu', ['RT', 'DS', 'RAP'], { check: 'load-update' }),
  D(38, 'stb', ['RS', 'D', 'RA0P']),
  D(39, 'stbu', ['RS', 'D', 'RAP'], { check: 'store-update' }),
  D(44, 'sth', ['RS', 'D', 'RA0P']),
  D(45, 'sthu', ['RS', 'D', 'RAP'], { check: 'store-update' }),
  D(36, 'stw', ['RS', 'D', 'RA0P']),
  D(37, 'stwu', ['RS', 'D', 'RAP'], { check: 'store-update' }),
  DS(62, 0, 'std', ['RS', 'DS', 'RA0P']),
  DS(62, 1, 'stdu', ['RS', 'DS', 'RAP'], { check: 'store-update' }),
  D(46, 'lmw', ['RT', 'D', 'RA0P'], { check: 'lmw' }),
  D(47, 'stmw', ['RS', 'D', 'RA0P']),

  X(31, 87, 'lbzx', ['RT', 'RA0', 'RB']),
  X(31, 119, 'lbzux', ['RT', 'RA', 'RB'], { check: 'load-update' }),
  X(31, 279, 'lhzx', ['RT', 'RA0', 'RB']),
  X(31, 311, 'lhzux', ['RT', 'RA', 'RB'], { check: 'load-update' }),
  X(31, 343, 'lhax', ['RT', 'RA0', 'RB']),
  X(31, 375, 'lhaux', ['RT', 'RA', 'RB'], { check: 'load-update' }),
  X(31, 23, 'lwzx', ['RT', 'RA0', 'RB']),
  X(31, 55, 'lwzux', ['RT', 'RA', 'RB'], { check: 'load-update' }),
  X(31, 341, 'lwax', ['RT', 'RA0', 'RB']),
  X(31, 373, 'lwaux', ['RT', 'RA', 'RB'], { check: 'load-update' }),
  X(31, 21, 'ldx', ['RT', 'RA0', 'RB']),
  X(31, 53, 'ldux', ['RT', 'RA', 'RB'], { check: 'load-update' }),
  X(31, 215, 'stbx', ['RS', 'RA0', 'RB']),
  X(31, 247, 'stbux', ['RS', 'RA', 'RB'], { check: 'store-update' }),
  X(31, 407, 'sthx', ['RS', 'RA0', 'RB']),
  X(31, 439, 'sthux', ['RS', 'RA', 'RB'], { check: 'store-update' }),
  X(31, 151, 'stwx', ['RS', 'RA0', 'RB']),
  X(31, 183, 'stwux', ['RS', 'RA', 'RB'], { check: 'store-update' }),
  X(31, 149, 'stdx', ['RS', 'RA0', 'RB']),
  X(31, 181, 'stdux', ['RS', 'RA', 'RB'], { check: 'store-update' }),
  X(31, 790, 'lhbrx', ['RT', 'RA0', 'RB']),
  X(31, 534, 'lwbrx', ['RT', 'RA0', 'RB']),
  X(31, 918, 'sthbrx', ['RS', 'RA0', 'RB']),
  X(31, 662, 'stwbrx', ['RS', 'RA0', 'RB']),
  X(31, 532, 'ldbrx', ['RT', 'RA0', 'RB'], { cpu: P7 }),
  X(31, 660, 'stdbrx', ['RS', 'RA0', 'RB'], { cpu: P7 }),

  // Book II §4.4 load-and-reserve / store-conditional.
  X(31, 20, 'lwarx', ['RT', 'RA0', 'RB', 'EH_OPT']),
  X(31, 84, 'ldarx', ['RT', 'RA0', 'RB', 'EH_OPT']),
  X(31, 150, 'stwcx.', ['RS', 'RA0', 'RB'], { id: 'stwcx', fixed: { Rc: 1 } }),
  X(31, 214, 'stdcx.', ['RS', 'RA0', 'RB'], { id: 'stdcx', fixed: { Rc: 1 } }),
];

// §3.3.8–3.3.9 arithmetic.
const arithmetic = (): TableEntry[] => [
  // li/la/subi before addi so the printer prefers li (objdump never prints la/subi).
  pin('li', 'addi', ['RT', 'SI'], [0, 0n, 1]),
  pin('la', 'addi', ['RT', 'D', 'RA0P'], [0, 2, 1], { print: false }),
  calc('subi', 'addi', ['RT', 'RA0', 'NSI'], (v) => [v[0]!, v[1]!, -v[2]!], (b) => [b[0]!, b[1]!, -b[2]!], { print: false }),
  D(14, 'addi', ['RT', 'RA0', 'SI']),
  pin('lis', 'addis', ['RT', 'SIS'], [0, 0n, 1]),
  calc('subis', 'addis', ['RT', 'RA0', 'NSIS'], (v) => [v[0]!, v[1]!, -v[2]!], (b) => [b[0]!, b[1]!, -b[2]!], { print: false }),
  D(15, 'addis', ['RT', 'RA0', 'SIS']),
  calc('subic', 'addic', ['RT', 'RA', 'NSI'], (v) => [v[0]!, v[1]!, -v[2]!], (b) => [b[0]!, b[1]!, -b[2]!], { print: false }),
  D(12, 'addic', ['RT', 'RA', 'SI']),
  calc('subic.', 'addic.', ['RT', 'RA', 'NSI'], (v) => [v[0]!, v[1]!, -v[2]!], (b) => [b[0]!, b[1]!, -b[2]!], { print: false }),
  D(13, 'addic.', ['RT', 'RA', 'SI'], { id: 'addic.' }),
  D(8, 'subfic', ['RT', 'RA', 'SI']),
  D(7, 'mulli', ['RT', 'RA', 'SI']),

  XO(31, 266, 'add', ['RT', 'RA', 'RB'], { oe: true, rc: 'Rc' }),
  XO(31, 10, 'addc', ['RT', 'RA', 'RB'], { oe: true, rc: 'Rc' }),
  XO(31, 138, 'adde', ['RT', 'RA', 'RB'], { oe: true, rc: 'Rc' }),
  XO(31, 234, 'addme', ['RT', 'RA'], { oe: true, rc: 'Rc' }),
  XO(31, 202, 'addze', ['RT', 'RA'], { oe: true, rc: 'Rc' }),
  // sub RT,RA,RB = subf RT,RB,RA (assembler-only: objdump prints subf).
  pin('sub', 'subf', ['RT', 'RA', 'RB'], [0, 2, 1], { oe: true, rc: true, print: false }),
  XO(31, 40, 'subf', ['RT', 'RA', 'RB'], { oe: true, rc: 'Rc' }),
  pin('subc', 'subfc', ['RT', 'RA', 'RB'], [0, 2, 1], { oe: true, rc: true, print: false }),
  XO(31, 8, 'subfc', ['RT', 'RA', 'RB'], { oe: true, rc: 'Rc' }),
  XO(31, 136, 'subfe', ['RT', 'RA', 'RB'], { oe: true, rc: 'Rc' }),
  XO(31, 232, 'subfme', ['RT', 'RA'], { oe: true, rc: 'Rc' }),
  XO(31, 200, 'subfze', ['RT', 'RA'], { oe: true, rc: 'Rc' }),
  XO(31, 104, 'neg', ['RT', 'RA'], { oe: true, rc: 'Rc' }),
  XO(31, 235, 'mullw', ['RT', 'RA', 'RB'], { oe: true, rc: 'Rc' }),
  XO(31, 233, 'mulld', ['RT', 'RA', 'RB'], { oe: true, rc: 'Rc' }),
  XO(31, 75, 'mulhw', ['RT', 'RA', 'RB'], { rc: 'Rc' }),
  XO(31, 11, 'mulhwu', ['RT', 'RA', 'RB'], { rc: 'Rc' }),
  XO(31, 73, 'mulhd', ['RT', 'RA', 'RB'], { rc: 'Rc' }),
  XO(31, 9, 'mulhdu', ['RT', 'RA', 'RB'], { rc: 'Rc' }),
  XO(31, 491, 'divw', ['RT', 'RA', 'RB'], { oe: true, rc: 'Rc' }),
  XO(31, 459, 'divwu', ['RT', 'RA', 'RB'], { oe: true, rc: 'Rc' }),
  XO(31, 489, 'divd', ['RT', 'RA', 'RB'], { oe: true, rc: 'Rc' }),
  XO(31, 457, 'divdu', ['RT', 'RA', 'RB'], { oe: true, rc: 'Rc' }),
];

// §3.3.10 compare. BF is optional in the extended forms (cr0 when omitted).
const compare = (): TableEntry[] => [
  pin('cmpdi', 'cmpi', ['BF_OPT', 'RA', 'SI'], [0, 1n, 1, 2]),
  pin('cmpwi', 'cmpi', ['BF_OPT', 'RA', 'SI'], [0, 0n, 1, 2]),
  // Bit 9 is reserved in the D-form compares; objdump does not check it there.
  D(11, 'cmpi', ['BF', 'L10', 'RA', 'SI'], { ignore: [[9, 9]] }),
  pin('cmpd', 'cmp', ['BF_OPT', 'RA', 'RB'], [0, 1n, 1, 2]),
  pin('cmpw', 'cmp', ['BF_OPT', 'RA', 'RB'], [0, 0n, 1, 2]),
  X(31, 0, 'cmp', ['BF', 'L10', 'RA', 'RB']),
  pin('cmpldi', 'cmpli', ['BF_OPT', 'RA', 'UIS'], [0, 1n, 1, 2]),
  pin('cmplwi', 'cmpli', ['BF_OPT', 'RA', 'UIS'], [0, 0n, 1, 2]),
  D(10, 'cmpli', ['BF', 'L10', 'RA', 'UIS'], { ignore: [[9, 9]] }),
  pin('cmpld', 'cmpl', ['BF_OPT', 'RA', 'RB'], [0, 1n, 1, 2]),
  pin('cmplw', 'cmpl', ['BF_OPT', 'RA', 'RB'], [0, 0n, 1, 2]),
  X(31, 32, 'cmpl', ['BF', 'L10', 'RA', 'RB']),
];

// §3.3.11 trap. TO encodings of the extended mnemonics (Book I appendix C.6).
const TRAP_CONDS: readonly (readonly [string, number, boolean])[] = [
  ['lt', 16, true], ['le', 20, true], ['eq', 4, true], ['ge', 12, true], ['gt', 8, true],
  ['nl', 12, false], ['ne', 24, true], ['ng', 20, false], ['llt', 2, true], ['lle', 6, true],
  ['lge', 5, true], ['lgt', 1, true], ['lnl', 5, false], ['lng', 6, false], ['u', 31, true],
];
function trapAliases(base: string, immediate: boolean): TableEntry[] {
  const second = immediate ? 'SI' : 'RB';
  return TRAP_CONDS.map(([c, to, print]) =>
    pin(`${base.slice(0, 2)}${c}${immediate ? 'i' : ''}`, base, ['RA', second], [BigInt(to), 0, 1], { print }),
  );
}
const trap = (): TableEntry[] => [
  pin('trap', 'tw', [], [31n, 0n, 0n]),
  ...trapAliases('tw', false),
  X(31, 4, 'tw', ['TO', 'RA', 'RB']),
  ...trapAliases('twi', true),
  D(3, 'twi', ['TO', 'RA', 'SI']),
  ...trapAliases('td', false),
  X(31, 68, 'td', ['TO', 'RA', 'RB']),
  ...trapAliases('tdi', true),
  D(2, 'tdi', ['TO', 'RA', 'SI']),
];

// §3.3.13 logical.
const logical = (): TableEntry[] => [
  D(28, 'andi.', ['RA', 'RS', 'UI'], { id: 'andi.' }),
  D(29, 'andis.', ['RA', 'RS', 'UI'], { id: 'andis.' }),
  pin('nop', 'ori', [], [0n, 0n, 0n]),
  pin('exser', 'ori', [], [31n, 31n, 0n], { cpu: { since: 'power9' } }),
  D(24, 'ori', ['RA', 'RS', 'UI']),
  D(25, 'oris', ['RA', 'RS', 'UI']),
  pin('xnop', 'xori', [], [0n, 0n, 0n]),
  D(26, 'xori', ['RA', 'RS', 'UI']),
  D(27, 'xoris', ['RA', 'RS', 'UI']),
  X(31, 28, 'and', ['RA', 'RS', 'RB'], { rc: 'Rc' }),
  X(31, 60, 'andc', ['RA', 'RS', 'RB'], { rc: 'Rc' }),
  // Hint no-ops spelled as or Rx,Rx,Rx / ori 31,31,0 (Book II "program priority" and
  // "miscellaneous" hints); objdump prefers them to mr.
  pin('miso', 'or', [], [26n, 26n, 26n], { cpu: { since: 'power8' } }),
  pin('yield', 'or', [], [27n, 27n, 27n], { cpu: { since: 'power7' } }),
  pin('mdoio', 'or', [], [29n, 29n, 29n], { cpu: { since: 'power7' } }),
  pin('mdoom', 'or', [], [30n, 30n, 30n], { cpu: { since: 'power7' } }),
  pin('mr', 'or', ['RA', 'RS'], [0, 1, 1], { rc: true }),
  X(31, 444, 'or', ['RA', 'RS', 'RB'], { rc: 'Rc' }),
  X(31, 412, 'orc', ['RA', 'RS', 'RB'], { rc: 'Rc' }),
  X(31, 316, 'xor', ['RA', 'RS', 'RB'], { rc: 'Rc' }),
  X(31, 476, 'nand', ['RA', 'RS', 'RB'], { rc: 'Rc' }),
  pin('not', 'nor', ['RA', 'RS'], [0, 1, 1], { rc: true }),
  X(31, 124, 'nor', ['RA', 'RS', 'RB'], { rc: 'Rc' }),
  X(31, 284, 'eqv', ['RA', 'RS', 'RB'], { rc: 'Rc' }),
  X(31, 954, 'extsb', ['RA', 'RS'], { rc: 'Rc' }),
  X(31, 922, 'extsh', ['RA', 'RS'], { rc: 'Rc' }),
  X(31, 986, 'extsw', ['RA', 'RS'], { rc: 'Rc' }),
  X(31, 26, 'cntlzw', ['RA', 'RS'], { rc: 'Rc' }),
  X(31, 58, 'cntlzd', ['RA', 'RS'], { rc: 'Rc' }),
  X(31, 538, 'cnttzw', ['RA', 'RS'], { rc: 'Rc', cpu: P9 }),
  X(31, 570, 'cnttzd', ['RA', 'RS'], { rc: 'Rc', cpu: P9 }),
  X(31, 122, 'popcntb', ['RA', 'RS'], { cpu: P5 }),
  X(31, 378, 'popcntw', ['RA', 'RS'], { cpu: P7 }),
  X(31, 506, 'popcntd', ['RA', 'RS'], { cpu: P7 }),
  X(31, 154, 'prtyw', ['RA', 'RS'], { cpu: P6 }),
  X(31, 186, 'prtyd', ['RA', 'RS'], { cpu: P6 }),
  X(31, 508, 'cmpb', ['RA', 'RS', 'RB'], { cpu: P6 }),
  X(31, 252, 'bpermd', ['RA', 'RS', 'RB'], { cpu: P7 }),
];

// §3.3.14 rotate and shift, with the Book I appendix extended mnemonics.
const n32 = (x: bigint): bigint => (32n - x) & 31n;
const rotate = (): TableEntry[] => [
  // rlwinm RA,RS,SH,MB,ME
  calc('rotlwi', 'rlwinm', ['RA', 'RS', 'N5'], (v) => [v[0]!, v[1]!, v[2]!, 0n, 31n],
    (b) => (b[3] === 0n && b[4] === 31n ? [b[0]!, b[1]!, b[2]!] : undefined), { rc: true }),
  calc('slwi', 'rlwinm', ['RA', 'RS', 'N5'], (v) => [v[0]!, v[1]!, v[2]!, 0n, 31n - v[2]!],
    (b) => (b[3] === 0n ? [b[0]!, b[1]!, b[2]!] : undefined), { rc: true }),
  calc('srwi', 'rlwinm', ['RA', 'RS', 'N5'], (v) => [v[0]!, v[1]!, n32(v[2]!), v[2]!, 31n],
    (b) => (b[4] === 31n ? [b[0]!, b[1]!, b[3]!] : undefined), { rc: true }),
  calc('clrlwi', 'rlwinm', ['RA', 'RS', 'N5'], (v) => [v[0]!, v[1]!, 0n, v[2]!, 31n],
    (b) => (b[2] === 0n && b[4] === 31n ? [b[0]!, b[1]!, b[3]!] : undefined), { rc: true }),
  calc('rotrwi', 'rlwinm', ['RA', 'RS', 'N5'], (v) => [v[0]!, v[1]!, n32(v[2]!), 0n, 31n],
    (b) => (b[3] === 0n && b[4] === 31n ? [b[0]!, b[1]!, n32(b[2]!)] : undefined), { rc: true, print: false }),
  calc('clrrwi', 'rlwinm', ['RA', 'RS', 'N5'], (v) => [v[0]!, v[1]!, 0n, 0n, 31n - v[2]!],
    (b) => (b[2] === 0n && b[3] === 0n ? [b[0]!, b[1]!, 31n - b[4]!] : undefined), { rc: true }),
  calc('extlwi', 'rlwinm', ['RA', 'RS', 'N5X', 'B5'], (v) => [v[0]!, v[1]!, v[3]!, 0n, v[2]! - 1n],
    (b) => (b[3] === 0n ? [b[0]!, b[1]!, b[4]! + 1n, b[2]!] : undefined), { rc: true, print: false }),
  calc('extrwi', 'rlwinm', ['RA', 'RS', 'N5', 'B5'], (v) => [v[0]!, v[1]!, (v[3]! + v[2]!) & 31n, 32n - v[2]!, 31n],
    (b) => (b[4] === 31n ? [b[0]!, b[1]!, 32n - b[3]!, (b[2]! - (32n - b[3]!)) & 31n] : undefined), { rc: true, print: false }),
  calc('clrlslwi', 'rlwinm', ['RA', 'RS', 'B5', 'N5'], (v) => [v[0]!, v[1]!, v[3]!, v[2]! - v[3]!, 31n - v[3]!],
    (b) => [b[0]!, b[1]!, b[3]! + b[2]!, b[2]!], { rc: true, print: false }),
  M(21, 'rlwinm', ['RA', 'RS', 'SH', 'MB', 'ME'], { rc: 'Rc' }),
  pin('rotlw', 'rlwnm', ['RA', 'RS', 'RB'], [0, 1, 2, 0n, 31n], { rc: true }),
  M(23, 'rlwnm', ['RA', 'RS', 'RB', 'MB', 'ME'], { rc: 'Rc' }),
  calc('inslwi', 'rlwimi', ['RA', 'RS', 'N5X', 'B5'], (v) => [v[0]!, v[1]!, n32(v[3]!), v[3]!, v[3]! + v[2]! - 1n],
    (b) => [b[0]!, b[1]!, b[4]! - b[3]! + 1n, b[3]!], { rc: true, print: false }),
  calc('insrwi', 'rlwimi', ['RA', 'RS', 'N5X', 'B5'], (v) => [v[0]!, v[1]!, n32(v[3]! + v[2]!), v[3]!, v[3]! + v[2]! - 1n],
    (b) => [b[0]!, b[1]!, b[4]! - b[3]! + 1n, b[3]!], { rc: true, print: false }),
  M(20, 'rlwimi', ['RA', 'RS', 'SH', 'MB', 'ME'], { rc: 'Rc' }),

  // rldicl RA,RS,SH,MB
  calc('rotldi', 'rldicl', ['RA', 'RS', 'N6'], (v) => [v[0]!, v[1]!, v[2]!, 0n],
    (b) => (b[3] === 0n ? [b[0]!, b[1]!, b[2]!] : undefined), { rc: true }),
  calc('srdi', 'rldicl', ['RA', 'RS', 'N6'], (v) => [v[0]!, v[1]!, (64n - v[2]!) & 63n, v[2]!],
    (b) => [b[0]!, b[1]!, b[3]!], { rc: true }),
  calc('clrldi', 'rldicl', ['RA', 'RS', 'N6'], (v) => [v[0]!, v[1]!, 0n, v[2]!],
    (b) => (b[2] === 0n ? [b[0]!, b[1]!, b[3]!] : undefined), { rc: true }),
  calc('rotrdi', 'rldicl', ['RA', 'RS', 'N6'], (v) => [v[0]!, v[1]!, (64n - v[2]!) & 63n, 0n],
    (b) => (b[3] === 0n ? [b[0]!, b[1]!, (64n - b[2]!) & 63n] : undefined), { rc: true, print: false }),
  calc('extrdi', 'rldicl', ['RA', 'RS', 'N6', 'B6'], (v) => [v[0]!, v[1]!, (v[3]! + v[2]!) & 63n, 64n - v[2]!],
    (b) => [b[0]!, b[1]!, 64n - b[3]!, (b[2]! - (64n - b[3]!)) & 63n], { rc: true, print: false }),
  MD(30, 0, 'rldicl', ['RA', 'RS', 'SH6', 'MB6'], { rc: 'Rc' }),
  // rldicr RA,RS,SH,ME
  calc('clrrdi', 'rldicr', ['RA', 'RS', 'N6'], (v) => [v[0]!, v[1]!, 0n, 63n - v[2]!],
    (b) => (b[2] === 0n ? [b[0]!, b[1]!, 63n - b[3]!] : undefined), { rc: true }),
  calc('sldi', 'rldicr', ['RA', 'RS', 'N6'], (v) => [v[0]!, v[1]!, v[2]!, 63n - v[2]!],
    (b) => [b[0]!, b[1]!, b[2]!], { rc: true }),
  calc('extldi', 'rldicr', ['RA', 'RS', 'N6X', 'B6'], (v) => [v[0]!, v[1]!, v[3]!, v[2]! - 1n],
    (b) => [b[0]!, b[1]!, b[3]! + 1n, b[2]!], { rc: true, print: false }),
  MD(30, 1, 'rldicr', ['RA', 'RS', 'SH6', 'ME6'], { rc: 'Rc' }),
  calc('clrlsldi', 'rldic', ['RA', 'RS', 'B6', 'N6'], (v) => [v[0]!, v[1]!, v[3]!, v[2]! - v[3]!],
    (b) => [b[0]!, b[1]!, b[3]! + b[2]!, b[2]!], { rc: true, print: false }),
  MD(30, 2, 'rldic', ['RA', 'RS', 'SH6', 'MB6'], { rc: 'Rc' }),
  calc('insrdi', 'rldimi', ['RA', 'RS', 'N6X', 'B6'], (v) => [v[0]!, v[1]!, (64n - (v[3]! + v[2]!)) & 63n, v[3]!],
    (b) => [b[0]!, b[1]!, (64n - b[2]! - b[3]!) & 63n, b[3]!], { rc: true, print: false }),
  MD(30, 3, 'rldimi', ['RA', 'RS', 'SH6', 'MB6'], { rc: 'Rc' }),
  pin('rotld', 'rldcl', ['RA', 'RS', 'RB'], [0, 1, 2, 0n], { rc: true }),
  MDS(30, 8, 'rldcl', ['RA', 'RS', 'RB', 'MB6'], { rc: 'Rc' }),
  MDS(30, 9, 'rldcr', ['RA', 'RS', 'RB', 'ME6'], { rc: 'Rc' }),

  X(31, 24, 'slw', ['RA', 'RS', 'RB'], { rc: 'Rc' }),
  X(31, 536, 'srw', ['RA', 'RS', 'RB'], { rc: 'Rc' }),
  X(31, 824, 'srawi', ['RA', 'RS', 'SH'], { rc: 'Rc' }),
  X(31, 792, 'sraw', ['RA', 'RS', 'RB'], { rc: 'Rc' }),
  X(31, 27, 'sld', ['RA', 'RS', 'RB'], { rc: 'Rc' }),
  X(31, 539, 'srd', ['RA', 'RS', 'RB'], { rc: 'Rc' }),
  XS(31, 413, 'sradi', ['RA', 'RS', 'SH6'], { rc: 'Rc' }),
  X(31, 794, 'srad', ['RA', 'RS', 'RB'], { rc: 'Rc' }),
  XS(31, 445, 'extswsli', ['RA', 'RS', 'SH6'], { rc: 'Rc', cpu: P9 }),
];

export const FIXED_POINT = (): readonly TableEntry[] => [...loadsStores(), ...arithmetic(), ...compare(), ...trap(), ...logical(), ...rotate()];
void P4;
