#include "dedup/align.h"

#include <stdbool.h> /* bool */
#include <string.h>  /* memcpy, memset */

#include "core/alloc.h"
#include "core/error.h"
#include "core/sorted.h"

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
	nd_free(ad->groups);
	nd_free(ad->bits);
	nd_free(ad->group);
	memset(ad, 0, sizeof(*ad));
}

/* The prefix head stays 0 for numbers and for words too short to match by
 * prefix. */
static void make_word(nd_align_word *w, const nd_token *t, const nd_vocab *v)
{
	size_t len = 0;
	const char *form = nd_vocab_term(v, t->term, &len);

	w->stem = t->stem;
	w->term = t->term;
	w->len = (uint32_t)len;
	w->head = 0;
	if (form && len >= PREFIX_MIN && !(t->flags & ND_TOK_NUMBER)) {
		memcpy(&w->head, form, sizeof(w->head));
		if (w->head == 0)
			w->head = 1;
	}
	w->w = nd_vocab_idf(v, t->stem);
}

/* Index keys: the value group (kind, then stem or prefix head) in the
 * top bits, then the slot of the word's group in nd_align_doc.group (twice
 * the word's position in the article, plus the kind), then its sentence.
 * The group is the top half of its product with an odd constant, so that
 * groups spread evenly and nd_sort_unique_spread_u64 sorts them fast (any
 * order of groups does, as long as every article uses the same), in 32
 * bits: half the bytes of the 33 that kept every group apart, and a
 * shared hash only widens the bounds (see nd_align_doc). */
#define SENT_BITS 9
#define SLOT_BITS 17
#define GROUP_BITS 32
#define LOW_BITS (64 - GROUP_BITS)
#define GROUP_MIX 0x9e3779b97f4a7c15ULL
#define KIND_HEAD 1
_Static_assert(ND_ALIGN_MAX_SENTS <= (1 << SENT_BITS) &&
		       2 * ND_ALIGN_MAX_SENTS * ND_ALIGN_MAX_WORDS <=
			       (1 << SLOT_BITS) &&
		       SENT_BITS + SLOT_BITS <= LOW_BITS,
	       "sentence and slot numbers fit an index key");

static uint64_t index_key(unsigned kind, uint32_t value, size_t word,
			  size_t sent)
{
	uint64_t g = ((uint64_t)kind << 32 | value) * GROUP_MIX >> GROUP_BITS;

	return g << LOW_BITS | (uint64_t)(2 * word + kind) << SENT_BITS |
	       (uint64_t)sent;
}

/* Appends the keys of word w, the word-th of the article, in sentence k. */
static void index_word(uint64_t *keys, size_t *n, const nd_align_word *w,
		       size_t word, size_t k)
{
	keys[*n] = index_key(0, w->stem, word, k);
	/* Written either way, kept when there is a head (nearly always, but
	 * not in a pattern): keys has room for two a word. */
	keys[*n + 1] = index_key(KIND_HEAD, w->head, word, k);
	*n += 1 + (w->head != 0);
}

/* The value group (kind, stem or head) of an index key. */
static uint32_t key_group(uint64_t key)
{
	return (uint32_t)(key >> LOW_BITS);
}

/* The index key k's slot in nd_align_doc.group. */
static size_t key_slot(uint64_t key)
{
	return (size_t)(key >> SENT_BITS) & ((1u << SLOT_BITS) - 1);
}

/* The index key k's sentence. */
static size_t key_sent(uint64_t key)
{
	return (size_t)(key & ((1u << SENT_BITS) - 1));
}

/* 64-bit words per word's row of a held bitset over n sentences. */
static size_t held_width(size_t n)
{
	return (n + 63) / 64;
}

/* Does keys[p] start a group of the sorted keys? */
static bool group_start(const uint64_t *keys, size_t p)
{
	return p == 0 || key_group(keys[p]) != key_group(keys[p - 1]);
}

/* Fills d's groups, their sentence bitsets and its words' groups from
 * the n sorted distinct index keys of its words. */
static int build_groups(nd_align_doc *d, const uint64_t *keys, size_t n)
{
	size_t p, g = 0, hw = held_width(d->n_sents);

	for (p = 0; p < n; p++)
		d->n_groups += group_start(keys, p);
	/* groups and group are written before they are read; bits are
	 * set a bit at a time. */
	d->groups = nd_reallocarray(NULL, d->n_groups + 1, sizeof(*d->groups));
	/* One more row, left empty: the group of no word. */
	d->bits = nd_calloc((d->n_groups + 1) * hw + 1, sizeof(*d->bits));
	d->group = nd_reallocarray(NULL, 2 * d->n_words + 1, sizeof(*d->group));
	if (!d->groups || !d->bits || !d->group)
		return ND_ENOMEM;
	for (p = 0; p < 2 * d->n_words; p++)
		d->group[p] = (uint32_t)d->n_groups;
	for (p = 0; p < n; p++) {
		size_t s = key_sent(keys[p]);

		g += p > 0 && group_start(keys, p);
		d->groups[g] = key_group(keys[p]);
		d->bits[g * hw + s / 64] |= 1ULL << (s % 64);
		d->group[key_slot(keys[p])] = (uint32_t)g;
	}
	return ND_OK;
}

/* One merge of match_groups: a's groups p..pe against b's q..qe. */
typedef struct merge {
	size_t p, pe, q, qe;
} merge;

