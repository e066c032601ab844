/* The facts stage's word lists: countries, capitals and regions, demonyms,
 * titles, organisation and place words, months and weekdays, and the verbs
 * that report speech.
 *
 * Everything is keyed by the folded form (core/utf8.h), so "Türkiye",
 * "turkiye" and "TÜRKIYE" look the same. Places carry a place id: names of
 * one country ("Russia", "Russian Federation", "RU" demonyms) share it,
 * which is how variant merging knows "US" and "United States" are one. */
#ifndef ND_FACTS_GAZETTEER_H
#define ND_FACTS_GAZETTEER_H

#include <stddef.h> /* size_t */
#include <stdint.h> /* uint32_t */

typedef struct nd_gazetteer nd_gazetteer;

/* Classes of a word or phrase; one word may have several. */
enum {
	ND_LEX_PLACE = 1u << 0,     /* country, capital, region */
	ND_LEX_DEMONYM = 1u << 1,   /* Kazakh, Russian: an adjective */
	ND_LEX_TITLE = 1u << 2,     /* President, Minister, Dr */
	ND_LEX_PORTFOLIO = 1u << 3, /* State, Foreign Affairs after "of" */
	ND_LEX_ORGWORD = 1u << 4,   /* Ministry, Council, Times */
	ND_LEX_PLACEWORD = 1u << 5, /* River, Port, Dam */
	ND_LEX_CONNECTOR = 1u << 6, /* of, the, and, de, al, bin */
	ND_LEX_MONTH = 1u << 7,
	ND_LEX_WEEKDAY = 1u << 8,
	ND_LEX_ABBREV = 1u << 9,    /* title written with a period: Dr. */
	ND_LEX_LOCPREP = 1u << 10,  /* in, at, from: before a place */
	ND_LEX_SPEECH = 1u << 11,   /* said, told, added: reports speech */
	ND_LEX_NUMWORD = 1u << 12,  /* aux: 1-90, 12 (dozen), or minus the
				       power of ten of a multiplier */
	ND_LEX_NUMVAGUE = 1u << 13, /* tens, thousands: aux power of ten */
	ND_LEX_ORGNAME = 1u << 14,  /* an organisation by itself: Reuters */
	ND_LEX_COMPASS = 1u << 15,  /* West, North: a direction, no name */
	ND_LEX_KIN = 1u << 16,      /* wife, father, lawyer: who someone is
				       to another, a cue like a title */
	ND_LEX_FEMALE = 1u << 17,   /* Mrs., wife, spokeswoman: a woman */
	ND_LEX_MALE = 1u << 18      /* Mr., husband, spokesman: a man */
};

typedef struct nd_lex {
	uint32_t cls;   /* ND_LEX_* */
	uint32_t place; /* place id (PLACE, DEMONYM), 0 when none */
	int aux;        /* month 1-12, weekday 1-7 (Monday 1), numbers */
} nd_lex;

/* Builds the lists (a few thousand folded keys). 0 or ND_ENOMEM. */
int nd_gazetteer_create(nd_gazetteer **out);
/* Accepts NULL. */
void nd_gazetteer_free(nd_gazetteer *g);
/* Classes of the folded word or phrase (words joined by one space); all
 * zero when unknown. */
nd_lex nd_gazetteer_lookup(const nd_gazetteer *g, const char *folded,
			   size_t len);

#endif
