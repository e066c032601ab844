/* storyterms: an article's words as story clustering counts them.
 *
 * One pass over the title and the cleaned text, without running the
 * analyse stage (its English stemmer and stop list are borrowed, as the
 * stage before this one): words are folded (case, marks, look-alike
 * letters of another script), stop words and numbers are dropped, the
 * rest are stemmed (English Snowball) and hashed to 32-bit terms. Title
 * words count twice. A word written capitalised inside a body sentence marks its term
 * as a name. A cache keyed by the word's hash makes a repeated word cost
 * one lookup, so stemming runs once per distinct word, not per token. */
#ifndef ND_CLUSTER_STORYTERMS_H
#define ND_CLUSTER_STORYTERMS_H

#include <stddef.h> /* size_t */
#include <stdint.h> /* uint32_t, uint64_t */

/* Distinct terms kept of one article; words past them are not counted
 * (an article this rich in words is long past telling its story). */
#define ND_STORYTERMS_MAX 1024

typedef struct nd_storyterm {
	uint32_t term;     /* hash of the stem, never 0 */
	uint32_t count;    /* occurrences, a title's twice */
	uint32_t name;     /* 1 when written as a name */
	const char *word;  /* first occurrence as written, in the caller's
			      text (valid while it is) */
	size_t word_len;
} nd_storyterm;

/* A place of the open-addressed table over an article's terms. */
typedef struct nd_termslot {
	uint32_t gen;  /* the slot is used when gen is the table's */
	uint32_t term;
	uint32_t at;   /* index into t */
} nd_termslot;

typedef struct nd_storyterms {
	nd_storyterm *t; /* t[0..n): first-seen order */
	size_t n;
	nd_termslot *slot;
	uint32_t gen;
	unsigned char cls[256]; /* byte classes of the word scan */
	int wide;               /* scan 64 bytes at a time with AVX-512 */
	struct nd_wordcache *cache;
} nd_storyterms;

/* Returns 0 or ND_ENOMEM. */
int nd_storyterms_init(nd_storyterms *st);
void nd_storyterms_dispose(nd_storyterms *st);

/* Counts the terms of title[0..title_len) and text[0..text_len) into st,
 * replacing the last article's; any bytes are read. */
void nd_storyterms_read(nd_storyterms *st, const char *title,
			size_t title_len, const char *text, size_t text_len);

/* The entry of term in the current article, or NULL. */
nd_storyterm *nd_storyterms_find(const nd_storyterms *st, uint32_t term);

/* Bytes st holds, whatever the articles read. */
size_t nd_storyterms_bytes(const nd_storyterms *st);

/* The term a folded word stands for (0: a stop word or not a word). */
uint32_t nd_storyterms_of_word(nd_storyterms *st, const char *w, size_t n);

#endif
