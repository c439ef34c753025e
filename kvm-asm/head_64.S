/*
 * head_64.S: the start of the mini PR-KVM host image, linked like a ppc64 kernel.
 *
 * Layout (physical = virtual - KERNELBASE; see kvm-trampoline.lds):
 *   0x0000  entry from the firmware (qemu -kernel, VOF or SLOF)
 *   0x0100  the interrupt vectors (exceptions-64s.S)
 *   0x1000  real-mode code: the host's own handlers, the KVM trampolines
 *           (book3s_64_rmhandlers.S, book3s_64_slb.S), the rest of the boot
 *
 * The firmware loads the image at 0x400000 + (p_paddr & 0x0fffffff) and jumps to its first
 * byte in real mode, 32-bit mode, MSR[ME] off (pseries-platform.md §2). Interrupts are
 * always delivered at real 0x0..0xfff, so the first thing the image does is copy itself
 * down to real 0; from then on physical address = link address - KERNELBASE, and the host
 * runs with relocation on at its link addresses (host/setup.S builds the mapping).
 */
#include "ppc_asm.h"
#include "asm-offsets.h"
#include "kvm_book3s_64_asm.h"

	.section ".head.text","ax"
	.globl	_stext
_stext:
	/*
	 * 32-bit mode at entry: the GPRs are 64-bit already, only addresses are truncated.
	 * Set MSR[SF] before anything computes a 64-bit address.
	 */
	mfmsr	r11
	li	r12,1
	rldicr	r12,r12,63,0
	or	r11,r11,r12
	mtmsrd	r11
	isync
	/* Where are we? (0x400000 under -kernel.) Position-independent until the copy is done. */
	bcl	20,31,boot_here
boot_here:
	mflr	r26
	addi	r26,r26,-(boot_here - _stext)
	b	boot_relocate		/* past the vectors: this gap is only 0x100 bytes */

#include "exceptions-64s.S"

/*
 * Copy [_stext, _edata) from the load address (r26) to real 0, make the copy visible to
 * instruction fetch, then continue at the copy of boot_lowmem in real mode with a proper
 * MSR: rfid is the only way to set MSR[ME] (mtmsrd cannot).
 */
boot_relocate:
	cmpdi	r26,0
	beq	boot_copied		/* already at 0 */
	LOAD_REG_IMMEDIATE(r5, _edata)
	clrldi	r5,r5,4			/* physical end = length */
	addi	r5,r5,127
	clrrdi	r5,r5,7			/* whole 128-byte cache lines */
	li	r3,0			/* destination */
	mr	r4,r26			/* source */
boot_copy_line:
	li	r6,16			/* 16 doublewords per line */
	mtctr	r6
boot_copy_dword:
	ld	r0,0(r4)
	std	r0,0(r3)
	addi	r3,r3,8
	addi	r4,r4,8
	bdnz	boot_copy_dword
	addi	r6,r3,-128
	dcbst	0,r6			/* push the line to memory ... */
	sync
	icbi	0,r6			/* ... and drop any stale instructions */
	cmpld	r3,r5
	blt	boot_copy_line
	sync
	isync
boot_copied:
	LOAD_REG_IMMEDIATE(r3, boot_lowmem)
	clrldi	r3,r3,4			/* its physical address */
	mtspr	SPRN_SRR0,r3
	LOAD_REG_IMMEDIATE(r4, MSR_SF | MSR_ME | MSR_RI)
	mtspr	SPRN_SRR1,r4
	RFI

#include "book3s_64_rmhandlers.S"

/*
 * Real mode, running from the copy at low memory (the top four address bits are ignored
 * in real mode, so the image's 0xc000... pointers work here as they are).
 */
boot_lowmem:
	/* r13 = PACA for host code; SPRG1 = PACA for the vectors. */
	LOAD_REG_IMMEDIATE(r13, paca)
	mtspr	SPRN_SPRG_PACA,r13
	/* The boot stack, with an empty first frame (back chain 0 ends stack walks). */
	LOAD_REG_IMMEDIATE(r1, host_stack_top)
	li	r0,0
	stdu	r0,-STACK_FRAME_OVERHEAD(r1)
	/* r2: the TOC base, taken from host_main's function descriptor as an ELFv1 caller would. */
	LOAD_REG_IMMEDIATE(r12, host_main)
	ld	r2,8(r12)
	/* Zero .bss (in the copy; the firmware only zeroed it at the load address). */
	LOAD_REG_IMMEDIATE(r3, __bss_start)
	LOAD_REG_IMMEDIATE(r4, _end)
	li	r0,0
boot_zero_bss:
	cmpld	r3,r4
	bge	boot_bss_done
	std	r0,0(r3)
	addi	r3,r3,8
	b	boot_zero_bss
boot_bss_done:
	/* PACA, host SLB and hash-table entries of the linear mapping (host/setup.S). */
	bl	.early_setup
	nop
	/* Relocation on: continue at host_main's link address with the kernel MSR. */
	LOAD_REG_IMMEDIATE(r12, host_main)
	ld	r3,0(r12)
	mtspr	SPRN_SRR0,r3
	LOAD_REG_IMMEDIATE(r4, MSR_KERNEL)
	mtspr	SPRN_SRR1,r4
	RFI

/*
 * The image's TOC: one entry. It makes the linker place a TOC, so the .TOC.@tocbase in
 * every function descriptor is the ELFv1 rule's value (start of .got + 0x8000) rather than
 * a linker's guess, and the host can check its r2 through it (host/main.S).
 */
	.section ".toc","aw"
	.balign	8
	.globl	toc_stext
toc_stext:
	.quad	_stext
