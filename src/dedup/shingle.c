#include "dedup/shingle.h"

#include "core/alloc.h"
#include "core/error.h"
#include "core/hash.h"
#include "core/sorted.h"

/* Distinct seeds keep a one-word body hash from equalling a shingle. */
#define BODY_SEED 0x6e64626f6479ULL
#define SHINGLE_SEED 0x6e647368696eULL
/* Terms of a body hashed per call: a call per term was most of the cost
 * of finding exact copies. */
#define BODY_CHUNK 64
size_t nd_shingle_body_start(const nd_doc *d)
{
	size_t s;

	/* The analyser puts the title sentences first. */
	for (s = 0; s < d->nsents; s++) {
		if (!(d->sents[s].flags & ND_SENT_TITLE))
			return d->sents[s].tok;
	}
	return d->ntoks;
}

uint64_t nd_shingle_body_hash(const nd_doc *d)
{
	uint32_t t[BODY_CHUNK];
	uint64_t h = BODY_SEED;
	size_t i, n = 0;

	for (i = nd_shingle_body_start(d); i < d->ntoks; i++) {
		t[n++] = d->toks[i].term;
		if (n == BODY_CHUNK) {
			h = nd_hash64(t, sizeof(t), h);
			n = 0;
		}
	}
	return n ? nd_hash64(t, n * sizeof(t[0]), h) : h;
}

/* Odd multiplier of the shingle polynomial (a 64-bit golden-ratio
 * constant: any odd one is a bijection of each term's part). */
#define SHINGLE_MUL 0x9e3779b97f4a7c15ULL

/* Hash of the terms of toks[from..from+n): the polynomial
 * seed * M^n + t_0 * M^(n-1) + ... + t_(n-1) modulo 2^64, then mixed. Two
 * shingles differing in one term cannot meet (M is odd, terms differ by
 * less than 2^32), and a difference in several terms sums to 0 with
 * chance about 2^-64; the mix spreads the result over the signature's
 * bins and the bucket sort's. A call of the byte hash per shingle, over a copy of its
 * terms, was most of the cost of the sets. */
static uint64_t shingle_hash(const nd_token *toks, size_t from, size_t n)
{
	uint64_t h = SHINGLE_SEED;
	size_t k;

	for (k = 0; k < n; k++)
		h = h * SHINGLE_MUL + toks[from + k].term;
	return nd_mix64(h);
}

int nd_shingle_set(uint64_t **out, size_t *n, const nd_doc *d)
{
	size_t start = nd_shingle_body_start(d);
	size_t words = d->ntoks - start;
	size_t count, i;
	uint64_t *h, *tmp;

	*out = NULL;
	*n = 0;
	if (words == 0)
		return ND_OK;
	count = words < ND_SHINGLE_WORDS ? 1 : words - ND_SHINGLE_WORDS + 1;
	/* Both written before read: no zeroing. */
	h = nd_reallocarray(NULL, count, sizeof(*h));
	tmp = nd_reallocarray(NULL, count, sizeof(*tmp));
	if (h == NULL || tmp == NULL) {
		nd_free(h);
		nd_free(tmp);
		return ND_ENOMEM;
	}
	if (words < ND_SHINGLE_WORDS) {
		h[0] = shingle_hash(d->toks, start, words);
	} else {
		for (i = 0; i < count; i++)
			h[i] = shingle_hash(d->toks, start + i,
					    ND_SHINGLE_WORDS);
	}
	*out = h;
	*n = nd_sort_unique_spread_u64(h, tmp, count);
	nd_free(tmp);
	return ND_OK;
}

