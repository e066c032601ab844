/* The paraphrase model behind nd_similar_*: features of a pair of
 * sentences (features.h) weighed by a logistic regression whose weights
 * tools/fit_similar.c fits. */
#ifndef ND_SIMILAR_SIMILAR_H
#define ND_SIMILAR_SIMILAR_H

#include <stddef.h> /* size_t */

#include "newsdigest.h" /* nd_similar */
#include "similar/features.h"

/* The model's weights: its score is 1 / (1 + exp(-(bias + sum of
 * weight[i] * f[i]))) and a pair is a paraphrase from threshold up. */
typedef struct nd_sim_model {
	double bias;
	double weight[ND_SIM_NFEAT];
	double threshold;
} nd_sim_model;

/* The weights shipped (model.c). */
extern const nd_sim_model nd_sim_shipped;

/* The score model gives features f, in [0, 1]. */
double nd_sim_model_score(const nd_sim_model *model, const double *f);

/* The features of the pair (a, b) into f (ND_SIM_NFEAT), with the checks
 * and errors of nd_similar_score. For the fitting tool. */
int nd_similar_features(double *f, nd_similar *s, const char *a,
			size_t a_len, const char *b, size_t b_len);

#endif
