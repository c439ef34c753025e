# The data segment's placement: relro content (.data.rel.ro) padded to a page boundary, and a
# segment that straddles a 4 KiB page boundary by little enough for DATA_SEGMENT_ALIGN's
# page-saving form.
	.text
	.globl _start
_start:
	b .
	.space 0x5dc0
	.section .data.rel.ro,"aw"
relro_ptr:
	.quad _start
	.data
	.globl table
table:
	.space 0x300
