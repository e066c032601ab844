/* cluster: group articles into stories.
 *
 * Deterministic single pass in input order: each article joins the most
 * similar story (TF-IDF cosine to the story centroid, boosted by shared
 * names) when the score passes the threshold, otherwise it starts a story.
 * Articles linked by a dedup edge always share a story. */
#ifndef ND_CLUSTER_H
#define ND_CLUSTER_H

#include <stddef.h> /* size_t */

#include "analyse/analyse.h"
#include "dedup/dedup.h"

typedef struct nd_cluster_opts {
	double threshold; /* default 0.22, see docs/pipeline.md */
	int single;       /* put everything in one story */
} nd_cluster_opts;

/* Writes the story of each article to story_of[0..c->n) and the number of
 * stories to *n_stories. Stories are numbered by their first article, so
 * story 0 holds article 0. Returns 0 or ND_ENOMEM. */
int nd_cluster_run(size_t *story_of, size_t *n_stories, const nd_corpus *c,
		   const nd_dedup_edge *edges, size_t n_edges,
		   const nd_cluster_opts *opts);

#endif
