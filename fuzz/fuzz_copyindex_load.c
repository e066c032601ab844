/* Fuzz target: nd_copyindex_load_memory on any bytes, as they come and
 * with the checksum at their end made right, so that mutations reach the
 * checks past it. It must not crash, leak or read out of bounds; a file
 * it accepts must give an index that takes another article, and a
 * refusal must say why. */
#include <stdint.h> /* uint8_t */
#include <stdlib.h> /* abort, malloc */
#include <string.h> /* memcpy, strlen */

#include "dedup/copyindex.h"
#include "newsdigest.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void load_one(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	uint8_t *fixed;
	uint64_t sum;
	size_t i;

	load_one(data, size);
	if (size < 8 || (fixed = malloc(size)) == NULL)
		return 0;
	memcpy(fixed, data, size);
	sum = nd_copyfile_checksum(fixed, size - 8);
	for (i = 0; i < 8; i++)
		fixed[size - 8 + i] = (uint8_t)(sum >> (8 * i));
	load_one(fixed, size);
	free(fixed);
	return 0;
}

static void load_one(const uint8_t *data, size_t size)
{
	static const char text[] = "A harbour crane collapsed on Tuesday, "
				   "the port authority said in a statement.";
	nd_copy_article a = { 1, "fuzz", 0, text, sizeof(text) - 1 };
	const nd_copy_match *m;
	nd_copyindex *ix = NULL;
	nd_copyindex_stats st;
	char err[256];
	size_t n, i;
	int rc;

	rc = nd_copyindex_load_memory(&ix, err, sizeof(err), data, size, NULL);
	if (rc != ND_OK) {
		if (ix != NULL || strlen(err) == 0)
			abort();
		return;
	}
	if (nd_copyindex_add(&m, &n, ix, &a) != ND_OK)
		abort();
	for (i = 0; i < n; i++)
		if (m[i].name == NULL ||
		    !(m[i].jaccard >= 0 && m[i].jaccard <= 1))
			abort();
	nd_copyindex_stats_get(&st, ix);
	if (st.live == 0)
		abort();
	nd_copyindex_free(ix);
}
