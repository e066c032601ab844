/* Fuzz target: nd_textsketch_sign on any bytes, the copy index's signing
 * of untrusted article text. It must not crash or read out of bounds,
 * and the AVX-512 blocks and the portable path must give one signature
 * (an index saved on one machine is searched on another). */
#include <stdint.h> /* uint8_t, uint64_t */
#include <stdlib.h> /* abort */
#include <string.h> /* memcmp */

#include "dedup/textsketch.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	uint64_t a[ND_TEXTSKETCH_BINS], b[ND_TEXTSKETCH_BINS];
	size_t na = nd_textsketch_sign(a, (const char *)data, size);
	size_t nb = nd_textsketch_sign_portable(b, (const char *)data, size);

	if (na != nb || memcmp(a, b, sizeof(a)) != 0)
		abort();
	return 0;
}
