/* The words of one sentence as the paraphrase model compares them.
 *
 * News sentences of one event written by different outlets differ in
 * typography and house style more than in content, so the tokens are
 * normalised first: case and quote forms folded, "n't" read as "not",
 * possessive "'s" dropped, "U.S." and "US" one word, "per cent" one word,
 * numbers in one notation ("$1,698.02" -> 1698.02, "1.5 billion" ->
 * 1.5e+09), and wire-service ticker codes ("<.IXIC>", ".DJI") and
 * hyphens between words removed. */
#ifndef ND_SIMILAR_TOKENS_H
#define ND_SIMILAR_TOKENS_H

#include <stddef.h> /* size_t */
#include <stdint.h> /* uint64_t */

#include "wordnet/wordnet.h" /* ND_WN_WORD_MAX */

/* Tokens kept of one sentence; the rest are ignored. */
#define ND_SIM_TOKENS_MAX 512

enum {
	ND_SIM_NUM = 1u << 0,  /* a number, word holds its normal form */
	ND_SIM_STOP = 1u << 1, /* function word, or a single letter */
	ND_SIM_CAP = 1u << 2,  /* capitalised, not first in the sentence */
	ND_SIM_NEG = 1u << 3,  /* a negation: not, no, never, ... */
	ND_SIM_LONG = 1u << 4  /* longer than word holds: no WordNet */
};

typedef struct nd_sim_token {
	char word[ND_WN_WORD_MAX + 1]; /* folded, NUL-terminated */
	size_t len;
	uint64_t word_hash; /* nd_sim_word_hash of word */
	uint64_t stem_hash; /* of its Snowball stem; numbers: word_hash */
	unsigned flags;     /* ND_SIM_* */
} nd_sim_token;

/* The hash of the folded word w[0..n) that word_hash holds. */
uint64_t nd_sim_word_hash(const char *w, size_t n);

/* Splits the valid UTF-8 text s[0..len) into at most ND_SIM_TOKENS_MAX
 * tokens in toks; returns how many. Numbers come out the same whatever
 * LC_NUMERIC locale the calling thread has set. */
size_t nd_sim_tokenise(nd_sim_token *toks, const char *s, size_t len);

#endif
