#include "dedup/copytable.h"

#include <string.h> /* memset */

#include "core/alloc.h"
#include "newsdigest.h"

_Static_assert(sizeof(nd_copyblock) == 64, "a block is one cache line");

/* Blocks are allocated in segments, so a table never copies itself to
 * grow; overflow segments are smaller, as few buckets overflow. */
#define SEG_BITS 7
#define SEG_BLOCKS ((size_t)1 << SEG_BITS)
#define OVER_BITS 6
#define OVER_BLOCKS ((size_t)1 << OVER_BITS)

static inline nd_copyblock *bucket_at(const nd_copytable *t, size_t b)
{
	return &t->bucket_seg[b >> SEG_BITS][b & (SEG_BLOCKS - 1)];
}

static inline nd_copyblock *over_at(const nd_copytable *t, uint32_t ref)
{
	size_t i = ref - 1;

	return &t->over_seg[i >> OVER_BITS][i & (OVER_BLOCKS - 1)];
}

static inline uint16_t fingerprint(uint64_t key)
{
	return (uint16_t)(key >> ND_COPYTABLE_LEVEL0);
}

static inline size_t address(const nd_copytable *t, uint64_t key)
{
	size_t a = (size_t)key & (((size_t)1 << t->level) - 1);

	if (a < t->split)
		a = (size_t)key & (((size_t)1 << (t->level + 1)) - 1);
	return a;
}

static inline uint32_t slot_doc(const nd_copyblock *k, size_t i)
{
	return (uint32_t)k->lo[i] | (uint32_t)k->hi[i] << 16;
}

static inline void slot_set(nd_copyblock *k, size_t i, uint16_t fp,
			    uint32_t stored)
{
	k->fp[i] = fp;
	k->lo[i] = (uint16_t)stored;
	k->hi[i] = (uint8_t)(stored >> 16);
}

size_t nd_copytable_buckets(const nd_copytable *t)
{
	return ((size_t)1 << t->level) + t->split;
}

/* Appends a zeroed segment of size blocks to *seg; 0 or ND_ENOMEM. */
static int seg_grow(nd_copyblock ***seg, size_t *n, size_t size)
{
	nd_copyblock **grown, *blocks;

	blocks = nd_calloc(size, sizeof(nd_copyblock));
	if (blocks == NULL)
		return ND_ENOMEM;
	grown = nd_reallocarray(*seg, *n + 1, sizeof(*grown));
	if (grown == NULL) {
		nd_free(blocks);
		return ND_ENOMEM;
	}
	grown[(*n)++] = blocks;
	*seg = grown;
	return ND_OK;
}

int nd_copytable_init(nd_copytable *t)
{
	memset(t, 0, sizeof(*t));
	t->level = ND_COPYTABLE_LEVEL0;
	while (t->n_bucket_seg * SEG_BLOCKS < nd_copytable_buckets(t))
		if (seg_grow(&t->bucket_seg, &t->n_bucket_seg,
			     SEG_BLOCKS) != ND_OK) {
			nd_copytable_dispose(t);
			return ND_ENOMEM;
		}
	return ND_OK;
}

void nd_copytable_dispose(nd_copytable *t)
{
	size_t i;

	for (i = 0; i < t->n_bucket_seg; i++)
		nd_free(t->bucket_seg[i]);
	for (i = 0; i < t->n_over_seg; i++)
		nd_free(t->over_seg[i]);
	nd_free(t->bucket_seg);
	nd_free(t->over_seg);
	nd_free(t->scratch);
	memset(t, 0, sizeof(*t));
}

/* A free overflow block, zeroed; its reference, or 0 out of memory. */
static uint32_t over_take(nd_copytable *t)
{
	uint32_t ref = t->free_over;

	if (ref != 0) {
		t->free_over = over_at(t, ref)->next;
	} else {
		if (t->n_over == (size_t)UINT32_MAX - 1)
			return 0;
		if (t->n_over == t->n_over_seg * OVER_BLOCKS &&
		    seg_grow(&t->over_seg, &t->n_over_seg,
			     OVER_BLOCKS) != ND_OK)
			return 0;
		ref = (uint32_t)++t->n_over;
	}
	memset(over_at(t, ref), 0, sizeof(nd_copyblock));
	return ref;
}

