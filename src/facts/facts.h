/* facts: quotes with speakers, named entities with their variants, and
 * numbers, amounts and dates, each with the articles that state them. */
#ifndef ND_FACTS_H
#define ND_FACTS_H

#include <stddef.h> /* size_t */

#include "analyse/analyse.h"
#include "newsdigest.h" /* nd_entity_kind, nd_fact_kind */

/* One occurrence: a corpus article and a byte range of its cleaned text;
 * for a quotation also how it compares with the fullest version. */
typedef struct nd_fspan {
	size_t doc, off, len;
	nd_quote_form form;
} nd_fspan;

typedef struct nd_quote {
	const char *text;    /* without the quotation marks */
	const char *speaker; /* canonical entity name, "" when unresolved */
	int direct;
	size_t doc, off, len; /* the fullest version, range in the cleaned text */
	size_t n_sources;
	size_t *sources;     /* sorted article indices */
	nd_fspan *occ;       /* every occurrence, in story order */
	size_t n_occ;
} nd_quote;

typedef struct nd_entity {
	const char *name;    /* canonical: the fullest common spelling */
	nd_entity_kind kind;
	const char **variants; /* canonical first */
	size_t n_variants;
	size_t n_mentions;
	nd_fspan *ments;     /* n_mentions, in story order */
	size_t n_sources;
	size_t *sources;
} nd_entity;

typedef struct nd_fact {
	const char *text;    /* as first written */
	nd_fact_kind kind;
	const char *value;   /* normalised value, the grouping key */
	const char *context; /* the sentence it comes from */
	const char *about;   /* the entity its sentence ties it to, or "" */
	size_t doc, off, len;
	size_t n_sources;
	size_t *sources;
	size_t independent;  /* sources that are their own origin's */
	nd_fspan *occ;       /* every occurrence, in story order */
	size_t n_occ;
	size_t *conflicts;   /* other facts of the story for the same slot */
	size_t n_conflicts;
} nd_fact;

typedef struct nd_story_facts {
	nd_quote *quotes;
	size_t n_quotes;
	nd_entity *entities; /* most widely reported first */
	size_t n_entities;
	nd_fact *facts;      /* most widely reported first */
	size_t n_facts;
} nd_story_facts;

/* The word lists facts are read against (countries, capitals, titles,
 * number and month words): built once, then only read, so every story of
 * a batch shares one. */
typedef struct nd_facts nd_facts;

/* Builds the word lists. Returns 0 or ND_ENOMEM. */
int nd_facts_create(nd_facts **out);
/* Accepts NULL. */
void nd_facts_free(nd_facts *f);

/* Extracts and merges the facts of the story made of members[0..n) of c,
 * against the word lists of f; origin (per corpus article, NULL when
 * every article is its own) says which copies and rewrites count as one
 * source. Memory in arena. Returns 0 or ND_ENOMEM. */
int nd_facts_story(nd_story_facts *out, const nd_facts *f,
		   const nd_corpus *c, const size_t *members, size_t n,
		   const size_t *origin, nd_arena *arena);

#endif
