/* Fuzz target: the facts stage (names, quotations, speakers, reported
 * speech, number facts, grouping, conflicts) on any bytes analysed as one
 * article, then with the input's second half as a second article, a copy
 * of the first, so grouping, independence and conflicts across articles
 * run too. */
#include <stddef.h> /* size_t */
#include <stdint.h> /* uint8_t */

#include "analyse/analyse.h"
#include "core/arena.h"
#include "facts/facts.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	nd_vocab *v = NULL;
	nd_arena *a = NULL;
	nd_doc docs[2];
	const char *ids[2] = { "a", "b" }, *titles[2] = { "", "" };
	const char *published[2] = { "2023-02-28T10:00:00Z", "" };
	size_t members[2] = { 0, 1 }, origin[2] = { 0, 0 }, title = 0;
	size_t half = size / 2, title2 = 0;
	nd_facts *facts = NULL;
	nd_story_facts sf;
	nd_corpus c;
	int i;

	if (nd_vocab_create(&v, NULL) || nd_arena_create(&a) ||
	    nd_facts_create(&facts))
		goto done;
	while (title < size && data[title] != '\n')
		title++;
	while (half + title2 < size && data[half + title2] != '\n')
		title2++;
	if (nd_analyse(&docs[0], v, a, (const char *)data, size, title) ||
	    nd_analyse(&docs[1], v, a, (const char *)data + half, size - half,
		       title2))
		goto done;
	for (i = 0; i < 2; i++)
		nd_vocab_count_doc(v, &docs[i]);
	c.n = 2;
	c.docs = docs;
	c.ids = ids;
	c.titles = titles;
	c.published = published;
	c.vocab = v;
	nd_facts_story(&sf, facts, &c, members, 1, NULL, a);
	nd_facts_story(&sf, facts, &c, members, 2, origin, a);
done:
	nd_facts_free(facts);
	nd_arena_free(a);
	nd_vocab_free(v);
	return 0;
}
