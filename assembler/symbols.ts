/**
 * The assembler's model of what it is building: sections made of chunks (one per
 * numeric subsection), growable big-endian byte buffers, symbols, and fixups waiting
 * for the end of the input.
 */
import type { Where } from './lines.js';
import type { Expr, Modifier } from './expr.js';
import type { FixupShape } from '../isa/types.js';

/** A growable big-endian byte buffer. */
export class ByteBuffer {
  bytes = new Uint8Array(256);
  length = 0;

  private ensure(extra: number): void {
    const need = this.length + extra;
    if (need <= this.bytes.length) return;
    let size = this.bytes.length * 2;
    while (size < need) size *= 2;
    const next = new Uint8Array(size);
    next.set(this.bytes.subarray(0, this.length));
    this.bytes = next;
  }

  u8(v: number): void {
    this.ensure(1);
    this.bytes[this.length++] = v & 0xff;
  }

  u32(v: number): void {
    this.ensure(4);
    const b = this.bytes;
    let n = this.length;
    b[n++] = (v >>> 24) & 0xff;
    b[n++] = (v >>> 16) & 0xff;
    b[n++] = (v >>> 8) & 0xff;
    b[n++] = v & 0xff;
    this.length = n;
  }

  /** Append `size` bytes of the big-endian two's-complement value v. */
  int(v: bigint, size: number): void {
    this.ensure(size);
    for (let i = size - 1; i >= 0; i--) {
      this.bytes[this.length + i] = Number(v & 0xffn);
      v >>= 8n;
    }
    this.length += size;
  }

  fill(count: number, value: number): void {
    this.ensure(count);
    this.bytes.fill(value & 0xff, this.length, this.length + count);
    this.length += count;
  }

  append(data: Uint8Array): void {
    this.ensure(data.length);
    this.bytes.set(data, this.length);
    this.length += data.length;
  }

  /** Overwrite bytes already written (used when a fixup resolves). */
  patchInt(offset: number, v: bigint, size: number): void {
    for (let i = size - 1; i >= 0; i--) {
      this.bytes[offset + i] = Number(v & 0xffn);
      v >>= 8n;
    }
  }

  readU32(offset: number): number {
    const b = this.bytes;
    return ((b[offset]! << 24) | (b[offset + 1]! << 16) | (b[offset + 2]! << 8) | b[offset + 3]!) >>> 0;
  }

  writeU32(offset: number, v: number): void {
    const b = this.bytes;
    b[offset] = (v >>> 24) & 0xff;
    b[offset + 1] = (v >>> 16) & 0xff;
    b[offset + 2] = (v >>> 8) & 0xff;
    b[offset + 3] = v & 0xff;
  }

  view(): Uint8Array {
    return this.bytes.subarray(0, this.length);
  }
}

export class Section {
  readonly chunks = new Map<number, Chunk>();
  /** log2 of the largest alignment requested in the section. */
  p2align = 0;
  /** ELF section index in the output object (assigned by the writer). */
  index = 0;
  /** Final size, known after layout. */
  size = 0;
  /** Index of the section's STT_SECTION symbol in .symtab (assigned by the writer). */
  symbolIndex = 0;

  constructor(
    readonly name: string,
    public type: number,
    public flags: bigint,
    public entsize = 0,
    readonly order: number,
  ) {}

  get isNobits(): boolean {
    return this.type === 8; // SHT_NOBITS
  }

  chunk(sub: number): Chunk {
    let c = this.chunks.get(sub);
    if (!c) {
      c = new Chunk(this, sub);
      this.chunks.set(sub, c);
    }
    return c;
  }
}

/** A numeric subsection: bytes plus the fixups inside them. Concatenated in subsection order. */
export class Chunk {
  readonly buf = new ByteBuffer();
  readonly fixups: Fixup[] = [];
  /** Offset of this chunk in its section, known after layout. */
  base = 0;
  p2align = 0;
  /** For NOBITS sections: size without bytes. */
  reserved = 0;

  constructor(
    readonly section: Section,
    readonly sub: number,
  ) {}

  get offset(): number {
    return this.section.isNobits ? this.reserved : this.buf.length;
  }
}

export type SymKind = 'undef' | 'label' | 'abs' | 'equ' | 'common';
export type Binding = 'local' | 'global' | 'weak';

export class Sym {
  kind: SymKind = 'undef';
  chunk?: Chunk;
  offset = 0;
  value = 0n;
  expr?: Expr;
  binding: Binding = 'local';
  /** STT_* value set by .type (or FUNC/OBJECT defaults). */
  type = 0;
  size?: Expr;
  visibility = 0;
  commonSize = 0n;
  commonAlign = 0n;
  /** Needed in .symtab as a relocation target. */
  usedInReloc = false;
  /** Defined by .equiv: may not be redefined. */
  equiv = false;
  /** Defined by .set/.equ/= (so .set may define it again). */
  assigned = false;
  definedAt?: Where;
  /** ELF symbol index (assigned by the writer). */
  index = 0;

  constructor(readonly name: string) {}

  /** Not written to .symtab: `.L` and `..` locals (ppc gas's local-label prefixes) and numeric local labels. */
  get isTemporary(): boolean {
    const n = this.name;
    return (n.charCodeAt(0) === 0x2e && (n.charCodeAt(1) === 0x4c || n.charCodeAt(1) === 0x2e)) || n.charCodeAt(0) === 0x01;
  }

  get isDefined(): boolean {
    return this.kind !== 'undef' && this.kind !== 'common';
  }
}

/** A field waiting for its value at the end of the input. */
export interface Fixup {
  readonly chunk: Chunk;
  /** Offset of the instruction (for instruction fixups) or of the data item, in the chunk. */
  readonly offset: number;
  readonly shape: FixupShape | 'data8' | 'data16' | 'data32' | 'data64';
  readonly expr: Expr;
  readonly modifier?: Modifier;
  /** Branch targets: the value is relative to the instruction. */
  readonly pcrel: boolean;
  /** For instruction fixups: re-encode through the ISA with the resolved value. */
  readonly insn?: InsnFixup;
  readonly where: Where;
  readonly col: number;
}

export interface InsnFixup {
  readonly variant: import('../isa/types.js').InsnVariant;
  readonly values: (bigint | undefined)[];
  readonly operand: number;
  readonly hint?: '+' | '-';
  readonly cpu: import('../isa/cpu.js').Cpu;
}
