/* extract_score: how two text-extraction benchmarks score an extractor's
 * output, written from their method descriptions (the SOURCE.md files of
 * ../shared/data/extract/aeb and ../shared/data/extract/trafilatura-eval).
 *
 * AEB compares the multisets of 4-token shingles of the true and the
 * extracted text, each page weighing the same; trafilatura-eval counts
 * which snippets, that must or must not be extracted, occur in the output.
 * Both read text as Python 3 does: \w and \s are Unicode classes. */
#ifndef ND_EVAL_EXTRACT_SCORE_H
#define ND_EVAL_EXTRACT_SCORE_H

#include <stdbool.h> /* bool */
#include <stddef.h>  /* size_t */
#include <stdint.h>  /* int32_t */

#include "core/buf.h"

/* Tokens per shingle in AEB. */
#define ND_EVAL_SHINGLE 4

/* One token: a span of the text it was found in. */
typedef struct nd_eval_token {
	const char *p;
	size_t len;
} nd_eval_token;

typedef struct nd_eval_tokens {
	nd_eval_token *v;
	size_t n;
	size_t cap;
} nd_eval_tokens;

/* True for what Python's \w matches in a str: letters (L*), numbers (N*)
 * and '_'. Combining marks are not word characters there, nor here. */
bool nd_eval_is_word(int32_t cp);
/* True for what Python's \s matches in a str: ASCII whitespace, the
 * separators U+001C to U+001F and U+0085, and Unicode spaces and line or
 * paragraph separators (not the zero-width space). */
bool nd_eval_is_space(int32_t cp);

/* Replaces the contents of out with the \w+ tokens of s[0..len), in order
 * (invalid UTF-8 separates tokens). Returns 0 or ND_ENOMEM. */
int nd_eval_tokenize(nd_eval_tokens *out, const char *s, size_t len);
void nd_eval_tokens_dispose(nd_eval_tokens *t);
/* True when a and b hold the same tokens in the same order. */
bool nd_eval_tokens_equal(const nd_eval_tokens *a, const nd_eval_tokens *b);

/* Overlap of the shingle multisets of truth and pred: a text of fewer than
 * ND_EVAL_SHINGLE tokens has one shorter shingle (all its tokens), an
 * empty one none. tp counts shingles in both (the smaller count), fp those
 * only in pred, fn those only in truth. Returns 0 or ND_ENOMEM. */
int nd_eval_shingle_counts(size_t *tp, size_t *fp, size_t *fn,
			   const nd_eval_tokens *truth,
			   const nd_eval_tokens *pred);

/* One page scored. */
typedef struct nd_eval_page {
	double tp, fp, fn;      /* counts divided by their sum: equal weight */
	double precision;       /* 1 when fp == fn == 0; 0 when tp == fp == 0 */
	double recall;          /* 1 when fp == fn == 0; 0 when tp == fn == 0 */
	bool counts_precision;  /* tp + fp > 0: enters the precision mean */
	bool counts_recall;     /* tp + fn > 0: enters the recall mean */
} nd_eval_page;

/* Scores a page from its shingle counts. */
void nd_eval_page_score(nd_eval_page *out, size_t tp, size_t fp, size_t fn);

/* Means over the pages of a corpus; start from all zeros. */
typedef struct nd_eval_corpus {
	double precision_sum, recall_sum;
	size_t precision_n, recall_n;
	size_t exact;  /* pages whose token lists are equal */
	size_t pages;
} nd_eval_corpus;

/* Adds a page; exact says its token lists were equal. */
void nd_eval_corpus_add(nd_eval_corpus *c, const nd_eval_page *page,
			bool exact);

typedef struct nd_eval_result {
	double f1, precision, recall, accuracy;
} nd_eval_result;

/* Precision and recall are the means over the pages that count for them
 * (0 when none does), F1 is 2PR / (P + R) of those means (0 when both are
 * 0), accuracy the share of exact pages. */
void nd_eval_corpus_result(nd_eval_result *out, const nd_eval_corpus *c);

/* Appends s[0..len) to out with every run of \s made one space and none at
 * either end, as re.sub(r'\s+', ' ', s).strip() does. Returns 0,
 * ND_ETOOBIG (out's cap) or ND_ENOMEM. */
int nd_eval_squash(nd_buf *out, const char *s, size_t len);

/* Snippet counts of trafilatura-eval, summed over documents (micro). */
typedef struct nd_eval_snippets {
	size_t tp; /* wanted snippets found */
	size_t fn; /* wanted snippets missed */
	size_t fp; /* unwanted snippets found */
	size_t tn; /* unwanted snippets missed */
} nd_eval_snippets;

/* Counts the snippet snip[0..n) (squashed already) against the squashed
 * output text[0..len): wanted says whether it must be extracted. Matching
 * is case-sensitive substring search; an empty snippet is always found. */
void nd_eval_snippet_add(nd_eval_snippets *s, const char *text, size_t len,
			 const char *snip, size_t n, bool wanted);
/* precision tp/(tp+fp), recall tp/(tp+fn), accuracy (tp+tn)/all and F1
 * 2tp/(2tp+fp+fn), each 0 when its denominator is. */
void nd_eval_snippets_result(nd_eval_result *out, const nd_eval_snippets *s);

/* The body of an article as "newsdigest clean" prints it: what follows
 * the first blank line ("\n\n"; an article without a title starts with
 * it), or the whole text when there is none. */
const char *nd_eval_clean_body(const char *text, size_t len, size_t *n);

#endif
