# Statement separation and the location counter, as the Linux vectors use them.
	.macro	HMT_MEDIUM
	or	2, 2, 2
	.endm
	.macro	DO_KVM n
	.if	\n == 0x300
	b	handler_\n
	.endif
	.endm
	.text
	. = 0x100
vec_100:
	li 3, 1; HMT_MEDIUM; li 4, 2
	. = 0x300
vec_300:
	HMT_MEDIUM; DO_KVM 0x300; mtspr 274, 13
	.rept 2; li 5, 5; .endr; li 6, 6
	.macro	N; li 7, 7; .endm; N
	. = . + 8
handler_0x300:
	blr
	.data
	.long 1; .long 2 # comment; not a statement
	.ascii "a;b#c"; .byte ';'
