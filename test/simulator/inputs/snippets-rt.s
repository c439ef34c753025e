# Support routines for the generated instruction snippets (test/simulator/snippets.ts):
#   dump_regs  prints r0 r3 r4 r5 r6 r7 r8 CR XER (hex, one line), preserving r29-r31 (r25-r28 are its scratch)
#   dump_buf   prints the first eight doublewords of `snipbuf` (indented by two spaces)
#   set_mode32 / set_mode64 switch MSR[SF]
# The snippets use r0 and r3-r8 as operands, r9-r12 as scratch, r31 as the input-table pointer.
	.include "rt.inc"
	.text
	.globl dump_regs, dump_buf, set_mode32, set_mode64, snipbuf
dump_regs:
	mfcr r9
	mfxer r10
	LA r11, dumpbuf
	std r0, 0(r11)
	std r3, 8(r11)
	std r4, 16(r11)
	std r5, 24(r11)
	std r6, 32(r11)
	std r7, 40(r11)
	std r8, 48(r11)
	std r9, 56(r11)
	std r10, 64(r11)
	li r12, 72
	b dump_common

dump_buf:
	mflr r25		# buffer lines start with two spaces
	bl space
	bl space
	mtlr r25
	LA r9, snipbuf
	LA r11, dumpbuf
	li r10, 0
1:	ldx r12, r9, r10
	stdx r12, r11, r10
	addi r10, r10, 8
	cmpdi r10, 64
	blt 1b
	li r12, 64

# Print r12/8 doublewords from dumpbuf, then a newline.
dump_common:
	mflr r28
	mr r26, r12
	li r27, 0
2:	LA r11, dumpbuf
	ldx r3, r11, r27
	bl puthex
	bl space
	addi r27, r27, 8
	cmpd r27, r26
	blt 2b
	bl newline
	mtlr r28
	blr

set_mode32:
	mfmsr r9
	rldicl r9, r9, 0, 1
	mtmsrd r9
	isync
	blr

set_mode64:
	mfmsr r9
	li r10, 1
	rldicr r10, r10, 63, 0
	or r9, r9, r10
	mtmsrd r9
	isync
	blr

	.data
	.balign 64
dumpbuf:	.space 80
	.balign 128
snipbuf:	.space 128	# dcbz zeroes a whole 128-byte block
