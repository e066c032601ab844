#include "dedup/align.h"

#include <stdbool.h> /* bool */
#include <string.h>  /* memcpy, memset */

#include "core/alloc.h"
#include "core/error.h"

/* Shortest common prefix, in bytes, that lets two different words match,
 * and the share of the shorter word it must cover, in percent. */
#define PREFIX_MIN 4
#define PREFIX_SHARE 80

void nd_align_dispose(nd_align_doc *ad)
{
	nd_free(ad->words);
	nd_free(ad->first);
	nd_free(ad->total);
	nd_free(ad->sent);
	nd_free(ad->bloom);
	memset(ad, 0, sizeof(*ad));
}

/* The prefix head stays 0 for numbers and for words too short to match by
 * prefix. */
static void make_word(nd_align_word *w, const nd_token *t, const nd_vocab *v)
{
	size_t len = 0;
	const char *form = nd_vocab_term(v, t->term, &len);

	w->stem = t->stem;
	w->form = form;
	w->len = (uint32_t)len;
	w->head = 0;
	if (form && len >= PREFIX_MIN && !(t->flags & ND_TOK_NUMBER)) {
		memcpy(&w->head, form, sizeof(w->head));
		if (w->head == 0)
			w->head = 1;
	}
	w->w = nd_vocab_idf(v, t->stem);
}

static unsigned bloom_bit(uint32_t x, uint64_t mul)
{
	return (unsigned)(((uint64_t)x * mul) >> 56);
}

static void bloom_set(uint64_t *bits, unsigned bit)
{
	bits[bit >> 6] |= 1ULL << (bit & 63);
}

static bool bloom_has(const uint64_t *bits, unsigned bit)
{
	return (bits[bit >> 6] >> (bit & 63)) & 1;
}

#define STEM_MUL 0x9e3779b97f4a7c15ULL
#define HEAD_MUL 0xc2b2ae3d27d4eb4fULL

static void bloom_add(nd_align_bloom *b, const nd_align_word *w)
{
	bloom_set(b->stems, bloom_bit(w->stem, STEM_MUL));
	if (w->head)
		bloom_set(b->heads, bloom_bit(w->head, HEAD_MUL));
}

/* Could w match some word of the sentence with filters b? */
static bool bloom_may_match(const nd_align_bloom *b, const nd_align_word *w)
{
	return bloom_has(b->stems, bloom_bit(w->stem, STEM_MUL)) ||
	       (w->head && bloom_has(b->heads, bloom_bit(w->head, HEAD_MUL)));
}

/* An upper bound of nd_align_score(a, i, b, j): the weight of the words
 * of either side that may have a partner on the other. */
static double score_bound(const nd_align_doc *a, size_t i,
			  const nd_align_doc *b, size_t j)
{
	double all = a->total[i] + b->total[j], may = 0;
	size_t k;

	if (all <= 0)
		return 0;
	for (k = a->first[i]; k < a->first[i + 1]; k++) {
		if (bloom_may_match(&b->bloom[j], &a->words[k]))
			may += a->words[k].w;
	}
	for (k = b->first[j]; k < b->first[j + 1]; k++) {
		if (bloom_may_match(&a->bloom[i], &b->words[k]))
			may += b->words[k].w;
	}
	return may / all;
}

/* Content words of sentence s when it is alignable, else 0. */
static size_t alignable_words(const nd_doc *d, size_t s)
{
	const nd_sentence *st = &d->sents[s];
	size_t i, words = 0;

	if (st->flags & ND_SENT_TITLE)
		return 0;
	for (i = 0; i < st->ntok; i++)
		words += !(d->toks[st->tok + i].flags & ND_TOK_STOP);
	if (words < ND_ALIGN_MIN_WORDS)
		return 0;
	return words < ND_ALIGN_MAX_WORDS ? words : ND_ALIGN_MAX_WORDS;
}

