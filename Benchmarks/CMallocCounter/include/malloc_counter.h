// Counts calls to malloc, calloc and realloc in this process, for the
// benchmark's "allocations per trial". Linked only into funnelcast-bench:
// the executable's definitions interpose glibc's, which do the work.
#ifndef FUNNELCAST_MALLOC_COUNTER_H
#define FUNNELCAST_MALLOC_COUNTER_H
#include <stdint.h>
uint64_t fc_malloc_count(void);
#endif
