# For the CLI tests: a counting loop in the host (supervisor, real mode) that never ends by
# itself, for --max-insns and --inject. The loop is idempotent per instruction, so the runtime's
# "skip the interrupted instruction" policy for host interrupts does not change its course.
	.include "rt.inc"
	.text
	.globl main
main:
	PUTS "spinning\r\n"
	li r20, 0
1:	addi r20, r20, 1
	nop
	nop
	b 1b
