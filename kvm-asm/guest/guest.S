/*
 * guest/guest.S: the guest the mini host runs, in problem state with relocation on.
 *
 * It is the .guest section of the host image: GUEST_PAGES 4 KB pages that the host maps
 * on demand at the effective addresses of guest_abi.h (page 0 = 0x10000000, where it
 * starts). Its code is position independent within its two code pages (relative
 * branches, addresses from bcl/mflr) and uses absolute effective addresses only for the
 * other segments, so it runs at guest addresses although it is linked inside the host.
 *
 * Every step provokes the exits it is named after, then checks what it can observe;
 * a failed check is reported with the KVM_SVC_FAIL service (the host counts it into
 * the verdict), and a step's success line is printed only when none of its checks failed.
 * From step 2 to the end, r30 holds the address of guest_base, r29 counts failed checks
 * and r28 is that count when the current step began.
 */
#include "ppc_asm.h"
#include "hvcall.h"
#include "guest_abi.h"

/* Service call with a string argument: r4 = the string's address, from r30 = guest_base. */
.macro GUEST_SVC_STR svc, label
	li	r3,\svc
	addi	r4,r30,\label - guest_base
	sc
.endm

/* Compare two registers; on a difference report the check named by the string `label`. */
.macro GUEST_CHECK_EQ ra, rb, label
	cmpd	\ra,\rb
	beq	ok_\label
	addi	r29,r29,1
	GUEST_SVC_STR KVM_SVC_FAIL, \label
ok_\label:
.endm

/* A step starts: remember the failure count. */
.macro GUEST_STEP
	mr	r28,r29
.endm

/* A step ends: print its success line `label` unless one of its checks failed. */
.macro GUEST_STEP_OK label
	cmpd	r28,r29
	bne	failed_\label
	GUEST_SVC_STR KVM_SVC_PUTS, \label
failed_\label:
.endm

/* Accumulate into r21 the difference between snapshot slot `off` and `value`. */
.macro GUEST_DIFF off, value
	ld	r5,\off(0)
	LOAD_REG_IMMEDIATE(r6, \value)
	xor	r7,r5,r6
	or	r21,r21,r7
.endm

/* Load register n with its final value. */
.macro GUEST_FINAL n
	LOAD_REG_IMMEDIATE(\n, GUEST_FINAL_GPR(\n))
.endm

	.section ".guest","ax"
	.balign	PAGE_SIZE
	.globl	guest_mem_start
guest_mem_start:

/* ---------------- guest page 0, EA GUEST_CODE_EA ---------------- */
	.globl	guest_entry
