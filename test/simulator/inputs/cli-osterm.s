# For the CLI tests: print a line, then end the run through RTAS ibm,os-term (a failing verdict).
	.include "rt.inc"
	.text
	.globl main
main:
	PUTS "about to fail\r\n"
	LA r3, message
	b os_term
	.section .rodata
message: .asciz "boom: the image gave up"
