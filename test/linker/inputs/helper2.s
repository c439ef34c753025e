	.section ".text"
	.globl helper_two
helper_two:
	bl helper_one
	blr
	.weak weak_hook
weak_hook:
	blr
	.data
	.long 0x12345678
