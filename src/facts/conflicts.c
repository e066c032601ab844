#include "facts/conflicts.h"

#include <stdlib.h> /* qsort */
#include <string.h> /* strchr */

#include "core/alloc.h"
#include "core/arena.h"
#include "core/error.h"
#include "core/hash.h"
#include "core/sorted.h"

/* Content words looked at on each side of the number, within its
 * sentence, and most kept. */
#define WINDOW 10
#define SLOT_WORDS 16
/* Shared words that make one slot: this many, and this share (in 10ths)
 * of the smaller set. */
#define MIN_SHARED 2
#define SHARE_TENTHS 4
/* Most conflicting pairs kept per story. */
#define MAX_PAIRS (1u << 16)

/* One occurrence as a slot: what it measures and the words around it. */
typedef struct slot {
	uint64_t unit; /* kind and unit, hashed */
	uint32_t raw;
	uint32_t n;
	uint64_t word[SLOT_WORDS]; /* stems, sorted, distinct */
} slot;

typedef struct conflict {
	uint32_t a, b; /* indices into out->facts, a < b */
} conflict;

/* Kind and unit of a value ("40000000 USD", "60 people"); 0 when the
 * kind is not compared or the value names no unit. */
static uint64_t unit_of(const nd_rawfacts *rf, const nd_rawfact *f)
{
	const char *v = rf->pool.ptr + f->value;
	const char *sp = memchr(v, ' ', f->vlen);
	size_t len;

	if (f->kind == ND_FACT_DATE || sp == NULL)
		return 0;
	len = f->vlen - (size_t)(sp + 1 - v);
	return nd_hash64(sp + 1, len, 0x736c6f74ULL + (uint64_t)f->kind) | 1;
}

static void add_word(slot *s, const nd_token *t)
{
	if ((t->flags & (ND_TOK_STOP | ND_TOK_NUMBER)) || s->n >= SLOT_WORDS)
		return;
	s->word[s->n++] = t->stem;
}

/* The content words around raw fact f in its sentence. */
static void fill_words(slot *s, const nd_fstory *st, const nd_rawfact *f)
{
	const nd_doc *d = nd_fstory_doc(st, f->doc);
	const nd_sentence *se = &d->sents[f->sent];
	size_t lo = se->tok, hi = (size_t)se->tok + se->ntok;
	size_t t0 = nd_fstory_tok_at(d, f->off);
	size_t t1 = nd_fstory_tok_at(d, (size_t)f->off + f->len), i;

	s->n = 0;
	for (i = t0; i-- > lo && t0 - i <= WINDOW;)
		add_word(s, &d->toks[i]);
	for (i = t1; i < hi && i - t1 < WINDOW; i++)
		add_word(s, &d->toks[i]);
	s->n = (uint32_t)nd_sort_unique_u64(s->word, s->n);
}

static int cmp_slot(const void *pa, const void *pb)
{
	const slot *a = pa, *b = pb;

	if (a->unit != b->unit)
		return a->unit < b->unit ? -1 : 1;
	return a->raw < b->raw ? -1 : a->raw > b->raw;
}

static int cmp_conflict(const void *pa, const void *pb)
{
	const conflict *a = pa, *b = pb;

	if (a->a != b->a)
		return a->a < b->a ? -1 : 1;
	return a->b < b->b ? -1 : a->b > b->b;
}

static size_t shared(const slot *a, const slot *b)
{
	return nd_sorted_common_u64(a->word, a->n, b->word, b->n);
}

static bool same_slot(const slot *a, const slot *b)
{
	size_t small = a->n < b->n ? a->n : b->n, k = shared(a, b);

	return k >= MIN_SHARED && k * 10 >= small * SHARE_TENTHS;
}

/* Is no slot of doc in s[lo..hi) closer to x than k shared words? An
 * article stating "$45 million for barriers and $3 million for a museum"
 * gives the barriers' slot one value, the nearer one. */
static bool nearest_in_doc(const slot *s, size_t lo, size_t hi,
			   const nd_rawfacts *rf, const slot *x, uint32_t doc,
			   size_t k)
{
	size_t i;

	for (i = lo; i < hi; i++) {
		if (rf->f[s[i].raw].doc == doc && shared(x, &s[i]) > k)
			return false;
	}
	return true;
}

