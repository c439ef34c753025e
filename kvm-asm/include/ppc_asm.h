/*
 * ppc_asm.h: the assembly vocabulary of the kvm-asm sources (register names, SPR
 * numbers, MSR bits, the usual kernel helper macros). Written for this project in the
 * style of a kernel's ppc_asm.h so readers of both can map one onto the other.
 *
 * Only plain cpp (object- and function-like #define, ## pasting) and mainstream gas
 * syntax are used here, so the project's own assembler can build the same sources.
 */
#ifndef KVM_ASM_PPC_ASM_H
#define KVM_ASM_PPC_ASM_H

/*
 * Register names as cpp macros: gas only ever sees numbers, and a macro argument
 * such as VCPU_GPR(r14) becomes VCPU_GPR(14) during argument prescan.
 */
#define r0	0
#define r1	1
#define r2	2
#define r3	3
#define r4	4
#define r5	5
#define r6	6
#define r7	7
#define r8	8
#define r9	9
#define r10	10
#define r11	11
#define r12	12
#define r13	13
#define r14	14
#define r15	15
#define r16	16
#define r17	17
#define r18	18
#define r19	19
#define r20	20
#define r21	21
#define r22	22
#define r23	23
#define r24	24
#define r25	25
#define r26	26
#define r27	27
#define r28	28
#define r29	29
#define r30	30
#define r31	31

#define cr0	0
#define cr1	1
#define cr2	2
#define cr3	3
#define cr4	4
#define cr5	5
#define cr6	6
#define cr7	7

/* The few FP, vector and VSX registers the guest touches to provoke "unavailable" exits. */
#define fr0	0
#define fr1	1
#define fr2	2
#define vr0	0
#define vr1	1
#define vr2	2
#define vsr0	0
#define vsr1	1
#define vsr2	2

/* SPR numbers (Power ISA Book III). */
#define SPRN_XER	1
#define SPRN_LR		8
#define SPRN_CTR	9
#define SPRN_DSISR	18
#define SPRN_DAR	19
#define SPRN_DEC	22
#define SPRN_SRR0	26
#define SPRN_SRR1	27
#define SPRN_SPRG0	272
#define SPRN_SPRG1	273
#define SPRN_SPRG2	274
#define SPRN_SPRG3	275
#define SPRN_PVR	287
#define SPRN_HID5	1014

/* SPRG roles: SPRG1 holds the PACA for the vectors, SPRG2 is the vectors' scratch for r13. */
#define SPRN_SPRG_PACA		SPRN_SPRG1
#define SPRN_SPRG_SCRATCH0	SPRN_SPRG2

/*
 * MSR bits. __MASK is written for gas, whose expressions are 64-bit here, so
 * __MASK(63) is the sign bit and LOAD_REG_IMMEDIATE builds it with @highest.
 */
#define __MASK(X)	(1<<(X))
#define MSR_SF		__MASK(63)	/* 64-bit mode */
#define MSR_ISF		__MASK(61)	/* interrupt 64-bit mode (ignored on POWER9) */
#define MSR_HV		__MASK(60)	/* hypervisor state (never settable from a pseries guest) */
#define MSR_VEC		__MASK(25)	/* AltiVec available */
#define MSR_VSX		__MASK(23)	/* VSX available */
#define MSR_EE		__MASK(15)	/* external interrupts (and the decrementer) enabled */
#define MSR_PR		__MASK(14)	/* problem state */
#define MSR_FP		__MASK(13)	/* floating point available */
#define MSR_ME		__MASK(12)	/* machine check enable */
#define MSR_SE		__MASK(10)	/* single-step trace */
#define MSR_IR		__MASK(5)	/* instruction relocation */
#define MSR_DR		__MASK(4)	/* data relocation */
#define MSR_RI		__MASK(1)	/* recoverable interrupt */

/*
 * Deliberately unparenthesised, as in the kernel: in gas, | and & share one precedence
 * level and bind left to right, so `MSR_KERNEL & ~(MSR_IR|MSR_DR)` really clears IR and
 * DR (0xb000000000001002). A C-precedence evaluator would leave them set; the
 * assembler differential tests pin this down.
 */
#define MSR_		MSR_ME | MSR_RI | MSR_IR | MSR_DR | MSR_ISF | MSR_HV
#define MSR_KERNEL	MSR_ | MSR_SF
#define MSR_USER32	MSR_ | MSR_PR | MSR_EE
#define MSR_USER64	MSR_USER32 | MSR_SF

/* SRR1 bits a program interrupt sets to say why it happened. */
#define SRR1_PROGTRAP	__MASK(17)
#define SRR1_PROGPRIV	__MASK(18)
#define SRR1_PROGILL	__MASK(19)
/* SRR1 bit of an instruction storage interrupt: no translation (HPTE) found. */
#define SRR1_ISI_NOPT	__MASK(30)
/* DSISR bits of a data storage interrupt. */
#define DSISR_NOHPTE	__MASK(30)
#define DSISR_ISSTORE	__MASK(25)

/* SLB entry words for slbmte RS,RB (256 MB segments, 4 KB pages). */
#define SLB_ESID_SHIFT	28
#define SLB_ESID_V	__MASK(27)	/* RB: entry valid */
#define SLB_VSID_SHIFT	12
#define SLB_VSID_KS	__MASK(11)	/* RS: supervisor key */
#define SLB_VSID_KP	__MASK(10)	/* RS: problem-state key */

/* Hashed page table entry bits (PAPR H_ENTER: doubleword 0 and doubleword 1). */
#define HPTE_V_VALID	__MASK(0)
#define HPTE_V_AVPN_SHIFT 12
#define HPTE_R_R	__MASK(8)
#define HPTE_R_C	__MASK(7)
#define HPTE_R_M	__MASK(4)	/* memory coherence: the only WIMG pseries accepts for RAM */
#define HPTE_R_PP_RW	2		/* with key 1: read/write; with key 0: read/write */
#define HPTE_R_PP_SUP	0		/* key 0 read/write, key 1 no access */

#define PAGE_SHIFT	12
#define PAGE_SIZE	4096

/* The host image's linear mapping, as in a ppc64 kernel. */
#define KERNELBASE	0xc000000000000000

/* Helpers for ## pasting where the arguments must be expanded first. */
#define GLUE(a,b)	a##b
#define XGLUE(a,b)	GLUE(a,b)

/*
 * Load a 64-bit constant (or absolute symbol expression) in five instructions that use
 * only `reg`. The sign extension of lis is shifted out by the rldicr. The third piece is
 * @high, not @h: for a symbol, @h is R_PPC64_ADDR16_HI, which the linker range-checks as
 * a signed 32-bit value and so rejects 0xc000... addresses; @high (R_PPC64_ADDR16_HIGH)
 * is the same bits without the check, as the kernel uses today.
 */
#define LOAD_REG_IMMEDIATE(reg, expr)		\
	lis	reg,(expr)@highest;		\
	ori	reg,reg,(expr)@higher;		\
	rldicr	reg,reg,32,31;			\
	oris	reg,reg,(expr)@high;		\
	ori	reg,reg,(expr)@l

/*
 * An ELFv1 function: the descriptor `name` in .opd (entry, TOC base, environment) and
 * the code label `.name`. Callers in the image `bl .name`; pointers hold the descriptor.
 */
#define _GLOBAL(name)				\
	.section ".text";			\
	.align 2;				\
	.globl name;				\
	.globl GLUE(.,name);			\
	.section ".opd","aw";			\
	.align 3;				\
name:						\
	.quad GLUE(.,name);			\
	.quad .TOC.@tocbase;			\
	.quad 0;				\
	.previous;				\
	.type GLUE(.,name),@function;		\
GLUE(.,name):

/* Stack frame save/restore of GPRs in the pt_regs image (GPR0 etc. come from asm-offsets). */
#define SAVE_GPR(n, base)	std	n,GPR0+8*(n)(base)
#define REST_GPR(n, base)	ld	n,GPR0+8*(n)(base)
#define SAVE_2GPRS(n, base)	SAVE_GPR(n, base); SAVE_GPR(n+1, base)
#define SAVE_4GPRS(n, base)	SAVE_2GPRS(n, base); SAVE_2GPRS(n+2, base)
#define SAVE_8GPRS(n, base)	SAVE_4GPRS(n, base); SAVE_4GPRS(n+4, base)
#define SAVE_10GPRS(n, base)	SAVE_8GPRS(n, base); SAVE_2GPRS(n+8, base)
#define REST_2GPRS(n, base)	REST_GPR(n, base); REST_GPR(n+1, base)
#define REST_4GPRS(n, base)	REST_2GPRS(n, base); REST_2GPRS(n+2, base)
#define REST_8GPRS(n, base)	REST_4GPRS(n, base); REST_4GPRS(n+4, base)
#define REST_10GPRS(n, base)	REST_8GPRS(n, base); REST_2GPRS(n+8, base)
#define SAVE_NVGPRS(base)	SAVE_8GPRS(14, base); SAVE_10GPRS(22, base)
#define REST_NVGPRS(base)	REST_8GPRS(14, base); REST_10GPRS(22, base)

/* A guest GPR's slot in vcpu->arch.gpr[] (only r14-r31 are live there while the vcpu runs). */
#define VCPU_GPR(n)	(VCPU_GPRS + (n * 8))

#define RFI		rfid
#define HMT_MEDIUM	or 2,2,2

#endif /* KVM_ASM_PPC_ASM_H */
