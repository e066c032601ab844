/* Fuzz target: the whole pipeline through the public API. The input is cut
 * at form feeds into articles; the first byte of each picks its format. */
#include <stddef.h> /* size_t */
#include <stdint.h> /* uint8_t */
#include <string.h> /* memchr */

#include "newsdigest.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Discards rendered output. */
static int sink(void *ctx, const char *p, size_t n)
{
	(void)ctx;
	(void)p;
	(void)n;
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const nd_format formats[] = { ND_FORMAT_AUTO, ND_FORMAT_TEXT,
					     ND_FORMAT_HTML, ND_FORMAT_JSONL };
	const char *p = (const char *)data, *end = p + size;
	nd_options opts = ND_OPTIONS_INIT;
	nd_batch *b = NULL;
	int kind, n = 0;

	opts.summary_words = 40;
	if (nd_batch_create(&b, &opts) != ND_OK)
		return 0;
	while (p < end && n < 16) {
		const char *ff = memchr(p, '\f', (size_t)(end - p));
		const char *stop = ff ? ff : end;
		char name[16] = "a0";

		name[1] = (char)('a' + n++);
		if (stop > p)
			nd_batch_add_memory(b, name, p + 1,
					    (size_t)(stop - p - 1),
					    formats[(unsigned char)*p % 4]);
		p = stop + (ff != NULL);
	}
	nd_batch_run(b, ND_STAGE_ALL);
	for (kind = ND_RENDER_DIGEST_MD; kind <= ND_RENDER_CLEAN_JSON; kind++)
		nd_batch_render(b, (nd_render_kind)kind, sink, NULL);
	nd_batch_free(b);
	return 0;
}
