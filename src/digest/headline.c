#include "digest/digest_internal.h"

#include <math.h>   /* sqrt */
#include <string.h> /* strlen */

#include "core/alloc.h"
#include "digest/candidates.h"

/* Shorter titles are mostly section labels or kickers ("Politics"). */
#define MIN_TITLE_WORDS 3

/* 0 for a real title, 1 for a short one, 2 for none: lower is preferred. */
static int title_tier(const nd_dstory *s, size_t m)
{
	const nd_doc *d = &s->c->docs[s->members[m]];
	size_t words = 0, k;

	if (s->c->titles && s->c->titles[s->members[m]]) {
		const char *t = s->c->titles[s->members[m]];

		words = nd_digest_count_words(t, strlen(t));
	} else {
		for (k = 0; k < d->nsents; k++) {
			if (d->sents[k].flags & ND_SENT_TITLE)
				words += nd_digest_count_words(
					d->text + d->sents[k].off,
					d->sents[k].len);
		}
	}
	return words >= MIN_TITLE_WORDS ? 0 : words > 0 ? 1 : 2;
}

/* Distinct stems of member m's title sentences and first body sentence
 * into out; returns how many. stamp/mark dedupe without clearing. */
static size_t title_lead(const nd_dstory *s, size_t m, uint32_t *stamp,
			 uint32_t mark, uint32_t *out)
{
	size_t g, k, n = 0;
	bool lead_seen = false;

	for (g = s->sbase[m]; g < s->sbase[m + 1]; g++) {
		size_t sent;
		const nd_doc *d = nd_dstory_doc(s, g, &sent);

		if (!(d->sents[sent].flags & ND_SENT_TITLE)) {
			if (lead_seen)
				continue;
			lead_seen = true;
		}
		for (k = 0; k < s->nuni[g]; k++) {
			uint32_t c = s->cids[s->cbeg[g] + k];

			if (stamp[c] != mark) {
				stamp[c] = mark;
				out[n++] = c;
			}
		}
	}
	return n;
}

static double norm_of(const nd_dstory *s, const uint32_t *stems, size_t n)
{
	double sum = 0;
	size_t i;

	for (i = 0; i < n; i++)
		sum += s->idf[stems[i]] * s->idf[stems[i]];
	return sqrt(sum);
}

/* Centrality is the cosine of a member's title and lead to everyone
 * else's, summed: one dot product with the centroid of all members minus
 * its own share. Each group adds up to one member's worth, so copies of an
 * article do not vote for its title. */
int nd_digest_headline(size_t *member, const nd_dstory *s)
{
	double *centroid = NULL, best_score = 0;
	uint32_t *stamp = NULL, *stems = NULL;
	size_t m, i, best = 0;
	int best_tier = 3, pass, rc = ND_ENOMEM;

	*member = 0;
	if (s->n == 0)
		return ND_OK;
	/* Stems are numbered below every bigram: tables of them alone. */
	centroid = nd_calloc_written(s->n_stems + 1, sizeof(*centroid));
	stamp = nd_calloc_written(s->n_stems + 1, sizeof(*stamp));
	/* Written before read: no need to zero. */
	stems = nd_reallocarray(NULL, s->n_stems + 1, sizeof(*stems));
	if (!centroid || !stamp || !stems)
		goto done;
	for (pass = 0; pass < 2; pass++) {
		for (m = 0; m < s->n; m++) {
			uint32_t mark = (uint32_t)(pass * s->n + m + 1);
			size_t n = title_lead(s, m, stamp, mark, stems);
			double norm = norm_of(s, stems, n), score = 0;
			double share = 1.0 / s->gsize[s->group[m]];
			int tier;

			if (norm <= 0)
				continue;
			for (i = 0; i < n; i++) {
				double w = s->idf[stems[i]] / norm;

				if (pass == 0)
					centroid[stems[i]] += w * share;
				else
					score += w * centroid[stems[i]];
			}
			if (pass == 0)
				continue;
			score -= share;
			tier = title_tier(s, m);
			if (tier < best_tier ||
			    (tier == best_tier && score > best_score)) {
				best_tier = tier;
				best_score = score;
				best = m;
			}
		}
	}
	*member = best;
	rc = ND_OK;
done:
	nd_free(centroid);
	nd_free(stamp);
	nd_free(stems);
	return rc;
}
