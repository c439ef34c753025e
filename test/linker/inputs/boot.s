# A bare-metal pseries program linked by ppc64-ld and booted under qemu (VOF, -kernel): it prints
# a line through H_PUT_TERM_CHAR and powers off through QEMU's RTAS hcall. Linked at 0x400000
# with load address 0, where qemu's loader puts it.
	.section ".text"
	.globl _start
_start:
	lis 9, msg@ha
	addi 9, 9, msg@l
	ld 6, 0(9)
	ld 7, 8(9)
	li 3, 0x58		# H_PUT_TERM_CHAR
	li 4, 0			# the default vty
	li 5, 12		# "LD-BOOT-OK\r\n"
	sc 1
	lis 4, rtas_args@ha
	addi 4, 4, rtas_args@l
	li 3, 0
	ori 3, 3, 0xf000	# KVMPPC_H_RTAS
	sc 1
1:	b 1b

	.data
	.align 3
msg:	.ascii "LD-BOOT-OK\r\n\0\0\0\0"
	.align 2
rtas_args:
	.long 0x2003, 2, 1, 0, 0, 0	# power-off: token, nargs, nret, args, ret
