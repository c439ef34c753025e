/*
 * book3s_64_slb.S: trampoline enter and trampoline exit, the real-mode halves of the
 * PR-KVM world switch (included by book3s_64_rmhandlers.S, so they sit in low memory).
 *
 * Both run with MSR[IR]=MSR[DR]=0 and MSR[EE]=0: no translation fault and no maskable
 * interrupt can happen here, which is what makes it safe to have neither the host's nor
 * the guest's segments loaded for a moment.
 *
 * SLB policy. The host's bolted entries (the linear mapping) are kept in the PACA's
 * slb_shadow save area; the host loads its first one into SLB slot 0. slbia invalidates
 * every slot but 0, so entering removes the host's entries with slbia plus an slbie per
 * bolted entry, and the guest's entries always use slots >= 1 (the host's shadow-MMU code
 * builds them that way). Leaving, slbia drops all guest entries and the bolted entries are
 * put back. While the guest runs, no host segment exists, so the guest cannot address
 * host memory at all.
 */

/*
 * kvmppc_handler_trampoline_enter: reached by rfid from __kvmppc_vcpu_entry.
 *   r1, r2 = host; r9 = guest PC; r10 = guest (shadow) MSR; r13 = PACA;
 *   guest r14-r31, CTR, LR already loaded; guest r0-r13, CR, XER in the PACA shadow vcpu;
 *   the guest's SLB entries in PACA_KVM_SLB[0 .. PACA_KVM_SLB_MAX-1];
 *   the in-guest flag is already set.
 * CTR and LR hold guest values, so the loops below branch on GPR compares only.
 */
	.globl	kvmppc_handler_trampoline_enter
kvmppc_handler_trampoline_enter:
	/* The final rfid's target; r9/r10 are free after this. */
	mtsrr0	r9
	mtsrr1	r10

	/* Remove the host's segments: slbia for slots 1-63, slbie for each bolted entry. */
	slbia
	ld	r11,PACA_SLBSHADOWPTR(r13)
	addi	r11,r11,SLBSHADOW_SAVEAREA
	addi	r12,r11,SLB_NUM_BOLTED * PACA_KVM_SLB_SIZE
slb_unbolt_loop:
	ld	r10,PACA_KVM_SLB_ESID(r11)
	andis.	r0,r10,SLB_ESID_V@h
	beq	slb_unbolt_next
	/* slbie operand: the ESID (V and index bits dropped) plus the class bit of the VSID word. */
	ld	r9,PACA_KVM_SLB_VSID(r11)
	andi.	r9,r9,0x80
	sldi	r9,r9,20
	rldicr	r10,r10,0,35
	or	r10,r10,r9
	slbie	r10
slb_unbolt_next:
	addi	r11,r11,PACA_KVM_SLB_SIZE
	cmpld	r11,r12
	blt	slb_unbolt_loop
	isync

	/* Load the guest's segments from the PACA's shadow SLB (invalid entries skipped). */
	lbz	r12,PACA_KVM_SLB_MAX(r13)
	mulli	r12,r12,PACA_KVM_SLB_SIZE
	addi	r11,r13,PACA_KVM_SLB
	add	r12,r12,r11
slb_loop_enter:
	cmpld	r11,r12
	bge	slb_loop_enter_done
	ld	r10,PACA_KVM_SLB_ESID(r11)
	andis.	r0,r10,SLB_ESID_V@h
	beq	slb_loop_enter_skip
	ld	r9,PACA_KVM_SLB_VSID(r11)
	slbmte	r9,r10
slb_loop_enter_skip:
	addi	r11,r11,PACA_KVM_SLB_SIZE
	b	slb_loop_enter
slb_loop_enter_done:

	/* Guest volatile state from the PACA shadow vcpu. CR and XER are 32-bit fields. */
	lwz	r0,PACA_KVM_CR(r13)
	mtcr	r0
	lwz	r0,PACA_KVM_XER(r13)
	mtxer	r0
	ld	r0,PACA_KVM_R0(r13)
	ld	r1,PACA_KVM_R1(r13)
	ld	r2,PACA_KVM_R2(r13)
	ld	r3,PACA_KVM_R3(r13)
	ld	r4,PACA_KVM_R4(r13)
	ld	r5,PACA_KVM_R5(r13)
	ld	r6,PACA_KVM_R6(r13)
	ld	r7,PACA_KVM_R7(r13)
	ld	r8,PACA_KVM_R8(r13)
	ld	r9,PACA_KVM_R9(r13)
	ld	r10,PACA_KVM_R10(r13)
	ld	r11,PACA_KVM_R11(r13)
	ld	r12,PACA_KVM_R12(r13)
	ld	r13,PACA_KVM_R13(r13)		/* the base register goes last */
	RFI					/* into the guest: PC = SRR0, MSR = SRR1 */

