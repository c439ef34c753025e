/*
 * book3s_64_interrupts.S: the virtual-mode half of the PR-KVM world switch, in the host's
 * ordinary .text ("highmem"): guest entry (__kvmppc_vcpu_entry), the exit handler that
 * the real-mode trampoline returns to (kvmppc_handler_highmem), and the run loops.
 *
 * Division of the guest's registers while a vcpu is loaded (trampoline-protocol.md):
 *   r0-r13, CR, XER   live in the PACA shadow vcpu (paca->shadow_vcpu);
 *   r14-r31, CTR, LR  live in vcpu->arch, and in the real registers while the guest runs.
 */
#include "ppc_asm.h"
#include "asm-offsets.h"
#include "kvm_asm.h"

#define KVMPPC_HANDLE_EXIT	.kvmppc_handle_exit

/* Guest r14-r31 from the vcpu into the registers. */
#define VCPU_LOAD_NVGPRS(vcpu)			\
	ld	r14,VCPU_GPR(r14)(vcpu);	\
	ld	r15,VCPU_GPR(r15)(vcpu);	\
	ld	r16,VCPU_GPR(r16)(vcpu);	\
	ld	r17,VCPU_GPR(r17)(vcpu);	\
	ld	r18,VCPU_GPR(r18)(vcpu);	\
	ld	r19,VCPU_GPR(r19)(vcpu);	\
	ld	r20,VCPU_GPR(r20)(vcpu);	\
	ld	r21,VCPU_GPR(r21)(vcpu);	\
	ld	r22,VCPU_GPR(r22)(vcpu);	\
	ld	r23,VCPU_GPR(r23)(vcpu);	\
	ld	r24,VCPU_GPR(r24)(vcpu);	\
	ld	r25,VCPU_GPR(r25)(vcpu);	\
	ld	r26,VCPU_GPR(r26)(vcpu);	\
	ld	r27,VCPU_GPR(r27)(vcpu);	\
	ld	r28,VCPU_GPR(r28)(vcpu);	\
	ld	r29,VCPU_GPR(r29)(vcpu);	\
	ld	r30,VCPU_GPR(r30)(vcpu);	\
	ld	r31,VCPU_GPR(r31)(vcpu)

/* Guest r14-r31 from the registers into the vcpu. */
#define VCPU_SAVE_NVGPRS(vcpu)			\
	std	r14,VCPU_GPR(r14)(vcpu);	\
	std	r15,VCPU_GPR(r15)(vcpu);	\
	std	r16,VCPU_GPR(r16)(vcpu);	\
	std	r17,VCPU_GPR(r17)(vcpu);	\
	std	r18,VCPU_GPR(r18)(vcpu);	\
	std	r19,VCPU_GPR(r19)(vcpu);	\
	std	r20,VCPU_GPR(r20)(vcpu);	\
	std	r21,VCPU_GPR(r21)(vcpu);	\
	std	r22,VCPU_GPR(r22)(vcpu);	\
	std	r23,VCPU_GPR(r23)(vcpu);	\
	std	r24,VCPU_GPR(r24)(vcpu);	\
	std	r25,VCPU_GPR(r25)(vcpu);	\
	std	r26,VCPU_GPR(r26)(vcpu);	\
	std	r27,VCPU_GPR(r27)(vcpu);	\
	std	r28,VCPU_GPR(r28)(vcpu);	\
	std	r29,VCPU_GPR(r29)(vcpu);	\
	std	r30,VCPU_GPR(r30)(vcpu);	\
	std	r31,VCPU_GPR(r31)(vcpu)

/*
 * Hard-disable: clear MSR[EE]. mtmsrd with L=1 writes only EE and RI, so loading just
 * MSR_RI clears EE and keeps RI set (the host always runs with RI on).
 */
.macro DISABLE_INTERRUPTS
	li	r0,MSR_RI
	mtmsrd	r0,1
