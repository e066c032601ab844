/* Sorting of keys spread evenly over 64 bits (hashes), the dedup stage's
 * shingle sets and sentence indexes: a third of the time of
 * nd_sort_unique_u64, whose sorts were a tenth of the stage. */
#ifndef ND_DEDUP_SPREAD_H
#define ND_DEDUP_SPREAD_H

#include <stddef.h> /* size_t */
#include <stdint.h> /* uint64_t */

/* Sorts h[0..n) ascending, through tmp (room for n), and drops repeats;
 * returns how many remain. Any keys sort right, spread ones fast. */
size_t nd_spread_sort_unique(uint64_t *h, uint64_t *tmp, size_t n);

#endif
