# Every instruction form the Book3S-64 exception and KVM entry code uses.
	.text
	.globl	start
start:
	ld	3, 8(4)
	ldu	3, -16(1)
	ldx	3, 4, 5
	std	31, 0x7ff8(1)
	stdu	1, -112(1)
	stdx	3, 0, 5
	lwz	0, 0(0)
	lwzu	4, 4(5)
	lwa	6, -4(7)
	stw	8, 32767(9)
	stwu	10, -32768(11)
	lbz	12, 255(13)
	stb	14, 1(15)
	lhz	16, 2(17)
	lha	18, -2(19)
	sth	20, 6(21)
	lmw	24, 8(1)
	stmw	24, 8(1)
	lwarx	3, 0, 4
	lwarx	3, 0, 4, 1
	stwcx.	3, 0, 4
	ldarx	5, 6, 7
	stdcx.	5, 6, 7
	addi	3, 4, -1
	addis	3, 4, 0x7fff
	addis	3, 4, 0xffff
	li	0, 0
	lis	9, -32768
	la	3, 16(4)
	mr	31, 3
	mr.	31, 3
	subi	3, 3, 1
	subis	3, 3, 1
	add	3, 4, 5
	add.	3, 4, 5
	addo	3, 4, 5
	addo.	3, 4, 5
	addc	3, 4, 5
	addc.	3, 4, 5
	addco	3, 4, 5
	adde	3, 4, 5
	adde.	3, 4, 5
	addeo.	3, 4, 5
	addze	3, 4
	addze.	3, 4
	addzeo	3, 4
	subf	3, 4, 5
	subf.	3, 4, 5
	subfo.	3, 4, 5
	subfc	3, 4, 5
	subfe	3, 4, 5
	subfe.	3, 4, 5
	neg	3, 4
	neg.	3, 4
	nego	3, 4
	mulld	3, 4, 5
	mulld.	3, 4, 5
	mullw	3, 4, 5
	mulhd	3, 4, 5
	divd	3, 4, 5
	divdu	3, 4, 5
	divw	3, 4, 5
	divwu	3, 4, 5
	mulli	3, 4, -7
	subfic	3, 4, 100
	and	3, 4, 5
	and.	3, 4, 5
	or	3, 4, 5
	or.	3, 4, 5
	xor	3, 4, 5
	nand	3, 4, 5
	nor	3, 4, 5
	andc	3, 4, 5
	orc	3, 4, 5
	eqv	3, 4, 5
	not	3, 4
	ori	3, 4, 0xffff
	oris	3, 4, 0x8000
	xori	3, 4, 1
	xoris	3, 4, 1
	andi.	3, 4, 0xff
	andis.	3, 4, 0x1
	extsb	3, 4
	extsh.	3, 4
	extsw	3, 4
	cntlzw	3, 4
	cntlzd	3, 4
	rlwinm	3, 4, 5, 6, 7
	rlwinm.	3, 4, 0, 31, 31
	rlwimi	3, 4, 8, 0, 23
	rlwnm	3, 4, 5, 0, 31
	rldicl	3, 4, 0, 48
	rldicl.	3, 4, 63, 0
	rldicr	3, 4, 32, 31
	rldic	3, 4, 2, 30
	rldimi	3, 4, 32, 0
	rldcl	3, 4, 5, 0
	rldcr	3, 4, 5, 63
	sldi	3, 4, 12
	srdi	3, 4, 12
	slwi	3, 4, 2
	srwi	3, 4, 2
	clrldi	3, 4, 32
	clrrdi	3, 4, 12
	clrlwi	3, 4, 16
	rotldi	3, 4, 8
	rotlwi	3, 4, 8
	insrdi	3, 4, 8, 16
	extldi	3, 4, 8, 16
	extrdi	3, 4, 8, 16
	sradi	3, 4, 63
	srawi	3, 4, 31
	sld	3, 4, 5
	srd	3, 4, 5
	srad	3, 4, 5
	slw	3, 4, 5
	srw	3, 4, 5
	sraw	3, 4, 5
	cmp	0, 1, 3, 4
	cmpi	7, 0, 3, -5
	cmpl	1, 1, 3, 4
	cmpli	2, 0, 3, 5
	cmpw	3, 4
	cmpw	5, 3, 4
	cmpd	0, 11, 12
	cmpwi	3, 0
	cmpwi	7, 3, -1
	cmpdi	3, 0x7fff
	cmplw	3, 4
	cmpld	6, 3, 4
	cmplwi	3, 0xffff
	cmpldi	2, 3, 1
	mtspr	26, 3
	mfspr	3, 27
	mtsrr0	3
	mtsrr1	4
	mfsrr0	5
	mfsrr1	6
	mtlr	0
	mflr	0
	mtctr	9
	mfctr	9
	mtxer	3
	mfxer	3
	mtdar	3
	mfdar	3
	mtdsisr	3
	mfdsisr	3
	mtsprg	0, 3
	mtsprg0	3
	mtsprg1	13
	mtsprg2	12
	mtsprg3	3
	mfsprg	3, 1
	mfsprg0	3
	mfsprg1	13
	mfsprg2	12
	mfsprg3	3
	mtdec	3
	mfdec	3
	mftb	3
	mfmsr	3
	mtmsr	3
	mtmsrd	3
	mtmsrd	3, 1
	rfid
	sc
	sc	1
	sync
	isync
	lwsync
	ptesync
	eieio
	slbmte	3, 4
	slbmfee	3, 4
	slbmfev	3, 4
	slbia
	slbie	3
	tlbie	3
	tlbsync
	dcbz	3, 4
	dcbf	0, 4
	dcbst	0, 4
	icbi	0, 4
	mfcr	3
	mtcrf	0xff, 3
	mtcr	3
	mtocrf	0x80, 3
	mfocrf	3, 0x01
	tw	4, 3, 4
	td	31, 0, 0
	twi	31, 0, 0
	tdi	4, 3, 1
	trap
	nop
	crand	1, 2, 3
	cror	4*cr1+eq, 4*cr2+gt, 4*cr3+lt
	crxor	6, 6, 6
	crnand	1, 2, 3
	crnor	1, 2, 3
	creqv	1, 2, 3
	crandc	1, 2, 3
	crorc	1, 2, 3
	crset	5
	crclr	5
	crmove	1, 2
	crnot	1, 2
	mcrf	0, 7
	lbzx	3, 4, 5
	lhzx	3, 4, 5
	lwzx	3, 4, 5
	stbx	3, 4, 5
	sthx	3, 4, 5
	stwx	3, 4, 5
	lbzux	3, 4, 5
	ldux	3, 4, 5
	stdux	3, 4, 5
	lhau	3, 2(4)
	lbzu	3, 1(4)
	sthu	3, 2(4)
	stbu	3, 1(4)
	extsw.	3, 4
	or	2, 2, 2
	blr
