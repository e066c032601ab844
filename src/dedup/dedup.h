/* dedup: exact copies, near-copies and rewrites between articles.
 *
 * Exact duplicates share the hash of their normalised text. Near-duplicates
 * are found by a one-permutation MinHash of word shingles with LSH banding
 * (see minhash.h) and confirmed by the exact shingle Jaccard (or by a shorter text lying almost wholly
 * inside a longer one). Rewrites are articles whose sentences largely
 * align, in order, with another's under an order-aware, spelling-tolerant
 * variant of nd_sentence_similarity (see align.h). When an article is
 * related to two articles that are related to each other, only its
 * stronger edge is kept: two copies of one wire story each point to the
 * wire, not to each other. */
#ifndef ND_DEDUP_H
#define ND_DEDUP_H

#include <stddef.h> /* size_t */

#include "analyse/analyse.h"
#include "newsdigest.h" /* nd_relation_kind */

typedef struct nd_dedup_opts {
	double near_jaccard;  /* shingle Jaccard for near-duplicate, 0.4 */
	double rewrite_share; /* share of b's sentences aligned, 0.5 */
	double sentence_sim;  /* sentence match threshold, 0.25 */
} nd_dedup_opts;

/* b is a copy of, or derived from, a (see nd_relation in newsdigest.h). */
typedef struct nd_dedup_edge {
	size_t a;
	size_t b;
	nd_relation_kind kind;
	double score;
} nd_dedup_edge;

/* Finds all relations among the articles of c. *edges (in arena) is sorted
 * by (b, a); each unordered pair appears at most once, with the strongest
 * relation. Returns 0 or ND_ENOMEM. */
int nd_dedup_run(nd_dedup_edge **edges, size_t *n_edges, const nd_corpus *c,
		 const nd_dedup_opts *opts, nd_arena *arena);

#endif
