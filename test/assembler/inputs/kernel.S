/*
 * Kernel-style source: register names as cpp macros, VCPU_GPR(n), LOAD_REG_IMMEDIATE,
 * _GLOBAL function descriptors, SAVE_GPR chains, gas macros with \arg in displacements.
 */
#include "test_asm.h"
#include "test_asm.h"	/* include guard: a second include is harmless */

#define VCPU_GPRS	0x180
#define VCPU_GPR(n)	(VCPU_GPRS + (n * 8))
#define PACA_EXMC	0x200
#define PACA_KVM_IN_GUEST 0x2a0
#define KVMPPC_HANDLE_EXIT .kvmppc_handle_exit
#define ULONG_SIZE 8
#define SLB_NUM_BOLTED 3

#if SLB_NUM_BOLTED == 3
#define BOLTED_OK 1
#elif SLB_NUM_BOLTED == 2
#error two bolted entries are not supported here
#else
#error unknown number of bolted entries
#endif

#if defined(BOLTED_OK) && !defined(NOT_DEFINED)
	.macro mfpaca tmp_reg, src_reg, offset, vcpu_reg
	ld	\tmp_reg, (PACA_EXMC+\offset)(r13)
	std	\tmp_reg, VCPU_GPR(\src_reg)(\vcpu_reg)
	.endm
#endif

	.macro DO_KVM intno
	.if (\intno == 0x300) || (\intno == 0x380) || \
	    (\intno == 0x400) || (\intno == 0x480) || \
	    (\intno == 0x900)
	b	kvmppc_trampoline_\intno
	.endif
	.endm

_GLOBAL(__kvmppc_vcpu_entry)
	mflr	r0
	std	r0, 16(r1)
	stdu	r1, -(112 + 144)(r1)
	SAVE_2GPRS(3, r1)
	SAVE_NVGPRS(r1)
	ld	r14, VCPU_GPR(r14)(r4)
	ld	r15, VCPU_GPR(r15)(r4)
	ld	r31, VCPU_GPR(r31)(r4)
	LOAD_REG_IMMEDIATE(r3, MSR_KERNEL & ~(MSR_IR|MSR_DR))
	LOAD_REG_IMMEDIATE(r4, 0xB000000000001002)
	mtsrr1	r3
	mfpaca	r5, r0, 8, r7
	mfpaca	r5, r13, 16, r7
	li	r12, 1
	stb	r12, PACA_KVM_IN_GUEST(r13)
	std	3+1,112+8*(3+1)(r1)
	ld	r3, (16 + 256)(r1)
	bl	KVMPPC_HANDLE_EXIT
	nop
	mtspr	SPRN_HID5, r3
	mtspr	SPRN_SPRG1, r13
	DO_KVM	0x300
	DO_KVM	0x500
	DO_KVM	0x900
	.long	kvmppc_trampoline_0x300 - .__kvmppc_vcpu_entry
	RFI_LABEL:
	rfid
	b	.

kvmppc_trampoline_0x300:
kvmppc_trampoline_0x900:
	.rept 2
	nop
	.endr
	blr

_GLOBAL(kvmppc_handle_exit)
	li	r3, 2
	blr