/* Is m's merge still going? */
static bool merge_on(const merge *m)
{
	return m->p < m->pe && m->q < m->qe;
}

/* One step of merge m, without branches (most steps are unequal, in no
 * pattern): each slot's last write is when its side steps on, and says
 * whether the two were equal. none_a and none_b are the empty groups. */
static void merge_step(merge *m, uint32_t *in_b, uint32_t *in_a,
		       const uint32_t *ga, const uint32_t *gb, uint32_t none_a,
		       uint32_t none_b)
{
	uint32_t x = ga[m->p], y = gb[m->q];

	in_b[m->p] = x == y ? (uint32_t)m->q : none_b;
	in_a[m->q] = x == y ? (uint32_t)m->p : none_a;
	m->p += x <= y;
	m->q += y <= x;
}

/* Sets in_b[p] and in_a[q] to the empty groups for the groups m's merge
 * did not reach: the merge writes every slot it steps past. */
static void merge_rest(const merge *m, uint32_t *in_b, uint32_t *in_a,
		       uint32_t none_a, uint32_t none_b)
{
	size_t p, q;

	for (p = m->p; p < m->pe; p++)
		in_b[p] = none_b;
	for (q = m->q; q < m->qe; q++)
		in_a[q] = none_a;
}

/* in_b[g]: b's group equal to a's group g, b's empty group when b lacks
 * it or g is a's empty group; in_a the same for b's groups. The sorted
 * lists are merged as two halves, below and above the middle value, one
 * step of each in turn: a step of one merge waits on its last, and the
 * two overlap. Groups are spread evenly, so the halves are about even. */
static void match_groups(uint32_t *in_b, uint32_t *in_a, const nd_align_doc *a,
			 const nd_align_doc *b)
{
	uint32_t none_a = (uint32_t)a->n_groups, none_b = (uint32_t)b->n_groups;
	uint32_t mid = 1u << (GROUP_BITS - 1);
	merge lo = { 0, 0, 0, 0 }, hi = { 0, a->n_groups, 0, b->n_groups };

	in_b[none_a] = none_b;
	in_a[none_b] = none_a;
	lo.pe = hi.p = nd_sorted_lower_u32(a->groups, a->n_groups, mid);
	lo.qe = hi.q = nd_sorted_lower_u32(b->groups, b->n_groups, mid);
	while (merge_on(&lo) && merge_on(&hi)) {
		merge_step(&lo, in_b, in_a, a->groups, b->groups, none_a,
			   none_b);
		merge_step(&hi, in_b, in_a, a->groups, b->groups, none_a,
			   none_b);
	}
	while (merge_on(&lo))
		merge_step(&lo, in_b, in_a, a->groups, b->groups, none_a,
			   none_b);
	while (merge_on(&hi))
		merge_step(&hi, in_b, in_a, a->groups, b->groups, none_a,
			   none_b);
	merge_rest(&lo, in_b, in_a, none_a, none_b);
	merge_rest(&hi, in_b, in_a, none_a, none_b);
}

/* h (hw words): the sentences of b holding a partner of a word whose stem
 * and head groups are gx[0] and gx[1], mapped to b's groups by in_b.
 * Groups b lacks map to its empty row, so no branch asks which. */
static void partner_row(uint64_t *h, size_t hw, const uint32_t *in_b,
			const uint32_t *gx, const nd_align_doc *b)
{
	const uint64_t *bs = b->bits + (size_t)in_b[gx[0]] * hw;
	const uint64_t *bh = b->bits + (size_t)in_b[gx[1]] * hw;
	size_t t;

	for (t = 0; t < hw; t++)
		h[t] = bs[t] | bh[t];
}

/* Sentences of a row of partner weights rounded up to whole bitset
 * words: add_row writes them all. */
#define ROW_CAP (((ND_ALIGN_MAX_SENTS + 63) / 64) * 64)

/* row[s] = the summed weights ws of the n words whose held rows hs (hw
 * words each) have bit s, for s < 64 * hw, each sum taken in word order. */
static void add_row_scalar(double *row, const uint64_t *hs, const double *ws,
			   size_t n, size_t hw)
{
	size_t x, t;

	memset(row, 0, hw * 64 * sizeof(*row));
	for (x = 0; x < n; x++) {
		for (t = 0; t < hw; t++) {
			uint64_t v;

			for (v = hs[x * hw + t]; v; v &= v - 1)
				row[t * 64 + (size_t)__builtin_ctzll(v)] +=
					ws[x];
		}
	}
}

#if defined(__GNUC__) && defined(__x86_64__)
#include <immintrin.h>
#define ROW_WIDE 1

/* add_row_scalar's sums for s < m with AVX-512: four masked additions of
 * a word's weight cover 32 sentences (an article rarely has more), where
 * scattered additions of one sentence at a time each waited on the last
 * store to their row (the largest cost of a story's deduplication). Every
 * sum still adds in word order, from 0, so the doubles are the same. */
