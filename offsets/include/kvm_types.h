/*
 * Kernel-style scalar types and attribute spellings used by the host structures.
 *
 * Plain C on purpose: the offsets generator (offsets/) reads this file, and the differential
 * test compiles the very same text with powerpc64-linux-gnu-gcc. Sizes follow the 64-bit
 * PowerPC ELF ABI (LP64): long and pointers are 8 bytes.
 */
#ifndef PPC64_KVM_TYPES_H
#define PPC64_KVM_TYPES_H

typedef unsigned char u8;
typedef signed char s8;
typedef unsigned short u16;
typedef signed short s16;
typedef unsigned int u32;
typedef signed int s32;
typedef unsigned long u64;
typedef signed long s64;
typedef unsigned long ulong;

#ifndef __aligned
#define __aligned(x) __attribute__((aligned(x)))
#endif
#ifndef __packed
#define __packed __attribute__((packed))
#endif

#endif /* PPC64_KVM_TYPES_H */
