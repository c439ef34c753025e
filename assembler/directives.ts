/**
 * gas directives, one handler each, looked up by lower-cased name. Handlers receive
 * the statement text and the index where the operands start.
 */
import type { Assembler } from './assembler.js';
import { ExprError, readEscape, splitTopLevel, type Operand } from './expr.js';
import { EvalError, NotYet, evaluate, isAbsolute } from './eval.js';
import { TextLineSource, locationOf } from './lines.js';
import { truncationWarning } from './values.js';
import type { Chunk, Sym } from './symbols.js';
import {
  SHF_ALLOC, SHF_EXECINSTR, SHF_WRITE, SHF_MERGE, SHF_STRINGS, SHF_TLS, SHF_GROUP, SHF_EXCLUDE,
  SHT_PROGBITS, SHT_NOBITS, SHT_NOTE, SHT_INIT_ARRAY, SHT_FINI_ARRAY, SHT_PREINIT_ARRAY,
  STT_FUNC, STT_OBJECT, STT_NOTYPE, STT_TLS, STT_GNU_IFUNC, STT_COMMON,
  STV_HIDDEN, STV_PROTECTED, STV_INTERNAL,
} from '../elf/constants.js';

export type DirectiveHandler = (as: Assembler, text: string, r: number, col: number, name: string) => void;

const NOP = 0x60000000;

// ---------------------------------------------------------------------------------------
// Operand helpers

/** Directive operands: the top-level comma-separated texts with their start offsets. */
export function splitOperands(text: string, r: number): { text: string; start: number }[] {
  return splitTopLevel(text, r).map((p) => ({ text: text.slice(p.start, p.end), start: p.start }));
}

/** Parse one full operand (expression + optional @modifier) from text[start..end). */
function parseOperand(as: Assembler, text: string, start: number, end: number): Operand | undefined {
  const p = as.parser(text, start, end);
  try {
    const op = p.operand();
    if (!p.atEnd()) {
      as.error(`junk at end of expression: '${text.slice(p.pos, end).trim()}'`, p.pos + 1);
      return undefined;
    }
    return op;
  } catch (e) {
    if (e instanceof ExprError) {
      as.error(e.message, e.col);
      return undefined;
    }
    throw e;
  }
}

/** An absolute operand needed now (counts, sizes, alignments). */
function absoluteOperand(as: Assembler, text: string, start: number, end: number, what: string): bigint | undefined {
  const op = parseOperand(as, text, start, end);
  if (!op) return undefined;
  if (op.modifier) {
    as.error(`${what}: a relocation modifier is not allowed here`, start + 1);
    return undefined;
  }
  return as.absoluteNow(op.expr, start + 1, what);
}

function optionalAbsolute(as: Assembler, text: string, ops: { text: string; start: number }[], i: number, what: string): bigint | undefined | null {
  const o = ops[i];
  if (!o || o.text.trim() === '') return null;
  return absoluteOperand(as, text, o.start, o.start + o.text.length, what);
}

// ---------------------------------------------------------------------------------------
// Emitting bytes

function requireBytesAllowed(as: Assembler, what: string, col: number): boolean {
  if (as.current.section.isNobits) {
    as.error(`${what} is not allowed in section '${as.current.section.name}' (it has no contents)`, col);
    return false;
  }
  return true;
}

/** Truncate to `size` bytes, warning as gas does when significant bits are lost. */
function truncate(as: Assembler, v: bigint, size: number, col: number): bigint {
  const lost = truncationWarning(v, size);
  if (lost) as.warning(lost, col);
  return size >= 8 ? v : v & ((1n << BigInt(size * 8)) - 1n);
}

