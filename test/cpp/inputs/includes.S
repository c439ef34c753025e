/* Include chains: -I order, "..." relative to the includer, guards, once, include_next. */
#include "local.h"
#include "local.h"
#include "sub/nested.h"
#include <asm/extra.h>
#include "once.h"
#include "once.h"
#define HEADER <asm/types.h>
#include HEADER
#define QHEADER "local.h"
#include QHEADER
#if __has_include("local.h") && !__has_include(<no/such/header.h>)
has_include_works
#endif
after_includes __FILE__ __LINE__ __INCLUDE_LEVEL__
#include \
	"local.h"
spliced_include_done
