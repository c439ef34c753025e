/*
 * host/host.h: shorthands of the mini host's assembly (console output, frames).
 * Every call goes to an ELFv1 dot-symbol and is followed by a nop, the slot an ELFv1
 * linker may use to restore the TOC (unneeded here: the image has one TOC).
 */
#ifndef KVM_ASM_HOST_H
#define KVM_ASM_HOST_H

#define CALL(fn)	bl	GLUE(.,fn); nop

#define PUTS(label)	LOAD_REG_IMMEDIATE(r3, label); CALL(host_puts)
#define PUTHEX(reg)	mr	r3,reg; CALL(host_puthex)
#define PUTDEC(reg)	mr	r3,reg; CALL(host_putdec)
#define NEWLINE		CALL(host_newline)

/*
 * A frame for a function that keeps its state in r24-r31: the 112-byte ELFv1 header,
 * then those eight registers at the top of the frame (the ABI's save-area position).
 */
#define HOST_FRAME	176
#define HOST_PROLOGUE				\
	mflr	r0;				\
	std	r0,16(r1);			\
	std	r24,-64(r1);			\
	std	r25,-56(r1);			\
	std	r26,-48(r1);			\
	std	r27,-40(r1);			\
	std	r28,-32(r1);			\
	std	r29,-24(r1);			\
	std	r30,-16(r1);			\
	std	r31,-8(r1);			\
	stdu	r1,-HOST_FRAME(r1)
#define HOST_EPILOGUE				\
	addi	r1,r1,HOST_FRAME;		\
	ld	r0,16(r1);			\
	mtlr	r0;				\
	ld	r24,-64(r1);			\
	ld	r25,-56(r1);			\
	ld	r26,-48(r1);			\
	ld	r27,-40(r1);			\
	ld	r28,-32(r1);			\
	ld	r29,-24(r1);			\
	ld	r30,-16(r1);			\
	ld	r31,-8(r1);			\
	blr

#endif /* KVM_ASM_HOST_H */
