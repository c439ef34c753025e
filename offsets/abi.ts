/**
 * Scalar sizes and alignments of the 64-bit PowerPC ELF ABI (ELFv1, LP64, big-endian), as data.
 *
 * char is unsigned; long and pointers are 8 bytes; long double is the 16-byte IBM double-double
 * with 16-byte alignment; the largest alignment the target knows (`aligned` with no argument)
 * is 16. All sizes and alignments are bytes, as bigint (layout arithmetic stays in one domain).
 */

export interface IntType {
  readonly kind: 'int';
  /** C spelling, for diagnostics and the header's comments. */
  readonly name: string;
  readonly size: bigint;
  readonly align: bigint;
  readonly signed: boolean;
  /** Conversion rank (C11 6.3.1.1); equal sizes share a rank here except _Bool/char. */
  readonly rank: number;
}

export interface FloatType {
  readonly kind: 'float';
  readonly name: string;
  readonly size: bigint;
  readonly align: bigint;
}

const int = (name: string, size: bigint, signed: boolean, rank: number): IntType =>
  Object.freeze({ kind: 'int', name, size, align: size, signed, rank });

export const INT_TYPES = Object.freeze({
  bool: int('_Bool', 1n, false, 0),
  char: int('char', 1n, false, 1),
  schar: int('signed char', 1n, true, 1),
  uchar: int('unsigned char', 1n, false, 1),
  short: int('short', 2n, true, 2),
  ushort: int('unsigned short', 2n, false, 2),
  int: int('int', 4n, true, 3),
  uint: int('unsigned int', 4n, false, 3),
  long: int('long', 8n, true, 4),
  ulong: int('unsigned long', 8n, false, 4),
  llong: int('long long', 8n, true, 5),
  ullong: int('unsigned long long', 8n, false, 5),
  int128: int('__int128', 16n, true, 6),
  uint128: int('unsigned __int128', 16n, false, 6),
});

export const FLOAT_TYPES = Object.freeze({
  float: Object.freeze<FloatType>({ kind: 'float', name: 'float', size: 4n, align: 4n }),
  double: Object.freeze<FloatType>({ kind: 'float', name: 'double', size: 8n, align: 8n }),
  longDouble: Object.freeze<FloatType>({ kind: 'float', name: 'long double', size: 16n, align: 16n }),
});

export const POINTER_SIZE = 8n;
export const POINTER_ALIGN = 8n;
/** `__attribute__((aligned))` without a value: the target's biggest alignment. */
export const BIGGEST_ALIGNMENT = 16n;
/** Type of sizeof, offsetof and _Alignof (size_t). */
export const SIZE_T = INT_TYPES.ulong;

/**
 * Type-specifier keyword combinations (C11 6.7.2.2), keyed by the sorted keywords joined with
 * spaces. 'int' is implied where C allows dropping it.
 */
export const SPECIFIER_COMBINATIONS: ReadonlyMap<string, IntType | FloatType | 'void'> = (() => {
  const m = new Map<string, IntType | FloatType | 'void'>();
  const add = (t: IntType | FloatType | 'void', ...spellings: string[]): void => {
    for (const s of spellings) m.set(s.split(' ').sort().join(' '), t);
  };
  add('void', 'void');
  add(INT_TYPES.bool, '_Bool');
  add(INT_TYPES.char, 'char');
  add(INT_TYPES.schar, 'signed char');
  add(INT_TYPES.uchar, 'unsigned char');
  add(INT_TYPES.short, 'short', 'signed short', 'short int', 'signed short int');
  add(INT_TYPES.ushort, 'unsigned short', 'unsigned short int');
  add(INT_TYPES.int, 'int', 'signed', 'signed int');
  add(INT_TYPES.uint, 'unsigned', 'unsigned int');
  add(INT_TYPES.long, 'long', 'signed long', 'long int', 'signed long int');
  add(INT_TYPES.ulong, 'unsigned long', 'unsigned long int');
  add(INT_TYPES.llong, 'long long', 'signed long long', 'long long int', 'signed long long int');
  add(INT_TYPES.ullong, 'unsigned long long', 'unsigned long long int');
  add(INT_TYPES.int128, '__int128', 'signed __int128');
  add(INT_TYPES.uint128, 'unsigned __int128');
  add(FLOAT_TYPES.float, 'float');
  add(FLOAT_TYPES.double, 'double');
  add(FLOAT_TYPES.longDouble, 'long double');
  return m;
})();

