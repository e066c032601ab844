/* Markdown escaping of untrusted text for one line of a Markdown document.
 *
 * The text comes out as literal text whatever it holds: characters that
 * Markdown (CommonMark, and GitHub's tables and strikethrough) would read
 * as markup are backslash-escaped, as are list markers when the text opens
 * a line; line breaks and runs of spaces become one space; control
 * characters and bidirectional overrides, which could drive a terminal or
 * reorder what a reader sees, are dropped; invalid UTF-8 becomes U+FFFD. */
#ifndef ND_RENDER_MD_ESCAPE_H
#define ND_RENDER_MD_ESCAPE_H

#include <stddef.h> /* size_t */

#include "render/render_out.h"

/* Writes s[0..len) escaped, without leading or trailing spaces, for the
 * start of a line or of a list item's text. */
void nd_md_text(nd_out *o, const char *s, size_t len);
/* nd_md_text of a NUL-terminated string; NULL writes nothing. */
void nd_md_str(nd_out *o, const char *s);
/* The same for text in the middle of a line, where "- " or "1. " mean
 * nothing and stay as they are. */
void nd_md_inline(nd_out *o, const char *s);

#endif
