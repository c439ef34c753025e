/*
 * host/main.S: the mini host's main line: create and load the vcpu, run the guest
 * through __kvmppc_vcpu_entry until it halts, then check every guest register against
 * the values the guest was told to leave and give the verdict:
 *   "KVM-TRAMPOLINE: PASS"  and RTAS power-off  (qemu exits 0), or
 *   the mismatches, "KVM-TRAMPOLINE: FAIL" and RTAS ibm,os-term (qemu exits 1 with
 *   -action panic=exit-failure).
 * Also the host's crash report for interrupts it cannot handle, and its static data.
 */
#include "ppc_asm.h"
#include "asm-offsets.h"
#include "kvm_asm.h"
#include "guest_abi.h"
#include "host.h"

	.section ".text"

/* void host_main(void): entered once from the boot code, relocation on, never returns. */
_GLOBAL(host_main)
	CALL(host_check_toc)
	PUTS(str_banner)
	PUTS(str_msr)
	mfmsr	r31
	PUTHEX(r31)
	PUTS(str_paca)
	PUTHEX(r13)
	PUTS(str_vcpu)
	LOAD_REG_IMMEDIATE(r31, vcpu0)
	PUTHEX(r31)
	NEWLINE

	/* The guest's memory must be exactly what guest_abi.h describes. */
	LOAD_REG_IMMEDIATE(r3, guest_mem_start)
	LOAD_REG_IMMEDIATE(r4, guest_mem_end)
	subf	r4,r3,r4
	cmpldi	r4,GUEST_PAGES * PAGE_SIZE
	beq	main_guest_size_ok
	PUTS(str_guest_size)
	LOAD_REG_IMMEDIATE(r3, str_fail)
	CALL(host_os_term)
main_guest_size_ok:

	LOAD_REG_IMMEDIATE(r3, vcpu0)
	LOAD_REG_IMMEDIATE(r4, kvm_run0)
	CALL(kvmppc_vcpu_create)
	LOAD_REG_IMMEDIATE(r3, vcpu0)
	CALL(kvmppc_vcpu_load)

	PUTS(str_enter)
	LOAD_REG_IMMEDIATE(r31, vcpu0)
	ld	r3,VCPU_PC(r31)
	CALL(host_puthex)
	PUTS(str_enter_msr)
	ld	r3,VCPU_SHADOW_MSR(r31)
	CALL(host_puthex)
	NEWLINE

	LOAD_REG_IMMEDIATE(r3, vcpu0)
	CALL(kvmppc_prepare_entry)
	LOAD_REG_IMMEDIATE(r3, kvm_run0)
	LOAD_REG_IMMEDIATE(r4, vcpu0)
	CALL(__kvmppc_vcpu_entry)
	mr	r30,r3
	/* r2 went through the PACA (PACA_KVM_HOST_R2) on every exit: still our TOC? */
	CALL(host_check_toc)

	PUTS(str_left)
	PUTDEC(r30)
	PUTS(str_reason)
	LOAD_REG_IMMEDIATE(r31, kvm_run0)
	lwz	r3,KVM_RUN_EXIT_REASON(r31)
	CALL(host_putdec)
	PUTS(str_code)
	ld	r3,KVM_RUN_EXIT_CODE(r31)
	CALL(host_puthex)
	NEWLINE

	LOAD_REG_IMMEDIATE(r3, vcpu0)
	CALL(kvmppc_verdict)
	cmpdi	r3,0
	bne	main_fail
	PUTS(str_pass)
	CALL(host_power_off)
	b	main_hang
main_fail:
	PUTS(str_fail_line)
	LOAD_REG_IMMEDIATE(r3, str_fail)
	CALL(host_os_term)
main_hang:
	b	main_hang

/*
 * void kvmppc_vcpu_create(struct kvm_vcpu *vcpu, struct kvm_run *run): the trampoline's
 * fixed addresses and the guest's initial state (kvmppc_core_vcpu_create in Linux).
 */
