# Every relocation our assembler emits, against symbols in other sections and objects.
	.section ".text"
	.globl _start
_start:
	bl far_fn
	b far_fn
	beq 0, near_label
	bne 1, far_fn_short
	lis 3, data_sym@ha
	addi 3, 3, data_sym@l
	lis 3, data_sym@h
	ori 3, 3, data_sym@l
	addis 4, 0, data_sym@higha
	addis 4, 0, data_sym@high
	li 5, data_sym@higher
	li 5, data_sym@highera
	li 6, data_sym@highest
	li 6, data_sym@highesta
	ld 7, dword_sym@l(3)
	std 7, dword_sym@l(3)
	ld 8, tocent@toc(2)
	addis 9, 2, tocent@toc@ha
	ld 9, tocent@toc@l(9)
	addis 10, 2, data_sym@toc@ha
	addi 10, 10, data_sym@toc@l
	lis 11, data_sym@toc@h
	ld 12, data_sym@got(2)
	ld 12, dword_sym@got(2)
near_label:
	blr

	.section ".rodata"
	.align 3
	.quad data_sym
	.quad data_sym + 0x10
	.long data_sym
	.long far_fn - .
	.quad far_fn - .
	.quad .TOC.@tocbase
	.short data_sym@l
	.short data_sym@ha

	.section ".toc","aw"
tocent:	.quad data_sym

	.data
	.align 3
	.globl data_sym
data_sym: .quad 0x1122334455667788
	.globl dword_sym
dword_sym: .quad 5
