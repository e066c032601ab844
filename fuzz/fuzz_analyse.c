/* Fuzz target: the sentence splitter, tokenizer and folds on any bytes. */
#include <stddef.h> /* size_t */
#include <stdint.h> /* uint8_t */

#include "analyse/analyse.h"
#include "core/arena.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	nd_vocab *v = NULL;
	nd_arena *a = NULL;
	nd_doc d;
	size_t title = 0, i;

	if (nd_vocab_create(&v, NULL) || nd_arena_create(&a))
		goto done;
	while (title < size && data[title] != '\n')
		title++;
	if (nd_analyse(&d, v, a, (const char *)data, size, title) == 0) {
		nd_vocab_count_doc(v, &d);
		for (i = 0; i + 1 < d.nsents; i++)
			nd_sentence_similarity(v, &d, i, &d, i + 1);
	}
done:
	nd_arena_free(a);
	nd_vocab_free(v);
	return 0;
}