int nd_align_prepare(nd_align_doc *out, const nd_doc *d, const nd_vocab *v)
{
	size_t s, sents = 0, words = 0;

	memset(out, 0, sizeof(*out));
	/* Sizes first, so each array is allocated once. Both counts are
	 * capped, so the sum cannot overflow. */
	for (s = 0; s < d->nsents && sents < ND_ALIGN_MAX_SENTS; s++) {
		size_t n = alignable_words(d, s);

		sents += n > 0;
		words += n;
	}
	out->first = nd_calloc(sents + 1, sizeof(*out->first));
	out->total = nd_calloc(sents + 1, sizeof(*out->total));
	out->sent = nd_calloc(sents + 1, sizeof(*out->sent));
	out->words = nd_calloc(words + 1, sizeof(*out->words));
	out->bloom = nd_calloc(sents + 1, sizeof(*out->bloom));
	if (!out->first || !out->total || !out->sent || !out->words ||
	    !out->bloom)
		return ND_ENOMEM;
	for (s = 0; s < d->nsents && out->n_sents < sents; s++) {
		const nd_sentence *st = &d->sents[s];
		nd_align_word *w = out->words + out->n_words;
		size_t i, n = 0, max = alignable_words(d, s);

		if (max == 0)
			continue;
		out->first[out->n_sents] = out->n_words;
		for (i = 0; i < st->ntok && n < max; i++) {
			const nd_token *t = &d->toks[st->tok + i];

			if (t->flags & ND_TOK_STOP)
				continue;
			make_word(&w[n], t, v);
			bloom_add(&out->bloom[out->n_sents], &w[n]);
			out->total[out->n_sents] += w[n++].w;
		}
		out->sent[out->n_sents++] = (uint32_t)s;
		out->n_words += n;
	}
	out->first[out->n_sents] = out->n_words;
	return ND_OK;
}

/* Do two words match: same stem, or a long enough common prefix? */
static bool word_match(const nd_align_word *x, const nd_align_word *y)
{
	size_t shorter, p = 0;

	if (x->stem == y->stem)
		return true;
	if (x->head == 0 || x->head != y->head)
		return false;
	shorter = x->len < y->len ? x->len : y->len;
	while (p < shorter && x->form[p] == y->form[p])
		p++;
	return p >= PREFIX_MIN && p * 100 >= shorter * PREFIX_SHARE;
}

/* A run of words: one sentence, or two adjacent ones. */
typedef struct run {
	const nd_align_word *w;
	size_t n;
	double total;
} run;

/* Sentences k .. k+count-1 of d as one run; their words are adjacent. */
static run sentences(const nd_align_doc *d, size_t k, size_t count)
{
	run r;
	size_t i;

	r.w = d->words + d->first[k];
	r.n = d->first[k + count] - d->first[k];
	r.total = 0;
	for (i = 0; i < count; i++)
		r.total += d->total[k + i];
	return r;
}

/* Weighted Dice of the longest common subsequence of two runs. */
static double run_score(const run *a, const run *b)
{
	double row[2 * ND_ALIGN_MAX_WORDS + 1];
	double all = a->total + b->total;
	size_t p, q;

	if (all <= 0)
		return 0;
	memset(row, 0, (b->n + 1) * sizeof(row[0]));
	for (p = 0; p < a->n; p++) {
		double diag = 0;

		for (q = 0; q < b->n; q++) {
			double up = row[q + 1];
			double best = up > row[q] ? up : row[q];

			if (word_match(&a->w[p], &b->w[q]) &&
			    diag + a->w[p].w + b->w[q].w > best)
				best = diag + a->w[p].w + b->w[q].w;
			diag = up;
			row[q + 1] = best;
		}
	}
	return row[b->n] / all;
}

double nd_align_score(const nd_align_doc *a, size_t i, const nd_align_doc *b,
		      size_t j)
{
	run x = sentences(a, i, 1), y = sentences(b, j, 1);

	return run_score(&x, &y);
}

/* One cell of the alignment table: summed bead weights and the sentences
 * of each side the beads cover. */
typedef struct cell {
	double w;
	size_t na, nb;
} cell;

