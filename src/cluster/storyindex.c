/* The story index: articles placed in live stories as they arrive. */
#include "cluster/storyindex.h"

#include <limits.h> /* LLONG_MIN */
#include <math.h>   /* exp, log, sqrt */
#include <stdlib.h> /* qsort */
#include <string.h> /* memcpy, memset */

#include "core/alloc.h"

/* Hashed document frequencies: 2^21 counters, 4 MiB whatever the
 * stream's length; two terms sharing a counter only blur their IDF. */
#define DF_BITS 21
#define DF_MAX 65535
/* Counts are halved at this many articles, so the IDF follows the words
 * of the recent months and no counter stays saturated. */
#define DF_HALVE_AT (1ULL << 19)
#define SWEEP_EVERY 3600 /* seconds of publication time */

static int check_options(nd_storyindex_options *o,
			 const nd_storyindex_options *in)
{
	nd_storyindex_options d = ND_STORYINDEX_OPTIONS_INIT;

	*o = d;
	o->threshold = ND_STORY_THRESHOLD;
	o->merge = ND_STORY_MERGE;
	o->expire_after = ND_STORY_EXPIRE;
	if (in == NULL)
		return ND_OK;
	if (in->version != ND_STORYINDEX_OPTIONS_VERSION)
		return ND_EINVAL;
	if (in->threshold != 0.0) {
		if (!(in->threshold > 0.0 && in->threshold <= 1.0))
			return ND_EINVAL;
		o->threshold = in->threshold;
	}
	if (in->merge != 0.0) {
		if (!(in->merge > 0.0))
			return ND_EINVAL;
		o->merge = in->merge;
	}
	if (in->expire_after > ND_STORYINDEX_EXPIRE_MAX)
		return ND_EINVAL;
	if (in->expire_after != 0)
		o->expire_after = in->expire_after;
	o->explain = in->explain;
	return ND_OK;
}

int nd_storyindex_create(nd_storyindex **out,
			 const nd_storyindex_options *opts)
{
	nd_storyindex *ix;
	int rc, i;

	*out = NULL;
	ix = nd_calloc(1, sizeof(*ix));
	if (ix == NULL)
		return ND_ENOMEM;
	rc = check_options(&ix->opts, opts);
	if (rc)
		goto fail;
	rc = ND_ENOMEM;
	ix->df = nd_calloc((size_t)1 << DF_BITS, sizeof(*ix->df));
	ix->ln = nd_calloc(DF_MAX + 1, sizeof(*ix->ln));
	if (!ix->df || !ix->ln || nd_storyterms_init(&ix->words) ||
	    nd_u64map_init(&ix->by_id) || nd_postings_init(&ix->post))
		goto fail;
	ix->swept = ND_NO_TIME;
	for (i = 1; i < 64; i++)
		ix->tf[i] = (float)(1 + log((double)i));
	*out = ix;
	return ND_OK;
fail:
	nd_storyindex_free(ix);
	return rc;
}

void nd_storyindex_free(nd_storyindex *ix)
{
	size_t i;

	if (ix == NULL)
		return;
	for (i = 0; i < ix->n_slots; i++) {
		nd_story_settle(&ix->slots[i]);
		nd_free(ix->slots[i].t);
	}
	nd_free(ix->slots);
	nd_free(ix->free_slots);
	nd_u64map_dispose(&ix->by_id);
	nd_postings_dispose(&ix->post);
	nd_storyterms_dispose(&ix->words);
	nd_free(ix->df);
	nd_free(ix->ln);
	nd_free(ix->evidence_text);
	nd_free(ix->mark);
	nd_free(ix->part);
	nd_free(ix->touched);
	nd_free(ix);
}

/* ---- the article's vector ---- */

/* One more article: the count that IDF divides by, halved with all the
 * frequencies when it reaches DF_HALVE_AT. */
static void count_doc(nd_storyindex *ix)
{
	size_t i, mask = ((size_t)1 << DF_BITS) - 1;

	if (++ix->n_docs == DF_HALVE_AT) {
		for (i = 0; i <= mask; i++)
			ix->df[i] >>= 1;
		ix->n_docs /= 2;
	}
}

/* Counts the article's terms into the frequencies. */
static void count_df(nd_storyindex *ix)
{
	size_t i, mask = ((size_t)1 << DF_BITS) - 1;

	count_doc(ix);
	for (i = 0; i < ix->words.n; i++) {
		uint16_t *d = &ix->df[ix->words.t[i].term & mask];

		if (*d < DF_MAX)
			(*d)++;
	}
}

