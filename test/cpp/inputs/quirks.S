# A gas comment line, with it's apostrophe and a macro R3 inside
#define R3 3
#define X -1
#define E
#define P(a, b) a ## b
#define S(x) #x
#define XS(x) S(x)
#define CALL(f, ...) f(__VA_ARGS__)
#define EF(fmt, ...) f(fmt, ## __VA_ARGS__)
#define ID(x) x
#123
# 33 "foo.c"
#bogus R3
	#
# R3

	li	r3, 'a		# char constant, unmatched quote
	li	r4, 'R3 ; R3	# rest of the line is one token
	.ascii	"R3 is not expanded in strings"
	addi	r3, r3, -X	# must not become --1
	addi	r3, r3, - X
	subi	r3, r3, E-X
	.long	0x1e+R3, 1e+R3, 1f, 1b, R3f
1:	b	1b
	la	r3, foo@toc(r2)
	lis	r3, sym@ha
	.quad	.TOC.@tocbase
	mr	%r3, %R3
	.byte	$R3, R3$
	P(., name):
	P(.., L1)
	P(slb_entry_skip_, 2):
	P(R, 3) P(x, R3) P(+, +) P(+, -) P(/, /) P(<, <=) P(a, ) P(, b)
	.asciz	S(a "q" \n 'c')
	.asciz	S(  spaced   out  )
	.asciz	XS(R3) S(R3)
	CALL(ID, R3) EF(a) EF(a,) EF(a, b, c)
	ID(-)X ID(X)- ID(.)R3 ID(R3).
	ID(\)arg \arg \@ \() ID(\intno)
	E # E
	.if 1 && (2 || 3)
	.endif
	foo E bar
label:E
	ID(
	a b )
ID
(R3)
ID
	next_line
