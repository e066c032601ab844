#include "dedup/copyindex.h"

#include <string.h> /* memcpy, memset */

#include "core/alloc.h"
#include "core/sorted.h"

/* Compact once this many slots are dead, and a quarter of all. */
#define COMPACT_MIN 1024

int nd_copyindex_set_options(nd_copyindex *ix, const nd_copyindex_options *o)
{
	if (o == NULL)
		return ND_OK;
	if (o->version != ND_COPYINDEX_OPTIONS_VERSION)
		return nd_err_set(&ix->err, ND_EINVAL,
				  "unknown copy index options version %u",
				  o->version);
	if (o->threshold != 0.0 && !(o->threshold > 0.0 && o->threshold <= 1.0))
		return nd_err_set(&ix->err, ND_EINVAL,
				  "copy threshold %g is not in (0, 1]",
				  o->threshold);
	if (o->threshold != 0.0)
		ix->opts.threshold = o->threshold;
	if (o->max_live != 0)
		ix->opts.max_live = o->max_live;
	ix->opts.keep_names |= o->keep_names;
	return ND_OK;
}

int nd_copyindex_create(nd_copyindex **out, const nd_copyindex_options *opts)
{
	nd_copyindex *ix;
	size_t b;
	int rc;

	*out = NULL;
	ix = nd_calloc(1, sizeof(*ix));
	if (ix == NULL)
		return ND_ENOMEM;
	ix->opts.version = ND_COPYINDEX_OPTIONS_VERSION;
	ix->opts.threshold = ND_COPYINDEX_THRESHOLD;
	rc = nd_copyindex_set_options(ix, opts);
	for (b = 0; rc == ND_OK && b < ND_TEXTSKETCH_BANDS; b++)
		rc = nd_copytable_init(&ix->band[b]);
	if (rc != ND_OK) {
		nd_copyindex_free(ix);
		return rc;
	}
	*out = ix;
	return ND_OK;
}

void nd_copyindex_free(nd_copyindex *ix)
{
	size_t i;

	if (ix == NULL)
		return;
	for (i = 0; i < ND_TEXTSKETCH_BANDS; i++)
		nd_copytable_dispose(&ix->band[i]);
	for (i = 0; i < ix->n_seg; i++)
		nd_free(ix->seg[i]);
	nd_free(ix->seg);
	nd_free(ix->names);
	nd_free(ix->name_off);
	nd_free(ix->match);
	nd_free(ix);
}

const char *nd_copyindex_error(const nd_copyindex *ix)
{
	return ix ? ix->err.msg : "";
}

const char *nd_copyindex_name(const nd_copyindex *ix, size_t i)
{
	return ix->opts.keep_names ? ix->names + ix->name_off[i] : "";
}

static void set_dead(nd_copyindex *ix, size_t i)
{
	size_t j = nd_copyindex_pos(i);

	nd_copyindex_seg(ix, i)->dead[j / 64] |= (uint64_t)1 << (j % 64);
	ix->n_dead++;
}

/* Room for one more name of len bytes and its offset; 0 or ND_ENOMEM. */
static int names_reserve(nd_copyindex *ix, size_t len)
{
	size_t need;

	if (!ix->opts.keep_names)
		return ND_OK;
	if (nd_add_overflow(ix->names_len, len + 1, &need) ||
	    nd_array_reserve((void **)&ix->names, &ix->names_cap, need, 1) ||
	    nd_array_reserve((void **)&ix->name_off, &ix->name_off_cap,
			     ix->n + 1, sizeof(size_t)))
		return ND_ENOMEM;
	return ND_OK;
}

