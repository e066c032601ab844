#include "facts/conflicts.h"

#include <stdlib.h> /* qsort */
#include <string.h> /* memchr */

#include "core/alloc.h"
#include "core/arena.h"
#include "core/error.h"
#include "core/hash.h"
#include "core/hashmap.h"
#include "core/sorted.h"

/* Content words looked at on each side of the number, within its
 * sentence, and most kept. */
#define WINDOW 10
#define SLOT_WORDS 16
/* Shared words that make one slot: this many, and this share (in 10ths)
 * of the smaller set. */
#define MIN_SHARED 2
#define SHARE_TENTHS 4
/* Most conflicting pairs kept per story, and most work spent finding
 * them (a pair of occurrences and each slot scanned to check it count
 * one each): a story of thousands of articles repeating values stops
 * there rather than comparing every pair. */
#define MAX_PAIRS (1u << 16)
#define MAX_COMPARISONS (1u << 24)

/* What is known of a pair of facts. */
enum { PAIR_CONFLICT = 1, PAIR_SIDE_BY_SIDE = 2 };

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

typedef struct finder {
	const slot *s;
	size_t n;
	const nd_story_facts *sf;
	const nd_rawfacts *rf;
	const uint32_t *group_of, *sorted_at;
	nd_u64map known;   /* (a << 32 | b) -> PAIR_* */
	conflict *pairs;
	size_t n_pairs, cap;
	size_t budget;     /* comparisons left */
} finder;

/* Weighs occurrences i and j (same unit, bucket [lo, hi)): a new pair of
 * conflicting facts is pushed. 0 or ND_ENOMEM. */
static int weigh(finder *fd, size_t lo, size_t hi, size_t i, size_t j)
{
	const nd_rawfact *fi = &fd->rf->f[fd->s[i].raw];
	const nd_rawfact *fj = &fd->rf->f[fd->s[j].raw];
	uint32_t a = fd->sorted_at[fd->group_of[fd->s[i].raw]];
	uint32_t b = fd->sorted_at[fd->group_of[fd->s[j].raw]], seen = 0;
	conflict c = { a < b ? a : b, a < b ? b : a };
	uint64_t key = (uint64_t)c.a << 32 | c.b;
	size_t k;

	if (a == b || fi->doc == fj->doc ||
	    (nd_u64map_get(&fd->known, key, &seen) && seen) ||
	    !same_slot(&fd->s[i], &fd->s[j]))
		return ND_OK;
	if (side_by_side(&fd->sf->facts[a], &fd->sf->facts[b]))
		return nd_u64map_put(&fd->known, key, PAIR_SIDE_BY_SIDE, &seen);
	k = shared(&fd->s[i], &fd->s[j]);
	/* Both scans over the bucket are charged to the budget. */
	fd->budget = fd->budget > 2 * (hi - lo) ? fd->budget - 2 * (hi - lo)
						 : 0;
	if (!nearest_in_doc(fd->s, lo, hi, fd->rf, &fd->s[i], fj->doc, k) ||
	    !nearest_in_doc(fd->s, lo, hi, fd->rf, &fd->s[j], fi->doc, k))
		return ND_OK;
	if (fd->n_pairs >= MAX_PAIRS)
		return ND_OK;
	if (nd_u64map_put(&fd->known, key, PAIR_CONFLICT, &seen) ||
	    ND_ARRAY_PUSH(fd->pairs, fd->n_pairs, fd->cap, c))
		return ND_ENOMEM;
	return ND_OK;
}

/* Pairs of facts in one slot, from slots sorted by unit, each pair once. */
static int find_pairs(finder *fd)
{
	size_t lo = 0, hi, i, j;

	for (; lo < fd->n; lo = hi) {
		for (hi = lo + 1; hi < fd->n && fd->s[hi].unit == fd->s[lo].unit;
		     hi++)
			;
		for (i = lo; i < hi; i++) {
			for (j = i + 1; j < hi; j++) {
				if (fd->budget == 0 || fd->n_pairs >= MAX_PAIRS)
					return ND_OK;
				fd->budget--;
				if (weigh(fd, lo, hi, i, j))
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
	finder fd;
	slot *s = NULL;
	size_t i, n = 0;
	int rc = ND_ENOMEM;

	if (rf->n == 0)
		return ND_OK;
	memset(&fd, 0, sizeof(fd));
	s = nd_calloc(rf->n, sizeof(*s));
	if (s == NULL || nd_u64map_init(&fd.known))
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
	fd.s = s;
	fd.n = n;
	fd.sf = out;
	fd.rf = rf;
	fd.group_of = group_of;
	fd.sorted_at = sorted_at;
	fd.budget = MAX_COMPARISONS;
	rc = find_pairs(&fd);
	if (rc == ND_OK)
		rc = attach(out, st->arena, fd.pairs, fd.n_pairs);
done:
	nd_u64map_dispose(&fd.known);
	nd_free(s);
	nd_free(fd.pairs);
	return rc;
}
