/* rouge: ROUGE-1, ROUGE-2 and ROUGE-SU4 of a summary against several
 * references, as ROUGE-1.5.5 (Lin 2004) computes them with the options
 * "-n 2 -2 4 -u -f A -p 0.5" and -l or -b, with or without -m; written
 * from its documented behaviour and checked against its per-cluster output
 * on DUC 2004 (make eval-rouge-check).
 *
 * How it reads a text, summary and references alike:
 *  - lines are what "\n" separates; empty lines are skipped; A-Z is
 *    lowercased;
 *  - the length limit is applied to these raw lines, before any
 *    tokenising: -l counts whitespace-separated words (so "U.S." is one
 *    word, "--" another), -b counts bytes of the lines (not of the spaces
 *    that join them); the line that reaches the limit is cut, later ones
 *    dropped. The references are cut with the same limit;
 *  - tokens are the runs of [a-z0-9] left after that: anything else,
 *    hyphens included, separates tokens and never is one;
 *  - with stemming (-m), a token of more than 3 characters that WordNet's
 *    exception lists know becomes its base form ("said" -> "say"), any
 *    other one goes through Porter's stemmer in the variant ROUGE ships
 *    (nd_rouge_porter); tokens of 3 characters or fewer stay as they are.
 *
 * Multi-reference scoring is ROUGE's default "-f A" (model average): hits,
 * reference grams and summary grams are summed over the references, each
 * reference clipping the summary's counts on its own, and recall = hits /
 * reference grams, precision = hits / (summary grams x references). Recall
 * and precision are rounded to 5 decimals, and F (alpha 0.5) is computed
 * from the rounded values, as ROUGE prints them.
 *
 * SU4 counts the skip-bigrams of tokens at most 4 tokens apart across the
 * whole text, plus ROUGE's -u unigrams: every token's but the last one's. */
#ifndef ND_EVAL_ROUGE_H
#define ND_EVAL_ROUGE_H

#include <stdbool.h> /* bool */
#include <stddef.h>  /* size_t */
#include <stdint.h>  /* uint32_t, uint64_t */

#include "core/arena.h"
#include "core/buf.h"
#include "core/hashmap.h"

/* Words of a text's tokens longer than this are cut (none in prose). */
#define ND_ROUGE_TOKEN_MAX 256
/* Largest skip-bigram gap (SU4 uses 4). */
#define ND_ROUGE_GAP 4

/* A length limit: at most one of the two is non-zero; both 0: none. */
typedef struct nd_rouge_limit {
	size_t words; /* -l: whitespace-separated words */
	size_t bytes; /* -b: bytes of the lines */
} nd_rouge_limit;

/* A text as token ids of one nd_rouge's vocabulary. */
typedef struct nd_rouge_text {
	uint32_t *ids;
	size_t n, cap;
} nd_rouge_text;

/* The tokeniser and its vocabulary; start with nd_rouge_init. */
typedef struct nd_rouge {
	bool stem;              /* -m */
	nd_strmap exceptions;   /* inflected form -> index in bases */
	const char **bases;     /* base forms, in the arena */
	size_t nbases, bases_cap;
	nd_arena *arena;
	nd_strmap vocab;        /* token -> id */
	const char **words;     /* id -> token (the vocab's own copy) */
	size_t nwords, words_cap;
} nd_rouge;

/* Returns 0 or ND_ENOMEM (r is then disposed). */
int nd_rouge_init(nd_rouge *r, bool stem);
void nd_rouge_dispose(nd_rouge *r);

/* Adds the entries of a WordNet exception list (lines "inflected base
 * [base...]"): each form maps to its first base, and a form seen again
 * takes the later base, as ROUGE's exception database was built (from
 * adj, adv, noun and verb.exc in that order). Returns 0 or ND_ENOMEM. */
int nd_rouge_add_exceptions(nd_rouge *r, const char *text, size_t len);

/* Stems the lowercase word w[0..len) in place with Porter's algorithm as
 * ROUGE-1.5.5's Perl stemmer has it: Porter (1980) with the "bli" and
 * "logi" rules of his later versions, and step 4 changed so that "ment"
 * and "ent" are tried after the other suffixes, even when one of those
 * was removed, instead of only when none matched. Words shorter than 3
 * stay. Returns the new length (never more than len). */
