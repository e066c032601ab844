/* Untrusted text as one line of plain text, for TSV fields, summary lines
 * and header lines: tabs, line breaks and other control characters become
 * spaces, invalid UTF-8 becomes U+FFFD, everything else is kept. */
#ifndef ND_RENDER_LINE_TEXT_H
#define ND_RENDER_LINE_TEXT_H

#include <stddef.h> /* size_t */

#include "render/render_out.h"

/* Writes s[0..len) as one line (no line break added). */
void nd_line_text(nd_out *o, const char *s, size_t len);
/* nd_line_text of a NUL-terminated string; NULL writes nothing. */
void nd_line_str(nd_out *o, const char *s);

#endif