function emitData(as: Assembler, text: string, r: number, size: 1 | 2 | 4 | 8, col: number): void {
  for (const o of splitOperands(text, r)) {
    if (o.text.trim() === '') {
      as.error('missing expression', o.start + 1);
      continue;
    }
    const op = parseOperand(as, text, o.start, o.start + o.text.length);
    if (!op) continue;
    if (!requireBytesAllowed(as, 'data', col)) return;
    const chunk = as.current;
    const offset = chunk.buf.length;
    let value: bigint | undefined;
    if (!op.modifier) {
      try {
        const v = evaluate(op.expr, 'now');
        if (isAbsolute(v)) value = v.add;
      } catch (e) {
        if (e instanceof EvalError) {
          as.error(e.message, e.col ?? o.start + 1);
          continue;
        }
        if (!(e instanceof NotYet)) throw e;
      }
    }
    if (value !== undefined) {
      chunk.buf.int(truncate(as, value, size, o.start + 1), size);
      continue;
    }
    chunk.buf.fill(size, 0);
    chunk.fixups.push({
      chunk, offset, shape: size === 1 ? 'data8' : size === 2 ? 'data16' : size === 4 ? 'data32' : 'data64',
      expr: op.expr, ...(op.modifier ? { modifier: op.modifier } : {}), pcrel: false, where: as.where, col: as.absCol(o.start + 1),
    });
  }
}

/** Parse a C-like string literal starting at text[p] === '"'. */
function readString(as: Assembler, text: string, p: number): { bytes: number[]; end: number } | undefined {
  const bytes: number[] = [];
  let i = p + 1;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === 34) return { bytes, end: i + 1 };
    if (c === 92) {
      const e = readEscape(text, i + 1);
      bytes.push(e.value);
      i = e.end;
      continue;
    }
    if (c > 0x7f) {
      for (const b of new TextEncoder().encode(String.fromCodePoint(text.codePointAt(i)!))) bytes.push(b);
      i += c >= 0xd800 && c <= 0xdbff ? 2 : 1;
      continue;
    }
    bytes.push(c);
    i++;
  }
  as.error('unterminated string', p + 1);
  return undefined;
}

function emitStrings(as: Assembler, text: string, r: number, col: number, zero: boolean): void {
  let p = r;
  const chunk = as.current;
  for (;;) {
    while (p < text.length && (text[p] === ' ' || text[p] === '\t')) p++;
    if (p >= text.length) return;
    if (text[p] !== '"') {
      as.error(`expected a string in quotes, found '${text.slice(p)}'`, p + 1);
      return;
    }
    const s = readString(as, text, p);
    if (!s) return;
    if (!requireBytesAllowed(as, 'string data', col)) return;
    for (const b of s.bytes) chunk.buf.u8(b);
    if (zero) chunk.buf.u8(0);
    p = s.end;
    while (p < text.length && (text[p] === ' ' || text[p] === '\t')) p++;
    if (p < text.length) {
      if (text[p] !== ',') {
        as.error(`junk after string: '${text.slice(p)}'`, p + 1);
        return;
      }
      p++;
    }
  }
}

/** Append `count` bytes of `fill` (or nothing but size in a NOBITS section). */
function emitFill(as: Assembler, count: number, fill: number, col: number): void {
  const chunk = as.current;
  if (chunk.section.isNobits) {
    if (fill !== 0) as.error(`non-zero fill in section '${chunk.section.name}' (it has no contents)`, col);
    chunk.reserved += count;
    return;
  }
  chunk.buf.fill(count, fill);
}

/**
 * Pad to a 2^p2 boundary. In code sections the default fill is nops, and a pad longer than
 * four instructions starts with a branch over the rest (as GNU as does for ppc).
 */
export function alignTo(as: Assembler, chunk: Chunk, p2: number, fill: number | undefined, fillSize: number, max: number | undefined): void {
  const section = chunk.section;
  const align = 2 ** p2;
  const here = chunk.offset;
  const pad = (align - (here % align)) % align;
  if (p2 > chunk.p2align) chunk.p2align = p2;
  if (p2 > section.p2align) section.p2align = p2;
  if (pad === 0 || (max !== undefined && pad > max)) return;
  if (section.isNobits) {
    chunk.reserved += pad;
    return;
  }
  const buf = chunk.buf;
  if (fill === undefined && (section.flags & SHF_EXECINSTR) !== 0n) {
    const lead = pad % 4;
    buf.fill(lead, 0);
    let words = (pad - lead) / 4;
    if (words > 4) {
      buf.u32(0x48000000 | (words * 4));
      words--;
    }
    for (let i = 0; i < words; i++) buf.u32(NOP);
    return;
  }
  const f = fill ?? 0;
  if (fillSize === 1) buf.fill(pad, f);
  else {
    // .balignw/.balignl: whole fill patterns, any leftover bytes zero first
    const lead = pad % fillSize;
    buf.fill(lead, 0);
    for (let i = 0; i < (pad - lead) / fillSize; i++) buf.int(BigInt(f), fillSize);
  }
}