__attribute__((target("avx512f"))) static void
add_row_wide(double *row, const uint64_t *hs, const double *ws, size_t n,
	     size_t hw, size_t m)
{
	size_t x, from;

	for (from = 0; from < m; from += 32) {
		/* Named, not an array: an array of them is kept in memory. */
		__m512d a0 = _mm512_setzero_pd(), a1 = a0, a2 = a0, a3 = a0;
		size_t t = from / 64, shift = from % 64;

		for (x = 0; x < n; x++) {
			uint64_t h = hs[x * hw + t] >> shift;
			__m512d wx = _mm512_set1_pd(ws[x]);

			a0 = _mm512_mask_add_pd(a0, (__mmask8)h, a0, wx);
			a1 = _mm512_mask_add_pd(a1, (__mmask8)(h >> 8), a1, wx);
			a2 = _mm512_mask_add_pd(a2, (__mmask8)(h >> 16), a2, wx);
			a3 = _mm512_mask_add_pd(a3, (__mmask8)(h >> 24), a3, wx);
		}
		_mm512_storeu_pd(row + from, a0);
		_mm512_storeu_pd(row + from + 8, a1);
		_mm512_storeu_pd(row + from + 16, a2);
		_mm512_storeu_pd(row + from + 24, a3);
	}
}
#endif

/* add_row_scalar for s < m (row has room for ROW_CAP), by the fastest way
 * the processor has. */
static void add_row(double *row, const uint64_t *hs, const double *ws,
		    size_t n, size_t hw, size_t m)
{
#ifdef ROW_WIDE
	if (__builtin_cpu_supports("avx512f")) {
		add_row_wide(row, hs, ws, n, hw, m);
		return;
	}
#endif
	add_row_scalar(row, hs, ws, n, hw);
}

/* Fills the rows of held (hw words each) of the words of a's sentence k
 * (see partner_weights), and copies the rows and weights of those with a
 * partner to hs and ws; returns how many have one (most have none, and
 * add nothing). Inline, so that a caller's hw of 1 (an article of at most
 * 64 sentences, most of them) leaves no loop over it. */
static inline size_t partnered_words(uint64_t *hs, double *ws,
				     uint64_t *held, size_t hw,
				     const uint32_t *in_b,
				     const nd_align_doc *a,
				     const nd_align_doc *b, size_t k)
{
	/* The bound in a local: the stores below could alias a->first. */
	size_t x, t, n = 0, end = a->first[k + 1];

	for (x = a->first[k]; x < end; x++) {
		uint64_t *h = held + x * hw, any = 0;

		partner_row(h, hw, in_b, a->group + 2 * x, b);
		for (t = 0; t < hw; t++) {
			hs[n * hw + t] = h[t];
			any |= h[t];
		}
		ws[n] = a->words[x].w;
		n += any != 0;
	}
	return n;
}

/* may[k * b->n_sents + s] = the weight of the words of a's sentence k
 * that share a stem or a prefix head with b's sentence s: word_match
 * needs one of the two, so this bounds the weight of a's side of any
 * alignment of k and s. Row x of held receives the sentences of b with a
 * possible partner of a's word x. in_b maps a's groups to b's. may has
 * room for ROW_CAP more: each row is added in place, running over into
 * the next (written after it) or that room, where a copy of each row
 * from a buffer was a call to memcpy. */
static void partner_weights(double *may, uint64_t *held, const uint32_t *in_b,
			    const nd_align_doc *a, const nd_align_doc *b)
{
	uint64_t hs[ND_ALIGN_MAX_WORDS * (ROW_CAP / 64)];
	double ws[ND_ALIGN_MAX_WORDS];
	size_t k, hw = held_width(b->n_sents);

	for (k = 0; k < a->n_sents; k++) {
		size_t n = hw == 1 ? partnered_words(hs, ws, held, 1, in_b, a,
						     b, k)
				   : partnered_words(hs, ws, held, hw, in_b, a,
						     b, k);

		add_row(may + k * b->n_sents, hs, ws, n, hw, b->n_sents);
	}
}

/* Rounding slack of the bounds: a bound and the score it bounds sum the
 * same weights in different orders. */
#define BOUND_SLACK (1 - 1e-9)