guest_entry:
	/*
	 * 1. The registers as they arrived: store all of them before anything changes one.
	 * D(0) addressing (RA = 0 means the value 0) needs no base register. These stores
	 * are themselves the first data-segment and data-storage exits (segment 0 and its
	 * page are not mapped yet), and the fetch of this very instruction was the first
	 * instruction-segment and instruction-storage exit.
	 */
	std	r0,GUEST_DUMP_GPRS + 0(0)
	std	r1,GUEST_DUMP_GPRS + 8(0)
	std	r2,GUEST_DUMP_GPRS + 16(0)
	std	r3,GUEST_DUMP_GPRS + 24(0)
	std	r4,GUEST_DUMP_GPRS + 32(0)
	std	r5,GUEST_DUMP_GPRS + 40(0)
	std	r6,GUEST_DUMP_GPRS + 48(0)
	std	r7,GUEST_DUMP_GPRS + 56(0)
	std	r8,GUEST_DUMP_GPRS + 64(0)
	std	r9,GUEST_DUMP_GPRS + 72(0)
	std	r10,GUEST_DUMP_GPRS + 80(0)
	std	r11,GUEST_DUMP_GPRS + 88(0)
	std	r12,GUEST_DUMP_GPRS + 96(0)
	std	r13,GUEST_DUMP_GPRS + 104(0)
	std	r14,GUEST_DUMP_GPRS + 112(0)
	std	r15,GUEST_DUMP_GPRS + 120(0)
	std	r16,GUEST_DUMP_GPRS + 128(0)
	std	r17,GUEST_DUMP_GPRS + 136(0)
	std	r18,GUEST_DUMP_GPRS + 144(0)
	std	r19,GUEST_DUMP_GPRS + 152(0)
	std	r20,GUEST_DUMP_GPRS + 160(0)
	std	r21,GUEST_DUMP_GPRS + 168(0)
	std	r22,GUEST_DUMP_GPRS + 176(0)
	std	r23,GUEST_DUMP_GPRS + 184(0)
	std	r24,GUEST_DUMP_GPRS + 192(0)
	std	r25,GUEST_DUMP_GPRS + 200(0)
	std	r26,GUEST_DUMP_GPRS + 208(0)
	std	r27,GUEST_DUMP_GPRS + 216(0)
	std	r28,GUEST_DUMP_GPRS + 224(0)
	std	r29,GUEST_DUMP_GPRS + 232(0)
	std	r30,GUEST_DUMP_GPRS + 240(0)
	std	r31,GUEST_DUMP_GPRS + 248(0)
	mfcr	r3
	std	r3,GUEST_DUMP_CR(0)
	mfxer	r3
	std	r3,GUEST_DUMP_XER(0)
	mfctr	r3
	std	r3,GUEST_DUMP_CTR(0)
	mflr	r3
	std	r3,GUEST_DUMP_LR(0)

	/* 2. Our own address, for the strings and checks below. */
	bcl	20,31,guest_base
