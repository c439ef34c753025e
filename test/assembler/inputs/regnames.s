# as-flags: -mregnames -mpower7
# Register names: %-prefixed always, bare names with -mregnames; CR fields and bits.
	.text
	addi	r3, r4, 1
	addi	%r3, %r4, 1
	add	r31, sp, rtoc
	lfd	f1, 8(r1)
	fadd	f0, f1, f31
	cmpw	cr7, r3, r4
	cmpwi	%cr2, %r3, 0
	beq	cr1, 1f
	crxor	4*cr1+eq, 4*cr2+gt, 4*cr7+so
	bt	4*cr3+lt, 1f
1:	mtcrf	0x80, r0
	std	r14, 8*14(r1)
	ld	r3, -8(%r1)
	vaddubm	v1, v2, v31
	lvx	v0, r3, r4