_GLOBAL(kvmppc_vcpu_create)
	HOST_PROLOGUE
	mr	r31,r3
	std	r4,VCPU_RUN(r31)

	/* Where exits come back to: raw code addresses, not descriptors (they go into SRR0). */
	LOAD_REG_IMMEDIATE(r5, kvm_return_point)
	std	r5,VCPU_HOST_RETIP(r31)
	LOAD_REG_IMMEDIATE(r5, kvmppc_handler_highmem)
	std	r5,VCPU_HIGHMEM_HANDLER(r31)
	/* The real-mode entry points, as real addresses. */
	LOAD_REG_IMMEDIATE(r5, kvmppc_trampoline_lowmem)
	lwz	r5,0(r5)
	std	r5,VCPU_TRAMPOLINE_LOWMEM(r31)
	LOAD_REG_IMMEDIATE(r5, kvmppc_trampoline_enter)
	lwz	r5,0(r5)
	std	r5,VCPU_TRAMPOLINE_ENTER(r31)
	/* The host's MSR now (relocation on, EE off) is what every exit returns with. */
	mfmsr	r5
	std	r5,VCPU_HOST_MSR(r31)
	std	r2,VCPU_HOST_R2(r31)
	LOAD_REG_IMMEDIATE(r5, paca)
	clrldi	r5,r5,4
	std	r5,VCPU_HOST_PACA_PHYS(r31)

	/* Guest: problem state, 64-bit; its own idea of the MSR is a supervisor one. */
	LOAD_REG_IMMEDIATE(r5, MSR_USER64)
	std	r5,VCPU_SHADOW_MSR(r31)
	LOAD_REG_IMMEDIATE(r5, GUEST_VIRT_MSR)
	std	r5,VCPU_MSR(r31)
	li	r5,0
	std	r5,VCPU_HFLAGS(r31)
	std	r5,VCPU_EXT_MSR(r31)
	LOAD_REG_IMMEDIATE(r5, GUEST_ENTRY_EA)
	std	r5,VCPU_PC(r31)
	LOAD_REG_IMMEDIATE(r5, GUEST_INIT_CTR)
	std	r5,VCPU_CTR(r31)
	LOAD_REG_IMMEDIATE(r5, GUEST_INIT_LR)
	std	r5,VCPU_LR(r31)

	/* Guest r14-r31 live in the vcpu: GUEST_INIT_GPR(n), computed rather than tabled. */
	li	r30,14
vcpu_create_gprs:
	mr	r3,r30
	CALL(guest_init_gpr)
	sldi	r4,r30,3
	addi	r4,r4,VCPU_GPRS
	stdx	r3,r31,r4
	addi	r30,r30,1
	cmpdi	r30,32
	blt	vcpu_create_gprs

	/* Guest memory: GUEST_PAGES pages of this image, mapped on demand into four ranges. */
	LOAD_REG_IMMEDIATE(r5, guest_mem_start)
	std	r5,VCPU_GUEST_MEM_VA(r31)
	clrldi	r6,r5,4
	std	r6,VCPU_GUEST_MEM_RA(r31)
	li	r6,GUEST_PAGES * PAGE_SIZE
	std	r6,VCPU_GUEST_MEM_SIZE(r31)
	LOAD_REG_IMMEDIATE(r6, GUEST_CODE_EA)
	std	r6,VCPU_GUEST_EA_BASE(r31)
	addi	r30,r31,VCPU_GMAP
	LOAD_REG_IMMEDIATE(r3, GUEST_CODE_EA)
	li	r4,GUEST_CODE_PAGES
	li	r5,GUEST_CODE_GPAGE
	bl	vcpu_add_region
	LOAD_REG_IMMEDIATE(r3, GUEST_FAR_EA)
	li	r4,GUEST_FAR_PAGES
	li	r5,GUEST_FAR_GPAGE
	bl	vcpu_add_region
	LOAD_REG_IMMEDIATE(r3, GUEST_LOW_EA)
	li	r4,GUEST_LOW_PAGES
	li	r5,GUEST_LOW_GPAGE
	bl	vcpu_add_region
	LOAD_REG_IMMEDIATE(r3, GUEST_DATA_EA)
	li	r4,GUEST_DATA_PAGES
	li	r5,GUEST_DATA_GPAGE
	bl	vcpu_add_region
	li	r3,0				/* end of the table */
	std	r3,GREGION_NPAGES(r30)
	HOST_EPILOGUE

