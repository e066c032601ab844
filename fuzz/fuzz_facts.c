/* Fuzz target: the facts stage (names, quotations, speakers, number
 * facts, grouping) on any bytes analysed as one article, and on the same
 * article twice so grouping across articles runs too. */
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
	size_t members[2] = { 0, 1 }, title = 0;
	nd_facts *facts = NULL;
	nd_story_facts sf;
	nd_corpus c;
	int i;

	if (nd_vocab_create(&v, NULL) || nd_arena_create(&a) ||
	    nd_facts_create(&facts))
		goto done;
	while (title < size && data[title] != '\n')
		title++;
	for (i = 0; i < 2; i++) {
		if (nd_analyse(&docs[i], v, a, (const char *)data, size,
			       title) != 0)
			goto done;
		nd_vocab_count_doc(v, &docs[i]);
	}
	c.n = 2;
	c.docs = docs;
	c.ids = ids;
	c.titles = titles;
	c.published = published;
	c.vocab = v;
	nd_facts_story(&sf, facts, &c, members, 1, NULL, a);
	nd_facts_story(&sf, facts, &c, members, 2, NULL, a);
done:
	nd_facts_free(facts);
	nd_arena_free(a);
	nd_vocab_free(v);
	return 0;
}
