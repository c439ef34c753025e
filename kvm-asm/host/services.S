/*
 * host/services.S: the guest's service calls (the `sc` exits, id 0xc00), and the host's
 * accessors for guest GPRs.
 *
 * The service number and its arguments are guest r3-r6, read from the PACA shadow vcpu
 * where guest r0-r13 live while the vcpu is loaded; the result goes back into guest r3
 * there. The numbers are in guest_abi.h.
 */
#include "ppc_asm.h"
#include "asm-offsets.h"
#include "kvm_asm.h"
#include "guest_abi.h"
#include "host.h"

#define CH_TILDE	0x7e
#define CH_QUESTION	0x3f
#define CH_SPACE	0x20

	.section ".text"

/*
 * long kvmppc_handle_service(struct kvm_run *run, struct kvm_vcpu *vcpu): do the service
 * the guest asked for (the caller has printed the exit's line up to the PC) and return
 * how to resume: RESUME_GUEST, RESUME_GUEST_NV when a guest r14-r31 changed in the vcpu,
 * RESUME_HOST when the guest halted.
 */
_GLOBAL(kvmppc_handle_service)
	HOST_PROLOGUE
	mr	r29,r3				/* run */
	mr	r31,r4				/* vcpu */
	li	r28,RESUME_GUEST
	ld	r26,PACA_KVM_R3(r13)
	ld	r25,PACA_KVM_R4(r13)
	ld	r24,PACA_KVM_R5(r13)
	cmpdi	r26,KVM_SVC_PUTS
	beq	svc_puts
	cmpdi	r26,KVM_SVC_SET_NVGPR
	beq	svc_set_nvgpr
	cmpdi	r26,KVM_SVC_HALT
	beq	svc_halt
	cmpdi	r26,KVM_SVC_FAIL
	beq	svc_fail
	cmpdi	r26,KVM_SVC_PUTVAL
	beq	svc_putval
	cmpdi	r26,KVM_SVC_SSTEP
	beq	svc_sstep
	PUTS(str_svc_unknown)
	PUTDEC(r26)
	NEWLINE
	li	r3,-1
	std	r3,PACA_KVM_R3(r13)
	b	svc_out

svc_puts:
	PUTS(str_svc_puts)
	PUTS(str_guest_prefix)
	mr	r3,r31
	mr	r4,r25
	CALL(print_guest_string)
	NEWLINE
	b	svc_ok

svc_fail:
	PUTS(str_svc_fail)
	PUTS(str_guest_failed)
	mr	r3,r31
	mr	r4,r25
	CALL(print_guest_string)
	NEWLINE
	ld	r3,VCPU_GUEST_FAILURES(r31)
	addi	r3,r3,1
	std	r3,VCPU_GUEST_FAILURES(r31)
	b	svc_ok

svc_putval:
	PUTS(str_svc_putval)
	ld	r3,PACA_KVM_R6(r13)
	cmpdi	r3,0
	beq	svc_putval_plain
	li	r3,CH_TILDE
	CALL(host_putc)
svc_putval_plain:
	PUTS(str_guest_prefix)
	mr	r3,r31
	mr	r4,r25
	CALL(print_guest_string)
	li	r3,CH_SPACE
	CALL(host_putc)
	PUTDEC(r24)
	NEWLINE
	b	svc_ok

/* Set a guest GPR; r14-r31 live in the vcpu, so the run loop must reload them (NV). */
svc_set_nvgpr:
	PUTS(str_svc_set)
	PUTDEC(r25)
	PUTS(str_svc_value)
	PUTHEX(r24)
	NEWLINE
	cmpldi	r25,31
	bgt	svc_bad_arg
	mr	r3,r31
	mr	r4,r25
	mr	r5,r24
	CALL(kvmppc_set_gpr)
	li	r3,0
	std	r3,PACA_KVM_R3(r13)
	li	r28,RESUME_GUEST_NV
	b	svc_out

svc_halt:
	PUTS(str_svc_halt)
	PUTHEX(r25)
	NEWLINE
	li	r3,KVM_EXIT_HALT
	stw	r3,KVM_RUN_EXIT_REASON(r29)
	std	r25,KVM_RUN_EXIT_CODE(r29)
	li	r28,RESUME_HOST
	b	svc_out