guest_base:
	mflr	r30
	li	r29,0

	/* 3. Compare the snapshot with GUEST_INIT_* (any difference ends up in r21). */
	GUEST_STEP
	li	r21,0
	GUEST_DIFF 0, GUEST_INIT_GPR(0)
	GUEST_DIFF 8, GUEST_INIT_GPR(1)
	GUEST_DIFF 16, GUEST_INIT_GPR(2)
	GUEST_DIFF 24, GUEST_INIT_GPR(3)
	GUEST_DIFF 32, GUEST_INIT_GPR(4)
	GUEST_DIFF 40, GUEST_INIT_GPR(5)
	GUEST_DIFF 48, GUEST_INIT_GPR(6)
	GUEST_DIFF 56, GUEST_INIT_GPR(7)
	GUEST_DIFF 64, GUEST_INIT_GPR(8)
	GUEST_DIFF 72, GUEST_INIT_GPR(9)
	GUEST_DIFF 80, GUEST_INIT_GPR(10)
	GUEST_DIFF 88, GUEST_INIT_GPR(11)
	GUEST_DIFF 96, GUEST_INIT_GPR(12)
	GUEST_DIFF 104, GUEST_INIT_GPR(13)
	GUEST_DIFF 112, GUEST_INIT_GPR(14)
	GUEST_DIFF 120, GUEST_INIT_GPR(15)
	GUEST_DIFF 128, GUEST_INIT_GPR(16)
	GUEST_DIFF 136, GUEST_INIT_GPR(17)
	GUEST_DIFF 144, GUEST_INIT_GPR(18)
	GUEST_DIFF 152, GUEST_INIT_GPR(19)
	GUEST_DIFF 160, GUEST_INIT_GPR(20)
	GUEST_DIFF 168, GUEST_INIT_GPR(21)
	GUEST_DIFF 176, GUEST_INIT_GPR(22)
	GUEST_DIFF 184, GUEST_INIT_GPR(23)
	GUEST_DIFF 192, GUEST_INIT_GPR(24)
	GUEST_DIFF 200, GUEST_INIT_GPR(25)
	GUEST_DIFF 208, GUEST_INIT_GPR(26)
	GUEST_DIFF 216, GUEST_INIT_GPR(27)
	GUEST_DIFF 224, GUEST_INIT_GPR(28)
	GUEST_DIFF 232, GUEST_INIT_GPR(29)
	GUEST_DIFF 240, GUEST_INIT_GPR(30)
	GUEST_DIFF 248, GUEST_INIT_GPR(31)
	GUEST_DIFF GUEST_DUMP_CR, GUEST_INIT_CR
	GUEST_DIFF GUEST_DUMP_XER, GUEST_INIT_XER
	GUEST_DIFF GUEST_DUMP_CTR, GUEST_INIT_CTR
	GUEST_DIFF GUEST_DUMP_LR, GUEST_INIT_LR
	li	r22,0
	GUEST_CHECK_EQ r21, r22, str_init_regs
	GUEST_STEP_OK str_init_ok

	/* 4. Hello, through the host's print service. */
	GUEST_SVC_STR KVM_SVC_PUTS, str_hello

	/* 5. A hypercall from problem state never reaches the host: the platform refuses it. */
	GUEST_STEP
	li	r3,H_PUT_TERM_CHAR
	li	r4,0
	li	r5,1
	lis	r6,0x2100
	sldi	r6,r6,32
	sc	1
	li	r22,H_PRIVILEGE
	GUEST_CHECK_EQ r3, r22, str_hcall
	GUEST_STEP_OK str_hcall_ok

	/*
	 * 6. Demand paging: a store into a new segment (data-segment, then data-storage
	 * exit), a store and a load in two more untouched pages, then read back.
	 */
	GUEST_STEP
	lis	r20,GUEST_DATA_EA@h
	LOAD_REG_IMMEDIATE(r21, 0x0bad0bad600dcafe)
	std	r21,0(r20)
	std	r21,PAGE_SIZE + 8(r20)
	li	r23,-1
	ld	r23,2 * PAGE_SIZE + 16(r20)
	li	r22,0
	GUEST_CHECK_EQ r23, r22, str_fresh_page
	ld	r23,0(r20)
	GUEST_CHECK_EQ r23, r21, str_page_a
	ld	r23,PAGE_SIZE + 8(r20)
	GUEST_CHECK_EQ r23, r21, str_page_b
	GUEST_STEP_OK str_paging_ok

	/* 7. On into the second code page, not mapped yet: an instruction-storage exit. */
	b	guest_page1

str_init_regs:	.asciz	"initial r0-r31, cr, xer, ctr, lr did not arrive intact"
str_init_ok:	.asciz	"initial r0-r31, cr, xer, ctr, lr arrived intact"
str_hello:	.asciz	"hello from the guest: problem state, relocation on"
str_hcall:	.asciz	"sc 1 from problem state did not return H_PRIVILEGE"
str_hcall_ok:	.asciz	"sc 1 from problem state refused with H_PRIVILEGE"
str_fresh_page:	.asciz	"a fresh page was not zero"
str_page_a:	.asciz	"data page 0 lost its contents"
str_page_b:	.asciz	"data page 1 lost its contents"
str_paging_ok:	.asciz	"three data pages faulted in on demand and kept their contents"
	.balign	4

/* ---------------- guest page 1, EA GUEST_CODE_EA + 0x1000 ---------------- */
	. = 1 * PAGE_SIZE
