#include "core/hash.h"

#include <string.h> /* memcpy */

/* Eight bytes at a time, each word folded in with a multiply and a rotate,
 * then the length and a final mix, so short keys and long ones both spread. */
uint64_t nd_hash64(const void *p, size_t len, uint64_t seed)
{
	const unsigned char *s = p;
	uint64_t h = seed ^ 0x9e3779b97f4a7c15ULL;
	uint64_t w;

	while (len >= 8) {
		memcpy(&w, s, 8);
		w *= 0xff51afd7ed558ccdULL;
		h ^= (w << 31) | (w >> 33);
		h = ((h << 27) | (h >> 37)) * 5 + 0x52dce729;
		s += 8;
		len -= 8;
	}
	w = 0;
	memcpy(&w, s, len);
	h ^= w * 0xc4ceb9fe1a85ec53ULL;
	h ^= (uint64_t)len << 56;
	return nd_mix64(h);
}
