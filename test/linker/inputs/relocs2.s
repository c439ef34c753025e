	.text
	.globl far_fn, far_fn_short
far_fn:
far_fn_short:
	blr
