# Kernel-like image: entry at 0, vectors at fixed offsets, real-mode code after the vectors,
# virtual addresses at KERNELBASE, load addresses from 0 (AT()).
	.section ".head.text","ax"
	.globl _stext
_stext:
	b start_here
	.long 0x12345678

	.section ".vec.0x100","ax"
	.globl vec_0x100
vec_0x100:
	mtsprg 2, 13
	b common_handler

	.section ".vec.0x300","ax"
	.globl vec_0x300
vec_0x300:
	mtsprg 2, 13
	b common_handler

	.section ".vec.0x900","ax"
	.globl vec_0x900
vec_0x900:
	mtsprg 2, 13
	ba 0x100

	.text
	.globl start_here
start_here:
	lis 3, boot_msg@highest
	ori 3, 3, boot_msg@higher
	rldicr 3, 3, 32, 31
	oris 3, 3, boot_msg@high
	ori 3, 3, boot_msg@l
	bl .kmain
	nop
	b .
	.globl common_handler
common_handler:
	mfsprg 13, 2
	rfid

	.section ".opd","aw"
	.align 3
	.globl kmain
kmain:	.quad .kmain, .TOC.@tocbase, 0
	.text
	.globl .kmain
.kmain:
	ld 4, boot_ptr@toc(2)
	blr

	.section ".toc","aw"
boot_ptr: .quad boot_msg

	.section ".rodata"
	.globl boot_msg
boot_msg: .asciz "booting"

	.data
	.align 3
	.globl vec_table
vec_table: .quad vec_0x100, vec_0x300, vec_0x900, _stext

	.bss
	.align 7
	.globl stack
stack:	.space 4096
