#include "cluster/cluster.h"

#include <math.h>    /* sqrt */
#include <stdbool.h> /* bool */
#include <string.h>  /* memset */

#include "cluster/termvec.h"
#include "core/alloc.h"
#include "core/error.h"
#include "core/hashmap.h"

/* Measured on the examples and the seeds (cleaned by the pipeline, alone
 * and together): an article joining its own story scores 0.26 to 0.91
 * against the story's centroid, the lowest being a second article joining
 * a one-article story; the best other story scores 0.07 at most. */
#define DEFAULT_THRESHOLD 0.22
/* Bonus per shared rare name, and its cap: the names that are evidence
 * are those few articles use (at most RARE_NAME_SHARE of them, or
 * RARE_NAME_DF when that is more), such as the people and places of one
 * event, not a weekday or a country every story mentions. */
#define NAME_BONUS 0.05
#define NAME_BONUS_MAX 0.15
#define RARE_NAME_SHARE 0.05
#define RARE_NAME_DF 2

/* Stems of an article looked up to find candidate stories, and how many
 * of the candidates get a full score. */
#define CAND_STEMS 32
#define SCORED_STORIES 16
/* A walk of the candidate index visits an entry for about a quarter of
 * what a lookup in the story-stem map costs (one cache line, not three):
 * a stem's terms against the scored stories are found by walking its
 * chain when that holds at most this many entries per lookup it
 * replaces. */
#define WALK_PER_LOOKUP 4
/* What a story not being scored has for its place among those scored. */
#define UNSCORED 0xff

#define NONE UINT32_MAX
/* A story's entry for a stem is found by a scan of the stem's postings,
 * side by side, while they are at most this many; past that by the map,
 * whose lookup costs a few cache misses: most stems are in a few stories,
 * and the scan bounds a common stem's cost. */
#define SCAN_MAX 32

/* The weight of one stem in one story's centroid (sum of its members'
 * unit vectors), posted under its stem (the candidate index) and chained
 * per story (for merges). */
typedef struct entry {
	uint32_t stem;
	uint32_t post;       /* where it is in the stem's postings */
	uint32_t next_story; /* entry index + 1, 0 ends the chain */
	double w;
	unsigned char name;  /* some member uses the stem as a name */
} entry;

/* A live entry under its stem, with its story and weight at hand: a
 * stem's postings lie side by side, so walking them needs no load to find
 * the next, nor the entry's for what is summed. */
typedef struct posting {
	uint32_t story;
	uint32_t entry;
	double w; /* the entry's */
} posting;

/* A position (of a stem in a vector, or a story) and its weight. */
typedef struct heavy {
	double w;
	uint32_t pos;
} heavy;

static int cmp_heavy(const void *x, const void *y)
{
	const heavy *a = x, *b = y;

	if (a->w != b->w)
		return a->w > b->w ? -1 : 1;
	return a->pos < b->pos ? -1 : a->pos > b->pos;
}

/* Puts the first top of a[0..n) in cmp_heavy order, in that order, at the
 * front of a (the rest after them in no order); returns how many that is.
 * The same front as a sort of all of a, for one comparison for most
 * elements when top is small. */
static size_t front_heavy(heavy *a, size_t n, size_t top)
{
	size_t i, p, t = 0;

	for (i = 0; i < n; i++) {
		heavy x = a[i];

		if (t == top) {
			if (top == 0 || cmp_heavy(&x, &a[t - 1]) >= 0)
				continue;
			a[i] = a[--t];
		}
		for (p = t; p > 0 && cmp_heavy(&x, &a[p - 1]) < 0; p--)
			a[p] = a[p - 1];
		a[p] = x;
		t++;
	}
	return t;
}

