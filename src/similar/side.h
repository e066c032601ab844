/* One sentence of a pair, ready to compare: its tokens and, for each
 * content word, what WordNet knows of it. */
#ifndef ND_SIMILAR_SIDE_H
#define ND_SIMILAR_SIDE_H

#include <stddef.h> /* size_t */
#include <stdint.h> /* uint64_t */

#include "similar/tokens.h"
#include "wordnet/wordnet.h"

/* Synsets taken per lemma and part of speech, most frequent first. */
#define ND_SIM_SYNSETS_MAX 64

/* WordNet's view of one token: ranges of the side's pool. */
typedef struct nd_sim_sense {
	size_t lemma_at, n_lemmas; /* word hashes of its lemmas, sorted */
	size_t syn_at, n_syns;     /* (pos << 32 | offset), sorted */
	double weight; /* ln(total / (1 + tagged count)): rarer, heavier */
} nd_sim_sense;

typedef struct nd_sim_side {
	nd_sim_token toks[ND_SIM_TOKENS_MAX];
	nd_sim_sense senses[ND_SIM_TOKENS_MAX];
	size_t n;
	uint64_t *pool;
	size_t pool_n, pool_cap;
} nd_sim_side;

/* Tokenises the valid UTF-8 s[0..len) into side and looks its content
 * words up in wn. Returns 0, ND_ENOMEM, or ND_EFORMAT (malformed WordNet
 * files). */
int nd_sim_side_fill(nd_sim_side *side, const nd_wordnet *wn, const char *s,
		     size_t len);
/* Frees the pool; side is empty and reusable afterwards. */
void nd_sim_side_dispose(nd_sim_side *side);

#endif
