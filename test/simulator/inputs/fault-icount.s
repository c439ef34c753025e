# How interrupts count in qemu's -icount clock: for each kind, enter user code 8 times, each run
# ending in that interrupt, then spin with EE=1 until the decrementer fires. The spin count shows
# whether the interrupted instruction counted as executed (it does not for storage/alignment
# faults). Compared with qemu.
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
	# Enter user code at \sym K times (each run ends in an interrupt), then spin in the host
	# with EE=1 until the decrementer fires: the spin count shows how the faults were counted.
	.macro FAULTS tag, sym, msr
	LI64 r23, 40000
	mtdec r23
	li r27, 8
90:	LI64 r3, UBASE
	LA r4, \sym
	LA r5, upage
	subf r4, r5, r4
	add r3, r3, r4
	LI64 r4, \msr
	bl enter_user
	addi r27, r27, -1
	cmpdi r27, 0
	bne 90b
	li r22, 0
	LI64 r25, 100000
	mfmsr r21
	ori r21, r21, MSR_EE
	mtmsrd r21, 1
80:	addi r22, r22, 1
	cmpd r22, r25
	blt 80b
	li r21, 0
	mtmsrd r21, 1
	PUTS "\tag spins="
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
	LI64 r3, (VSID << 12) | 0x400
	LI64 r4, UBASE | 0x08000000 | 1
	slbmte r3, r4
	isync
	MAP 0x0000, upage, 2
	MAP 0x1000, dpage, 2
	LA r9, user_gprs
	LI64 r10, UBASE + 0x5000
	std r10, 80(r9)
	LI64 r10, UBASE + 0x1002
	std r10, 88(r9)
	FAULTS dsi, u_dsi, 0x800000000000d032
	FAULTS sc, u_sc, 0x800000000000d032
	FAULTS priv, u_priv, 0x800000000000d032
	FAULTS ill, u_ill, 0x800000000000d032
	FAULTS trap, u_trap, 0x800000000000d032
	FAULTS fp, u_fp, 0x800000000000d032
	FAULTS align, u_align, 0x800000000000d032
	FAULTS dseg, u_dseg, 0x800000000000d032
	FAULTS isi, u_isi, 0x800000000000d032
	FAULTS step, u_step, 0x800000000000d432
	addi r1, r1, 128
	ld r0, 16(r1)
	mtlr r0
	blr
	.balign 4096
upage:
u_dsi:	nop
	lwz r3, 0(r10)
u_sc:	nop
	sc
u_priv:	nop
	mfmsr r3
u_ill:	nop
	.long 0
u_trap:	nop
	trap
u_fp:	nop
	fmr f1, f2
u_align: nop
	lwarx r3, 0, r11
u_dseg:	nop
	lis r3, 0x2000
	lwz r3, 0(r3)
u_isi:	nop
	lis r3, 0x1000
	ori r3, r3, 0x6000
	mtctr r3
	bctr
u_step:	nop
	nop
	.balign 4096
	.data
	.balign 4096
dpage:	.space 4096
which:	.quad 0