static cell better(cell x, cell y)
{
	if (x.w != y.w)
		return x.w > y.w ? x : y;
	return x.na + x.nb >= y.na + y.nb ? x : y;
}

/* c followed by a bead of ka sentences of a and kb of b scoring s; a bead
 * of three sentences weighs half again as much as a pair. */
static cell extend(cell c, double s, size_t ka, size_t kb)
{
	c.w += s * (double)(ka + kb) / 2;
	c.na += ka;
	c.nb += kb;
	return c;
}

/* Best cell at (i, j) of the table, 1-based, given rows i-2 (r2), i-1 (r1)
 * and the cells of row i left of j (r0). pair[j-1] is the score of a's
 * sentence i-1 against b's j-1; pair_up the row above's. */
static cell best_cell(const nd_align_doc *a, const nd_align_doc *b,
		      size_t i, size_t j, const cell *r2, const cell *r1,
		      const cell *r0, const double *pair,
		      const double *pair_up, double min_sim)
{
	cell c = better(r1[j], r0[j - 1]);
	double s = pair[j - 1];

	if (s >= min_sim)
		c = better(c, extend(r1[j - 1], s, 1, 1));
	/* Two sentences against one only when each of the two shares
	 * something with the one. */
	if (i >= 2 && s >= min_sim / 2 && pair_up[j - 1] >= min_sim / 2) {
		run x = sentences(a, i - 2, 2), y = sentences(b, j - 1, 1);

		if ((s = run_score(&x, &y)) >= min_sim)
			c = better(c, extend(r2[j - 1], s, 2, 1));
	}
	if (j >= 2 && pair[j - 1] >= min_sim / 2 &&
	    pair[j - 2] >= min_sim / 2) {
		run x = sentences(a, i - 1, 1), y = sentences(b, j - 2, 2);

		if ((s = run_score(&x, &y)) >= min_sim)
			c = better(c, extend(r1[j - 2], s, 1, 2));
	}
	return c;
}

int nd_align_count(size_t *cover_a, size_t *cover_b, const nd_align_doc *a,
		   const nd_align_doc *b, double min_sim)
{
	/* Table rows i-2, i-1 and i, and pair scores of rows i-1 and i. */
	cell *r2 = NULL, *r1 = NULL, *r0 = NULL, *tc;
	double *pair = NULL, *pair_up = NULL, *td;
	size_t i, j, m = b->n_sents;
	int rc = ND_ENOMEM;

	*cover_a = *cover_b = 0;
	if (a->n_sents == 0 || m == 0)
		return ND_OK;
	r2 = nd_calloc(m + 1, sizeof(*r2));
	r1 = nd_calloc(m + 1, sizeof(*r1));
	r0 = nd_calloc(m + 1, sizeof(*r0));
	pair = nd_calloc(m, sizeof(*pair));
	pair_up = nd_calloc(m, sizeof(*pair_up));
	if (!r2 || !r1 || !r0 || !pair || !pair_up)
		goto done;
	for (i = 1; i <= a->n_sents; i++) {
		/* Pair scores under half the threshold count for nothing
		 * below, so those the bound rules out stay 0. */
		for (j = 0; j < m; j++)
			pair[j] = score_bound(a, i - 1, b, j) < min_sim / 2
					  ? 0
					  : nd_align_score(a, i - 1, b, j);
		memset(&r0[0], 0, sizeof(r0[0]));
		for (j = 1; j <= m; j++)
			r0[j] = best_cell(a, b, i, j, r2, r1, r0, pair,
					  pair_up, min_sim);
		tc = r2;
		r2 = r1;
		r1 = r0;
		r0 = tc;
		td = pair_up;
		pair_up = pair;
		pair = td;
	}
	*cover_a = r1[m].na;
	*cover_b = r1[m].nb;
	rc = ND_OK;
done:
	nd_free(r2);
	nd_free(r1);
	nd_free(r0);
	nd_free(pair);
	nd_free(pair_up);
	return rc;
}
