	.text
	.globl _start
_start:
	bl util_a
	nop
	b .
