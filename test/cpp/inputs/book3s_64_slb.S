/*
 * Kernel-style trampoline code exercising the cpp features the PR-KVM
 * sources rely on (written for this test suite).
 *
 * Copyright line with an apostrophe: it's fine inside a comment.
 */

#include <asm/ppc_asm.h>
#include <asm/asm-offsets.h>
#include <asm/kvm_asm.h>
#include <asm/reg.h>
#include <asm/kvm_book3s_asm.h>
#include <asm/ppc_asm.h>	/* guarded: second include is a no-op */

#define SHADOW_SLB_ESID(num)	(SLBSHADOW_SAVEAREA + (num * 0x10))
#define SHADOW_SLB_VSID(num)	(SLBSHADOW_SAVEAREA + (num * 0x10) + 0x8)
#define UNBOLT_SLB_ENTRY(num) \
	ld	r9, SHADOW_SLB_ESID(num)(r12); \
	/* Invalid? Skip. */; \
	rldicl. r0, r9, 37, 63; \
	beq	slb_entry_skip_ ## num; \
	xoris	r9, r9, SLB_ESID_V@h; \
	std	r9, SHADOW_SLB_ESID(num)(r12); \
  slb_entry_skip_ ## num:

#define REBOLT_SLB_ENTRY(num) \
	ld	r10, SHADOW_SLB_ESID(num)(r11); \
	cmpdi	r10, 0; \
	beq	slb_exit_skip_ ## num; \
	oris	r10, r10, SLB_ESID_V@h; \
	ld	r9, SHADOW_SLB_VSID(num)(r11); \
	slbmte	r9, r10; \
	std	r10, SHADOW_SLB_ESID(num)(r11); \
slb_exit_skip_ ## num:

#define VCPU_GPR(n)		(VCPU_GPRS + (n * 8))
#define VCPU_LOAD_NVGPRS(vcpu) \
	ld	r14, VCPU_GPR(r14)(vcpu); \
	ld	r15, VCPU_GPR(r15)(vcpu); \
	ld	r16, VCPU_GPR(r16)(vcpu); \
	ld	r31, VCPU_GPR(r31)(vcpu); \

#if defined(CONFIG_PPC_BOOK3S_64) || defined(__powerpc64__)
#define ULONG_SIZE		8
#else
#define ULONG_SIZE		4
#endif
#define KVMPPC_HANDLE_EXIT	.kvmppc_handle_exit

/******************************************************************************
 *                                                                            *
 *                               Entry code                                   *
 *                                                                            *
 *****************************************************************************/

.global kvmppc_handler_trampoline_enter
kvmppc_handler_trampoline_enter:

	/* Required state:
	 *
	 * MSR = ~IR|DR
	 * R13 = PACA
	 */

	mtsrr0	r9
	mtsrr1	r10

	/* Remove LPAR shadow entries */

#if SLB_NUM_BOLTED == 3

	ld	r12, PACA_SLBSHADOWPTR(r13)

	/* Save off the first entry so we can slbie it later */
	ld	r10, SHADOW_SLB_ESID(0)(r12)
	ld	r11, SHADOW_SLB_VSID(0)(r12)

	/* Remove bolted entries */
	UNBOLT_SLB_ENTRY(0)
	UNBOLT_SLB_ENTRY(1)
	UNBOLT_SLB_ENTRY(2)

#else
#error unknown number of bolted entries
#endif

	/* Flush SLB */
	slbia

	/* Enter guest */

	ld	r0, (PACA_KVM_GPR0)(r13)
	ld	r1, (PACA_KVM_GPR1)(r13)
	ld	r13, (PACA_KVM_GPR0 + 13 * 8)(r13)

	VCPU_LOAD_NVGPRS(r4)

	RFI
kvmppc_handler_trampoline_enter_end:

_GLOBAL(__kvmppc_vcpu_entry)

	mflr	r0
	std	r0,16(r1)
	stdu	r1, -SWITCH_FRAME_SIZE(r1)
	SAVE_2GPRS(3, r1)
	SAVE_NVGPRS(r1)
	REST_4GPRS(4, r1)
	std	r3, _LINK(r1)

	LOAD_REG_IMMEDIATE(r3, MSR_KERNEL & ~(MSR_IR | MSR_DR))
	LOAD_REG_IMMEDIATE(r4, MSR_KERNEL)
	LOAD_REG_ADDR(r5, kvm_trampoline_table)
	HMT_MEDIUM
	ld	r3, (16 + SWITCH_FRAME_SIZE)(r1)
	bl	KVMPPC_HANDLE_EXIT
	REBOLT_SLB_ENTRY(0)
	REBOLT_SLB_ENTRY(1)
	REBOLT_SLB_ENTRY(2)
	mfspr	r12, SPRN_SRR0
	.long	ULONG_SIZE, RESUME_HOST_NV, BOOK3S_INTERRUPT_ALTIVEC
	.asciz	__stringify(MSR_KERNEL)
	.asciz	__stringify(LOAD_REG_ADDR(r3, sym))
	PPC_LL	r3, 0(r1)
	PPC_LCMPI	cr7, r3, 0

.macro INTERRUPT_TRAMPOLINE intno
.global kvmppc_trampoline_\intno
kvmppc_trampoline_\intno:
	mtspr	SPRN_SPRG_SCRATCH0, r13		/* Save r13 */
	std	r12, (PACA_EXMC + 8)(r13)
	li	r12, \intno
	b	kvmppc_handler_skip_ins\@
.endm

INTERRUPT_TRAMPOLINE	BOOK3S_INTERRUPT_DATA_STORAGE
INTERRUPT_TRAMPOLINE	BOOK3S_INTERRUPT_PROGRAM
	DO_KVM	BOOK3S_INTERRUPT_SYSTEM_RESET
