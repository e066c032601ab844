/* A story's centroid: the sum of its articles' vectors, terms sorted by
 * term so that adding an article or a story is one merge. */
#include <stdlib.h> /* qsort */
#include <string.h> /* memcpy */

#include "cluster/storyindex.h"
#include "core/alloc.h"

/* A name says more about which story this is than a common word of the
 * same weight, so it counts for more when the index keys are picked. */
static double key_weight(const nd_cterm *t)
{
	return t->name ? 1.5 * t->w : t->w;
}

/* Heavier first; ties by term, so every run cuts the same way. */
static int heavier(const nd_cterm *a, const nd_cterm *b)
{
	double x = key_weight(a), y = key_weight(b);

	return x > y || (x == y && a->term < b->term);
}

static int cmp_heavier(const void *a, const void *b)
{
	const nd_cterm *x = a, *y = b;

	return heavier(x, y) ? -1 : heavier(y, x) ? 1 : 0;
}

static int cmp_term(const void *a, const void *b)
{
	uint32_t x = ((const nd_cterm *)a)->term;
	uint32_t y = ((const nd_cterm *)b)->term;

	return (x > y) - (x < y);
}

double nd_cterm_dot(const nd_cterm *a, size_t na, const nd_cterm *b,
		    size_t nb)
{
	size_t i = 0, j = 0;
	float dot = 0;

	/* Without branches on the order of the terms, which no predictor
	 * guesses. */
	while (i < na && j < nb) {
		uint32_t x = a[i].term, y = b[j].term;

		dot += x == y ? a[i].w * b[j].w : 0.0f;
		i += x <= y;
		j += y <= x;
	}
	return dot;
}

/* Merges the sorted terms add[0..m) into s's sorted terms, adding the
 * weights of terms both hold; from the end, in place. */
static int merge(nd_story_slot *s, const nd_cterm *add, size_t m)
{
	size_t i = s->n, j = m, out, dup = 0, a = 0, b = 0;

	while (a < s->n && b < m) {
		if (s->t[a].term == add[b].term) {
			dup++;
			a++;
			b++;
		} else if (s->t[a].term < add[b].term) {
			a++;
		} else {
			b++;
		}
	}
	if (nd_array_reserve((void **)&s->t, &s->cap, s->n + m - dup,
			     sizeof(*s->t)))
		return ND_ENOMEM;
	out = s->n + m - dup;
	s->n = out;
	while (j > 0) {
		nd_cterm *o = &s->t[--out];

		if (i > 0 && s->t[i - 1].term == add[j - 1].term) {
			*o = s->t[--i];
			o->w += add[--j].w;
			o->name |= add[j].name;
		} else if (i > 0 && s->t[i - 1].term > add[j - 1].term) {
			*o = s->t[--i];
		} else {
			*o = add[--j];
		}
	}
	return ND_OK;
}

/* Heavier: a larger weight, then an earlier place. */
static int aterm_heavier(const nd_aterm *x, const nd_aterm *y)
{
	return x->w > y->w || (x->w == y->w && x->at < y->at);
}

void nd_aterm_select(nd_aterm *a, size_t n, size_t k)
{
	size_t lo = 0, hi = n - 1;

	while (lo < hi) {
		nd_aterm pivot = a[lo + (hi - lo) / 2], t;
		size_t i = lo, j = hi;

		/* Hoare partition: a[lo..j] at least as heavy as the pivot,
		 * a[j+1..hi] at most. */
		for (;;) {
			while (aterm_heavier(&a[i], &pivot))
				i++;
			while (aterm_heavier(&pivot, &a[j]))
				j--;
			if (i >= j)
				break;
			t = a[i];
			a[i] = a[j];
			a[j] = t;
			i++;
			j--;
		}
		if (k <= j)
			hi = j;
		else
			lo = j + 1;
	}
}

/* Keeps the ND_STORY_TERMS heaviest terms once there are twice as many:
 * the tail holds words single articles brought, which no later article
 * is judged by. */
static void prune(nd_story_slot *s)
{
	nd_aterm by[2 * ND_STORY_TERMS + ND_STORY_ARTICLE_TERMS], pick;
	size_t i, w = 0;

	if (s->n <= 2 * ND_STORY_TERMS)
		return;
	/* A story grows by at most an article's terms between two cuts;
	 * a fold may bring more: those are sorted whole. */
	if (s->n > sizeof(by) / sizeof(by[0])) {
		qsort(s->t, s->n, sizeof(*s->t), cmp_heavier);
		s->n = ND_STORY_TERMS;
		qsort(s->t, s->n, sizeof(*s->t), cmp_term);
		return;
	}
	/* The ND_STORY_TERMS-th heaviest found by selection, then the
	 * terms at or above it kept in place, in term order (the order of
	 * places, so ties go to the lower term, as in cmp_heavier). */
	for (i = 0; i < s->n; i++) {
		by[i].w = (float)key_weight(&s->t[i]);
		by[i].at = (uint32_t)i;
	}
	nd_aterm_select(by, s->n, ND_STORY_TERMS - 1);
	pick = by[ND_STORY_TERMS - 1];
	for (i = 0; i < s->n; i++) {
		nd_aterm me = { (float)key_weight(&s->t[i]), (uint32_t)i };

		if (!aterm_heavier(&pick, &me))
			s->t[w++] = s->t[i];
	}
	s->n = w;
}

