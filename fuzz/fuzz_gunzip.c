/* Fuzz target: gzip inputs through nd_ingest_memory. Whatever the bytes
 * after the gzip magic, ingest must not crash, leak, loop, or hand out an
 * article that breaks its contract (NUL-terminated, valid UTF-8 body). */
#include <stdint.h> /* uint8_t */
#include <stdlib.h> /* abort */
#include <string.h> /* strlen, strchr, memcpy */

#include "core/utf8.h"
#include "ingest/ingest.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int on_article(void *ctx, const nd_raw_article *a)
{
	(void)ctx;
	if (a->id == NULL || a->path == NULL || a->body == NULL ||
	    a->body[a->body_len] != '\0' ||
	    strlen(a->body) != a->body_len ||
	    !nd_utf8_valid(a->body, a->body_len, NULL))
		abort();
	return 0;
}

static int on_reject(void *ctx, const char *path, int code, const char *msg)
{
	(void)ctx;
	if (path == NULL || msg == NULL || code >= 0 ||
	    strchr(msg, '\n') != NULL)
		abort();
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	nd_ingest_sink sink = { 0, on_article, on_reject, NULL, NULL };

	nd_ingest_memory(&sink, "fuzz.html.gz", (const char *)data, size,
			 ND_FORMAT_AUTO);
	/* A small cap, so that inflating past it gets exercised. */
	sink.max_bytes = 256;
	nd_ingest_memory(&sink, "fuzz.jsonl.gz", (const char *)data, size,
			 ND_FORMAT_AUTO);
	return 0;
}
