/* Fuzz target: plain-text cleaning on any bytes. An odd first byte makes
 * the first line a known title (as JSONL gives one). Checks the output
 * invariants too: valid UTF-8, title line, blank line, body, final NL. */
#include <stddef.h> /* size_t */
#include <stdint.h> /* uint8_t */
#include <stdlib.h> /* abort */
#include <string.h> /* memchr, strlen */

#include "clean/clean.h"
#include "core/alloc.h"
#include "core/arena.h"
#include "core/utf8.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void check(const nd_clean_article *a)
{
	if (a->text_len != strlen(a->text) || a->body_off > a->text_len ||
	    a->body_off < 2 || !nd_utf8_valid(a->text, a->text_len, NULL) ||
	    a->text[a->body_off - 1] != '\n' ||
	    a->text[a->body_off - 2] != '\n' ||
	    a->text[a->text_len - 1] != '\n' ||
	    strlen(a->title) != a->body_off - 2 ||
	    !nd_utf8_valid(a->byline, strlen(a->byline), NULL) ||
	    !nd_utf8_valid(a->dateline, strlen(a->dateline), NULL) ||
	    !nd_utf8_valid(a->published, strlen(a->published), NULL))
		abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	nd_arena *arena = NULL;
	nd_clean_article a;
	nd_err err;
	char *title = NULL;
	const char *text = (const char *)data;

	if (nd_arena_create(&arena))
		return 0;
	if (size > 0 && (data[0] & 1)) {
		const char *nl = memchr(text, '\n', size);
		size_t n = nl ? (size_t)(nl - text) : size;

		title = nd_strndup(text, n);
	}
	if (nd_clean_text(&a, arena, title, text, size, &err) == ND_OK)
		check(&a);
	nd_free(title);
	nd_arena_free(arena);
	return 0;
}
