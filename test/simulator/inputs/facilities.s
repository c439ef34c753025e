# Single-step tracing (MSR[SE]) in problem state, and the FP/VMX/VSX facilities: unavailable
# interrupts with the facility off, register moves (lfd/fmr/stfd, lvx/vor/stvx, lxvd2x/xxlor/
# stxvd2x) with it on. Compared with qemu.
	.include "rt.inc"
	.set VSID, 0x42
	.set UBASE, 0x10000000
	.macro MAP pageoff, realsym, ppbits
	LI64 r5, (VSID << 12) | (((UBASE + \pageoff) >> 16) & 0xf80) | 1
	LA r6, \realsym
	ori r6, r6, 0x010 | (\ppbits)
	li r3, 0
	li r4, ((VSID ^ (\pageoff >> 12)) * 8)
	bl h_enter
	.endm
	.macro RUN sym, msr
	LI64 r3, UBASE
	LA r4, \sym
	LA r5, upage
	subf r4, r5, r4
	add r3, r3, r4
	LI64 r4, \msr
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
	LA r9, user_gprs
	LI64 r10, UBASE + 0x1000
	std r10, 80(r9)
	PUTS "se\r\n"
	RUN u0, 0x800000000000d432
	LA r9, exc_frame
	ld r14, 256(r9)
	addi r14, r14, 0
	PUTS "se-continue\r\n"
	mr r3, r14
	LI64 r4, 0x800000000000d432
	bl enter_user
	PUTS "se-branch\r\n"
	RUN u1, 0x800000000000d432
	PUTS "se-load-fault\r\n"
	RUN u2, 0x800000000000d432
	PUTS "fp-off\r\n"
	RUN u3, 0x800000000000d032
	PUTS "fp-on\r\n"
	RUN u3, 0x800000000000f032
	LA r9, exc_frame
	LA r10, dpage
	ld r14, 0(r10)
	SHOW f1, r14
	LA r10, dpage
	ld r14, 8(r10)
	SHOW f2, r14
	PUTS "vec\r\n"
	RUN u4, 0x800000000200d032
	LA r10, dpage
	ld r14, 16(r10)
	SHOW v0a, r14
	LA r10, dpage
	ld r14, 24(r10)
	SHOW v0b, r14
	PUTS "vsx\r\n"
	RUN u5, 0x800000000280f032
	LA r10, dpage
	ld r14, 32(r10)
	SHOW vs0a, r14
	LA r10, dpage
	ld r14, 40(r10)
	SHOW vs0b, r14
	addi r1, r1, 128
	ld r0, 16(r1)
	mtlr r0
	blr

	.balign 4096
upage:
u0:	addi r3, r3, 1
	addi r3, r3, 1
	addi r3, r3, 1
	sc
u1:	b 1f
	nop
1:	bl 2f
2:	sc
u2:	lwz r3, 0x800(r10)
	lwz r3, 0(r3)
	sc
u3:	LI64 r3, 0x4009000000000000
	std r3, 0(r10)
	lfd f2, 0(r10)
	fmr f1, f2
	stfd f1, 8(r10)
	sc
u4:	LI64 r3, 0x1122334455667788
	std r3, 16(r10)
	std r3, 24(r10)
	addi r4, r10, 16
	lvx v1, 0, r4
	vor v0, v1, v1
	stvx v0, 0, r4
	sc
u5:	LI64 r3, 0x0102030405060708
	std r3, 32(r10)
	std r3, 40(r10)
	addi r4, r10, 32
	lxvd2x vs1, 0, r4
	xxlor vs0, vs1, vs1
	addi r4, r10, 32
	stxvd2x vs0, 0, r4
	sc
	.balign 4096
	.data
	.balign 4096
dpage:	.space 4096
