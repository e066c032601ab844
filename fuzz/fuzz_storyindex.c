/* Fuzz target: the story index on any bytes, as untrusted article text.
 * The input is cut at its first newline into a title and a text, added,
 * then added again with the halves swapped and a date: the counting,
 * weighing, placing, evidence and merging must not crash, read out of
 * bounds or leak, and every evidence word must lie in the input. */
#include <stdint.h> /* uint8_t */
#include <stdlib.h> /* abort */
#include <string.h> /* memchr */

#include "newsdigest.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Is w[0..n) somewhere in data[0..size)? */
static int found_in(const uint8_t *data, size_t size, const char *w,
		    size_t n)
{
	size_t i;

	for (i = 0; n <= size && i <= size - n; i++)
		if (memcmp(data + i, w, n) == 0)
			return 1;
	return 0;
}

static void check_evidence(const nd_storyindex *ix, const uint8_t *data,
			   size_t size)
{
	const nd_story_evidence *e;
	size_t n, k;

	nd_storyindex_evidence(&e, &n, ix);
	for (k = 0; k < n; k++)
		if (e[k].len > size || e[k].term[e[k].len] != '\0' ||
		    !(e[k].share >= 0 && e[k].share <= 1.0001) ||
		    !found_in(data, size, e[k].term, e[k].len))
			abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	nd_storyindex_options o = ND_STORYINDEX_OPTIONS_INIT;
	nd_storyindex *ix = NULL;
	const uint8_t *nl = memchr(data, '\n', size);
	size_t cut = nl ? (size_t)(nl - data) : size / 2;
	nd_story_article a;
	nd_placement p;

	o.explain = 1;
	o.threshold = 0.01;
	if (nd_storyindex_create(&ix, &o) != ND_OK)
		return 0;
	memset(&a, 0, sizeof(a));
	a.title = (const char *)data;
	a.title_len = cut;
	a.text = (const char *)data + cut;
	a.text_len = size - cut;
	a.published = ND_NO_TIME;
	if (nd_storyindex_add(&p, ix, &a) == ND_OK)
		check_evidence(ix, data, size);
	a.title = a.text;
	a.title_len = a.text_len;
	a.text = (const char *)data;
	a.text_len = cut;
	a.published = 1700000000;
	if (nd_storyindex_add(&p, ix, &a) == ND_OK)
		check_evidence(ix, data, size);
	nd_storyindex_free(ix);
	return 0;
}
