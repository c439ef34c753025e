/*
 * The constant-list macros used by asm-offsets.c.
 *
 * Compiled by gcc (-S), each DEFINE becomes an inline-asm statement whose "i" operand gcc must
 * fold to a number; the number lands in the assembly as a marker comment line
 *     #@@asm-offset NAME VALUE
 *     #@@asm-offset-text NAME EXPRESSION
 * which the differential test scrapes (the kbuild technique). The project's own generator
 * (offsets/) evaluates the same DEFINE lines itself and defines __OFFSETS_GENERATOR__, so
 * it sees the DEFINE calls unexpanded.
 */
#ifndef PPC64_KBUILD_H
#define PPC64_KBUILD_H

#ifndef __OFFSETS_GENERATOR__
#ifndef offsetof
#define offsetof(type, member) __builtin_offsetof(type, member)
#endif
/*
 * Two asm statements: the value goes through an "i" operand (gcc must fold it to a constant);
 * the expression text goes into a basic asm statement, where '%' needs no escaping.
 */
#define DEFINE(sym, val) do { \
	__asm__ __volatile__("\n#@@asm-offset " #sym " %0" : : "i" (val)); \
	__asm__ __volatile__("\n#@@asm-offset-text " #sym " " #val); \
} while (0)
#define OFFSET(sym, str, mem) DEFINE(sym, offsetof(struct str, mem))
#define BLANK() __asm__ __volatile__("\n#@@asm-offset-blank")
#define COMMENT(x) __asm__ __volatile__("\n#@@asm-offset-comment " x)
#endif

#endif /* PPC64_KBUILD_H */