/* Insertion sort by term: 80 terms, no call per comparison. */
static void sort_by_term(nd_cterm *v, size_t n)
{
	size_t i, j;

	for (i = 1; i < n; i++) {
		nd_cterm x = v[i];

		for (j = i; j > 0 && v[j - 1].term > x.term; j--)
			v[j] = v[j - 1];
		v[j] = x;
	}
}

/* ln(df + 1), from a table filled as counts are met: a batch of fifty
 * articles meets a few hundred, and filling all 65,536 took a
 * millisecond. 0, the table's unset mark, is also ln(0 + 1). */
static double ln_df(nd_storyindex *ix, unsigned df)
{
	if (ix->ln[df] == 0 && df > 0)
		ix->ln[df] = log((double)df + 1);
	return ix->ln[df];
}

/* Builds the article's vector: sublinear TF x IDF of every term, the
 * heaviest ND_STORY_ARTICLE_TERMS kept at unit length: ix->top with the
 * heaviest ND_STORY_QUERY first, ix->vec sorted by term. Unless learnt,
 * the article's terms are counted into the document frequencies first,
 * so that a word new to the stream is rare, not unknown. */
static void build_vector(nd_storyindex *ix, int learnt)
{
	size_t i, n, mask = ((size_t)1 << DF_BITS) - 1;
	double norm = 0, ln_docs;

	if (!learnt)
		count_doc(ix);
	/* idf = ln((N + 1) / (df + 1)) + 1, with ln(df + 1) from a table. */
	ln_docs = log((double)ix->n_docs + 1) + 1;
	for (i = 0; i < ix->words.n; i++) {
		const nd_storyterm *t = &ix->words.t[i];
		uint16_t *d = &ix->df[t->term & mask];
		nd_aterm c;

		/* The table is megabytes: ask for the counts a few terms
		 * ahead before they are needed. */
		if (i + 8 < ix->words.n)
			__builtin_prefetch(&ix->df[ix->words.t[i + 8].term &
						   mask]);
		if (!learnt && *d < DF_MAX)
			(*d)++;
		c.w = (float)((t->count < 64 ? ix->tf[t->count]
					     : 1 + log((double)t->count)) *
			      (ln_docs - ln_df(ix, *d)));
		c.at = (uint32_t)i;
		ix->top[i] = c;
	}
	n = ix->words.n;
	/* Selection, not sorting: which terms are kept matters, not their
	 * order (ties go to the term seen first). */
	if (n > ND_STORY_ARTICLE_TERMS) {
		nd_aterm_select(ix->top, n, ND_STORY_ARTICLE_TERMS - 1);
		n = ND_STORY_ARTICLE_TERMS;
	}
	if (n > ND_STORY_QUERY)
		nd_aterm_select(ix->top, n, ND_STORY_QUERY - 1);
	for (i = 0; i < n; i++)
		norm += (double)ix->top[i].w * ix->top[i].w;
	norm = norm > 0 ? 1 / sqrt(norm) : 0;
	for (i = 0; i < n; i++) {
		const nd_storyterm *t = &ix->words.t[ix->top[i].at];

		ix->top[i].w = (float)(ix->top[i].w * norm);
		ix->vec[i].term = t->term;
		ix->vec[i].w = ix->top[i].w;
		ix->vec[i].name = t->name;
	}
	sort_by_term(ix->vec, n);
	ix->n_vec = n;
}

/* ---- scores ---- */

/* How far (seconds) the time t lies outside s's publication span; 0
 * when either is undated. */
static double time_apart(const nd_story_slot *s, long long t)
{
	if (t == ND_NO_TIME || s->last == ND_NO_TIME)
		return 0;
	if (t > s->last)
		return (double)(t - s->last);
	if (t < s->first)
		return (double)(s->first - t);
	return 0;
}

/* The article's score with s: cosine with the centroid, decayed by the
 * time between the article and the story's days. */
static double score(const nd_storyindex *ix, const nd_story_slot *s,
		    long long t)
{
	double cos = s->norm2 > 0 ? nd_cterm_dot(ix->vec, ix->n_vec, s->t,
						  s->n) / sqrt(s->norm2)
				  : 0;

	return cos * exp(-time_apart(s, t) / ND_STORY_TAU);
}

/* Grows the per-slot arrays (free list, search marks) to the slots'
 * capacity; cap_side says how far they reach, set once all have grown,
 * so a failure is retried at the next new story. */
