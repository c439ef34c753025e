#ifndef NESTED_H
#define NESTED_H
nested_before
#include "sibling.h"
nested_after __FILE__ __LINE__
#endif