/* Cuts s back to its heaviest terms when it holds too many, and sets its
 * squared length. */
static void cut(nd_story_slot *s)
{
	size_t i;

	prune(s);
	s->norm2 = 0;
	for (i = 0; i < s->n; i++)
		s->norm2 += (double)s->t[i].w * s->t[i].w;
}

/* Re-picks the key terms and changes the postings that differ. */
static int rekey(nd_story_slot *s, nd_postings *post, uint32_t slot)
{
	nd_cterm top[ND_STORY_KEYS];
	uint32_t key[ND_STORY_KEYS];
	size_t n = 0, i, j, k;

	for (i = 0; i < s->n; i++) {
		if (n == ND_STORY_KEYS && !heavier(&s->t[i], &top[n - 1]))
			continue;
		k = n < ND_STORY_KEYS ? n++ : n - 1;
		while (k > 0 && heavier(&s->t[i], &top[k - 1])) {
			top[k] = top[k - 1];
			k--;
		}
		top[k] = s->t[i];
	}
	for (i = 0; i < n; i++)
		key[i] = top[i].term;
	/* s->key always names what is posted, even when a posting cannot
	 * be added: release takes out exactly those. */
	for (i = 0, k = 0; i < s->n_key; i++) {
		for (j = 0; j < n && key[j] != s->key[i]; j++)
			;
		if (j == n)
			nd_postings_remove(post, s->key[i], slot);
		else
			s->key[k++] = s->key[i];
	}
	s->n_key = k;
	for (i = 0; i < n; i++) {
		for (j = 0; j < k && s->key[j] != key[i]; j++)
			;
		if (j < k)
			continue;
		if (nd_postings_add(post, key[i], slot))
			return ND_ENOMEM;
		s->key[s->n_key++] = key[i];
	}
	return ND_OK;
}

int nd_story_rekeys(const nd_story_slot *s)
{
	return s->members <= 8 || s->members % 4 == 0;
}

/* Keys are picked again as nd_story_rekeys says. */
static int settle(nd_story_slot *s, nd_postings *post, uint32_t slot,
		  int force)
{
	cut(s);
	if (!force && !nd_story_rekeys(s))
		return ND_OK;
	return rekey(s, post, slot);
}

int nd_story_absorb(nd_story_slot *s, nd_postings *post, uint32_t slot,
		    const nd_cterm *v, size_t n)
{
	if (merge(s, v, n))
		return ND_ENOMEM;
	s->members++;
	return settle(s, post, slot, 0);
}

int nd_story_rebuild(nd_story_slot *s, nd_postings *post, uint32_t slot)
{
	size_t i;

	s->n = 0;
	for (i = 0; i < s->n_mem; i++)
		if (merge(s, s->mem[i].t, s->mem[i].n))
			return ND_ENOMEM;
	s->members = s->n_mem;
	return settle(s, post, slot, 1);
}

int nd_story_fold(nd_story_slot *a, nd_postings *post, uint32_t slot,
		  const nd_story_slot *b)
{
	size_t i;

	if (merge(a, b->t, b->n))
		return ND_ENOMEM;
	/* What b was split from stays apart from a too. */
	for (i = 0; i < b->n_apart && a->n_apart < ND_STORY_APART; i++)
		a->apart[a->n_apart++] = b->apart[i];
	a->members += b->members;
	nd_story_settle(a); /* a merged story is not split again */
	if (b->first != ND_NO_TIME &&
	    (a->first == ND_NO_TIME || b->first < a->first))
		a->first = b->first;
	if (b->last != ND_NO_TIME &&
	    (a->last == ND_NO_TIME || b->last > a->last))
		a->last = b->last;
	return settle(a, post, slot, 1);
}

void nd_story_release(nd_story_slot *s, nd_postings *post, uint32_t slot)
{
	size_t i;

	for (i = 0; i < s->n_key; i++)
		nd_postings_remove(post, s->key[i], slot);
	nd_story_settle(s);
	nd_free(s->t);
	memset(s, 0, sizeof(*s));
}
