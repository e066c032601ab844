#include "cluster/termvec.h"

#include <math.h>   /* log, sqrt */
#include <string.h> /* memset */

#include "core/alloc.h"
#include "core/error.h"
#include "core/sorted.h"

/* Title words count this many times: a headline names the story. */
#define TITLE_WEIGHT 2
/* An article's stems are put in order by a scan of the per-stem bitmap
 * when it has at most this many words per stem, else by a sort: a word
 * scanned costs a small part of what a key sorted does, and the scan
 * stays bounded by the sort's cost however large the vocabulary. */
#define SCAN_PER_STEM 8

/* A stem of one article: how much it counts, used as a name or not. */
typedef struct nd_termvec_count {
	uint32_t stem;
	uint32_t count;
	uint32_t name;
} occ;

void nd_termvec_dispose(nd_termvec *tv)
{
	nd_free(tv->stem);
	nd_free(tv->w);
	nd_free(tv->name);
	memset(tv, 0, sizeof(*tv));
}

void nd_termvec_work_dispose(nd_termvec_work *w)
{
	nd_free(w->at);
	nd_free(w->bits);
	nd_free(w->m);
	nd_free(w->keys);
	memset(w, 0, sizeof(*w));
}

int nd_termvec_work_init(nd_termvec_work *w, size_t n_stems)
{
	memset(w, 0, sizeof(*w));
	w->at = nd_calloc(n_stems + 1, sizeof(*w->at));
	w->n_bits = n_stems / 64 + 1;
	w->bits = nd_calloc(w->n_bits, sizeof(*w->bits));
	if (w->at == NULL || w->bits == NULL) {
		nd_termvec_work_dispose(w);
		return ND_ENOMEM;
	}
	return ND_OK;
}

/* The content words of d counted per stem into w->m, in order of first
 * occurrence, each marked in w->at and w->bits; returns how many stems
 * there are. w->m has room for d->ntoks, and the marks are all clear, as
 * order_stems leaves them. */
static size_t collect(nd_termvec_work *w, const nd_doc *d)
{
	size_t s, i, n = 0;

	for (s = 0; s < d->nsents; s++) {
		const nd_sentence *st = &d->sents[s];
		int title = (st->flags & ND_SENT_TITLE) != 0;

		for (i = 0; i < st->ntok; i++) {
			const nd_token *t = &d->toks[st->tok + i];
			occ *x;

			if (t->flags & (ND_TOK_STOP | ND_TOK_NUMBER))
				continue;
			if (w->at[t->stem] == 0) {
				x = &w->m[n];
				x->stem = t->stem;
				x->count = 0;
				x->name = 0;
				w->at[t->stem] = (uint32_t)++n;
				w->bits[t->stem / 64] |= 1ULL << t->stem % 64;
			}
			x = &w->m[w->at[t->stem] - 1];
			x->count += title ? TITLE_WEIGHT : 1;
			/* Headlines capitalise every word; a sentence's first
			 * word is capitalised anyway. */
			x->name |= !title && (t->flags & ND_TOK_CAPITAL) &&
				   !(t->flags & ND_TOK_FIRST);
		}
	}
	return n;
}

/* The places in w->m of its k stems, in stem order, into the low halves
 * of w->keys; clears the stems' marks. */
static void order_stems(nd_termvec_work *w, size_t k)
{
	size_t i, n = 0;

	if (w->n_bits <= SCAN_PER_STEM * k) {
		for (i = 0; i < w->n_bits; i++) {
			uint64_t b = w->bits[i];

			w->bits[i] = 0;
			for (; b; b &= b - 1) {
				size_t stem = i * 64 + (size_t)__builtin_ctzll(b);

				w->keys[n++] = w->at[stem] - 1;
				w->at[stem] = 0;
			}
		}
		return;
	}
	for (i = 0; i < k; i++) {
		w->keys[i] = (uint64_t)w->m[i].stem << 32 | i;
		w->at[w->m[i].stem] = 0;
		w->bits[w->m[i].stem / 64] = 0;
	}
	nd_sort_unique_u64(w->keys, k);
}

int nd_termvec_build(nd_termvec *out, nd_termvec_work *w, const nd_doc *d,
		     const nd_vocab *v)
{
	size_t i, k;
	double norm = 0;

	memset(out, 0, sizeof(*out));
	/* Positions must fit the low half of a sort key. */
	if (d->ntoks >= UINT32_MAX ||
	    nd_array_reserve((void **)&w->m, &w->cap_m, d->ntoks + 1,
			     sizeof(*w->m)) ||
	    nd_array_reserve((void **)&w->keys, &w->cap_keys, d->ntoks + 1,
			     sizeof(*w->keys)))
		return ND_ENOMEM;
	k = collect(w, d);
	order_stems(w, k);
	out->stem = nd_calloc(k + 1, sizeof(*out->stem));
	out->w = nd_calloc(k + 1, sizeof(*out->w));
	out->name = nd_calloc(k + 1, sizeof(*out->name));
	if (!out->stem || !out->w || !out->name)
		return ND_ENOMEM;
	for (i = 0; i < k; i++) {
		const occ *x = &w->m[w->keys[i] & UINT32_MAX];

		out->stem[i] = x->stem;
		/* log(1) is +0 exactly (C11 F.10.3.7): most stems occur
		 * once, and skip the call. */
		out->w[i] = (x->count == 1 ? 1.0
					   : 1.0 + log((double)x->count)) *
			    nd_vocab_idf(v, x->stem);
		out->name[i] = (unsigned char)x->name;
		norm += out->w[i] * out->w[i];
	}
	out->n = k;
	if (norm > 0) {
		norm = sqrt(norm);
		for (i = 0; i < k; i++)
			out->w[i] /= norm;
	}
	return ND_OK;
}
