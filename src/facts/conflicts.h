/* Conflicts: two facts of a story that give different values for the same
 * thing ("$40 million in aid" in three articles, "$45 million in aid" in
 * a fourth).
 *
 * Money, percentages, quantities and counts of a named thing are
 * compared; dates and bare numbers are not, a story holds too many
 * unrelated ones. Two facts are about the same thing when they share the
 * kind and unit (currency, unit of measure, counted noun) and an
 * occurrence of each, in different articles, has content words around
 * the number in common: two or more, and at least 40% of the smaller
 * set (the slot: "aid", "pledged"), and no other value of that article
 * has more in common with it. Facts that one article states side by side
 * are about different things and never conflict. */
#ifndef ND_FACTS_CONFLICTS_H
#define ND_FACTS_CONFLICTS_H

#include <stdint.h> /* uint32_t */

#include "facts/amounts.h"
#include "facts/facts.h"
#include "facts/fstory.h"

/* Fills conflicts of out->facts, given each raw fact's group (group_of)
 * and each group's index in out->facts (sorted_at). Memory in
 * st->arena. 0 or ND_ENOMEM. */
int nd_conflicts_find(nd_story_facts *out, nd_fstory *st,
		      const nd_rawfacts *rf, const uint32_t *group_of,
		      const uint32_t *sorted_at);

#endif