function alignDirective(as: Assembler, text: string, r: number, col: number, name: string): void {
  const ops = splitOperands(text, r);
  const a = optionalAbsolute(as, text, ops, 0, name);
  if (a === undefined) return;
  if (a === null) {
    as.error(`${name} needs an alignment`, col);
    return;
  }
  const fill = optionalAbsolute(as, text, ops, 1, name);
  const max = optionalAbsolute(as, text, ops, 2, name);
  if (fill === undefined || max === undefined) return;
  const byteForm = name.startsWith('.balign');
  let p2: number;
  if (byteForm) {
    if (a <= 0n || (a & (a - 1n)) !== 0n) {
      as.error(`alignment ${a} is not a power of 2`, ops[0]!.start + 1);
      return;
    }
    p2 = a.toString(2).length - 1;
  } else {
    p2 = Number(a);
  }
  if (p2 > 31 || p2 < 0) {
    as.error(`alignment ${a} is too large (at most 2^31)`, ops[0]!.start + 1);
    return;
  }
  const fillSize = name.endsWith('w') ? 2 : name.endsWith('l') ? 4 : 1;
  alignTo(as, as.current, p2, fill === null ? undefined : Number(BigInt.asUintN(fillSize * 8, fill)), fillSize, max === null ? undefined : Number(max));
}

// ---------------------------------------------------------------------------------------
// Sections

const SECTION_DEFAULTS: [RegExp, number, bigint, number][] = [
  [/^\.text(\..*)?$/, SHT_PROGBITS, SHF_ALLOC | SHF_EXECINSTR, 0],
  [/^\.(data|sdata|data1|toc|got|opd|plt|branch_lt|tocbss)(\..*)?$/, SHT_PROGBITS, SHF_ALLOC | SHF_WRITE, 0],
  [/^\.(bss|sbss)(\..*)?$/, SHT_NOBITS, SHF_ALLOC | SHF_WRITE, 0],
  [/^\.rodata(\..*)?$/, SHT_PROGBITS, SHF_ALLOC, 0],
  [/^\.note(\..*)?$/, SHT_NOTE, 0n, 0],
  [/^\.init_array(\..*)?$/, SHT_INIT_ARRAY, SHF_ALLOC | SHF_WRITE, 8],
  [/^\.fini_array(\..*)?$/, SHT_FINI_ARRAY, SHF_ALLOC | SHF_WRITE, 8],
  [/^\.preinit_array(\..*)?$/, SHT_PREINIT_ARRAY, SHF_ALLOC | SHF_WRITE, 8],
];

function sectionDefaults(name: string): { type: number; flags: bigint; entsize: number } {
  for (const [re, type, flags, entsize] of SECTION_DEFAULTS) if (re.test(name)) return { type, flags, entsize };
  return { type: SHT_PROGBITS, flags: 0n, entsize: 0 };
}

const SECTION_TYPES: Record<string, number> = {
  progbits: SHT_PROGBITS, nobits: SHT_NOBITS, note: SHT_NOTE,
  init_array: SHT_INIT_ARRAY, fini_array: SHT_FINI_ARRAY, preinit_array: SHT_PREINIT_ARRAY,
};

function parseSectionFlags(as: Assembler, s: string, col: number): bigint | undefined {
  let f = 0n;
  for (const ch of s) {
    switch (ch) {
      case 'a': f |= SHF_ALLOC; break;
      case 'w': f |= SHF_WRITE; break;
      case 'x': f |= SHF_EXECINSTR; break;
      case 'M': f |= SHF_MERGE; break;
      case 'S': f |= SHF_STRINGS; break;
      case 'T': f |= SHF_TLS; break;
      case 'G': f |= SHF_GROUP; break;
      case 'e': f |= SHF_EXCLUDE; break;
      default:
        as.error(`unknown section flag '${ch}'`, col);
        return undefined;
    }
  }
  return f;
}

