/* The per-story tables the digest steps share.
 *
 * A story's sentences get one number (member order, then sentence index),
 * so every per-sentence table is a flat array. Each sentence carries its
 * sorted concept ids: content stems first, then stem bigrams: of
 * consecutive content words (function words skipped), and of a function
 * word with the content word beside it. Concepts are numbered per story
 * through a hash map, so no table is the size of the corpus vocabulary and
 * nothing is allocated per sentence; stems take the low numbers, each
 * kind in order of first sight, so the tables only stems need (IDF,
 * postings) are a seventh of the size. */
#ifndef ND_DIGEST_DSTORY_H
#define ND_DIGEST_DSTORY_H

#include <stdbool.h> /* bool */
#include <stddef.h>  /* size_t */
#include <stdint.h>  /* uint32_t */

#include "analyse/analyse.h"
#include "dedup/dedup.h"

/* A bigram's id + 1 (0: empty slot) and a tag, the high half of its
 * key's hash: a slot of 8 bytes, not 16, halves the table's pages, and a
 * probe reads the key (in bkeys) only when the tags agree, nearly always
 * a hit. */
typedef struct nd_dconcept_slot {
	uint32_t tag;
	uint32_t id1;
} nd_dconcept_slot;

/* Concept ids by key. Stems are the vocabulary's numbers, dense and below
 * its stem count: a table by stem (stem_id1, id + 1, 0 unseen) numbers
 * them with one load and no hash, and leaves the hash table to the
 * bigrams, fewer keys, so shorter probes. Bigrams: open addressing with
 * hash tag and id side by side, so a probe past other keys costs no read
 * of keys. Keys are kept in order of id (stems in keys, bigrams in
 * bkeys), for the IDF and for growing the table. The bigrams' numbers
 * count apart while sentences are numbered, as the stems' count, where
 * they start, is known only at the end. */
typedef struct nd_dconcepts {
	uint32_t *stem_id1; /* per vocabulary stem */
	size_t n_vstems;    /* the vocabulary's stems */
	nd_dconcept_slot *slots;
	size_t cap;     /* power of two */
	uint64_t *keys; /* per stem */
	size_t n_stems, key_cap;
	uint64_t *bkeys; /* per bigram */
	size_t n_bi, bkey_cap;
} nd_dconcepts;

/* vnum of a concept worth nothing. */
#define ND_DSTORY_NO_VALUE UINT32_MAX

/* When one sentence states another (restate.c). */
#define ND_DIGEST_SAME_SIM 0.5  /* nd_sentence_similarity: same content */
#define ND_DIGEST_CONTAIN_NUM 4 /* or holding 4/5 of the other's content */
#define ND_DIGEST_CONTAIN_DEN 5 /* stems */

typedef struct nd_dstory {
	const nd_corpus *c;
	const size_t *members; /* corpus indices, story order */
	size_t n;

	/* Independent groups: members linked by dedup edges share one. */
	uint32_t *group;  /* per member, 0..n_groups-1 by first member */
	uint32_t *gsize;  /* per group: members */
	size_t n_groups;

	/* Sentences, numbered story-wide. */
	size_t *sbase;    /* per member: its first sentence; [n] = total */
	size_t n_sents;
	uint32_t *smember; /* per sentence: member position */
	size_t *cbeg;     /* per sentence: start in cids; [n_sents] = end */
	uint32_t *nuni;   /* per sentence: how many of its cids are stems */
	double *wsum;     /* per sentence: IDF sum of its stems */
	uint32_t *cids;   /* concept ids, per sentence: stems, then bigrams */

	/* Concepts: stems below n_stems, bigrams from there. */
	size_t n_concepts, n_stems;
	double *idf;      /* per stem: its IDF */
	uint32_t *weight; /* per concept: independent groups stating it, 0
			   * when it is worth nothing */
	double *worth;    /* by weight, what covering a bigram is worth;
			   * from n_groups + 1 on, a stem (nd_dstory_value) */
	/* The concepts of value (> 0), a few of all, numbered apart in
	 * concept order, so tables of them alone stay small. */
	uint32_t *vnum;   /* per concept: its number, or ND_DSTORY_NO_VALUE */
	double *vvalue;   /* per number: the concept's value */
	size_t n_valued;
	uint32_t wmax;
	uint32_t *pbeg;   /* per stem: start in post; [n_stems] = end */
	uint32_t *post;   /* sentences holding each stem, ascending */
	nd_dconcepts ids; /* concept key (stem id or bigram) -> concept */
	size_t max_ntok;  /* tokens of the longest sentence */
} nd_dstory;

/* Fills s for members[0..n) of c: groups from the edges among members,
 * concept lists and weights, and the stem -> sentence index. Returns 0 or
 * ND_ENOMEM; s is always safe to dispose. */
int nd_dstory_build(nd_dstory *s, const nd_corpus *c, const size_t *members,
		    size_t n, const nd_dedup_edge *edges, size_t n_edges);
/* What covering concept c is worth: a function of its weight and kind,
 * so no table per concept holds it. */
static inline double nd_dstory_value(const nd_dstory *s, uint32_t c)
{
	return s->worth[s->weight[c] + (c < s->n_stems ? s->n_groups + 1 : 0)];
}

/* Frees the tables of s. */
void nd_dstory_dispose(nd_dstory *s);
/* The document and local sentence index of story sentence g. */
const nd_doc *nd_dstory_doc(const nd_dstory *s, size_t g, size_t *sent);

/* The tokens a trimmed form cuts from its sentence: the first `from`,
 * and ngap from token gap on (ngap 0: none), counted in the sentence. */
typedef struct nd_dcut {
	size_t from, gap, ngap;
} nd_dcut;

/* Concepts of story sentence g without the tokens cut (a trimmed form)
 * into out (room for 3 per token), stems first and sorted, then bigrams
 * sorted; *nuni of them stems. A word pair that meets only across the
 * gap is left out unless the story has it. seq is scratch of 3 a token
 * of the longest sentence (max_ntok). Returns how many. */
size_t nd_dstory_form(const nd_dstory *s, size_t g, const nd_dcut *cut,
		      uint32_t *out, size_t *nuni, uint64_t *seq);

/* True when story sentences a and b say the same thing: the shared
 * nd_sentence_similarity is at least ND_DIGEST_SAME_SIM. */
bool nd_dstory_same(const nd_dstory *s, size_t a, size_t b);
/* True when b states a: same (above) or b holds at least 4/5 of a's content
 * stems. */
bool nd_dstory_states(const nd_dstory *s, size_t a, size_t b);

#endif
