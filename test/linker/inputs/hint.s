# Branch-prediction relocations (_BRTAKEN/_BRNTAKEN) on CR and CTR forms of bc: the linker sets the "at" hint bits.
	.text
	.globl _start
_start:
	.reloc ., R_PPC64_REL14_BRTAKEN, tgt
	bc 12, 2, 0
	.reloc ., R_PPC64_REL14_BRNTAKEN, tgt
	bc 4, 2, 0
	.reloc ., R_PPC64_REL14_BRTAKEN, tgt
	bc 16, 0, 0
	.reloc ., R_PPC64_REL14_BRNTAKEN, tgt
	bc 18, 0, 0
	.reloc ., R_PPC64_REL14_BRTAKEN, tgt
	bc 20, 0, 0
	.reloc ., R_PPC64_ADDR14_BRTAKEN, tgt
	bca 13, 2, 0
	.reloc ., R_PPC64_ADDR14_BRNTAKEN, tgt
	bca 5, 2, 0
	.reloc ., R_PPC64_REL14_BRNTAKEN, tgt
	bc 17, 0, 0
tgt:	blr
