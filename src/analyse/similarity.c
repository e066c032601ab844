#include "analyse/analyse.h"

#include "core/sorted.h"

size_t nd_sentence_stems(const nd_doc *d, size_t s, uint32_t *out,
			 size_t max)
{
	const nd_sentence *sent = &d->sents[s];
	size_t i, n = 0;

	for (i = 0; i < sent->ntok && n < max; i++) {
		const nd_token *t = &d->toks[sent->tok + i];

		if (!(t->flags & ND_TOK_STOP))
			out[n++] = t->stem;
	}
	return nd_sort_unique_u32(out, n);
}

double nd_sentence_similarity(const nd_vocab *v, const nd_doc *da, size_t sa,
			      const nd_doc *db, size_t sb)
{
	uint32_t a[ND_SENT_STEMS_MAX], b[ND_SENT_STEMS_MAX];
	size_t na = nd_sentence_stems(da, sa, a, ND_SENT_STEMS_MAX);
	size_t nb = nd_sentence_stems(db, sb, b, ND_SENT_STEMS_MAX);
	double wa = 0, wb = 0, common = 0;
	size_t i = 0, j = 0;

	while (i < na || j < nb) {
		if (j >= nb || (i < na && a[i] < b[j])) {
			wa += nd_vocab_idf(v, a[i++]);
		} else if (i >= na || b[j] < a[i]) {
			wb += nd_vocab_idf(v, b[j++]);
		} else {
			double w = nd_vocab_idf(v, a[i]);

			wa += w;
			wb += w;
			common += w;
			i++;
			j++;
		}
	}
	if (wa + wb <= 0)
		return 0;
	return 2 * common / (wa + wb);
}
