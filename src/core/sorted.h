/* Sorted arrays of distinct ids or hashes, used as small sets. */
#ifndef ND_CORE_SORTED_H
#define ND_CORE_SORTED_H

#include <stddef.h> /* size_t */
#include <stdint.h> /* uint64_t */

/* Sorts a[0..n) ascending and drops repeats; returns how many remain. */
size_t nd_sort_unique_u32(uint32_t *a, size_t n);
size_t nd_sort_unique_u64(uint64_t *a, size_t n);
/* Sorts a[0..n) ascending, repeats kept: a multiset for
 * nd_sorted_common_u64 (similar's clipped n-gram counts). */
void nd_sort_u64(uint64_t *a, size_t n);
/* As nd_sort_unique_u64, through tmp (room for n), for keys spread evenly
 * over 64 bits (hashes: dedup's shingle sets and sentence indexes), which
 * it sorts in a third of the time; any keys sort right. */
size_t nd_sort_unique_spread_u64(uint64_t *h, uint64_t *tmp, size_t n);

/* The first index of the ascending a[0..n) whose value is at least v (n
 * when none is): how many values lie below v. */
size_t nd_sorted_lower_u32(const uint32_t *a, size_t n, uint32_t v);
size_t nd_sorted_lower_u64(const uint64_t *a, size_t n, uint64_t v);

/* Size of the intersection of a[0..na) and b[0..nb), both sorted ascending
 * without repeats; one merge pass. With repeats, the size of the multiset
 * intersection (a value counts as often as the side holding it fewer
 * times does). */
size_t nd_sorted_common_u64(const uint64_t *a, size_t na, const uint64_t *b,
			    size_t nb);
/* As nd_sorted_common_u64 when the intersection holds need or more; else
 * some count below need, returned as soon as the rest of the sets cannot
 * make up the difference (a test against a threshold need not count
 * further). */
size_t nd_sorted_common_u64_min(const uint64_t *a, size_t na,
				const uint64_t *b, size_t nb, size_t need);

#endif