/* Local helper of kvmppc_vcpu_create: region {r3 ea, r4 pages, r5 first page} at r30++. */
vcpu_add_region:
	std	r3,GREGION_EA(r30)
	std	r4,GREGION_NPAGES(r30)
	std	r5,GREGION_GPAGE(r30)
	addi	r30,r30,GREGION_SIZE
	blr

/*
 * void kvmppc_vcpu_load(struct kvm_vcpu *vcpu): put the vcpu's volatile state where it
 * lives while the vcpu is loaded: guest r0-r13, CR and XER in the PACA shadow vcpu (the
 * guest's initial values), and an empty guest shadow SLB.
 */
_GLOBAL(kvmppc_vcpu_load)
	HOST_PROLOGUE
	li	r30,0
vcpu_load_gprs:
	mr	r3,r30
	CALL(guest_init_gpr)
	sldi	r4,r30,3
	addi	r4,r4,PACA_KVM_R0
	stdx	r3,r13,r4
	addi	r30,r30,1
	cmpdi	r30,14
	blt	vcpu_load_gprs
	LOAD_REG_IMMEDIATE(r3, GUEST_INIT_CR)
	stw	r3,PACA_KVM_CR(r13)
	LOAD_REG_IMMEDIATE(r3, GUEST_INIT_XER)
	stw	r3,PACA_KVM_XER(r13)
	li	r3,0
	stb	r3,PACA_KVM_SLB_MAX(r13)
	stb	r3,PACA_KVM_IN_GUEST(r13)
	HOST_EPILOGUE

/* ulong guest_init_gpr(ulong n), ulong guest_final_gpr(ulong n): the patterns of guest_abi.h. */
_GLOBAL(guest_init_gpr)
	LOAD_REG_IMMEDIATE(r4, GUEST_INIT_BASE)
	sldi	r5,r3,GUEST_INIT_SHIFT1
	add	r4,r4,r5
	sldi	r5,r3,GUEST_INIT_SHIFT2
	add	r4,r4,r5
	add	r3,r4,r3
	blr

_GLOBAL(guest_final_gpr)
	LOAD_REG_IMMEDIATE(r4, GUEST_FINAL_BASE)
	sldi	r5,r3,GUEST_FINAL_SHIFT1
	add	r4,r4,r5
	sldi	r5,r3,GUEST_FINAL_SHIFT2
	add	r4,r4,r5
	add	r3,r4,r3
	blr

/*
 * long kvmppc_verdict(struct kvm_vcpu *vcpu): print the exit statistics, compare every
 * guest register with its expected final value, and return the number of problems.
 * Guest r0-r13, CR and XER are read from the PACA shadow vcpu (the vcpu is still loaded),
 * r14-r31, CTR, LR and PC from the vcpu.
 */
_GLOBAL(kvmppc_verdict)
	HOST_PROLOGUE
	mr	r31,r3
	li	r30,0				/* problems */
	mr	r3,r31
	CALL(kvmppc_print_stats)

	li	r29,0				/* register number */
verdict_gpr_loop:
	cmpdi	r29,14
	bge	verdict_gpr_nv
	sldi	r4,r29,3
	addi	r4,r4,PACA_KVM_R0
	ldx	r28,r13,r4
	b	verdict_gpr_expected
verdict_gpr_nv:
	sldi	r4,r29,3
	addi	r4,r4,VCPU_GPRS
	ldx	r28,r31,r4
verdict_gpr_expected:
	/* The halt call itself carries r3 = KVM_SVC_HALT and r4 = GUEST_HALT_CODE. */
	li	r27,KVM_SVC_HALT
	cmpdi	r29,3
	beq	verdict_gpr_compare
	li	r27,GUEST_HALT_CODE
	cmpdi	r29,4
	beq	verdict_gpr_compare
	mr	r3,r29
	CALL(guest_final_gpr)
	mr	r27,r3
