#include "digest/dstory.h"

/* The quick Dice sums in another order than the shared one; anything this
 * close to the threshold is settled by the shared function. */
#define SIM_SLACK 1e-6

/* Shared stems of story sentences a and b: how many and their IDF sum. */
static void overlap(const nd_dstory *s, size_t a, size_t b, size_t *common,
		    double *wcommon)
{
	const uint32_t *x = s->cids + s->cbeg[a], *y = s->cids + s->cbeg[b];
	size_t i = 0, j = 0, nx = s->nuni[a], ny = s->nuni[b];

	*common = 0;
	*wcommon = 0;
	while (i < nx && j < ny) {
		if (x[i] < y[j]) {
			i++;
		} else if (y[j] < x[i]) {
			j++;
		} else {
			(*common)++;
			*wcommon += s->idf[x[i]];
			i++;
			j++;
		}
	}
}

static bool long_sentence(const nd_dstory *s, size_t g)
{
	size_t k;
	const nd_doc *d = nd_dstory_doc(s, g, &k);

	/* Past the words nd_sentence_similarity reads, only it can say. */
	return d->sents[k].ntok > ND_SENT_STEMS_MAX;
}

static bool exact_same(const nd_dstory *s, size_t a, size_t b)
{
	size_t ka, kb;
	const nd_doc *da = nd_dstory_doc(s, a, &ka);
	const nd_doc *db = nd_dstory_doc(s, b, &kb);

	return nd_sentence_similarity(s->c->vocab, da, ka, db, kb) >=
	       ND_DIGEST_SAME_SIM;
}

/* Dice from a known overlap, settled by the shared function only near the
 * threshold. */
static bool same_from(const nd_dstory *s, size_t a, size_t b, double wcommon)
{
	double total = s->wsum[a] + s->wsum[b], dice;

	if (long_sentence(s, a) || long_sentence(s, b))
		return exact_same(s, a, b);
	if (total <= 0)
		return false;
	dice = 2 * wcommon / total;
	if (dice < ND_DIGEST_SAME_SIM - SIM_SLACK)
		return false;
	if (dice >= ND_DIGEST_SAME_SIM + SIM_SLACK)
		return true;
	return exact_same(s, a, b);
}

bool nd_dstory_same(const nd_dstory *s, size_t a, size_t b)
{
	size_t common;
	double wcommon;

	overlap(s, a, b, &common, &wcommon);
	return same_from(s, a, b, wcommon);
}

bool nd_dstory_states(const nd_dstory *s, size_t a, size_t b)
{
	size_t common;
	double wcommon;

	overlap(s, a, b, &common, &wcommon);
	if (s->nuni[a] > 0 &&
	    common * ND_DIGEST_CONTAIN_DEN >=
		    s->nuni[a] * (size_t)ND_DIGEST_CONTAIN_NUM)
		return true;
	return same_from(s, a, b, wcommon);
}
