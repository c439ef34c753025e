# Branches: every conditional extended mnemonic, CR fields, hints, local labels.
	.text
top:
	b	1f
	bl	1f
	ba	0x100
	bla	0x200
1:	beq	1b
	bne	cr1, 1b
	blt	cr7, 2f
	ble	2f
	bgt	cr2, 2f
	bge	2f
	bso	cr3, 2f
	bns	2f
	beq+	2f
	bne-	2f
	bdnz	1b
	bdz	1b
	bdnz+	1b
	bdz-	1b
	beqlr
	bnelr	cr2
	bltlr+
	beqctr
	bnectr	cr1
	beql	2f
	bnel	cr3, 2f
	beqlrl
	bdnzlr
	bdzlr
	blrl
	bctr
	bctrl
	bc	12, 2, 2f
	bc	4, 4*cr1+eq, 2f
	bcl	20, 31, 2f
	bclr	20, 0
	bcctr	20, 0
	b	.
	b	.+8
	beq	.-4
2:	nop
	b	top
	bl	top
0:	b	0b
	b	0f
0:	b	0b
	bt	3, 2b
	bf	4*cr1+gt, 2b
	blt	2b
	bng	2b
	bnl	2b
	bun	cr2, 2b
	bnu	2b