typedef struct cl_run {
	const nd_corpus *c;
	double threshold;
	nd_termvec *vec;       /* per article */
	uint32_t *raw;         /* per article: story as first assigned */
	/* Stories. */
	size_t n_stories;
	uint32_t *parent;      /* merged stories point to the survivor */
	double *norm2;         /* squared length of the centroid */
	uint32_t *story_head;  /* first entry + 1 */
	/* Centroid entries and the candidate index. */
	entry *e;
	size_t n_e, cap_e;
	/* A stem's live entries are post[post_first[stem] ..) for post_len
	 * [stem] of them; its room is one per article with the stem, as
	 * each story with it has a member with it. */
	posting *post;
	size_t *post_first;
	uint32_t *post_len;
	size_t n_stems;
	nd_u64map where;       /* story << 32 | stem -> entry, mapped stems */
	unsigned char *mapped; /* per stem: its postings once past SCAN_MAX */
	/* Scoring scratch: per story, and the stems of one article. */
	uint32_t *mark;        /* article + 1 once the story is a candidate */
	uint32_t *slot;        /* where the story is in partial */
	unsigned char *scored; /* its place among those scored, or UNSCORED */
	heavy *partial;        /* candidate stories by partial cosine */
	uint32_t *renum;       /* per story: its final id */
	heavy *order;          /* stem positions by weight */
	size_t order_cap;
	/* Dedup partners: for article i, the earlier articles it is tied to
	 * are partner[pfirst[i] .. pfirst[i + 1]). */
	size_t *pfirst;
	uint32_t *partner;
} cl_run;

static uint32_t find(const cl_run *r, uint32_t s)
{
	while (r->parent[s] != s)
		s = r->parent[s];
	return s;
}

static bool rare_name(const cl_run *r, uint32_t stem)
{
	double max = RARE_NAME_SHARE * (double)r->c->n;

	if (max < RARE_NAME_DF)
		max = RARE_NAME_DF;
	return (double)nd_vocab_df(r->c->vocab, stem) <= max;
}

/* Entry index + 1 of stem in story s, 0 when the story lacks it. */
static uint32_t find_entry(const cl_run *r, uint32_t s, uint32_t stem)
{
	const posting *p = r->post + r->post_first[stem];
	const posting *end = p + r->post_len[stem];
	uint32_t x;

	if (r->mapped[stem])
		return nd_u64map_get(&r->where, (uint64_t)s << 32 | stem, &x)
			       ? x + 1
			       : 0;
	for (; p < end; p++) {
		if (p->story == s)
			return p->entry + 1;
	}
	return 0;
}

/* Puts the new entry idx of stem in story s in the map when the stem's
 * postings are mapped or have just grown past SCAN_MAX (all of them,
 * then). A stem stays mapped: its map keys stay right, as a story's entry
 * for a stem lasts as long as the story. */
static int map_entry(cl_run *r, uint32_t s, uint32_t stem, uint32_t idx)
{
	const posting *p = r->post + r->post_first[stem];
	uint32_t k;

	if (r->mapped[stem])
		return nd_u64map_put(&r->where, (uint64_t)s << 32 | stem, idx,
				     NULL);
	if (r->post_len[stem] <= SCAN_MAX)
		return ND_OK;
	r->mapped[stem] = 1;
	for (k = 0; k < r->post_len[stem]; k++) {
		if (nd_u64map_put(&r->where,
				  (uint64_t)p[k].story << 32 | stem,
				  p[k].entry, NULL))
			return ND_ENOMEM;
	}
	return ND_OK;
}

/* Adds w to stem's weight in story s, creating the entry. */
static int add_weight(cl_run *r, uint32_t s, uint32_t stem, double w,
		      unsigned char name)
{
	uint32_t idx = find_entry(r, s, stem);
	entry *x;

	if (idx == 0) {
		entry fresh = { stem, r->post_len[stem],
				r->story_head[s], 0, 0 };
		posting p = { s, (uint32_t)r->n_e, 0 };

		if (r->n_e >= UINT32_MAX - 1 ||
		    ND_ARRAY_PUSH(r->e, r->n_e, r->cap_e, fresh))
			return ND_ENOMEM;
		r->post[r->post_first[stem] + r->post_len[stem]++] = p;
		r->story_head[s] = p.entry + 1;
		if (map_entry(r, s, stem, p.entry))
			return ND_ENOMEM;
		idx = p.entry + 1;
	}
	x = &r->e[idx - 1];
	r->norm2[s] += (x->w + w) * (x->w + w) - x->w * x->w;
	x->w += w;
	r->post[r->post_first[stem] + x->post].w = x->w;
	x->name |= name;
	return ND_OK;
}

static int join(cl_run *r, size_t i, uint32_t s)
{
	const nd_termvec *v = &r->vec[i];
	size_t k;
	int rc;

	for (k = 0; k < v->n; k++) {
		if ((rc = add_weight(r, s, v->stem[k], v->w[k], v->name[k])))
			return rc;
	}
	r->raw[i] = s;
	return ND_OK;
}

