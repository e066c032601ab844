#include "digest/digest_internal.h"

#include <stdlib.h> /* qsort */

#include "core/arena.h"

/* A supporting article and its sentence stating the content. */
typedef struct source {
	size_t doc, sent;
} source;

/* By article, then by sentence: an article stating the content twice is
 * cited once, with its first such sentence. */
static int by_doc(const void *a, const void *b)
{
	const source *x = a, *y = b;

	if (x->doc != y->doc)
		return x->doc < y->doc ? -1 : 1;
	return (x->sent > y->sent) - (x->sent < y->sent);
}

/* Fills item's sources and source_sents from the probe's last run of nf
 * members, using src as scratch. */
static int cite(nd_summary_item *item, const nd_dprobe *p, size_t nf,
		source *src, nd_arena *arena)
{
	const nd_dstory *s = p->s;
	size_t j, k = 0;

	for (j = 0; j < nf; j++) {
		src[j].doc = s->members[p->list[j]];
		nd_dstory_doc(s, p->hit[j], &src[j].sent);
	}
	qsort(src, nf, sizeof(*src), by_doc);
	item->sources = nd_arena_calloc(arena, nf + 1, sizeof(size_t));
	item->source_sents = nd_arena_calloc(arena, nf + 1, sizeof(size_t));
	if (item->sources == NULL || item->source_sents == NULL)
		return ND_ENOMEM;
	for (j = 0; j < nf; j++) {
		if (k > 0 && item->sources[k - 1] == src[j].doc)
			continue;
		item->sources[k] = src[j].doc;
		item->source_sents[k++] = src[j].sent;
	}
	item->n_sources = k;
	return ND_OK;
}

int nd_digest_attribute(nd_summary_item *items, const size_t *chosen,
			size_t n, nd_dprobe *p, nd_arena *arena)
{
	source *src = nd_arena_calloc(arena, p->s->n + 1, sizeof(*src));
	size_t i;

	if (src == NULL)
		return ND_ENOMEM;
	for (i = 0; i < n; i++) {
		size_t nf = nd_dprobe_all(p, chosen[i]);

		if (cite(&items[i], p, nf, src, arena) != ND_OK)
			return ND_ENOMEM;
	}
	return ND_OK;
}
