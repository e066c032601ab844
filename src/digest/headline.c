#include "digest/digest_internal.h"

#include <math.h>   /* sqrt */
#include <string.h> /* strlen */

#include "core/alloc.h"
#include "core/sorted.h"
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

/* Is story sentence g of member m part of its title and lead: a title
 * sentence or the first body one (*lead_seen tracks it)? */
static bool in_title_lead(const nd_dstory *s, size_t g, bool *lead_seen)
{
	size_t sent;
	const nd_doc *d = nd_dstory_doc(s, g, &sent);

	if (d->sents[sent].flags & ND_SENT_TITLE)
		return true;
	if (*lead_seen)
		return false;
	*lead_seen = true;
	return true;
}

/* The stems of every member's title and lead, sorted without repeats,
 * into *out (the caller frees it), *n of them: the headline reads those
 * only, so its tables are numbered by them, not by all the story's
 * concepts. Returns 0 or ND_ENOMEM. */
static int lead_stems(uint32_t **out, size_t *n, const nd_dstory *s)
{
	size_t m, g, k, total = 0;

	for (m = 0; m < s->n; m++) {
		bool lead_seen = false;

		for (g = s->sbase[m]; g < s->sbase[m + 1]; g++) {
			if (in_title_lead(s, g, &lead_seen))
				total += s->nuni[g];
		}
	}
	*out = nd_reallocarray(NULL, total + 1, sizeof(**out));
	if (*out == NULL)
		return ND_ENOMEM;
	*n = 0;
	for (m = 0; m < s->n; m++) {
		bool lead_seen = false;

		for (g = s->sbase[m]; g < s->sbase[m + 1]; g++) {
			if (!in_title_lead(s, g, &lead_seen))
				continue;
			for (k = 0; k < s->nuni[g]; k++)
				(*out)[(*n)++] = s->cids[s->cbeg[g] + k];
		}
	}
	*n = nd_sort_unique_u32(*out, *n);
	return ND_OK;
}

/* Position of concept c in sorted[0..n), where it is. */
static uint32_t local_of(const uint32_t *sorted, size_t n, uint32_t c)
{
	size_t lo = 0, hi = n;

	while (hi - lo > 1) {
		size_t mid = lo + (hi - lo) / 2;

		if (sorted[mid] <= c)
			lo = mid;
		else
			hi = mid;
	}
	return (uint32_t)lo;
}

/* The headline's tables: stems of titles and leads (local numbers index
 * the arrays), and the centroid and de-duplicating stamp by them. */
typedef struct lead_set {
	uint32_t *stem; /* local number -> concept */
	size_t n;
	double *centroid;
	uint32_t *stamp;
} lead_set;

/* Distinct stems (local numbers) of member m's title sentences and first
 * body sentence into out; returns how many. The stamp and mark dedupe
 * without clearing. */
static size_t title_lead(const nd_dstory *s, size_t m, lead_set *ls,
			 uint32_t mark, uint32_t *out)
{
	size_t g, k, n = 0;
	bool lead_seen = false;

	for (g = s->sbase[m]; g < s->sbase[m + 1]; g++) {
		if (!in_title_lead(s, g, &lead_seen))
			continue;
		for (k = 0; k < s->nuni[g]; k++) {
			uint32_t c = local_of(ls->stem, ls->n,
					      s->cids[s->cbeg[g] + k]);

			if (ls->stamp[c] != mark) {
				ls->stamp[c] = mark;
				out[n++] = c;
			}
		}
	}
	return n;
}

static double norm_of(const nd_dstory *s, const lead_set *ls,
		      const uint32_t *stems, size_t n)
{
	double sum = 0;
	size_t i;

	for (i = 0; i < n; i++) {
		double x = s->idf[ls->stem[stems[i]]];

		sum += x * x;
	}
	return sqrt(sum);
}

/* Centrality is the cosine of a member's title and lead to everyone
 * else's, summed: one dot product with the centroid of all members minus
 * its own share. Each group adds up to one member's worth, so copies of an
 * article do not vote for its title. */
int nd_digest_headline(size_t *member, const nd_dstory *s)
{
	lead_set ls = { 0 };
	double best_score = 0;
	uint32_t *stems = NULL;
	size_t m, i, best = 0;
	int best_tier = 3, pass, rc = ND_ENOMEM;

	*member = 0;
	if (s->n == 0)
		return ND_OK;
	if (lead_stems(&ls.stem, &ls.n, s))
		goto done;
	ls.centroid = nd_calloc(ls.n + 1, sizeof(*ls.centroid));
	ls.stamp = nd_calloc(ls.n + 1, sizeof(*ls.stamp));
	/* Written before read: no need to zero. */
	stems = nd_reallocarray(NULL, ls.n + 1, sizeof(*stems));
	if (!ls.centroid || !ls.stamp || !stems)
		goto done;
	for (pass = 0; pass < 2; pass++) {
		for (m = 0; m < s->n; m++) {
			uint32_t mark = (uint32_t)(pass * s->n + m + 1);
			size_t n = title_lead(s, m, &ls, mark, stems);
			double norm = norm_of(s, &ls, stems, n), score = 0;
			double share = 1.0 / s->gsize[s->group[m]];
			int tier;

			if (norm <= 0)
				continue;
			for (i = 0; i < n; i++) {
				double w = s->idf[ls.stem[stems[i]]] / norm;

				if (pass == 0)
					ls.centroid[stems[i]] += w * share;
				else
					score += w * ls.centroid[stems[i]];
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
	nd_free(ls.stem);
	nd_free(ls.centroid);
	nd_free(ls.stamp);
	nd_free(stems);
	return rc;
}