static void over_give(nd_copytable *t, uint32_t ref)
{
	over_at(t, ref)->next = t->free_over;
	t->free_over = ref;
}

static int block_put(nd_copyblock *k, uint16_t fp, uint32_t stored)
{
	size_t i;

	for (i = 0; i < ND_COPYTABLE_SLOTS; i++)
		if (k->lo[i] == 0 && k->hi[i] == 0) {
			slot_set(k, i, fp, stored);
			return 1;
		}
	return 0;
}

/* Puts an entry in bucket b: the primary block, else the first overflow
 * block, else a new overflow block linked first. */
static int bucket_put(nd_copytable *t, size_t b, uint16_t fp, uint32_t stored)
{
	nd_copyblock *head = bucket_at(t, b);
	uint32_t ref;

	if (block_put(head, fp, stored))
		return ND_OK;
	if (head->next != 0 && block_put(over_at(t, head->next), fp, stored))
		return ND_OK;
	ref = over_take(t);
	if (ref == 0)
		return ND_ENOMEM;
	head = bucket_at(t, b); /* over_take does not move primaries */
	over_at(t, ref)->next = head->next;
	head->next = ref;
	block_put(over_at(t, ref), fp, stored);
	return ND_OK;
}

/* Moves bucket split's entries between it and its new sibling by the next
 * address bit, read from the fingerprint. Returns 0 or ND_ENOMEM, the
 * table unchanged. */
static int split_one(nd_copytable *t)
{
	size_t a = t->split, sib = a + ((size_t)1 << t->level), n = 0, i, j;
	unsigned bit = t->level - ND_COPYTABLE_LEVEL0;
	nd_copyblock *k;
	uint32_t ref;

	if (t->level >= ND_COPYTABLE_LEVEL_MAX)
		return ND_OK;
	if (sib >= t->n_bucket_seg * SEG_BLOCKS &&
	    seg_grow(&t->bucket_seg, &t->n_bucket_seg, SEG_BLOCKS) != ND_OK)
		return ND_ENOMEM;
	/* Gather, then clear the chain and deal the entries out again. */
	for (k = bucket_at(t, a);; k = over_at(t, ref)) {
		for (j = 0; j < ND_COPYTABLE_SLOTS; j++) {
			uint32_t d = slot_doc(k, j);

			if (d == 0)
				continue;
			if (n == t->scratch_cap &&
			    nd_array_reserve((void **)&t->scratch,
					     &t->scratch_cap, n + 1,
					     sizeof(uint64_t)) != ND_OK)
				return ND_ENOMEM;
			t->scratch[n++] = (uint64_t)k->fp[j] << 32 | d;
		}
		ref = k->next;
		if (ref == 0)
			break;
	}
	k = bucket_at(t, a);
	for (ref = k->next; ref != 0;) {
		uint32_t next = over_at(t, ref)->next;

		over_give(t, ref);
		ref = next;
	}
	memset(k, 0, sizeof(*k));
	if (++t->split == (size_t)1 << t->level) {
		t->level++;
		t->split = 0;
	}
	/* Dealing out needs no more blocks than the gathering freed. */
	for (i = 0; i < n; i++) {
		uint16_t fp = (uint16_t)(t->scratch[i] >> 32);
		size_t to = fp >> bit & 1 ? sib : a;

		bucket_put(t, to, fp, (uint32_t)t->scratch[i]);
	}
	return ND_OK;
}

int nd_copytable_insert(nd_copytable *t, uint64_t key, uint32_t doc)
{
	size_t full = nd_copytable_buckets(t) * ND_COPYTABLE_SLOTS *
		      ND_COPYTABLE_FILL / 100;
	int rc;

	if (doc > ND_COPYTABLE_MAX_DOC)
		return ND_EINVAL;
	if (t->n_entries >= full)
		(void)split_one(t); /* put off when memory is short */
	rc = bucket_put(t, address(t, key), fingerprint(key), doc + 1);
	if (rc == ND_OK)
		t->n_entries++;
	return rc;
}

