/* Sixty-four bytes of text tested at once with AVX-512: bytes8.h's tests,
 * a bit per byte in a uint64_t mask (bit k for byte k), for the long
 * scans of clean and analyse. ND_BYTES64 is defined where the compiler
 * can emit them; a caller still asks nd_bytes64_available() before taking
 * its wide path, and keeps an eight-byte path for everywhere else. The
 * functions that call these carry ND_BYTES64_TARGET themselves. */
#ifndef ND_CORE_BYTES64_H
#define ND_CORE_BYTES64_H

#if defined(__GNUC__) && defined(__x86_64__)
#include <immintrin.h>
#include <stdbool.h> /* bool */
#include <stdint.h>  /* uint64_t */

#define ND_BYTES64 1
#define ND_BYTES64_TARGET __attribute__((target("avx512bw,popcnt")))

/* Does this processor run the wide paths? */
static inline bool nd_bytes64_available(void)
{
	return __builtin_cpu_supports("avx512bw");
}

ND_BYTES64_TARGET static inline __m512i nd_bytes64_load(const char *p)
{
	return _mm512_loadu_si512((const void *)p);
}

/* Bytes of x equal to c. */
ND_BYTES64_TARGET static inline uint64_t nd_bytes64_eq(__m512i x, char c)
{
	return _mm512_cmpeq_epi8_mask(x, _mm512_set1_epi8(c));
}

/* Bytes of x in lo..hi (lo <= hi, as unsigned bytes). */
ND_BYTES64_TARGET static inline uint64_t nd_bytes64_range(__m512i x,
							  unsigned char lo,
							  unsigned char hi)
{
	return _mm512_cmple_epu8_mask(_mm512_sub_epi8(x, _mm512_set1_epi8(
								 (char)lo)),
				      _mm512_set1_epi8((char)(hi - lo)));
}

/* Bytes of x at or above 0x80. */
ND_BYTES64_TARGET static inline uint64_t nd_bytes64_high(__m512i x)
{
	return _mm512_movepi8_mask(x);
}

/* ASCII letters of x, either case. */
ND_BYTES64_TARGET static inline uint64_t nd_bytes64_letters(__m512i x)
{
	return nd_bytes64_range(_mm512_or_si512(x, _mm512_set1_epi8(0x20)),
				'a', 'z');
}
#endif

#endif
