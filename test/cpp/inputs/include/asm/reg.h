#ifndef _ASM_POWERPC_REG_H
#define _ASM_POWERPC_REG_H

#define __MASK(X)	(ASM_CONST(1)<<(X))
#define MSR_SF_LG	63
#define MSR_ISF_LG	61
#define MSR_HV_LG	60
#define MSR_ME_LG	12
#define MSR_IR_LG	5
#define MSR_DR_LG	4
#define MSR_RI_LG	1
#define MSR_EE_LG	15
#define MSR_SF		__MASK(MSR_SF_LG)
#define MSR_ISF		__MASK(MSR_ISF_LG)
#define MSR_HV		__MASK(MSR_HV_LG)
#define MSR_ME		__MASK(MSR_ME_LG)
#define MSR_IR		__MASK(MSR_IR_LG)
#define MSR_DR		__MASK(MSR_DR_LG)
#define MSR_RI		__MASK(MSR_RI_LG)
#define MSR_EE		__MASK(MSR_EE_LG)
#define MSR_64BIT	MSR_SF
#define MSR_		MSR_ME | MSR_RI | MSR_IR | MSR_DR | MSR_ISF |MSR_HV
#define MSR_KERNEL	MSR_ | MSR_64BIT

#define SPRN_SRR0	0x01A
#define SPRN_SRR1	0x01B
#define SPRN_HSRR0	0x13A
#define SPRN_HSRR1	0x13B
#define SPRN_SPRG_SCRATCH0 0x110
#define SPRN_DAR	0x013
#define SPRN_DSISR	0x012

#define SLB_ESID_V	ASM_CONST(0x0000000008000000)
#define SLB_NUM_BOLTED	3

#define __stringify_1(x...)	#x
#define __stringify(x...)	__stringify_1(x)

#define mfspr(rn)	({unsigned long rval; \
			asm volatile("mfspr %0," __stringify(rn) \
				: "=r" (rval)); rval;})

#endif /* _ASM_POWERPC_REG_H */
