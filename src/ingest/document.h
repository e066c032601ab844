/* document: the checks a text or HTML document passes before it becomes an
 * article, and its decoding to UTF-8. */
#ifndef ND_INGEST_DOCUMENT_H
#define ND_INGEST_DOCUMENT_H

#include <stdbool.h> /* bool */
#include <stddef.h>  /* size_t */

#include "ingest/intake.h"

/* True when p[0..n) holds nothing but ASCII whitespace. */
bool nd_document_blank(const char *p, size_t n);
/* True when p[0..n) is binary rather than text: it holds a NUL byte
 * anywhere (no text has one, and later stages want C strings), or more than
 * 10% of it are control bytes other than tab, CR, LF and FF. */
bool nd_document_binary(const char *p, size_t n);
/* Checks the document read from path that sits in in->doc and delivers it
 * with the stem of path as id: a UTF-8 BOM is dropped; a UTF-16 or UTF-32
 * one says how to convert the rest; empty, binary and non-UTF-8 content is
 * rejected; an HTML page that declares another charset is converted first
 * (unless its bytes are valid UTF-8 already, the usual case of a page
 * re-saved without its <meta> tag updated). Returns 0, the sink's verdict,
 * or ND_ENOMEM. */
int nd_document_take(nd_intake *in, const char *path, int is_html);

#endif
