#include "core/sorted.h"

#include <stdlib.h> /* qsort */

/* Below this, insertion sort beats qsort's call overhead; sentences and
 * short articles give such sets all the time. */
#define SMALL 32

static int cmp_u32(const void *a, const void *b)
{
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;

	return x < y ? -1 : x > y;
}

static int cmp_u64(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;

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

size_t nd_sort_unique_u64(uint64_t *a, size_t n)
{
	size_t i, k = 0;

	qsort(a, n, sizeof(*a), cmp_u64);
	for (i = 0; i < n; i++) {
		if (k == 0 || a[k - 1] != a[i])
			a[k++] = a[i];
	}
	return k;
}

size_t nd_sorted_common_u64(const uint64_t *a, size_t na, const uint64_t *b,
			    size_t nb)
{
	size_t i = 0, j = 0, common = 0;

	while (i < na && j < nb) {
		if (a[i] < b[j]) {
			i++;
		} else if (b[j] < a[i]) {
			j++;
		} else {
			common++;
			i++;
			j++;
		}
	}
	return common;
}
