# Sections, subsections, alignment and space directives.
	.text
	nop
	.align	4
	.long	1
	.p2align 4,,4
	.long	2
	.p2align 5, 0x11, 31
	.balign	8, 0x22
	.long	3
	.byte	1
	.align	3
	.long	4
	.section .data
	.byte	1
	.align	3
	.quad	5
	.balignw 8, 0x1234
	.balignl 16, 0xdeadbeef
	.section .rodata.str, "a"
	.asciz	"hello"
	.pushsection .text.hot, "ax", @progbits
	blr
	.popsection
	.ascii	"abc", "de"
	.string	"x\ty\n\001\\\""
	.section ".opd", "aw"
	.quad	.f, .TOC.@tocbase, 0
	.section .toc, "aw"
	.tc	x[TC], 0x55
	.text
	.long	6
	.previous
	.byte	7
	.data
	.space	3
	.skip	2, 0xaa
	.zero	4
	.fill	2, 4, 0x01020304
	.fill	3, 2, 0xabcd
	.fill	1
	.org	0x40
	.byte	8
	.org	. + 4, 0xee
	.byte	9
	.bss
	.space	16
	.lcomm	buf, 32, 8
	.comm	common_sym, 24, 8
	.section .note.test
	.long	1
	.section .init_array, "aw"
	.quad	.f
	.section .text
.f:	blr
