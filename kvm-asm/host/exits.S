/*
 * host/exits.S: kvmppc_handle_exit, the host's side of every guest exit, in assembly.
 *
 *   0x300/0x380/0x400/0x480  storage and segment exits: map guest memory on demand; an
 *                            access outside guest memory is refused (data: the
 *                            instruction is skipped; instruction fetch: the guest stops)
 *   0x700                    privileged instructions are emulated against the guest's
 *                            virtual MSR (mfmsr, mtmsrd), the PC advances
 *   0x800/0xf20/0xf40        FP / AltiVec / VSX handed to the guest lazily
 *   0x900 (and 0x500)        counted; the host's own handler already ran
 *                            (call_linux_handler); the guest sees a tick in its memory
 *   0xc00                    the guest's service calls (host/services.S)
 *   0xd00                    single-step traces the guest asked for
 *   0x600                    alignment: refused, the instruction is skipped
 *   anything else            the guest is stopped and the run fails
 *
 * Each exit prints one line (the transcript the integration tests compare). Lines that
 * depend on timing (where the decrementer hit) start with "~".
 *
 * Guest r0-r13 are read and written in the PACA shadow vcpu, r14-r31 in the vcpu
 * (kvmppc_get_gpr/kvmppc_set_gpr), as Linux's accessors do.
 */
#include "ppc_asm.h"
#include "asm-offsets.h"
#include "kvm_asm.h"
#include "guest_abi.h"
#include "host.h"

/* Rows of exit_table: vector, name, offset of its counter in the vcpu. */
#define EXIT_TAB_VEC	0
#define EXIT_TAB_NAME	8
#define EXIT_TAB_STAT	16
#define EXIT_TAB_SIZE	24

/* Instruction fields (Power ISA: primary opcode, X-form extended opcode, RT/RS). */
#define OP_X31		31
#define XO_MFMSR	83
#define XO_MTMSRD	178

/* More exits than this guest needs by far: a runaway guest (or host bug) ends the run. */
#define KVM_MAX_EXITS	1000

#define CH_TILDE	0x7e
#define CH_SPACE	0x20

	.section ".text"

/*
 * long kvmppc_handle_exit(struct kvm_run *run, struct kvm_vcpu *vcpu, ulong exit_nr)
 * Returns RESUME_GUEST, RESUME_GUEST_NV (guest r14-r31 changed in the vcpu) or
 * RESUME_HOST. Preserves r14-r31: they hold the guest's values across a lightweight exit.
 */
_GLOBAL(kvmppc_handle_exit)
	HOST_PROLOGUE
	mr	r29,r3				/* run */
	mr	r31,r4				/* vcpu */
	mr	r30,r5				/* exit id */
	ld	r3,VCPU_STAT_SUM_EXITS(r31)
	addi	r3,r3,1
	std	r3,VCPU_STAT_SUM_EXITS(r31)
	stw	r30,KVM_RUN_EXIT_ID(r29)
	li	r28,RESUME_GUEST
	/* A guest that never halts ends here rather than at the harness's timeout. */
	cmpldi	r3,KVM_MAX_EXITS
	bgt	exit_budget_spent

	/* Count it under its type. */
	mr	r3,r30
	CALL(exit_lookup)
	mr	r27,r3
	cmpdi	r27,0
	beq	exit_unknown
	ld	r4,EXIT_TAB_STAT(r27)
	ldx	r5,r31,r4
	addi	r5,r5,1
	stdx	r5,r31,r4

	cmpwi	r30,BOOK3S_INTERRUPT_DATA_STORAGE
	beq	exit_dsi
	cmpwi	r30,BOOK3S_INTERRUPT_DATA_SEGMENT
	beq	exit_dsegment
	cmpwi	r30,BOOK3S_INTERRUPT_INST_STORAGE
	beq	exit_isi
	cmpwi	r30,BOOK3S_INTERRUPT_INST_SEGMENT
	beq	exit_isegment
	cmpwi	r30,BOOK3S_INTERRUPT_EXTERNAL
	beq	exit_external
	cmpwi	r30,BOOK3S_INTERRUPT_ALIGNMENT
	beq	exit_alignment
	cmpwi	r30,BOOK3S_INTERRUPT_PROGRAM
	beq	exit_program
	cmpwi	r30,BOOK3S_INTERRUPT_FP_UNAVAIL
	beq	exit_fp_unavail
	cmpwi	r30,BOOK3S_INTERRUPT_DECREMENTER
	beq	exit_decrementer
	cmpwi	r30,BOOK3S_INTERRUPT_SYSCALL
	beq	exit_syscall
	cmpwi	r30,BOOK3S_INTERRUPT_TRACE
	beq	exit_trace
	cmpwi	r30,BOOK3S_INTERRUPT_ALTIVEC
	beq	exit_altivec
	cmpwi	r30,BOOK3S_INTERRUPT_VSX
	beq	exit_vsx
	/* system reset, machine check, performance monitor: nothing to do for a guest here */
	bl	exit_head
	PUTS(str_not_handled)
	b	exit_guest_stopped

