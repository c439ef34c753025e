#if !defined(SIBLING_H)
#define SIBLING_H
sibling_text __FILE__
#include "../local.h"
#endif /* SIBLING_H */