function sectionDirective(as: Assembler, text: string, r: number, col: number, name: string): void {
  const ops = splitOperands(text, r);
  if (ops.length === 0 || ops[0]!.text.trim() === '') {
    as.error(`${name} needs a section name`, col);
    return;
  }
  let secName = ops[0]!.text.trim();
  let sub = 0;
  if (secName.startsWith('"')) secName = secName.slice(1, secName.lastIndexOf('"'));
  else {
    // `.section .text 1`? gas takes a numeric subsection only in .text/.data forms; a name ends at a blank
    const parts = secName.split(/\s+/);
    secName = parts[0]!;
    if (parts[1] !== undefined) {
      const v = absoluteOperand(as, text, ops[0]!.start + ops[0]!.text.indexOf(parts[1]), ops[0]!.start + ops[0]!.text.length, name);
      if (v === undefined) return;
      sub = Number(v);
    }
  }
  const def = sectionDefaults(secName);
  let type = def.type;
  let flags = def.flags;
  let entsize = def.entsize;
  const flagText = ops[1]?.text.trim();
  if (flagText !== undefined) {
    if (!flagText.startsWith('"')) {
      as.error(`section flags must be a quoted string, found '${flagText}'`, ops[1]!.start + 1);
      return;
    }
    const f = parseSectionFlags(as, flagText.slice(1, flagText.lastIndexOf('"')), ops[1]!.start + 1);
    if (f === undefined) return;
    flags = f;
    if (!as.sectionByName.has(secName) && def.type === SHT_NOBITS) type = SHT_NOBITS;
  }
  const typeText = ops[2]?.text.trim();
  if (typeText !== undefined) {
    const t = SECTION_TYPES[typeText.replace(/^[@%]/, '').replace(/^"|"$/g, '')];
    if (t === undefined) {
      as.error(`unknown section type '${typeText}'`, ops[2]!.start + 1);
      return;
    }
    type = t;
  }
  if (ops[3] && (flags & SHF_MERGE) !== 0n) {
    const e = absoluteOperand(as, text, ops[3].start, ops[3].start + ops[3].text.length, name);
    if (e === undefined) return;
    entsize = Number(e);
  }
  const existing = as.sectionByName.get(secName);
  if (existing && flagText !== undefined && existing.flags !== flags) {
    as.warning(`ignoring changed section attributes for ${secName}`, col);
  }
  const section = existing ?? as.getSection(secName, type, flags, entsize);
  if (name === '.pushsection') as.sectionStack.push({ current: as.current, previous: as.previous });
  as.switchTo(section.chunk(sub));
}

function simpleSection(secName: string): DirectiveHandler {
  return (as, text, r, col, name) => {
      let sub = 0;
    if (text.slice(r).trim() !== '') {
      const v = absoluteOperand(as, text, r, text.length, name);
      if (v === undefined) return;
      sub = Number(v);
    }
    const def = sectionDefaults(secName);
    as.switchTo(as.getSection(secName, def.type, def.flags, def.entsize).chunk(sub));
    void col;
  };
}

// ---------------------------------------------------------------------------------------
// Symbols

function symbolNames(as: Assembler, text: string, r: number, col: number, what: string): Sym[] {
  const out: Sym[] = [];
  for (const o of splitOperands(text, r)) {
    const name = o.text.trim().replace(/^"(.*)"$/, '$1');
    if (!/^[A-Za-z_.$][A-Za-z0-9_.$]*$/.test(name) && !/^".*"$/.test(o.text.trim())) {
      as.error(`${what}: expected a symbol name, found '${o.text.trim()}'`, o.start + 1);
      continue;
    }
    out.push(as.symbol(name));
  }
  if (out.length === 0 && splitOperands(text, r).length === 0) as.error(`${what} needs a symbol name`, col);
  return out;
}

function bindDirective(binding: 'global' | 'weak' | 'local'): DirectiveHandler {
  return (as, text, r, col, name) => {
    for (const s of symbolNames(as, text, r, col, name)) {
      s.binding = binding;
    }
  };
}

