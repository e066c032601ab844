#include "digest/probe.h"

#include <string.h> /* memset */

#include "core/alloc.h"

/* Keeps the exclusion bound strict under rounding. */
#define WEIGHT_SLACK 1e-9

int nd_dprobe_init(nd_dprobe *p, const nd_dstory *s)
{
	size_t g, maxq = 0;

	memset(p, 0, sizeof(*p));
	p->s = s;
	for (g = 0; g < s->n_sents; g++) {
		if (s->nuni[g] > maxq)
			maxq = s->nuni[g];
	}
	p->stamp = nd_calloc(s->n_sents + 1, sizeof(*p->stamp));
	p->acc_w = nd_calloc(s->n_sents + 1, sizeof(*p->acc_w));
	p->acc_n = nd_calloc(s->n_sents + 1, sizeof(*p->acc_n));
	p->touched = nd_calloc(s->n_sents + 1, sizeof(*p->touched));
	p->found = nd_calloc(s->n + 1, sizeof(*p->found));
	p->list = nd_calloc(s->n + 1, sizeof(*p->list));
	p->hit = nd_calloc(s->n + 1, sizeof(*p->hit));
	p->stems = nd_calloc(maxq + 1, sizeof(*p->stems));
	p->skip = nd_calloc(maxq + 1, sizeof(*p->skip));
	if (!p->stamp || !p->acc_w || !p->acc_n || !p->touched ||
	    !p->found || !p->list || !p->hit || !p->stems || !p->skip) {
		nd_dprobe_dispose(p);
		return ND_ENOMEM;
	}
	return ND_OK;
}

void nd_dprobe_dispose(nd_dprobe *p)
{
	nd_free(p->stamp);
	nd_free(p->acc_w);
	nd_free(p->acc_n);
	nd_free(p->touched);
	nd_free(p->found);
	nd_free(p->list);
	nd_free(p->hit);
	nd_free(p->stems);
	nd_free(p->skip);
	memset(p, 0, sizeof(*p));
}

static size_t post_len(const nd_dstory *s, uint32_t c)
{
	return s->pbeg[c + 1] - s->pbeg[c];
}

/* Which of q's stems a stating sentence must share at least one of. A
 * sentence stating q either matches it (Dice >= 0.5, so the shared IDF
 * weight is at least a third of q's) or holds 4/5 of its stems; one sharing
 * only stems of total weight under a third, fewer than 4/5 of them, can do
 * neither. The most frequent stems go into that left-out set first, so the
 * probe reads the shortest posting lists. */
static void choose_probe(nd_dprobe *p, size_t q, double *wleft,
			 size_t *left)
{
	const nd_dstory *s = p->s;
	size_t nq = s->nuni[q], i, j;
	double cap = s->wsum[q] / 3 * (1 - WEIGHT_SLACK);

	*wleft = 0;
	*left = 0;
	for (i = 0; i < nq; i++) {
		uint32_t c = s->cids[s->cbeg[q] + i];

		for (j = i; j > 0 && post_len(s, p->stems[j - 1]) <
					     post_len(s, c); j--)
			p->stems[j] = p->stems[j - 1];
		p->stems[j] = c;
	}
	for (i = 0; i < nq; i++) {
		double x = s->idf[p->stems[i]];

		p->skip[i] = false;
		if ((*left + 1) * ND_DIGEST_CONTAIN_DEN >=
		    nq * (size_t)ND_DIGEST_CONTAIN_NUM)
			continue;
		if (*wleft + x < cap) {
			p->skip[i] = true;
			*wleft += x;
			(*left)++;
		}
	}
}

/* Accumulates, per sentence sharing a probe stem with q, the count and
 * weight of the shared probe stems; returns how many sentences. */
static size_t accumulate(nd_dprobe *p, size_t q)
{
	const nd_dstory *s = p->s;
	size_t i, k, n = 0;

	for (i = 0; i < s->nuni[q]; i++) {
		uint32_t c = p->stems[i];
		double x = s->idf[c];

		if (p->skip[i])
			continue;
		for (k = s->pbeg[c]; k < s->pbeg[c + 1]; k++) {
			uint32_t t = s->post[k];

			if (p->stamp[t] != p->mark) {
				p->stamp[t] = p->mark;
				p->acc_w[t] = 0;
				p->acc_n[t] = 0;
				p->touched[n++] = t;
			}
			p->acc_w[t] += x;
			p->acc_n[t]++;
		}
	}
	return n;
}

/* Could t state q, given what the accumulators and the left-out stems
 * allow at most? Rules out most sentences without a merge. */
static bool may_state(const nd_dprobe *p, size_t q, uint32_t t, double wleft,
		      size_t left)
{
	const nd_dstory *s = p->s;
	size_t common = p->acc_n[t] + left;
	double wcommon = p->acc_w[t] + wleft;

	if (common * ND_DIGEST_CONTAIN_DEN >=
	    s->nuni[q] * (size_t)ND_DIGEST_CONTAIN_NUM)
		return true;
	/* Dice >= 0.5 needs 4 * shared >= both sums, with some slack. */
	return 4 * wcommon * (1 + WEIGHT_SLACK) >= s->wsum[q] + s->wsum[t];
}

/* Members stating q into p->list (q's own first), stopping once max of
 * them are found. Returns how many. */
static size_t run(nd_dprobe *p, size_t q, size_t max)
{
	const nd_dstory *s = p->s;
	size_t i, n, nfound = 0, own = s->smember[q], left;
	double wleft;

	if (p->mark == UINT32_MAX) {
		memset(p->stamp, 0, s->n_sents * sizeof(*p->stamp));
		p->mark = 0;
	}
	p->mark++;
	p->found[own] = true;
	p->hit[nfound] = (uint32_t)q;
	p->list[nfound++] = own;
	choose_probe(p, q, &wleft, &left);
	n = accumulate(p, q);
	for (i = 0; i < n && nfound < max; i++) {
		uint32_t t = p->touched[i];
		size_t m = s->smember[t];

		if (p->found[m] || !may_state(p, q, t, wleft, left) ||
		    !nd_dstory_states(s, q, t))
			continue;
		p->found[m] = true;
		p->hit[nfound] = t;
		p->list[nfound++] = m;
	}
	for (i = 0; i < nfound; i++)
		p->found[p->list[i]] = false;
	return nfound;
}

size_t nd_dprobe_all(nd_dprobe *p, size_t g)
{
	return run(p, g, SIZE_MAX);
}

size_t nd_dprobe_support(nd_dprobe *p, size_t g, size_t cap)
{
	return run(p, g, cap + 1) - 1;
}
