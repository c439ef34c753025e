/*
 * exceptions-64s.S: the host's real-mode interrupt vectors (included by head_64.S, so it
 * sits at physical 0x100..0xfff of the image).
 *
 * Every vector first runs the DO_KVM hook: if the interrupt hit the guest, it leaves
 * through the PR-KVM exit trampoline and never comes back here. Otherwise the host's own
 * handling follows: the decrementer has a real handler (reached for guest decrementer
 * exits through call_linux_handler, see book3s_64_interrupts.S); anything else in host
 * mode is a bug in the host and ends the run with a report.
 *
 * On entry to a vector every register belongs to the interrupted context. The host's
 * code parks r13 in SPRG2 (the vectors' scratch), takes the PACA from SPRG1 and uses the
 * PACA's exgen save area, which no KVM path touches.
 */

/* Slots of paca->exgen[] used by these handlers. */
#define EXGEN(n)	(PACA_EXGEN + 8 * (n))
#define EXGEN_R11	EXGEN(0)
#define EXGEN_R12	EXGEN(1)

/* A vector: the KVM hook, then the host's prologue; r12 = vector number for the handler. */
#define STD_EXCEPTION_PSERIES(vec, handler)	\
	. = vec;				\
	HMT_MEDIUM;				\
	DO_KVM	vec;				\
	mtspr	SPRN_SPRG_SCRATCH0,r13;		\
	mfspr	r13,SPRN_SPRG_PACA;		\
	std	r12,EXGEN_R12(r13);		\
	li	r12,vec;			\
	b	handler

	STD_EXCEPTION_PSERIES(0x100, host_unexpected)		/* system reset */
	STD_EXCEPTION_PSERIES(0x200, host_unexpected)		/* machine check */
	STD_EXCEPTION_PSERIES(0x300, host_unexpected)		/* data storage */
	STD_EXCEPTION_PSERIES(0x380, host_unexpected)		/* data segment */
	STD_EXCEPTION_PSERIES(0x400, host_unexpected)		/* instruction storage */
	STD_EXCEPTION_PSERIES(0x480, host_unexpected)		/* instruction segment */
	STD_EXCEPTION_PSERIES(0x500, host_unexpected)		/* external */
	STD_EXCEPTION_PSERIES(0x600, host_unexpected)		/* alignment */
	STD_EXCEPTION_PSERIES(0x700, host_unexpected)		/* program */
	STD_EXCEPTION_PSERIES(0x800, host_unexpected)		/* FP unavailable */
	STD_EXCEPTION_PSERIES(0x900, host_decrementer)		/* decrementer */
	STD_EXCEPTION_PSERIES(0xa00, host_unexpected)
	STD_EXCEPTION_PSERIES(0xb00, host_unexpected)
	STD_EXCEPTION_PSERIES(0xc00, host_unexpected)		/* system call */
	STD_EXCEPTION_PSERIES(0xd00, host_unexpected)		/* trace */
	STD_EXCEPTION_PSERIES(0xe00, host_unexpected)
	STD_EXCEPTION_PSERIES(0xf00, host_unexpected)		/* performance monitor */
	STD_EXCEPTION_PSERIES(0xf20, host_unexpected)		/* AltiVec unavailable */
	STD_EXCEPTION_PSERIES(0xf40, host_unexpected)		/* VSX unavailable */
	STD_EXCEPTION_PSERIES(0xf60, host_unexpected)		/* facility unavailable */

	. = 0x1000

/*
 * The host's decrementer handler. It runs for a decrementer that fires in the host (the
 * host keeps MSR[EE] off, so in practice never) and, through call_linux_handler, for every
 * decrementer exit of the guest, "as if the interrupt had hit kvm_return_point": SRR0/SRR1
 * then hold the host's return point and MSR, and it must preserve every register (r12 is
 * the exit id the run loop still needs).
 */
host_decrementer:
	std	r11,EXGEN_R11(r13)
	ld	r11,PACA_HOST_DEC_COUNT(r13)
	addi	r11,r11,1
	std	r11,PACA_HOST_DEC_COUNT(r13)
	/* qemu keeps the interrupt pending while DEC is negative: push the next one far out. */
	lis	r11,0x7fff
	ori	r11,r11,0xffff
	mtspr	SPRN_DEC,r11
	ld	r11,EXGEN_R11(r13)
	ld	r12,EXGEN_R12(r13)
	mfspr	r13,SPRN_SPRG_SCRATCH0
	RFI

/*
 * Any other interrupt in the host is a bug: report it and end the run as a failure.
 * It never returns, so it may take its own stack and any register.
 */
host_unexpected:
	LOAD_REG_IMMEDIATE(r1, host_emergency_stack_top)
	li	r0,0
	stdu	r0,-STACK_FRAME_OVERHEAD(r1)
	mr	r3,r12
	mfspr	r4,SPRN_SRR0
	mfspr	r5,SPRN_SRR1
	mfspr	r6,SPRN_DAR
	mfspr	r7,SPRN_DSISR
	bl	.host_crash
	nop
host_unexpected_hang:
	b	host_unexpected_hang
