	.text
	.globl util_b
util_b:	blr
	.data
	.quad 0xbbbbbbbbbbbbbbbb
