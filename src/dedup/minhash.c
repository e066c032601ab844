#include "dedup/minhash.h"

#include <string.h> /* memset */

#include "core/alloc.h"
#include "core/error.h"
#include "core/hash.h"

/* Seed of permutation k: fixed, so signatures are reproducible. */
static uint64_t perm_seed(size_t k)
{
	return nd_mix64((uint64_t)(k + 1) * 0x9e3779b97f4a7c15ULL);
}

/* The portable signature: permutation by permutation. */
static void sign_scalar(uint64_t sig[ND_MINHASH_PERMS], const uint64_t *sh,
			size_t n)
{
	size_t i, k;

	for (k = 0; k < ND_MINHASH_PERMS; k++) {
		uint64_t seed = perm_seed(k), m = UINT64_MAX;

		for (i = 0; i < n; i++) {
			/* XOR with a seed then a bijective mix is a cheap
			 * stand-in for an independent hash per row. */
			uint64_t h = nd_mix64(sh[i] ^ seed);

			if (h < m)
				m = h;
		}
		sig[k] = m;
	}
}

#if defined(__GNUC__) && defined(__x86_64__)
#define SIGN_WIDE 1
/* Eight 64-bit lanes: AVX-512 multiplies them at once (vpmullq), where
 * the scalar loop was a tenth of a summary run. */
typedef uint64_t lanes __attribute__((vector_size(64)));
#define LANES 8
#define WIDE_TARGET __attribute__((target("avx512f,avx512dq")))
#include <immintrin.h>

/* nd_mix64 of each lane. */
WIDE_TARGET static lanes mix_lanes(lanes x)
{
	ND_MIX64_STEPS(x);
	return x;
}

/* The minimums of sign_scalar for the 4 * LANES permutations whose seeds
 * are seed[0..4), into sig. Four named vectors, not an array of them: an
 * array was kept in memory, a load and a store per shingle and vector. */
WIDE_TARGET static void sign_quarter(uint64_t *sig, const lanes *seed,
				     const uint64_t *sh, size_t n)
{
	lanes s0 = seed[0], s1 = seed[1], s2 = seed[2], s3 = seed[3];
	__m512i m0 = _mm512_set1_epi64(-1), m1 = m0, m2 = m0, m3 = m0;
	size_t i;

	for (i = 0; i < n; i++) {
		m0 = _mm512_min_epu64(m0, (__m512i)mix_lanes(s0 ^ sh[i]));
		m1 = _mm512_min_epu64(m1, (__m512i)mix_lanes(s1 ^ sh[i]));
		m2 = _mm512_min_epu64(m2, (__m512i)mix_lanes(s2 ^ sh[i]));
		m3 = _mm512_min_epu64(m3, (__m512i)mix_lanes(s3 ^ sh[i]));
	}
	_mm512_storeu_si512(sig, m0);
	_mm512_storeu_si512(sig + LANES, m1);
	_mm512_storeu_si512(sig + 2 * LANES, m2);
	_mm512_storeu_si512(sig + 3 * LANES, m3);
}

_Static_assert(ND_MINHASH_PERMS % (4 * LANES) == 0,
	       "the permutations split into passes of four vectors");

/* sign_scalar's result, LANES permutations a vector, four vectors a pass
 * over the shingles. */
WIDE_TARGET static void sign_wide(uint64_t sig[ND_MINHASH_PERMS],
				  const uint64_t *sh, size_t n)
{
	lanes seed[ND_MINHASH_PERMS / LANES];
	size_t v, k;

	for (v = 0; v < ND_MINHASH_PERMS / LANES; v++)
		for (k = 0; k < LANES; k++)
			seed[v][k] = perm_seed(v * LANES + k);
	for (v = 0; v < ND_MINHASH_PERMS / LANES; v += 4)
		sign_quarter(sig + v * LANES, seed + v, sh, n);
}
#endif

void nd_minhash_sign(uint64_t sig[ND_MINHASH_PERMS], const uint64_t *sh,
		     size_t n)
{
#ifdef SIGN_WIDE
	if (__builtin_cpu_supports("avx512dq")) {
		sign_wide(sig, sh, n);
		return;
	}
#endif
	sign_scalar(sig, sh, n);
}

int nd_lsh_init(nd_lsh *l, size_t max_docs)
{
	size_t entries;

	memset(l, 0, sizeof(*l));
	if (nd_mul_overflow(max_docs, ND_MINHASH_BANDS, &entries) ||
	    entries > UINT32_MAX - 1)
		return ND_ENOMEM;
	if (nd_u64map_init(&l->buckets))
		return ND_ENOMEM;
	l->max_entries = entries;
	if (entries) {
		l->doc = nd_calloc(entries, sizeof(*l->doc));
		l->next = nd_calloc(entries, sizeof(*l->next));
		if (l->doc == NULL || l->next == NULL) {
			nd_lsh_dispose(l);
			return ND_ENOMEM;
		}
	}
	return ND_OK;
}

void nd_lsh_dispose(nd_lsh *l)
{
	nd_u64map_dispose(&l->buckets);
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

int nd_lsh_insert(nd_lsh *l, const uint64_t sig[ND_MINHASH_PERMS],
		  uint32_t doc, nd_lsh_visit_fn visit, void *ctx)
{
	size_t band;
	int rc;

	if (l->n_entries + ND_MINHASH_BANDS > l->max_entries)
		return ND_EINVAL;
	for (band = 0; band < ND_MINHASH_BANDS; band++) {
		uint32_t id, e, seen = 0;

		if (nd_u64map_put(&l->buckets, band_key(sig, band),
				  (uint32_t)l->n_buckets, &id))
			return ND_ENOMEM;
		if (id == l->n_buckets) {
			if (nd_array_reserve((void **)&l->head, &l->head_cap,
					     l->n_buckets + 1,
					     sizeof(*l->head)))
				return ND_ENOMEM;
			l->head[l->n_buckets++] = 0;
		}
		for (e = l->head[id]; e && seen < ND_LSH_BUCKET_VISIT;
		     e = l->next[e - 1], seen++) {
			if ((rc = visit(ctx, l->doc[e - 1])) != ND_OK)
				return rc;
		}
		l->doc[l->n_entries] = doc;
		l->next[l->n_entries] = l->head[id];
		l->head[id] = (uint32_t)++l->n_entries;
	}
	return ND_OK;
}
