/* In-order sentence alignment of two articles, for rewrite detection.
 *
 * A spun rewrite keeps its source's sentence order, names, numbers and
 * quotes, and the skeleton of each sentence, but swaps many words for
 * synonyms ("top diplomat" -> "best diplomat", "said" -> "stated").
 * Sentences are compared like nd_sentence_similarity (IDF-weighted Dice
 * over content-word stems) with two changes measured on real spun pairs:
 * the overlap is the weighted longest common subsequence of the content
 * words, so shared words only count in the same order, which is what a
 * spinner keeps and independent reports of one event do not; and two
 * different words also match when their folded forms share a prefix of at
 * least 4 bytes covering 80% of the shorter ("historic"/"historical",
 * "Tileuberdi"/"Tileuberd"). The alignment is an order-preserving chain of
 * beads, each one sentence against one or two adjacent sentences against
 * one (spinners split and join sentences), scoring at least a threshold. */
#ifndef ND_DEDUP_ALIGN_H
#define ND_DEDUP_ALIGN_H

#include <stddef.h> /* size_t */
#include <stdint.h> /* uint32_t */

#include "analyse/analyse.h"

/* Sentences with fewer content words say too little to align on. */
#define ND_ALIGN_MIN_WORDS 4
/* Sentences of one article taken into the alignment, in text order; the
 * table costs three sentence scores per pair of sentences. */
#define ND_ALIGN_MAX_SENTS 400
/* Content words of one sentence that are compared. */
#define ND_ALIGN_MAX_WORDS 128

/* One content word of a sentence. */
typedef struct nd_align_word {
	double w;      /* IDF of the stem */
	uint32_t stem;
	uint32_t head; /* first 4 bytes of the folded form; 0: no prefix
			  matching (numbers, short words) */
	/* The folded form's term, read from the vocabulary only when two
	 * words share a head (a pointer made the word a third larger, and
	 * a story's words are a megabyte of fresh pages). */
	uint32_t term;
	uint32_t len;  /* of the folded form */
} nd_align_word;

/* The alignable (non-title, long enough) sentences of one article. Their
 * words are stored one sentence after the other, in text order. */
typedef struct nd_align_doc {
	const nd_vocab *v; /* of the words' terms */
	nd_align_word *words;
	size_t n_words;
	size_t *first;  /* sentence k owns words[first[k]..first[k+1]) */
	double *total;  /* summed weight of sentence k */
	uint32_t *sent; /* index of sentence k in the nd_doc */
	/* Which sentences hold each stem and each prefix head: the sorted
	 * distinct groups (kind, stem or head), a bitset of sentences per
	 * group ((n_sents + 63) / 64 words each), and the group of each
	 * word's stem (group[2 * x]) and head (group[2 * x + 1], n_groups
	 * without one: row n_groups of bits is empty). Two words can match
	 * only if they share a group, so one merge of two articles' groups
	 * bounds every sentence pair's score, and most pairs skip the full
	 * comparison. A group is a 32-bit hash of (kind, stem or head): two
	 * that share one only widen the bounds (their words look like
	 * possible partners), never narrow them. */
	uint32_t *groups;
	size_t n_groups;
	uint64_t *bits;
	uint32_t *group;
	size_t n_sents;
} nd_align_doc;

/* Builds the alignable sentences of d; weights are the IDFs of v.
 * Returns 0 or ND_ENOMEM; dispose *out either way. */
int nd_align_prepare(nd_align_doc *out, const nd_doc *d, const nd_vocab *v);
/* Frees what nd_align_prepare allocated; *ad is empty afterwards. */
void nd_align_dispose(nd_align_doc *ad);
/* Similarity in [0, 1] of alignable sentence i of a and j of b. */
double nd_align_score(const nd_align_doc *a, size_t i, const nd_align_doc *b,
		      size_t j);
/* Work space of nd_align_count, kept from one call to the next so that a
 * story's many pairs of articles do not each allocate theirs. Starts
 * zeroed. */
typedef struct nd_align_scratch {
	unsigned char *buf;
	size_t cap;
} nd_align_scratch;

/* Frees sc's space; *sc is empty afterwards. */
void nd_align_scratch_dispose(nd_align_scratch *sc);
/* Best order-preserving alignment of a and b from beads scoring at least
 * min_sim: *cover_a and *cover_b receive how many sentences of a and of b
 * it covers. When neither a can have need_a sentences covered nor b
 * need_b, both may be 0 instead (the caller has no use for less). sc is
 * the work space. Returns 0 or ND_ENOMEM. */
int nd_align_count(size_t *cover_a, size_t *cover_b, const nd_align_doc *a,
		   const nd_align_doc *b, double min_sim, size_t need_a,
		   size_t need_b, nd_align_scratch *sc);

#endif
