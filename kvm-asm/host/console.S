/*
 * host/console.S: console output of the mini host through H_PUT_TERM_CHAR, plus the
 * RTAS calls that end the run.
 *
 * Every function here follows the ELFv1 ABI (r3-r12 volatile, r14-r31 preserved) and
 * uses no TOC, so it also works when called from the real-mode crash path: in real mode
 * the image's 0xc000... addresses reach the same bytes.
 */
#include "ppc_asm.h"
#include "asm-offsets.h"
#include "hvcall.h"

/* Frame: 112-byte ELFv1 header, a 32-byte digit buffer, then r29-r31 at its top. */
#define CON_FRAME	176
#define CON_BUF		112

/* ASCII */
#define CH_NL		10
#define CH_CR		13
#define CH_0		0x30
#define CH_9		0x39
#define CH_a		0x61
#define CH_x		0x78

	.section ".text"

/* void host_putc(char c): one byte to the console. Clobbers r0, r3-r12. */
_GLOBAL(host_putc)
	sldi	r6,r3,56		/* the byte goes first (most significant) */
	li	r3,H_PUT_TERM_CHAR
	lis	r4,HVTERM_VTY@h
	li	r5,1
	li	r7,0
	sc	1
	blr

/*
 * void host_write(const char *buf, ulong len): up to 16 bytes in one hcall. buf must be
 * 8-byte aligned with 16 readable bytes: H_PUT_TERM_CHAR takes the bytes in r6/r7, first
 * byte most significant, which is what a big-endian doubleword load gives.
 */
_GLOBAL(host_write)
	ld	r6,0(r3)
	ld	r7,8(r3)
	mr	r5,r4
	li	r3,H_PUT_TERM_CHAR
	lis	r4,HVTERM_VTY@h
	sc	1
	blr

/*
 * void host_puts(const char *s): a NUL-terminated string; "\n" goes out as "\r\n".
 * Bytes are gathered in a 16-byte buffer in the frame and sent 16 at a time.
 */
_GLOBAL(host_puts)
	mflr	r0
	std	r0,16(r1)
	std	r29,-24(r1)
	std	r30,-16(r1)
	std	r31,-8(r1)
	stdu	r1,-CON_FRAME(r1)
	mr	r31,r3			/* next source byte */
	li	r30,0			/* bytes in the buffer */
puts_loop:
	lbz	r3,0(r31)
	cmpwi	r3,0
	beq	puts_done
	cmpwi	r3,CH_NL
	bne	puts_plain
	cmpwi	r30,14			/* room for "\r\n"? */
	ble	puts_crlf
	bl	puts_flush
puts_crlf:
	li	r3,CH_CR
	addi	r4,r1,CON_BUF
	stbx	r3,r4,r30
	addi	r30,r30,1
	li	r3,CH_NL
	b	puts_store
puts_plain:
	cmpwi	r30,16
	blt	puts_store
	mr	r29,r3
	bl	puts_flush
	mr	r3,r29
puts_store:
	addi	r4,r1,CON_BUF
	stbx	r3,r4,r30
	addi	r30,r30,1
	addi	r31,r31,1
	b	puts_loop
puts_done:
	bl	puts_flush
	addi	r1,r1,CON_FRAME
	ld	r0,16(r1)
	mtlr	r0
	ld	r29,-24(r1)
	ld	r30,-16(r1)
	ld	r31,-8(r1)
	blr

/* Local to host_puts: send the buffer (r30 bytes), empty it. Keeps r29-r31. */
puts_flush:
	cmpwi	r30,0
	beqlr
	mflr	r0
	std	r0,16(r1)		/* as any callee of host_puts would */
	addi	r3,r1,CON_BUF
	mr	r4,r30
	bl	.host_write
	nop
	li	r30,0
	ld	r0,16(r1)
	mtlr	r0
	blr

/* void host_newline(void) */
_GLOBAL(host_newline)
	mflr	r0
	std	r0,16(r1)
	stdu	r1,-CON_FRAME(r1)
	li	r3,CH_CR
	bl	.host_putc
	nop
	li	r3,CH_NL
	bl	.host_putc
	nop
	addi	r1,r1,CON_FRAME
	ld	r0,16(r1)
	mtlr	r0
	blr

/*
 * void host_putnum(u64 value, u64 base): "0x" and lowercase hex digits for base 16,
 * plain decimal digits for base 10; no leading zeros.
 */
_GLOBAL(host_putnum)
	mflr	r0
	std	r0,16(r1)
	std	r29,-24(r1)
	std	r30,-16(r1)
	std	r31,-8(r1)
	stdu	r1,-CON_FRAME(r1)
	mr	r30,r4			/* base */
	/* Digits from the end of the buffer backwards: r31 = cursor, r29 = value left. */
	addi	r31,r1,CON_BUF + 32
	li	r0,0
	stbu	r0,-1(r31)		/* NUL */
	mr	r29,r3
putnum_digit:
	divdu	r5,r29,r30
	mulld	r6,r5,r30
	subf	r6,r6,r29		/* r6 = value % base */
	addi	r6,r6,CH_0
	cmpwi	r6,CH_9
	ble	putnum_store
	addi	r6,r6,CH_a - CH_9 - 1
putnum_store:
	stbu	r6,-1(r31)
	mr	r29,r5
	cmpdi	r29,0
	bne	putnum_digit
	cmpdi	r30,16
	bne	putnum_print
	li	r6,CH_x
	stbu	r6,-1(r31)
	li	r6,CH_0
	stbu	r6,-1(r31)
putnum_print:
	mr	r3,r31
	bl	.host_puts
	nop
	addi	r1,r1,CON_FRAME
	ld	r0,16(r1)
	mtlr	r0
	ld	r29,-24(r1)
	ld	r30,-16(r1)
	ld	r31,-8(r1)
	blr

/* void host_puthex(u64 value) */
_GLOBAL(host_puthex)
	li	r4,16
	b	.host_putnum

/* void host_putdec(u64 value) */
_GLOBAL(host_putdec)
	li	r4,10
	b	.host_putnum

/*
 * long host_rtas(u32 token, u32 nargs, u32 arg0, u32 arg1): one RTAS call with nret = 1
 * through qemu's KVMPPC_H_RTAS. The argument buffer is passed by real address. Returns
 * the hcall status (qemu does not return at all for power-off and os-term).
 */
_GLOBAL(host_rtas)
	LOAD_REG_IMMEDIATE(r9, rtas_args)
	stw	r3,0(r9)		/* token */
	stw	r4,4(r9)		/* nargs */
	li	r0,1
	stw	r0,8(r9)		/* nret */
	stw	r5,12(r9)
	stw	r6,16(r9)
	li	r0,0
	stw	r0,20(r9)
	li	r3,0
	ori	r3,r3,KVMPPC_H_RTAS
	clrldi	r4,r9,4			/* real address */
	sc	1
	blr

/* void host_power_off(void): qemu exits with status 0. */
_GLOBAL(host_power_off)
	li	r3,RTAS_TOKEN_POWER_OFF
	li	r4,2
	li	r5,0
	li	r6,0
	b	.host_rtas

/*
 * void host_os_term(const char *msg): ibm,os-term; qemu prints the message on stderr and,
 * with -action panic=exit-failure, exits with status 1.
 */
_GLOBAL(host_os_term)
	clrldi	r5,r3,4			/* the message, by real address */
	li	r3,RTAS_TOKEN_OS_TERM
	li	r4,1
	li	r6,0
	b	.host_rtas

	.section ".bss"
	.balign	8
rtas_args:
	.space	64
