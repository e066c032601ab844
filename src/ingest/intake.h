/* intake: the state of one ingest call and the way out of it.
 *
 * Every reader hands its articles and rejections to an nd_intake, which
 * forwards them to the caller's sink, remembers the last rejection for the
 * return value, and owns the scratch buffers reused from input to input. */
#ifndef ND_INGEST_INTAKE_H
#define ND_INGEST_INTAKE_H

#include <stddef.h> /* size_t */

#include "core/buf.h"
#include "ingest/ingest.h"

/* Per-article cap when the sink leaves max_bytes at 0. */
#define ND_INGEST_DEFAULT_CAP ((size_t)5 * 1024 * 1024)
/* A JSON Lines input may be this large; its cap per line is the article
 * cap. */
#define ND_INGEST_JSONL_MAX ((size_t)1 << 30)
/* Longest file path a folder walk builds, NUL included. */
#define ND_INGEST_PATH_MAX 4096

typedef struct nd_intake {
	const nd_ingest_sink *sink;
	size_t cap;   /* per-article cap in bytes */
	int last;     /* ND_E* of the last rejection, 0 when none */
	nd_buf doc;   /* a text or HTML document, capped at cap */
	nd_buf conv;  /* the document converted to UTF-8 */
	nd_buf line;  /* a JSON Lines line being assembled */
	nd_buf field; /* decoded JSON strings of one line */
	nd_buf label; /* "file:line", or an article id */
	char warning[128]; /* of the article being delivered; "" for none */
} nd_intake;

/* Prepares in for one call with sink (not NULL). */
void nd_intake_init(nd_intake *in, const nd_ingest_sink *sink);
/* Releases the scratch buffers. */
void nd_intake_dispose(nd_intake *in);
/* Reports that the input at path was rejected for code, with a printf-style
 * one-line reason. Returns 0 to go on, or the sink's non-zero verdict. */
int nd_intake_reject(nd_intake *in, const char *path, int code,
		     const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
/* Hands an article to the sink; returns its verdict (0 goes on). */
int nd_intake_deliver(nd_intake *in, const nd_raw_article *a);
/* The return value of a public call whose readers returned rc: rc when it
 * stopped the call, else the last rejection's code, else 0. */
int nd_intake_result(const nd_intake *in, int rc);

#endif
