/* What the paraphrase model looks at in a pair of sentences: overlap of
 * words, stems and WordNet senses, weighted by rarity; order (n-grams,
 * longest common subsequence); lengths; numbers, names and negation. */
#ifndef ND_SIMILAR_FEATURES_H
#define ND_SIMILAR_FEATURES_H

#include "similar/side.h"

enum {
	ND_SIM_F_JAC_ALL = 0, /* Jaccard of all stems */
	ND_SIM_F_CMAX,        /* shared content stems / fewer-side's */
	ND_SIM_F_CNT_DICE,    /* weighted Dice of content stems */
	ND_SIM_F_WN_CNT,      /* weighted share of content words matched */
	ND_SIM_F_WN_CMIN,     /* the lower side's share matched */
	ND_SIM_F_WN_UNM,      /* content words matched on neither side */
	ND_SIM_F_WN_UNMMAX,   /* ... on the side with more of them */
	ND_SIM_F_LEN_RATIO,   /* shorter / longer, in tokens */
	ND_SIM_F_LEN_DIFF,    /* token count difference */
	ND_SIM_F_NUM_UNM,     /* numbers on one side only */
	ND_SIM_F_NUM_BOTHDIFF, /* both have numbers, and they differ */
	ND_SIM_F_P1,          /* unigram precision, mean of both ways */
	ND_SIM_F_P2,          /* bigram precision */
	ND_SIM_F_BLEU,        /* smoothed BLEU-4, mean of both ways */
	ND_SIM_F_LCS_MIN,     /* longest common subsequence / shorter */
	ND_SIM_F_LCS_MAX,     /* ... / longer */
	ND_SIM_F_CHAR3,       /* Jaccard of character trigrams */
	ND_SIM_F_NEG_MIS,     /* one side negated, the other not */
	ND_SIM_F_NAME_UNM,    /* capitalised words absent from the other */
	ND_SIM_NFEAT
};

/* The short name of feature i, for the fitting tool's output. */
const char *nd_sim_feature_name(int i);

/* Writes the ND_SIM_NFEAT features of the pair (a, b) to f. Returns 0 or
 * ND_ENOMEM. */
int nd_sim_features(double *f, const nd_sim_side *a, const nd_sim_side *b);

#endif
