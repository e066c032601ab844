#include "dedup/idf.h"

#include <string.h> /* memset */

#include "core/alloc.h"
#include "core/error.h"

int nd_idf_cache_init(nd_idf_cache *c, const nd_vocab *v)
{
	size_t i;

	memset(c, 0, sizeof(*c));
	c->v = v;
	c->n = nd_vocab_stem_count(v);
	c->idf = nd_calloc(c->n + 1, sizeof(*c->idf));
	if (c->idf == NULL)
		return ND_ENOMEM;
	for (i = 0; i < c->n; i++)
		c->idf[i] = -1;
	return ND_OK;
}

void nd_idf_cache_dispose(nd_idf_cache *c)
{
	nd_free(c->idf);
	memset(c, 0, sizeof(*c));
}

double nd_idf_get(nd_idf_cache *c, uint32_t stem)
{
	/* An IDF is a log of more than 1: never negative. */
	if (stem >= c->n)
		return nd_vocab_idf(c->v, stem);
	if (c->idf[stem] < 0)
		c->idf[stem] = nd_vocab_idf(c->v, stem);
	return c->idf[stem];
}
