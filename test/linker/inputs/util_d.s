	.text
	.globl util_d
util_d:	blr
