/* Eight bytes of text tested at once, in a uint64_t: the scans of a line
 * that would otherwise take a branch a byte. Each test gives the high bit
 * of every byte that passes it, and no other bit; every one is exact (no
 * carry or borrow crosses from one byte into the next). */
#ifndef ND_CORE_BYTES8_H
#define ND_CORE_BYTES8_H

#include <stddef.h> /* size_t */
#include <stdint.h> /* uint64_t */
#include <string.h> /* memcpy */

#define ND_BYTES8_ONES 0x0101010101010101ULL
#define ND_BYTES8_HIGHS 0x8080808080808080ULL

/* Whether byte k of the text is byte k of nd_bytes8_load's word, which
 * the callers' shifts and counts take for granted; elsewhere they scan a
 * byte at a time. */
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
#define ND_BYTES8_IN_ORDER 1
#else
#define ND_BYTES8_IN_ORDER 0
#endif

static inline uint64_t nd_bytes8_load(const char *s)
{
	uint64_t x;

	memcpy(&x, s, 8);
	return x;
}

/* Bytes equal to c. */
static inline uint64_t nd_bytes8_eq(uint64_t x, unsigned char c)
{
	uint64_t y = x ^ (ND_BYTES8_ONES * c);

	return ~(((y & ~ND_BYTES8_HIGHS) + ~ND_BYTES8_HIGHS) | y) &
	       ND_BYTES8_HIGHS;
}

/* Bytes from lo to hi (ASCII, lo <= hi < 0x80). */
static inline uint64_t nd_bytes8_range(uint64_t x, unsigned char lo,
				       unsigned char hi)
{
	uint64_t t = x & ~ND_BYTES8_HIGHS;
	uint64_t from_lo = t + ND_BYTES8_ONES * (0x80u - lo);
	uint64_t past_hi = t + ND_BYTES8_ONES * (0x80u - hi - 1u);

	return from_lo & ~past_hi & ~x & ND_BYTES8_HIGHS;
}

/* ASCII letters, either case. */
static inline uint64_t nd_bytes8_letters(uint64_t x)
{
	return nd_bytes8_range(x | (ND_BYTES8_ONES * 0x20), 'a', 'z');
}

/* The first n bytes of x (n <= 8) with every letter in lower case (and
 * other bytes' 0x20 bit set, which the callers' letters have anyway), the
 * rest zeroed: a word's key. Bytes in text order only
 * (ND_BYTES8_IN_ORDER). */
static inline uint64_t nd_bytes8_lower_cut(uint64_t x, size_t n)
{
	x |= ND_BYTES8_ONES * 0x20;
	return n < 8 ? x & ((1ULL << (8 * n)) - 1) : x;
}

/* How many bytes pass, given a test's result m. */
static inline unsigned nd_bytes8_count(uint64_t m)
{
	/* One bit a byte at most: a multiply sums them (without -mpopcnt,
	 * __builtin_popcountll is a call). */
	return (unsigned)(((m >> 7) * ND_BYTES8_ONES) >> 56);
}

#endif
