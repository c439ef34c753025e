# Compute-heavy benchmark for `make bench-sim`: table-driven CRC-32 (reflected polynomial
# 0xedb88320) over a 4 KB buffer, repeated. Prints START, then END and the CRC, so a harness can
# time the loop between the two lines. About 10^8 instructions in total.
	.include "rt.inc"
	.set ROUNDS, 2800
	.text
	.globl main
main:
	mflr r0
	std r0, 16(r1)
	stdu r1, -128(r1)
	# Build the 256-entry table.
	LA r20, table
	LI64 r9, 0xedb88320
	li r21, 0
1:	mr r5, r21
	li r6, 8
	mtctr r6
2:	andi. r7, r5, 1
	srwi r5, r5, 1
	beq 3f
	xor r5, r5, r9
3:	bdnz 2b
	sldi r7, r21, 2
	stwx r5, r20, r7
	addi r21, r21, 1
	cmpdi r21, 256
	blt 1b
	# Fill the buffer with a pattern.
	LA r22, buf
	li r6, 4096
	mtctr r6
	li r7, 0
4:	mulli r8, r7, 37
	addi r8, r8, 11
	stbx r8, r22, r7
	addi r7, r7, 1
	bdnz 4b
	PUTS "START\r\n"
	li r24, ROUNDS
	li r25, -1
5:	mr r3, r22
	li r6, 4096
	mtctr r6
	not r5, r25
6:	lbz r6, 0(r3)
	addi r3, r3, 1
	xor r7, r5, r6
	clrlwi r7, r7, 24
	slwi r7, r7, 2
	lwzx r7, r20, r7
	srwi r5, r5, 8
	xor r5, r5, r7
	bdnz 6b
	not r25, r5
	addi r24, r24, -1
	cmpdi r24, 0
	bne 5b
	PUTS "END crc="
	clrldi r3, r25, 32
	bl puthex
	bl newline
	addi r1, r1, 128
	ld r0, 16(r1)
	mtlr r0
	blr
	.data
	.balign 4096
table:	.space 1024
	.balign 4096
buf:	.space 4096
