# Runtime for the simulator's bare-metal test images. It boots the way the trampoline image does
# (pseries-platform.md §5): entered at 0x400000 in 32-bit real mode, it sets MSR[SF], copies the
# image down to real 0, and rfids to host_entry with MSR = SF|ME|RI. host_entry calls `main`
# (provided by each test) and powers off through RTAS.
#
# Vectors report every interrupt as "EXC vector srr0 srr1 dar dsisr". An interrupt from problem
# state returns from enter_user with r3 = vector; one from the host is resumed (0x900 rearms DEC,
# 0xc00 returns after the sc, anything else skips the faulting instruction).
	.include "rt.inc"

	.section .text.entry, "ax"
	.globl _start
_start:
	mfmsr r0
	li r4, 1
	rldicr r4, r4, 63, 0
	or r0, r0, r4
	mtmsrd r0
	isync
	bcl 20, 31, 1f
1:	mflr r3
	addi r3, r3, _start - 1b	# r3 = where qemu put us
	LA r4, _edata
	addi r4, r4, 7
	srdi r4, r4, 3
	mtctr r4
	li r5, 0
2:	ldx r6, r3, r5
	stdx r6, 0, r5
	dcbst 0, r5
	addi r5, r5, 8
	bdnz 2b
	sync
	icbi 0, r3
	isync
	LA r4, host_entry
	mtsrr0 r4
	LI64 r4, MSR_SF | MSR_ME | MSR_RI
	mtsrr1 r4
	rfid

	VECTOR 0x100
	VECTOR 0x200
	VECTOR 0x300
	VECTOR 0x380
	VECTOR 0x400
	VECTOR 0x480
	VECTOR 0x500
	VECTOR 0x600
	VECTOR 0x700
	VECTOR 0x800
	VECTOR 0x900
	VECTOR 0x980
	VECTOR 0xa00
	VECTOR 0xb00
	VECTOR 0xc00
	VECTOR 0xd00
	VECTOR 0xe00
	VECTOR 0xe20
	VECTOR 0xe40
	VECTOR 0xe60
	VECTOR 0xe80
	VECTOR 0xf00
	VECTOR 0xf20
	VECTOR 0xf40
	VECTOR 0xf60
	.org 0x1000

	.text
host_entry:
	LA r1, stack_top
	li r0, 0
	stdu r0, -128(r1)
	li r3, 0
	slbmte r3, r3		# clear SLB slot 0 (slbia keeps it)
	slbia
	isync
	lis r3, 0x7fff
	ori r3, r3, 0xffff
	mtdec r3
	bl main
	PUTS "DONE\r\n"
	b power_off

	.globl power_off
power_off:
	LA r4, rtas_args
	li r0, 0x2003
	stw r0, 0(r4)
	li r0, 2
	stw r0, 4(r4)
	li r0, 1
	stw r0, 8(r4)
	li r0, 0
	stw r0, 12(r4)
	stw r0, 16(r4)
	li r3, 0
	ori r3, r3, 0xf000
	sc 1
	b .

# os_term(r3 = message): ends the run with a failure status.
	.globl os_term
os_term:
	LA r4, rtas_args
	li r0, 0x201f
	stw r0, 0(r4)
	li r0, 1
	stw r0, 4(r4)
	stw r0, 8(r4)
	stw r3, 12(r4)
	li r3, 0
	ori r3, r3, 0xf000
	sc 1
	b .

# putbuf(r3 = address, r4 = length): console output, 16 bytes per hcall. Clobbers r3-r12.
	.globl putbuf
putbuf:
	mr r9, r3
	mr r10, r4
1:	cmpdi r10, 0
	beqlr
	li r5, 16
	cmpd r10, r5
	bge 2f
	mr r5, r10
2:	li r6, 0
	li r7, 0
	li r11, 0
3:	cmpd r11, r5		# pack bytes 0..7 into r6, 8..15 into r7 (big-endian)
	bge 5f
	lbzx r12, r9, r11
	cmpdi r11, 8
	bge 4f
	sldi r6, r6, 8
	or r6, r6, r12
	b 6f
4:	sldi r7, r7, 8
	or r7, r7, r12
6:	addi r11, r11, 1
	b 3b
5:	subfic r11, r5, 8	# left-justify the partial doublewords
	cmpdi r11, 0
	ble 7f
	sldi r11, r11, 3
	sld r6, r6, r11
7:	subfic r11, r5, 16
	cmpdi r11, 8
	bgt 8f
	sldi r11, r11, 3
	sld r7, r7, r11
8:	li r3, H_PUT_TERM_CHAR
	li r4, 0
	sc 1
	add r9, r9, r5
	subf r10, r5, r10
	b 1b

