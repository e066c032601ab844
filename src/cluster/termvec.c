#include "cluster/termvec.h"

#include <math.h>   /* log, sqrt */
#include <string.h> /* memset */

#include "core/alloc.h"
#include "core/error.h"
#include "core/sorted.h"

/* Title words count this many times: a headline names the story. */
#define TITLE_WEIGHT 2

/* One counted occurrence: the stem, how much it counts, name or not. */
typedef struct occ {
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

/* Occurrences of the content words of d into o (room for d->ntoks). */
static size_t collect(occ *o, const nd_doc *d)
{
	size_t s, i, n = 0;

	for (s = 0; s < d->nsents; s++) {
		const nd_sentence *st = &d->sents[s];
		int title = (st->flags & ND_SENT_TITLE) != 0;

		for (i = 0; i < st->ntok; i++) {
			const nd_token *t = &d->toks[st->tok + i];

			if (t->flags & (ND_TOK_STOP | ND_TOK_NUMBER))
				continue;
			o[n].stem = t->stem;
			o[n].count = title ? TITLE_WEIGHT : 1;
			/* Headlines capitalise every word; a sentence's first
			 * word is capitalised anyway. */
			o[n].name = !title && (t->flags & ND_TOK_CAPITAL) &&
				    !(t->flags & ND_TOK_FIRST);
			n++;
		}
	}
	return n;
}

/* Merges the occurrences of each stem of o[0..n) into m, by stem; returns
 * how many stems there are. keys (room for n) is scratch: the radix sort
 * of (stem, position) keys beats a qsort of the occurrences. */
static size_t merge_stems(occ *m, uint64_t *keys, const occ *o, size_t n)
{
	size_t i, k = 0;

	for (i = 0; i < n; i++)
		keys[i] = (uint64_t)o[i].stem << 32 | i;
	nd_sort_unique_u64(keys, n);
	for (i = 0; i < n; i++) {
		const occ *x = &o[keys[i] & UINT32_MAX];

		if (k > 0 && m[k - 1].stem == x->stem) {
			m[k - 1].count += x->count;
			m[k - 1].name |= x->name;
		} else {
			m[k++] = *x;
		}
	}
	return k;
}

int nd_termvec_build(nd_termvec *out, const nd_doc *d, const nd_vocab *v)
{
	occ *o = NULL, *m = NULL;
	uint64_t *keys = NULL;
	size_t i, k = 0;
	double norm = 0;
	int rc = ND_ENOMEM;

	memset(out, 0, sizeof(*out));
	/* Positions must fit the low half of a sort key. */
	if (d->ntoks >= UINT32_MAX)
		goto done;
	o = nd_calloc(d->ntoks + 1, sizeof(*o));
	m = nd_calloc(d->ntoks + 1, sizeof(*m));
	keys = nd_calloc(d->ntoks + 1, sizeof(*keys));
	if (o == NULL || m == NULL || keys == NULL)
		goto done;
	k = merge_stems(m, keys, o, collect(o, d));
	out->stem = nd_calloc(k + 1, sizeof(*out->stem));
	out->w = nd_calloc(k + 1, sizeof(*out->w));
	out->name = nd_calloc(k + 1, sizeof(*out->name));
	if (!out->stem || !out->w || !out->name)
		goto done;
	for (i = 0; i < k; i++) {
		out->stem[i] = m[i].stem;
		/* log(1) is +0 exactly (C11 F.10.3.7): most stems occur
		 * once, and skip the call. */
		out->w[i] = (m[i].count == 1 ? 1.0
					     : 1.0 + log((double)m[i].count)) *
			    nd_vocab_idf(v, m[i].stem);
		out->name[i] = (unsigned char)m[i].name;
		norm += out->w[i] * out->w[i];
	}
	out->n = k;
	if (norm > 0) {
		norm = sqrt(norm);
		for (i = 0; i < k; i++)
			out->w[i] /= norm;
	}
	rc = ND_OK;
done:
	nd_free(o);
	nd_free(m);
	nd_free(keys);
	return rc;
}
