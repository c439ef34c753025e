/* First -I directory's copy: hands over to the next one. */
extra_from_include __FILE__
#include_next <asm/extra.h>
