/* clean_lines: an article as a list of normalised lines.
 *
 * Both readers feed raw lines in (text split at line breaks, HTML block by
 * block). Each line is stored once in one normal form: runs of whitespace
 * (tabs, no-break spaces, line breaks inside a block) collapsed to one
 * space, ends trimmed, NULs and control characters made spaces, zero-width
 * spaces and soft hyphens dropped, invalid UTF-8 replaced by U+FFFD. Every
 * later rule sees only that form. */
#ifndef ND_CLEAN_LINES_H
#define ND_CLEAN_LINES_H

#include <stddef.h> /* size_t */

#include "core/buf.h"

/* What the reader knows about a line. */
enum {
	ND_CL_HEADING = 1u << 0, /* h1-h6 */
	ND_CL_CAPTION = 1u << 1, /* figcaption */
	ND_CL_ITEM = 1u << 2,    /* li, dt, dd */
	ND_CL_LINKY = 1u << 3,   /* mostly link text */
	ND_CL_ROW = 1u << 4      /* a table row of two cells or more */
};

typedef struct nd_cline {
	size_t off;      /* into nd_clines.text; NUL-terminated there */
	size_t len;
	size_t gaps;     /* inner runs of 2+ blanks or a tab: menu columns */
	unsigned hints;  /* ND_CL_* */
	int cls;         /* the classifier's verdict (clean.c) */
} nd_cline;

typedef struct nd_clines {
	nd_buf text;     /* the lines, each followed by a NUL */
	nd_cline *v;
	size_t n;
	size_t cap;
} nd_clines;

/* An empty list whose text may grow to max_bytes. */
void nd_clines_init(nd_clines *l, size_t max_bytes);
void nd_clines_dispose(nd_clines *l);
/* Normalises raw[0..len) as one line (line breaks inside are spaces) and
 * appends it unless nothing is left. Returns 0, ND_ENOMEM or ND_ETOOBIG. */
int nd_clines_add(nd_clines *l, const char *raw, size_t len, unsigned hints);
/* Splits text at LF, CR, CRLF, VT, FF, NEL, U+2028 and U+2029 and adds each
 * line. Same return contract. */
int nd_clines_add_text(nd_clines *l, const char *text, size_t len);
/* Appends the normal form of raw[0..len) to out (no NUL added beyond the
 * buffer's own). Returns 0, ND_ENOMEM or ND_ETOOBIG. */
int nd_clines_normalise(nd_buf *out, const char *raw, size_t len,
			size_t *gaps);

/* Words of a normalised line: runs between single spaces. */
size_t nd_cline_words(const char *s, size_t len);

/* The i-th line's text. */
static inline const char *nd_cline_str(const nd_clines *l, size_t i)
{
	return l->text.ptr + l->v[i].off;
}

#endif
