/* The copy index of include/newsdigest.h: what its files share.
 *
 * Articles live in slots numbered in the order they were added; a removed
 * one is marked dead and its entries stay in the band tables until enough
 * are dead to compact (renumber the slots, drop the entries), so remove is
 * cheap and the order, which eviction follows, is kept. */
#ifndef ND_DEDUP_COPYINDEX_H
#define ND_DEDUP_COPYINDEX_H

#include <stdbool.h> /* bool */
#include <stddef.h>  /* size_t */
#include <stdint.h>  /* uint64_t */

#include "core/error.h"
#include "dedup/copytable.h"
#include "dedup/textsketch.h"
#include "newsdigest.h"

#define ND_COPYINDEX_SEG_BITS 10
#define ND_COPYINDEX_SEG ((size_t)1 << ND_COPYINDEX_SEG_BITS)
/* Candidates confirmed per add, at most. */
#define ND_COPYINDEX_CAND_MAX 512
/* Below the exact-Jaccard threshold of the batch stage (0.4), the
 * estimate's standard error being about 0.05: syndicated copies of real
 * articles measure 0.41 to 1 exactly (1% under 0.47), spun rewrites at
 * most 0.43 (1% over 0.37) and same-event reports at most 0.34. On make
 * eval-copies, near-copy pairs P 0.999, R 0.993; at 0.36, P 0.994, R 1;
 * at 0.34, P 0.986. */
#define ND_COPYINDEX_THRESHOLD 0.38
/* Longest name kept, in bytes. */
#define ND_COPYINDEX_NAME_MAX 4096

/* ND_COPYINDEX_SEG articles' records. */
typedef struct nd_copyseg {
	uint64_t id[ND_COPYINDEX_SEG];
	uint32_t time[ND_COPYINDEX_SEG]; /* seconds since 1970, to 2106 */
	uint8_t sketch[ND_COPYINDEX_SEG][ND_TEXTSKETCH_BYTES];
	uint64_t dead[ND_COPYINDEX_SEG / 64];
} nd_copyseg;

struct nd_copyindex {
	nd_copyindex_options opts;
	nd_copytable band[ND_TEXTSKETCH_BANDS];
	nd_copyseg **seg;
	size_t n_seg;
	size_t n;        /* slots used, live and dead */
	size_t n_dead;
	size_t oldest;   /* no live slot below it */
	char *names;     /* NUL-terminated, in slot order (keep_names) */
	size_t names_len, names_cap;
	size_t *name_off; /* per slot */
	size_t name_off_cap;
	nd_copy_match *match;
	size_t match_cap;
	uint32_t cand[ND_COPYINDEX_CAND_MAX];
	nd_err err;
};

static inline nd_copyseg *nd_copyindex_seg(const nd_copyindex *ix, size_t i)
{
	return ix->seg[i >> ND_COPYINDEX_SEG_BITS];
}

/* Slot i's place in its segment. */
static inline size_t nd_copyindex_pos(size_t i)
{
	return i & (ND_COPYINDEX_SEG - 1);
}

static inline uint8_t *nd_copyindex_sketch(const nd_copyindex *ix, size_t i)
{
	return nd_copyindex_seg(ix, i)->sketch[nd_copyindex_pos(i)];
}

static inline bool nd_copyindex_dead(const nd_copyindex *ix, size_t i)
{
	size_t j = i & (ND_COPYINDEX_SEG - 1);

	return nd_copyindex_seg(ix, i)->dead[j / 64] >> (j % 64) & 1;
}

/* The name kept for slot i, "" when none. */
const char *nd_copyindex_name(const nd_copyindex *ix, size_t i);
/* Appends a record with a zero sketch and no band entries (the file
 * reader fills them in). Returns the slot via *slot; 0, ND_ETOOBIG or
 * ND_ENOMEM. */
int nd_copyindex_append(size_t *slot, nd_copyindex *ix, uint64_t id,
			int64_t time, const char *name, size_t name_len);
/* Drops the dead slots now; 0 or ND_ENOMEM (ix unchanged). */
int nd_copyindex_compact(nd_copyindex *ix);
/* The checksum a saved file ends with, of its first len bytes (the fuzz
 * target uses it to reach past the check). */
uint64_t nd_copyfile_checksum(const void *data, size_t len);
/* Checks opts and copies them over ix's, set fields only; 0 or ND_EINVAL. */
int nd_copyindex_set_options(nd_copyindex *ix,
			     const nd_copyindex_options *opts);

#endif