int nd_copyindex_append(size_t *slot, nd_copyindex *ix, uint64_t id,
			int64_t time, const char *name, size_t name_len)
{
	size_t i = ix->n, j = nd_copyindex_pos(i);
	nd_copyseg *s;

	if (i > ND_COPYTABLE_MAX_DOC)
		return nd_err_set(&ix->err, ND_ETOOBIG,
				  "copy index full (%zu articles)", i);
	if (name_len > ND_COPYINDEX_NAME_MAX)
		name_len = ND_COPYINDEX_NAME_MAX;
	if (names_reserve(ix, name_len) != ND_OK)
		return ND_ENOMEM;
	if (j == 0 && i >> ND_COPYINDEX_SEG_BITS == ix->n_seg) {
		nd_copyseg **grown;

		grown = nd_reallocarray(ix->seg, ix->n_seg + 1, sizeof(*grown));
		if (grown == NULL)
			return ND_ENOMEM;
		ix->seg = grown;
		ix->seg[ix->n_seg] = nd_malloc(sizeof(nd_copyseg));
		if (ix->seg[ix->n_seg] == NULL)
			return ND_ENOMEM;
		ix->n_seg++;
	}
	s = nd_copyindex_seg(ix, i);
	if (j == 0)
		memset(s->dead, 0, sizeof(s->dead));
	s->id[j] = id;
	/* News before 1970 or after 2106 is kept at those ends. */
	s->time[j] = time < 0 ? 0 : time > UINT32_MAX ? UINT32_MAX
						      : (uint32_t)time;
	memset(s->sketch[j], 0, ND_TEXTSKETCH_BYTES);
	if (ix->opts.keep_names) {
		ix->name_off[i] = ix->names_len;
		if (name_len)
			memcpy(ix->names + ix->names_len, name, name_len);
		ix->names[ix->names_len + name_len] = '\0';
		ix->names_len += name_len + 1;
	}
	ix->n++;
	*slot = i;
	return ND_OK;
}

/* Live candidates of the band keys, each once, oldest first. */
static size_t candidates(nd_copyindex *ix, const uint64_t *key)
{
	size_t b, n = 0, i, m = 0;

	for (b = 0; b < ND_TEXTSKETCH_BANDS; b++)
		nd_copytable_prefetch(&ix->band[b], key[b]);
	for (b = 0; b < ND_TEXTSKETCH_BANDS; b++)
		n += nd_copytable_find(&ix->band[b], key[b], ix->cand + n,
				       ND_COPYINDEX_CAND_MAX - n);
	n = nd_sort_unique_u32(ix->cand, n);
	for (i = 0; i < n; i++)
		if (!nd_copyindex_dead(ix, ix->cand[i]))
			ix->cand[m++] = ix->cand[i];
	return m;
}

/* The candidates that agree enough with sketch, into ix->match. */
static int confirm(size_t *n_match, nd_copyindex *ix, size_t n_cand,
		   const uint8_t *sketch)
{
	size_t i, n = 0;

	for (i = 0; i < n_cand; i++)
		__builtin_prefetch(nd_copyindex_sketch(ix, ix->cand[i]));
	for (i = 0; i < n_cand; i++) {
		size_t c = ix->cand[i], j = nd_copyindex_pos(c);
		nd_copyseg *s = nd_copyindex_seg(ix, c);
		double est = nd_textsketch_estimate(sketch, s->sketch[j]);
		nd_copy_match m;

		if (est < ix->opts.threshold)
			continue;
		m.id = s->id[j];
		m.name = nd_copyindex_name(ix, c);
		m.jaccard = est;
		if (ND_ARRAY_PUSH(ix->match, n, ix->match_cap, m) != ND_OK)
			return ND_ENOMEM;
	}
	*n_match = n;
	return ND_OK;
}

static void evict_oldest(nd_copyindex *ix)
{
	while (ix->oldest < ix->n && nd_copyindex_dead(ix, ix->oldest))
		ix->oldest++;
	if (ix->oldest < ix->n)
		set_dead(ix, ix->oldest);
}

static int maybe_compact(nd_copyindex *ix)
{
	if (ix->n_dead >= COMPACT_MIN && ix->n_dead * 4 >= ix->n)
		return nd_copyindex_compact(ix);
	return ND_OK;
}