/* Can a score bounded by the weight may over all reach min? */
static bool may_reach(double may, double all, double min)
{
	return all > 0 && may >= min * BOUND_SLACK * all;
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

/* at[0..): the tokens (indexes into d->toks) of the first max content
 * words of sentence s; returns how many (max, from alignable_words).
 * Every token is written, only content tokens kept: which words are stop
 * words follows no pattern a branch could learn. at has room for max + 1. */
static size_t content_tokens(uint32_t *at, const nd_doc *d, size_t s,
			     size_t max)
{
	const nd_sentence *st = &d->sents[s];
	size_t i, n = 0;

	for (i = 0; i < st->ntok && n < max; i++) {
		at[n] = (uint32_t)(st->tok + i);
		n += !(d->toks[st->tok + i].flags & ND_TOK_STOP);
	}
	return n;
}

int nd_align_prepare(nd_align_doc *out, const nd_doc *d, const nd_vocab *v)
{
	/* Index keys of the words (group, slot, sentence), and room to sort
	 * them. */
	uint64_t *keys = NULL, *tmp;
	/* The content tokens of one sentence. */
	uint32_t at[ND_ALIGN_MAX_WORDS + 1];
	size_t s, sents = 0, words = 0, n_keys = 0;
	int rc = ND_ENOMEM;

	memset(out, 0, sizeof(*out));
	out->v = v;
	/* Sizes first, so each array is allocated once. Both counts are
	 * capped, so the sum cannot overflow. */
	for (s = 0; s < d->nsents && sents < ND_ALIGN_MAX_SENTS; s++) {
		size_t n = alignable_words(d, s);

		sents += n > 0;
		words += n;
	}
	/* All but the sums are written before they are read: not
	 * zeroed. */
	out->first = nd_reallocarray(NULL, sents + 1, sizeof(*out->first));
	out->total = nd_calloc(sents + 1, sizeof(*out->total));
	out->sent = nd_reallocarray(NULL, sents + 1, sizeof(*out->sent));
	out->words = nd_reallocarray(NULL, words + 1, sizeof(*out->words));
	/* Written before read (the sort's half too): not zeroed. */
	keys = nd_reallocarray(NULL, 4 * words + 2, sizeof(*keys));
	if (!out->first || !out->total || !out->sent || !out->words || !keys)
		goto done;
	tmp = keys + 2 * words + 1;
	for (s = 0; s < d->nsents && out->n_sents < sents; s++) {
		nd_align_word *w = out->words + out->n_words;
		size_t i, n = 0, max = alignable_words(d, s);

		if (max == 0)
			continue;
		out->first[out->n_sents] = out->n_words;
		n = content_tokens(at, d, s, max);
		for (i = 0; i < n; i++) {
			make_word(&w[i], &d->toks[at[i]], v);
			index_word(keys, &n_keys, &w[i], out->n_words + i,
				   out->n_sents);
			out->total[out->n_sents] += w[i].w;
		}
		out->sent[out->n_sents++] = (uint32_t)s;
		out->n_words += n;
	}
	out->first[out->n_sents] = out->n_words;
	rc = build_groups(out, keys,
			  nd_sort_unique_spread_u64(keys, tmp, n_keys));
done:
	nd_free(keys);
	return rc;
}

/* Do two words of one head share a long enough prefix of their folded
 * forms (terms of v)? Rarely asked: kept out of the LCS loop, whose
 * registers it would take, and pure, so that the loop need not read its
 * inputs again after it. */
static __attribute__((noinline, pure)) bool prefix_match(const nd_align_word *x, const nd_align_word *y,
			 const nd_vocab *v)
{
	const char *fx = nd_vocab_term(v, x->term, NULL);
	const char *fy = nd_vocab_term(v, y->term, NULL);
	size_t shorter = x->len < y->len ? x->len : y->len, p = 0;

	while (p < shorter && fx[p] == fy[p])
		p++;
	return p >= PREFIX_MIN && p * 100 >= shorter * PREFIX_SHARE;
}

/* Do two words match: same stem, or a long enough common prefix? */
static bool word_match(const nd_align_word *x, const nd_align_word *y,
		       const nd_vocab *v)
{
	if (x->stem == y->stem)
		return true;
	if (x->head == 0 || x->head != y->head)
		return false;
	return prefix_match(x, y, v);
}

/* A run of words: one sentence, or two adjacent ones. */
typedef struct run {
	const nd_align_word *w;
	size_t n;
	double total;
	const nd_vocab *v; /* of the words' terms */
} run;

/* Sentences k .. k+count-1 of d as one run; their words are adjacent. */
static run sentences(const nd_align_doc *d, size_t k, size_t count)
{
	run r;
	size_t i;

	r.w = d->words + d->first[k];
	r.v = d->v;
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
	/* Copies: row's address goes to memset, after which the compiler
	 * would read the runs' fields again on every step. */
	const nd_align_word *bw = b->w;
	const nd_vocab *v = a->v;
	size_t p, q, bn = b->n;

	if (all <= 0)
		return 0;
	memset(row, 0, (bn + 1) * sizeof(row[0]));
	for (p = 0; p < a->n; p++) {
		const nd_align_word *x = &a->w[p];
		/* left is row[q], kept from the step before (row[0] stays
		 * 0): read back, it waited on its own store. */
		double diag = 0, left = 0;

		for (q = 0; q < bn; q++) {
			double up = row[q + 1];
			double best = up > left ? up : left;

			if (word_match(x, &bw[q], v) &&
			    diag + x->w + bw[q].w > best)
				best = diag + x->w + bw[q].w;
			diag = up;
			row[q + 1] = best;
			left = best;
		}
	}
	return row[bn] / all;
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

/* The fixed inputs of one alignment: the two articles, the threshold,
 * wa[k * m + s] (wb_t[s * n + k]), the weight of the words of a's
 * sentence k (b's sentence s) with a possible partner on the other side,
 * and which of the other's sentences hold a possible partner of each word
 * of a (held_a) and of b (held_b), as bitsets. wb_t is by b's sentences,
 * as it is filled: a copy by a's was a scattered store per pair of
 * sentences. */
typedef struct pairing {
	const nd_align_doc *a, *b;
	double *wa, *wb_t;
	uint64_t *held_a, *held_b;
	size_t m;
	double min_sim;
	/* The MAY_ flags of a's sentence k against b's s at
	 * may[k * may_w + s], once filled from wa and wb_t. */
	unsigned char *may;
	size_t may_w;
} pairing;

/* Does bitset row h have one of bits k..k+count-1? */
static bool held_in(const uint64_t *h, size_t k, size_t count)
{
	bool in = (h[k >> 6] >> (k & 63)) & 1;
	size_t s;

	for (s = k + 1; s < k + count; s++)
		in |= (h[s >> 6] >> (s & 63)) & 1;
	return in;
}

/* Sentences k..k+count-1 of d as a run of only the words with a possible
 * partner in the other run (held: d's words' bitsets, of hw words a row,
 * o and ocount the other run's sentences), copied to buf. A word without
 * a partner leaves the LCS table as it found it (rows and columns of the
 * table stay nondecreasing), so the score is the same, for less work. */
static run partnered(nd_align_word *buf, const nd_align_doc *d, size_t k,
		     size_t count, const uint64_t *held, size_t hw, size_t o,
		     size_t ocount)
{
	run r = sentences(d, k, count);
	size_t x, n = 0;

	/* Every word is copied, only those held kept: the test is in no
	 * pattern a branch could learn. */
	for (x = d->first[k]; x < d->first[k + count]; x++) {
		buf[n] = d->words[x];
		n += held_in(held + x * hw, o, ocount);
	}
	r.w = buf;
	r.n = n;
	return r;
}

/* Can a's sentences ka..ka+na-1 against b's kb..kb+nb-1, one side a single
 * sentence, score min? Each word of the single sentence may count
 * against both of the other side, so its weight is capped by its total. */
static bool run_may_reach(const pairing *g, size_t ka, size_t na, size_t kb,
			  size_t nb, double min)
{
	const nd_align_doc *a = g->a, *b = g->b;
	double may_a = 0, may_b = 0, all = 0;
	size_t x, y;

	for (x = ka; x < ka + na; x++)
		for (y = kb; y < kb + nb; y++) {
			may_a += g->wa[x * g->m + y];
			may_b += g->wb_t[y * a->n_sents + x];
		}
	for (x = ka; x < ka + na; x++)
		all += a->total[x];
	for (y = kb; y < kb + nb; y++)
		all += b->total[y];
	if (na == 1 && may_a > a->total[ka])
		may_a = a->total[ka];
	if (nb == 1 && may_b > b->total[kb])
		may_b = b->total[kb];
	return may_reach(may_a + may_b, all, min);
}

/* What the bounds let a pair of sentences be part of: a one-to-one bead
 * (MAY_FULL, min_sim) or a two-to-one bead (MAY_HALF, half min_sim). */
#define MAY_FULL 1
#define MAY_HALF 2

/* The MAY_ flags of a's sentence k against b's s, from run_may_reach's
 * bound without its loops. */
static unsigned char may_flags(const pairing *g, size_t k, size_t s)
{
	double ta = g->a->total[k], tb = g->b->total[s];
	double may_a = g->wa[k * g->m + s];
	double may_b = g->wb_t[s * g->a->n_sents + k];
	double may = (may_a > ta ? ta : may_a) + (may_b > tb ? tb : may_b);

	if (may_reach(may, ta + tb, g->min_sim))
		return MAY_FULL | MAY_HALF;
	return may_reach(may, ta + tb, g->min_sim / 2) ? MAY_HALF : 0;
}

/* f[s] = may_flags(g, k, s) for each of b's sentences s, and 0 on to the
 * next multiple of 8 (fill_flags reads eight at a time). */
static void may_row_scalar(unsigned char *f, const pairing *g, size_t k)
{
	size_t s;

	for (s = 0; s < g->m; s++)
		f[s] = may_flags(g, k, s);
	for (; s % 8; s++)
		f[s] = 0;
}

#ifdef ROW_WIDE
/* may_row_scalar eight sentences at a time, by the same operations on
 * the same doubles (the lanes past m give 0); f needs room for m rounded
 * up to a multiple of 8. */
__attribute__((target("avx512f,bmi2"))) static void
may_row_wide(unsigned char *f, const pairing *g, size_t k)
{
	/* One byte a lane, from one bit a lane of a mask. */
	const uint64_t spread = 0x0101010101010101ULL;
	__m512d ta = _mm512_set1_pd(g->a->total[k]);
	__m512d full = _mm512_set1_pd(g->min_sim * BOUND_SLACK);
	__m512d half = _mm512_set1_pd(g->min_sim / 2 * BOUND_SLACK);
	const double *wa = g->wa + k * g->m, *wb = g->wb_t + k;
	/* Lane l reads wb_t[(s + l) * n + k]: a gather, from offsets that
	 * step by 8 rows. */
	long long n = (long long)g->a->n_sents;
	__m512i at = _mm512_set_epi64(7 * n, 6 * n, 5 * n, 4 * n, 3 * n, 2 * n,
				      n, 0);
	__m512i step = _mm512_set1_epi64(8 * n);
	size_t s;

	for (s = 0; s < g->m; s += 8, at = _mm512_add_epi64(at, step)) {
		__mmask8 in = g->m - s >= 8 ? 0xff
					    : (__mmask8)((1u << (g->m - s)) - 1);
		__m512d tb = _mm512_maskz_loadu_pd(in, g->b->total + s);
		__m512d wbs = _mm512_mask_i64gather_pd(_mm512_setzero_pd(), in,
						       at, wb, 8);
		__m512d may = _mm512_add_pd(
			_mm512_min_pd(_mm512_maskz_loadu_pd(in, wa + s), ta),
			_mm512_min_pd(wbs, tb));
		__m512d all = _mm512_add_pd(ta, tb);
		__mmask8 some = _mm512_cmp_pd_mask(all, _mm512_setzero_pd(),
						   _CMP_GT_OQ);
		__mmask8 f1 = some & _mm512_cmp_pd_mask(
					     may, _mm512_mul_pd(full, all),
					     _CMP_GE_OQ);
		__mmask8 f2 = some & _mm512_cmp_pd_mask(
					     may, _mm512_mul_pd(half, all),
					     _CMP_GE_OQ);
		uint64_t bytes = _pdep_u64(f1, spread) * (MAY_FULL | MAY_HALF) |
				 _pdep_u64(f2, spread) * MAY_HALF;

		memcpy(f + s, &bytes, sizeof(bytes));
	}
}
#endif

/* may_row_scalar, by the fastest way the processor has. */
static void may_row(unsigned char *f, const pairing *g, size_t k)
{
#ifdef ROW_WIDE
	if (__builtin_cpu_supports("avx512f") &&
	    __builtin_cpu_supports("bmi2")) {
		may_row_wide(f, g, k);
		return;
	}
#endif
	may_row_scalar(f, g, k);
}

/* Score of a's sentences ka.. (na of them) against b's kb.. (nb). */
static double score_runs(const pairing *g, size_t ka, size_t na, size_t kb,
			 size_t nb)
{
	nd_align_word wx[2 * ND_ALIGN_MAX_WORDS], wy[2 * ND_ALIGN_MAX_WORDS];
	run x, y;

	x = partnered(wx, g->a, ka, na, g->held_a, held_width(g->m), kb, nb);
	y = partnered(wy, g->b, kb, nb, g->held_b,
		      held_width(g->a->n_sents), ka, na);
	return run_score(&x, &y);
}

/* score_runs, or 0 when it cannot reach min. */
static double run_pair(const pairing *g, size_t ka, size_t na, size_t kb,
		       size_t nb, double min)
{
	if (!run_may_reach(g, ka, na, kb, nb, min))
		return 0;
	return score_runs(g, ka, na, kb, nb);
}

/* Bytes with the MAY_ flag f in each of eight. */
#define EACH_BYTE(f) (0x0101010101010101ULL * (f))

/* out[s] (eight bytes a word, 0 from m on): nonzero where a's sentence k
 * and b's s have MAY_FULL, or MAY_HALF along with a neighbour that has
 * it too: a's k + 1 or b's s + 1, and when back also a's k - 1 or b's
 * s - 1. A two-to-one bead needs MAY_HALF on both of its pairs, so the
 * other cells are in one-to-one beads only, which MAY_FULL allows, and in
 * no bead at all without it. */
static void bead_cells(uint64_t *out, const pairing *g, size_t k, bool back)
{
	const unsigned char *may = g->may + k * g->may_w;
	size_t t, words = g->may_w / 8;

	for (t = 0; t < words; t++) {
		uint64_t v, up = 0, dn = 0, next = 0, prev = 0;

		memcpy(&v, may + 8 * t, sizeof(v));
		if (back && k > 0)
			memcpy(&up, may - g->may_w + 8 * t, sizeof(up));
		if (k + 1 < g->a->n_sents)
			memcpy(&dn, may + g->may_w + 8 * t, sizeof(dn));
		/* The row's flags are 0 from m to may_w. */
		if (t + 1 < words)
			memcpy(&next, may + 8 * t + 8, 1);
		if (back && t > 0)
			memcpy(&prev, may + 8 * t - 1, 1);
		next = v >> 8 | next << 56;
		prev = back ? v << 8 | prev : 0;
		out[t] = v & (EACH_BYTE(MAY_FULL) |
			      ((up | dn | next | prev) & EACH_BYTE(MAY_HALF)));
	}
}

/* Best cell at (i, j) of the table, 1-based, given rows i-2 (r2), i-1 (r1)
 * and the cells of row i left of j (r0). pair[j-1] is the score of a's
 * sentence i-1 against b's j-1; pair_up the row above's. */
static cell best_cell(const pairing *g, size_t i, size_t j, const cell *r2,
		      const cell *r1, const cell *r0, const double *pair,
		      const double *pair_up)
{
	double min_sim = g->min_sim;
	cell c = better(r1[j], r0[j - 1]);
	double s = pair[j - 1];

	if (s >= min_sim)
		c = better(c, extend(r1[j - 1], s, 1, 1));
	/* Two sentences against one only when each of the two shares
	 * something with the one. */
	if (i >= 2 && s >= min_sim / 2 && pair_up[j - 1] >= min_sim / 2) {
		if ((s = run_pair(g, i - 2, 2, j - 1, 1, min_sim)) >= min_sim)
			c = better(c, extend(r2[j - 1], s, 2, 1));
	}
	if (j >= 2 && pair[j - 1] >= min_sim / 2 &&
	    pair[j - 2] >= min_sim / 2) {
		if ((s = run_pair(g, i - 1, 1, j - 2, 2, min_sim)) >= min_sim)
			c = better(c, extend(r1[j - 2], s, 1, 2));
	}
	return c;
}

/* Fills g's partner weights and bitsets (allocated) from the two
 * indexes; in_b and in_a have room for a's and b's groups and one more. */
static void fill_partner_weights(pairing *g, uint32_t *in_b, uint32_t *in_a)
{
	match_groups(in_b, in_a, g->a, g->b);
	partner_weights(g->wa, g->held_a, in_b, g->a, g->b);
	partner_weights(g->wb_t, g->held_b, in_a, g->b, g->a);
}

/* Sentences of a (na) and of b (nb) covered by a chain of beads. */
typedef struct reach {
	uint16_t na, nb;
} reach;
_Static_assert(2 * ND_ALIGN_MAX_SENTS <= UINT16_MAX,
	       "a chain's cover fits a reach");

static reach reach_max(reach x, reach y)
{
	reach r = { x.na > y.na ? x.na : y.na, x.nb > y.nb ? x.nb : y.nb };

	return r;
}

static reach reach_add(reach x, size_t ka, size_t kb)
{
	x.na = (uint16_t)(x.na + ka);
	x.nb = (uint16_t)(x.nb + kb);
	return x;
}

/* suf[i][j] of fill_suffix from the rows i (r0), i + 1 (r1) and i + 2
 * (r2, only read when a has sentences i + 1 and i + 2): best_cell's
 * recursion from the end, with every bead the bounds allow in place of
 * the scored ones, each cover maximised on its own. may and may_dn are
 * the MAY_ flags of a's sentences i and i + 1. */
static reach suffix_cell(const pairing *g, size_t i, size_t j,
			 const reach *r2, const reach *r1, const reach *r0,
			 const unsigned char *may, const unsigned char *may_dn)
{
	reach c = reach_max(r1[j], r0[j + 1]);

	if (may[j] & MAY_FULL)
		c = reach_max(c, reach_add(r1[j + 1], 1, 1));
	if (i + 2 <= g->a->n_sents && (may[j] & may_dn[j] & MAY_HALF) &&
	    run_may_reach(g, i, 2, j, 1, g->min_sim))
		c = reach_max(c, reach_add(r2[j + 1], 2, 1));
	if (j + 2 <= g->m && (may[j] & may[j + 1] & MAY_HALF) &&
	    run_may_reach(g, i, 1, j, 2, g->min_sim))
		c = reach_max(c, reach_add(r1[j + 2], 1, 2));
	return c;
}

/* suf[i * (m + 1) + j]: the most sentences of a and of b that beads the
 * bounds allow can cover among a's sentences from i and b's from j. Every
 * bead of the scored alignment passes the bounds, so what it adds after
 * any cell of its table is at most this; the bounds cost no word
 * comparison. */
static void fill_suffix(reach *suf, const pairing *g)
{
	size_t i, j, t, n = g->a->n_sents, m = g->m, w = m + 1;
	/* Where a bead may start in one row: at a cell in a bead with a
	 * neighbour after it (bead_cells), eight bytes a word. */
	uint64_t starts[ROW_CAP / 8];

	memset(suf + n * w, 0, w * sizeof(*suf));
	for (i = n; i-- > 0;) {
		reach *r0 = suf + i * w;
		const reach *r1 = r0 + w;
		/* Row i + 1 is read only when a has that sentence. */
		const unsigned char *may = g->may + i * g->may_w;
		unsigned char *start = (unsigned char *)starts;
		/* The cell right of j where a bead may start, or cell m (0). */
		reach right;

		bead_cells(starts, g, i, false);
		r0[m] = r1[m];
		right = r0[m];
		/* Where no bead starts (most cells), suffix_cell is the
		 * larger of the cell below and the one to the right; rows of
		 * suf never grow to the right, so that is the larger of the
		 * cell below and right: no cell waits on its neighbour's
		 * store. */
		for (t = (m + 7) / 8; t-- > 0;) {
			size_t lo = 8 * t, hi = lo + 8 < m ? lo + 8 : m;

			/* Eight cells without a bead: none waits on another. */
			if (starts[t] == 0) {
				for (j = lo; j < hi; j++)
					r0[j] = reach_max(r1[j], right);
				continue;
			}
			for (j = hi; j-- > lo;) {
				if (start[j] == 0) {
					r0[j] = reach_max(r1[j], right);
					continue;
				}
				r0[j] = suffix_cell(g, i, j, r0 + 2 * w, r1,
						    r0, may, may + g->may_w);
				right = r0[j];
			}
		}
	}
}

/* Fills g's flags; is any alignment from them able to cover need_a of
 * a's sentences or need_b of b's? Each bead's sentences are flagged
 * against each other (bead_cells, best_cell), so an alignment covers
 * only sentences with some flag: counting those rules out about a
 * quarter of a story's candidate pairs (80 of 288 of a 50-article one)
 * before the suffix bound is filled. */
static bool fill_flags(pairing *g, size_t need_a, size_t need_b)
{
	/* Eight flags a word: a row is whole words, 0 past m. */
	uint64_t col[ROW_CAP / 8] = { 0 }, v;
	size_t k, t, n = g->a->n_sents, rows = 0, cols = 0;

	for (k = 0; k < n; k++) {
		unsigned char *f = g->may + k * g->may_w;
		uint64_t any = 0;

		may_row(f, g, k);
		for (t = 0; t < g->may_w / 8; t++) {
			memcpy(&v, f + 8 * t, sizeof(v));
			any |= v;
			col[t] |= v;
		}
		rows += any != 0;
	}
	for (t = 0; t < g->may_w / 8; t++) {
		for (v = col[t]; v; v >>= 8)
			cols += (v & 0xff) != 0;
	}
	return rows >= need_a || cols >= need_b;
}

/* Can an alignment through a cell of table row r (m + 1 cells), with the
 * suffix bounds suf of that row, cover need_a of a or need_b of b? */
static bool row_may_need(const cell *r, const reach *suf, size_t m,
			 size_t need_a, size_t need_b)
{
	size_t j;

	for (j = 0; j <= m; j++) {
		if (r[j].na + suf[j].na >= need_a ||
		    r[j].nb + suf[j].nb >= need_b)
			return true;
	}
	return false;
}

void nd_align_scratch_dispose(nd_align_scratch *sc)
{
	nd_free(sc->buf);
	sc->buf = NULL;
	sc->cap = 0;
}

/* Bytes of a part of the scratch space: whole cache lines, so no two
 * parts share one. */
static size_t part_bytes(size_t n)
{
	return (n + 63) / 64 * 64;
}

/* part[k] = room for size[k] bytes, k < n, all in sc's space (grown when
 * too small). Returns 0 or ND_ENOMEM. */
static int scratch_parts(nd_align_scratch *sc, const size_t *size,
			 void **part, size_t n)
{
	size_t k, total = 0;
	unsigned char *p;

	for (k = 0; k < n; k++)
		total += part_bytes(size[k]);
	if (total > sc->cap) {
		nd_align_scratch_dispose(sc);
		sc->buf = nd_malloc(total);
		if (sc->buf == NULL)
			return ND_ENOMEM;
		sc->cap = total;
	}
	for (p = sc->buf, k = 0; k < n; p += part_bytes(size[k++]))
		part[k] = p;
	return ND_OK;
}

/* nd_align_count's parts of the scratch space. */
enum { P_WA, P_WB, P_SUF, P_HELD_A, P_HELD_B, P_R2, P_R1, P_R0, P_PAIR,
       P_PAIR_UP, P_IN_B, P_IN_A, P_MAY, P_COUNT };

int nd_align_count(size_t *cover_a, size_t *cover_b, const nd_align_doc *a,
		   const nd_align_doc *b, double min_sim, size_t need_a,
		   size_t need_b, nd_align_scratch *sc)
{
	/* Table rows i-2, i-1 and i, and pair scores of rows i-1 and i. */
	cell *r2, *r1, *r0, *tc;
	double *pair, *pair_up, *td;
	reach *suf;
	size_t i, j, n = a->n_sents, m = b->n_sents;
	/* may_row writes whole groups of 8 flags. */
	pairing g = { a, b, NULL, NULL, NULL, NULL, m, min_sim, NULL,
		      (m + 7) / 8 * 8 };
	/* Both counts are at most ND_ALIGN_MAX_SENTS, and words at most
	 * ND_ALIGN_MAX_SENTS * ND_ALIGN_MAX_WORDS a side: no overflow. */
	size_t size[P_COUNT] = {
		[P_WA] = (n * m + ROW_CAP) * sizeof(*g.wa),
		[P_WB] = (n * m + ROW_CAP) * sizeof(*g.wb_t),
		[P_SUF] = (n + 1) * (m + 1) * sizeof(*suf),
		[P_HELD_A] = a->n_words * held_width(m) * sizeof(*g.held_a),
		[P_HELD_B] = b->n_words * held_width(n) * sizeof(*g.held_b),
		[P_R2] = (m + 1) * sizeof(*r2),
		[P_R1] = (m + 1) * sizeof(*r1),
		[P_R0] = (m + 1) * sizeof(*r0),
		[P_PAIR] = m * sizeof(*pair),
		[P_PAIR_UP] = m * sizeof(*pair_up),
		[P_IN_B] = (a->n_groups + 1) * sizeof(uint32_t),
		[P_IN_A] = (b->n_groups + 1) * sizeof(uint32_t),
		[P_MAY] = n * g.may_w,
	};
	void *part[P_COUNT];
	/* Which pair scores of a row best_cell may use: those of cells in
	 * a bead with a neighbour before or after (bead_cells). */
	uint64_t used[ROW_CAP / 8];
	bool live, live_up;

	*cover_a = *cover_b = 0;
	if (n == 0 || m == 0)
		return ND_OK;
	if (scratch_parts(sc, size, part, P_COUNT))
		return ND_ENOMEM;
	g.wa = part[P_WA];
	g.wb_t = part[P_WB];
	g.held_a = part[P_HELD_A];
	g.held_b = part[P_HELD_B];
	g.may = part[P_MAY];
	suf = part[P_SUF];
	r2 = part[P_R2];
	r1 = part[P_R1];
	r0 = part[P_R0];
	pair = part[P_PAIR];
	pair_up = part[P_PAIR_UP];
	/* The rest is written before it is read; the table starts empty. */
	memset(r2, 0, size[P_R2]);
	memset(r1, 0, size[P_R1]);
	fill_partner_weights(&g, part[P_IN_B], part[P_IN_A]);
	if (!fill_flags(&g, need_a, need_b))
		return ND_OK;
	fill_suffix(suf, &g);
	/* The alignment's path holds a cell of row i or of row i - 1 (a
	 * bead of two of a's sentences steps over row i): when none of
	 * those can lead to need_a or need_b, neither can the alignment.
	 * Most candidate pairs of a story stop at row 0. */
	live_up = row_may_need(r1, suf, m, need_a, need_b);
	if (!live_up)
		return ND_OK;
	for (i = 1; i <= n; i++) {
		/* A pair score counts only in a bead: those that the bounds
		 * keep out of every bead (bead_cells) stay 0, which best_cell
		 * takes alike. */
		bead_cells(used, &g, i - 1, true);
		for (j = 0; j < m; j++)
			pair[j] = ((unsigned char *)used)[j]
					  ? score_runs(&g, i - 1, 1, j, 1)
					  : 0;
		memset(&r0[0], 0, sizeof(r0[0]));
		for (j = 1; j <= m; j++)
			r0[j] = best_cell(&g, i, j, r2, r1, r0, pair,
					  pair_up);
		live = row_may_need(r0, suf + i * (m + 1), m, need_a, need_b);
		if (!live && !live_up)
			return ND_OK;
		live_up = live;
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
	return ND_OK;
}
