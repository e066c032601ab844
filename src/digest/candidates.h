/* Which sentences may stand alone in a summary, and how long they are. */
#ifndef ND_DIGEST_CANDIDATES_H
#define ND_DIGEST_CANDIDATES_H

#include <stdbool.h> /* bool */
#include <stddef.h>  /* size_t */
#include <stdint.h>  /* uint32_t */

#include "analyse/analyse.h"

/* Words of text[0..len): runs of non-space characters, any Unicode space
 * separating, so no reader's word count can come out higher. */
size_t nd_digest_count_words(const char *text, size_t len);

#define ND_DLEX_LIST_MAX 96

/* The word lists of the candidate rules as term ids of the corpus, so a
 * rule compares integers. */
typedef struct nd_dlex {
	const nd_vocab *v;
	uint32_t open[ND_DLEX_LIST_MAX];   /* dangling openers */
	uint32_t demo[ND_DLEX_LIST_MAX];   /* demonstratives */
	uint32_t time[ND_DLEX_LIST_MAX];   /* nouns of time */
	uint32_t subj[ND_DLEX_LIST_MAX];   /* subject pronouns */
	uint32_t speech[ND_DLEX_LIST_MAX]; /* verbs of attribution */
	uint32_t speaker[ND_DLEX_LIST_MAX]; /* first and second person */
	size_t n_open, n_demo, n_time, n_subj, n_speech, n_speaker;
} nd_dlex;

/* Resolves the lists against v's terms. */
void nd_dlex_init(nd_dlex *lex, const nd_vocab *v);
/* Is sentence i of d fit to stand alone in a summary (not a title,
 * question, fragment, dangling reference or furniture)? relaxed keeps only
 * the length and content checks, for stories with no better sentence. */
bool nd_digest_candidate(const nd_dlex *lex, const nd_doc *d, size_t i,
			 size_t words, bool relaxed);

#endif
