#include "dedup/spread.h"

#include <string.h> /* memset */

#include "core/sorted.h"

/* Most buckets: a 16 KiB table of counts. A larger set goes to
 * nd_sort_unique_u64, whose time grows slower with size. */
#define SPREAD_MAX_BITS 12
/* Below this, the table costs more than it saves. */
#define SPREAD_MIN 32
/* Moves of the insertion sort allowed per key, bounded by the squares of
 * the bucket sizes: keys less spread than that (an article repeats a name
 * a few times, which is fine; keys in few buckets are not) go to
 * nd_sort_unique_u64, so the time stays linear whatever the keys. */
#define SPREAD_WORK 16

/* One pass by the top bits into about as many buckets as there are keys
 * leaves few out of order, and an insertion sort puts those right. */
size_t nd_spread_sort_unique(uint64_t *h, uint64_t *tmp, size_t n)
{
	uint32_t start[1u << SPREAD_MAX_BITS];
	unsigned bits = 1;
	size_t i, j, k, buckets, work = 0;

	while (bits < SPREAD_MAX_BITS && (1u << bits) < n)
		bits++;
	if (n < SPREAD_MIN || (n >> bits) > 4)
		return nd_sort_unique_u64(h, n);
	buckets = (size_t)1 << bits;
	memset(start, 0, buckets * sizeof(start[0]));
	for (i = 0; i < n; i++)
		start[h[i] >> (64 - bits)]++;
	for (i = 0, k = 0; i < buckets; i++) {
		size_t c = start[i];

		work += c * c;
		start[i] = (uint32_t)k;
		k += c;
	}
	if (work > SPREAD_WORK * n)
		return nd_sort_unique_u64(h, n);
	for (i = 0; i < n; i++)
		tmp[start[h[i] >> (64 - bits)]++] = h[i];
	for (i = 1; i < n; i++) {
		uint64_t x = tmp[i];

		for (j = i; j > 0 && tmp[j - 1] > x; j--)
			tmp[j] = tmp[j - 1];
		tmp[j] = x;
	}
	for (i = 0, k = 0; i < n; i++) {
		if (k == 0 || h[k - 1] != tmp[i])
			h[k++] = tmp[i];
	}
	return k;
}

