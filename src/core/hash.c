#include "core/hash.h"

#include <string.h> /* memcpy */

/* The last len (< 8) bytes at s as the low bytes of a zeroed word, as a
 * memcpy into it would place them. A copy of variable length is a call to
 * memcpy, which cost more than the rest of the hash of a short word. */
static uint64_t tail_word(const unsigned char *s, size_t len)
{
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
	uint32_t a, b;

	if (len >= 4) {
		/* Two loads that overlap when len < 8 agree where they do. */
		memcpy(&a, s, 4);
		memcpy(&b, s + len - 4, 4);
		return a | (uint64_t)b << (8 * (len - 4));
	}
	if (len == 0)
		return 0;
	return s[0] | (uint64_t)s[len / 2] << (8 * (len / 2)) |
	       (uint64_t)s[len - 1] << (8 * (len - 1));
#else
	uint64_t w = 0;

	memcpy(&w, s, len);
	return w;
#endif
}

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
	w = tail_word(s, len);
	h ^= w * 0xc4ceb9fe1a85ec53ULL;
	h ^= (uint64_t)len << 56;
	return nd_mix64(h);
}
