/**
 * Record layout by the 64-bit PowerPC ELF ABI rules (as GCC implements them for C), pure.
 *
 * Every member is placed at the next offset that is a multiple of its alignment; a struct's
 * alignment is the largest member alignment (raised by an `aligned` attribute on the struct) and
 * its size is rounded up to it. A union places every member at 0. `packed` (on the struct or the
 * member) drops a member's alignment to 1 — except an `aligned(n)` written on the member itself,
 * which then sets it to exactly n. Without `packed`, `aligned(n)` on a member only raises.
 *
 * Bit-fields (the SysV rule GCC applies on PowerPC): a bit-field starts at the next free bit
 * unless that would make it span more alignment units of its declared type than the type itself
 * has, in which case it starts at the next unit; packed bit-fields never move, and neither does
 * one that GCC treats as a plain integer (see fitsIntegerUnitInPlace). A named bit-field gives
 * the record its type's alignment; an unnamed one does not, and an unnamed zero-width one only
 * moves the next field to that alignment. Layout is computed in bits throughout.
 */

export interface FieldSpec {
  /** Byte size of the member's type (0 for a flexible array member). */
  readonly size: bigint;
  /** Alignment of the member's type (already including a typedef's `aligned`). */
  readonly typeAlign: bigint;
  /** `aligned(n)` / `_Alignas(n)` written on the member. */
  readonly declAlign?: bigint;
  /** `packed` written on the member. */
  readonly packed?: boolean;
  /** Width in bits, for a bit-field (size and typeAlign then describe its declared type). */
  readonly bitWidth?: bigint;

  /** Whether the member has a name (unnamed bit-fields do not align the record). */
  readonly named?: boolean;
}

export interface RecordOptions {
  readonly kind: 'struct' | 'union';
  /** `packed` on the record. */
  readonly packed?: boolean;
  /** `aligned(n)` on the record. */
  readonly align?: bigint;
}

export interface RecordShape {
  readonly size: bigint;
  readonly align: bigint;
  readonly offsets: readonly bigint[];
  /** Offset of each member in bits (a bit-field's first bit, counted from the MSB end). */
  readonly bitOffsets: readonly bigint[];
  /** The alignment each member got (what decides its offset; 1 for bit-fields). */
  readonly fieldAligns: readonly bigint[];
}

export function alignUp(value: bigint, align: bigint): bigint {
  return ((value + align - 1n) / align) * align;
}

export function isPowerOfTwo(v: bigint): boolean {
  return v > 0n && (v & (v - 1n)) === 0n;
}

/** The alignment a member gets inside its record. */
export function fieldAlignment(f: FieldSpec, recordPacked: boolean): bigint {
  const packed = recordPacked || f.packed === true;
  if (packed) return f.declAlign ?? 1n;
  return f.declAlign !== undefined && f.declAlign > f.typeAlign ? f.declAlign : f.typeAlign;
}

export function layoutRecord(fields: readonly FieldSpec[], opts: RecordOptions): RecordShape {
  const bitOffsets: bigint[] = [];
  const fieldAligns: bigint[] = [];
  let align = 1n;
  let endBits = 0n;
  for (const f of fields) {
    let at: bigint;
    let bits: bigint;
    if (f.bitWidth !== undefined) {
      const packed = opts.packed === true || f.packed === true;
      const unitBits = f.typeAlign * 8n;
      at = opts.kind === 'union' ? 0n : endBits;
      if (f.bitWidth === 0n) at = alignUp(at, unitBits);
      else if (fitsIntegerUnitInPlace(at, f.bitWidth, packed)) {
        // stays where it is
      } else if (!packed && spansTooManyUnits(at, f.bitWidth, unitBits, f.size * 8n)) at = alignUp(at, unitBits);
      if (f.named && !packed && f.typeAlign > align) align = f.typeAlign;
      fieldAligns.push(1n);
      bits = f.bitWidth;
    } else {
      const a = fieldAlignment(f, opts.packed === true);
      fieldAligns.push(a);
      if (a > align) align = a;
      at = opts.kind === 'union' ? 0n : alignUp(endBits, a * 8n);
      bits = f.size * 8n;
    }
    bitOffsets.push(at);
    if (at + bits > endBits) endBits = at + bits;
  }
  if (opts.align !== undefined && opts.align > align) align = opts.align;
  return { size: alignUp(alignUp(endBits, 8n) / 8n, align), align, offsets: bitOffsets.map((b) => b / 8n), bitOffsets, fieldAligns };
}

/**
 * GCC lays a bit-field out as a plain integer when its width is that of an integer mode (8, 16,
 * 32, 64 or 128 bits) and it already starts on a boundary of that width (a packed one only when
 * that is a byte): it then stays where it is, whatever a typedef did to its type's alignment.
 */
function fitsIntegerUnitInPlace(at: bigint, width: bigint, packed: boolean): boolean {
  if (![8n, 16n, 32n, 64n, 128n].includes(width)) return false;
  if (packed && width > 8n) return false;
  return at % width === 0n;
}

/** Whether `width` bits at bit `at` touch more `unit`-aligned units than the type has. */
function spansTooManyUnits(at: bigint, width: bigint, unitBits: bigint, typeBits: bigint): boolean {
  const inUnit = at % unitBits;
  return (inUnit + width + unitBits - 1n) / unitBits > typeBits / unitBits;
}