static int reserve_side(nd_storyindex *ix)
{
	size_t cap = ix->cap_slots;
	uint32_t *p;
	float *part;

	if (ix->cap_side >= cap)
		return ND_OK;
	if ((p = nd_reallocarray(ix->free_slots, cap, sizeof(*p))) == NULL)
		return ND_ENOMEM;
	ix->free_slots = p;
	if ((p = nd_reallocarray(ix->mark, cap, sizeof(*p))) == NULL)
		return ND_ENOMEM;
	ix->mark = p;
	memset(p + ix->cap_side, 0, (cap - ix->cap_side) * sizeof(*p));
	if ((part = nd_reallocarray(ix->part, cap, sizeof(*part))) == NULL)
		return ND_ENOMEM;
	ix->part = part;
	if ((p = nd_reallocarray(ix->touched, cap, sizeof(*p))) == NULL)
		return ND_ENOMEM;
	ix->touched = p;
	ix->cap_side = cap;
	return ND_OK;
}

static void begin_search(nd_storyindex *ix)
{
	if (++ix->mark_gen == 0) {
		memset(ix->mark, 0, ix->cap_side * sizeof(*ix->mark));
		ix->mark_gen = 1;
	}
	ix->n_touched = 0;
}

/* Adds w to the partial score of every slot posting term, skipping the
 * terms posted by too many stories to tell any apart. */
static void touch(nd_storyindex *ix, uint32_t term, float w, uint32_t skip)
{
	size_t n, k;
	const uint32_t *list = nd_postings_get(&ix->post, term, &n);

	if (n > ND_STORY_POSTINGS_MAX)
		return;
	for (k = 0; k < n; k++) {
		uint32_t s = list[k];

		if (s == skip)
			continue;
		if (ix->mark[s] != ix->mark_gen) {
			ix->mark[s] = ix->mark_gen;
			ix->part[s] = 0;
			ix->touched[ix->n_touched++] = s;
		}
		ix->part[s] += w;
	}
}

/* Does slot a rank before slot b: higher partial score, then older. */
static int ranks_before(const nd_storyindex *ix, uint32_t a, uint32_t b)
{
	return ix->part[a] > ix->part[b] ||
	       (ix->part[a] == ix->part[b] &&
		ix->slots[a].id < ix->slots[b].id);
}

/* Moves the best k touched slots by partial score to the front of
 * ix->touched, best first; returns how many there are. */
static size_t best_touched(nd_storyindex *ix, size_t k)
{
	size_t i, n = 0;

	for (i = 0; i < ix->n_touched; i++) {
		uint32_t s = ix->touched[i];
		size_t j;

		if (n == k && !ranks_before(ix, s, ix->touched[n - 1]))
			continue;
		j = n < k ? n++ : n - 1;
		/* touched[n..i] are not needed again: slot i moves down. */
		while (j > 0 && ranks_before(ix, s, ix->touched[j - 1])) {
			ix->touched[j] = ix->touched[j - 1];
			j--;
		}
		ix->touched[j] = s;
	}
	return n;
}

/* The live story the article scores best with, or UINT32_MAX. */
static uint32_t best_story(double *best, nd_storyindex *ix, long long t)
{
	uint32_t found = UINT32_MAX;
	size_t i, n;

	begin_search(ix);
	for (i = 0; i < ix->n_vec && i < ND_STORY_QUERY; i++)
		touch(ix, ix->words.t[ix->top[i].at].term, ix->top[i].w,
		      UINT32_MAX);
	n = best_touched(ix, ND_STORY_CANDIDATES);
	*best = 0;
	for (i = 0; i < n; i++) {
		uint32_t s = ix->touched[i];
		double sc = score(ix, &ix->slots[s], t);

		if (found == UINT32_MAX || sc > *best ||
		    (sc == *best && ix->slots[s].id < ix->slots[found].id)) {
			*best = sc;
			found = s;
		}
	}
	return found;
}

/* ---- stories ---- */

