/* cluster: group a batch's articles into stories with the story index.
 *
 * The batch is placed as a stream would be: in publication order (an
 * undated article keeps its place in the input, taking the date of the
 * dated article before it), each article joining the live story it
 * matches best or starting one (include/newsdigest.h, nd_storyindex).
 * An article that copies or rewrites an earlier one (a dedup edge) joins
 * its story whatever it scores. Stories the index merges are one story
 * here; the articles a split moves are in the story split off. */
#ifndef ND_CLUSTER_H
#define ND_CLUSTER_H

#include <stddef.h> /* size_t */

#include "core/arena.h"
#include "dedup/dedup.h"
#include "newsdigest.h"

typedef struct nd_cluster_opts {
	double threshold; /* 0: the index's default */
	int single;       /* put everything in one story */
	int explain;      /* record each placement's evidence */
	long long expire_after; /* 0: the index's default */
} nd_cluster_opts;

/* An article as clustering reads it. */
typedef struct nd_cluster_item {
	const char *title;
	size_t title_len;
	const char *text; /* the body, without the title */
	size_t text_len;
	long long published; /* seconds since 1970, or ND_NO_TIME */
} nd_cluster_item;

/* Writes the story of each article to story_of[0..n) and the number of
 * stories to *n_stories; place[0..n) (may be NULL) gets each placement,
 * its evidence copied into arena. Stories are numbered by their first
 * article in input order, so story 0 holds article 0. Returns 0 or
 * ND_ENOMEM. */
int nd_cluster_run(size_t *story_of, size_t *n_stories,
		   nd_story_placement *place, const nd_cluster_item *items,
		   size_t n, const nd_dedup_edge *edges, size_t n_edges,
		   const nd_cluster_opts *opts, nd_arena *arena);

#endif
