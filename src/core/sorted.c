#include "core/sorted.h"

#include <stdlib.h> /* qsort */
#include <string.h> /* memset */

/* Below this, insertion sort beats qsort's call overhead; sentences and
 * short articles give such sets all the time. */
#define SMALL 32

static int cmp_u32(const void *a, const void *b)
{
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;

	return x < y ? -1 : x > y;
}

size_t nd_sort_unique_u32(uint32_t *a, size_t n)
{
	size_t i, j, k = 0;

	if (n > SMALL) {
		qsort(a, n, sizeof(*a), cmp_u32);
	} else {
		for (i = 1; i < n; i++) {
			uint32_t x = a[i];

			for (j = i; j > 0 && a[j - 1] > x; j--)
				a[j] = a[j - 1];
			a[j] = x;
		}
	}
	for (i = 0; i < n; i++) {
		if (k == 0 || a[k - 1] != a[i])
			a[k++] = a[i];
	}
	return k;
}

static void insertion_u64(uint64_t *a, size_t n)
{
	size_t i, j;

	for (i = 1; i < n; i++) {
		uint64_t x = a[i];

		for (j = i; j > 0 && a[j - 1] > x; j--)
			a[j] = a[j - 1];
		a[j] = x;
	}
}

/* Sorts a[0..n) by an in-place radix sort from the highest byte where
 * its values differ down (American flag sort): linear and without
 * allocation, where qsort's call per comparison dominated the dedup
 * stage's shingle and index sorts. Recursion is at most 8 deep. */
static void flag_sort_u64(uint64_t *a, size_t n);

/* One pass of flag_sort_u64 on more than SMALL values, and the recursion
 * into its buckets. Apart so that short buckets skip its tables. */
static void flag_pass_u64(uint64_t *a, size_t n)
{
	size_t count[256] = { 0 }, start[256], next[256], sum = 0, d, i;
	uint64_t differ = 0;
	unsigned shift = 56;

	for (i = 1; i < n; i++)
		differ |= a[i] ^ a[0];
	if (differ == 0)
		return;
	while (!(differ >> shift))
		shift -= 8;
	for (i = 0; i < n; i++)
		count[(a[i] >> shift) & 0xff]++;
	for (d = 0; d < 256; d++) {
		start[d] = next[d] = sum;
		sum += count[d];
	}
	for (d = 0; d < 256; d++) {
		while (next[d] < start[d] + count[d]) {
			uint64_t v = a[next[d]];
			size_t to = (v >> shift) & 0xff;

			/* Carry v to its bucket, and what it displaces to
			 * that one's, until one belongs here. */
			while (to != d) {
				uint64_t t = a[next[to]];

				a[next[to]++] = v;
				v = t;
				to = (v >> shift) & 0xff;
			}
			a[next[d]++] = v;
		}
	}
	if (shift == 0)
		return;
	for (d = 0; d < 256; d++)
		flag_sort_u64(a + start[d], count[d]);
}

static void flag_sort_u64(uint64_t *a, size_t n)
{
	if (n <= SMALL)
		insertion_u64(a, n);
	else
		flag_pass_u64(a, n);
}

void nd_sort_u64(uint64_t *a, size_t n)
{
	flag_sort_u64(a, n);
}

size_t nd_sort_unique_u64(uint64_t *a, size_t n)
{
	size_t i, k = 0;

	flag_sort_u64(a, n);
	for (i = 0; i < n; i++) {
		if (k == 0 || a[k - 1] != a[i])
			a[k++] = a[i];
	}
	return k;
}

/* Binary search, one body for both widths. */
#define LOWER_BOUND(a, n, v)                                              \
	do {                                                               \
		size_t lo = 0, hi = (n);                                   \
		while (lo < hi) {                                          \
			size_t mid = lo + (hi - lo) / 2;                   \
			if ((a)[mid] < (v))                                \
				lo = mid + 1;                              \
			else                                               \
				hi = mid;                                  \
		}                                                          \
		return lo;                                                 \
	} while (0)

size_t nd_sorted_lower_u32(const uint32_t *a, size_t n, uint32_t v)
{
	LOWER_BOUND(a, n, v);
}

size_t nd_sorted_lower_u64(const uint64_t *a, size_t n, uint64_t v)
{
	LOWER_BOUND(a, n, v);
}

size_t nd_sorted_common_u64(const uint64_t *a, size_t na, const uint64_t *b,
			    size_t nb)
{
	return nd_sorted_common_u64_min(a, na, b, nb, 0);
}

size_t nd_sorted_common_u64_min(const uint64_t *a, size_t na,
				const uint64_t *b, size_t nb, size_t need)
{
	size_t i = 0, j = 0, n = 0;

	while (i < na && j < nb) {
		uint64_t x = a[i], y = b[j];

		if (n + (na - i < nb - j ? na - i : nb - j) < need)
			return n;
		if (x != y) {
			/* Both steps from the values before either moves: a
			 * moved i may be na already. */
			i += x < y;
			j += y < x;
			continue;
		}
		n++;
		i++;
		j++;
	}
	return n;
}

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
size_t nd_sort_unique_spread_u64(uint64_t *h, uint64_t *tmp, size_t n)
{
	uint32_t start[1u << SPREAD_MAX_BITS];
	unsigned bits = 1;
	size_t i, k, buckets, work = 0;

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
	insertion_u64(tmp, n);
	for (i = 0, k = 0; i < n; i++) {
		if (k == 0 || h[k - 1] != tmp[i])
			h[k++] = tmp[i];
	}
	return k;
}
