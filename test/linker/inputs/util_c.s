	.text
	.globl util_c
util_c:	bl util_d
	blr
	.data
	.globl util_c_data
util_c_data: .quad util_a
