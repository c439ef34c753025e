/**
 * Record layout by the 64-bit PowerPC ELF ABI rules (as GCC implements them for C), pure.
 *
 * Every member is placed at the next offset that is a multiple of its alignment; a struct's
 * alignment is the largest member alignment (raised by an `aligned` attribute on the struct) and
 * its size is rounded up to it. A union places every member at 0. `packed` (on the struct or the
 * member) drops a member's alignment to 1 — except an `aligned(n)` written on the member itself,
 * which then sets it to exactly n. Without `packed`, `aligned(n)` on a member only raises.
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
  /** The alignment each member got (what decides its offset). */
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
  const offsets: bigint[] = [];
  const fieldAligns: bigint[] = [];
  let align = 1n;
  let end = 0n;
  for (const f of fields) {
    const a = fieldAlignment(f, opts.packed === true);
    fieldAligns.push(a);
    if (a > align) align = a;
    if (opts.kind === 'union') {
      offsets.push(0n);
      if (f.size > end) end = f.size;
    } else {
      const at = alignUp(end, a);
      offsets.push(at);
      end = at + f.size;
    }
  }
  if (opts.align !== undefined && opts.align > align) align = opts.align;
  return { size: alignUp(end, align), align, offsets, fieldAligns };
}
