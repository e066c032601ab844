/* Lineage: where each article comes from, given the relations dedup found.
 *
 * An article's parent is the source of its strongest duplicate,
 * near-duplicate or rewrite-of relation; following parents leads to its
 * origin, an article that copies and rewrites none. Partial reuse leaves
 * an article its own origin: it reports on its own and repeats a passage.
 * Directions come from dates and completeness (dedup.c), which can in
 * rare ties point two ways around a loop; such a loop is cut at its
 * lowest article, which becomes the loop's origin. */
#ifndef ND_DEDUP_LINEAGE_H
#define ND_DEDUP_LINEAGE_H

#include <stdbool.h> /* bool */
#include <stddef.h>  /* size_t */

#include "dedup/dedup.h"

/* Is e a stronger claim than f: kind (duplicate first), then score, then
 * the lower source. */
bool nd_dedup_stronger(const nd_dedup_edge *e, const nd_dedup_edge *f);
/* Fills origin[0..n) for the n articles the edges relate; edges as
 * nd_dedup_run returns them. Returns 0 or ND_ENOMEM. */
int nd_dedup_origins(size_t *origin, size_t n, const nd_dedup_edge *edges,
		     size_t n_edges);
/* Which of the articles members[0..n) was published first by the dates in
 * published (indexed by article; "" when unknown): the earliest date,
 * ties to the earlier member; ND_NONE when none has a date. */
size_t nd_dedup_earliest(const size_t *members, size_t n,
			 const char *const *published);

#endif
