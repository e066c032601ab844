#include "facts/facts.h"

#include <string.h> /* memset */

#include "core/alloc.h"
#include "core/error.h"
#include "facts/amounts.h"
#include "facts/corroborate.h"
#include "facts/entities.h"
#include "facts/fstory.h"
#include "facts/names.h"
#include "facts/quotes.h"
#include "facts/gender.h"
#include "facts/reported.h"
#include "facts/speaker.h"
#include "facts/who.h"

struct nd_facts {
	nd_gazetteer *gaz;
};

int nd_facts_create(nd_facts **out)
{
	nd_facts *f = nd_calloc(1, sizeof(*f));

	*out = NULL;
	if (f == NULL)
		return ND_ENOMEM;
	if (nd_gazetteer_create(&f->gaz)) {
		nd_free(f);
		return ND_ENOMEM;
	}
	*out = f;
	return ND_OK;
}

void nd_facts_free(nd_facts *f)
{
	if (f == NULL)
		return;
	nd_gazetteer_free(f->gaz);
	nd_free(f);
}

/* Story document k's quotations, direct and reported, their speakers
 * found, the parts of one joined; one mention table serves all. */
static int quotations(nd_quotes *qs, nd_fstory *st, uint32_t k)
{
	size_t q0 = qs->n;
	nd_who w;
	int rc;

	w.tok_ment = NULL;
	rc = nd_quotes_find(qs, st, k);
	if (rc == ND_OK)
		rc = nd_who_init(&w, st, k);
	if (rc == ND_OK && qs->n > q0) {
		nd_speaker_resolve(&w, qs->q + q0, qs->n - q0);
		rc = nd_quotes_join(qs, st, k, q0);
	}
	if (rc == ND_OK)
		rc = nd_reported_find(qs, &w, q0);
	nd_who_dispose(&w);
	return rc;
}

/* Passes: names in every article, entities across them, then per article
 * its quotations (attributed through the entities) and number facts, and
 * last the grouping of quotations and facts across articles. A story past
 * the mention or value caps keeps what was found before the cap. */
int nd_facts_story(nd_story_facts *out, const nd_facts *f,
		   const nd_corpus *c, const size_t *members, size_t n,
		   const size_t *origin, nd_arena *arena)
{
	nd_fstory st;
	nd_quotes qs;
	nd_rawfacts rf;
	bool facts_full = false;
	uint32_t k;
	int rc;

	memset(out, 0, sizeof(*out));
	memset(&qs, 0, sizeof(qs));
	nd_rawfacts_init(&rf);
	rc = nd_fstory_init(&st, f->gaz, c, members, n, arena);
	if (rc)
		goto done;
	st.origin = origin;
	rc = nd_names_scan(&st);
	if (rc && rc != ND_ETOOBIG)
		goto done;
	rc = nd_entities_build(&st);
	if (rc == ND_OK)
		rc = nd_gender_build(&st);
	if (rc)
		goto done;
	for (k = 0; k < n; k++) {
		rc = quotations(&qs, &st, k);
		if (rc)
			goto done;
		if (facts_full)
			continue;
		rc = nd_amounts_scan(&rf, &st, k);
		if (rc == ND_ETOOBIG)
			facts_full = true;
		else if (rc)
			goto done;
	}
	rc = nd_corroborate_quotes(out, &st, &qs);
	if (rc)
		goto done;
	rc = nd_corroborate_facts(out, &st, &rf);
	if (rc)
		goto done;
	out->entities = st.ents;
	out->n_entities = st.n_ents;
done:
	if (rc)
		memset(out, 0, sizeof(*out));
	nd_rawfacts_dispose(&rf);
	nd_quotes_dispose(&qs);
	nd_fstory_dispose(&st);
	return rc ? ND_ENOMEM : ND_OK;
}