/* Does one article state both facts? */
static bool side_by_side(const nd_fact *a, const nd_fact *b)
{
	size_t i, j;

	for (i = 0; i < a->n_occ; i++) {
		for (j = 0; j < b->n_occ; j++) {
			if (a->occ[i].doc == b->occ[j].doc)
				return true;
		}
	}
	return false;
}

/* Pairs of facts in one slot, from slots sorted by unit. */
static int find_pairs(conflict **out, size_t *n_out, const slot *s,
		      size_t n, const nd_story_facts *sf,
		      const nd_rawfacts *rf, const uint32_t *group_of,
		      const uint32_t *sorted_at)
{
	size_t lo = 0, hi, i, j, cap = 0;

	for (; lo < n; lo = hi) {
		for (hi = lo + 1; hi < n && s[hi].unit == s[lo].unit; hi++)
			;
		for (i = lo; i < hi; i++) {
			const nd_rawfact *fi = &rf->f[s[i].raw];
			uint32_t a = sorted_at[group_of[s[i].raw]];

			for (j = i + 1; j < hi; j++) {
				const nd_rawfact *fj = &rf->f[s[j].raw];
				uint32_t b = sorted_at[group_of[s[j].raw]];
				size_t k = shared(&s[i], &s[j]);
				conflict c;

				if (a == b || fi->doc == fj->doc ||
				    !same_slot(&s[i], &s[j]) ||
				    side_by_side(&sf->facts[a], &sf->facts[b]) ||
				    !nearest_in_doc(s, lo, hi, rf, &s[i],
						    fj->doc, k) ||
				    !nearest_in_doc(s, lo, hi, rf, &s[j],
						    fi->doc, k))
					continue;
				if (*n_out >= MAX_PAIRS)
					return ND_OK;
				c.a = a < b ? a : b;
				c.b = a < b ? b : a;
				if (ND_ARRAY_PUSH(*out, *n_out, cap, c))
					return ND_ENOMEM;
			}
		}
	}
	return ND_OK;
}

/* Gives each fact of the distinct pairs p[0..n) its list. */
static int attach(nd_story_facts *sf, nd_arena *arena, conflict *p, size_t n)
{
	size_t i, u = 0;

	if (n == 0)
		return ND_OK;
	qsort(p, n, sizeof(*p), cmp_conflict);
	for (i = 0; i < n; i++) {
		if (u == 0 || cmp_conflict(&p[u - 1], &p[i]) != 0)
			p[u++] = p[i];
	}
	for (i = 0; i < u; i++) {
		sf->facts[p[i].a].n_conflicts++;
		sf->facts[p[i].b].n_conflicts++;
	}
	for (i = 0; i < sf->n_facts; i++) {
		nd_fact *f = &sf->facts[i];

		if (f->n_conflicts == 0)
			continue;
		f->conflicts = nd_arena_calloc(arena, f->n_conflicts,
					       sizeof(*f->conflicts));
		if (f->conflicts == NULL)
			return ND_ENOMEM;
		f->n_conflicts = 0;
	}
	/* Pairs are sorted by a, so each list comes out ascending. */
	for (i = 0; i < u; i++) {
		nd_fact *a = &sf->facts[p[i].a], *b = &sf->facts[p[i].b];

		a->conflicts[a->n_conflicts++] = p[i].b;
		b->conflicts[b->n_conflicts++] = p[i].a;
	}
	return ND_OK;
}

int nd_conflicts_find(nd_story_facts *out, nd_fstory *st,
		      const nd_rawfacts *rf, const uint32_t *group_of,
		      const uint32_t *sorted_at)
{
	slot *s = NULL;
	conflict *pairs = NULL;
	size_t i, n = 0, n_pairs = 0;
	int rc = ND_ENOMEM;

	if (rf->n == 0)
		return ND_OK;
	s = nd_calloc(rf->n, sizeof(*s));
	if (s == NULL)
		goto done;
	for (i = 0; i < rf->n; i++) {
		uint64_t unit = unit_of(rf, &rf->f[i]);

		if (unit == 0)
			continue;
		s[n].unit = unit;
		s[n].raw = (uint32_t)i;
		fill_words(&s[n], st, &rf->f[i]);
		n++;
	}
	qsort(s, n, sizeof(*s), cmp_slot);
	rc = find_pairs(&pairs, &n_pairs, s, n, out, rf, group_of, sorted_at);
	if (rc == ND_OK)
		rc = attach(out, st->arena, pairs, n_pairs);
done:
	nd_free(s);
	nd_free(pairs);
	return rc;
}
