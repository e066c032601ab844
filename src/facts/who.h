/* What attribution works on, shared by speaker.c (who said a quotation)
 * and reported.c (reported speech): a document of the story, the mention
 * each of its tokens is in, and small readings of its tokens. Internal
 * to src/facts. */
#ifndef ND_FACTS_WHO_H
#define ND_FACTS_WHO_H

#include <stdbool.h> /* bool */
#include <stddef.h>  /* size_t */
#include <stdint.h>  /* uint32_t */
#include <string.h>  /* memchr */

#include "facts/fstory.h"

/* The longest apposition read as one ("the U.S. state secretary,"), in
 * tokens. */
#define ND_WHO_APPOSITION_TOKENS 8

/* The person the last "he" or "she" stood for, and where: a later
 * pronoun with no new subject between stands for the same one. */
typedef struct nd_who_chain {
	uint32_t ref;
	size_t off;
} nd_who_chain;

/* One document being attributed. */
typedef struct nd_who {
	nd_fstory *st;
	uint32_t k;          /* story document */
	const nd_doc *d;
	uint32_t *tok_ment;  /* per token: its mention or ND_FX_NONE */
	size_t m_lo, m_hi;   /* the document's mentions */
	nd_who_chain *pron;  /* points at chain: readers of a const nd_who
				still follow pronouns */
	nd_who_chain chain;
} nd_who;

/* Sets up w for story document k of st (after the entities are built).
 * 0 or ND_ENOMEM; nd_who_dispose in either case. */
int nd_who_init(nd_who *w, nd_fstory *st, uint32_t k);
/* Frees the token table. */
void nd_who_dispose(nd_who *w);
/* Forgets the pronouns followed so far: a new pass over the document. */
void nd_who_forget(nd_who *w);

/* The mention token i is in, ND_FX_NONE when none. */
static inline uint32_t nd_who_mention(const nd_who *w, size_t i)
{
	return i < w->d->ntoks ? w->tok_ment[i] : ND_FX_NONE;
}

/* The kind of mention mi's entity. */
static inline nd_entity_kind nd_who_kind(const nd_who *w, uint32_t mi)
{
	return w->st->ents[w->st->ments[mi].entity].kind;
}

/* Is token i the folded word s? */
static inline bool nd_who_is(const nd_who *w, size_t i, const char *s)
{
	return nd_fstory_is(w->st, w->d, i, s);
}

/* "he" or "she", not a name's "He" ("Ms. He", "He Xintong"). */
static inline bool nd_who_pronoun(const nd_who *w, size_t i)
{
	return (nd_who_is(w, i, "he") || nd_who_is(w, i, "she")) &&
	       nd_who_mention(w, i) == ND_FX_NONE;
}

/* Is token i a speech verb ("said", "told")? */
static inline bool nd_who_speech(const nd_who *w, size_t i)
{
	return (nd_fstory_lex(w->st, w->d, i).cls & ND_LEX_SPEECH) != 0;
}

/* Do tokens i, i + 1 (before end) read "according to"? */
static inline bool nd_who_according(const nd_who *w, size_t i, size_t end)
{
	return i + 1 < end && nd_who_is(w, i, "according") &&
	       nd_who_is(w, i + 1, "to");
}

/* Is there a comma between token i and the next? */
static inline bool nd_who_comma_after(const nd_who *w, size_t i)
{
	const nd_token *t;

	if (i + 1 >= w->d->ntoks)
		return false;
	t = &w->d->toks[i];
	return memchr(w->d->text + t->off + t->len, ',',
		      w->d->toks[i + 1].off - (t->off + t->len)) != NULL;
}

/* Is token i one of the folded words of the NULL-ended list? */
static inline bool nd_who_in(const nd_who *w, size_t i,
			     const char *const *words)
{
	return nd_fstory_in(w->st, w->d, i, words);
}

/* Is token t a preposition ("of", "by", "in", …)? */
static inline bool nd_who_preposition(const nd_who *w, size_t t)
{
	static const char *const more[] = {
		"of", "by", "with", "to", "for", "against", "about", "than",
		"on", "upon", "over", "under", "after", "before", "among",
		"between", "without", NULL,
	};

	return (nd_fstory_lex(w->st, w->d, t).cls & ND_LEX_LOCPREP) ||
	       nd_who_in(w, t, more);
}

#endif
