# --gc-sections: one section per function; only what _start reaches (plus KEEP) survives.
	.section ".text._start","ax"
	.globl _start
_start:
	bl used_fn
	nop
	b .

	.section ".text.used_fn","ax"
	.globl used_fn
used_fn:
	lis 3, used_data@ha
	lwz 3, used_data@l(3)
	blr

	.section ".text.unused_fn","ax"
	.globl unused_fn
unused_fn:
	bl used_fn
	blr

	.section ".data.used","aw"
	.globl used_data
used_data: .long 1

	.section ".data.unused","aw"
	.globl unused_data
unused_data: .long 2

	.section ".keepme","aw"
	.globl kept_table
kept_table: .quad unused_fn2

	.section ".text.unused_fn2","ax"
	.globl unused_fn2
unused_fn2: blr
