#ifndef _ASM_POWERPC_TYPES_H
#define _ASM_POWERPC_TYPES_H
/* Nothing for assembly: the guard alone must make the second include a no-op. */
#endif /* _ASM_POWERPC_TYPES_H */
