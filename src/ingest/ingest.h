/* ingest: from paths, streams and memory to raw articles.
 *
 * Reads plain text, HTML and JSON Lines; walks folders recursively in byte
 * order of names; enforces the per-article size cap; and reports every input
 * it cannot use (empty, binary, invalid UTF-8, too big, unreadable,
 * malformed JSON line) through the sink without stopping the rest. */
#ifndef ND_INGEST_H
#define ND_INGEST_H

#include <stddef.h> /* size_t */
#include <stdio.h>  /* FILE */

#include "newsdigest.h" /* nd_format */

typedef struct nd_buf nd_buf;

/* One article as read. Strings are NUL-terminated and valid only during the
 * on_article callback; absent fields are NULL. body is valid UTF-8. */
typedef struct nd_raw_article {
	const char *id;        /* file name without extension, or JSONL "id" */
	const char *path;      /* file path, or "file:line" for JSONL */
	const char *url;
	const char *title;     /* JSONL "title"; NULL for text and HTML files */
	const char *source;
	const char *published;
	const char *body;      /* text or HTML */
	size_t body_len;
	int is_html;
	const char *warning;   /* what was mended on the way in, or NULL */
} nd_raw_article;

/* Where ingest delivers. A non-zero return from on_article (ND_ENOMEM) stops
 * ingestion and is returned as is. */
typedef struct nd_ingest_sink {
	size_t max_bytes; /* per-article cap; 0 means 5 MiB */
	int (*on_article)(void *ctx, const nd_raw_article *a);
	/* code is the ND_E* reason; msg is one line without the path. */
	int (*on_reject)(void *ctx, const char *path, int code,
			 const char *msg);
	void *ctx;
	/* A buffer the caller keeps from call to call, in which text and HTML
	 * documents are read (its cap is set by ingest), so that its memory
	 * is reused rather than taken afresh each call; NULL for none. */
	nd_buf *scratch;
} nd_ingest_sink;

/* Formats: a file's extension decides (.txt/.text text, .html/.htm/.xhtml
 * HTML, .jsonl/.ndjson/.json JSON Lines, any case); otherwise the first
 * bytes do (a tag after whitespace or a BOM is HTML, '{' then a key is JSON
 * Lines, the rest text). Text and HTML are rejected when empty or binary (a
 * NUL byte in the first 8,000 bytes, or over 10% control bytes); a UTF-8 BOM
 * is dropped, text opening with a UTF-16 or UTF-32 BOM is converted, an
 * HTML page declaring another charset in its first 8 KiB is converted with
 * iconv unless its bytes are valid UTF-8 already, and bytes that are still
 * not UTF-8 are read as windows-1252 with a warning. A JSON
 * Lines input may be 1 GiB; the per-article cap applies to each line. */

/* Reads a file, a folder (recursive, sorted) or "-" (stdin, named
 * "stdin"). In a folder, dot-files, symlinked folders, project files
 * (README, LICENSE, ...) and files whose extension is not one of the above
 * are skipped silently; a file named explicitly is read whatever its
 * extension. Returns 0 when all was accepted, the ND_E* code of the last
 * rejection otherwise, ND_EINVAL for a NULL argument, or a fatal code (the
 * sink's, or ND_ENOMEM). */
int nd_ingest_path(const nd_ingest_sink *sink, const char *path);
/* Reads an open stream standing for name (NULL: "stdin") until EOF; AUTO
 * goes by name's extension, then by the first bytes. Same return
 * contract. */
int nd_ingest_stream(const nd_ingest_sink *sink, FILE *f, const char *name,
		     nd_format format);
/* Reads data[0..len) standing for name (NULL: "memory"); nothing is copied
 * but what the callback needs NUL-terminated. Same return contract. */
int nd_ingest_memory(const nd_ingest_sink *sink, const char *name,
		     const char *data, size_t len, nd_format format);

#endif
