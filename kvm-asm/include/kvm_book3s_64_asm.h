/*
 * kvm_book3s_64_asm.h: the vector hook of the PR-KVM trampoline.
 *
 * Each real-mode vector starts with `DO_KVM <vector>`. For the 16 vectors a guest can
 * exit through, it branches to that vector's trampoline (book3s_64_rmhandlers.S), which
 * tests the PACA's in-guest flag: in the guest, the interrupt becomes a guest exit;
 * otherwise the trampoline puts back what it touched and returns to the label
 * kvmppc_resume_<vector> right after the branch, and the host's own vector code runs.
 * For any other vector the macro emits nothing.
 */
#ifndef KVM_ASM_KVM_BOOK3S_64_ASM_H
#define KVM_ASM_KVM_BOOK3S_64_ASM_H

#include "kvm_asm.h"

.macro DO_KVM intno
	.if (\intno == BOOK3S_INTERRUPT_SYSTEM_RESET) || \
	    (\intno == BOOK3S_INTERRUPT_MACHINE_CHECK) || \
	    (\intno == BOOK3S_INTERRUPT_DATA_STORAGE) || \
	    (\intno == BOOK3S_INTERRUPT_DATA_SEGMENT) || \
	    (\intno == BOOK3S_INTERRUPT_INST_STORAGE) || \
	    (\intno == BOOK3S_INTERRUPT_INST_SEGMENT) || \
	    (\intno == BOOK3S_INTERRUPT_EXTERNAL) || \
	    (\intno == BOOK3S_INTERRUPT_ALIGNMENT) || \
	    (\intno == BOOK3S_INTERRUPT_PROGRAM) || \
	    (\intno == BOOK3S_INTERRUPT_FP_UNAVAIL) || \
	    (\intno == BOOK3S_INTERRUPT_DECREMENTER) || \
	    (\intno == BOOK3S_INTERRUPT_SYSCALL) || \
	    (\intno == BOOK3S_INTERRUPT_TRACE) || \
	    (\intno == BOOK3S_INTERRUPT_PERFMON) || \
	    (\intno == BOOK3S_INTERRUPT_ALTIVEC) || \
	    (\intno == BOOK3S_INTERRUPT_VSX)
	b	kvmppc_trampoline_\intno
kvmppc_resume_\intno:
	.endif
.endm

#endif /* KVM_ASM_KVM_BOOK3S_64_ASM_H */