exit_budget_spent:
	PUTS(str_budget)
	b	exit_guest_stopped

exit_unknown:
	PUTS(str_unknown_exit)
	PUTHEX(r30)
	NEWLINE
	b	exit_guest_stopped

/* All handlers end here with r28 = the result. */
exit_done:
	andi.	r3,r28,RESUME_FLAG_HOST
	bne	exit_out
	mr	r3,r31
	CALL(kvmppc_prepare_entry)
	li	r4,VCPU_STAT_LIGHT_EXITS
	andi.	r3,r28,RESUME_FLAG_NV
	beq	exit_count_resume
	li	r4,VCPU_STAT_HEAVY_EXITS
exit_count_resume:
	ldx	r5,r31,r4
	addi	r5,r5,1
	stdx	r5,r31,r4
exit_out:
	mr	r3,r28
	HOST_EPILOGUE

/* The guest cannot go on: leave the run loop with a failure. */
exit_guest_stopped:
	li	r3,KVM_EXIT_FAIL
	stw	r3,KVM_RUN_EXIT_REASON(r29)
	PUTS(str_stopped)
	li	r28,RESUME_HOST
	b	exit_done

/* Guest PC += 4 (an emulated or refused instruction). */
exit_skip_insn:
	ld	r3,VCPU_PC(r31)
	addi	r3,r3,4
	std	r3,VCPU_PC(r31)
	blr

/*
 * Local: print "exit <vector> <name> pc=<pc>" (r27 = table row, r31 = vcpu), no newline.
 * Uses r3-r12 only, so it can be called with bl inside kvmppc_handle_exit.
 */
exit_head:
	mflr	r0
	std	r0,16(r1)			/* LR slot of kvmppc_handle_exit's frame */
	stdu	r1,-128(r1)
	PUTS(str_exit)
	PUTHEX(r30)
	li	r3,CH_SPACE
	CALL(host_putc)
	ld	r3,EXIT_TAB_NAME(r27)
	CALL(host_puts)
	PUTS(str_pc)
	ld	r3,VCPU_PC(r31)
	CALL(host_puthex)
	addi	r1,r1,128
	ld	r0,16(r1)
	mtlr	r0
	blr

/* 0x480: the guest fetched from a segment it does not have yet. */
exit_isegment:
	bl	exit_head
	mr	r3,r31
	ld	r4,VCPU_PC(r31)
	CALL(kvmppc_mmu_map_segment)
	mr	r26,r3
	cmpdi	r26,-2
	beq	exit_segment_twice
	cmpdi	r26,0
	blt	exit_fetch_refused
	ld	r4,VCPU_PC(r31)
	bl	exit_print_segment
	b	exit_done