static int insert_bands(nd_copyindex *ix, const uint64_t *key, size_t slot)
{
	size_t b;

	for (b = 0; b < ND_TEXTSKETCH_BANDS; b++)
		if (nd_copytable_insert(&ix->band[b], key[b],
					(uint32_t)slot) != ND_OK)
			return ND_ENOMEM;
	return ND_OK;
}

int nd_copyindex_add(const nd_copy_match **matches, size_t *n,
		     nd_copyindex *ix, const nd_copy_article *a)
{
	uint64_t bin[ND_TEXTSKETCH_BINS], key[ND_TEXTSKETCH_BANDS];
	uint8_t *sketch;
	size_t shingles, n_cand = 0, slot;
	const char *name;
	int rc;

	*matches = NULL;
	*n = 0;
	if (ix == NULL || a == NULL || (a->text == NULL && a->len != 0))
		return ND_EINVAL;
	nd_err_clear(&ix->err);
	if (ix->opts.max_live != 0) {
		while (ix->n - ix->n_dead >= ix->opts.max_live)
			evict_oldest(ix);
		if ((rc = maybe_compact(ix)) != ND_OK)
			return rc;
	}
	/* Slot numbers run out before memory does: reclaim the dead. */
	if (ix->n > ND_COPYTABLE_MAX_DOC && ix->n_dead != 0 &&
	    (rc = nd_copyindex_compact(ix)) != ND_OK)
		return rc;
	shingles = nd_textsketch_sign(bin, a->text ? a->text : "", a->len);
	name = a->name ? a->name : "";
	if ((rc = nd_copyindex_append(&slot, ix, a->id, a->published, name,
				      strlen(name))) != ND_OK)
		return rc;
	sketch = nd_copyindex_sketch(ix, slot);
	nd_textsketch_pack(sketch, bin);
	if (shingles != 0) {
		/* Found before its own entries go in, so it is not one. */
		nd_textsketch_bands(key, bin);
		n_cand = candidates(ix, key);
		rc = confirm(n, ix, n_cand, sketch);
		if (rc == ND_OK)
			rc = insert_bands(ix, key, slot);
		if (rc != ND_OK) {
			set_dead(ix, slot); /* its entries so far are ignored */
			*n = 0;
			return rc;
		}
	}
	*matches = ix->match;
	return ND_OK;
}

int nd_copyindex_remove(size_t *removed, unsigned char *found,
			nd_copyindex *ix, const unsigned long long *ids,
			size_t n_ids)
{
	uint64_t *sorted;
	unsigned char *hit;
	size_t i, k, n_sorted, count = 0;

	if (removed)
		*removed = 0;
	if (ix == NULL || (ids == NULL && n_ids != 0))
		return ND_EINVAL;
	if (n_ids == 0)
		return ND_OK;
	sorted = nd_reallocarray(NULL, n_ids, sizeof(uint64_t));
	hit = nd_calloc(n_ids, 1);
	if (sorted == NULL || hit == NULL) {
		nd_free(sorted);
		nd_free(hit);
		return ND_ENOMEM;
	}
	for (i = 0; i < n_ids; i++)
		sorted[i] = ids[i];
	n_sorted = nd_sort_unique_u64(sorted, n_ids);
	for (i = ix->oldest; i < ix->n; i++) {
		uint64_t id = nd_copyindex_seg(ix, i)->id[nd_copyindex_pos(i)];

		if (nd_copyindex_dead(ix, i))
			continue;
		k = nd_sorted_lower_u64(sorted, n_sorted, id);
		if (k < n_sorted && sorted[k] == id) {
			set_dead(ix, i);
			hit[k] = 1;
			count++;
		}
	}
	for (i = 0; found != NULL && i < n_ids; i++)
		found[i] = hit[nd_sorted_lower_u64(sorted, n_sorted, ids[i])];
	nd_free(sorted);
	nd_free(hit);
	if (removed)
		*removed = count;
	return maybe_compact(ix);
}

