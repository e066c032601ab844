/* cluster: a batch's stories, by placing its articles in a story index. */
#include "cluster/cluster.h"

#include <stdint.h> /* uint32_t */
#include <stdlib.h> /* qsort */
#include <string.h> /* memcpy */

#include "core/alloc.h"
#include "core/unionfind.h"

#define NONE ((size_t)-1)

typedef struct timed {
	long long t;
	size_t i;
} timed;

static int cmp_timed(const void *a, const void *b)
{
	const timed *x = a, *y = b;

	if (x->t != y->t)
		return x->t < y->t ? -1 : 1;
	return (x->i > y->i) - (x->i < y->i);
}

/* order[0..n): the articles by publication time, input order among
 * equals; an undated article sorts with the dated one before it (the
 * first ones with the first dated), so an undated pile keeps its order. */
static int publication_order(size_t *order, const nd_cluster_item *items,
			     size_t n)
{
	timed *k = nd_calloc(n ? n : 1, sizeof(*k));
	long long carry = ND_NO_TIME;
	size_t i;

	if (k == NULL)
		return ND_ENOMEM;
	for (i = 0; i < n && carry == ND_NO_TIME; i++)
		carry = items[i].published;
	for (i = 0; i < n; i++) {
		if (items[i].published != ND_NO_TIME)
			carry = items[i].published;
		k[i].t = carry;
		k[i].i = i;
	}
	qsort(k, n, sizeof(*k), cmp_timed);
	for (i = 0; i < n; i++)
		order[i] = k[i].i;
	nd_free(k);
	return ND_OK;
}

/* source[i]: the article, placed before i, whose story a copy or rewrite
 * i joins (the earliest placed of its sources), or NONE. A partial reuse
 * (a shared background passage) ties nothing. */
static void copy_sources(size_t *source, const size_t *rank,
			 const nd_dedup_edge *edges, size_t n_edges, size_t n)
{
	size_t k;

	for (k = 0; k < n; k++)
		source[k] = NONE;
	for (k = 0; k < n_edges; k++) {
		size_t a = edges[k].a, b = edges[k].b, late, early;

		if (a >= n || b >= n || a == b ||
		    edges[k].kind == ND_REL_PARTIAL)
			continue;
		late = rank[a] > rank[b] ? a : b;
		early = late == a ? b : a;
		if (source[late] == NONE || rank[early] < rank[source[late]])
			source[late] = early;
	}
}

/* Copies the index's evidence of the last placement into arena. */
static int keep_evidence(nd_story_placement *p, const nd_storyindex *ix,
			 nd_arena *arena)
{
	const nd_story_evidence *e;
	size_t n, k;

	nd_storyindex_evidence(&e, &n, ix);
	p->n_evidence = n;
	if (n == 0)
		return ND_OK;
	p->evidence = nd_arena_memdup(arena, e, n, sizeof(*e));
	if (p->evidence == NULL)
		return ND_ENOMEM;
	for (k = 0; k < n; k++) {
		p->evidence[k].term = nd_arena_strndup(arena, e[k].term,
						       e[k].len);
		if (p->evidence[k].term == NULL)
			return ND_ENOMEM;
	}
	return ND_OK;
}

typedef struct run_state {
	size_t *order, *rank, *source;
	uint32_t *id_of;  /* per article: the story id it was last put in */
	uint32_t *parent; /* per story id: merged ids point to survivors */
	size_t n_ids, cap_ids;
} run_state;

static void run_state_free(run_state *r)
{
	nd_free(r->order);
	nd_free(r->rank);
	nd_free(r->source);
	nd_free(r->id_of);
	nd_free(r->parent);
}

static int run_state_init(run_state *r, size_t n)
{
	size_t m = n + 1;

	r->order = nd_calloc(m, sizeof(*r->order));
	r->rank = nd_calloc(m, sizeof(*r->rank));
	r->source = nd_calloc(m, sizeof(*r->source));
	r->id_of = nd_calloc(m, sizeof(*r->id_of));
	if (!r->order || !r->rank || !r->source || !r->id_of ||
	    n >= UINT32_MAX / 2)
		return ND_ENOMEM;
	return ND_OK;
}

/* Room in parent for story ids up to id, each its own set. */
static int know_id(run_state *r, unsigned long long id)
{
	if (id >= UINT32_MAX)
		return ND_ENOMEM;
	if (id < r->n_ids)
		return ND_OK;
	if (nd_array_reserve((void **)&r->parent, &r->cap_ids, (size_t)id + 1,
			     sizeof(*r->parent)))
		return ND_ENOMEM;
	for (; r->n_ids <= id; r->n_ids++)
		r->parent[r->n_ids] = (uint32_t)r->n_ids;
	return ND_OK;
}

