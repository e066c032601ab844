#include "facts/reported.h"

#include <string.h> /* memchr */

#include "core/error.h"
#include "facts/speaker.h"
#include "facts/who.h"

/* The fewest words of a reported clause; the longest closing attribution
 * (", the ministry's spokesman said"); how far into the sentence a
 * subject's speech verb may stand; the longest tail after a closing
 * attribution's verb ("…, the board's engineer said Friday."); the
 * longest addressee of "told" ("told the magistrate's courts he"). */
#define MIN_REPORTED_TOKENS 4
#define ATTRIBUTION_TOKENS 7
#define SUBJECT_TOKENS 20
#define TAIL_SUBJECT_TOKENS 4
#define ADDRESSEE_TOKENS 5

/* Bytes of tokens [a, e) of d, the closing punctuation of the last one
 * left out. */
static void clause_bytes(const nd_doc *d, size_t a, size_t e, size_t *off,
			 size_t *len)
{
	*off = d->toks[a].off;
	*len = d->toks[e - 1].off + d->toks[e - 1].len - *off;
}

/* Verbs that take a clause without "that": "said he would". */
static bool bare_clause_verb(const nd_who *w, size_t v)
{
	static const char *const verbs[] = {
		"said", "says", "say", "added", "adds", "saying", "adding",
		"told", "tells", NULL,
	};

	return nd_who_in(w, v, verbs);
}

/* Does token t open a phrase of place, time or manner ("said in
 * Thursday's paper", "said at the church", "saying hours after"), not a
 * clause? */
static bool adverbial(const nd_who *w, size_t t)
{
	static const char *const more[] = {
		"as", "after", "before", "while", "during", "hours",
		"minutes", "days", NULL,
	};

	return nd_who_preposition(w, t) || nd_who_in(w, t, more);
}

static bool subject_pronoun(const nd_who *w, size_t t)
{
	static const char *const more[] = { "they", "it", "we", "i",
					    "there", NULL };

	return nd_who_pronoun(w, t) || nd_who_in(w, t, more);
}

/* Where the reported clause after verb v starts: past a time ("said
 * Thursday", "said on Friday"), the addressee of "told" ("told the court
 * he …"), and "that"; e when there is none. */
static size_t clause_start(const nd_who *w, size_t v, size_t e)
{
	size_t t = v + 1, k;

	while (t < e && (nd_who_is(w, t, "on") || nd_who_is(w, t, "today") ||
			 nd_who_is(w, t, "yesterday") ||
			 (nd_fstory_lex(w->st, w->d, t).cls & ND_LEX_WEEKDAY)))
		t++;
	if (nd_who_is(w, v, "told") || nd_who_is(w, v, "tells")) {
		for (k = t; k < e && k < t + ADDRESSEE_TOKENS; k++) {
			if (nd_who_is(w, k, "that"))
				return k + 1;
			if (subject_pronoun(w, k))
				return k;
			if (nd_who_comma_after(w, k))
				break;
		}
		return e;
	}
	if (t < e && nd_who_is(w, t, "that"))
		return t + 1;
	if (!bare_clause_verb(w, v) || t >= e || nd_who_comma_after(w, v) ||
	    adverbial(w, t))
		return e;
	return t;
}

/* The last token of an apposition starting at token a ("the U.S. state
 * secretary,"): the one before its closing comma, if that comes soon;
 * otherwise keep. */
static size_t apposition_end(const nd_who *w, size_t a, size_t e, size_t keep)
{
	size_t t;

	for (t = a; t + 1 < e && t < a + ND_WHO_APPOSITION_TOKENS; t++) {
		if (nd_who_comma_after(w, t))
			return t;
	}
	return keep;
}

typedef struct clause {
	size_t a, e;      /* tokens of the reported words */
	uint32_t speaker;
} clause;

/* "According to X, …": the clause after the phrase (and an apposition
 * of X). */
static bool according_clause(const nd_who *w, size_t a, size_t e, clause *c)
{
	static const char *const articles[] = { "the", "a", "an", NULL };
	size_t v;
	uint32_t mi;

	for (v = a + 2; v + 1 < e && !nd_who_comma_after(w, v); v++)
		;
	/* "According to the board's engineer, Tobias Renvall, …" */
	mi = v + 1 < e ? nd_who_mention(w, v + 1) : ND_FX_NONE;
	if (mi != ND_FX_NONE && nd_who_kind(w, mi) == ND_ENTITY_PERSON &&
	    nd_who_comma_after(w, w->st->ments[mi].tok +
					  w->st->ments[mi].ntok - 1))
		v = w->st->ments[mi].tok + w->st->ments[mi].ntok - 1;
	/* "According to Antony Blinken, the U.S. state secretary, …" */
	else if (v + 1 < e &&
		 nd_who_in(w, v + 1, articles))
		v = apposition_end(w, v + 1, e, v);
	c->a = v + 1;
	c->e = e;
	c->speaker = nd_speaker_after_verb(w, a + 2, v + 1, w->d->toks[a].off);
	return c->e >= c->a + MIN_REPORTED_TOKENS;
}

/* "…, police said." / "…, said the ministry's spokesman Jan Berg." /
 * "…, according to X.": the clause before the last comma. */
