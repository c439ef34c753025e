# Entry-state probe (no runtime): the registers VOF hands over at the image's first instruction.
# r31 is parked in SPRG3, every GPR and the interesting SPRs are stored at 0x410000 and printed
# in hex, then the run powers off through RTAS. Compared line by line against qemu.
	.section .text
	.globl _start
_start:
	mtsprg3 31
	lis 31, 0x41
	std 0,0(31)
	std 1,8(31)
	std 2,16(31)
	std 3,24(31)
	std 4,32(31)
	std 5,40(31)
	std 6,48(31)
	std 7,56(31)
	std 8,64(31)
	std 9,72(31)
	std 10,80(31)
	std 11,88(31)
	std 12,96(31)
	std 13,104(31)
	std 14,112(31)
	std 15,120(31)
	std 16,128(31)
	std 17,136(31)
	std 18,144(31)
	std 19,152(31)
	std 20,160(31)
	std 21,168(31)
	std 22,176(31)
	std 23,184(31)
	std 24,192(31)
	std 25,200(31)
	std 26,208(31)
	std 27,216(31)
	std 28,224(31)
	std 29,232(31)
	std 30,240(31)
	mfsprg3 30
	std 30,248(31)
	mftb 30
	std 30,256(31)
	mfdec 30
	std 30,264(31)
	mfcr 30
	std 30,272(31)
	mfxer 30
	std 30,280(31)
	mflr 30
	std 30,288(31)
	mfctr 30
	std 30,296(31)
	mfmsr 30
	std 30,304(31)
	mfsrr0 30
	std 30,312(31)
	mfsrr1 30
	std 30,320(31)
	mfsprg0 30
	std 30,328(31)
	mfsprg1 30
	std 30,336(31)
	mfsprg2 30
	std 30,344(31)
	mfdar 30
	std 30,352(31)
	mfdsisr 30
	std 30,360(31)
	mfspr 30,287
	std 30,368(31)
	mfspr 30,1023
	std 30,376(31)
	mfsprg3 30
	std 30,384(31)
	mfspr 30,259
	std 30,392(31)
	mftb 30
	std 30,400(31)
	# print 51 values
	li 29, 0
1:	ldx 3, 31, 29
	bl puthex
	addi 29,29,8
	cmpdi 29, 408
	blt 1b
	# power off via rtas
	lis 4, 0x42
	li 0, 0x2003
	stw 0, 0(4)
	li 0, 2
	stw 0, 4(4)
	li 0, 1
	stw 0, 8(4)
	li 0, 0
	stw 0, 12(4)
	stw 0, 16(4)
	li 3, 0
	ori 3,3,0xf000
	sc 1
	b .

# print r3 as 16 hex digits + "\r\n" ; clobbers r5-r12
puthex:
	li 10, 16
	li 6, 0
	li 7, 0
	mr 9, 3
2:	rldicl 9,9,4,0
	andi. 11, 9, 15
	addi 11,11,0x30
	cmpwi 11, 0x39
	ble 3f
	addi 11,11,39
3:	sldi 6,6,8
	or 6,6,11
	addi 10,10,-1
	cmpwi 10, 8
	bne 4f
	mr 7,6      # first 8 chars go to r7 temp
	li 6,0
4:	cmpwi 10,0
	bne 2b
	# r7 = chars 0..7, r6 = chars 8..15 ; need r6 first
	mr 8, 6
	mr 6, 7
	mr 7, 8
	li 3, 0x58
	lis 4, 0x7100
	li 5, 16
	sc 1
	li 3, 0x58
	lis 4, 0x7100
	li 5, 2
	lis 6, 0x0d0a
	sldi 6,6,32
	sc 1
	blr