/* Numbers the stories, each the root of its merged story ids, by their
 * first article in input order. */
static int number_stories(size_t *story_of, size_t *count, run_state *r,
			  size_t n)
{
	size_t *num = nd_malloc((r->n_ids + 1) * sizeof(*num)), i;

	*count = 0;
	if (num == NULL)
		return ND_ENOMEM;
	for (i = 0; i < r->n_ids; i++)
		num[i] = NONE;
	for (i = 0; i < n; i++) {
		uint32_t root = nd_uf_find(r->parent, r->id_of[i]);

		if (num[root] == NONE)
			num[root] = (*count)++;
		story_of[i] = num[root];
	}
	nd_free(num);
	return ND_OK;
}

/* Follows what the index did with an add: merged stories join their
 * survivor; the articles a split moved take the new story's id. */
static int follow(run_state *r, const nd_placement *got)
{
	size_t m;

	if (know_id(r, got->story) || know_id(r, got->split_off))
		return ND_ENOMEM;
	for (m = 0; m < got->n_merged; m++)
		nd_uf_union(r->parent, (uint32_t)got->merged[m],
			    (uint32_t)got->story);
	for (m = 0; m < got->n_moved; m++)
		r->id_of[got->moved[m]] = (uint32_t)got->split_off;
	return ND_OK;
}

/* The story index's article for item it: its words learnt already (see
 * nd_cluster_run). */
static void article_of(nd_story_article *a, const nd_cluster_item *it)
{
	memset(a, 0, sizeof(*a));
	a->title = it->title;
	a->title_len = it->title_len;
	a->text = it->text;
	a->text_len = it->text_len;
	a->published = it->published;
	a->learnt = 1;
}

/* Places article i, the k-th in publication order. */
static int place_one(run_state *r, nd_storyindex *ix,
		     nd_story_placement *place, const nd_cluster_item *it,
		     size_t i, size_t k, nd_arena *arena)
{
	nd_story_article a;
	nd_placement got;
	int rc;

	article_of(&a, it);
	a.key = i;
	if (r->source[i] != NONE)
		a.join = nd_uf_find(r->parent, r->id_of[r->source[i]]);
	rc = nd_storyindex_add(&got, ix, &a);
	if (rc)
		return rc;
	r->id_of[i] = (uint32_t)got.story;
	if (follow(r, &got))
		return ND_ENOMEM;
	if (place == NULL)
		return ND_OK;
	place[i].order = k;
	place[i].score = got.score;
	place[i].is_new = got.is_new;
	place[i].copied = got.joined;
	place[i].n_merged = got.n_merged;
	place[i].merge_score = got.merge_score;
	return keep_evidence(&place[i], ix, arena);
}

int nd_cluster_run(size_t *story_of, size_t *n_stories,
		   nd_story_placement *place, const nd_cluster_item *items,
		   size_t n, const nd_dedup_edge *edges, size_t n_edges,
		   const nd_cluster_opts *opts, nd_arena *arena)
{
	nd_storyindex_options o = ND_STORYINDEX_OPTIONS_INIT;
	nd_storyindex *ix = NULL;
	run_state r = { 0 };
	size_t k;
	int rc;

	*n_stories = 0;
	if (place)
		memset(place, 0, n * sizeof(*place));
	if (opts && opts->single) {
		for (k = 0; k < n; k++) {
			story_of[k] = 0;
			if (place) {
				place[k].order = k;
				place[k].is_new = k == 0;
			}
		}
		*n_stories = n > 0;
		return ND_OK;
	}
	o.threshold = opts ? opts->threshold : 0.0;
	o.explain = opts ? opts->explain : 0;
	o.expire_after = opts ? opts->expire_after : 0;
	rc = run_state_init(&r, n);
	if (rc == ND_OK)
		rc = nd_storyindex_create(&ix, &o);
	if (rc == ND_OK)
		rc = publication_order(r.order, items, n);
	if (rc)
		goto done;
	for (k = 0; k < n; k++)
		r.rank[r.order[k]] = k;
	copy_sources(r.source, r.rank, edges, n_edges, n);
	/* The whole batch's words are counted before any article is
	 * placed: a stream's index has seen the days before, and a batch's
	 * first articles would otherwise be weighed against a handful of
	 * others. */
	for (k = 0; k < n && rc == ND_OK; k++) {
		nd_story_article a;

		article_of(&a, &items[r.order[k]]);
		rc = nd_storyindex_learn(ix, &a);
	}
	for (k = 0; k < n && rc == ND_OK; k++)
		rc = place_one(&r, ix, place, &items[r.order[k]], r.order[k],
			       k, arena);
	if (rc == ND_OK)
		rc = number_stories(story_of, n_stories, &r, n);
done:
	nd_storyindex_free(ix);
	run_state_free(&r);
	return rc;
}
