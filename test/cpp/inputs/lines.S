/* Blank-line runs, splices and comments that must keep line numbers right. */
a1
b1

c2


d3



e4




f5





g6






h7







i8








j9
#define MULTI(x) \
	first x; \
	second x
	MULTI(1)
	k \
	continued \
	line
	l /* comment
	   spanning */ m
	n /* c1 */ /* c2 */ o
	// line comment \
	   continued by backslash
	p
	q \   
	trailing_blanks_after_backslash
#define FL(x) x __LINE__
	FL(
	__LINE__
	)
	FL(r
	) after
	r
#line 500
	s __LINE__
#line 600 "renamed.S"
	t __LINE__ __FILE__
#define F(x) [x]
	F
	(u)
	F
	v
F
#define W w
	F(W
	)
#pragma once
#pragma push_macro("W")
#undef W
	W
#pragma pop_macro("W")
	W
#ident "ident strings are dropped"
	z
