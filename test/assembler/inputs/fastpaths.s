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
