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
	uint32_t x = ((const nd_cterm *)a)->term, y = ((const nd_cterm *)b)->term;

	return (x > y) - (x < y);
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

/* Keeps the ND_STORY_TERMS heaviest terms once there are twice as many:
 * the tail holds words single articles brought, which no later article
 * is judged by. */
static void prune(nd_story_slot *s)
{
	if (s->n <= 2 * ND_STORY_TERMS)
		return;
	qsort(s->t, s->n, sizeof(*s->t), cmp_heavier);
	s->n = ND_STORY_TERMS;
	qsort(s->t, s->n, sizeof(*s->t), cmp_term);
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
	for (i = 0; i < s->n_key; i++) {
		for (j = 0; j < n && key[j] != s->key[i]; j++)
			;
		if (j == n)
			nd_postings_remove(post, s->key[i], slot);
	}
	for (i = 0; i < n; i++) {
		for (j = 0; j < s->n_key && s->key[j] != key[i]; j++)
			;
		if (j == s->n_key && nd_postings_add(post, key[i], slot))
			return ND_ENOMEM;
	}
	memcpy(s->key, key, n * sizeof(*key));
	s->n_key = n;
	return ND_OK;
}

static int settle(nd_story_slot *s, nd_postings *post, uint32_t slot)
{
	size_t i;

	prune(s);
	s->norm2 = 0;
	for (i = 0; i < s->n; i++)
		s->norm2 += (double)s->t[i].w * s->t[i].w;
	return rekey(s, post, slot);
}

int nd_story_absorb(nd_story_slot *s, nd_postings *post, uint32_t slot,
		    const nd_aterm *v, size_t n)
{
	nd_cterm add[ND_STORY_ARTICLE_TERMS];
	size_t i;

	for (i = 0; i < n && i < ND_STORY_ARTICLE_TERMS; i++) {
		add[i].term = v[i].term;
		add[i].w = v[i].w;
		add[i].name = v[i].name;
	}
	if (merge(s, add, i))
		return ND_ENOMEM;
	s->members++;
	return settle(s, post, slot);
}

int nd_story_fold(nd_story_slot *a, nd_postings *post, uint32_t slot,
		  const nd_story_slot *b)
{
	if (merge(a, b->t, b->n))
		return ND_ENOMEM;
	a->members += b->members;
	if (b->first != ND_NO_TIME &&
	    (a->first == ND_NO_TIME || b->first < a->first))
		a->first = b->first;
	if (b->last != ND_NO_TIME && (a->last == ND_NO_TIME || b->last > a->last))
		a->last = b->last;
	return settle(a, post, slot);
}

void nd_story_release(nd_story_slot *s, nd_postings *post, uint32_t slot)
{
	size_t i;

	for (i = 0; i < s->n_key; i++)
		nd_postings_remove(post, s->key[i], slot);
	nd_free(s->t);
	memset(s, 0, sizeof(*s));
}
