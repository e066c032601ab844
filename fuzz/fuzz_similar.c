/* Fuzz target: nd_similar_score on any bytes, split at the first tab (or
 * in the middle) into two sentences, with the WordNet of wordnet-base when
 * installed, else the test miniature. It must not crash, read out of
 * bounds or leak; a score must lie in [0, 1], agree with the verdict and
 * not depend on the order of the sentences. */
#include <stdint.h> /* uint8_t */
#include <stdlib.h> /* abort */
#include <string.h> /* memchr */

#include "newsdigest.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *s = (const char *)data, *tab = memchr(s, '\t', size);
	size_t na = tab ? (size_t)(tab - s) : size / 2;
	const char *b = tab ? tab + 1 : s + na;
	size_t nb = size - (size_t)(b - s);
	nd_similar *sim = NULL;
	double x, y;
	int px, py, rx, ry;

	if (nd_similar_create(&sim, NULL) != ND_OK) {
		nd_similar_free(sim);
		if (nd_similar_create(&sim, "tests/fixtures/wordnet") != ND_OK)
			abort();
	}
	rx = nd_similar_score(&x, &px, sim, s, na, b, nb);
	ry = nd_similar_score(&y, &py, sim, b, nb, s, na);
	if (rx != ry || (rx != ND_OK && rx != ND_EUTF8 && rx != ND_ETOOBIG))
		abort();
	if (rx == ND_OK && (x < 0 || x > 1 || x != y || px != py ||
			    px != (x >= nd_similar_threshold())))
		abort();
	nd_similar_free(sim);
	return 0;
}