function visibilityDirective(v: number): DirectiveHandler {
  return (as, text, r, col, name) => {
    for (const s of symbolNames(as, text, r, col, name)) {
      s.visibility = v;
    }
  };
}

const SYMBOL_TYPES: Record<string, number> = {
  function: STT_FUNC, object: STT_OBJECT, notype: STT_NOTYPE, tls_object: STT_TLS, common: STT_COMMON,
  gnu_indirect_function: STT_GNU_IFUNC, stt_func: STT_FUNC, stt_object: STT_OBJECT, stt_notype: STT_NOTYPE,
  stt_tls: STT_TLS, stt_common: STT_COMMON, stt_gnu_ifunc: STT_GNU_IFUNC,
};

function typeDirective(as: Assembler, text: string, r: number, col: number): void {
  const ops = splitOperands(text, r);
  if (ops.length !== 2) {
    as.error('.type needs a symbol and a type, e.g. .type name,@function', col);
    return;
  }
  const name = ops[0]!.text.trim();
  const t = ops[1]!.text.trim().replace(/^[@%]|^"|"$/g, '').toLowerCase();
  const type = SYMBOL_TYPES[t];
  if (type === undefined) {
    as.error(`unknown symbol type '${ops[1]!.text.trim()}'`, ops[1]!.start + 1);
    return;
  }
  const s = as.symbol(name);
  s.type = type;
}

function sizeDirective(as: Assembler, text: string, r: number, col: number): void {
  const ops = splitOperands(text, r);
  if (ops.length !== 2) {
    as.error('.size needs a symbol and an expression', col);
    return;
  }
  const op = parseOperand(as, text, ops[1]!.start, ops[1]!.start + ops[1]!.text.length);
  if (!op) return;
  const s = as.symbol(ops[0]!.text.trim());
  s.size = op.expr;
}

function commDirective(as: Assembler, text: string, r: number, col: number, name: string): void {
  const ops = splitOperands(text, r);
  if (ops.length < 2) {
    as.error(`${name} needs a symbol and a size`, col);
    return;
  }
  const sym = as.symbol(ops[0]!.text.trim());
  const size = absoluteOperand(as, text, ops[1]!.start, ops[1]!.start + ops[1]!.text.length, name);
  if (size === undefined) return;
  let align: bigint | undefined | null = null;
  if (ops[2]) align = absoluteOperand(as, text, ops[2].start, ops[2].start + ops[2].text.length, name);
  if (align === undefined) return;
  if (sym.isDefined) {
    as.error(`symbol '${sym.name}' is already defined`, col);
    return;
  }
  if (name === '.lcomm') {
    // A local block in .bss.
    const bss = as.getSection('.bss', SHT_NOBITS, SHF_ALLOC | SHF_WRITE).chunk(0);
    const saved = as.current;
    as.current = bss;
    if (align !== null && align > 0n) alignTo(as, bss, (align & (align - 1n)) === 0n ? align.toString(2).length - 1 : Number(align), undefined, 1, undefined);
    sym.kind = 'label';
    sym.chunk = bss;
    sym.offset = bss.offset;
    sym.definedAt = as.where;
    sym.size = { k: 'num', v: size };
    bss.reserved += Number(size);
    as.current = saved;
    return;
  }
  sym.kind = 'common';
  sym.commonSize = size > sym.commonSize ? size : sym.commonSize;
  sym.commonAlign = align === null ? defaultCommonAlign(size) : align;
  sym.binding = sym.binding === 'local' ? 'global' : sym.binding;
}

function defaultCommonAlign(size: bigint): bigint {
  let a = 1n;
  while (a < size && a < 16n) a <<= 1n;
  return a;
}

function setDirective(equiv: boolean): DirectiveHandler {
  return (as, text, r, col, name) => {
    const comma = splitOperands(text, r);
    if (comma.length < 2) {
      as.error(`${name} needs a symbol and an expression`, col);
      return;
    }
    const symName = comma[0]!.text.trim();
    if (!/^[A-Za-z_.$][A-Za-z0-9_.$]*$/.test(symName)) {
      as.error(`${name}: expected a symbol name, found '${symName}'`, comma[0]!.start + 1);
      return;
    }
    as.assign(symName, text, comma[1]!.start, col, equiv);
  };
}

