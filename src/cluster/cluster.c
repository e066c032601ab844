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

		if (a >= n || b >= n || a == b || edges[k].kind == ND_REL_PARTIAL)
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

/* Numbers the stories, each the root of its merged story ids, by their
 * first article in input order; num[] has a place per id. */
static size_t number_stories(size_t *story_of, size_t *num,
			     const uint32_t *id_of, uint32_t *parent, size_t n)
{
	size_t i, count = 0;

	for (i = 0; i <= n; i++)
		num[i] = NONE;
	for (i = 0; i < n; i++) {
		uint32_t r = nd_uf_find(parent, id_of[i]);

		if (num[r] == NONE)
			num[r] = count++;
		story_of[i] = num[r];
	}
	return count;
}

typedef struct run_state {
	size_t *order, *rank, *source, *num;
	uint32_t *id_of, *parent;
} run_state;

static void run_state_free(run_state *r)
{
	nd_free(r->order);
	nd_free(r->rank);
	nd_free(r->source);
	nd_free(r->num);
	nd_free(r->id_of);
	nd_free(r->parent);
}

static int run_state_init(run_state *r, size_t n)
{
	size_t m = n + 1;

	r->order = nd_calloc(m, sizeof(*r->order));
	r->rank = nd_calloc(m, sizeof(*r->rank));
	r->source = nd_calloc(m, sizeof(*r->source));
	r->num = nd_calloc(m, sizeof(*r->num));
	r->id_of = nd_calloc(m, sizeof(*r->id_of));
	r->parent = nd_calloc(m, sizeof(*r->parent));
	if (!r->order || !r->rank || !r->source || !r->num || !r->id_of ||
	    !r->parent || n >= UINT32_MAX)
		return ND_ENOMEM;
	nd_uf_init(r->parent, m);
	return ND_OK;
}

#ifndef ND_CLUSTER_WARM /* EXPERIMENT */
#define ND_CLUSTER_WARM 1
#endif

static void article_of(nd_story_article *a, const nd_cluster_item *it)
{
	memset(a, 0, sizeof(*a));
	a->title = it->title;
	a->title_len = it->title_len;
	a->text = it->text;
	a->text_len = it->text_len;
	a->published = it->published;
	a->learnt = ND_CLUSTER_WARM;
}

/* Places article i, the k-th in publication order. */
static int place_one(run_state *r, nd_storyindex *ix,
		     nd_story_placement *place, const nd_cluster_item *it,
		     size_t i, size_t k, nd_arena *arena)
{
	nd_story_article a;
	nd_placement got;
	size_t m;
	int rc;

	article_of(&a, it);
	if (r->source[i] != NONE)
		a.join = nd_uf_find(r->parent, r->id_of[r->source[i]]);
	rc = nd_storyindex_add(&got, ix, &a);
	if (rc)
		return rc;
	r->id_of[i] = (uint32_t)got.story;
	for (m = 0; m < got.n_merged; m++)
		nd_uf_union(r->parent, (uint32_t)got.merged[m],
			    (uint32_t)got.story);
	if (place == NULL)
		return ND_OK;
	place[i].order = k;
	place[i].score = got.score;
	place[i].is_new = got.is_new;
	place[i].copied = a.join != 0 && got.story == a.join;
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
		for (k = 0; k < n; k++)
			story_of[k] = 0;
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
	/* The whole batch's words first: a stream's index has seen the
	 * days before; a batch's first articles would otherwise be weighed
	 * against a handful of others. */
	for (k = 0; k < n && ND_CLUSTER_WARM && rc == ND_OK; k++) {
		nd_story_article a;

		article_of(&a, &items[r.order[k]]);
		rc = nd_storyindex_learn(ix, &a);
	}
	for (k = 0; k < n && rc == ND_OK; k++)
		rc = place_one(&r, ix, place, &items[r.order[k]], r.order[k],
			       k, arena);
	if (rc == ND_OK)
		*n_stories = number_stories(story_of, r.num, r.id_of, r.parent,
					    n);
done:
	nd_storyindex_free(ix);
	run_state_free(&r);
	return rc;
}
