/*
 * kvm_asm.h: exit ids, resume codes and hflags shared by the trampolines and the host
 * (numbers from trampoline-protocol.md "Exit ids and results").
 *
 * The exit ids are the vector numbers. Labels are made from them by gas macro pasting
 * (kvmppc_trampoline_0x300 from both `DO_KVM 0x300` and `INTERRUPT_TRAMPOLINE
 * BOOK3S_INTERRUPT_DATA_STORAGE`), so every spelling here is lowercase hex with a
 * lowercase 0x, exactly as the vectors write them.
 */
#ifndef KVM_ASM_KVM_ASM_H
#define KVM_ASM_KVM_ASM_H

#define BOOK3S_INTERRUPT_SYSTEM_RESET	0x100
#define BOOK3S_INTERRUPT_MACHINE_CHECK	0x200
#define BOOK3S_INTERRUPT_DATA_STORAGE	0x300
#define BOOK3S_INTERRUPT_DATA_SEGMENT	0x380
#define BOOK3S_INTERRUPT_INST_STORAGE	0x400
#define BOOK3S_INTERRUPT_INST_SEGMENT	0x480
#define BOOK3S_INTERRUPT_EXTERNAL	0x500
#define BOOK3S_INTERRUPT_ALIGNMENT	0x600
#define BOOK3S_INTERRUPT_PROGRAM	0x700
#define BOOK3S_INTERRUPT_FP_UNAVAIL	0x800
#define BOOK3S_INTERRUPT_DECREMENTER	0x900
#define BOOK3S_INTERRUPT_SYSCALL	0xc00
#define BOOK3S_INTERRUPT_TRACE		0xd00
#define BOOK3S_INTERRUPT_PERFMON	0xf00
#define BOOK3S_INTERRUPT_ALTIVEC	0xf20
#define BOOK3S_INTERRUPT_VSX		0xf40

/* What kvmppc_handle_exit tells the run loop. */
#define RESUME_FLAG_NV		1	/* guest r14-r31 changed in the vcpu: reload them */
#define RESUME_FLAG_HOST	2	/* leave the run loop */
#define RESUME_GUEST		0
#define RESUME_GUEST_NV		RESUME_FLAG_NV
#define RESUME_HOST		RESUME_FLAG_HOST
#define RESUME_HOST_NV		(RESUME_FLAG_HOST|RESUME_FLAG_NV)

/* vcpu->arch.hflags */
#define BOOK3S_HFLAG_DCBZ32	0x1	/* guest wants 32-byte dcbz: HID5 bit 0x80 while it runs */
#define HID5_DCBZ32		0x80

/* kvm_run->exit_reason values of this project. */
#define KVM_EXIT_UNKNOWN	0
#define KVM_EXIT_HALT		1	/* the guest asked to stop */
#define KVM_EXIT_FAIL		2	/* the host could not handle an exit */

#endif /* KVM_ASM_KVM_ASM_H */