/* 0x380: a load or store in a segment the guest does not have yet. */
exit_dsegment:
	bl	exit_head
	PUTS(str_dar)
	ld	r3,VCPU_FAULT_DEAR(r31)
	CALL(host_puthex)
	mr	r3,r31
	ld	r4,VCPU_FAULT_DEAR(r31)
	CALL(kvmppc_mmu_map_segment)
	mr	r26,r3
	cmpdi	r26,-2
	beq	exit_segment_twice
	cmpdi	r26,0
	blt	exit_access_refused
	ld	r4,VCPU_FAULT_DEAR(r31)
	bl	exit_print_segment
	b	exit_done

/* -2: a page fault on a page already mapped; -3: H_ENTER failed. Both host bugs. */
exit_map_failed:
	PUTS(str_map_failed)
	neg	r3,r26
	CALL(host_putdec)
	NEWLINE
	b	exit_guest_stopped

exit_segment_twice:
	PUTS(str_segment_twice)
	b	exit_guest_stopped

/* Local: ": segment <ea & ~segment offset> -> slot <r26>\n" for ea in r4. */
exit_print_segment:
	mflr	r0
	std	r0,16(r1)
	stdu	r1,-128(r1)
	std	r4,112(r1)
	PUTS(str_segment)
	ld	r3,112(r1)
	rldicr	r3,r3,0,63-SLB_ESID_SHIFT
	CALL(host_puthex)
	PUTS(str_slot)
	PUTDEC(r26)
	NEWLINE
	addi	r1,r1,128
	ld	r0,16(r1)
	mtlr	r0
	blr

/* 0x400: instruction fetch with no hash-table entry (or a protection fault). */
exit_isi:
	bl	exit_head
	ld	r3,VCPU_SHADOW_MSR(r31)
	andis.	r3,r3,SRR1_ISI_NOPT@h
	beq	exit_isolation_broken		/* a translation existed: not a guest page */
	mr	r3,r31
	ld	r4,VCPU_PC(r31)
	CALL(kvmppc_mmu_map_page)
	mr	r26,r3
	cmpdi	r26,-1
	beq	exit_fetch_refused
	cmpdi	r26,0
	blt	exit_map_failed
	ld	r4,VCPU_PC(r31)
	bl	exit_print_page
	b	exit_done

/* 0x300: load or store with no hash-table entry (or a protection fault). */
exit_dsi:
	bl	exit_head
	PUTS(str_dar)
	ld	r3,VCPU_FAULT_DEAR(r31)
	CALL(host_puthex)
	PUTS(str_dsisr)
	ld	r3,VCPU_FAULT_DSISR(r31)
	CALL(host_puthex)
	PUTS(str_insn)
	lwz	r3,VCPU_LAST_INST(r31)
	CALL(host_puthex)
	/*
	 * Every guest page is mapped read/write for the guest, so an access that found a
	 * translation and still faulted (no DSISR[NOHPTE]) reached a page that is not the
	 * guest's: the host's segments were visible to the guest. Isolation is broken.
	 */
	ld	r3,VCPU_FAULT_DSISR(r31)
	andis.	r3,r3,DSISR_NOHPTE@h
	beq	exit_isolation_broken
	mr	r3,r31
	ld	r4,VCPU_FAULT_DEAR(r31)
	CALL(kvmppc_mmu_map_page)
	mr	r26,r3
	cmpdi	r26,-1
	beq	exit_access_refused
	cmpdi	r26,0
	blt	exit_map_failed
	ld	r4,VCPU_FAULT_DEAR(r31)
	bl	exit_print_page
	b	exit_done

/* Local: ": page <ea & ~0xfff> -> guest page <r26>\n" for ea in r4. */
exit_print_page:
	mflr	r0
	std	r0,16(r1)
	stdu	r1,-128(r1)
	std	r4,112(r1)
	PUTS(str_page)
	ld	r3,112(r1)
	clrrdi	r3,r3,PAGE_SHIFT
	CALL(host_puthex)
	PUTS(str_gpage)
	PUTDEC(r26)
	NEWLINE
	addi	r1,r1,128
	ld	r0,16(r1)
	mtlr	r0
	blr