guest_page1:
	/* 8. Code in another segment: instruction-segment, then instruction-storage exit. */
	GUEST_STEP
	lis	r9,GUEST_FAR_EA@h
	mtctr	r9
	li	r3,0
	bctrl
	li	r22,GUEST_FAR_RESULT
	GUEST_CHECK_EQ r3, r22, str_far
	GUEST_STEP_OK str_far_ok

	/* 9. Privileged instructions, emulated by the host against our virtual MSR. */
	GUEST_STEP
	mfmsr	r5				/* result in the PACA part of the vcpu */
	LOAD_REG_IMMEDIATE(r22, GUEST_VIRT_MSR)
	GUEST_CHECK_EQ r5, r22, str_mfmsr
	mfmsr	r20				/* result in the vcpu part: needs RESUME_GUEST_NV */
	GUEST_CHECK_EQ r20, r22, str_mfmsr_nv
	li	r6,0
	mtmsrd	r6,1				/* L=1: EE and RI off in the virtual MSR */
	mfmsr	r7
	LOAD_REG_IMMEDIATE(r22, GUEST_VIRT_MSR & ~(MSR_EE | MSR_RI))
	GUEST_CHECK_EQ r7, r22, str_mtmsrd
	mtmsrd	r5				/* L=0: all of it back */
	mfmsr	r8
	GUEST_CHECK_EQ r8, r5, str_mtmsrd_back
	GUEST_STEP_OK str_priv_ok

	/*
	 * 10. FP, AltiVec and VSX: unavailable until the host hands them over. VMX and VSX
	 * are POWER6/POWER7 instructions: say so, rather than rely on an assembler's default
	 * CPU (gcc passes -many to gas; a plain ppc64 assembler refuses them).
	 */
	fmr	fr1,fr2
	.machine push
	.machine power7
	vor	vr0,vr1,vr1
	xxlor	vsr0,vsr1,vsr1
	.machine pop
	GUEST_SVC_STR KVM_SVC_PUTS, str_facilities_ok

	/* 11. Single-step GUEST_SSTEP_COUNT instructions: one trace exit each. */
	GUEST_STEP
	li	r9,0
	li	r3,KVM_SVC_SSTEP
	li	r4,GUEST_SSTEP_COUNT
	sc
	addi	r9,r9,1
	addi	r9,r9,1
	addi	r9,r9,1
	li	r22,GUEST_SSTEP_COUNT
	GUEST_CHECK_EQ r9, r22, str_sstep
	GUEST_STEP_OK str_sstep_ok

	/* 12. An unaligned lwarx: the architecture refuses it, and so does the host. */
	lis	r6,GUEST_DATA_EA@h
	addi	r6,r6,2
	li	r5,0x1234
	lwarx	r5,0,r6
	li	r22,0x1234
	GUEST_CHECK_EQ r5, r22, str_align

	/* 13. Spin until the decrementer preempts us; the host counts ticks into our low page. */
	li	r20,0
	ld	r21,GUEST_TICK_OFFSET(0)
