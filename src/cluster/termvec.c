#include "cluster/termvec.h"

#include <math.h>   /* log, sqrt */
#include <stdlib.h> /* qsort */
#include <string.h> /* memset */

#include "core/alloc.h"
#include "core/error.h"

/* Title words count this many times: a headline names the story. */
#define TITLE_WEIGHT 2

/* One counted occurrence: the stem, how much it counts, name or not. */
typedef struct occ {
	uint32_t stem;
	uint32_t count;
	uint32_t name;
} occ;

static int cmp_occ(const void *a, const void *b)
{
	const occ *x = a, *y = b;

	return x->stem < y->stem ? -1 : x->stem > y->stem;
}

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

int nd_termvec_build(nd_termvec *out, const nd_doc *d, const nd_vocab *v)
{
	occ *o = NULL;
	size_t i, n, k = 0;
	double norm = 0;
	int rc = ND_ENOMEM;

	memset(out, 0, sizeof(*out));
	o = nd_calloc(d->ntoks + 1, sizeof(*o));
	if (o == NULL)
		goto done;
	n = collect(o, d);
	qsort(o, n, sizeof(*o), cmp_occ);
	/* Merge runs of one stem in place. */
	for (i = 0; i < n; i++) {
		if (k > 0 && o[k - 1].stem == o[i].stem) {
			o[k - 1].count += o[i].count;
			o[k - 1].name |= o[i].name;
		} else {
			o[k++] = o[i];
		}
	}
	out->stem = nd_calloc(k + 1, sizeof(*out->stem));
	out->w = nd_calloc(k + 1, sizeof(*out->w));
	out->name = nd_calloc(k + 1, sizeof(*out->name));
	if (!out->stem || !out->w || !out->name)
		goto done;
	for (i = 0; i < k; i++) {
		out->stem[i] = o[i].stem;
		out->w[i] = (1.0 + log((double)o[i].count)) *
			    nd_vocab_idf(v, o[i].stem);
		out->name[i] = (unsigned char)o[i].name;
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
	return rc;
}
