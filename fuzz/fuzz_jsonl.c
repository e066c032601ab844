/* Fuzz target: JSON Lines through nd_ingest_memory. Whatever the bytes,
 * ingest must not crash, leak or hand out an article that breaks its
 * contract (NUL-terminated, valid UTF-8 body). */
#include <stdint.h> /* uint8_t */
#include <stdlib.h> /* abort */
#include <string.h> /* strlen */

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

	nd_ingest_memory(&sink, "fuzz.jsonl", (const char *)data, size,
			 ND_FORMAT_JSONL);
	/* Again with a small cap, so overlong lines get exercised. */
	sink.max_bytes = 64;
	nd_ingest_memory(&sink, "fuzz.jsonl", (const char *)data, size,
			 ND_FORMAT_JSONL);
	return 0;
}