guest_spin:
	addi	r20,r20,1
	ld	r22,GUEST_TICK_OFFSET(0)
	cmpd	r22,r21
	beq	guest_spin
	li	r3,KVM_SVC_PUTVAL
	addi	r4,r30,str_spins - guest_base
	mr	r5,r20
	li	r6,1				/* the count depends on timing */
	sc
	GUEST_SVC_STR KVM_SVC_PUTS, str_preempt_ok

	/* 14. Ask the host to change a non-volatile register, and look. */
	GUEST_STEP
	li	r3,KVM_SVC_SET_NVGPR
	li	r4,GUEST_NV_REG
	LOAD_REG_IMMEDIATE(r5, GUEST_NV_VALUE)
	sc
	GUEST_CHECK_EQ GUEST_NV_REG, r5, str_nvgpr
	GUEST_STEP_OK str_nvgpr_ok

	/*
	 * 15. Host memory: a load and a store at the host's linear mapping, and a load in one
	 * of our segments outside our pages. All three must be refused with the target
	 * register untouched.
	 */
	GUEST_STEP
	LOAD_REG_IMMEDIATE(r6, GUEST_FORBIDDEN_EA)
	LOAD_REG_IMMEDIATE(r7, 0x5a5a5a5a5a5a5a5a)
	mr	r5,r7
	ld	r5,0(r6)
	GUEST_CHECK_EQ r5, r7, str_host_read
	std	r7,8(r6)
	lis	r6,GUEST_DATA_EA@h
	ld	r5,GUEST_DATA_PAGES * PAGE_SIZE(r6)
	GUEST_CHECK_EQ r5, r7, str_outside_read
	GUEST_STEP_OK str_host_ok

	/* 16. Every register to its final value, then halt (r3/r4 carry the call). */
	LOAD_REG_IMMEDIATE(r5, GUEST_FINAL_CTR)
	mtctr	r5
	LOAD_REG_IMMEDIATE(r5, GUEST_FINAL_LR)
	mtlr	r5
	LOAD_REG_IMMEDIATE(r5, GUEST_FINAL_XER)
	mtxer	r5
	LOAD_REG_IMMEDIATE(r5, GUEST_FINAL_CR)
	mtcr	r5
	GUEST_FINAL 0
	GUEST_FINAL 1
	GUEST_FINAL 2
	GUEST_FINAL 5
	GUEST_FINAL 6
	GUEST_FINAL 7
	GUEST_FINAL 8
	GUEST_FINAL 9
	GUEST_FINAL 10
	GUEST_FINAL 11
	GUEST_FINAL 12
	GUEST_FINAL 13
	GUEST_FINAL 14
	GUEST_FINAL 15
	GUEST_FINAL 16
	GUEST_FINAL 17
	GUEST_FINAL 18
	GUEST_FINAL 19
	GUEST_FINAL 20
	GUEST_FINAL 21
	GUEST_FINAL 22
	GUEST_FINAL 23
	GUEST_FINAL 24
	GUEST_FINAL 25
	GUEST_FINAL 26
	GUEST_FINAL 27
	GUEST_FINAL 28
	GUEST_FINAL 29
	GUEST_FINAL 30
	GUEST_FINAL 31
	li	r3,KVM_SVC_HALT
	li	r4,GUEST_HALT_CODE
	sc
	.globl	guest_halted
guest_halted:
	b	guest_halted			/* the host never resumes a halted guest */

str_far:	.asciz	"the far code page did not run"
str_far_ok:	.asciz	"code in a second segment ran and returned"
str_mfmsr:	.asciz	"mfmsr into r5 did not return the virtual MSR"
str_mfmsr_nv:	.asciz	"mfmsr into r20 did not return the virtual MSR"
str_mtmsrd:	.asciz	"mtmsrd L=1 did not clear EE and RI in the virtual MSR"
str_mtmsrd_back: .asciz	"mtmsrd L=0 did not restore the virtual MSR"
str_priv_ok:	.asciz	"mfmsr and mtmsrd were emulated against the virtual MSR"
str_facilities_ok: .asciz "FP, AltiVec and VSX handed over on first use"
str_sstep:	.asciz	"single-stepped instructions went wrong"
str_sstep_ok:	.asciz	"single-stepped three instructions"
str_align:	.asciz	"the refused lwarx changed its target"
str_spins:	.asciz	"spins before the decrementer preempted us:"
str_preempt_ok:	.asciz	"the decrementer preempted the spinning guest"
str_nvgpr:	.asciz	"the host's change to r17 did not arrive"
str_nvgpr_ok:	.asciz	"the host changed r17 for us"
str_host_read:	.asciz	"a load from host memory changed its target"
str_outside_read: .asciz "a load outside guest memory changed its target"
str_host_ok:	.asciz	"host memory stayed out of reach"
	.balign	4

/* ---------------- guest page 2, EA GUEST_FAR_EA ---------------- */
	. = 2 * PAGE_SIZE
guest_far:
	li	r3,GUEST_FAR_RESULT
	blr

/* ---------------- guest pages 3-6: data, zero at boot ---------------- */
	. = 3 * PAGE_SIZE
guest_low_page:
	.space	GUEST_LOW_PAGES * PAGE_SIZE
guest_data_pages:
	.space	GUEST_DATA_PAGES * PAGE_SIZE
	.globl	guest_mem_end
guest_mem_end:
