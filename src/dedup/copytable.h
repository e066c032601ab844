/* One band of a copy index: band key -> the articles that share it.
 *
 * Linear hashing over 64-byte buckets of 12 entries, each a 16-bit key
 * fingerprint and a 24-bit article number: the table grows one bucket at a
 * time, so it stays near ND_COPYTABLE_FILL full at every size and never
 * rehashes everything at once. A bucket that overflows chains blocks of
 * the same shape. The address is the key's low bits; the fingerprint is
 * the 16 bits above the first ND_COPYTABLE_LEVEL0, so a split reads the
 * bit that decides from the fingerprint and keys need not be kept. A
 * fingerprint match is a candidate only: callers confirm by sketch. */
#ifndef ND_DEDUP_COPYTABLE_H
#define ND_DEDUP_COPYTABLE_H

#include <stddef.h> /* size_t */
#include <stdint.h> /* uint16_t, uint32_t, uint64_t */

#define ND_COPYTABLE_SLOTS 12
/* Article numbers are 24 bits, stored plus one so that 0 is free. */
#define ND_COPYTABLE_MAX_DOC ((1u << 24) - 2)
/* Address bits of an empty table, and the most a table may reach. */
#define ND_COPYTABLE_LEVEL0 8
#define ND_COPYTABLE_LEVEL_MAX (ND_COPYTABLE_LEVEL0 + 16)
/* Entries per slot before a bucket splits, in percent. */
#define ND_COPYTABLE_FILL 95
/* Blocks of one bucket read per lookup: a flood of identical copies
 * stays linear, and each still meets the newest of them. */
#define ND_COPYTABLE_VISIT 8

typedef struct nd_copyblock {
	uint16_t fp[ND_COPYTABLE_SLOTS];
	uint16_t lo[ND_COPYTABLE_SLOTS]; /* article + 1, low 16 bits */
	uint8_t hi[ND_COPYTABLE_SLOTS];  /* and high 8; 0 and 0: free */
	uint32_t next;                   /* overflow block + 1, 0 at the end */
} nd_copyblock;

typedef struct nd_copytable {
	nd_copyblock **bucket_seg; /* primary blocks, by segment */
	size_t n_bucket_seg;
	nd_copyblock **over_seg;   /* overflow blocks, by segment */
	size_t n_over_seg;
	size_t n_over;             /* overflow blocks handed out */
	uint32_t free_over;        /* free overflow block + 1, or 0 */
	unsigned level;            /* buckets below split have level + 1 bits */
	size_t split;
	size_t n_entries;
	uint64_t *scratch;         /* a splitting bucket's entries */
	size_t scratch_cap;
} nd_copytable;

/* An empty table of 2^ND_COPYTABLE_LEVEL0 buckets; 0 or ND_ENOMEM. */
int nd_copytable_init(nd_copytable *t);
/* Frees t; it is all zeros afterwards. */
void nd_copytable_dispose(nd_copytable *t);
/* Adds doc under key, splitting a bucket first when the table is full
 * (a split that finds no memory is put off). Returns 0 or ND_ENOMEM. */
int nd_copytable_insert(nd_copytable *t, uint64_t key, uint32_t doc);
/* Starts loading key's bucket: the buckets of an article's bands are
 * in no cache, and fetching them together beats waiting for each. */
void nd_copytable_prefetch(const nd_copytable *t, uint64_t key);
/* Appends to docs (room for max) the articles whose fingerprint matches
 * key, at most ND_COPYTABLE_VISIT blocks' worth; returns how many. */
size_t nd_copytable_find(const nd_copytable *t, uint64_t key, uint32_t *docs,
			 size_t max);
/* Renumbers every entry: doc d becomes remap[d] - 1, or goes when
 * remap[d] is 0; overflow blocks left empty are freed for reuse. */
void nd_copytable_renumber(nd_copytable *t, const uint32_t *remap);
/* Bytes allocated by t. */
size_t nd_copytable_bytes(const nd_copytable *t);
/* Buckets in use: 2^level + split. */
size_t nd_copytable_buckets(const nd_copytable *t);

/* Called per entry, bucket by bucket; returns 0 to go on. */
typedef int (*nd_copytable_fn)(void *ctx, size_t bucket, uint16_t fp,
			       uint32_t doc);
/* Visits every entry; returns the first non-zero code of fn, or 0. */
int nd_copytable_each(const nd_copytable *t, nd_copytable_fn fn, void *ctx);
/* The key bits an entry saved from a table of that level and split
 * stood for (its bucket and fingerprint hold the low LEVEL0 + 16), into
 * *key: enough to insert it into a table of any size, so a file sets no
 * table size by itself. Returns 0, or ND_EINVAL for a shape no table has
 * or a fingerprint that does not belong in bucket. */
int nd_copytable_saved_key(uint64_t *key, unsigned level, size_t split,
			   size_t bucket, uint16_t fp);

#endif
