#include "facts/gender.h"

#include "core/alloc.h"
#include "core/error.h"
#include "core/utf8.h"
#include "facts/quotes.h"

/* Votes a word casts, by the gazetteer's ND_LEX_FEMALE and ND_LEX_MALE
 * words (titles and relations): +1 female, -1 male, 0 none. */
static int word_vote(nd_fstory *st, const nd_doc *d, size_t i)
{
	uint32_t cls = nd_fstory_lex(st, d, i).cls;

	return (cls & ND_LEX_FEMALE) ? 1 : (cls & ND_LEX_MALE) ? -1 : 0;
}

int nd_gender_of_word(nd_fstory *st, const nd_doc *d, size_t i)
{
	int v = i < d->ntoks ? word_vote(st, d, i) : 0;

	return v > 0 ? ND_GENDER_FEMALE : v < 0 ? ND_GENDER_MALE
						: ND_GENDER_UNKNOWN;
}

int nd_gender_of_pronoun(const nd_fstory *st, const nd_doc *d, size_t i)
{
	static const char *const hers[] = { "she", "her", "herself", NULL };
	static const char *const his[] = { "he", "him", "his", "himself",
					   NULL };

	if (i >= d->ntoks)
		return ND_GENDER_UNKNOWN;
	if (nd_fstory_in(st, d, i, hers))
		return ND_GENDER_FEMALE;
	if (nd_fstory_in(st, d, i, his))
		return ND_GENDER_MALE;
	return ND_GENDER_UNKNOWN;
}

/* Honorifics and roles right before mention m, its cues' words and the
 * word after its comma ("Qin Qinguo, his father,"): weighed twice. */
static int mention_vote(nd_fstory *st, const nd_doc *d,
			const nd_mention *m)
{
	size_t t, end = (size_t)m->tok + m->ntok;
	int v = 0;

	for (t = m->tok0 > 2 ? m->tok0 - 2 : 0; t < m->tok; t++)
		v += word_vote(st, d, t);
	for (t = end; t < d->ntoks && t < end + 3; t++)
		v += word_vote(st, d, t);
	return 2 * v;
}

/* Does sentence s hold a quotation mark? Pronouns in quoted words are
 * someone else's. */
static bool quoting(const nd_doc *d, size_t s)
{
	const char *p = d->text + d->sents[s].off;
	const char *end = p + d->sents[s].len;

	while (p < end) {
		/* Newswire's ``…'' too; a lone "'" is an apostrophe. */
		if (*p == '`' || (*p == '\'' && p + 1 < end && p[1] == '\''))
			return true;
		if (nd_quotes_double_mark(nd_utf8_decode(&p, end)))
			return true;
	}
	return false;
}

/* Is "her" at token t possessive ("her colleagues", "her own"), a noun
 * after it in the sentence ending at token e? */
static bool possessive_her(const nd_fstory *st, const nd_doc *d, size_t t,
			   size_t e)
{
	return t + 1 < e && nd_fstory_gap(d, t) == ND_GAP_SPACE &&
	       (!(d->toks[t + 1].flags & ND_TOK_STOP) ||
		nd_fstory_is(st, d, t + 1, "own"));
}

/* For each sentence of document k that names one person and no quotation,
 * a vote by the pronouns after the name ("Jan Childress, visiting with
 * her son,"; not "Facing her, Miro Tachkevar"): female only, +1; male
 * only, -1. */
static void pronoun_votes(nd_fstory *st, uint32_t k, int *votes)
{
	const nd_doc *d = nd_fstory_doc(st, k);
	size_t mi = st->doc_ment[k], hi = st->doc_ment[k + 1], s;

	for (s = 0; s < d->nsents; s++) {
		size_t t, a = d->sents[s].tok, e = a + d->sents[s].ntok;
		uint32_t who = ND_FX_NONE;
		size_t after = e;
		bool one = true;
		int f = 0, m = 0, g;

		for (; mi < hi && st->ments[mi].tok < e; mi++) {
			const nd_mention *x = &st->ments[mi];

			if (x->entity == ND_FX_NONE ||
			    st->ents[x->entity].kind != ND_ENTITY_PERSON)
				continue;
			if (who != ND_FX_NONE && who != x->entity)
				one = false;
			if (who == ND_FX_NONE)
				after = (size_t)x->tok + x->ntok;
			who = x->entity;
		}
		if (who == ND_FX_NONE || !one || quoting(d, s))
			continue;
		/* "she", "his" and "her colleagues", not "him" or "her"
		 * as an object: "Wendie Rosenberg took him to an
		 * audiologist". */
		for (t = after; t < e; t++) {
			if (nd_fstory_is(st, d, t, "him") ||
			    (nd_fstory_is(st, d, t, "her") &&
			     !possessive_her(st, d, t, e)))
				continue;
			g = nd_gender_of_pronoun(st, d, t);
			f += g == ND_GENDER_FEMALE;
			m += g == ND_GENDER_MALE;
		}
		if (f && !m)
			votes[who]++;
		else if (m && !f)
			votes[who]--;
	}
}

int nd_gender_build(nd_fstory *st)
{
	int *votes = nd_calloc(st->n_ents + 1, sizeof(*votes));
	size_t i;
	uint32_t k;

	st->ent_gender = nd_calloc(st->n_ents + 1, sizeof(*st->ent_gender));
	if (votes == NULL || st->ent_gender == NULL) {
		nd_free(votes);
		return ND_ENOMEM;
	}
	for (i = 0; i < st->n_ments; i++) {
		const nd_mention *m = &st->ments[i];

		if (m->entity != ND_FX_NONE &&
		    st->ents[m->entity].kind == ND_ENTITY_PERSON)
			votes[m->entity] +=
				mention_vote(st, nd_fstory_doc(st, m->doc), m);
	}
	for (k = 0; k < st->n; k++)
		pronoun_votes(st, k, votes);
	for (i = 0; i < st->n_ents; i++)
		st->ent_gender[i] = votes[i] > 0   ? ND_GENDER_FEMALE
				    : votes[i] < 0 ? ND_GENDER_MALE
						   : ND_GENDER_UNKNOWN;
	nd_free(votes);
	return ND_OK;
}
