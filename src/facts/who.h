/* What attribution works on, shared by speaker.c (who said a quotation)
 * and reported.c (reported speech): a document of the story, the mention
 * each of its tokens is in, and the subject of a speech verb. Internal to
 * src/facts. */
#ifndef ND_FACTS_WHO_H
#define ND_FACTS_WHO_H

#include <stdbool.h> /* bool */
#include <stddef.h>  /* size_t */
#include <stdint.h>  /* uint32_t */

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
	uint32_t k;         /* story document */
	const nd_doc *d;
	uint32_t *tok_ment; /* per token: its mention or ND_FX_NONE */
	size_t m_lo, m_hi;  /* the document's mentions */
	nd_who_chain *pron; /* set by the caller; pronouns resolved so far */
} nd_who;

/* Sets up w (its pron already pointing at a chain) for story document k
 * of st. 0 or ND_ENOMEM; nd_who_dispose in either case. */
int nd_who_init(nd_who *w, nd_fstory *st, uint32_t k);
/* Frees the token table. */
void nd_who_dispose(nd_who *w);

/* Is token i the folded word s? */
bool nd_who_is(const nd_who *w, size_t i, const char *s);
/* Is token i a speech verb ("said", "told")? */
bool nd_who_speech(const nd_who *w, size_t i);
/* Do tokens i, i + 1 (before end) read "according to"? */
bool nd_who_according(const nd_who *w, size_t i, size_t end);
/* Is there a comma between token i and the next? */
bool nd_who_comma_after(const nd_who *w, size_t i);
/* The mention token i is in, ND_FX_NONE when none. */
uint32_t nd_who_mention(const nd_who *w, size_t i);
/* The kind of mention mi's entity. */
nd_entity_kind nd_who_kind(const nd_who *w, uint32_t mi);
/* The subject of speech verb v: looked for back to t0 (within v's
 * sentence), else after the verb up to end; an entity or ND_FX_NONE.
 * quote is the byte a pronoun's antecedent must come before. */
uint32_t nd_who_subject(const nd_who *w, size_t t0, size_t v, size_t end,
			size_t quote);
/* The speaker named after a verb, from token i up to end ("said X",
 * "according to the minister"); ND_FX_NONE when none. */
uint32_t nd_who_after_verb(const nd_who *w, size_t i, size_t end,
			   size_t quote);

#endif