// ---------------------------------------------------------------------------------------
// Space, fill, org

function spaceDirective(as: Assembler, text: string, r: number, col: number, name: string): void {
  const ops = splitOperands(text, r);
  const n = optionalAbsolute(as, text, ops, 0, name);
  if (n === undefined) return;
  if (n === null) {
    as.error(`${name} needs a size`, col);
    return;
  }
  const fill = name === '.zero' ? 0n : optionalAbsolute(as, text, ops, 1, name);
  if (fill === undefined) return;
  if (n < 0n) {
    as.warning(`${name} size ${n} is negative; ignored`, col);
    return;
  }
  if (n > 1n << 31n) {
    as.error(`${name} size ${n} is too large`, col);
    return;
  }
  emitFill(as, Number(n), Number(BigInt.asUintN(8, fill ?? 0n)), col);
}

function fillDirective(as: Assembler, text: string, r: number, col: number): void {
  const ops = splitOperands(text, r);
  const repeat = optionalAbsolute(as, text, ops, 0, '.fill');
  const size = optionalAbsolute(as, text, ops, 1, '.fill');
  const value = optionalAbsolute(as, text, ops, 2, '.fill');
  if (repeat === undefined || size === undefined || value === undefined) return;
  if (repeat === null) {
    as.error('.fill needs a repeat count', col);
    return;
  }
  const sz = size === null ? 1 : Number(size > 8n ? 8n : size);
  if (repeat < 0n || repeat * BigInt(Math.max(sz, 1)) > 1n << 31n) {
    as.error(`.fill repeat count ${repeat} is out of range`, col);
    return;
  }
  const v = value ?? 0n;
  if (as.current.section.isNobits) {
    emitFill(as, Number(repeat) * sz, Number(v), col);
    return;
  }
  // gas writes the value as a 4-byte big-endian number and takes `size` bytes of it (low end for size<=4).
  for (let i = 0n; i < repeat; i++) as.current.buf.int(sz > 4 ? BigInt.asUintN(32, v) : v, sz);
}

function orgDirective(as: Assembler, text: string, r: number, col: number): void {
  const ops = splitOperands(text, r);
  if (ops.length === 0) {
    as.error('.org needs an address', col);
    return;
  }
  const op = parseOperand(as, text, ops[0]!.start, ops[0]!.start + ops[0]!.text.length);
  if (!op) return;
  const fill = optionalAbsolute(as, text, ops, 1, '.org');
  if (fill === undefined) return;
  let target: number;
  try {
    const v = evaluate(op.expr, 'now');
    if (isAbsolute(v)) target = Number(v.add);
    else if (v.plus.length === 1 && v.minus.length === 0 && v.plus[0]!.chunk === as.current) target = v.plus[0]!.offset! + Number(v.add);
    else {
      as.error('.org: the address must be absolute or in the current section', ops[0]!.start + 1);
      return;
    }
  } catch (e) {
    if (e instanceof NotYet || e instanceof EvalError) {
      as.error(`.org: the address is not known here${e instanceof EvalError ? ` (${e.message})` : ''}`, ops[0]!.start + 1);
      return;
    }
    throw e;
  }
  const here = as.current.offset;
  if (target < here) {
    as.error(`.org would move the location counter backwards (from 0x${here.toString(16)} to 0x${target.toString(16)})`, col);
    return;
  }
  if (target - here > 1 << 30) {
    as.error(`.org target 0x${target.toString(16)} is too far ahead`, col);
    return;
  }
  emitFill(as, target - here, Number(BigInt.asUintN(8, fill ?? 0n)), col);
}

// ---------------------------------------------------------------------------------------
// Files and messages

function includeDirective(as: Assembler, text: string, r: number, col: number): void {
  const m = /^\s*"([^"]*)"\s*$/.exec(text.slice(r));
  if (!m) {
    as.error('.include needs a file name in quotes', col);
    return;
  }
  const found = findFile(as, m[1]!);
  if (!found) {
    as.error(`can't open '${m[1]}' for reading: no such file (searched the current directory and the -I directories)`, col);
    return;
  }
  const frame = { kind: 'include' as const, loc: locationOf(as.where, col) };
  const src = new TextLineSource(new TextDecoder().decode(found.data), found.path);
  // The included lines carry the include frame through the TextLineSource's own origin.
  as.pushSource(withOrigin(src, [frame, ...as.where.origin]), frame, false);
}

