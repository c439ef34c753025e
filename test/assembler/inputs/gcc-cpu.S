/* gcc -c passes -mpower4 -many to gas: .S input gets those encodings (hints, mtocrf, mftb) and every CPU's instructions. */
#define X 1
	beq+ 1f
	bne- 1f
	bdnz+ 1f
1:	mtcrf 0x80,3
	mfcr 3
	mftb 3
	hrfid
	lwsync
	vor 1,2,3
	xxlor 1,2,3
	fadd 1,2,3
	tlbie 3
	dcbt 0,3
	mtmsrd 3
