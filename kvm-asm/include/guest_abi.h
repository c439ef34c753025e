/*
 * guest_abi.h: the contract between the mini host and its guest: the guest's address
 * space, the service calls, and the register values checked at both ends.
 *
 * Both sides include this one file, so the guest's checks and the host's verdict use the
 * same numbers. The register patterns are formulas rather than tables so that each
 * side computes them its own way (the guest loads them as constants, the host computes
 * them in a loop): a mismatch between the two can only come from the trampoline.
 */
#ifndef KVM_ASM_GUEST_ABI_H
#define KVM_ASM_GUEST_ABI_H

/*
 * Guest address space. The guest's memory is GUEST_PAGES 4 KB pages of the host image
 * (the .guest section); the host maps them on demand into these effective-address
 * ranges, each in its own 256 MB segment. Nothing else exists for the guest.
 */
#define GUEST_PAGES		7
#define GUEST_CODE_EA		0x10000000	/* guest pages 0-1: main code, second code page */
#define GUEST_CODE_PAGES	2
#define GUEST_CODE_GPAGE	0
#define GUEST_FAR_EA		0x30000000	/* guest page 2: code reached in another segment */
#define GUEST_FAR_PAGES		1
#define GUEST_FAR_GPAGE		2
#define GUEST_LOW_EA		0x00000000	/* guest page 3: register dump, host-written tick word */
#define GUEST_LOW_PAGES		1
#define GUEST_LOW_GPAGE		3
#define GUEST_DATA_EA		0x20000000	/* guest pages 4-6: demand-paged data */
#define GUEST_DATA_PAGES	3
#define GUEST_DATA_GPAGE	4

#define GUEST_ENTRY_EA		GUEST_CODE_EA

/* In the low page, reachable with absolute D(0) addressing before any register is free. */
#define GUEST_DUMP_GPRS		0x000		/* r0-r31 as the guest found them */
#define GUEST_DUMP_CR		0x100
#define GUEST_DUMP_XER		0x108
#define GUEST_DUMP_CTR		0x110
#define GUEST_DUMP_LR		0x118
#define GUEST_TICK_OFFSET	0x800		/* the host stores its decrementer-exit count here */

/* Host memory the guest must never reach. */
#define GUEST_FORBIDDEN_EA	0xc000000000000000

/* Segment and page-table identity of guest memory: VSID = base + ESID. */
#define GUEST_VSID_BASE		0x200
#define HOST_LINEAR_VSID	0x400

/* Decrementer ticks given to the guest at every entry (about 0.5 ms of guest time). */
#define GUEST_TIMESLICE		0x40000

/*
 * The MSR the guest believes it runs with (what an emulated mfmsr returns): a supervisor
 * MSR, while the real (shadow) MSR is problem state.
 */
#define GUEST_VIRT_MSR		0x8000000000009032	/* SF EE ME IR DR RI */

/* Services: `sc` with the number in r3, arguments in r4-r6; result in r3 (0 = done). */
#define KVM_SVC_PUTS		1	/* r4 = EA of a NUL-terminated line to print */
#define KVM_SVC_SET_NVGPR	2	/* r4 = register 14..31, r5 = value: the host sets it */
#define KVM_SVC_HALT		3	/* r4 = halt code: the guest is done */
#define KVM_SVC_FAIL		4	/* r4 = EA of a line naming a failed check */
#define KVM_SVC_PUTVAL		5	/* r4 = EA of a label, r5 = value, r6 = 1 if timing-dependent */
#define KVM_SVC_SSTEP		6	/* r4 = n: single-step the next n guest instructions */
#define KVM_SVC_MAX_STRING	200	/* longest line the host copies out of the guest */

#define GUEST_HALT_CODE		0x600d

/*
 * Register values. Every value has bits above 32 and below 16 set, differs per
 * register, and has no carry between the parts, so a truncated or swapped register is
 * visible. gas evaluates these in 64 bits.
 */
#define GUEST_INIT_BASE		0x4b00000000006b00
#define GUEST_INIT_SHIFT1	48
#define GUEST_INIT_SHIFT2	24
#define GUEST_INIT_GPR(n)	(GUEST_INIT_BASE + ((n) << GUEST_INIT_SHIFT1) + ((n) << GUEST_INIT_SHIFT2) + (n))
#define GUEST_INIT_CR		0x2468ace1
#define GUEST_INIT_XER		0x20000045	/* CA and a byte count */
#define GUEST_INIT_CTR		0x5555666677778888
#define GUEST_INIT_LR		0x1111222233334444

#define GUEST_FINAL_BASE	0x2d000000000000f0
#define GUEST_FINAL_SHIFT1	52
#define GUEST_FINAL_SHIFT2	16
#define GUEST_FINAL_GPR(n)	(GUEST_FINAL_BASE + ((n) << GUEST_FINAL_SHIFT1) + ((n) << GUEST_FINAL_SHIFT2) + (n))
#define GUEST_FINAL_CR		0x9abcdef0
#define GUEST_FINAL_XER		0x4000001d	/* OV and a byte count */
#define GUEST_FINAL_CTR		0x0fedcba987654321
#define GUEST_FINAL_LR		0x7ead7ead7ead7ea0
/* The halt call itself carries r3 = KVM_SVC_HALT and r4 = GUEST_HALT_CODE. */

/* The value the guest asks the host to put in a non-volatile register. */
#define GUEST_NV_REG		17
#define GUEST_NV_VALUE		0x0123456789abcdef

/* What the code in the far segment returns in r3. */
#define GUEST_FAR_RESULT	0x0fa4

/* Guest instructions single-stepped (each one a trace exit). */
#define GUEST_SSTEP_COUNT	3

#endif /* KVM_ASM_GUEST_ABI_H */
