/* clean: from a raw article to its text without page furniture.
 *
 * Text and HTML go through the same line classifier: navigation, search
 * prompts, "Read also" and related-links blocks, comment forms, newsletter
 * and cookie prompts, share and tag lists, advertisements, copyright and
 * contact footers, lorem-ipsum filler and teasers of other stories are
 * dropped; bylines, datelines and captions are kept apart as metadata. The
 * result is NFC-normalised; typographic characters are kept for display. */
#ifndef ND_CLEAN_H
#define ND_CLEAN_H

#include <stddef.h> /* size_t */

#include "core/error.h"

typedef struct nd_arena nd_arena;

/* A cleaned article. All memory is in the arena given to nd_clean_*. */
typedef struct nd_clean_article {
	const char *title;     /* "" when none */
	/* The printed form: title line, blank line, body paragraphs one per
	 * line, final newline. Offsets elsewhere index into this text. */
	const char *text;
	size_t text_len;
	size_t body_off;       /* where the body starts in text */
	const char *byline;    /* "" when none */
	const char *dateline;  /* "" when none, e.g. "Astana, Feb 28 (EFE)" */
	const char *published; /* date found in the page, "" when none */
	const char *language;  /* ISO 639-1 code of the body, "" when unsure
				  (static storage) */
	const char *site;      /* the page's site name (og:site_name), "" */
	const char *url;       /* the page's canonical URL, "" when none */
	const char **captions; /* photo captions, not part of the body */
	size_t n_captions;
	size_t words;          /* words in the body */
	size_t dropped_lines;  /* furniture lines removed */
} nd_clean_article;

/* Cleans plain text. title is the known title (JSONL), or NULL to take the
 * first non-empty line unless it is furniture. A headline-only text (none,
 * or only the title's line) keeps its headline as its body. Returns 0,
 * ND_EEMPTY when no body is left, or ND_ENOMEM; detail in err. */
int nd_clean_text(nd_clean_article *out, nd_arena *arena, const char *title,
		  const char *text, size_t len, nd_err *err);
/* What reading HTML pages needs from one page to the next: the parser and
 * the memory of its tree and measures, so that a batch allocates them once. */
typedef struct nd_html_reader nd_html_reader;

/* Creates a reader; returns 0 or ND_ENOMEM. */
int nd_html_reader_create(nd_html_reader **out);
/* Frees the reader and everything it holds; accepts NULL. */
void nd_html_reader_free(nd_html_reader *r);

/* Cleans an HTML page with reader r (parsed as browsers do, so malformed
 * markup is repaired, not rejected). title as for nd_clean_text; NULL takes
 * <title>/og:title/h1. Same return contract. */
int nd_clean_html_with(nd_clean_article *out, nd_html_reader *r,
		       nd_arena *arena, const char *title, const char *html,
		       size_t len, nd_err *err);
/* nd_clean_html_with on a reader of its own, for a single page. */
int nd_clean_html(nd_clean_article *out, nd_arena *arena, const char *title,
		  const char *html, size_t len, nd_err *err);

/* The language text[0..len) is written in, as an ISO 639-1 code (static
 * storage): by writing system, then, for Latin and Cyrillic text, by the
 * share of each language's function words ("en", "de", "fr", "es", "it",
 * "pt", "nl", "pl", "sv", "da", "nb", "fi", "tr", "cs", "ro", "hu", "id",
 * "ru", "uk", "bg"; "el", "he", "ar", "fa", "hi", "th", "zh", "ja", "ko").
 * "" when the text is too short or too mixed to say. */
const char *nd_clean_language(const char *text, size_t len);
/* The code nd_clean_language would give for the language a page declares
 * (an HTML lang value such as "de-AT" or "pt_BR"): its primary subtag when
 * it is one of those codes ("nb" for "no"), else "". Static storage. */
const char *nd_clean_language_declared(const char *tag);

/* Drops from the bodies of arts[0..n), cleaned from one batch, the lines
 * that only repetition shows to be furniture: a line among the first or
 * last ones of at least three articles that are not copies of one another,
 * where it belongs to a run of such lines reaching the body's first or last
 * line. Rewritten texts are allocated from arena; words and dropped_lines
 * follow. A body is never emptied. Returns 0 or ND_ENOMEM. */
int nd_clean_repeats(nd_clean_article *arts, size_t n, nd_arena *arena);

#endif