# puts(r3 = NUL-terminated string)
	.globl puts
puts:
	mflr r0
	std r0, 16(r1)
	stdu r1, -64(r1)
	li r4, 0
1:	lbzx r5, r3, r4
	cmpdi r5, 0
	beq 2f
	addi r4, r4, 1
	b 1b
2:	bl putbuf
	addi r1, r1, 64
	ld r0, 16(r1)
	mtlr r0
	blr

# puthex(r3): 16 hex digits
	.globl puthex
puthex:
	mflr r0
	std r0, 16(r1)
	stdu r1, -64(r1)
	LA r4, hexbuf
	li r5, 16
	mtctr r5
	addi r6, r4, 15
1:	andi. r7, r3, 15
	addi r7, r7, '0'
	cmpdi r7, '9'
	ble 2f
	addi r7, r7, 'a' - '9' - 1
2:	stb r7, 0(r6)
	addi r6, r6, -1
	srdi r3, r3, 4
	bdnz 1b
	mr r3, r4
	li r4, 16
	bl putbuf
	addi r1, r1, 64
	ld r0, 16(r1)
	mtlr r0
	blr

	.globl newline
newline:
	mflr r0
	std r0, 16(r1)
	stdu r1, -64(r1)
	LA r3, crlf
	li r4, 2
	bl putbuf
	addi r1, r1, 64
	ld r0, 16(r1)
	mtlr r0
	blr

	.globl space
space:
	mflr r0
	std r0, 16(r1)
	stdu r1, -64(r1)
	LA r3, crlf+2
	li r4, 1
	bl putbuf
	addi r1, r1, 64
	ld r0, 16(r1)
	mtlr r0
	blr

# h_enter(r3 = flags, r4 = ptex, r5 = pte0, r6 = pte1) -> r3 = status, r4 = ptex used
	.globl h_enter
h_enter:
	mr r7, r6
	mr r6, r5
	mr r5, r4
	mr r4, r3
	li r3, H_ENTER
	sc 1
	blr

# enter_user(r3 = pc, r4 = msr): run user_gprs in problem state until an interrupt; returns the vector.
	.globl enter_user
enter_user:
	mflr r0
	LA r5, host_ctx
	std r0, 0(r5)
	mfcr r0
	std r0, 8(r5)
	std r1, 16(r5)
	std r2, 24(r5)
	std r14, 32(r5)
	std r15, 40(r5)
	std r16, 48(r5)
	std r17, 56(r5)
	std r18, 64(r5)
	std r19, 72(r5)
	std r20, 80(r5)
	std r21, 88(r5)
	std r22, 96(r5)
	std r23, 104(r5)
	std r24, 112(r5)
	std r25, 120(r5)
	std r26, 128(r5)
	std r27, 136(r5)
	std r28, 144(r5)
	std r29, 152(r5)
	std r30, 160(r5)
	std r31, 168(r5)
	mtsrr0 r3
	mtsrr1 r4
	LA r31, user_gprs
	ld r0, 0(r31)
	ld r1, 8(r31)
	ld r2, 16(r31)
	ld r3, 24(r31)
	ld r4, 32(r31)
	ld r5, 40(r31)
	ld r6, 48(r31)
	ld r7, 56(r31)
	ld r8, 64(r31)
	ld r9, 72(r31)
	ld r10, 80(r31)
	ld r11, 88(r31)
	ld r12, 96(r31)
	ld r13, 104(r31)
	ld r14, 112(r31)
	ld r15, 120(r31)
	ld r16, 128(r31)
	ld r17, 136(r31)
	ld r18, 144(r31)
	ld r19, 152(r31)
	ld r20, 160(r31)
	ld r21, 168(r31)
	ld r22, 176(r31)
	ld r23, 184(r31)
	ld r24, 192(r31)
	ld r25, 200(r31)
	ld r26, 208(r31)
	ld r27, 216(r31)
	ld r28, 224(r31)
	ld r29, 232(r31)
	ld r30, 240(r31)
	ld r31, 248(r31)
	rfid