/* A data access outside the guest's memory: refuse it and skip the instruction. */
exit_access_refused:
	PUTS(str_refused)
exit_refuse_skip:
	ld	r3,VCPU_STAT_DENIED_ACCESSES(r31)
	addi	r3,r3,1
	std	r3,VCPU_STAT_DENIED_ACCESSES(r31)
	bl	exit_skip_insn
	b	exit_done

exit_isolation_broken:
	PUTS(str_isolation)
	b	exit_guest_stopped

/* An instruction fetch outside the guest's memory: there is nothing to run. */
exit_fetch_refused:
	PUTS(str_fetch_refused)
	b	exit_guest_stopped

/* 0x500: the host's handler ran (call_linux_handler); nothing for the guest. */
exit_external:
	bl	exit_head
	PUTS(str_external)
	b	exit_done

/* 0x600: an unaligned access the architecture refuses; refused here too. */
exit_alignment:
	bl	exit_head
	PUTS(str_dar)
	ld	r3,VCPU_FAULT_DEAR(r31)
	CALL(host_puthex)
	PUTS(str_unaligned)
	b	exit_refuse_skip

/* 0x700: emulate privileged instructions; anything else stops the guest. */
exit_program:
	bl	exit_head
	PUTS(str_insn)
	lwz	r3,VCPU_LAST_INST(r31)
	CALL(host_puthex)
	ld	r3,VCPU_SHADOW_MSR(r31)
	andis.	r3,r3,SRR1_PROGPRIV@h
	beq	exit_program_other
	lwz	r26,VCPU_LAST_INST(r31)
	srwi	r3,r26,26
	cmpwi	r3,OP_X31
	bne	exit_program_unknown
	rlwinm	r24,r26,11,27,31		/* RT / RS */
	rlwinm	r3,r26,31,22,31			/* X-form extended opcode */
	cmpwi	r3,XO_MFMSR
	beq	emulate_mfmsr
	cmpwi	r3,XO_MTMSRD
	beq	emulate_mtmsrd
exit_program_unknown:
	PUTS(str_cannot_emulate)
	b	exit_guest_stopped
exit_program_other:
	PUTS(str_program_other)
	b	exit_guest_stopped

/* mfmsr RT: RT = the guest's virtual MSR. */
emulate_mfmsr:
	mr	r3,r31
	mr	r4,r24
	ld	r5,VCPU_MSR(r31)
	CALL(kvmppc_set_gpr)
	PUTS(str_emul_mfmsr)
	PUTDEC(r24)
	PUTS(str_emul_value)
	ld	r3,VCPU_MSR(r31)
	CALL(host_puthex)
	NEWLINE
	b	emulate_done

/* mtmsrd RS,L: the virtual MSR from RS (L=1: only EE and RI). */
emulate_mtmsrd:
	mr	r3,r31
	mr	r4,r24
	CALL(kvmppc_get_gpr)
	rlwinm	r4,r26,16,31,31			/* L */
	cmpwi	r4,0
	beq	emulate_mtmsrd_all
	li	r5,MSR_RI
	ori	r5,r5,MSR_EE			/* 0x8002: too big for li */
	and	r3,r3,r5
	ld	r4,VCPU_MSR(r31)
	andc	r4,r4,r5
	or	r3,r3,r4
emulate_mtmsrd_all:
	std	r3,VCPU_MSR(r31)
	PUTS(str_emul_mtmsrd)
	PUTDEC(r24)
	PUTS(str_emul_msr)
	ld	r3,VCPU_MSR(r31)
	CALL(host_puthex)
	NEWLINE
emulate_done:
	ld	r3,VCPU_STAT_EMULATED_INSTS(r31)
	addi	r3,r3,1
	std	r3,VCPU_STAT_EMULATED_INSTS(r31)
	bl	exit_skip_insn
	/* As Linux does after an emulation: the guest's GPRs may have changed anywhere. */
	li	r28,RESUME_GUEST_NV
	b	exit_done

