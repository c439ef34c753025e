# Timebase/decrementer reads and preemption in the supervisor, H_ENTER (exact slot, full PTEG),
# H_READ_4, bad parameters, unknown hcalls, H_SET_MODE (AIL), H_PUT_TERM_CHAR errors, an
# unknown RTAS token. Compared with qemu.
	.include "rt.inc"
	.set VSID, 0x42
	.set UBASE, 0x10000000
	.text
	.globl main
main:
	mflr r0
	std r0, 16(r1)
	stdu r1, -128(r1)
	mftb r20
	SHOW tb0, r20
	mftb r20
	mftb r21
	subf r21, r20, r21
	SHOW tbdelta1, r21
	mftb r20
	li r22, 1000
	mtctr r22
1:	bdnz 1b
	mftb r21
	subf r21, r20, r21
	SHOW tbdelta1000, r21
	mfdec r20
	mftb r21
	add r22, r20, r21
	SHOW decplustb, r22
	# DEC preemption in supervisor
	li r20, 1000
	li r22, 0
	mtdec r20
	mfdec r23
	mfmsr r21
	ori r21, r21, MSR_EE
	mtmsrd r21, 1
2:	addi r22, r22, 1
	cmpdi r22, 30000
	blt 2b
	li r21, 0
	mtmsrd r21, 1
	SHOW decread, r23
	LA r9, exc_frame
	ld r14, 176(r9)
	SHOW count_at_dec, r14
	# DEC with small values 0,1,2,3,4
	li r24, 0
3:	li r22, 0
	mtdec r24
	mfmsr r21
	ori r21, r21, MSR_EE
	mtmsrd r21, 1
4:	addi r22, r22, 1
	cmpdi r22, 100
	blt 4b
	li r21, 0
	mtmsrd r21, 1
	LA r9, exc_frame
	ld r14, 176(r9)
	SHOW small_dec_count, r14
	addi r24, r24, 1
	cmpdi r24, 5
	blt 3b
	# negative DEC with EE off, then enable
	li r20, -5
	mtdec r20
	li r22, 0
	addi r22, r22, 1
	addi r22, r22, 1
	mfmsr r21
	ori r21, r21, MSR_EE
	mtmsrd r21, 1
	addi r22, r22, 1
	addi r22, r22, 1
	li r21, 0
	mtmsrd r21, 1
	LA r9, exc_frame
	ld r14, 176(r9)
	SHOW neg_dec_count, r14
	# R/C bits
	LI64 r3, (VSID << 12) | 0x400
	LI64 r4, UBASE | 0x08000000 | 1
	slbmte r3, r4
	isync
	LI64 r5, (VSID << 12) | 1
	LA r6, dpage
	ori r6, r6, 0x012
	li r3, 0
	li r4, VSID * 8
	bl h_enter
	mr r14, r3
	SHOW henter, r14
	mr r14, r4
	SHOW ptex, r14
	# exact slot 3, then try exact slot 3 again, then fill PTEG
	li r3, 0
	oris r3, r3, 0x80      # H_EXACT = 1 << (63-24)
	rldicr r3, r3, 0, 63
	LI64 r3, 0x0000008000000000
	LI64 r5, (VSID << 12) | 1 | 0x1000
	LA r6, dpage
	ori r6, r6, 0x012
	li r4, VSID * 8 + 3
	bl h_enter
	mr r14, r3
	SHOW exact, r14
	mr r14, r4
	SHOW exact_ptex, r14
	LI64 r3, 0x0000008000000000
	LI64 r5, (VSID << 12) | 1 | 0x2000
	LA r6, dpage
	ori r6, r6, 0x012
	li r4, VSID * 8 + 3
	bl h_enter
	mr r14, r3
	SHOW exact_again, r14
	# fill
	li r20, 0
5:	li r3, 0
	LI64 r5, (VSID << 12) | 1 | 0x3000
	LA r6, dpage
	ori r6, r6, 0x012
	li r4, VSID * 8 + 5
	bl h_enter
	mr r14, r3
	mr r15, r4
	SHOW fill, r14
	SHOW fill_ptex, r15
	addi r20, r20, 1
	cmpdi r20, 7
	blt 5b
	# read back with H_READ_4
	li r3, H_READ
	LI64 r4, 0x0000002000000000
	li r5, VSID * 8 + 1
	sc 1
	mr r20, r3
	mr r21, r4
	mr r22, r5
	mr r23, r6
	mr r24, r7
	SHOW r4rc, r20
	SHOW r4a, r21
	SHOW r4b, r22
	SHOW r4c, r23
	SHOW r4d, r24
	# access page (user read) then H_READ slot 0
	LA r9, user_gprs
	LI64 r10, UBASE
	std r10, 80(r9)
	# bad ptex
	li r3, H_READ
	li r4, 0
	LI64 r5, 0x7fffffff
	sc 1
	mr r14, r3
	SHOW badptex, r14
	# unknown hcall
	li r3, 0x1234
	sc 1
	mr r14, r3
	SHOW unknown, r14
	li r3, 0x2
	sc 1
	mr r14, r3
	SHOW hcall2, r14
	# H_SET_MODE AIL 1, 3, 0
	li r3, 0x31c
	li r4, 1
	li r5, 3
	li r6, 0
	li r7, 0
	sc 1
	mr r14, r3
	SHOW ail1, r14
	li r3, 0x31c
	li r4, 2
	li r5, 3
	li r6, 0
	li r7, 0
	sc 1
	mr r14, r3
	SHOW ail2, r14
	li r3, 0x31c
	li r4, 0
	li r5, 3
	li r6, 0
	li r7, 0
	sc 1
	mr r14, r3
	SHOW ail0, r14
	# term char with 17 bytes
	li r3, H_PUT_TERM_CHAR
	li r4, 0
	li r5, 17
	sc 1
	mr r14, r3
	SHOW tc17, r14
	li r3, H_PUT_TERM_CHAR
	LI64 r4, 0x71000001
	li r5, 1
	sc 1
	mr r14, r3
	SHOW tcbad, r14
	# RTAS unknown token
	LA r4, rtas_args
	li r0, 0x2999
	stw r0, 0(r4)
	li r0, 0
	stw r0, 4(r4)
	li r0, 1
	stw r0, 8(r4)
	li r3, 0
	ori r3, r3, 0xf000
	sc 1
	mr r14, r3
	SHOW rtasbad, r14
	LA r4, rtas_args
	lwz r14, 12(r4)
	SHOW rtasret, r14
	addi r1, r1, 128
	ld r0, 16(r1)
	mtlr r0
	blr

	.data
	.balign 4096
dpage:	.space 4096
