/* Fuzz target: the binary searches of wordnet/wn_file over any bytes
 * ending in a newline, as a mapped WordNet file would hold them, for keys
 * taken from the bytes themselves. No search may read outside the bytes
 * or loop, and what it finds must match its key. */
#include <stdint.h> /* uint8_t */
#include <stdlib.h> /* abort */
#include <string.h> /* memchr, memcmp */

#include "wordnet/wn_file.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Looks up key[0..len) both ways and walks the lines after a prefix hit. */
static void look_up(const nd_wn_file *f, const char *key, size_t len)
{
	const char *line;
	size_t n, steps = 0;
	int rc;

	if (nd_wn_file_find(&line, &n, f, key, len) == ND_OK &&
	    (n < len || memcmp(line, key, len) != 0 ||
	     (n > len && line[len] != ' ')))
		abort();
	rc = nd_wn_file_first(&line, &n, f, key, len);
	if (rc == ND_OK && (n < len || memcmp(line, key, len) != 0))
		abort();
	while (rc == ND_OK && steps++ < 64) {
		if (line < f->data || line + n >= f->data + f->size)
			abort();
		rc = nd_wn_file_next(&line, &n, f, line, n);
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	nd_wn_file f = { (const char *)data, size };
	const char *p = f.data, *end = f.data + size, *sp;
	int keys = 0;

	if (size == 0 || data[size - 1] != '\n')
		return 0;
	/* Keys: the first field of the first few lines, and a prefix. */
	while (p < end && keys++ < 8) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));

		sp = memchr(p, ' ', (size_t)(nl - p));
		look_up(&f, p, (size_t)((sp ? sp : nl) - p));
		if (nl - p > 1)
			look_up(&f, p, 1);
		p = nl + 1;
	}
	look_up(&f, "zzzz", 4);
	look_up(&f, "a", 1);
	return 0;
}
