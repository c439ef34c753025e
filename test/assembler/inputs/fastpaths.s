# Operand forms the assembler reads without its expression parser (hex numbers of every
# width, crN in CR operands, plain decimals), next to forms that need the parser, and
# statements repeated verbatim where a symbol's value changes between them.
	.text
	li 3, 0x0
	li 3, 0x7fff
	li 3, -0x8000
	lis 4, 0xFFFF
	ori 4, 4, 0xabcd
	ld 5, 0x1c0(6)
	ld 5, (0x180 + (8 * 8))(6)
	std 20, 112 + 8 * (20)(1)
	lis 5, (0xc5d4d12700001002)@highest
	ori 5, 5, (0xc5d4d12700001002)@higher
	oris 5, 5, (0xc5d4d12700001002)@h
	ori 5, 5, (0xc5d4d12700001002)@l
	lis 6, (0x1234567890abc)@highest
	ori 6, 6, (0x00000000000000ff)@l
	ori 6, 6, (0xffffffffffffffff)@l
	cmpdi cr0, 3, 0
	cmpdi cr7, 3, -1
	cmpdi CR5, 3, 5
	cmpdi cr2 , 3, 7
	cmpdi 3, 3, 7
	cmpwi 4, 9
	bne cr1, 1f
	beq CR6, 1f
1:	mr 6, 9
	mr 6, 9
	crand 4*cr1+lt, 4*cr2+gt, eq
	.set val, 10
	li 7, val
	.set val, 20
	li 7, val
	li 7, val
	li 8, 12345
	li 8, 12345
	.quad 0x123456789abcdef0, 0xFFFFFFFFFFFFFFFF, 0x10
	.long 0x7fffffff
# Constant arithmetic read without the parser, and its neighbours that still need the parser.
	ld 7, (0x180 + (8 * 31))(6)
	std 7, -(8 * 2)(1)
	li 3, - - 5
	li 3, +7
	li 3, -(0x10 - 0x20)
	li 3, 2 * -3 + 1
	li 3, ( 1 + 2 ) * ( 3 - 4 )
	addi 3, 3, 0x7fff - 0x8000 + 1
	addis 3, 3, (0x1234 * 2) - 0x2000
	li 3, 010
	li 3, 0x0f
	li 3, 017 + 1
	ori 3, 3, 0xFFFF * 1
	std 0, 8*(1+1)(1)
	rldicl 3, 4, 2*30, 64 - 60
	li 3, (((((((((((((((((((((((((((((((((((((1)))))))))))))))))))))))))))))))))))))
	li 3, 1 << 3
	li 3, 24 / 4
	lis 3, 0x10000 * 0x10000 - 0x100000000
