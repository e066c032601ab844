/* clean_internal: the part of cleaning shared by the text and HTML readers.
 *
 * A reader turns its input into normalised lines (clean_lines.h) and
 * whatever metadata it found on the side; nd_clean_finish then decides
 * line by line what is title, body, byline, dateline, caption or
 * furniture, and writes the nd_clean_article. */
#ifndef ND_CLEAN_INTERNAL_H
#define ND_CLEAN_INTERNAL_H

#include <stddef.h> /* size_t */

#include "clean/clean.h"
#include "clean/clean_lines.h"

/* Caps on what cleaning stores or scans. */
#define ND_CLEAN_TITLE_MAX 2048 /* bytes of a title kept */
#define ND_CLEAN_META_MAX 512   /* bytes of a byline, dateline or date */

/* What a reader knows besides the lines. Strings may be NULL; they need
 * not be normalised. */
typedef struct nd_clean_hints {
	const char *title;     /* known title: used, and dropped from body */
	size_t title_len;
	const char *published; /* date from markup */
	size_t published_len;
	const char *byline;    /* author from markup */
	size_t byline_len;
	const char *headline;  /* the page's own h1: dropped from body */
	size_t headline_len;
	int html;              /* lines are HTML blocks: never re-joined */
} nd_clean_hints;

/* Words of s[0..len): runs of bytes other than space, tab, CR and LF, as
 * nd_clean_article.words counts them. */
size_t nd_clean_count_words(const char *s, size_t len);

/* Empties *out: counts zero, no captions, every string "". */
void nd_clean_reset(nd_clean_article *out);

/* Classifies lines (which it may rewrite) and fills *out from arena.
 * Returns 0, ND_EEMPTY when no body is left, or ND_ENOMEM; detail in err. */
int nd_clean_finish(nd_clean_article *out, nd_arena *arena, nd_clines *lines,
		    const nd_clean_hints *hints, nd_err *err);

#endif
