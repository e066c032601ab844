/* MinHash-like signatures of shingle sets and an LSH band index over them.
 *
 * One permutation hashing with densification: a shingle's hash picks one
 * of 256 bins by its top bits and each bin keeps its least hash; an empty
 * bin copies the first non-empty bin along a probe sequence fixed for it.
 * Each of the 256 positions of two sets' signatures agrees with
 * probability J, their Jaccard, as a MinHash row does, for one hash per
 * shingle in place of 256. The first 255 positions form 85 bands of 3
 * rows: a pair misses every band with probability about (1 - J^3)^85,
 * 0.004 at the 0.4 near-copy threshold, 3e-4 at 0.45 and 1e-5 at 0.5 (see
 * minhash.c), while pairs of one event's reports, at J 0.05 to 0.1, meet
 * in 1% to 8% of cases. Candidates are always confirmed by the exact
 * Jaccard, and the rare-word candidates of dedup.c catch most of the
 * misses. */
#ifndef ND_DEDUP_MINHASH_H
#define ND_DEDUP_MINHASH_H

#include <stddef.h> /* size_t */
#include <stdint.h> /* uint32_t, uint64_t */

#define ND_MINHASH_BANDS 85
#define ND_MINHASH_ROWS 3
#define ND_MINHASH_BINS 256
/* Members of one bucket visited per insert: keeps a flood of near-identical
 * copies linear; each copy still meets its neighbours in other bands. */
#define ND_LSH_BUCKET_VISIT 64

/* Signature of the set of well mixed hashes sh[0..n); all-ones when the
 * set is empty. */
void nd_minhash_sign(uint64_t sig[ND_MINHASH_BINS], const uint64_t *sh,
		     size_t n);

/* Buckets are the slots of one open-addressing table sized for every
 * entry at once: a growing map touched each of its sizes' pages. */
typedef struct nd_lsh {
	uint64_t *key;      /* per slot: band key, read while head is set */
	uint32_t *head;     /* per slot: last entry + 1, 0 when free */
	size_t cap;         /* slots */
	uint32_t *doc;      /* per entry */
	uint32_t *next;     /* per entry: previous entry in bucket + 1 */
	size_t n_entries, max_entries;
} nd_lsh;

/* Called for each earlier document sharing a bucket; may repeat a doc.
 * Returns 0 to go on or an ND_E* code to stop with. */
typedef int (*nd_lsh_visit_fn)(void *ctx, uint32_t doc);

/* An empty index for up to max_docs documents; 0 or ND_ENOMEM. */
int nd_lsh_init(nd_lsh *l, size_t max_docs);
/* Frees the index; *l is empty afterwards. */
void nd_lsh_dispose(nd_lsh *l);
/* Visits the documents already in the buckets of sig, then adds doc to
 * them. Returns 0, ND_ENOMEM, ND_EINVAL past max_docs, or visit's code. */
int nd_lsh_insert(nd_lsh *l, const uint64_t sig[ND_MINHASH_BINS],
		  uint32_t doc, nd_lsh_visit_fn visit, void *ctx);

#endif
