# Problem-state runs on the hash MMU: sc, privileged instructions, DSI (no PTE, protection,
# store), data/instruction segment misses, ISI (no PTE, no-execute, key protection), hcalls from
# problem state, SPR privilege, trap/illegal, then H_READ/H_REMOVE of the PTEs. Compared with qemu.
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
	mr r14, r3
	SHOW henter, r14
	.endm
	.macro RUN label, sym
	PUTS "\label\r\n"
	LI64 r3, UBASE
	LA r4, \sym
	LA r5, upage
	subf r4, r5, r4
	add r3, r3, r4
	LI64 r4, 0x800000000000d032
	bl enter_user
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
	MAP 0x1000, dpage, 2
	MAP 0x2000, dpage2, 3
	MAP 0x3000, upage, 2 | 4
	MAP 0x4000, dpage, 0
	MAP 0x6000, upage, 2 | 8
	LA r9, user_gprs
	LI64 r10, UBASE + 0x5000
	std r10, 80(r9)
	LI64 r10, UBASE + 0x2000
	std r10, 88(r9)
	LI64 r10, UBASE + 0x4000
	std r10, 96(r9)
	LI64 r10, UBASE + 0x1000
	std r10, 104(r9)
	RUN u0, u0
	RUN u1, u1
	RUN u2, u2
	RUN u3, u3
	RUN u4, u4
	RUN u5, u5
	RUN u6, u6
	RUN u7, u7
	RUN u8, u8
	RUN u9, u9
	RUN u10, u10
	RUN u11, u11
	RUN u12, u12
	LA r9, exc_frame
	ld r14, 24(r9)
	SHOW r3, r14
	RUN u13, u13
	RUN u14, u14
	RUN u15, u15
	RUN u16, u16
	RUN u17, u17
	RUN u18, u18
	RUN u19, u19
	RUN u20, u20
	RUN u21, u21
	RUN u22, u22
	RUN u23, u23
	RUN u24, u24
	RUN u25, u25
	RUN u26, u26
	RUN u27, u27
	RUN u28, u28
	# R/C bits
	li r20, 0
1:	li r3, H_READ
	li r4, 0
	li r5, VSID * 8
	xor r5, r5, r20
	mulli r6, r20, 8
	xori r5, r6, VSID*8
	sc 1
	mr r21, r4
	mr r22, r5
	mr r23, r3
	SHOW rc, r23
	SHOW pte0, r21
	SHOW pte1, r22
	addi r20, r20, 1
	cmpdi r20, 7
	blt 1b
	# H_REMOVE one and an H_READ of an empty slot
	li r3, H_REMOVE
	li r4, 0
	li r5, (VSID ^ 1) * 8
	li r6, 0
	sc 1
	mr r21, r4
	mr r22, r5
	mr r23, r3
	SHOW rm, r23
	SHOW rm0, r21
	SHOW rm1, r22
	li r3, H_REMOVE
	li r4, 0
	li r5, (VSID ^ 1) * 8
	li r6, 0
	sc 1
	mr r23, r3
	SHOW rm_again, r23
	addi r1, r1, 128
	ld r0, 16(r1)
	mtlr r0
	blr

	.balign 4096
upage:
u0:	li r3, 5
	sc
u1:	mfmsr r3
u2:	lwz r3, 0(r10)
u3:	stw r3, 0(r10)
u4:	stw r3, 0(r11)
u5:	lwz r3, 0(r11)
	sc
u6:	lwz r3, 0(r12)
u7:	LI64 r3, UBASE + 0x3000
	mtctr r3
	bctr
u8:	LI64 r3, UBASE + 0x4000
	mtctr r3
	bctr
u9:	LI64 r3, UBASE + 0x5000
	mtctr r3
	bctr
u10:	LI64 r3, 0x20000008
	lwz r3, 0(r3)
u11:	LI64 r3, 0x30000000
	mtctr r3
	bctr
u12:	li r3, H_PUT_TERM_CHAR
	li r4, 0
	li r5, 1
	LI64 r6, 0x2a00000000000000
	sc 1
	sc
u13:	mfspr r3, 272
u14:	mfspr r3, 259
	sc
u15:	mtspr 1000, r3
	sc
u16:	mfspr r3, 1000
	sc
u17:	mfspr r3, 1012
	sc
u18:	tlbiel r3
u19:	dcbz 0, r11
u20:	trap
u21:	.long 0
u22:	mftb r3
	sc
u23:	mfdec r3
u24:	mtmsrd r3
u25:	rfid
u26:	stw r3, 0(r13)
	lwz r4, 0(r13)
	sc
u27:	LI64 r3, UBASE + 0x6000
	mtctr r3
	bctr
u28:	mfspr r3, 4
	sc
	.balign 4096
	.data
	.balign 4096
dpage:	.space 4096
dpage2:	.space 4096
