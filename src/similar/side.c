#include "similar/side.h"

#include <math.h> /* log */

#include "core/alloc.h"
#include "core/sorted.h"
#include "wordnet/morphy.h"

/* Sum of the tag counts of cntlist.rev in WordNet 3.0: the scale of the
 * word weights. A constant rather than a sum over the file, so that
 * nothing is read up front; another WordNet shifts every weight alike. */
#define COUNT_TOTAL 258691.0

static int pool_push(nd_sim_side *side, uint64_t v)
{
	return ND_ARRAY_PUSH(side->pool, side->pool_n, side->pool_cap, v);
}

/* Adds the synsets of lemma as pos to the pool. */
static int add_synsets(nd_sim_side *side, const nd_wordnet *wn,
		       nd_wn_pos pos, const nd_wn_word *lemma)
{
	uint32_t off[ND_SIM_SYNSETS_MAX];
	size_t n, i;
	int rc;

	rc = nd_wordnet_synsets(off, &n, ND_SIM_SYNSETS_MAX, wn, pos,
				lemma->text, lemma->len);
	if (rc == ND_EFORMAT)
		return rc;
	for (i = 0; i < n; i++)
		if (pool_push(side, (uint64_t)pos << 32 | off[i]))
			return ND_ENOMEM;
	return ND_OK;
}

/* Sorts the pool from at on into a set; returns its size. */
static size_t seal_set(nd_sim_side *side, size_t at)
{
	side->pool_n = at + nd_sort_unique_u64(side->pool + at,
					       side->pool_n - at);
	return side->pool_n - at;
}

/* A token's base forms as each part of speech. */
typedef struct bases {
	nd_wn_word w[ND_WN_POS_COUNT][ND_MORPHY_MAX];
	size_t n[ND_WN_POS_COUNT];
} bases;

/* The word hashes of t and of its bases as sn's lemma set; *most is the
 * highest tag count of a base, the commonest reading setting how common
 * the word is. */
static int add_lemmas(nd_sim_side *side, nd_sim_sense *sn,
		      unsigned long *most, const nd_wordnet *wn,
		      const nd_sim_token *t, const bases *b)
{
	unsigned long count;
	size_t k;
	int p, rc;

	*most = 0;
	sn->lemma_at = side->pool_n;
	if (pool_push(side, t->word_hash))
		return ND_ENOMEM;
	for (p = 0; p < ND_WN_POS_COUNT; p++)
		for (k = 0; k < b->n[p]; k++) {
			if (pool_push(side, nd_sim_word_hash(b->w[p][k].text,
							     b->w[p][k].len)))
				return ND_ENOMEM;
			rc = nd_wordnet_count(&count, wn, b->w[p][k].text,
					      b->w[p][k].len);
			if (rc)
				return rc;
			if (count > *most)
				*most = count;
		}
	sn->n_lemmas = seal_set(side, sn->lemma_at);
	return ND_OK;
}

/* The lemmas, synsets and weight of token i. */
static int look_up(nd_sim_side *side, const nd_wordnet *wn, size_t i)
{
	const nd_sim_token *t = &side->toks[i];
	nd_sim_sense *sn = &side->senses[i];
	unsigned long most;
	bases b;
	size_t k;
	int p, rc;

	for (p = 0; p < ND_WN_POS_COUNT; p++) {
		rc = nd_wordnet_morphy(b.w[p], &b.n[p], wn, (nd_wn_pos)p,
				       t->word, t->len);
		if (rc)
			return rc;
	}
	if ((rc = add_lemmas(side, sn, &most, wn, t, &b)) != ND_OK)
		return rc;
	sn->syn_at = side->pool_n;
	for (p = 0; p < ND_WN_POS_COUNT; p++)
		for (k = 0; k < b.n[p]; k++)
			if ((rc = add_synsets(side, wn, (nd_wn_pos)p,
					      &b.w[p][k])) != ND_OK)
				return rc;
	sn->n_syns = seal_set(side, sn->syn_at);
	sn->weight = log(COUNT_TOTAL / (1.0 + (double)most));
	return ND_OK;
}

int nd_sim_side_fill(nd_sim_side *side, const nd_wordnet *wn, const char *s,
		     size_t len)
{
	size_t i;
	int rc;

	side->pool_n = 0;
	side->n = nd_sim_tokenise(side->toks, s, len);
	for (i = 0; i < side->n; i++) {
		nd_sim_sense *sn = &side->senses[i];
		unsigned f = side->toks[i].flags;

		sn->lemma_at = sn->syn_at = side->pool_n;
		sn->n_lemmas = sn->n_syns = 0;
		sn->weight = log(COUNT_TOTAL);
		if (f & (ND_SIM_STOP | ND_SIM_NUM | ND_SIM_LONG))
			continue;
		if ((rc = look_up(side, wn, i)) != ND_OK)
			return rc;
	}
	return ND_OK;
}

void nd_sim_side_dispose(nd_sim_side *side)
{
	nd_free(side->pool);
	side->pool = NULL;
	side->pool_n = side->pool_cap = 0;
	side->n = 0;
}