/* 0x800, 0xf20, 0xf40: give the guest the facility (the host itself never uses it). */
exit_fp_unavail:
	li	r26,0
	ori	r26,r26,MSR_FP
	b	exit_facility
exit_altivec:
	lis	r26,MSR_VEC@h
	b	exit_facility
exit_vsx:
	lis	r26,MSR_VSX@h
exit_facility:
	bl	exit_head
	ld	r3,VCPU_EXT_MSR(r31)
	or	r3,r3,r26
	std	r3,VCPU_EXT_MSR(r31)
	PUTS(str_facility)
	PUTHEX(r26)
	NEWLINE
	b	exit_done

/*
 * 0x900: the guest was preempted. The host's timer handler has run already. Where the
 * guest was is timing-dependent, so that goes on a line of its own marked "~".
 */
exit_decrementer:
	PUTS(str_exit)
	PUTHEX(r30)
	li	r3,CH_SPACE
	CALL(host_putc)
	ld	r3,EXIT_TAB_NAME(r27)
	CALL(host_puts)
	PUTS(str_preempted)
	ld	r3,PACA_HOST_DEC_COUNT(r13)
	CALL(host_putdec)
	NEWLINE
	li	r3,CH_TILDE
	CALL(host_putc)
	PUTS(str_preempted_pc)
	ld	r3,VCPU_PC(r31)
	CALL(host_puthex)
	NEWLINE
	/* Tell the guest: its tick word in the low page. */
	ld	r3,VCPU_GUEST_MEM_VA(r31)
	addi	r3,r3,GUEST_LOW_GPAGE * PAGE_SIZE + GUEST_TICK_OFFSET
	ld	r4,VCPU_STAT_DEC_EXITS(r31)
	std	r4,0(r3)
	b	exit_done

/* 0xd00: one single-stepped guest instruction done. */
exit_trace:
	bl	exit_head
	ld	r26,VCPU_SSTEP_LEFT(r31)
	addi	r26,r26,-1
	std	r26,VCPU_SSTEP_LEFT(r31)
	PUTS(str_trace)
	PUTDEC(r26)
	NEWLINE
	cmpdi	r26,0
	bgt	exit_done
	/* The last one: trace off. */
	ld	r3,VCPU_EXT_MSR(r31)
	li	r4,MSR_SE
	andc	r3,r3,r4
	std	r3,VCPU_EXT_MSR(r31)
	li	r3,0
	std	r3,VCPU_SSTEP_LEFT(r31)
	b	exit_done

/* 0xc00: a service call (host/services.S does the work and decides how to resume). */
exit_syscall:
	bl	exit_head
	mr	r3,r29
	mr	r4,r31
	CALL(kvmppc_handle_service)
	mr	r28,r3
	b	exit_done

/*
 * void kvmppc_prepare_entry(struct kvm_vcpu *vcpu): before every guest entry, the MSR
 * the guest runs with (problem state plus what it was given lazily; this also drops the
 * interrupt status bits the last exit left in shadow_msr) and a fresh decrementer.
 */
_GLOBAL(kvmppc_prepare_entry)
	LOAD_REG_IMMEDIATE(r4, MSR_USER64)
	ld	r5,VCPU_EXT_MSR(r3)
	or	r4,r4,r5
	std	r4,VCPU_SHADOW_MSR(r3)
	LOAD_REG_IMMEDIATE(r4, GUEST_TIMESLICE)
	mtspr	SPRN_DEC,r4
	blr

/* const row *exit_lookup(ulong exit_nr): the exit_table row of an exit id, or 0. */
_GLOBAL(exit_lookup)
	LOAD_REG_IMMEDIATE(r4, exit_table)
exit_lookup_loop:
	ld	r5,EXIT_TAB_VEC(r4)
	cmpdi	r5,0
	beq	exit_lookup_none
	cmpd	r5,r3
	beq	exit_lookup_found
	addi	r4,r4,EXIT_TAB_SIZE
	b	exit_lookup_loop