verdict_gpr_compare:
	LOAD_REG_IMMEDIATE(r3, str_reg_r)
	mr	r4,r29
	mr	r5,r27
	mr	r6,r28
	CALL(verdict_check)
	add	r30,r30,r3
	addi	r29,r29,1
	cmpdi	r29,32
	blt	verdict_gpr_loop

	LOAD_REG_IMMEDIATE(r3, str_reg_cr)
	li	r4,-1
	LOAD_REG_IMMEDIATE(r5, GUEST_FINAL_CR)
	lwz	r6,PACA_KVM_CR(r13)
	CALL(verdict_check)
	add	r30,r30,r3
	LOAD_REG_IMMEDIATE(r3, str_reg_xer)
	li	r4,-1
	LOAD_REG_IMMEDIATE(r5, GUEST_FINAL_XER)
	lwz	r6,PACA_KVM_XER(r13)
	CALL(verdict_check)
	add	r30,r30,r3
	LOAD_REG_IMMEDIATE(r3, str_reg_ctr)
	li	r4,-1
	LOAD_REG_IMMEDIATE(r5, GUEST_FINAL_CTR)
	ld	r6,VCPU_CTR(r31)
	CALL(verdict_check)
	add	r30,r30,r3
	LOAD_REG_IMMEDIATE(r3, str_reg_lr)
	li	r4,-1
	LOAD_REG_IMMEDIATE(r5, GUEST_FINAL_LR)
	ld	r6,VCPU_LR(r31)
	CALL(verdict_check)
	add	r30,r30,r3
	/* PC: just after the guest's halt call, at the same offset in guest page 0. */
	LOAD_REG_IMMEDIATE(r3, str_reg_pc)
	li	r4,-1
	LOAD_REG_IMMEDIATE(r5, guest_halted)
	LOAD_REG_IMMEDIATE(r6, guest_mem_start)
	subf	r5,r6,r5
	addis	r5,r5,GUEST_CODE_EA@h
	ld	r6,VCPU_PC(r31)
	CALL(verdict_check)
	add	r30,r30,r3

	/* The guest's own checks, and how the run ended. */
	ld	r29,VCPU_GUEST_FAILURES(r31)
	cmpdi	r29,0
	beq	verdict_no_guest_failures
	PUTS(str_guest_failed)
	PUTDEC(r29)
	NEWLINE
	addi	r30,r30,1
verdict_no_guest_failures:
	ld	r29,VCPU_RUN(r31)
	lwz	r29,KVM_RUN_EXIT_REASON(r29)
	cmpdi	r29,KVM_EXIT_HALT
	beq	verdict_halted
	PUTS(str_not_halted)
	addi	r30,r30,1
verdict_halted:
	PUTS(str_checked)
	mr	r3,r30
	HOST_EPILOGUE

/*
 * long verdict_check(const char *name, long n, ulong expected, ulong actual): 0 when they
 * agree; otherwise prints "KVM-TRAMPOLINE: mismatch <name><n>: expected .., got .." and
 * returns 1. n < 0 means the name stands alone.
 */
_GLOBAL(verdict_check)
	cmpd	r5,r6
	bne	verdict_check_mismatch
	li	r3,0
	blr
verdict_check_mismatch:
	HOST_PROLOGUE
	mr	r31,r3
	mr	r30,r4
	mr	r29,r5
	mr	r28,r6
	PUTS(str_mismatch)
	mr	r3,r31
	CALL(host_puts)
	cmpdi	r30,0
	blt	verdict_check_named
	PUTDEC(r30)
verdict_check_named:
	PUTS(str_expected)
	PUTHEX(r29)
	PUTS(str_got)
	PUTHEX(r28)
	NEWLINE
	li	r3,1
	HOST_EPILOGUE

