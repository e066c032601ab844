#include "core/sorted.h"

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
