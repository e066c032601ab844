/* html_strip: a page without the parts that are never article text.
 *
 * Inline scripts, styles, SVG drawings and comments are most of the bytes
 * of a modern page (60% of a sample of news pages) and cost the HTML
 * parser as much as the text does. They end where a browser ends them:
 * a comment at the first "-->", a script or style at the first "</script"
 * or "</style" whatever the quoting inside, so cutting them out before
 * parsing changes nothing else. JSON-LD scripts are kept for their
 * metadata. A run of blanks between two tags becomes one blank (a line
 * break when it held one): the lines made of the page collapse blanks,
 * and a <pre> breaks lines where the run had a break. */
#ifndef ND_CLEAN_HTML_STRIP_H
#define ND_CLEAN_HTML_STRIP_H

#include <stddef.h> /* size_t */

#include "core/buf.h"

/* Appends html[0..len) to out without scripts (other than JSON-LD),
 * styles, SVG and comments, blank runs between tags made one blank; an
 * unterminated script, style, SVG or comment runs to the end. Returns
 * 0, ND_ENOMEM or ND_ETOOBIG (out's cap). */
int nd_html_strip(nd_buf *out, const char *html, size_t len);

/* Appends html[0..len) to out with each start tag written without the
 * attributes the parser drops anyway (!nd_html_attr_kept): a third of a
 * page's bytes once scripts are out, which the parser would tokenize
 * and allocate for. Tags are read as the HTML tokenizer reads them; the
 * text of comments, CDATA sections, end tags and of the elements read as
 * text (title, textarea, script, ...) is left as it is, and where unsure
 * the page is left as it is, so the parser makes the same tree of it.
 * Returns 0, ND_ENOMEM or ND_ETOOBIG (out's cap). */
int nd_html_lean(nd_buf *out, const char *html, size_t len);

#endif