common_exc:
	LA r13, exc_frame
	std r0, 0(r13)
	std r1, 8(r13)
	std r2, 16(r13)
	std r3, 24(r13)
	std r4, 32(r13)
	std r5, 40(r13)
	std r6, 48(r13)
	std r7, 56(r13)
	std r8, 64(r13)
	std r9, 72(r13)
	std r10, 80(r13)
	std r11, 88(r13)
	mfsprg2 r0
	std r0, 96(r13)
	mfsprg1 r0
	std r0, 104(r13)
	std r14, 112(r13)
	std r15, 120(r13)
	std r16, 128(r13)
	std r17, 136(r13)
	std r18, 144(r13)
	std r19, 152(r13)
	std r20, 160(r13)
	std r21, 168(r13)
	std r22, 176(r13)
	std r23, 184(r13)
	std r24, 192(r13)
	std r25, 200(r13)
	std r26, 208(r13)
	std r27, 216(r13)
	std r28, 224(r13)
	std r29, 232(r13)
	std r30, 240(r13)
	std r31, 248(r13)
	mfsrr0 r0
	std r0, 256(r13)
	mfsrr1 r0
	std r0, 264(r13)
	mfdar r0
	std r0, 272(r13)
	mfdsisr r0
	std r0, 280(r13)
	mfcr r0
	std r0, 288(r13)
	mfxer r0
	std r0, 296(r13)
	mflr r0
	std r0, 304(r13)
	mfctr r0
	std r0, 312(r13)
	std r12, 320(r13)
	LA r1, exc_stack_top
	li r0, 0
	stdu r0, -128(r1)
	mr r31, r13
	PUTS "EXC "
	ld r3, 320(r31)
	bl puthex
	bl space
	ld r3, 256(r31)
	bl puthex
	bl space
	ld r3, 264(r31)
	bl puthex
	bl space
	ld r3, 272(r31)
	bl puthex
	bl space
	ld r3, 280(r31)
	bl puthex
	bl newline
	ld r4, 264(r31)
	andi. r0, r4, MSR_PR
	beq host_exc
	# From problem state: return from enter_user with r3 = vector.
	ld r3, 320(r31)
	LA r5, host_ctx
	ld r0, 0(r5)
	mtlr r0
	ld r0, 8(r5)
	mtcr r0
	ld r1, 16(r5)
	ld r2, 24(r5)
	ld r14, 32(r5)
	ld r15, 40(r5)
	ld r16, 48(r5)
	ld r17, 56(r5)
	ld r18, 64(r5)
	ld r19, 72(r5)
	ld r20, 80(r5)
	ld r21, 88(r5)
	ld r22, 96(r5)
	ld r23, 104(r5)
	ld r24, 112(r5)
	ld r25, 120(r5)
	ld r26, 128(r5)
	ld r27, 136(r5)
	ld r28, 144(r5)
	ld r29, 152(r5)
	ld r30, 160(r5)
	ld r31, 168(r5)
	blr

host_exc:
	ld r3, 320(r31)
	cmpdi r3, 0x900
	bne 1f
	lis r4, 0x7fff
	ori r4, r4, 0xffff
	mtdec r4
	b resume
1:	cmpdi r3, 0xc00
	beq resume
	ld r4, 256(r31)		# skip the faulting instruction
	addi r4, r4, 4
	std r4, 256(r31)
resume:
	mr r13, r31
	ld r0, 256(r13)
	mtsrr0 r0
	ld r0, 264(r13)
	mtsrr1 r0
	ld r0, 288(r13)
	mtcr r0
	ld r0, 296(r13)
	mtxer r0
	ld r0, 304(r13)
	mtlr r0
	ld r0, 312(r13)
	mtctr r0
	ld r0, 0(r13)
	ld r1, 8(r13)
	ld r2, 16(r13)
	ld r3, 24(r13)
	ld r4, 32(r13)
	ld r5, 40(r13)
	ld r6, 48(r13)
	ld r7, 56(r13)
	ld r8, 64(r13)
	ld r9, 72(r13)
	ld r10, 80(r13)
	ld r11, 88(r13)
	ld r12, 96(r13)
	ld r14, 112(r13)
	ld r15, 120(r13)
	ld r16, 128(r13)
	ld r17, 136(r13)
	ld r18, 144(r13)
	ld r19, 152(r13)
	ld r20, 160(r13)
	ld r21, 168(r13)
	ld r22, 176(r13)
	ld r23, 184(r13)
	ld r24, 192(r13)
	ld r25, 200(r13)
	ld r26, 208(r13)
	ld r27, 216(r13)
	ld r28, 224(r13)
	ld r29, 232(r13)
	ld r30, 240(r13)
	ld r31, 248(r13)
	ld r13, 104(r13)
	rfid

	.section .rodata
crlf:	.ascii "\r\n "
	.data
	.balign 8
	.globl exc_frame, user_gprs, host_ctx, rtas_args
rtas_args:	.space 64
hexbuf:		.space 16
host_ctx:	.space 256
exc_frame:	.space 512
user_gprs:	.space 256
	.bss
	.balign 16
	.space 16384
stack_top:
	.space 8192
exc_stack_top:
