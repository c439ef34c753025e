/* A ppc_asm.h-style header, written for the tests. */
#ifndef TEST_ASM_H
#define TEST_ASM_H

#define r0	0
#define r1	1
#define r2	2
#define r3	3
#define r4	4
#define r5	5
#define r6	6
#define r7	7
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
#define cr7	7

#define SPRN_SRR0	0x01A
#define SPRN_SRR1	0x01B
#define SPRN_SPRG1	0x111
#define SPRN_SPRG2	0x112
#define SPRN_HID5	1014

#define MSR_SF		(1 << 63)
#define MSR_ME		(1 << 12)
#define MSR_RI		(1 << 1)
#define MSR_IR		(1 << 5)
#define MSR_DR		(1 << 4)
/* deliberately unparenthesised, as Linux had it */
#define MSR_		MSR_ME | MSR_RI | MSR_IR | MSR_DR
#define MSR_KERNEL	MSR_ | MSR_SF

#define GLUE(a,b)	a##b
#define XGLUE(a,b)	GLUE(a,b)

#define LOAD_REG_IMMEDIATE(reg,expr)		\
	lis     (reg),(expr)@highest;		\
	ori     (reg),(reg),(expr)@higher;	\
	rldicr  (reg),(reg),32,31;		\
	oris    (reg),(reg),(expr)@h;		\
	ori     (reg),(reg),(expr)@l;

#define _GLOBAL(name) \
	.section ".text"; \
	.align 2 ; \
	.globl name; \
	.globl GLUE(.,name); \
	.section ".opd","aw"; \
name: \
	.quad GLUE(.,name); \
	.quad .TOC.@tocbase; \
	.quad 0; \
	.previous; \
	.type GLUE(.,name),@function; \
GLUE(.,name):

#define SAVE_GPR(n, base)	std	n,GPR0+8*(n)(base)
#define REST_GPR(n, base)	ld	n,GPR0+8*(n)(base)
#define SAVE_2GPRS(n, base)	SAVE_GPR(n, base); SAVE_GPR(n+1, base)
#define SAVE_4GPRS(n, base)	SAVE_2GPRS(n, base); SAVE_2GPRS(n+2, base)
#define SAVE_8GPRS(n, base)	SAVE_4GPRS(n, base); SAVE_4GPRS(n+4, base)
#define SAVE_10GPRS(n, base)	SAVE_8GPRS(n, base); SAVE_2GPRS(n+8, base)
#define SAVE_NVGPRS(base)	SAVE_8GPRS(14, base); SAVE_10GPRS(22, base)
#define GPR0	112

#endif /* TEST_ASM_H */