void nd_copytable_prefetch(const nd_copytable *t, uint64_t key)
{
	__builtin_prefetch(bucket_at(t, address(t, key)));
}

size_t nd_copytable_find(const nd_copytable *t, uint64_t key, uint32_t *docs,
			 size_t max)
{
	const nd_copyblock *k = bucket_at(t, address(t, key));
	uint16_t fp = fingerprint(key);
	size_t n = 0, i, visits = 0;

	for (;;) {
		for (i = 0; i < ND_COPYTABLE_SLOTS && n < max; i++) {
			uint32_t d = slot_doc(k, i);

			if (k->fp[i] == fp && d != 0)
				docs[n++] = d - 1;
		}
		if (k->next == 0 || ++visits == ND_COPYTABLE_VISIT)
			return n;
		k = over_at(t, k->next);
	}
}

void nd_copytable_renumber(nd_copytable *t, const uint32_t *remap)
{
	size_t b, i, n = 0;

	for (b = 0; b < nd_copytable_buckets(t); b++) {
		nd_copyblock *k = bucket_at(t, b), *prev = NULL;
		uint32_t ref = 0;

		for (;;) {
			size_t kept = 0;

			for (i = 0; i < ND_COPYTABLE_SLOTS; i++) {
				uint32_t d = slot_doc(k, i);

				if (d == 0)
					continue;
				d = remap[d - 1];
				slot_set(k, i, d ? k->fp[i] : 0, d);
				kept += d != 0;
			}
			n += kept;
			if (ref != 0 && kept == 0) {
				prev->next = k->next;
				over_give(t, ref);
				k = prev;
			}
			if (k->next == 0)
				break;
			prev = k;
			ref = k->next;
			k = over_at(t, ref);
		}
	}
	t->n_entries = n;
}

size_t nd_copytable_bytes(const nd_copytable *t)
{
	return t->n_bucket_seg *
		       (SEG_BLOCKS * sizeof(nd_copyblock) + sizeof(void *)) +
	       t->n_over_seg *
		       (OVER_BLOCKS * sizeof(nd_copyblock) + sizeof(void *)) +
	       t->scratch_cap * sizeof(uint64_t);
}

int nd_copytable_each(const nd_copytable *t, nd_copytable_fn fn, void *ctx)
{
	size_t b, i;
	int rc;

	for (b = 0; b < nd_copytable_buckets(t); b++) {
		const nd_copyblock *k = bucket_at(t, b);

		for (;;) {
			for (i = 0; i < ND_COPYTABLE_SLOTS; i++) {
				uint32_t d = slot_doc(k, i);

				if (d != 0 &&
				    (rc = fn(ctx, b, k->fp[i], d - 1)) != 0)
					return rc;
			}
			if (k->next == 0)
				break;
			k = over_at(t, k->next);
		}
	}
	return 0;
}

int nd_copytable_saved_key(uint64_t *key, unsigned level, size_t split,
			   size_t bucket, uint16_t fp)
{
	nd_copytable shape;

	if (level < ND_COPYTABLE_LEVEL0 || level > ND_COPYTABLE_LEVEL_MAX ||
	    split >= (size_t)1 << level ||
	    (level == ND_COPYTABLE_LEVEL_MAX && split != 0))
		return ND_EINVAL;
	shape.level = level;
	shape.split = split;
	*key = (uint64_t)fp << ND_COPYTABLE_LEVEL0 |
	       (bucket & (((size_t)1 << ND_COPYTABLE_LEVEL0) - 1));
	/* The bucket must be where a key with this fingerprint lives. */
	if (bucket >= nd_copytable_buckets(&shape) ||
	    address(&shape, *key) != bucket)
		return ND_EINVAL;
	return ND_OK;
}
