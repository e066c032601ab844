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

/* Fills member k's dot products with members 0..k. */
static void dots_of(nd_story_slot *s, size_t k)
{
	size_t j;

	for (j = 0; j <= k; j++)
		s->mem[j].dot[k] = s->mem[k].dot[j] =
			(float)nd_cterm_dot(s->mem[j].t, s->mem[j].n,
					    s->mem[k].t, s->mem[k].n);
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
	/* The dot products come as members do, each once. */
	dots_of(s, s->n_mem - 1);
	return ND_OK;
}

/* The members' dot products, each pair once: with them, the sums of any
 * groups of members and their cosines follow without adding vectors. */
typedef struct gram {
	double g[ND_STORY_SPLIT_UPTO][ND_STORY_SPLIT_UPTO];
	size_t n;
} gram;

static void gram_fill(gram *m, const nd_story_slot *s)
{
	size_t i, j;

	m->n = s->n_mem;
	for (i = 0; i < m->n; i++)
		for (j = 0; j < m->n; j++)
			m->g[i][j] = s->mem[i].dot[j];
}

/* Dot product of member i with the sum of the members on side want. */
static double to_side(const gram *m, const unsigned char *side, int want,
		      size_t i)
{
	double d = 0;
	size_t j;

	for (j = 0; j < m->n; j++)
		if (side[j] == want)
			d += m->g[i][j];
	return d;
}

/* Dot product of the sums of sides x and y. */
static double between(const gram *m, const unsigned char *side, int x, int y)
{
	double d = 0;
	size_t i;

	for (i = 0; i < m->n; i++)
		if (side[i] == x)
			d += to_side(m, side, y, i);
	return d;
}

/* Cosine of member i (unit length, as articles' vectors are) and the
 * sum of side want, whose squared length is norm2. */
static double cos_to(const gram *m, const unsigned char *side, int want,
		     size_t i, double norm2)
{
	return norm2 > 0 ? to_side(m, side, want, i) / sqrt(norm2) : 0;
}

/* The member least like the sum of side want (ties to the earliest,
 * skipping skip); *cos its cosine. */
static size_t least_like(double *cos, const gram *m,
			 const unsigned char *side, int want, size_t skip)
{
	double norm2 = between(m, side, want, want), low = 2;
	size_t i, found = 0;

	for (i = 0; i < m->n; i++) {
		double c = cos_to(m, side, want, i, norm2);

		if (i != skip && c < low) {
			low = c;
			found = i;
		}
	}
	*cos = low;
	return found;
}

/* 2-means from seeds a0 and b0: side[i] 1 for the members nearer B (a
 * tie stays with A); *na, *nb the sizes. */
static void two_means(unsigned char *side, size_t *na, size_t *nb,
		      const gram *m, size_t a0, size_t b0)
{
	unsigned char next[ND_STORY_SPLIT_UPTO];
	size_t i, r;

	memset(side, 2, m->n);
	side[a0] = 0;
	side[b0] = 1;
	for (r = 0; r < ROUNDS; r++) {
		double n2a = between(m, side, 0, 0);
		double n2b = between(m, side, 1, 1);

		*na = *nb = 0;
		for (i = 0; i < m->n; i++) {
			next[i] = cos_to(m, side, 1, i, n2b) >
				  cos_to(m, side, 0, i, n2a);
			if (next[i])
				(*nb)++;
			else
				(*na)++;
		}
		if (memcmp(next, side, m->n) == 0 || *na == 0 || *nb == 0)
			break;
		memcpy(side, next, m->n);
	}
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

int nd_story_split_plan(unsigned char *side, const nd_story_slot *a)
{
	gram m;
	size_t a0, b0, na = 0, nb = 0, i;
	double low;
	int keep;

	if (a->settled || a->n_mem != a->members || a->n_mem < 2)
		return 0;
	gram_fill(&m, a);
	memset(side, 0, ND_STORY_SPLIT_UPTO);
	b0 = least_like(&low, &m, side, 0, (size_t)-1);
	/* Every article close to the whole: no two groups far apart. */
	if (low >= ND_STORY_SPLIT_CLOSE)
		return 0;
	memset(side, 2, ND_STORY_SPLIT_UPTO);
	side[b0] = 0;
	a0 = least_like(&low, &m, side, 0, b0);
	two_means(side, &na, &nb, &m, a0, b0);
	if (na < 3 || nb < 3 ||
	    between(&m, side, 0, 1) >=
		    ND_STORY_SPLIT_APART * sqrt(between(&m, side, 0, 0) *
						between(&m, side, 1, 1)))
		return 0;
	/* Side 1 leaves: the one without the first article. */
	keep = first_side(a, side);
	for (i = 0; i < a->n_mem; i++)
		side[i] = side[i] != keep;
	return 1;
}

int nd_story_part(nd_story_slot *a, nd_story_slot *b,
		  const unsigned char *side)
{
	size_t i, w = 0, na = 0, nb = 0;

	for (i = 0; i < a->n_mem; i++)
		*(side[i] ? &nb : &na) += a->mem[i].n;
	/* Room for the two sums first, so that rebuilding them cannot fail
	 * half-way. */
	if (nd_array_reserve((void **)&a->t, &a->cap, na, sizeof(*a->t)) ||
	    nd_array_reserve((void **)&b->t, &b->cap, nb, sizeof(*b->t)))
		return ND_ENOMEM;
	b->mem = nd_calloc(ND_STORY_SPLIT_UPTO, sizeof(*b->mem));
	if (b->mem == NULL)
		return ND_ENOMEM;
	for (i = 0; i < a->n_mem; i++) {
		if (!side[i])
			a->mem[w++] = a->mem[i];
		else
			b->mem[b->n_mem++] = a->mem[i];
	}
	a->n_mem = w;
	/* Members changed places: their dot products are found again. */
	for (i = 0; i < a->n_mem; i++)
		dots_of(a, i);
	for (i = 0; i < b->n_mem; i++)
		dots_of(b, i);
	return ND_OK;
}