/* A free slot for a new story, id next_id + 1. */
static int new_story(uint32_t *out, nd_storyindex *ix, long long t)
{
	uint32_t slot;
	nd_story_slot *s;

	if (ix->n_free) {
		slot = ix->free_slots[--ix->n_free];
	} else {
		if (ix->n_slots >= UINT32_MAX - 1)
			return ND_ETOOBIG;
		if (nd_array_reserve((void **)&ix->slots, &ix->cap_slots,
				     ix->n_slots + 1, sizeof(*ix->slots)) ||
		    reserve_side(ix))
			return ND_ENOMEM;
		slot = (uint32_t)ix->n_slots++;
		memset(&ix->slots[slot], 0, sizeof(ix->slots[slot]));
	}
	if (nd_u64map_put(&ix->by_id, ix->next_id + 1, slot, NULL)) {
		ix->free_slots[ix->n_free++] = slot;
		return ND_ENOMEM;
	}
	s = &ix->slots[slot];
	s->id = ++ix->next_id;
	s->first = s->last = t;
	*out = slot;
	return ND_OK;
}

/* Takes the story in slot out of the index; the slot is free again. */
static void drop_story(nd_storyindex *ix, uint32_t slot)
{
	nd_u64map_remove(&ix->by_id, ix->slots[slot].id);
	nd_story_release(&ix->slots[slot], &ix->post, slot);
	ix->free_slots[ix->n_free++] = slot;
}

static void stretch(nd_story_slot *s, long long t)
{
	if (t == ND_NO_TIME)
		return;
	if (s->first == ND_NO_TIME || t < s->first)
		s->first = t;
	if (s->last == ND_NO_TIME || t > s->last)
		s->last = t;
}

int nd_storyindex_expire(size_t *n, nd_storyindex *ix, long long before)
{
	size_t i, dropped = 0;

	for (i = 0; i < ix->n_slots; i++) {
		const nd_story_slot *s = &ix->slots[i];

		if (s->id && s->last != ND_NO_TIME && s->last < before) {
			drop_story(ix, (uint32_t)i);
			dropped++;
		}
	}
	ix->stats.expired += dropped;
	if (n)
		*n = dropped;
	return ND_OK;
}

/* Expires, at most once an hour of publication time, the stories idle
 * for longer than the window before t. */
static void sweep(nd_storyindex *ix, long long t)
{
	long long e = ix->opts.expire_after;

	/* An article out of order (t before the last sweep) sweeps nothing:
	 * the stories it would expire have gone already, or are too recent. */
	if (t == ND_NO_TIME || e < 0 ||
	    (ix->swept != ND_NO_TIME && (t < ix->swept ||
					 t - ix->swept < SWEEP_EVERY)))
		return;
	ix->swept = t;
	nd_storyindex_expire(NULL, ix, t > LLONG_MIN + e ? t - e : LLONG_MIN);
}

/* ---- merges ---- */

/* Cosine of the centroids of a and b. */
static double centroid_cosine(const nd_story_slot *a, const nd_story_slot *b)
{
	if (a->norm2 <= 0 || b->norm2 <= 0)
		return 0;
	return nd_cterm_dot(a->t, a->n, b->t, b->n) / sqrt(a->norm2 * b->norm2);
}

/* Were a and b split from one another: they are then kept apart. */
static int kept_apart(const nd_story_slot *a, const nd_story_slot *b)
{
	size_t i;

	for (i = 0; i < a->n_apart; i++)
		if (a->apart[i] == b->id)
			return 1;
	for (i = 0; i < b->n_apart; i++)
		if (b->apart[i] == a->id)
			return 1;
	return 0;
}

/* The live story closest to the story in slot, among those sharing a
 * quarter of its key terms; UINT32_MAX when none. */
static uint32_t nearest_story(double *cos, nd_storyindex *ix, uint32_t slot)
{
	const nd_story_slot *s = &ix->slots[slot];
	uint32_t found = UINT32_MAX;
	size_t i, n;

	begin_search(ix);
	for (i = 0; i < s->n_key; i++)
		touch(ix, s->key[i], 1, slot);
	n = best_touched(ix, 3);
	*cos = 0;
	for (i = 0; i < n; i++) {
		uint32_t t = ix->touched[i];
		double c;

		if (ix->part[t] < ND_STORY_KEYS / 4)
			break;
		if (kept_apart(s, &ix->slots[t]))
			continue;
		c = centroid_cosine(s, &ix->slots[t]);
		if (found == UINT32_MAX || c > *cos) {
			*cos = c;
			found = t;
		}
	}
	return found;
}

/* Folds the stories that the grown story in *slot now matches as a
 * whole into the older of each pair; *slot follows the survivor. */
