# Decrementer/timebase calibration: mtdec v; k nops; mfdec for several v and k (the tick-based
# DEC read), then preemption counts for small DEC values. Compared with qemu -icount shift=0.
	.include "rt.inc"
	.macro PROBE v, k
	mftb r20
	LI64 r23, \v
	mtdec r23
	.rept \k
	nop
	.endr
	mfdec r21
	mftb r22
	mr r3, r20
	bl puthex
	bl space
	mr r3, r21
	bl puthex
	bl space
	mr r3, r22
	bl puthex
	bl newline
	.endm
	.macro PREEMPT v
	li r22, 0
	LI64 r23, \v
	mtdec r23
	mfmsr r21
	ori r21, r21, MSR_EE
	mtmsrd r21, 1
1:	addi r22, r22, 1
	cmpdi r22, 3000
	blt 1b
	li r21, 0
	mtmsrd r21, 1
	LA r9, exc_frame
	ld r3, 176(r9)
	bl puthex
	bl newline
	.endm
	.text
	.globl main
main:
	mflr r0
	std r0, 16(r1)
	stdu r1, -128(r1)
	.irp v, 1000, 1001, 1002, 5000, 12345, 7
	.irp k, 0, 1, 2, 3, 4, 5, 9
	PROBE \v, \k
	.endr
	.endr
	.irp v, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 100, 101, 102, 103
	PREEMPT \v
	.endr
	addi r1, r1, 128
	ld r0, 16(r1)
	mtlr r0
	blr
