/* Fast non-cryptographic 64-bit hashing, seeded so results are reproducible. */
#ifndef ND_CORE_HASH_H
#define ND_CORE_HASH_H

#include <stddef.h> /* size_t */
#include <stdint.h> /* uint64_t */

/* A bijective 64-bit mixer (good avalanche); mix64(0) is 0. */
static inline uint64_t nd_mix64(uint64_t x)
{
	x ^= x >> 30;
	x *= 0xbf58476d1ce4e5b9ULL;
	x ^= x >> 27;
	x *= 0x94d049bb133111ebULL;
	x ^= x >> 31;
	return x;
}

/* Hash of p[0..len) under seed; stable across runs and platforms of one
 * endianness. */
uint64_t nd_hash64(const void *p, size_t len, uint64_t seed);

#endif
