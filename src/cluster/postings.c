/* The story index's inverted index: which live stories post a term. */
#include <string.h> /* memset */

#include "cluster/storyindex.h"
#include "core/alloc.h"

int nd_postings_init(nd_postings *p)
{
	memset(p, 0, sizeof(*p));
	return nd_u64map_init(&p->at);
}

void nd_postings_dispose(nd_postings *p)
{
	size_t i;

	for (i = 0; i < p->n_list; i++)
		nd_free(p->list[i].slot);
	nd_free(p->list);
	nd_free(p->spare);
	nd_u64map_dispose(&p->at);
	memset(p, 0, sizeof(*p));
}

/* A list number for a new term: a spare one, else a new one. Spare room
 * is made for every list, so giving one back cannot fail. */
static int new_list(uint32_t *out, nd_postings *p)
{
	if (p->n_spare) {
		*out = p->spare[--p->n_spare];
		return ND_OK;
	}
	if (nd_array_reserve((void **)&p->list, &p->cap_list, p->n_list + 1,
			     sizeof(*p->list)) ||
	    nd_array_reserve((void **)&p->spare, &p->cap_spare, p->n_list + 1,
			     sizeof(*p->spare)))
		return ND_ENOMEM;
	memset(&p->list[p->n_list], 0, sizeof(p->list[0]));
	*out = (uint32_t)p->n_list++;
	return ND_OK;
}

int nd_postings_add(nd_postings *p, uint32_t term, uint32_t slot)
{
	nd_postlist *l;
	uint32_t k;

	if (!nd_u64map_get(&p->at, term, &k)) {
		if (new_list(&k, p) || nd_u64map_put(&p->at, term, k, NULL))
			return ND_ENOMEM;
	}
	l = &p->list[k];
	if (l->n == l->cap) {
		size_t cap = l->cap;

		if (nd_array_reserve((void **)&l->slot, &cap, (size_t)l->n + 1,
				     sizeof(*l->slot)))
			return ND_ENOMEM;
		l->cap = (uint32_t)cap;
	}
	l->slot[l->n++] = slot;
	return ND_OK;
}

void nd_postings_remove(nd_postings *p, uint32_t term, uint32_t slot)
{
	nd_postlist *l;
	uint32_t k, i;

	if (!nd_u64map_get(&p->at, term, &k))
		return;
	l = &p->list[k];
	for (i = 0; i < l->n && l->slot[i] != slot; i++)
		;
	if (i == l->n)
		return;
	/* Order within a list does not matter: candidates are ranked by
	 * score, ties by story id. */
	l->slot[i] = l->slot[--l->n];
	if (l->n)
		return;
	nd_free(l->slot);
	memset(l, 0, sizeof(*l));
	nd_u64map_remove(&p->at, term);
	p->spare[p->n_spare++] = k; /* room made when the list was */
}

const uint32_t *nd_postings_get(const nd_postings *p, uint32_t term,
				size_t *n)
{
	uint32_t k;

	if (!nd_u64map_get(&p->at, term, &k)) {
		*n = 0;
		return NULL;
	}
	*n = p->list[k].n;
	return p->list[k].slot;
}

size_t nd_postings_bytes(const nd_postings *p)
{
	size_t bytes = p->at.cap * (sizeof(uint64_t) + sizeof(uint32_t) + 1) +
		       p->cap_list * sizeof(*p->list) +
		       p->cap_spare * sizeof(*p->spare), i;

	for (i = 0; i < p->n_list; i++)
		bytes += p->list[i].cap * sizeof(uint32_t);
	return bytes;
}
