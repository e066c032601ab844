#include "dedup/minhash.h"

#include <string.h> /* memset */

#include "core/alloc.h"
#include "core/error.h"
#include "core/hash.h"

/* Bits of a hash that pick its bin. */
#define BIN_BITS 8
_Static_assert(ND_MINHASH_BINS == 1 << BIN_BITS,
	       "the top BIN_BITS bits of a hash pick one of the bins");
_Static_assert(ND_MINHASH_BANDS * ND_MINHASH_ROWS <= ND_MINHASH_BINS,
	       "the bands take their rows from the signature");
/* Seed of the bins' probe strides: fixed, so signatures are
 * reproducible. */
#define STRIDE_SEED 0x6e6464656e7365ULL

/* Why the signature serves as MinHash rows do. For sets A and B with union
 * U and intersection I, position i of both signatures is taken from the
 * first bin along i's probe sequence (i itself, then i + stride, ...) that
 * A or B fills: both sets walk the same sequence, and a bin only one of
 * them fills holds a value whose top bits differ from any bin the other
 * set stops at. So the position agrees exactly when that bin's least hash
 * over U is one of I, which, the hash being random, happens with
 * probability J = |I|/|U|, as for a MinHash row. A band of 3 positions
 * agrees with probability about J^3 (a little less when U is small: the
 * bins hold distinct elements, drawn without replacement), so a pair
 * misses all 85 bands with probability about (1 - J^3)^85. Simulated with
 * 20000 random pairs for each union of 2 to 3000 elements at J from 1/3
 * to 2/3, in bands of 4 positions, the miss rate stayed below that of
 * MinHash rows in the same bands everywhere, by a factor of 1.5 (J = 1/3,
 * 3 elements) to 50, and within 4 times the formula's (the most where
 * densified copies tie positions: 5 to 20 elements at J = 0.6). */

/* The odd step of bin i's probe sequence: an odd step visits every bin
 * before it returns, so the walk of a non-empty set ends. */
static size_t probe_stride(size_t i)
{
	return (size_t)(nd_mix64(i + STRIDE_SEED) | 1) &
	       (ND_MINHASH_BINS - 1);
}

void nd_minhash_sign(uint64_t sig[ND_MINHASH_BINS], const uint64_t *sh,
		     size_t n)
{
	/* A byte per bin, not a bit: a bit's read-modify-write waited on
	 * the last one to its word. */
	unsigned char filled[ND_MINHASH_BINS] = { 0 };
	size_t i, j;

	for (i = 0; i < ND_MINHASH_BINS; i++)
		sig[i] = UINT64_MAX;
	/* Without a branch: which hash is the least of its bin so far is in
	 * no pattern. */
	for (i = 0; i < n; i++) {
		size_t bin = (size_t)(sh[i] >> (64 - BIN_BITS));
		uint64_t least = sig[bin];

		sig[bin] = sh[i] < least ? sh[i] : least;
		filled[bin] = 1;
	}
	if (n == 0)
		return;
	/* Only bins filled by the set are copied, never an empty one that
	 * took a value before it. */
	for (i = 0; i < ND_MINHASH_BINS; i++) {
		size_t step;

		if (filled[i])
			continue;
		step = probe_stride(i);
		j = (i + step) & (ND_MINHASH_BINS - 1);
		while (!filled[j])
			j = (j + step) & (ND_MINHASH_BINS - 1);
		sig[i] = sig[j];
	}
}

/* Slots per entry, over 1: linear probing stays short below 70% load. */
#define SLOT_SPARE_NUM 3
#define SLOT_SPARE_DEN 7

int nd_lsh_init(nd_lsh *l, size_t max_docs)
{
	size_t entries;

	memset(l, 0, sizeof(*l));
	/* Slots stay below 2^32, so the scaling in bucket_slot fits 64
	 * bits. */
	if (nd_mul_overflow(max_docs, ND_MINHASH_BANDS, &entries) ||
	    entries > UINT32_MAX / 2)
		return ND_ENOMEM;
	l->max_entries = entries;
	l->cap = entries + entries * SLOT_SPARE_NUM / SLOT_SPARE_DEN + 1;
	l->key = nd_reallocarray(NULL, l->cap, sizeof(*l->key));
	/* Probes read head at scattered slots before any is written. */
	l->head = nd_calloc_written(l->cap, sizeof(*l->head));
	l->doc = nd_calloc(entries + 1, sizeof(*l->doc));
	l->next = nd_calloc(entries + 1, sizeof(*l->next));
	if (!l->key || !l->head || !l->doc || !l->next) {
		nd_lsh_dispose(l);
		return ND_ENOMEM;
	}
	return ND_OK;
}

void nd_lsh_dispose(nd_lsh *l)
{
	nd_free(l->key);
	nd_free(l->head);
	nd_free(l->doc);
	nd_free(l->next);
	memset(l, 0, sizeof(*l));
}

/* Key of one band: its rows and its index, so equal rows in different
 * bands do not share a bucket. */
static uint64_t band_key(const uint64_t *sig, size_t band)
{
	return nd_hash64(sig + band * ND_MINHASH_ROWS,
			 ND_MINHASH_ROWS * sizeof(sig[0]), band + 1);
}

/* The slot of key: where it is, or the free slot where it goes. The top
 * bits of the key, a hash, scaled to the table pick the first slot. */
static size_t bucket_slot(const nd_lsh *l, uint64_t key)
{
	size_t i = (size_t)((key >> 32) * l->cap >> 32);

	while (l->head[i] && l->key[i] != key)
		i = i + 1 == l->cap ? 0 : i + 1;
	return i;
}

int nd_lsh_insert(nd_lsh *l, const uint64_t sig[ND_MINHASH_BINS],
		  uint32_t doc, nd_lsh_visit_fn visit, void *ctx)
{
	size_t band;
	int rc;

	if (l->n_entries + ND_MINHASH_BANDS > l->max_entries)
		return ND_EINVAL;
	for (band = 0; band < ND_MINHASH_BANDS; band++) {
		uint64_t key = band_key(sig, band);
		size_t slot = bucket_slot(l, key);
		uint32_t e, seen = 0;

		for (e = l->head[slot]; e && seen < ND_LSH_BUCKET_VISIT;
		     e = l->next[e - 1], seen++) {
			if ((rc = visit(ctx, l->doc[e - 1])) != ND_OK)
				return rc;
		}
		l->key[slot] = key;
		l->doc[l->n_entries] = doc;
		l->next[l->n_entries] = l->head[slot];
		l->head[slot] = (uint32_t)++l->n_entries;
	}
	return ND_OK;
}
