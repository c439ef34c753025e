# Edge cases of the multiply/divide/modulo instructions, the alignment interrupt's DSISR, the
# reservation rules (what clears a lwarx reservation), mtmsr/mtmsrd masking and SPR access rules,
# all compared against qemu.
	.include "rt.inc"
	.text
	.globl main
main:
	mflr r0
	std r0, 16(r1)
	stdu r1, -128(r1)
	LI64 r20, 0x123456789abcdef0
	LI64 r21, 0xfedcba9876543210
	mulhwu r22, r20, r21
	SHOW mulhwu, r22
	li r21, 0
	li r22, 77
	divw r22, r20, r21
	SHOW divw0, r22
	li r22, 77
	divwu r22, r20, r21
	SHOW divwu0, r22
	li r22, 77
	divd r22, r20, r21
	SHOW divd0, r22
	LI64 r20, 0x80000000
	li r21, -1
	divw r22, r20, r21
	SHOW divwov, r22
	LI64 r20, 0xffffffff80000000
	divw r22, r20, r21
	SHOW divwov2, r22
	LI64 r20, 0x1234567887654321
	li r21, 3
	divw r22, r20, r21
	SHOW divwneg, r22
	divwu r22, r20, r21
	SHOW divwu, r22
	LI64 r20, 0x8000000000000000
	li r21, -1
	divd r22, r20, r21
	SHOW divdov, r22
	li r20, 5
	li r21, 0
	modsw r22, r20, r21
	SHOW modsw0, r22
	LI64 r20, 0xffffffff80000000
	li r21, -1
	modsw r22, r20, r21
	SHOW modswov, r22
	LI64 r20, 0x12345678fffffff9
	li r21, 4
	modsw r22, r20, r21
	SHOW modswneg, r22
	moduw r22, r20, r21
	SHOW moduw, r22
	LI64 r20, 0x123456789abcdef0
	LI64 r21, 0x00000001fedcba98
	divweu r22, r20, r21
	SHOW divweu, r22
	# alignment: DSISR before
	LI64 r20, 0x12340000
	mtdsisr r20
	LA r20, buf
	addi r20, r20, 2
	lwarx r22, 0, r20
	mfdsisr r23
	SHOW dsisr_after, r23
	LA r20, buf
	PUTS "resv-sc\r\n"
	lwarx r22, 0, r20
	sc
	stwcx. r22, 0, r20
	mfcr r23
	SHOW cr, r23
	PUTS "resv-store-same\r\n"
	lwarx r22, 0, r20
	stw r22, 0(r20)
	stwcx. r22, 0, r20
	mfcr r23
	SHOW cr, r23
	PUTS "resv-store-diff\r\n"
	lwarx r22, 0, r20
	addi r24, r22, 1
	stw r24, 0(r20)
	stwcx. r22, 0, r20
	mfcr r23
	SHOW cr, r23
	PUTS "resv-other-addr\r\n"
	lwarx r22, 0, r20
	addi r24, r20, 4
	stwcx. r22, 0, r24
	mfcr r23
	SHOW cr, r23
	PUTS "resv-size\r\n"
	lwarx r22, 0, r20
	stdcx. r22, 0, r20
	mfcr r23
	SHOW cr, r23
	PUTS "resv-rfid\r\n"
	lwarx r22, 0, r20
	LA r7, 1f
	mtsrr0 r7
	mfmsr r7
	mtsrr1 r7
	rfid
1:	stwcx. r22, 0, r20
	mfcr r23
	SHOW cr, r23
	PUTS "resv-ok\r\n"
	lwarx r22, 0, r20
	stwcx. r22, 0, r20
	mfcr r23
	SHOW cr, r23
	PUTS "resv-twice\r\n"
	stwcx. r22, 0, r20
	mfcr r23
	SHOW cr, r23
	PUTS "resv-hcall\r\n"
	lwarx r22, 0, r20
	li r3, H_PUT_TERM_CHAR
	li r4, 0
	li r5, 1
	LI64 r6, 0x2a00000000000000
	sc 1
	stwcx. r22, 0, r20
	mfcr r23
	SHOW cr, r23
	# mtmsr (32-bit form)
	mfmsr r20
	LI64 r21, 0xffffffff00000000
	mtmsr r21
	mfmsr r22
	SHOW mtmsr_hi, r22
	LI64 r21, 0x8000000000001003
	mtmsrd r21
	mfmsr r22
	SHOW mtmsrd_le, r22
	mtmsrd r20
	# undefined SPRs from supervisor that are not 0x10-class
	li r22, 0x55
	mfspr r22, 1
	SHOW xer, r22
	li r22, 0x55
	mfspr r22, 2
	SHOW spr2, r22
	li r22, 0x55
	mfspr r22, 7
	SHOW spr7, r22
	li r22, 0x55
	mfspr r22, 4
	SHOW spr4, r22
	mfspr r22, 259
	SHOW sprg3u, r22
	li r22, 99
	mtspr 259, r22
	mfspr r22, 275
	SHOW sprg3, r22
	mfspr r22, 136
	SHOW ctrl, r22
	mfspr r22, 29
	SHOW amr, r22
	mfspr r22, 13
	SHOW uamr, r22
	mfspr r22, 896
	SHOW ppr, r22
	mfspr r22, 17
	SHOW dscr, r22
	mfspr r22, 815
	SHOW tar, r22
	mfspr r22, 153
	SHOW fscr, r22
	mfspr r22, 256
	SHOW vrsave, r22
	mfspr r22, 1023
	SHOW pir, r22
	addi r1, r1, 128
	ld r0, 16(r1)
	mtlr r0
	blr
	.data
	.balign 8
buf:	.quad 0x1111222233334444, 0x5555666677778888