.endm

	.section ".text"

/*
 * int __kvmppc_vcpu_entry(struct kvm_run *run, struct kvm_vcpu *vcpu)
 * In: r3 = run, r4 = vcpu, r1 = host stack, r2 = host TOC, r13 = PACA; the vcpu is
 * loaded (its guest r0-r13/CR/XER and shadow SLB are in the PACA).
 * Returns the first result of kvmppc_handle_exit that is not a RESUME_GUEST*.
 */
_GLOBAL(__kvmppc_vcpu_entry)
	/* Host frame: LR in the caller's frame, r3/r4 and the host's r14-r31 in ours. */
	mflr	r0
	std	r0,16(r1)
	stdu	r1,-SWITCH_FRAME_SIZE(r1)
	SAVE_2GPRS(3, r1)
	SAVE_NVGPRS(r1)
	std	r0,_LINK(r1)

	/* The guest's non-volatile GPRs. */
	VCPU_LOAD_NVGPRS(r4)

	/* What the real-mode code needs from the host, where it can reach it with the MMU off. */
	std	r1,PACA_KVM_HOST_R1(r13)
	std	r2,PACA_KVM_HOST_R2(r13)
	ld	r3,VCPU_HIGHMEM_HANDLER(r4)
	std	r3,PACA_KVM_VMHANDLER(r13)
	ld	r3,VCPU_TRAMPOLINE_ENTER(r4)
	std	r3,PACA_KVM_RMHANDLER(r13)

/* Both resume loops come back here with r4 = vcpu and the guest's r14-r31 loaded. */
kvm_start_lightweight:
	ld	r9,VCPU_PC(r4)			/* r9 = guest PC */
	ld	r10,VCPU_SHADOW_MSR(r4)		/* r10 = the MSR the guest really runs with */
	ld	r3,VCPU_CTR(r4)
	mtctr	r3
	ld	r3,VCPU_LR(r4)
	mtlr	r3

	DISABLE_INTERRUPTS

	/* A guest that wants 32-byte dcbz gets HID5[dcbz32] while it runs. */
	ld	r3,VCPU_HFLAGS(r4)
	rldicl.	r3,r3,0,63			/* BOOK3S_HFLAG_DCBZ32 is bit 0 */
	beq	no_dcbz32_on
	mfspr	r3,SPRN_HID5
	ori	r3,r3,HID5_DCBZ32
	mtspr	SPRN_HID5,r3
no_dcbz32_on:

	/*
	 * Switch to real mode at trampoline enter. Everything is computed first; relocation is
	 * then turned off with mtmsrd, and only after that are SRR0/SRR1 and the in-guest flag
	 * written. From the flag store to the rfid no translation fault can occur (real mode)
	 * and no maskable interrupt (EE=0): only a machine check or system reset could land in
	 * that two-instruction window. This code keeps executing across the mtmsrd because
	 * real mode ignores the top four address bits: our 0xc000... PC addresses the same
	 * physical bytes.
	 * SRR1 = MSR_KERNEL & ~(MSR_IR|MSR_DR): gas precedence makes this clear IR and DR
	 * (see ppc_asm.h), giving SF|ME|RI (+ ISF/HV, which a pseries guest cannot set).
	 */
	ld	r3,PACA_KVM_RMHANDLER(r13)
	LOAD_REG_IMMEDIATE(r11, MSR_KERNEL & ~(MSR_IR|MSR_DR))
	mtmsrd	r11
	isync
	mtsrr0	r3
	mtsrr1	r11
	li	r0,1
	stb	r0,PACA_KVM_IN_GUEST(r13)
	RFI

/*
 * kvmppc_handler_highmem: the exit handler, a raw code address (it goes into SRR0, so it
 * must not be a function descriptor). Entered by rfid from trampoline exit, relocation on,
 * EE off, with:
 *   r0 = guest last instruction (data storage and program exits), r1/r2 = host,
 *   r3 = guest PC, r4 = guest MSR, r5 = DAR, r6 = DSISR, r12 = exit id, r13 = PACA,
 *   guest r14-r31, CTR and LR still in the registers.
 */
	.globl	kvmppc_handler_highmem