function withOrigin(src: TextLineSource, origin: import('../common/diagnostics.js').OriginFrame[]): { next(): ReturnType<TextLineSource['next']> } {
  return {
    next() {
      const l = src.next();
      return l && { text: l.text, file: l.file, line: l.line, origin: [...l.origin, ...origin] };
    },
  };
}

function findFile(as: Assembler, name: string): { path: string; data: Uint8Array } | undefined {
  const candidates = name.startsWith('/') ? [name] : [name, ...(as.options.includeDirs ?? []).map((d) => `${d.replace(/\/$/, '')}/${name}`)];
  for (const c of candidates) {
    const data = as.host.readFile(c);
    if (data) return { path: c, data };
  }
  return undefined;
}

function incbinDirective(as: Assembler, text: string, r: number, col: number): void {
  const ops = splitOperands(text, r);
  const m = /^\s*"([^"]*)"\s*$/.exec(ops[0]?.text ?? '');
  if (!m) {
    as.error('.incbin needs a file name in quotes', col);
    return;
  }
  const found = findFile(as, m[1]!);
  if (!found) {
    as.error(`can't open '${m[1]}' for reading: no such file`, col);
    return;
  }
  const skip = optionalAbsolute(as, text, ops, 1, '.incbin');
  const count = optionalAbsolute(as, text, ops, 2, '.incbin');
  if (skip === undefined || count === undefined) return;
  const from = Number(skip ?? 0n);
  const to = count === null ? found.data.length : from + Number(count);
  if (from < 0 || from > found.data.length || to > found.data.length) {
    as.error(`.incbin range ${from}..${to} is outside '${m[1]}' (${found.data.length} bytes)`, col);
    return;
  }
  if (!requireBytesAllowed(as, '.incbin', col)) return;
  as.current.buf.append(found.data.subarray(from, to));
}

function messageText(as: Assembler, text: string, r: number): string | undefined {
  const rest = text.slice(r).trim();
  if (rest === '') return undefined;
  if (!rest.startsWith('"')) return rest;
  const s = readString(as, rest, 0);
  return s ? String.fromCharCode(...s.bytes) : rest;
}

// ---------------------------------------------------------------------------------------
// The table

function ignore(): void {}

