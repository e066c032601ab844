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

#define ND_DLEX_LIST_MAX 128

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
	uint32_t conj[ND_DLEX_LIST_MAX];   /* openers droppable bare */
	uint32_t conn[ND_DLEX_LIST_MAX];   /* openers droppable with a comma */
	uint32_t prep[ND_DLEX_LIST_MAX];   /* heads of opening adverbials */
	uint32_t setting[ND_DLEX_LIST_MAX]; /* their lower-case words */
	uint32_t clause[ND_DLEX_LIST_MAX]; /* words that open a clause */
	uint32_t rel[ND_DLEX_LIST_MAX];    /* relative pronouns */
	uint32_t det[ND_DLEX_LIST_MAX];    /* articles */
	uint32_t back[ND_DLEX_LIST_MAX];   /* last words of answering phrases */
	uint32_t refer[ND_DLEX_LIST_MAX];  /* words standing for a noun */
	uint32_t aux[ND_DLEX_LIST_MAX];    /* auxiliary verbs */
	uint32_t ahead[ND_DLEX_LIST_MAX];  /* words pointing forward */
	uint32_t near[ND_DLEX_LIST_MAX];   /* demonstrative determiners */
	size_t n_open, n_demo, n_time, n_subj, n_speech, n_speaker;
	size_t n_conj, n_conn, n_prep, n_setting, n_clause, n_rel, n_det;
	size_t n_back, n_refer, n_aux, n_ahead, n_near;
} nd_dlex;

/* Resolves the lists against v's terms. */
void nd_dlex_init(nd_dlex *lex, const nd_vocab *v);
/* Is sentence i of d fit to stand alone in a summary (not a title,
 * question, fragment, dangling reference or furniture)? relaxed keeps only
 * the length and content checks, for stories with no better sentence. */
bool nd_digest_candidate(const nd_dlex *lex, const nd_doc *d, size_t i,
			 size_t words, bool relaxed);

/* Is t one of ids[0..n) (sorted term ids)? */
bool nd_dlex_has(const nd_token *t, const uint32_t *ids, size_t n);
/* Any quotation mark in p[0..n)? */
bool nd_digest_has_quote(const char *p, size_t n);

/* A sentence without the opener a summary can spare: a wire dateline
 * ("BEIJING (AP) _"), then a connective ("But", "However,") or a time or
 * place adverbial ("On Tuesday,", "In Astana,"), twice at most ("But on
 * Tuesday,"). The kept words are tokens
 * [tok, tok + ntok) and bytes [off, off + len) of the article text, to
 * the sentence's end; shown, they start with a capital. */
typedef struct nd_dtrim {
	uint32_t tok, ntok;
	uint32_t off, len;
	/* An aside cut from inside too: tokens [gap, gap + ngap) and bytes
	 * [goff, goff + glen), its opening comma included; ngap 0: none. */
	uint32_t gap, ngap;
	uint32_t goff, glen;
} nd_dtrim;

/* The trimmed form of sentence i of d into out, openers cut or only the
 * dateline; false when nothing can be cut (in a sentence with a quotation
 * only the dateline is). */
bool nd_digest_trim(nd_dtrim *out, const nd_dlex *lex, const nd_doc *d,
		    size_t i, bool openers);
/* The form base of sentence i of d (ntok 0: whole) less an aside into
 * out: its first short non-restrictive relative clause (", who was
 * elected in May,"), where what is left still reads as the sentence;
 * false when there is none (never in a sentence with a quotation). */
bool nd_digest_trim_aside(nd_dtrim *out, const nd_dlex *lex,
			  const nd_doc *d, size_t i, const nd_dtrim *base);
/* Tokens of an opening phrase up to its comma from token at (of the
 * sentence ending before token end) that answers an earlier sentence
 * ("In other words,", "On the other hand,", "Aside from that,", "For its
 * part,"), 0 when there is none. */
size_t nd_digest_back_phrase(const nd_dlex *lex, const nd_doc *d, size_t at,
			     size_t end);
/* Words of the trimmed form tr as shown. */
size_t nd_digest_trim_words(const nd_doc *d, const nd_dtrim *tr);
/* As nd_digest_candidate, for the trimmed form tr (of words words) of
 * sentence i. */
bool nd_digest_candidate_trim(const nd_dlex *lex, const nd_doc *d, size_t i,
			      const nd_dtrim *tr, size_t words);
/* Writes the trimmed form as shown into out (room for tr->len); returns
 * its length. */
size_t nd_digest_trim_text(char *out, const nd_doc *d, const nd_dtrim *tr);

#endif
