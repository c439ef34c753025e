# For the CLI tests: clear the program-interrupt vector, then execute an illegal instruction.
# With zeros at 0x700 the vector raises the program interrupt again, forever (as on qemu).
	.globl _start
_start:
	li 3, 0
	stw 3, 0x700(0)
	.long 0
