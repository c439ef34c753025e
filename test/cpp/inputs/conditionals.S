/* #if arithmetic, defined, skipping, __LINE__/__FILE__. */
#define ONE 1
#define TWO (ONE + ONE)
#define NEG -1
#define BIG 0xffffffffffffffff
#define EMPTY
#define FN(x) ((x) * 2)

#if TWO * 3 == 6 && ONE
ok_arith __LINE__
#endif
#if 1 + 2 * 3 << 1 == 14 && (1 + 2) * 3 == 9
ok_prec
#endif
#if NEG < 0 && NEG > 0u
ok_unsigned_conversion
#endif
#if BIG == -1 && BIG > 0 && -1 >> 63 == -1 && 1 << 63 < 0
ok_64bit
#endif
#if 0xffffffffffffffffu / 2 == 0x7fffffffffffffff && -7 / 2 == -3 && -7 % 2 == -1
ok_division
#endif
#if 'a' == 97 && '\n' == 10 && '\377' == 255 && '\x41' == 65 && L'a' == 97
ok_chars
#endif
#if defined ONE && defined(TWO) && !defined THREE && !defined(THREE)
ok_defined
#endif
#if defined EMPTY && EMPTY 1 EMPTY
ok_empty
#endif
#if FN(3) == 6 && FN(FN(1)) == 4
ok_funlike
#endif
#if 0 && 1 / 0
#else
ok_short_circuit
#endif
#if 1 || 1 / 0
ok_or_short_circuit
#endif
#if (0 ? 1 / 0 : 2) == 2 && (1 ? -1 : 0u) > 0
ok_conditional
#endif
#if undefined_identifier == 0 && !undefined_identifier
ok_undefined_is_zero
#endif
#if 010 == 8 && 0x10 == 16 && 10UL == 10 && 10llu == 10
ok_numbers
#endif
#if ~0 == -1 && !0 == 1 && -(-1) == 1 && +3 == 3
ok_unary
#endif
#if (1, 2) == 2
ok_comma
#endif
#if __LINE__ == 50
ok_line
#endif

#ifdef ONE
#  if ONE == 2
wrong
#  elif ONE == 1
ok_elif
#    ifndef TWO
wrong
#    else
ok_nested_else
#    endif
#  else
wrong
#  endif
#endif

#if 0
#  bogus directive inside a skipped block is fine
#  if garbage ( ( (
#  endif
#  error not reached
   'unterminated quote in skipped code
#elif 0
wrong
#elif 1
ok_elif_chain
#elif 1/0
wrong
#else
wrong
#endif

#ifndef __ASSEMBLER__
wrong
#endif
#if __ASSEMBLER__ && __powerpc64__ && __PPC64__ && __powerpc__ && __PPC__ && _CALL_ELF == 1
ok_target
#endif
#if __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__ && defined(__BIG_ENDIAN__) && defined _BIG_ENDIAN
ok_big_endian
#endif
#if defined(__ELF__) && defined(__linux__) && __CHAR_UNSIGNED__ && __SIZEOF_LONG__ == 8
ok_elf_linux
#endif
#ifdef __LINE__
ok_line_defined __FILE__ __LINE__ __INCLUDE_LEVEL__
#endif
#undef ONE
#ifdef ONE
wrong
#else
ok_undef
#endif
#define ONE 1 /* same body again: no warning */
#define ONE 1
#if 0xfffffffffffffffffff == 0xffffffffffffffff && !(0xfffffffffffffffffff > 0)
ok_too_large_constant_stays_signed
#endif
#if 18446744073709551615 == -1 && 18446744073709551615 > 0
ok_so_large_it_is_unsigned
#endif
