# ELFv1 function descriptors: a call to the descriptor symbol, a call to a dot symbol that only
# the descriptor defines, .TOC.@tocbase, and the entry point on a descriptor.
	.section ".opd","aw"
	.align 3
	.globl _start
_start:	.quad .L._start, .TOC.@tocbase, 0
	.globl callee
callee:	.quad .L.callee, .TOC.@tocbase, 0

	.text
.L._start:
	bl callee
	nop
	bl .callee
	nop
	ld 3, tocword@toc(2)
	b .
.L.callee:
	blr

	.section ".toc","aw"
tocword: .quad callee
