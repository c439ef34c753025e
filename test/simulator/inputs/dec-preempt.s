# Decrementer preemption points: for DEC = 3..23 and 100..103, where exactly the interrupt
# lands in a spin loop (TB before mtdec, iterations done, SRR0). Compared with qemu -icount.
	.include "rt.inc"
	.macro PREEMPT v
	li r22, 0
	LI64 r23, \v
	mftb r24
	mtdec r23
	mfmsr r21
	ori r21, r21, MSR_EE
	mtmsrd r21, 1
1:	addi r22, r22, 1
	cmpdi r22, 3000
	blt 1b
	li r21, 0
	mtmsrd r21, 1
	mr r3, r24
	bl puthex
	bl space
	LA r9, exc_frame
	ld r3, 176(r9)
	bl puthex
	bl space
	LA r9, exc_frame
	ld r3, 256(r9)
	bl puthex
	bl newline
	.endm
	.text
	.globl main
main:
	mflr r0
	std r0, 16(r1)
	stdu r1, -128(r1)
	LA r3, quiet
	.irp v, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 100, 101, 102, 103
	PREEMPT \v
	.endr
	addi r1, r1, 128
	ld r0, 16(r1)
	mtlr r0
	blr
	.data
quiet: .long 0
