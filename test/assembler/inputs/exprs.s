# gas expressions: precedence (not C's), comparisons, shifts, symbols, forward references.
	.data
	.set	MSR_SF, 1 << 63
	.set	MSR_ME, 1 << 12
	.set	MSR_RI, 1 << 1
	.set	MSR_IR, 1 << 5
	.set	MSR_DR, 1 << 4
	.set	MSR_KERNEL, MSR_SF | MSR_ME | MSR_RI | MSR_IR | MSR_DR
	.quad	MSR_KERNEL & ~(MSR_IR|MSR_DR)
	.quad	MSR_SF | MSR_ME & ~MSR_ME
	.long	1|2|4 & ~2
	.long	3 == 3, 3 != 3, 3 <> 4, 2 < 3, 2 > 3, 2 <= 2, 2 >= 3
	.long	1 && 2, 0 || 0, 1 || 1 && 0
	.long	2 * 3 << 1, 1 << 2 * 3
	.long	-2 >> 1
	.long	10 / -3, -10 % 3, 7 % 3
	.long	1 ! 2
	.long	~0, -(-5), !0, !5
	.long	'a', 'Z, '\n
	.long	0x7fffffff, 0b1011, 017, 42
	.long	2 + 3 == 5, 5 == 2 + 3
	.byte	-1, 255, 0x80
	.short	-32768, 65535
	counter = 0
	.rept	5
	counter = counter + 2
	.endr
	.long	counter
	.long	fwd_const
	.quad	later - here
here:	.long	0
	.long	. - here
later:
	.long	fwd_a * 2
	.set	fwd_const, 0x1234
	.equ	fwd_a, 21
	.equiv	once, 5
	.long	once
	.long	end_label - start_label
start_label:
	.space	12
end_label:
	.text
	li	3, fwd_const
	li	4, (MSR_KERNEL & ~(MSR_IR|MSR_DR))@l
	lis	5, (0xB000000000001002)@highest
	addi	6, 6, later - here
	li	7, end_label - start_label
	# .set may redefine what .set defined; earlier references keep the value they saw
	.data
set_base:
	.long	0
	.set	moving, 5
	.long	moving
	.set	moving, moving + 1
	.long	moving
	.set	alias, set_base
	.long	alias
	.set	alias, here
	.long	alias