static uint32_t new_story(cl_run *r)
{
	uint32_t s = (uint32_t)r->n_stories++;

	r->parent[s] = s;
	r->norm2[s] = 0;
	r->story_head[s] = 0;
	return s;
}

/* Takes entry idx out of its stem's postings, the last one taking its
 * place. */
static void unpost(cl_run *r, uint32_t idx)
{
	const entry *x = &r->e[idx];
	posting *p = r->post + r->post_first[x->stem];
	uint32_t last = --r->post_len[x->stem];

	p[x->post] = p[last];
	r->e[p[x->post].entry].post = x->post;
}

/* Folds story t into story s: their centroids add up. t's entry leaves
 * the postings before s's is added, so that they never hold more than
 * their room. */
static int merge(cl_run *r, uint32_t s, uint32_t t)
{
	uint32_t k;
	int rc;

	for (k = r->story_head[t]; k; k = r->e[k - 1].next_story) {
		entry x = r->e[k - 1];

		unpost(r, k - 1);
		r->e[k - 1].w = 0;
		if ((rc = add_weight(r, s, x.stem, x.w, x.name)))
			return rc;
	}
	r->story_head[t] = 0;
	r->norm2[t] = 0;
	r->parent[t] = s;
	return ND_OK;
}

/* Does the article's stem k, matched by entry x, earn a name bonus? */
static bool name_shared(const cl_run *r, const nd_termvec *v, size_t k,
			const entry *x)
{
	return v->name[k] && x->name && rare_name(r, v->stem[k]);
}

/* dot / |centroid of s| plus bonus, capped. */
static double final_score(const cl_run *r, uint32_t s, double dot,
			  double bonus)
{
	if (bonus > NAME_BONUS_MAX)
		bonus = NAME_BONUS_MAX;
	return dot / sqrt(r->norm2[s]) + bonus;
}

/* Adds article i's stem k against story t of partial[0..top) to dot and
 * bonus, the matching entry being x, of weight w. */
static void add_term(double *dot, double *bonus, const cl_run *r,
		     const nd_termvec *v, size_t k, size_t t, double w,
		     const entry *x)
{
	dot[t] += v->w[k] * w;
	if (bonus[t] < NAME_BONUS_MAX && name_shared(r, v, k, x))
		bonus[t] += NAME_BONUS;
}

/* Cosine to the centroid plus the bonus for shared rare names of article
 * i against each story partial[0..top) into sc. A stem's terms come from
 * a walk of its chain when that is short, else from a lookup per story:
 * either way each story's sums take the same terms in the same (stem)
 * order, so the scores are the same to the bit. The stories' places in
 * r->scored must be theirs in partial. */
static void scores(double *sc, const cl_run *r, size_t i, size_t top)
{
	const nd_termvec *v = &r->vec[i];
	double dot[SCORED_STORIES] = { 0 }, bonus[SCORED_STORIES] = { 0 };
	size_t k, t;
	uint32_t x;

	for (k = 0; k < v->n; k++) {
		const posting *p = r->post + r->post_first[v->stem[k]];
		const posting *end = p + r->post_len[v->stem[k]];

		if (r->post_len[v->stem[k]] > WALK_PER_LOOKUP * top &&
		    r->mapped[v->stem[k]]) {
			for (t = 0; t < top; t++) {
				x = find_entry(r, r->partial[t].pos,
					       v->stem[k]);
				if (x)
					add_term(dot, bonus, r, v, k, t,
						 r->e[x - 1].w, &r->e[x - 1]);
			}
			continue;
		}
		for (; p < end; p++) {
			if ((t = r->scored[p->story]) >= top)
				continue;
			add_term(dot, bonus, r, v, k, t, p->w,
				 &r->e[p->entry]);
		}
	}
	for (t = 0; t < top; t++)
		sc[t] = final_score(r, r->partial[t].pos, dot[t], bonus[t]);
}

/* The best story for article i and its score; NONE when no story shares
 * one of the article's CAND_STEMS heaviest stems. Those stems give each
 * story a partial cosine through the index; the SCORED_STORIES stories
 * with the highest partial cosine are then scored on all stems. So common
 * words neither make every story a candidate nor cost a full score. */
