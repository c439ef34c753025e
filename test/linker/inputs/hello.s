# One object, default layout: code, read-only data, data and bss.
	.section ".text"
	.globl _start
	.type _start,@function
_start:
	lis 3, msg@ha
	addi 3, 3, msg@l
	lis 4, counter@ha
	lwz 5, counter@l(4)
	addi 5, 5, 1
	stw 5, counter@l(4)
	b _start
	.size _start, .-_start

	.section ".rodata"
msg:	.asciz "hello, world"

	.data
	.globl counter
	.align 2
counter: .long 41
	.byte 7

	.bss
	.globl buffer
buffer:	.space 100
