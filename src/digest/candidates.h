/* Which sentences may stand alone in a summary, and how long they are. */
#ifndef ND_DIGEST_CANDIDATES_H
#define ND_DIGEST_CANDIDATES_H

#include <stdbool.h> /* bool */
#include <stddef.h>  /* size_t */
#include <stdint.h>  /* uint32_t */

#include "analyse/analyse.h"
#include "digest/dtrim.h"

/* Words of text[0..len): runs of non-space characters, any Unicode space
 * separating, so no reader's word count can come out higher. */
size_t nd_digest_count_words(const char *text, size_t len);

/* The word lists of the candidate rules, as bits: a word may be on
 * several. */
#define ND_DLEX_OPEN (1u << 0)     /* dangling openers */
#define ND_DLEX_DEMO (1u << 1)     /* demonstratives */
#define ND_DLEX_TIME (1u << 2)     /* nouns of time */
#define ND_DLEX_SUBJ (1u << 3)     /* subject pronouns */
#define ND_DLEX_SPEECH (1u << 4)   /* verbs of attribution */
#define ND_DLEX_SPEAKER (1u << 5)  /* first and second person */
#define ND_DLEX_CONJ (1u << 6)     /* openers droppable bare */
#define ND_DLEX_CONN (1u << 7)     /* openers droppable with a comma */
#define ND_DLEX_PREP (1u << 8)     /* heads of opening adverbials */
#define ND_DLEX_SETTING (1u << 9)  /* their lower-case words */
#define ND_DLEX_CLAUSE (1u << 10)  /* words that open a clause */
#define ND_DLEX_REL (1u << 11)     /* relative pronouns */
#define ND_DLEX_DET (1u << 12)     /* articles */
#define ND_DLEX_BACK (1u << 13)    /* last words of answering phrases */
#define ND_DLEX_REFER (1u << 14)   /* words standing for a noun */
#define ND_DLEX_AUX (1u << 15)     /* auxiliary verbs */
#define ND_DLEX_AHEAD (1u << 16)   /* words pointing forward */
#define ND_DLEX_NEAR (1u << 17)    /* demonstrative determiners */

/* Slots of the word table: a power of two, eight times the words of
 * all lists (about 250), so a token on none of them (most) nearly always
 * meets an empty slot at once, and the probe loop's branch is seldom
 * mispredicted; 16 KiB. */
#define ND_DLEX_BITS 11
#define ND_DLEX_SLOTS (1u << ND_DLEX_BITS)

/* The lists by term id of the corpus, in one open-addressing table, so
 * a rule asks of a token with one probe or two, not a search a list. A
 * slot is the term id + 1 (0: empty) in its high half and the term's
 * ND_DLEX_* bits in its low half: one load a probe. */
typedef struct nd_dlex {
	const nd_vocab *v;
	uint64_t slot[ND_DLEX_SLOTS];
} nd_dlex;

/* Resolves the lists against v's terms. */
void nd_dlex_init(nd_dlex *lex, const nd_vocab *v);
/* Is sentence i of d fit to stand alone in a summary (not a title,
 * question, fragment, dangling reference or furniture)? relaxed keeps only
 * the length and content checks, for stories with no better sentence.
 * quoted: whether the sentence holds a quotation (nd_digest_has_quote),
 * which the caller asks once for all its forms. */
bool nd_digest_candidate(const nd_dlex *lex, const nd_doc *d, size_t i,
			 size_t words, bool relaxed, bool quoted);

/* The lists (ND_DLEX_* bits) token t is on. */
uint32_t nd_dlex_lists(const nd_dlex *lex, const nd_token *t);
/* Is t on any of the lists (ND_DLEX_* bits)? */
static inline bool nd_dlex_has(const nd_dlex *lex, const nd_token *t,
			       uint32_t lists)
{
	return (nd_dlex_lists(lex, t) & lists) != 0;
}
/* Any quotation mark in p[0..n)? */
bool nd_digest_has_quote(const char *p, size_t n);

/* The trimmed form of sentence i of d into out, openers cut or only the
 * dateline; false when nothing can be cut. quoted says whether the
 * sentence holds a quotation (nd_digest_has_quote, which the caller
 * asks once for all its forms): then only the dateline is. */
bool nd_digest_trim(nd_dtrim *out, const nd_dlex *lex, const nd_doc *d,
		    size_t i, bool openers, bool quoted);
/* The form base of sentence i of d (ntok 0: whole) less an aside into
 * out: its first short non-restrictive relative clause (", who was
 * elected in May,"), where what is left still reads as the sentence;
 * false when there is none (never when quoted, as for nd_digest_trim). */
bool nd_digest_trim_aside(nd_dtrim *out, const nd_dlex *lex,
			  const nd_doc *d, size_t i, const nd_dtrim *base,
			  bool quoted);
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
			      const nd_dtrim *tr, size_t words, bool quoted);
/* Writes the trimmed form as shown into out (room for tr->len); returns
 * its length. */
size_t nd_digest_trim_text(char *out, const nd_doc *d, const nd_dtrim *tr);

#endif
