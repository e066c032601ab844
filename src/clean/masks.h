/* masks: a block of bytes as bit masks, one bit a byte (the high bit of
 * each of eight bytes in a uint64_t, or bit k for byte k of 64), and what
 * carries along them from byte to byte without a pass a byte. */
#ifndef ND_CLEAN_MASKS_H
#define ND_CLEAN_MASKS_H

#include <stdbool.h> /* bool */
#include <stdint.h>  /* uint64_t */

/* For each byte of a block (bits unit apart, all marking every byte),
 * whether the nearest byte before it that have marks is marked in val too
 * (val within have); *carry stands for the bytes before the block, and
 * becomes the same for the byte after it. Spread in doubling steps. */
static inline uint64_t nd_masks_nearest_before(uint64_t have, uint64_t val,
					       bool *carry, unsigned unit,
					       uint64_t all)
{
	uint64_t in = *carry ? all : 0;
	unsigned sh;

	/* Unrolled, so that each shift is a constant. */
#pragma GCC unroll 6
	for (sh = unit; sh < 64; sh *= 2) {
		val |= (val << sh) & ~have;
		have |= have << sh;
	}
	if (have >> 63)
		*carry = (val >> 63) != 0;
	return ((val << unit) | (~(have << unit) & in)) & all;
}

#endif