/*
 * kvmppc_handler_trampoline_exit: reached from a kvmppc_trampoline_<vector>.
 *   r0-r11 = guest; r12 = exit id; r13 = PACA; SPRG2 = guest r13;
 *   PACA_KVM_SCRATCH0 = guest r12; PACA_KVM_SCRATCH1 = guest CR;
 *   SRR0/SRR1 = guest PC/MSR; DAR/DSISR as the interrupt left them;
 *   the guest's segments are still in the SLB.
 * It leaves for kvmppc_handler_highmem (virtual mode) with the register convention of
 * trampoline-protocol.md (R0 last instruction, R1/R2 host, R3 PC, R4 MSR, R5 DAR,
 * R6 DSISR, R12 exit id, R13 PACA; guest r0-r13, CR, XER in the PACA).
 */
	.globl	kvmppc_handler_trampoline_exit
kvmppc_handler_trampoline_exit:
	std	r0,PACA_KVM_R0(r13)
	std	r1,PACA_KVM_R1(r13)
	std	r2,PACA_KVM_R2(r13)
	std	r3,PACA_KVM_R3(r13)
	std	r4,PACA_KVM_R4(r13)
	std	r5,PACA_KVM_R5(r13)
	std	r6,PACA_KVM_R6(r13)
#ifndef KVM_NEGATIVE_SKIP_SAVE_R7
	std	r7,PACA_KVM_R7(r13)
#else
	/* Negative control (test/integration): guest r7 is deliberately not saved. */
#endif
	std	r8,PACA_KVM_R8(r13)
	std	r9,PACA_KVM_R9(r13)
	std	r10,PACA_KVM_R10(r13)
	std	r11,PACA_KVM_R11(r13)

	/* Host stack and TOC back, so whatever follows can be handled like host code. */
	ld	r1,PACA_KVM_HOST_R1(r13)
	ld	r2,PACA_KVM_HOST_R2(r13)

	mfsrr0	r3				/* guest PC */
	mfsrr1	r4				/* guest MSR (with the interrupt's status bits) */

	/* Guest r13, r12 and CR from where the vector trampoline parked them. */
	mfspr	r9,SPRN_SPRG_SCRATCH0
	std	r9,PACA_KVM_R13(r13)
	ld	r8,PACA_KVM_SCRATCH0(r13)
	std	r8,PACA_KVM_R12(r13)
	lwz	r7,PACA_KVM_SCRATCH1(r13)
	stw	r7,PACA_KVM_CR(r13)
	mfxer	r6
	stw	r6,PACA_KVM_XER(r13)		/* 32 bits, as it is loaded */

	mfspr	r5,SPRN_DAR
	mfspr	r6,SPRN_DSISR

	/*
	 * From here on an interrupt is the host's own again. Clearing the flag before the
	 * instruction fetch below means a fault there would be reported by the host's vector
	 * as a host bug instead of being mistaken for a nested guest exit that overwrites the
	 * guest state just saved. (The fetch cannot fault with this host: guest HPTEs are
	 * never removed while the guest runs.)
	 */
	li	r9,0
	stb	r9,PACA_KVM_IN_GUEST(r13)

	/*
	 * Data storage and program exits: fetch the guest's instruction at its PC into r0.
	 * The guest's segments are still loaded, so with MSR[DR] on for one load the guest
	 * effective address translates through the guest's own hash-table entries.
	 */
	cmpwi	r12,BOOK3S_INTERRUPT_DATA_STORAGE
	beq	ld_last_inst
	cmpwi	r12,BOOK3S_INTERRUPT_PROGRAM
	beq	ld_last_inst
	b	no_ld_last_inst
ld_last_inst:
	mfmsr	r9
	ori	r11,r9,MSR_DR
	mtmsrd	r11
	isync
	lwz	r0,0(r3)
	mtmsrd	r9
	isync
no_ld_last_inst:

	/* Back to the host's segments: drop the guest's (slots >= 1), reload the bolted ones. */
	slbia
	ld	r11,PACA_SLBSHADOWPTR(r13)
	addi	r11,r11,SLBSHADOW_SAVEAREA
	addi	r10,r11,SLB_NUM_BOLTED * PACA_KVM_SLB_SIZE
slb_rebolt_loop:
	ld	r8,PACA_KVM_SLB_ESID(r11)
	andis.	r9,r8,SLB_ESID_V@h
	beq	slb_rebolt_next
	ld	r9,PACA_KVM_SLB_VSID(r11)
	slbmte	r9,r8
slb_rebolt_next:
	addi	r11,r11,PACA_KVM_SLB_SIZE
	cmpld	r11,r10
	blt	slb_rebolt_loop
	isync

slb_do_exit:
	/* To the virtual-mode exit handler, relocation on, still with EE off. */
	mfmsr	r7
	ori	r7,r7,MSR_IR | MSR_DR | MSR_RI
	mtsrr1	r7
	ld	r8,PACA_KVM_VMHANDLER(r13)
	mtsrr0	r8
	RFI
