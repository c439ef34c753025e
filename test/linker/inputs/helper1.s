	.section ".text"
	.globl helper_one
helper_one:
	lis 3, shared_count@ha
	lwz 4, shared_count@l(3)
	blr
	.comm shared_buf, 128, 8

	.section .rodata
	.globl one_str
one_str: .asciz "one"
