#include "facts/who.h"

#include "core/alloc.h"
#include "core/error.h"

int nd_who_init(nd_who *w, nd_fstory *st, uint32_t k)
{
	size_t i;

	w->st = st;
	w->k = k;
	w->pron = &w->chain;
	nd_who_forget(w);
	w->d = nd_fstory_doc(st, k);
	w->m_lo = st->doc_ment[k];
	w->m_hi = st->doc_ment[k + 1];
	w->tok_ment = nd_calloc(w->d->ntoks + 1, sizeof(*w->tok_ment));
	if (w->tok_ment == NULL)
		return ND_ENOMEM;
	for (i = 0; i < w->d->ntoks; i++)
		w->tok_ment[i] = ND_FX_NONE;
	for (i = w->m_lo; i < w->m_hi; i++) {
		const nd_mention *m = &st->ments[i];
		size_t t;

		if (m->entity == ND_FX_NONE)
			continue;
		for (t = m->tok0; t < (size_t)m->tok + m->ntok; t++)
			w->tok_ment[t] = (uint32_t)i;
	}
	return ND_OK;
}

void nd_who_dispose(nd_who *w)
{
	nd_free(w->tok_ment);
	w->tok_ment = NULL;
}

void nd_who_forget(nd_who *w)
{
	w->chain.ref = ND_FX_NONE;
	w->chain.off = 0;
}