exit_lookup_none:
	li	r4,0
exit_lookup_found:
	mr	r3,r4
	blr

/* void kvmppc_print_stats(struct kvm_vcpu *vcpu): the per-type exit counts. */
_GLOBAL(kvmppc_print_stats)
	HOST_PROLOGUE
	mr	r31,r3
	PUTS(str_stats)
	LOAD_REG_IMMEDIATE(r30, exit_table)
stats_loop:
	ld	r3,EXIT_TAB_VEC(r30)
	cmpdi	r3,0
	beq	stats_totals
	ld	r4,EXIT_TAB_STAT(r30)
	cmpdi	r4,VCPU_STAT_OTHER_EXITS	/* shared by several rows: printed once below */
	beq	stats_next
	PUTS(str_stats_indent)
	ld	r3,EXIT_TAB_VEC(r30)
	CALL(host_puthex)
	li	r3,CH_SPACE
	CALL(host_putc)
	ld	r3,EXIT_TAB_NAME(r30)
	CALL(host_puts)
	li	r3,CH_SPACE
	CALL(host_putc)
	ld	r4,EXIT_TAB_STAT(r30)
	ldx	r3,r31,r4
	CALL(host_putdec)
	NEWLINE
stats_next:
	addi	r30,r30,EXIT_TAB_SIZE
	b	stats_loop
stats_totals:
	PUTS(str_stats_other)
	ld	r3,VCPU_STAT_OTHER_EXITS(r31)
	CALL(host_putdec)
	NEWLINE
	PUTS(str_stats_total)
	ld	r3,VCPU_STAT_SUM_EXITS(r31)
	CALL(host_putdec)
	PUTS(str_stats_light)
	ld	r3,VCPU_STAT_LIGHT_EXITS(r31)
	CALL(host_putdec)
	PUTS(str_stats_heavy)
	ld	r3,VCPU_STAT_HEAVY_EXITS(r31)
	CALL(host_putdec)
	PUTS(str_stats_close)
	PUTS(str_stats_emulated)
	ld	r3,VCPU_STAT_EMULATED_INSTS(r31)
	CALL(host_putdec)
	PUTS(str_stats_refused)
	ld	r3,VCPU_STAT_DENIED_ACCESSES(r31)
	CALL(host_putdec)
	PUTS(str_stats_timer)
	ld	r3,PACA_HOST_DEC_COUNT(r13)
	CALL(host_putdec)
	NEWLINE
	HOST_EPILOGUE

	.section ".rodata"
	.balign	8
exit_table:
	.quad	BOOK3S_INTERRUPT_SYSTEM_RESET, str_x100, VCPU_STAT_OTHER_EXITS
	.quad	BOOK3S_INTERRUPT_MACHINE_CHECK, str_x200, VCPU_STAT_OTHER_EXITS
	.quad	BOOK3S_INTERRUPT_DATA_STORAGE, str_x300, VCPU_STAT_DSI_EXITS
	.quad	BOOK3S_INTERRUPT_DATA_SEGMENT, str_x380, VCPU_STAT_DSEGMENT_EXITS
	.quad	BOOK3S_INTERRUPT_INST_STORAGE, str_x400, VCPU_STAT_ISI_EXITS
	.quad	BOOK3S_INTERRUPT_INST_SEGMENT, str_x480, VCPU_STAT_ISEGMENT_EXITS
	.quad	BOOK3S_INTERRUPT_EXTERNAL, str_x500, VCPU_STAT_EXT_INTR_EXITS
	.quad	BOOK3S_INTERRUPT_ALIGNMENT, str_x600, VCPU_STAT_ALIGN_EXITS
	.quad	BOOK3S_INTERRUPT_PROGRAM, str_x700, VCPU_STAT_PROGRAM_EXITS
	.quad	BOOK3S_INTERRUPT_FP_UNAVAIL, str_x800, VCPU_STAT_FP_UNAVAIL_EXITS
	.quad	BOOK3S_INTERRUPT_DECREMENTER, str_x900, VCPU_STAT_DEC_EXITS
	.quad	BOOK3S_INTERRUPT_SYSCALL, str_xc00, VCPU_STAT_SYSCALL_EXITS
	.quad	BOOK3S_INTERRUPT_TRACE, str_xd00, VCPU_STAT_TRACE_EXITS
	.quad	BOOK3S_INTERRUPT_PERFMON, str_xf00, VCPU_STAT_OTHER_EXITS
	.quad	BOOK3S_INTERRUPT_ALTIVEC, str_xf20, VCPU_STAT_ALTIVEC_EXITS
	.quad	BOOK3S_INTERRUPT_VSX, str_xf40, VCPU_STAT_VSX_EXITS
	.quad	0, 0, 0

