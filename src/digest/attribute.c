#include "digest/digest_internal.h"

#include <stdlib.h> /* qsort */

#include "core/arena.h"

static int cmp_size(const void *a, const void *b)
{
	size_t x = *(const size_t *)a, y = *(const size_t *)b;

	return x < y ? -1 : x > y;
}

int nd_digest_attribute(nd_summary_item *items, const size_t *chosen,
			size_t n, nd_dprobe *p, nd_arena *arena)
{
	const nd_dstory *s = p->s;
	size_t i;

	for (i = 0; i < n; i++) {
		size_t nf = nd_dprobe_all(p, chosen[i]), j, k = 0;

		for (j = 0; j < nf; j++)
			p->list[j] = s->members[p->list[j]];
		qsort(p->list, nf, sizeof(*p->list), cmp_size);
		/* A story listing an article twice still cites it once. */
		for (j = 0; j < nf; j++) {
			if (k == 0 || p->list[k - 1] != p->list[j])
				p->list[k++] = p->list[j];
		}
		items[i].sources = nd_arena_memdup(arena, p->list, k,
						   sizeof(*p->list));
		if (items[i].sources == NULL)
			return ND_ENOMEM;
		items[i].n_sources = k;
	}
	return ND_OK;
}