/* void host_check_toc(void): r2 must be the TOC base: a TOC entry read through it is right. */
_GLOBAL(host_check_toc)
	ld	r3,toc_stext@toc(r2)
	LOAD_REG_IMMEDIATE(r4, _stext)
	cmpd	r3,r4
	beqlr
	mflr	r0
	std	r0,16(r1)
	stdu	r1,-STACK_FRAME_OVERHEAD(r1)
	PUTS(str_toc_broken)
	PUTS(str_fail_line)
	LOAD_REG_IMMEDIATE(r3, str_fail)
	CALL(host_os_term)
toc_hang:
	b	toc_hang

/* void host_crash(ulong vector, ulong srr0, ulong srr1, ulong dar, ulong dsisr) */
_GLOBAL(host_crash)
	mr	r31,r3
	mr	r30,r4
	mr	r29,r5
	mr	r28,r6
	mr	r27,r7
	PUTS(str_crash)
	PUTHEX(r31)
	PUTS(str_crash_srr0)
	PUTHEX(r30)
	PUTS(str_crash_srr1)
	PUTHEX(r29)
	PUTS(str_crash_dar)
	PUTHEX(r28)
	PUTS(str_crash_dsisr)
	PUTHEX(r27)
	NEWLINE
	PUTS(str_fail_line)
	LOAD_REG_IMMEDIATE(r3, str_fail)
	CALL(host_os_term)
crash_hang:
	b	crash_hang

	.section ".rodata"
str_banner:
	.asciz	"kvm-host: mini PR-KVM host (PACA-backed shadow vcpu), relocation on\n"
str_msr:
	.asciz	"kvm-host: msr="
str_paca:
	.asciz	" paca="
str_vcpu:
	.asciz	" vcpu="
str_guest_size:
	.asciz	"kvm-host: the .guest section does not have GUEST_PAGES pages\n"
str_enter:
	.asciz	"kvm-host: entering the guest at pc="
str_enter_msr:
	.asciz	" msr="
str_left:
	.asciz	"kvm-host: run loop returned "
str_reason:
	.asciz	", exit reason "
str_code:
	.asciz	", code "
str_mismatch:
	.asciz	"KVM-TRAMPOLINE: mismatch "
str_expected:
	.asciz	": expected "
str_got:
	.asciz	", got "
str_reg_r:
	.asciz	"r"
str_reg_cr:
	.asciz	"cr"
str_reg_xer:
	.asciz	"xer"
str_reg_ctr:
	.asciz	"ctr"
str_reg_lr:
	.asciz	"lr"
str_reg_pc:
	.asciz	"pc"
str_guest_failed:
	.asciz	"KVM-TRAMPOLINE: failed guest checks: "
str_not_halted:
	.asciz	"KVM-TRAMPOLINE: the guest did not halt\n"
str_checked:
	.asciz	"kvm-host: checked r0-r31, cr, xer, ctr, lr, pc\n"
str_pass:
	.asciz	"KVM-TRAMPOLINE: PASS\n"
str_fail_line:
	.asciz	"KVM-TRAMPOLINE: FAIL\n"
str_fail:
	.asciz	"KVM-TRAMPOLINE: FAIL"
str_toc_broken:
	.asciz	"kvm-host: r2 is not the TOC base\n"
str_crash:
	.asciz	"kvm-host: unexpected interrupt in the host: vector="
str_crash_srr0:
	.asciz	" srr0="
str_crash_srr1:
	.asciz	" srr1="
str_crash_dar:
	.asciz	" dar="
str_crash_dsisr:
	.asciz	" dsisr="

/*
 * The host's data. Pages written at run time are kept away from code pages (the linker
 * script page-aligns .data and .bss): qemu retranslates code on every store to its page.
 */
	.section ".bss"
	.balign	128
	.globl	paca
paca:
	.space	PACA_SIZE
	.balign	128
	.globl	host_slb_shadow
host_slb_shadow:
	.space	SLBSHADOW_SIZE
	.balign	128
	.globl	vcpu0
vcpu0:
	.space	VCPU_SIZE
	.balign	8
	.globl	kvm_run0
kvm_run0:
	.space	KVM_RUN_SIZE
	.balign	4096
host_stack:
	.space	16384
	.globl	host_stack_top
host_stack_top:
	.space	4096
	.globl	host_emergency_stack_top
host_emergency_stack_top:
