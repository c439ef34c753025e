# Relocations GNU as chooses, and what it resolves itself.
	.text
	.globl	gfunc
	.weak	wsym
gfunc:
	bl	ext
	b	ext + 8
	bl	gfunc
	b	lfunc
	bl	wsym
	beq	ext
	bne	lfunc
	ba	ext
lfunc:
	lis	3, ext@ha
	addi	3, 3, ext@l
	lis	4, ext@h
	ori	4, 4, ext@l
	lis	5, ext@highest
	ori	5, 5, ext@higher
	rldicr	5, 5, 32, 31
	oris	5, 5, ext@h
	ori	5, 5, ext@l
	lis	6, ext@highesta
	ori	6, 6, ext@highera
	lis	6, ext@high
	ori	6, 6, ext@higha
	ld	7, ext@l(3)
	ld	7, ldata@l(3)
	ld	8, ext(3)
	lwz	9, ext@l(3)
	li	10, ext
	ld	2, 8(12)
	ld	11, ext@toc(2)
	addis	11, 2, ext@toc@ha
	ld	11, ext@toc@l(11)
	addi	11, 11, ext@toc@l
	ld	12, ext@got(2)
	lis	3, lfunc@ha
	addi	3, 3, lfunc@l
	lis	3, gfunc@ha
	lis	3, ldata@ha
	addi	3, 3, ldata+8@l
	.data
ldata:
	.quad	ext
	.quad	ext + 16
	.quad	gfunc
	.quad	lfunc
	.quad	ldata
	.long	ext
	.long	ext - .
	.quad	ext - .
	.long	lfunc - gfunc
	.quad	wsym
	.short	ext@l
	.short	ext@ha
	.byte	lfunc - gfunc
