/* The IDFs of a vocabulary's stems, each computed once, when first asked
 * for: the dedup stage weighs every content word of every article, and a
 * log per word was a tenth of preparing an article for alignment. */
#ifndef ND_DEDUP_IDF_H
#define ND_DEDUP_IDF_H

#include <stddef.h> /* size_t */
#include <stdint.h> /* uint32_t */

#include "analyse/analyse.h"

typedef struct nd_idf_cache {
	const nd_vocab *v;
	double *idf; /* per stem; negative until computed */
	size_t n;
} nd_idf_cache;

/* An empty cache for v's stems. Returns 0 or ND_ENOMEM; dispose either
 * way. */
int nd_idf_cache_init(nd_idf_cache *c, const nd_vocab *v);
/* Frees the cache; *c is empty afterwards. */
void nd_idf_cache_dispose(nd_idf_cache *c);
/* nd_vocab_idf of stem. */
double nd_idf_get(nd_idf_cache *c, uint32_t stem);

#endif
