# as-flags: -mpower10
# POWER10 prefixed instructions: 64-byte boundaries, PC-relative and D34 relocations; constant branch targets are displacements.
	.machine power10
	b 0x100
	beq 0x40
	bl -8
	pld 3, ext@pcrel
	pld 4, ext
	pla 5, ext@pcrel
	paddi 6, 7, ext
	plwz 8, ext@pcrel
	pld 9, 16(10)
	pld 9, 16(0), 1
	nop
	paddi 3, 0, lbl@pcrel
lbl:
	blr