const entries: [string, DirectiveHandler][] = [
  ['.text', simpleSection('.text')],
  ['.data', simpleSection('.data')],
  ['.bss', simpleSection('.bss')],
  ['.section', sectionDirective],
  ['.pushsection', sectionDirective],
  ['.popsection', (as, _t, _r, col) => {
    const top = as.sectionStack.pop();
    if (!top) as.error("'.popsection' without a matching '.pushsection'", col);
    else {
      as.current = top.current;
      as.previous = top.previous;
    }
  }],
  ['.previous', (as, _t, _r, col) => {
    if (!as.previous) {
      as.error("'.previous' without a previous section", col);
      return;
    }
    const p = as.previous;
    as.previous = as.current;
    as.current = p;
  }],
  ['.subsection', (as, text, r, col) => {
    const v = absoluteOperand(as, text, r, text.length, '.subsection');
    if (v === undefined) return;
    as.switchTo(as.current.section.chunk(Number(v)));
    void col;
  }],
  ['.byte', (as, t, r, c) => emitData(as, t, r, 1, c)],
  ['.short', (as, t, r, c) => emitData(as, t, r, 2, c)],
  ['.hword', (as, t, r, c) => emitData(as, t, r, 2, c)],
  ['.2byte', (as, t, r, c) => emitData(as, t, r, 2, c)],
  ['.word', (as, t, r, c) => emitData(as, t, r, 2, c)],
  ['.long', (as, t, r, c) => emitData(as, t, r, 4, c)],
  ['.int', (as, t, r, c) => emitData(as, t, r, 4, c)],
  ['.4byte', (as, t, r, c) => emitData(as, t, r, 4, c)],
  ['.quad', (as, t, r, c) => emitData(as, t, r, 8, c)],
  ['.llong', (as, t, r, c) => emitData(as, t, r, 8, c)],
  ['.8byte', (as, t, r, c) => emitData(as, t, r, 8, c)],
  ['.ascii', (as, t, r, c) => emitStrings(as, t, r, c, false)],
  ['.asciz', (as, t, r, c) => emitStrings(as, t, r, c, true)],
  ['.string', (as, t, r, c) => emitStrings(as, t, r, c, true)],
  ['.space', spaceDirective],
  ['.skip', spaceDirective],
  ['.zero', spaceDirective],
  ['.fill', fillDirective],
  ['.org', orgDirective],
  ['.align', alignDirective],
  ['.p2align', alignDirective],
  ['.p2alignw', alignDirective],
  ['.p2alignl', alignDirective],
  ['.balign', alignDirective],
  ['.balignw', alignDirective],
  ['.balignl', alignDirective],
  ['.globl', bindDirective('global')],
  ['.global', bindDirective('global')],
  ['.local', bindDirective('local')],
  ['.weak', bindDirective('weak')],
  ['.hidden', visibilityDirective(STV_HIDDEN)],
  ['.protected', visibilityDirective(STV_PROTECTED)],
  ['.internal', visibilityDirective(STV_INTERNAL)],
  ['.extern', ignore],
  ['.type', typeDirective],
  ['.size', sizeDirective],
  ['.comm', commDirective],
  ['.lcomm', commDirective],
  ['.set', setDirective(false)],
  ['.equ', setDirective(false)],
  ['.equiv', setDirective(true)],
  ['.macro', (as, t, r, c) => as.macros.define(t, r, c)],
  ['.endm', (as, _t, _r, c) => as.macros.endm(c)],
  ['.exitm', (as, _t, _r, c) => {
    if (!as.exitMacro()) as.error("'.exitm' outside a macro", c);
  }],
  ['.purgem', (as, t, r, c) => as.macros.purge(t.slice(r), c)],
  ['.rept', (as, t, r, c) => {
    const v = absoluteOperand(as, t, r, t.length, '.rept');
    as.macros.rept(v ?? 0n, c);
  }],
  ['.rep', (as, t, r, c) => {
    const v = absoluteOperand(as, t, r, t.length, '.rep');
    as.macros.rept(v ?? 0n, c);
  }],
  ['.irp', (as, t, r, c) => as.macros.irp(t, r, c, false)],
  ['.irpc', (as, t, r, c) => as.macros.irp(t, r, c, true)],
  ['.endr', (as, _t, _r, c) => as.macros.endr(c)],
  ['.include', includeDirective],
  ['.incbin', incbinDirective],
  ['.err', (as, _t, _r, c) => as.error('.err encountered', c)],
  ['.error', (as, t, r, c) => as.error(messageText(as, t, r) ?? '.error directive invoked in source file', c)],
  ['.warning', (as, t, r, c) => as.warning(messageText(as, t, r) ?? '.warning directive invoked in source file', c)],
  ['.print', (as, t, r) => as.printed.push(messageText(as, t, r) ?? '')],
  ['.end', (as) => {
    as.ended = true;
  }],
  ['.abiversion', (as, t, r, c) => {
    const v = absoluteOperand(as, t, r, t.length, '.abiversion');
    if (v === undefined) return;
    if (v < 0n || v > 3n) {
      as.error(`.abiversion ${v} is out of range (0..3)`, c);
      return;
    }
    as.abiversion = Number(v);
  }],
  ['.machine', (as, t, r, c) => as.machine(t.slice(r).trim(), c)],
  ['.file', ignore],
  ['.ident', ignore],
  ['.tc', (as, t, r, c) => {
    // .tc name[TC], value — one TOC doubleword.
    const comma = t.indexOf(',', r);
    if (comma < 0) {
      as.error('.tc needs a name and a value', c);
      return;
    }
    alignTo(as, as.current, 3, undefined, 1, undefined);
    emitData(as, t, comma + 1, 8, c);
  }],
];

export const DIRECTIVES: ReadonlyMap<string, DirectiveHandler> = new Map(entries);