/** Keywords that may appear in a specifier combination. */
export const SPECIFIER_KEYWORDS: ReadonlySet<string> = new Set([
  'void', '_Bool', 'char', 'short', 'int', 'long', 'signed', 'unsigned', 'float', 'double', '__int128',
]);

/**
 * Type names the generator knows without a declaration: the fixed-width types of <stdint.h>,
 * size_t and friends, and the kernel's u8..u64 / s8..s64 / ulong. A declaration in the input
 * (typedef u64 ...) takes precedence, exactly as gcc would see it.
 */
export const BUILTIN_TYPEDEFS: ReadonlyMap<string, IntType> = new Map<string, IntType>([
  ['u8', INT_TYPES.uchar], ['u16', INT_TYPES.ushort], ['u32', INT_TYPES.uint], ['u64', INT_TYPES.ulong],
  ['s8', INT_TYPES.schar], ['s16', INT_TYPES.short], ['s32', INT_TYPES.int], ['s64', INT_TYPES.long],
  ['__u8', INT_TYPES.uchar], ['__u16', INT_TYPES.ushort], ['__u32', INT_TYPES.uint], ['__u64', INT_TYPES.ulong],
  ['__s8', INT_TYPES.schar], ['__s16', INT_TYPES.short], ['__s32', INT_TYPES.int], ['__s64', INT_TYPES.long],
  ['__be16', INT_TYPES.ushort], ['__be32', INT_TYPES.uint], ['__be64', INT_TYPES.ulong],
  ['ulong', INT_TYPES.ulong], ['uint', INT_TYPES.uint], ['ushort', INT_TYPES.ushort], ['uchar', INT_TYPES.uchar],
  ['uint8_t', INT_TYPES.uchar], ['uint16_t', INT_TYPES.ushort], ['uint32_t', INT_TYPES.uint], ['uint64_t', INT_TYPES.ulong],
  ['int8_t', INT_TYPES.schar], ['int16_t', INT_TYPES.short], ['int32_t', INT_TYPES.int], ['int64_t', INT_TYPES.long],
  ['uintptr_t', INT_TYPES.ulong], ['intptr_t', INT_TYPES.long], ['size_t', INT_TYPES.ulong], ['ssize_t', INT_TYPES.long],
  ['ptrdiff_t', INT_TYPES.long], ['bool', INT_TYPES.bool], ['phys_addr_t', INT_TYPES.ulong], ['gpa_t', INT_TYPES.ulong],
  ['gva_t', INT_TYPES.ulong], ['gfn_t', INT_TYPES.ulong], ['hva_t', INT_TYPES.ulong],
]);

/** System headers whose content the generator has built in (the types above, offsetof). */
export const BUILTIN_HEADERS: ReadonlySet<string> = new Set(['stddef.h', 'stdint.h', 'stdbool.h', 'linux/types.h']);

/** Macros the generator predefines, as the ppc64 gcc would (plus its own marker). */
export const PREDEFINED_MACROS: ReadonlyArray<readonly [string, string]> = [
  ['__OFFSETS_GENERATOR__', '1'],
  ['__powerpc__', '1'], ['__powerpc64__', '1'], ['__PPC__', '1'], ['__PPC64__', '1'],
  ['_ARCH_PPC', '1'], ['_ARCH_PPC64', '1'], ['__BIG_ENDIAN__', '1'], ['_CALL_ELF', '1'],
  ['__LP64__', '1'], ['_LP64', '1'], ['__CHAR_BIT__', '8'], ['__CHAR_UNSIGNED__', '1'],
  ['__SIZEOF_SHORT__', '2'], ['__SIZEOF_INT__', '4'], ['__SIZEOF_LONG__', '8'], ['__SIZEOF_LONG_LONG__', '8'],
  ['__SIZEOF_POINTER__', '8'], ['__SIZEOF_SIZE_T__', '8'], ['__SIZEOF_LONG_DOUBLE__', '16'],
  ['__ORDER_BIG_ENDIAN__', '4321'], ['__ORDER_LITTLE_ENDIAN__', '1234'], ['__BYTE_ORDER__', '__ORDER_BIG_ENDIAN__'],
  ['__BIGGEST_ALIGNMENT__', '16'], ['__STDC__', '1'], ['__STDC_VERSION__', '201710L'], ['__GNUC__', '12'],
];