kvmppc_handler_highmem:
	ld	r7,GPR4(r1)			/* vcpu, from our frame */
	stw	r0,VCPU_LAST_INST(r7)
	std	r3,VCPU_PC(r7)
	std	r4,VCPU_SHADOW_MSR(r7)
	std	r5,VCPU_FAULT_DEAR(r7)
	std	r6,VCPU_FAULT_DSISR(r7)

	/* dcbz32 off again if entry turned it on. */
	ld	r5,VCPU_HFLAGS(r7)
	rldicl.	r5,r5,0,63
	beq	no_dcbz32_off
	mfspr	r5,SPRN_HID5
	li	r6,HID5_DCBZ32
	andc	r5,r5,r6
	mtspr	SPRN_HID5,r5
no_dcbz32_off:

	VCPU_SAVE_NVGPRS(r7)
	mfctr	r5
	std	r5,VCPU_CTR(r7)
	mflr	r5
	std	r5,VCPU_LR(r7)

	/* r5/r6 = where and how the host resumes (also the inputs of the lowmem trampoline). */
	ld	r5,VCPU_HOST_RETIP(r7)
	ld	r6,VCPU_HOST_MSR(r7)

	/* External and decrementer exits are the host's interrupts: let its handler run. */
	cmpwi	r12,BOOK3S_INTERRUPT_EXTERNAL
	beq	call_linux_handler
	cmpwi	r12,BOOK3S_INTERRUPT_DECREMENTER
	beq	call_linux_handler

	/* Any other exit: host MSR back, on to kvm_return_point. */
	mtsrr0	r5
	mtsrr1	r6
	RFI

/*
 * Run the host's own handler for this interrupt as if it had hit kvm_return_point:
 * in real mode, the low-memory trampoline sets SRR0/SRR1 = r5/r6 and branches to the
 * vector (LR = vector number = its real address); the handler's rfid then lands on
 * kvm_return_point with the host MSR and every register, r12 included, preserved.
 */
call_linux_handler:
	mtlr	r12
	ld	r4,VCPU_TRAMPOLINE_LOWMEM(r7)
	mtsrr0	r4
	LOAD_REG_IMMEDIATE(r3, MSR_KERNEL & ~(MSR_IR|MSR_DR))
	mtsrr1	r3
	RFI

/*
 * kvm_return_point: back in the host proper (host MSR, relocation on). Also a raw code
 * address: the vcpu's host_retip points here.
 */
	.globl	kvm_return_point
kvm_return_point:
	mr	r5,r12				/* exit id */
	ld	r3,GPR3(r1)			/* run */
	ld	r4,GPR4(r1)			/* vcpu */
	bl	KVMPPC_HANDLE_EXIT
	nop
	cmpdi	r3,RESUME_GUEST
	beq	kvm_loop_lightweight
	cmpdi	r3,RESUME_GUEST_NV
	beq	kvm_loop_heavyweight

kvm_exit_loop:
	/* RESUME_HOST or an error: host registers back, return r3 to our caller. */
	ld	r4,_LINK(r1)
	mtlr	r4
	REST_NVGPRS(r1)
	addi	r1,r1,SWITCH_FRAME_SIZE
	blr

kvm_loop_heavyweight:
	/* The host changed guest r14-r31 in the vcpu: reload them before re-entering. */
	ld	r4,GPR4(r1)
	VCPU_LOAD_NVGPRS(r4)
	b	kvm_start_lightweight

kvm_loop_lightweight:
	/* Guest r14-r31 are still in the registers (kvmppc_handle_exit preserved them). */
	ld	r4,GPR4(r1)
	b	kvm_start_lightweight
