/* cluster_score: how well a clustering of items matches the gold one, by
 * the measures news-story clustering is reported with (Miranda et al.
 * 2018 and the scikit-learn definitions):
 *
 * - pairwise: precision and recall of the pairs of items put in one
 *   cluster, against the pairs the gold puts together;
 * - B-cubed: per item, the share of its predicted cluster that shares its
 *   gold cluster (precision) and the share of its gold cluster found in
 *   its predicted one (recall), averaged over items; F1 of the two means;
 * - adjusted Rand index: the pair agreement, corrected for chance.
 *
 * A precision or recall with nothing to count (no pairs) is 1. */
#ifndef ND_EVAL_CLUSTER_SCORE_H
#define ND_EVAL_CLUSTER_SCORE_H

#include <stddef.h> /* size_t */
#include <stdint.h> /* uint32_t */

typedef struct nd_cluster_scores {
	size_t items;
	size_t gold_clusters, pred_clusters;
	double pair_p, pair_r, pair_f1;
	double b3_p, b3_r, b3_f1;
	double ari;
} nd_cluster_scores;

/* Scores n items, item i in gold cluster gold[i] and predicted cluster
 * pred[i] (any numbers). Returns 0 or ND_ENOMEM. */
int nd_cluster_score(nd_cluster_scores *out, const uint32_t *gold,
		     const uint32_t *pred, size_t n);

#endif
