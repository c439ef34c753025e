/*
 * book3s_64_rmhandlers.S: real-mode companions of the PR-KVM trampoline that must sit in
 * low memory next to the vectors (included by head_64.S, after the vectors):
 *   - one exit trampoline per hooked vector (the DO_KVM targets),
 *   - the low-memory trampoline used by call_linux_handler,
 *   - the real addresses of those entry points, for the vcpu setup,
 *   - trampoline enter and exit (book3s_64_slb.S, included at the end).
 */

/*
 * kvmppc_trampoline_<vector>: entered from DO_KVM with every register still holding the
 * interrupted context's value (the guest's, or the host's), SRR0/SRR1 = its PC/MSR.
 *
 * It frees r12 and r13 through the PACA shadow vcpu's scratch slots (SPRG2 takes r13,
 * because the PACA pointer has to come from somewhere) and tests the in-guest flag:
 *   in the guest: r12 = vector number (the exit id), go to trampoline exit, which expects
 *       guest r12 in SCRATCH0, guest CR in SCRATCH1, guest r13 in SPRG2;
 *   in the host: put CR, r12 and r13 back and resume the host's vector right after its
 *       DO_KVM branch, as if the hook had not been there.
 */
.macro INTERRUPT_TRAMPOLINE intno
	.globl	kvmppc_trampoline_\intno
kvmppc_trampoline_\intno:
	mtspr	SPRN_SPRG_SCRATCH0,r13
	mfspr	r13,SPRN_SPRG_PACA
	std	r12,PACA_KVM_SCRATCH0(r13)
	mfcr	r12
	stw	r12,PACA_KVM_SCRATCH1(r13)
	lbz	r12,PACA_KVM_IN_GUEST(r13)
	cmpwi	r12,0
	bne	..kvmppc_handler_hasmagic_\intno
	/* Not the guest: the host's own vector code continues. */
	lwz	r12,PACA_KVM_SCRATCH1(r13)
	mtcr	r12
	ld	r12,PACA_KVM_SCRATCH0(r13)
	mfspr	r13,SPRN_SPRG_SCRATCH0
	b	kvmppc_resume_\intno
..kvmppc_handler_hasmagic_\intno:
	li	r12,\intno
	b	kvmppc_handler_trampoline_exit
.endm

	INTERRUPT_TRAMPOLINE	BOOK3S_INTERRUPT_SYSTEM_RESET
	INTERRUPT_TRAMPOLINE	BOOK3S_INTERRUPT_MACHINE_CHECK
	INTERRUPT_TRAMPOLINE	BOOK3S_INTERRUPT_DATA_STORAGE
	INTERRUPT_TRAMPOLINE	BOOK3S_INTERRUPT_DATA_SEGMENT
	INTERRUPT_TRAMPOLINE	BOOK3S_INTERRUPT_INST_STORAGE
	INTERRUPT_TRAMPOLINE	BOOK3S_INTERRUPT_INST_SEGMENT
	INTERRUPT_TRAMPOLINE	BOOK3S_INTERRUPT_EXTERNAL
	INTERRUPT_TRAMPOLINE	BOOK3S_INTERRUPT_ALIGNMENT
	INTERRUPT_TRAMPOLINE	BOOK3S_INTERRUPT_PROGRAM
	INTERRUPT_TRAMPOLINE	BOOK3S_INTERRUPT_FP_UNAVAIL
	INTERRUPT_TRAMPOLINE	BOOK3S_INTERRUPT_DECREMENTER
	INTERRUPT_TRAMPOLINE	BOOK3S_INTERRUPT_SYSCALL
	INTERRUPT_TRAMPOLINE	BOOK3S_INTERRUPT_TRACE
	INTERRUPT_TRAMPOLINE	BOOK3S_INTERRUPT_PERFMON
	INTERRUPT_TRAMPOLINE	BOOK3S_INTERRUPT_ALTIVEC
	INTERRUPT_TRAMPOLINE	BOOK3S_INTERRUPT_VSX

/*
 * The low-memory trampoline of call_linux_handler (real mode). In: r5 = host return IP
 * (kvm_return_point), r6 = host MSR, LR = the host vector to run (0x500 or 0x900, which is
 * also its real address). It makes SRR0/SRR1 look as if that interrupt had been taken at
 * kvm_return_point with the host MSR, then enters the vector: the host's handler returns
 * there with rfid.
 */
	.globl	kvmppc_handler_lowmem_trampoline
kvmppc_handler_lowmem_trampoline:
	mtsrr0	r5
	mtsrr1	r6
	blr
	.globl	kvmppc_handler_lowmem_trampoline_end
kvmppc_handler_lowmem_trampoline_end:

/*
 * Real addresses of the two real-mode entry points, for kvmppc_vcpu_create. The image is
 * copied to physical 0 with _stext there, so an offset from _stext is a real address.
 */
	.balign	4
	.globl	kvmppc_trampoline_lowmem
kvmppc_trampoline_lowmem:
	.long	kvmppc_handler_lowmem_trampoline - _stext
	.globl	kvmppc_trampoline_enter
kvmppc_trampoline_enter:
	.long	kvmppc_handler_trampoline_enter - _stext

#include "book3s_64_slb.S"
