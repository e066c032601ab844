/* document: the checks a text or HTML document passes before it becomes an
 * article, and its decoding to UTF-8. */
#ifndef ND_INGEST_DOCUMENT_H
#define ND_INGEST_DOCUMENT_H

#include <stdbool.h> /* bool */
#include <stddef.h>  /* size_t */

#include "ingest/intake.h"

/* True when p[0..n) holds nothing but ASCII whitespace. */
bool nd_document_blank(const char *p, size_t n);
/* Bytes at the start of a document in which a NUL byte means binary, as
 * git and file(1) judge: text has none there. */
#define ND_DOCUMENT_SNIFF 8000

/* True when p[0..n) is binary rather than text: it holds a NUL byte in its
 * first ND_DOCUMENT_SNIFF bytes, or more than 10% of it are control bytes
 * (NUL among them) other than tab, CR, LF and FF. */
bool nd_document_binary(const char *p, size_t n);
/* Checks the document read from path that sits in in->doc and delivers it
 * with the stem of path as id: a UTF-8 BOM is dropped; a UTF-16 or UTF-32
 * one says how to convert the rest; empty and binary content is rejected;
 * an HTML page that declares another charset is converted first (unless its
 * bytes are valid UTF-8 already, the usual case of a page re-saved without
 * its <meta> tag updated) and rejected when not valid in it; other bytes
 * that are not UTF-8 are read as windows-1252, with a warning in the
 * article; later NUL bytes become spaces. Returns 0, the sink's verdict,
 * or ND_ENOMEM. */
int nd_document_take(nd_intake *in, const char *path, int is_html);

#endif
