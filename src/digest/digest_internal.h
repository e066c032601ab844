/* The steps of nd_digest_story over one story's tables. */
#ifndef ND_DIGEST_INTERNAL_H
#define ND_DIGEST_INTERNAL_H

#include <stddef.h> /* size_t */

#include "digest/candidates.h"
#include "digest/digest.h"
#include "digest/dstory.h"
#include "digest/probe.h"

/* The member whose title and lead are most central to the story; prefers
 * real titles; ties go to the earliest. Returns 0 or ND_ENOMEM. */
int nd_digest_headline(size_t *member, const nd_dstory *s);

/* Sorts chosen[0..n) into reading order, each forms[k] moving with its
 * sentence. Returns 0 or ND_ENOMEM. */
int nd_digest_order(size_t *chosen, nd_dtrim *forms, size_t n,
		    const nd_dstory *s);

/* Chooses summary sentences (story sentence numbers) into chosen (room for
 * max), *n_chosen of them, each in the form forms[k] (ntok 0: whole),
 * within words or, when non-zero, bytes; p weighs how widely each is
 * reported. Returns 0 or ND_ENOMEM. */
int nd_digest_select(size_t *chosen, nd_dtrim *forms, size_t *n_chosen,
		     size_t max, nd_dprobe *p, unsigned words,
		     unsigned bytes);

/* Fills items[k].sources (sorted corpus indices, in arena) with every member
 * that states story sentence chosen[k]. Returns 0 or ND_ENOMEM. */
int nd_digest_attribute(nd_summary_item *items, const size_t *chosen,
			size_t n, nd_dprobe *p, nd_arena *arena);

#endif