static bool closing_clause(const nd_who *w, size_t a, size_t e, clause *c)
{
	size_t v, comma = e;

	for (v = e - 1; v > a && v + ATTRIBUTION_TOKENS >= e; v--) {
		if (nd_who_comma_after(w, v - 1)) {
			comma = v;
			break;
		}
	}
	for (v = comma; v < e && v < comma + TAIL_SUBJECT_TOKENS; v++) {
		bool acc = nd_who_according(w, v, e);

		/* The verb ends the sentence, or names who comes next. */
		if (!acc && !(nd_who_speech(w, v) &&
			      (e <= v + TAIL_SUBJECT_TOKENS || v == comma)))
			continue;
		c->a = a;
		c->e = comma;
		c->speaker = acc ? nd_speaker_after_verb(w, v + 2, e,
						     w->d->toks[v].off)
				 : nd_speaker_subject(w, comma, v, e,
						  w->d->toks[v].off);
		return c->e >= c->a + MIN_REPORTED_TOKENS &&
		       (acc || v > comma || c->speaker != ND_FX_NONE);
	}
	return false;
}

/* The first comma after token c1 within a tail's length, before e. */
static bool next_comma(const nd_who *w, size_t c1, size_t e, size_t *c2)
{
	for (*c2 = c1 + 1; *c2 + 1 < e && *c2 <= c1 + TAIL_SUBJECT_TOKENS;
	     (*c2)++) {
		if (nd_who_comma_after(w, *c2))
			return true;
	}
	return false;
}

/* "Until now, he said, each side has …": an attribution between two
 * commas inside the sentence; the sentence is the clause. */
static bool middle_clause(const nd_who *w, size_t a, size_t e, clause *c)
{
	size_t c1, c2, v;

	for (c1 = a; c1 + 2 < e; c1++) {
		if (!nd_who_comma_after(w, c1) || !next_comma(w, c1, e, &c2))
			continue;
		for (v = c1 + 1; v <= c2 && !nd_who_speech(w, v); v++)
			;
		if (v > c2)
			continue;
		c->speaker = nd_speaker_subject(w, c1 + 1, v, c2 + 1,
						w->d->toks[v].off);
		c->a = a;
		c->e = e;
		return c->speaker != ND_FX_NONE &&
		       e >= a + MIN_REPORTED_TOKENS + 3;
	}
	return false;
}

/* "X said (that) …", "…, saying …": a speech verb, its subject before it
 * in the sentence, the clause after it, up to before `stop` (a direct
 * quotation's opening, else e). */
static bool subject_clause(const nd_who *w, size_t a, size_t e, size_t stop,
			   clause *c)
{
	size_t v;

	for (v = a + 1; v < stop && v < e && v < a + SUBJECT_TOKENS; v++) {
		if (!nd_who_speech(w, v))
			continue;
		c->speaker = nd_speaker_subject(w, a, v, v + 1,
						w->d->toks[v].off);
		c->a = clause_start(w, v, e);
		c->e = e;
		/* "She added: "…"" reports nothing outside the quotation. */
		return c->speaker != ND_FX_NONE && c->a < stop &&
		       c->e >= c->a + MIN_REPORTED_TOKENS;
	}
	return false;
}

/* The first token of sentence se that a direct quotation of q[0..n)
 * covers or opens at (its first when one runs into it); e when none.
 * Sentences come in text order, as the quotations do: *from skips those
 * ending before se. */
static size_t quote_opens(const nd_who *w, const nd_qspan *q, size_t n,
			  size_t *from, const nd_sentence *se, size_t e)
{
	size_t a = se->off, b = a + se->len;

	while (*from < n && q[*from].close <= a)
		(*from)++;
	if (*from == n || q[*from].open >= b)
		return e;
	return q[*from].open <= a ? se->tok
				  : nd_fstory_tok_at(w->d, q[*from].open);
}

/* The reported speech of sentence se, if any. In a sentence with a
 * direct quotation only a verb before the quotation reports, and its
 * clause runs to the sentence's end, the quoted words in it as the
 * guidelines have it ("Olin said the service "fulfilled every demand""),
 * or to a colon before the quotation ("She said they refused, and asked:
 * "…""). */
static bool reported(const nd_who *w, const nd_sentence *se, const nd_qspan *q,
		     size_t nq, size_t *qi, clause *c)
{
	size_t a = se->tok, e = a + se->ntok, stop, t;

	stop = quote_opens(w, q, nq, qi, se, e);
	if (e - a < MIN_REPORTED_TOKENS)
		return false;
	if (stop == e && nd_who_according(w, a, e))
		return according_clause(w, a, e, c);
	if (stop == e && closing_clause(w, a, e, c))
		return true;
	if (stop == e && middle_clause(w, a, e, c))
		return true;
	if (stop == a || !subject_clause(w, a, e, stop, c))
		return false;
	for (t = c->a; stop < e && t < stop; t++) {
		if (memchr(w->d->text + w->d->toks[t].off + w->d->toks[t].len,
			   ':', w->d->toks[t + 1].off - w->d->toks[t].off -
					w->d->toks[t].len)) {
			c->e = t + 1;
			break;
		}
	}
	return c->e >= c->a + MIN_REPORTED_TOKENS;
}

int nd_reported_find(nd_quotes *qs, nd_who *w, size_t q0)
{
	size_t s, n = qs->n, qi = 0;
	int rc = ND_OK;

	nd_who_forget(w);
	for (s = 0; s < w->d->nsents && rc == ND_OK; s++) {
		const nd_sentence *se = &w->d->sents[s];
		size_t off, len;
		clause c;

		/* qs->q may move as reported speech is added: index it (and
		 * it is NULL while a story has no quotation). */
		if ((se->flags & ND_SENT_TITLE) || se->ntok == 0 ||
		    !reported(w, se, qs->q ? qs->q + q0 : NULL, n - q0, &qi,
			      &c))
			continue;
		clause_bytes(w->d, c.a, c.e, &off, &len);
		rc = nd_quotes_add_reported(qs, w->st, w->k, off, len,
					    c.speaker);
	}
	return rc;
}
