# gas macros, repetition and conditionals.
	.macro	SAVE_REG n, base=1, off=0
	std	\n, (\off + 8 * \n)(\base)
	.endm

	.macro	INTERRUPT_TRAMPOLINE intno
	.global	trampoline_\intno
trampoline_\intno:
	mtspr	274, 13
	li	12, \intno
	b	common_\()\intno
	.endm

	.macro	needs req:req, opt=3
	li	\req, \opt
	.endm

	.macro	sum first, rest:vararg
	.long	\first
	.ifnb	\rest
	sum	\rest
	.endif
	.endm

	.macro	uniq
	b	.Lskip\@
	nop
.Lskip\@:
	.endm

	.macro	early x
	.if	\x == 0
	.exitm
	.endif
	li	3, \x
	.endm

	.macro	cmp_str a, b
	.ifc	\a, \b
	li	3, 1
	.else
	li	3, 0
	.endif
	.endm

	.text
	SAVE_REG 14
	SAVE_REG 15, 13
	SAVE_REG n=16, base=7, off=0x100
	SAVE_REG 17 1 8
	INTERRUPT_TRAMPOLINE 0x300
	INTERRUPT_TRAMPOLINE 0x900
	needs	4
	needs	5, 6
	uniq
	uniq
	early	0
	early	9
	cmp_str	foo, foo
	cmp_str	foo, bar
	.rept	3
	addi	3, 3, 1
	.endr
	.irp	reg, 14, 15, 16
	std	\reg, (\reg * 8)(1)
	.endr
	.irpc	d, 0123
	li	\d, \d
	.endr
	.set	i, 0
	.rept	4
	.if	i == 2
	nop
	.elseif	i == 3
	mr	3, 3
	.else
	li	i, i
	.endif
	.set	i, i + 1
	.endr
	.ifdef	i
	li	9, 1
	.endif
	.ifndef	nosuch
	li	9, 2
	.endif
	.ifeq	0
	li	9, 3
	.endif
	.ifne	1
	li	9, 4
	.endif
	.ifb
	li	9, 5
	.endif
	.ifnc	a, b
	li	9, 6
	.endif
	.if	(1 == 1) || 0
	li	9, 7
	.endif
	.purgem	uniq
	.macro	uniq
	li	9, 8
	.endm
	uniq
common_0x300:
common_0x900:
	blr
	.data
	sum	1, 2, 3, 4
