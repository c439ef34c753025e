# Accesses that straddle two translated pages mapped to non-adjacent real pages (the simulator's
# bounce path), in problem state: loads and stores of 2, 4 and 8 bytes across the boundary,
# lmw/stmw across it, and a straddling load whose second page is unmapped (DSI on the second
# page). Compared with qemu.
	.include "rt.inc"
	.set VSID, 0x42
	.set UBASE, 0x10000000
	.macro MAP pageoff, realsym, ppbits
	LI64 r5, (VSID << 12) | (((UBASE + \pageoff) >> 16) & 0xf80) | 1
	LA r6, \realsym
	ori r6, r6, 0x190 | (\ppbits)
	li r3, 0
	li r4, ((VSID ^ (\pageoff >> 12)) * 8)
	bl h_enter
	.endm
	.text
	.globl main
main:
	mflr r0
	std r0, 16(r1)
	stdu r1, -128(r1)
	LI64 r3, (VSID << 12) | 0x400
	LI64 r4, UBASE | 0x08000000 | 1
	slbmte r3, r4
	isync
	MAP 0x0000, upage, 2
	MAP 0x1000, page_b, 2		# EA 0x10001000 -> page_b
	MAP 0x2000, page_a, 2		# EA 0x10002000 -> page_a (below page_b in real memory)
	# fill both pages with a pattern
	LA r3, page_a
	li r4, 0
1:	stbx r4, r3, r4
	addi r4, r4, 1
	cmpdi r4, 8192
	blt 1b
	LA r9, user_gprs
	LI64 r10, UBASE + 0x2000 - 4	# 4 bytes before the boundary into page_a
	std r10, 80(r9)
	LI64 r11, 0x1122334455667788
	std r11, 88(r9)
	LI64 r12, UBASE + 0x3000 - 4	# straddles into the unmapped EA 0x10003000
	std r12, 96(r9)
	LI64 r3, UBASE
	LI64 r4, 0x800000000000d032
	bl enter_user
	LA r21, exc_frame
	ld r14, 24(r21)
	SHOW r3, r14
	ld r14, 32(r21)
	SHOW r4, r14
	ld r14, 40(r21)
	SHOW r5, r14
	ld r14, 48(r21)
	SHOW r6, r14
	ld r14, 240(r21)
	SHOW r30, r14
	ld r14, 248(r21)
	SHOW r31, r14
	# what landed in real memory around both ends of the boundary
	LA r20, page_b
	ld r14, 0xff8(r20)
	SHOW b_end, r14
	LA r20, page_a
	ld r14, 0(r20)
	SHOW a_start, r14
	ld r14, 8(r20)
	SHOW a_next, r14
	LI64 r3, UBASE + 0x100
	LI64 r4, 0x800000000000d032
	bl enter_user
	addi r1, r1, 128
	ld r0, 16(r1)
	mtlr r0
	blr

	.balign 4096
upage:
	ld r3, 0(r10)		# 4 bytes of page_b's end, 4 of page_a's start
	addi r13, r10, 2
	lwz r4, 0(r13)
	lhz r5, 1(r13)
	addi r13, r10, -2
	std r11, 0(r13)
	lwz r6, 1(r10)
	li r30, 0x1234
	li r31, 0x5678
	stmw r30, 0(r10)
	lmw r30, -4(r10)
	sc
	.org upage + 0x100
	ld r3, 0(r12)		# second page unmapped: DSI with DAR = the second page
	sc
	.balign 4096
	.data
	.balign 4096
page_a:	.space 4096
page_b:	.space 4096