str_x100:	.asciz	"system-reset"
str_x200:	.asciz	"machine-check"
str_x300:	.asciz	"data-storage"
str_x380:	.asciz	"data-segment"
str_x400:	.asciz	"inst-storage"
str_x480:	.asciz	"inst-segment"
str_x500:	.asciz	"external"
str_x600:	.asciz	"alignment"
str_x700:	.asciz	"program"
str_x800:	.asciz	"fp-unavailable"
str_x900:	.asciz	"decrementer"
str_xc00:	.asciz	"syscall"
str_xd00:	.asciz	"trace"
str_xf00:	.asciz	"perf-monitor"
str_xf20:	.asciz	"altivec-unavailable"
str_xf40:	.asciz	"vsx-unavailable"

str_exit:		.asciz	"exit "
str_pc:			.asciz	" pc="
str_dar:		.asciz	" dar="
str_dsisr:		.asciz	" dsisr="
str_insn:		.asciz	" insn="
str_segment:		.asciz	": segment "
str_slot:		.asciz	" -> slb slot "
str_page:		.asciz	": page "
str_gpage:		.asciz	" -> guest page "
str_refused:		.asciz	": outside guest memory, refused, instruction skipped\n"
str_unaligned:		.asciz	": unaligned, refused, instruction skipped\n"
str_map_failed:		.asciz	": mapping the page failed (host bug), code -"
str_segment_twice:	.asciz	": the guest has this segment already (host bug)\n"
str_isolation:		.asciz	": protection fault on a translated page: host memory is visible to the guest\n"
str_fetch_refused:	.asciz	": no guest code there\n"
str_not_handled:	.asciz	": not handled by this host\n"
str_budget:		.asciz	"kvm-host: the guest used up its exit budget\n"
str_unknown_exit:	.asciz	"kvm-host: unknown exit id "
str_stopped:		.asciz	"kvm-host: stopping the guest\n"
str_external:		.asciz	": host interrupt handled\n"
str_cannot_emulate:	.asciz	": privileged instruction this host does not emulate\n"
str_program_other:	.asciz	": not a privileged-instruction exit\n"
str_emul_mfmsr:		.asciz	": emulated mfmsr r"
str_emul_mtmsrd:	.asciz	": emulated mtmsrd r"
str_emul_value:		.asciz	" = "
str_emul_msr:		.asciz	", guest msr = "
str_facility:		.asciz	": facility given to the guest, msr bit "
str_preempted:		.asciz	": guest preempted, host timer interrupts so far "
str_preempted_pc:	.asciz	"exit 0x900 preempted the guest at pc="
str_trace:		.asciz	": single step, left "
str_stats:		.asciz	"kvm-host: exits by type:\n"
str_stats_indent:	.asciz	"  "
str_stats_other:	.asciz	"  other "
str_stats_total:	.asciz	"  total "
str_stats_light:	.asciz	" (lightweight "
str_stats_heavy:	.asciz	", heavyweight "
str_stats_close:	.asciz	")\n"
str_stats_emulated:	.asciz	"kvm-host: emulated instructions "
str_stats_refused:	.asciz	", refused accesses "
str_stats_timer:	.asciz	", host timer interrupts "
