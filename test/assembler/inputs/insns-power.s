# Server-only instructions need a POWER CPU (GNU as rejects them for the default CPU).
	.machine power7
	hrfid
	tlbiel	3
	slbia
	mtmsrd	3, 1
