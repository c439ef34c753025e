# The data segment without relro content: DATA_SEGMENT_ALIGN alone decides (see dataseg.s).
	.text
	.globl _start
_start:
	b .
	.space 0x5dc0
	.data
	.globl table
table:
	.space 0x300
