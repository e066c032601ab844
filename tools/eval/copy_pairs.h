/* copy_pairs: precision and recall of near-copy detection as pairs of
 * articles, against the gold relations that tools/gencorpus writes.
 *
 * Gold copy groups are each source with all its near-copies and exact
 * duplicates, through chains (a copy of a copy); gold pairs are all pairs
 * within a group. Predicted pairs are all pairs within the connected
 * components of the predicted duplicate and near-duplicate edges, so a
 * copy joined to its source and another copy joined to the same source
 * count as a found pair too. A pair is found when both lists hold it.
 *
 * Rewrites are scored apart: a gold rewrite (r of s) is found when a
 * predicted rewrite-of edge joins r with s or with a member of s's copy
 * group; a predicted rewrite-of edge is right when its two articles are
 * related at all in the gold (one family through any gold relations).
 *
 * Articles marked ignored leave the scoring with their whole gold family
 * (every article related to them through gold relations): their pairs
 * count neither way. make eval-copies ignores the real base articles
 * that already were near-copies of each other (see copy_jaccard.c). */
#ifndef ND_EVAL_COPY_PAIRS_H
#define ND_EVAL_COPY_PAIRS_H

#include <stddef.h> /* size_t */

typedef struct nd_copy_eval nd_copy_eval;

typedef struct nd_copy_scores {
	size_t articles;      /* ids seen, ignored ones included */
	size_t ignored;       /* articles left out with their families */
	size_t gold_pairs;    /* pairs within gold copy groups */
	size_t pred_pairs;    /* pairs within predicted components */
	size_t found_pairs;   /* pairs in both */
	double precision, recall, f1; /* 1 when there is nothing to find */
	size_t rewrites;      /* gold rewrite relations */
	size_t rewrites_found;
	size_t rewrite_edges; /* predicted rewrite-of edges */
	size_t rewrite_edges_right;
	size_t rewrites_as_copies; /* gold rewrites in a predicted component
				      with their source */
	double rewrite_recall, rewrite_precision;
} nd_copy_scores;

/* An empty evaluation; 0 or ND_ENOMEM. Free with nd_copy_eval_free. */
int nd_copy_eval_create(nd_copy_eval **out);
/* Frees e; accepts NULL. */
void nd_copy_eval_free(nd_copy_eval *e);
/* Adds a gold line "ID<TAB>SOURCE<TAB>KIND" (KIND near-copy, rewrite or
 * duplicate; a trailing newline is allowed). 0, ND_EFORMAT for another
 * shape, or ND_ENOMEM. */
int nd_copy_eval_add_gold(nd_copy_eval *e, const char *line, size_t len);
/* Adds a predicted line "A<TAB>B<TAB>RELATION[<TAB>SCORE...]" (RELATION
 * duplicate, near-duplicate or rewrite-of; partial, a passage repeated,
 * is passed over), as newsdigest dedup and the index print them. 0,
 * ND_EFORMAT, or ND_ENOMEM. */
int nd_copy_eval_add_predicted(nd_copy_eval *e, const char *line,
			       size_t len);
/* Leaves id, and the gold family it belongs to, out of the scoring. 0 or
 * ND_ENOMEM. */
int nd_copy_eval_ignore(nd_copy_eval *e, const char *id, size_t len);
/* Scores what was added so far. 0 or ND_ENOMEM. */
int nd_copy_eval_score(nd_copy_scores *out, nd_copy_eval *e);

#endif
