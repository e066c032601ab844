/* Corroboration: the same quotation or fact across the articles of a
 * story, and which articles carry it.
 *
 * Quotations are one when their folded words are equal, one holds the
 * other, or their word sets overlap with Jaccard 0.7 or more; the speaker
 * is the one most occurrences name. Facts are one when kind and
 * normalised value are equal; a day without a year ("--02-28") joins the
 * one full date with that day, if the story has exactly one. */
#ifndef ND_FACTS_CORROBORATE_H
#define ND_FACTS_CORROBORATE_H

#include "facts/amounts.h"
#include "facts/facts.h"
#include "facts/fstory.h"
#include "facts/quotes.h"

/* Fills out->quotes from every occurrence in qs (speakers resolved),
 * most widely carried first, then in order of appearance. Memory in
 * st->arena. 0 or ND_ENOMEM. */
int nd_corroborate_quotes(nd_story_facts *out, nd_fstory *st,
			  const nd_quotes *qs);
/* Fills out->facts from the occurrences in rf, most widely reported
 * first, then in order of appearance. 0 or ND_ENOMEM. */
int nd_corroborate_facts(nd_story_facts *out, nd_fstory *st,
			 const nd_rawfacts *rf);

#endif
