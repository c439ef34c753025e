	.section ".text"
	.globl weak_hook
weak_hook:
	li 3, 1
	blr