static uint32_t best_story(cl_run *r, size_t i, double *score)
{
	const nd_termvec *v = &r->vec[i];
	uint32_t mark = (uint32_t)i + 1, best = NONE;
	double sc[SCORED_STORIES];
	size_t k, top, n_touched = 0;

	*score = 0;
	for (k = 0; k < v->n; k++) {
		r->order[k].w = v->w[k];
		r->order[k].pos = (uint32_t)k;
	}
	top = front_heavy(r->order, v->n, CAND_STEMS);
	for (k = 0; k < top; k++) {
		uint32_t pos = r->order[k].pos;
		const posting *p = r->post + r->post_first[v->stem[pos]];
		const posting *end = p + r->post_len[v->stem[pos]];

		for (; p < end; p++) {
			uint32_t s = p->story;

			if (r->norm2[s] <= 0)
				continue;
			if (r->mark[s] != mark) {
				r->mark[s] = mark;
				r->partial[n_touched].w = 0;
				r->partial[n_touched].pos = s;
				r->slot[s] = (uint32_t)n_touched++;
			}
			r->partial[r->slot[s]].w +=
				v->w[pos] * p->w / sqrt(r->norm2[s]);
		}
	}
	top = front_heavy(r->partial, n_touched, SCORED_STORIES);
	for (k = 0; k < top; k++)
		r->scored[r->partial[k].pos] = (unsigned char)k;
	scores(sc, r, i, top);
	for (k = 0; k < top; k++)
		r->scored[r->partial[k].pos] = UNSCORED;
	for (k = 0; k < top; k++) {
		uint32_t s = r->partial[k].pos;

		if (best == NONE || sc[k] > *score ||
		    (sc[k] == *score && s < best)) {
			best = s;
			*score = sc[k];
		}
	}
	return best;
}

/* Places article i: with the stories of its dedup partners (merging them
 * when there are several), else in the best story over the threshold,
 * else in a new story. */
static int place(cl_run *r, size_t i)
{
	uint32_t target = NONE, s;
	size_t k;
	double score;
	int rc;

	for (k = r->pfirst[i]; k < r->pfirst[i + 1]; k++) {
		s = find(r, r->raw[r->partner[k]]);
		if (target == NONE || s < target)
			target = s;
	}
	if (target != NONE) {
		for (k = r->pfirst[i]; k < r->pfirst[i + 1]; k++) {
			s = find(r, r->raw[r->partner[k]]);
			if (s != target && (rc = merge(r, target, s)))
				return rc;
		}
		return join(r, i, target);
	}
	s = best_story(r, i, &score);
	if (s == NONE || score < r->threshold)
		s = new_story(r);
	return join(r, i, s);
}

/* For each article, the earlier articles an edge ties it to. */
static int build_partners(cl_run *r, const nd_dedup_edge *edges,
			  size_t n_edges)
{
	size_t n = r->c->n, k;

	r->pfirst = nd_calloc(n + 2, sizeof(*r->pfirst));
	if (r->pfirst == NULL)
		return ND_ENOMEM;
	for (k = 0; k < n_edges; k++) {
		size_t a = edges[k].a, b = edges[k].b;

		if (a < n && b < n && a != b)
			r->pfirst[(a > b ? a : b) + 2]++;
	}
	for (k = 2; k < n + 2; k++)
		r->pfirst[k] += r->pfirst[k - 1];
	/* pfirst[i + 1] is now where article i's partners start. */
	r->partner = nd_calloc(r->pfirst[n + 1] + 1, sizeof(*r->partner));
	if (r->partner == NULL)
		return ND_ENOMEM;
	for (k = 0; k < n_edges; k++) {
		size_t a = edges[k].a, b = edges[k].b;

		if (a < n && b < n && a != b)
			r->partner[r->pfirst[(a > b ? a : b) + 1]++] =
				(uint32_t)(a < b ? a : b);
	}
	return ND_OK;
}

/* The articles' term vectors, and room to order the longest's stems. */
static int build_vectors(cl_run *r)
{
	nd_termvec_work w;
	size_t i;
	int rc;

	if (nd_termvec_work_init(&w, r->n_stems))
		return ND_ENOMEM;
	for (i = 0; i < r->c->n; i++) {
		rc = nd_termvec_build(&r->vec[i], &w, &r->c->docs[i],
				      r->c->vocab);
		if (rc == ND_OK &&
		    nd_array_reserve((void **)&r->order, &r->order_cap,
				     r->vec[i].n + 1, sizeof(*r->order)))
			rc = ND_ENOMEM;
		if (rc)
			goto done;
	}
	rc = ND_OK;
done:
	nd_termvec_work_dispose(&w);
	return rc;
}

