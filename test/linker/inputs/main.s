# Many objects: calls across files, data pointers, a weak default, commons.
	.section ".text"
	.globl _start
_start:
	bl helper_one
	nop
	bl helper_two
	nop
	bl weak_hook
	nop
	lis 9, table@ha
	ld 10, table@l(9)
	b .

	.data
	.align 3
	.globl table
table:	.quad helper_one, helper_two, shared_buf, 0
	.long shared_count

	.comm shared_buf, 64, 16
	.comm shared_count, 4, 4