int nd_copyindex_expire(size_t *expired, nd_copyindex *ix, long long before)
{
	size_t i, count = 0;

	if (expired)
		*expired = 0;
	if (ix == NULL)
		return ND_EINVAL;
	for (i = ix->oldest; i < ix->n; i++) {
		const nd_copyseg *s = nd_copyindex_seg(ix, i);
		long long t = s->time[nd_copyindex_pos(i)];

		if (!nd_copyindex_dead(ix, i) && t < before) {
			set_dead(ix, i);
			count++;
		}
	}
	if (expired)
		*expired = count;
	return maybe_compact(ix);
}

/* Moves slot from to slot to (to <= from), record and name. */
static void move_slot(nd_copyindex *ix, size_t to, size_t from)
{
	nd_copyseg *a = nd_copyindex_seg(ix, to);
	nd_copyseg *b = nd_copyindex_seg(ix, from);
	size_t i = nd_copyindex_pos(to), j = nd_copyindex_pos(from);

	a->id[i] = b->id[j];
	a->time[i] = b->time[j];
	memmove(a->sketch[i], b->sketch[j], ND_TEXTSKETCH_BYTES);
}

/* Moves the live names down in slot order; offsets only fall. */
static void compact_names(nd_copyindex *ix, const uint32_t *remap)
{
	size_t i, at = 0;

	if (!ix->opts.keep_names)
		return;
	for (i = 0; i < ix->n; i++) {
		const char *s = ix->names + ix->name_off[i];
		size_t len = strlen(s) + 1;

		if (remap[i] == 0)
			continue;
		memmove(ix->names + at, s, len);
		ix->name_off[remap[i] - 1] = at;
		at += len;
	}
	ix->names_len = at;
}

int nd_copyindex_compact(nd_copyindex *ix)
{
	uint32_t *remap;
	size_t i, live = 0, b;

	if (ix->n_dead == 0)
		return ND_OK;
	remap = nd_reallocarray(NULL, ix->n ? ix->n : 1, sizeof(uint32_t));
	if (remap == NULL)
		return ND_ENOMEM;
	for (i = 0; i < ix->n; i++) {
		if (nd_copyindex_dead(ix, i)) {
			remap[i] = 0;
			continue;
		}
		move_slot(ix, live, i);
		remap[i] = (uint32_t)++live;
	}
	compact_names(ix, remap);
	for (b = 0; b < ND_TEXTSKETCH_BANDS; b++)
		nd_copytable_renumber(&ix->band[b], remap);
	nd_free(remap);
	for (i = 0; i < ix->n_seg; i++)
		memset(ix->seg[i]->dead, 0, sizeof(ix->seg[i]->dead));
	while (ix->n_seg > (live + ND_COPYINDEX_SEG - 1) / ND_COPYINDEX_SEG)
		nd_free(ix->seg[--ix->n_seg]);
	ix->n = live;
	ix->n_dead = 0;
	ix->oldest = 0;
	return ND_OK;
}

void nd_copyindex_stats_get(nd_copyindex_stats *out, const nd_copyindex *ix)
{
	size_t b;

	memset(out, 0, sizeof(*out));
	if (ix == NULL)
		return;
	out->live = ix->n - ix->n_dead;
	out->removed = ix->n_dead;
	out->index_bytes = sizeof(*ix) + ix->n_seg * (sizeof(nd_copyseg) +
						      sizeof(nd_copyseg *));
	for (b = 0; b < ND_TEXTSKETCH_BANDS; b++)
		out->index_bytes += nd_copytable_bytes(&ix->band[b]);
	out->name_bytes = ix->names_cap + ix->name_off_cap * sizeof(size_t);
	out->threshold = ix->opts.threshold;
	out->max_live = ix->opts.max_live;
}