static int merge_converged(nd_placement *out, nd_storyindex *ix,
			   uint32_t *slot)
{
	while (out->n_merged < ND_STORY_MERGES_MAX) {
		double cos;
		uint32_t other = nearest_story(&cos, ix, *slot), keep, gone;

		if (other == UINT32_MAX || cos < ix->opts.merge)
			break;
		keep = ix->slots[other].id < ix->slots[*slot].id ? other
								  : *slot;
		gone = keep == other ? *slot : other;
		if (nd_story_fold(&ix->slots[keep], &ix->post, keep,
				  &ix->slots[gone]))
			return ND_ENOMEM;
		ix->merged[out->n_merged++] = ix->slots[gone].id;
		out->merge_score = cos;
		drop_story(ix, gone);
		ix->stats.merges++;
		*slot = keep;
	}
	return ND_OK;
}

/* ---- splits ---- */

static void keep_apart(nd_story_slot *s, unsigned long long id)
{
	if (s->n_apart < ND_STORY_APART)
		s->apart[s->n_apart++] = id;
}

/* At the sizes young stories are looked at, splits the story in *slot
 * when its articles make two groups far apart; *slot follows the article
 * just added (key), and out reports the split. The new story and the
 * room for both sums come first, so a failure leaves the story whole. */
static int split_young(nd_placement *out, nd_storyindex *ix, uint32_t *slot,
		       unsigned long long key)
{
	unsigned char side[ND_STORY_SPLIT_UPTO];
	nd_story_slot *a = &ix->slots[*slot], *b;
	uint32_t other;
	size_t m = a->members, k;
	int rc;

	if (a->settled || m < ND_STORY_SPLIT_FROM ||
	    m > ND_STORY_SPLIT_UPTO || m % 2 != 0 ||
	    !nd_story_split_plan(side, a))
		return ND_OK;
	if (new_story(&other, ix, a->first))
		return ND_ENOMEM;
	a = &ix->slots[*slot]; /* the slots may have moved */
	b = &ix->slots[other];
	if (nd_story_part(a, b, side)) {
		drop_story(ix, other);
		return ND_ENOMEM;
	}
	b->first = a->first;
	b->last = a->last;
	keep_apart(a, b->id);
	keep_apart(b, a->id);
	out->split_off = b->id;
	out->split_from = a->id;
	out->moved = ix->moved;
	out->n_moved = b->n_mem;
	for (k = 0; k < b->n_mem; k++) {
		ix->moved[k] = b->mem[k].key;
		if (b->mem[k].key == key && b->mem[k].seq == ix->seq - 1)
			*slot = other;
	}
	ix->stats.splits++;
	/* Only the key postings can fail now; the stories stay whole. */
	rc = nd_story_rebuild(a, &ix->post, (uint32_t)(a - ix->slots));
	if (nd_story_rebuild(b, &ix->post, other))
		rc = ND_ENOMEM;
	return rc;
}

/* ---- evidence ---- */

static int cmp_evidence(const void *a, const void *b)
{
	const nd_story_evidence *x = a, *y = b;

	if (x->share != y->share)
		return x->share > y->share ? -1 : 1;
	return x->len != y->len ? (x->len < y->len ? -1 : 1)
				: memcmp(x->term, y->term, x->len);
}

/* Records the terms the article shares with s, heaviest share first,
 * their words copied so they outlive the caller's text. */
static int gather_evidence(nd_storyindex *ix, const nd_story_slot *s)
{
	nd_story_evidence all[ND_STORY_ARTICLE_TERMS];
	size_t i = 0, j = 0, n = 0, bytes = 0;
	double norm = s->norm2 > 0 ? sqrt(s->norm2) : 1;
	char *p;

	while (i < ix->n_vec && j < s->n) {
		if (ix->vec[i].term == s->t[j].term) {
			const nd_storyterm *w =
				nd_storyterms_find(&ix->words, ix->vec[i].term);

			all[n].term = w->word;
			all[n].len = w->word_len;
			all[n].share = ix->vec[i].w * s->t[j].w / norm;
			all[n].is_name = ix->vec[i].name || s->t[j].name;
			n++;
			i++;
			j++;
		} else if (ix->vec[i].term < s->t[j].term) {
			i++;
		} else {
			j++;
		}
	}
	qsort(all, n, sizeof(*all), cmp_evidence);
	if (n > ND_STORY_EVIDENCE)
		n = ND_STORY_EVIDENCE;
	for (i = 0; i < n; i++)
		bytes += all[i].len + 1;
	if (nd_array_reserve((void **)&ix->evidence_text, &ix->evidence_cap,
			     bytes, 1))
		return ND_ENOMEM;
	p = ix->evidence_text;
	for (i = 0; i < n; i++) {
		memcpy(p, all[i].term, all[i].len);
		p[all[i].len] = '\0';
		ix->evidence[i] = all[i];
		ix->evidence[i].term = p;
		p += all[i].len + 1;
	}
	ix->n_evidence = n;
	return ND_OK;
}