/* Room in the postings for one entry per article with the stem. */
static int room_postings(cl_run *r)
{
	size_t i, k;

	for (i = 0; i < r->c->n; i++) {
		for (k = 0; k < r->vec[i].n; k++)
			r->post_first[r->vec[i].stem[k] + 1]++;
	}
	for (k = 1; k <= r->n_stems + 1; k++)
		r->post_first[k] += r->post_first[k - 1];
	r->post = nd_calloc(r->post_first[r->n_stems + 1] + 1,
			    sizeof(*r->post));
	return r->post ? ND_OK : ND_ENOMEM;
}

static void dispose(cl_run *r)
{
	size_t i;

	if (r->vec) {
		for (i = 0; i < r->c->n; i++)
			nd_termvec_dispose(&r->vec[i]);
	}
	nd_free(r->vec);
	nd_free(r->raw);
	nd_free(r->parent);
	nd_free(r->norm2);
	nd_free(r->story_head);
	nd_free(r->e);
	nd_free(r->post);
	nd_free(r->post_first);
	nd_free(r->post_len);
	nd_u64map_dispose(&r->where);
	nd_free(r->mapped);
	nd_free(r->order);
	nd_free(r->slot);
	nd_free(r->scored);
	nd_free(r->partial);
	nd_free(r->mark);
	nd_free(r->renum);
	nd_free(r->pfirst);
	nd_free(r->partner);
}

/* Story ids by first article, in input order. */
static size_t renumber(cl_run *r, size_t *story_of)
{
	uint32_t *id = r->renum;
	size_t i, next = 0;

	for (i = 0; i < r->n_stories; i++)
		id[i] = NONE;
	for (i = 0; i < r->c->n; i++) {
		uint32_t s = find(r, r->raw[i]);

		if (id[s] == NONE)
			id[s] = (uint32_t)next++;
		story_of[i] = id[s];
	}
	return next;
}

int nd_cluster_run(size_t *story_of, size_t *n_stories, const nd_corpus *c,
		   const nd_dedup_edge *edges, size_t n_edges,
		   const nd_cluster_opts *opts)
{
	cl_run r;
	size_t i, n = c ? c->n : 0;
	int rc = ND_ENOMEM;

	*n_stories = 0;
	if (n == 0)
		return ND_OK;
	if (opts && opts->single) {
		for (i = 0; i < n; i++)
			story_of[i] = 0;
		*n_stories = 1;
		return ND_OK;
	}
	if (n >= NONE)
		return ND_ENOMEM;
	memset(&r, 0, sizeof(r));
	r.c = c;
	r.threshold = opts && opts->threshold > 0 ? opts->threshold
						  : DEFAULT_THRESHOLD;
	r.n_stems = nd_vocab_stem_count(c->vocab);
	r.vec = nd_calloc(n, sizeof(*r.vec));
	r.raw = nd_calloc(n, sizeof(*r.raw));
	r.parent = nd_calloc(n, sizeof(*r.parent));
	r.norm2 = nd_calloc(n, sizeof(*r.norm2));
	r.story_head = nd_calloc(n, sizeof(*r.story_head));
	r.post_first = nd_calloc(r.n_stems + 2, sizeof(*r.post_first));
	r.post_len = nd_calloc(r.n_stems + 1, sizeof(*r.post_len));
	r.mapped = nd_calloc(r.n_stems + 1, sizeof(*r.mapped));
	r.mark = nd_calloc(n, sizeof(*r.mark));
	r.slot = nd_calloc(n, sizeof(*r.slot));
	r.scored = nd_malloc(n);
	r.partial = nd_calloc(n, sizeof(*r.partial));
	r.renum = nd_calloc(n, sizeof(*r.renum));
	if (!r.vec || !r.raw || !r.parent || !r.norm2 || !r.story_head ||
	    !r.post_first || !r.post_len || !r.mapped || !r.mark || !r.slot ||
	    !r.partial || !r.renum || !r.scored ||
	    nd_u64map_init(&r.where))
		goto done;
	memset(r.scored, UNSCORED, n);
	if ((rc = build_partners(&r, edges, n_edges)))
		goto done;
	if ((rc = build_vectors(&r)) || (rc = room_postings(&r)))
		goto done;
	for (i = 0; i < n; i++) {
		if ((rc = place(&r, i)))
			goto done;
	}
	*n_stories = renumber(&r, story_of);
	rc = ND_OK;
done:
	dispose(&r);
	return rc;
}
