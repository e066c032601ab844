/* Dates: "February 28, 2023", "Feb 28", "28th of February", "December of
 * 1991", "January 2022", "in 2015", "2023-02-28", "in August", and
 * weekdays, which are read against the article's publication date when it
 * is known. Values are ISO-like: "2023-02-28", "--02-28" (year unknown),
 * "1991-12", "2015", "--08" (a month alone). */
#ifndef ND_FACTS_DATES_H
#define ND_FACTS_DATES_H

#include <stdbool.h> /* bool */
#include <stddef.h>  /* size_t */

#include "facts/fstory.h"

#define ND_FDATE_VALUE_MAX 40

typedef struct nd_fdate {
	char value[ND_FDATE_VALUE_MAX];
	size_t end;     /* token past the date */
	bool day_level; /* names a day, not a month or year */
} nd_fdate;

/* Reads a date starting at token i of d; s_tok is the first token of its
 * sentence, end the token past it. False when none starts there. */
bool nd_fdate_read(nd_fdate *out, nd_fstory *st, const nd_doc *d, size_t i,
		   size_t s_tok, size_t end);
/* The value of weekday (1 Monday .. 7 Sunday) in an article published on
 * `published` (any date core/date reads; its own day, in its own zone):
 * the last such day on or before it, or the weekday's name when the date
 * is unknown. */
void nd_fdate_weekday(char *out, size_t size, int weekday,
		      const char *published);

#endif
