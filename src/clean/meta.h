/* meta: the lines about an article rather than of it.
 *
 * Bylines ("By Name", "Text by: Name", "Staff Reporter", "With our
 * correspondent in X,"), photo captions with their credits ("... Photo by
 * Name", "... AP - Name", "(Photo: ...)"), datelines opening the first
 * paragraph ("CITY, Mon DD (AGENCY).-", "CITY (AGENCY) —"), dates, and an
 * agency's sign-off after the last sentence (". EFE"). All functions look
 * at one normalised line and never read outside it. */
#ifndef ND_CLEAN_META_H
#define ND_CLEAN_META_H

#include <stdbool.h> /* bool */
#include <stddef.h>  /* size_t */

#include "clean/furniture.h" /* nd_line_feat */

/* Kinds of byline line. */
enum {
	ND_BYLINE_NONE = 0,
	ND_BYLINE_ROLE,   /* "Senior correspondent": a role, no name */
	ND_BYLINE_NAME,   /* "By Name ...": *name holds the name */
	ND_BYLINE_LEADIN  /* "With our correspondent in X,": name follows */
};

/* A byline in s[0..len) (features f, folded form fold)? Returns
 * ND_BYLINE_*; for ND_BYLINE_NAME the name is s[*name_off..+*name_len). */
int nd_clean_byline(const char *s, size_t len, const nd_line_feat *f,
		    const char *fold, size_t *name_off, size_t *name_len);
/* A bare personal name: one to four capitalised words, no sentence. */
bool nd_clean_is_name(const char *s, size_t len, const nd_line_feat *f);
/* A photo caption with a credit, or a line introduced as a photo. fold is
 * the folded form of the line. */
bool nd_clean_is_caption(const nd_line_feat *f, const char *fold);

typedef struct nd_dateline {
	size_t len;        /* the dateline is s[0..len) */
	size_t rest;       /* the paragraph goes on at s[rest] */
	size_t date_off;   /* a date inside it, date_len 0 when none */
	size_t date_len;
	size_t agency_off; /* "(EFE)" without brackets, agency_len 0: none */
	size_t agency_len;
} nd_dateline;

/* A dateline opening the paragraph s[0..len)? Fills *d. */
bool nd_clean_dateline(const char *s, size_t len, nd_dateline *d);
/* Finds a date in s[0..len): "March 14, 2025", "14 March 2025",
 * "2025-03-14", "14/03/2025"; with need_year, "Feb 28" alone does not
 * count. Sets *off and *dlen. */
bool nd_clean_find_date(const char *s, size_t len, bool need_year,
			size_t *off, size_t *dlen);
/* Length of s[0..len) without an agency sign-off after the last sentence
 * (". EFE" drops " EFE"): the agency's name, or 2 to 6 capitals. */
size_t nd_clean_signoff(const char *s, size_t len, const char *agency,
			size_t agency_len);

#endif
