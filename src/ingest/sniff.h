/* sniff: how to read an input, judged from its name or its first bytes. */
#ifndef ND_INGEST_SNIFF_H
#define ND_INGEST_SNIFF_H

#include <stdbool.h> /* bool */
#include <stddef.h>  /* size_t */

#include "newsdigest.h" /* nd_format */

/* Bytes of an input looked at to guess its format. */
#define ND_SNIFF_BYTES 4096

/* The format the extension of name (a path) stands for: .txt and .text
 * TEXT, .html, .htm and .xhtml HTML, .jsonl, .ndjson and .json JSONL, in any
 * case, also followed by .gz (gzip data is inflated first); ND_FORMAT_AUTO
 * for anything else or no extension. */
nd_format nd_sniff_name(const char *name);
/* The format the first bytes p[0..n) look like, after a UTF-8 BOM and
 * whitespace: a tag is HTML, an object opening is JSONL, the rest TEXT.
 * After a UTF-16 BOM, the characters are looked at, not the bytes. */
nd_format nd_sniff_content(const char *p, size_t n);
/* True when a folder walk takes the file with base name name: not a
 * dot-file, an extension nd_sniff_name knows or none, and not a project
 * file such as README, LICENSE or CHANGELOG. */
bool nd_sniff_wanted(const char *name);
/* The base name of path without a ".gz" and then its last extension, as a
 * pointer into path and *len bytes: the id of a file's article
 * ("t1.html.gz" gives "t1"). */
const char *nd_sniff_stem(const char *path, size_t *len);

#endif
