	.text
	.globl util_a
util_a:	b util_c
