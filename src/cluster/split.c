/* Splits of young stories.
 *
 * In a stream, the first article of a new event often joins a young
 * story about a related one (the same country, the same company) before
 * its own event has a story; the rest of its event then follows it
 * there. While a story is young its articles' vectors are kept, and at
 * 6, 8, ... 16 articles they are parted into two groups by 2-means: when
 * the groups' sums are far apart, the story was two. On the DUC 2004
 * events a prototype took B-cubed F1 from 0.84 to 0.89 (docs/pipeline.md). */
#include <math.h>   /* sqrt */
#include <string.h> /* memcpy, memset */

#include "cluster/storyindex.h"
#include "core/alloc.h"

#define ROUNDS 5 /* 2-means settles in two or three on these sizes */
/* A story whose least typical article still meets it at this cosine is
 * of one piece: the 2-means is not run (on the dev piles it split none
 * of those). */
#define ND_STORY_SPLIT_CLOSE 0.6

void nd_story_settle(nd_story_slot *s)
{
	size_t i;

	for (i = 0; i < s->n_mem; i++)
		nd_free(s->mem[i].t);
	nd_free(s->mem);
	s->mem = NULL;
	s->n_mem = 0;
	s->settled = 1;
}

int nd_story_remember(nd_story_slot *s, unsigned long long key,
		      unsigned long long seq, const nd_cterm *v, size_t n)
{
	nd_member *m;

	if (s->settled)
		return ND_OK;
	if (s->members > ND_STORY_SPLIT_UPTO) {
		nd_story_settle(s);
		return ND_OK;
	}
	if (s->mem == NULL) {
		s->mem = nd_calloc(ND_STORY_SPLIT_UPTO, sizeof(*s->mem));
		if (s->mem == NULL)
			return ND_ENOMEM;
	}
	m = &s->mem[s->n_mem];
	m->t = nd_malloc((n ? n : 1) * sizeof(*v));
	if (m->t == NULL)
		return ND_ENOMEM;
	memcpy(m->t, v, n * sizeof(*v));
	m->n = n;
	m->key = key;
	m->seq = seq;
	s->n_mem++;
	return ND_OK;
}

/* Cosine of a member (of unit length, as articles' vectors are) and
 * t[0..n) of squared length norm2. */
static double member_cos(const nd_member *a, const nd_cterm *t, size_t n,
			 double norm2)
{
	if (norm2 <= 0)
		return 0;
	return nd_cterm_dot(a->t, a->n, t, n) / sqrt(norm2);
}

/* The member least like the vector t[0..n) (norm2 its squared length),
 * skipping skip; ties to the earliest. *cos (may be NULL) gets its
 * cosine. */
static size_t least_like(double *cos, const nd_story_slot *s,
			 const nd_cterm *t, size_t n, double norm2, size_t skip)
{
	size_t i, found = 0;
	double low = 2;

	for (i = 0; i < s->n_mem; i++) {
		double c;

		if (i == skip)
			continue;
		c = member_cos(&s->mem[i], t, n, norm2);
		if (c < low) {
			low = c;
			found = i;
		}
	}
	if (cos)
		*cos = low;
	return found;
}

/* The sum of the members in side (side[i] == want) into g. */
static int group_sum(nd_story_slot *g, const nd_story_slot *s,
		     const unsigned char *side, int want)
{
	size_t i;

	g->n = 0;
	for (i = 0; i < s->n_mem; i++)
		if (side[i] == want &&
		    nd_story_add_terms(g, s->mem[i].t, s->mem[i].n))
			return ND_ENOMEM;
	g->norm2 = nd_cterm_dot(g->t, g->n, g->t, g->n);
	return ND_OK;
}

/* 2-means from seeds a0 and b0: side[i] 1 for the members nearer B (a
 * tie stays with A). Returns 0 or ND_ENOMEM; *na, *nb the sizes. */
static int two_means(unsigned char *side, size_t *na, size_t *nb,
		     nd_story_slot *ga, nd_story_slot *gb,
		     const nd_story_slot *s, size_t a0, size_t b0)
{
	size_t i, r;
	int changed = 1;

	memset(side, 2, s->n_mem);
	side[a0] = 0;
	side[b0] = 1;
	if (group_sum(ga, s, side, 0) || group_sum(gb, s, side, 1))
		return ND_ENOMEM;
	for (r = 0; r < ROUNDS && changed; r++) {
		changed = 0;
		*na = *nb = 0;
		for (i = 0; i < s->n_mem; i++) {
			int to = member_cos(&s->mem[i], gb->t, gb->n,
					    gb->norm2) >
				 member_cos(&s->mem[i], ga->t, ga->n,
					    ga->norm2);

			changed |= side[i] != to;
			side[i] = (unsigned char)to;
			if (to)
				(*nb)++;
			else
				(*na)++;
		}
		if (*na == 0 || *nb == 0)
			return ND_OK;
		if (group_sum(ga, s, side, 0) || group_sum(gb, s, side, 1))
			return ND_ENOMEM;
	}
	return ND_OK;
}

/* Moves the members not on side keep from a to b, keeping their order.
 * Returns 0 or ND_ENOMEM (nothing moved). */
static int part(nd_story_slot *a, nd_story_slot *b, const unsigned char *side,
		int keep)
{
	size_t i, w = 0;

	b->mem = nd_calloc(ND_STORY_SPLIT_UPTO, sizeof(*b->mem));
	if (b->mem == NULL)
		return ND_ENOMEM;
	for (i = 0; i < a->n_mem; i++) {
		if (side[i] == keep)
			a->mem[w++] = a->mem[i];
		else
			b->mem[b->n_mem++] = a->mem[i];
	}
	a->n_mem = w;
	return ND_OK;
}

/* The side holding the earliest member. */
static int first_side(const nd_story_slot *s, const unsigned char *side)
{
	size_t i, first = 0;

	for (i = 1; i < s->n_mem; i++)
		if (s->mem[i].seq < s->mem[first].seq)
			first = i;
	return side[first];
}

int nd_story_split(int *split, nd_story_slot *a, nd_story_slot *b)
{
	nd_story_slot ga, gb;
	unsigned char side[ND_STORY_SPLIT_UPTO];
	size_t a0, b0, na = 0, nb = 0;
	double low;
	int rc = ND_ENOMEM;

	*split = 0;
	memset(&ga, 0, sizeof(ga));
	memset(&gb, 0, sizeof(gb));
	if (a->settled || a->n_mem != a->members || a->n_mem < 2)
		return ND_OK;
	b0 = least_like(&low, a, a->t, a->n, a->norm2, (size_t)-1);
	/* Every article close to the whole: no two groups far apart. */
	if (low >= ND_STORY_SPLIT_CLOSE)
		return ND_OK;
	a0 = least_like(NULL, a, a->mem[b0].t, a->mem[b0].n, 1, b0);
	if (two_means(side, &na, &nb, &ga, &gb, a, a0, b0))
		goto done;
	rc = ND_OK;
	if (na < 3 || nb < 3 ||
	    nd_cterm_dot(ga.t, ga.n, gb.t, gb.n) >=
		    ND_STORY_SPLIT_APART * __builtin_sqrt(ga.norm2 * gb.norm2))
		goto done;
	rc = part(a, b, side, first_side(a, side));
	*split = rc == ND_OK;
done:
	nd_free(ga.t);
	nd_free(gb.t);
	return rc;
}
