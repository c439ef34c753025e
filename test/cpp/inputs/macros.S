/* Macro expansion rules: rescanning, blue paint, prescan, paste, stringify. */
#define foo foo
	foo
#define a b
#define b a
	a b
#define f(x) x f
	f(1)(2)
#define g(x) g(x) x
	g(g(1))
#define AA BB
#define BB AA
	AA BB
#define hash_hash # ## #
#define mkstr(a) # a
#define in_between(a) mkstr(a)
#define join(c, d) in_between(c hash_hash d)
	char p[] = join(x, y);
#define t(x,y,z) x ## y ## z
	t(1,2,3) t(,4,5) t(6,,7) t(8,9,) t(10,,) t(,11,) t(,,12) t(,,)
#define OBJ_LIKE (1-1)
#define OBJ_LIKE /* white space */ (1-1) /* other */
#define FUNC_LIKE(a) ( a )
#define FUNC_LIKE( a )( /* note the white space */ \
	a /* other stuff on this line
	*/ )
	OBJ_LIKE FUNC_LIKE(z)
#define debug(...) fprintf(stderr, __VA_ARGS__)
#define showlist(...) puts(#__VA_ARGS__)
#define report(test, ...) ((test)?puts(#test): printf(__VA_ARGS__))
	debug("Flag");
	debug("X = %d\n", x);
	showlist(The first, second, and third items.);
	report(x>y, "x is %d but y is %d", x, y);
#define str(s) # s
#define xstr(s) str(s)
#define INCFILE(n) vers ## n
	xstr(INCFILE(2).h) str(strncmp("abc\0d", "abc", '\4') == 0)
#define hash #
	hash define not_a_directive 1
	not_a_directive
#define EMPTY
#define LPAREN (
#define RPAREN )
#define F2(x, y) x + y
#define ELLIP_FUNC(...) __VA_ARGS__
	ELLIP_FUNC(F2, LPAREN, 'a', 'b', RPAREN);
#define NIL(xxx) xxx
#define G_0(arg) NIL(G_1)(arg)
#define G_1(arg) NIL(arg)
	G_0(42)
#define APPLY(m, x) m(x)
#define TWICE(x) x x
	APPLY(TWICE, 7) APPLY(TWICE, APPLY(TWICE, 8))
#define COUNT __COUNTER__
	COUNT COUNT __COUNTER__
#define VA(fmt, args...) printk(fmt , ## args)
	VA("a") VA("b", 1) VA("c", 1, 2)
#define OPT(x, ...) x __VA_OPT__(: __VA_ARGS__)
	OPT(1) OPT(2, y) OPT(3, y, z)
#define NESTED(x) (x + NESTED(x))
	NESTED(NESTED(1))
#define ARGS(a, b) <a|b>
	ARGS((1, 2), [3 4]) ARGS(, ) ARGS( (,) , ((,)) )
#define CAT3(a, b, c) a ## b ## c
	CAT3(r, 1, 4) CAT3(0x, 1f, 00) CAT3(-, -, -)
#define HASHPASTE(a, b) a # ## b
	HASHPASTE(., name) HASHPASTE(x, y)