size_t nd_rouge_porter(char *w, size_t len);

/* Replaces out's tokens with those of text[0..len) read as described
 * above, cut at limit. Returns 0, ND_ETOOBIG (over 2^32 - 2 distinct
 * tokens) or ND_ENOMEM. */
int nd_rouge_tokenize(nd_rouge *r, nd_rouge_text *out, const char *text,
		      size_t len, nd_rouge_limit limit);
/* The token with this id (valid while r lives). */
const char *nd_rouge_word(const nd_rouge *r, uint32_t id);
void nd_rouge_text_dispose(nd_rouge_text *t);

/* A gram of a bag and how often it occurs. */
typedef struct nd_rouge_gram {
	uint64_t key; /* a unigram's id, or a pair's (first id + 1, second) */
	size_t count;
} nd_rouge_gram;

/* A multiset of grams: unigrams, bigrams or skip-bigrams of a text. */
typedef struct nd_rouge_bag {
	nd_u64map index; /* key -> slot in v */
	nd_rouge_gram *v;
	size_t n, cap;
	size_t total; /* grams counted, with repeats */
} nd_rouge_bag;

/* Empty bag; returns 0 or ND_ENOMEM. */
int nd_rouge_bag_init(nd_rouge_bag *b);
void nd_rouge_bag_dispose(nd_rouge_bag *b);
/* Refills b with the n-grams (n is 1 or 2) of t: n_tokens - n + 1 of them,
 * or none. Returns 0, ND_EINVAL for another n, or ND_ENOMEM. */
int nd_rouge_bag_ngrams(nd_rouge_bag *b, const nd_rouge_text *t, unsigned n);
/* Refills b with the pairs (t[i], t[j]), i < j <= i + gap + 1 (gap at most
 * ND_ROUGE_GAP), and with unigrams each t[i] but the last when unigrams is
 * set, as ROUGE's -u does. Returns 0, ND_EINVAL or ND_ENOMEM. */
int nd_rouge_bag_skip(nd_rouge_bag *b, const nd_rouge_text *t, unsigned gap,
		      bool unigrams);
/* Grams of model also in peer, each counted at most as often as in
 * either (the clip). */
size_t nd_rouge_bag_hits(const nd_rouge_bag *model, const nd_rouge_bag *peer);

enum { ND_ROUGE_1, ND_ROUGE_2, ND_ROUGE_SU4, ND_ROUGE_METRICS };

/* One metric of one summary. */
typedef struct nd_rouge_score {
	size_t hits;        /* summed over the references */
	size_t model;       /* reference grams, summed */
	size_t peer;        /* summary grams, once per reference */
	double recall, precision, f; /* rounded as ROUGE prints them */
} nd_rouge_score;

/* Computes recall, precision and F of s from its counts: each ratio 0
 * when its denominator is, rounded to 5 decimals; F with alpha 0.5 from
 * the rounded ratios. */
void nd_rouge_score_finish(nd_rouge_score *s);

/* Scores peer against refs[0..nrefs): out[ND_ROUGE_1], out[ND_ROUGE_2]
 * and out[ND_ROUGE_SU4]. Returns 0 or ND_ENOMEM. */
int nd_rouge_eval(nd_rouge_score out[ND_ROUGE_METRICS],
		  const nd_rouge_text *peer, const nd_rouge_text *refs,
		  size_t nrefs);

/* Mean recall, precision and F of each metric over several summaries
 * (one per cluster), as ROUGE averages its evaluations. Start zeroed. */
typedef struct nd_rouge_mean {
	nd_rouge_score sum[ND_ROUGE_METRICS]; /* counts and ratios, summed */
	size_t n;                             /* summaries added */
} nd_rouge_mean;

/* Adds one summary's scores, as nd_rouge_eval gives them. */
void nd_rouge_mean_add(nd_rouge_mean *m,
		       const nd_rouge_score s[ND_ROUGE_METRICS]);
/* The mean over the summaries added of metric's recall, precision and F
 * (and the counts summed); all 0 when none was added. */
nd_rouge_score nd_rouge_mean_of(const nd_rouge_mean *m, int metric);

/* Names of the metrics as ROUGE prints them: "ROUGE-1", ... */
const char *nd_rouge_metric_name(int metric);

#endif
