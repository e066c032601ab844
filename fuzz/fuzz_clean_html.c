/* Fuzz target: HTML cleaning (myhtml parser, tree walks, metadata) on
 * any bytes, with the same output invariants as the text target. */
#include <stddef.h> /* size_t */
#include <stdint.h> /* uint8_t */
#include <stdlib.h> /* abort */
#include <string.h> /* strlen */

#include "clean/clean.h"
#include "core/arena.h"
#include "core/utf8.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	nd_arena *arena = NULL;
	nd_clean_article a;
	nd_err err;
	size_t i;

	if (nd_arena_create(&arena))
		return 0;
	if (nd_clean_html(&a, arena, NULL, (const char *)data, size, &err) ==
	    ND_OK) {
		if (a.text_len != strlen(a.text) || a.body_off > a.text_len ||
		    a.body_off < 2 || a.text[a.text_len - 1] != '\n' ||
		    strlen(a.title) != a.body_off - 2 ||
		    !nd_utf8_valid(a.text, a.text_len, NULL) ||
		    !nd_utf8_valid(a.byline, strlen(a.byline), NULL) ||
		    !nd_utf8_valid(a.published, strlen(a.published), NULL))
			abort();
		for (i = 0; i < a.n_captions; i++) {
			if (!nd_utf8_valid(a.captions[i],
					   strlen(a.captions[i]), NULL))
				abort();
		}
	}
	nd_arena_free(arena);
	return 0;
}
