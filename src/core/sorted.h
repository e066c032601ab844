/* Operations on sorted arrays of distinct 64-bit values (hash sets). */
#ifndef ND_CORE_SORTED_H
#define ND_CORE_SORTED_H

#include <stddef.h> /* size_t */
#include <stdint.h> /* uint64_t */

/* Size of the intersection of a[0..na) and b[0..nb), both sorted ascending
 * without repeats; one merge pass. */
size_t nd_sorted_common_u64(const uint64_t *a, size_t na, const uint64_t *b,
			    size_t nb);

#endif