/* ---- placing an article ---- */

/* The slot of the live story id, or UINT32_MAX. */
static uint32_t live_slot(const nd_storyindex *ix, unsigned long long id)
{
	uint32_t slot;

	return id && nd_u64map_get(&ix->by_id, id, &slot) ? slot : UINT32_MAX;
}

int nd_storyindex_add(nd_placement *out, nd_storyindex *ix,
		      const nd_story_article *a)
{
	uint32_t slot;
	double best = 0;
	int rc;

	memset(out, 0, sizeof(*out));
	out->merged = ix->merged;
	ix->n_evidence = 0;
	if (a == NULL || (a->text == NULL && a->text_len) ||
	    (a->title == NULL && a->title_len))
		return ND_EINVAL;
	sweep(ix, a->published);
	nd_storyterms_read(&ix->words, a->title, a->title_len, a->text,
			   a->text_len);
	build_vector(ix, a->learnt);
	/* A copy goes where its source went, however it scores. */
	slot = live_slot(ix, a->join);
	if (slot != UINT32_MAX) {
		out->joined = 1;
		best = score(ix, &ix->slots[slot], a->published);
	} else {
		slot = best_story(&best, ix, a->published);
		if (best < ix->opts.threshold)
			slot = UINT32_MAX;
	}
	if (slot == UINT32_MAX) {
		rc = new_story(&slot, ix, a->published);
		if (rc)
			return rc;
		out->is_new = 1;
		best = 0;
	} else if (ix->opts.explain && gather_evidence(ix, &ix->slots[slot])) {
		return ND_ENOMEM;
	}
	if (nd_story_absorb(&ix->slots[slot], &ix->post, slot, ix->vec,
			    ix->n_vec) ||
	    nd_story_remember(&ix->slots[slot], a->key, ix->seq++, ix->vec,
			      ix->n_vec))
		return ND_ENOMEM;
	stretch(&ix->slots[slot], a->published);
	ix->stats.articles++;
	if (!out->is_new && nd_story_rekeys(&ix->slots[slot]) &&
	    merge_converged(out, ix, &slot))
		return ND_ENOMEM;
	if (split_young(out, ix, &slot, a->key))
		return ND_ENOMEM;
	out->story = ix->slots[slot].id;
	out->score = best;
	return ND_OK;
}

int nd_storyindex_learn(nd_storyindex *ix, const nd_story_article *a)
{
	if (a == NULL || (a->text == NULL && a->text_len) ||
	    (a->title == NULL && a->title_len))
		return ND_EINVAL;
	nd_storyterms_read(&ix->words, a->title, a->title_len, a->text,
			   a->text_len);
	count_df(ix);
	return ND_OK;
}

void nd_storyindex_evidence(const nd_story_evidence **terms, size_t *n,
			    const nd_storyindex *ix)
{
	*terms = ix->evidence;
	*n = ix->n_evidence;
}

void nd_storyindex_stats_get(nd_storyindex_stats *out,
			     const nd_storyindex *ix)
{
	size_t i, bytes = sizeof(*ix);

	*out = ix->stats;
	out->live = ix->by_id.count;
	out->stories = (size_t)ix->next_id;
	bytes += ((size_t)1 << DF_BITS) * sizeof(*ix->df) +
		 (DF_MAX + 1) * sizeof(*ix->ln);
	bytes += ix->cap_slots * (sizeof(*ix->slots) + sizeof(uint32_t) * 3 +
				  sizeof(float));
	for (i = 0; i < ix->n_slots; i++) {
		const nd_story_slot *s = &ix->slots[i];
		size_t k;

		bytes += s->cap * sizeof(nd_cterm);
		if (s->mem != NULL)
			bytes += ND_STORY_SPLIT_UPTO * sizeof(*s->mem);
		for (k = 0; k < s->n_mem; k++)
			bytes += s->mem[k].n * sizeof(nd_cterm);
	}
	bytes += ix->by_id.cap * (sizeof(uint64_t) + sizeof(uint32_t) + 1);
	bytes += nd_postings_bytes(&ix->post) + ix->evidence_cap;
	bytes += nd_storyterms_bytes(&ix->words);
	out->bytes = bytes;
}