svc_sstep:
	PUTS(str_svc_sstep)
	PUTDEC(r25)
	NEWLINE
	std	r25,VCPU_SSTEP_LEFT(r31)
	ld	r3,VCPU_EXT_MSR(r31)
	ori	r3,r3,MSR_SE
	std	r3,VCPU_EXT_MSR(r31)
	b	svc_ok

svc_bad_arg:
	li	r3,-1
	std	r3,PACA_KVM_R3(r13)
	b	svc_out
svc_ok:
	li	r3,0
	std	r3,PACA_KVM_R3(r13)
	b	svc_out

svc_out:
	mr	r3,r28
	HOST_EPILOGUE

/*
 * void print_guest_string(struct kvm_vcpu *vcpu, ulong ea): copy a NUL-terminated string
 * out of guest memory (at most KVM_SVC_MAX_STRING bytes, unprintable bytes as '?', a
 * string that leaves guest memory ends in "<bad address>") and print it.
 */
_GLOBAL(print_guest_string)
	HOST_PROLOGUE
	mr	r31,r3
	mr	r30,r4
	LOAD_REG_IMMEDIATE(r29, host_strbuf)
	li	r28,0				/* length */
guest_string_loop:
	cmpdi	r28,KVM_SVC_MAX_STRING
	bge	guest_string_end
	mr	r3,r31
	add	r4,r30,r28
	CALL(kvmppc_guest_ea_to_host)
	cmpdi	r3,0
	beq	guest_string_bad
	lbz	r4,0(r3)
	cmpwi	r4,0
	beq	guest_string_end
	cmpwi	r4,CH_SPACE
	blt	guest_string_unprintable
	cmpwi	r4,CH_TILDE
	ble	guest_string_store
guest_string_unprintable:
	li	r4,CH_QUESTION
guest_string_store:
	stbx	r4,r29,r28
	addi	r28,r28,1
	b	guest_string_loop
guest_string_bad:
	li	r4,0
	stbx	r4,r29,r28
	mr	r3,r29
	CALL(host_puts)
	PUTS(str_bad_address)
	b	guest_string_out
guest_string_end:
	li	r4,0
	stbx	r4,r29,r28
	mr	r3,r29
	CALL(host_puts)
guest_string_out:
	HOST_EPILOGUE

/* ulong kvmppc_get_gpr(struct kvm_vcpu *vcpu, ulong n): r0-r13 from the PACA. */
_GLOBAL(kvmppc_get_gpr)
	sldi	r5,r4,3
	cmpdi	r4,14
	bge	get_gpr_vcpu
	addi	r5,r5,PACA_KVM_R0
	ldx	r3,r13,r5
	blr
get_gpr_vcpu:
	addi	r5,r5,VCPU_GPRS
	ldx	r3,r3,r5
	blr

/* void kvmppc_set_gpr(struct kvm_vcpu *vcpu, ulong n, ulong value) */
_GLOBAL(kvmppc_set_gpr)
	sldi	r6,r4,3
	cmpdi	r4,14
	bge	set_gpr_vcpu
	addi	r6,r6,PACA_KVM_R0
	stdx	r5,r13,r6
	blr
set_gpr_vcpu:
	addi	r6,r6,VCPU_GPRS
	stdx	r5,r3,r6
	blr

	.section ".rodata"
str_svc_unknown:	.asciz	": unknown service "
str_svc_puts:		.asciz	": puts\n"
str_svc_fail:		.asciz	": check failed\n"
str_svc_putval:		.asciz	": putval\n"
str_svc_set:		.asciz	": set r"
str_svc_value:		.asciz	" = "
str_svc_halt:		.asciz	": halt, code "
str_svc_sstep:		.asciz	": single-step instructions "
str_guest_prefix:	.asciz	"guest: "
str_guest_failed:	.asciz	"guest: FAILED: "
str_bad_address:	.asciz	"<bad address>"

	.section ".bss"
	.balign	8
host_strbuf:
	.space	KVM_SVC_MAX_STRING + 8
