#include "facts/corroborate.h"

#include <stdlib.h> /* qsort */
#include <string.h> /* memcmp, memcpy */

#include "core/alloc.h"
#include "core/arena.h"
#include "core/error.h"
#include "core/hash.h"
#include "core/hashmap.h"
#include "core/sorted.h"
#include "core/unionfind.h"
#include "facts/conflicts.h"

/* Word-set overlap above which two quotations are one (10ths). */
#define JACCARD_TENTHS 7
/* A quotation held in another counts as the same one only when it is this
 * long or half the other: "territorial integrity and independence" is a
 * phrase many quotations hold. */
#define CONTAINED_WORDS 6

/* (group, article) pairs, sorted to give each group its sources. */
typedef struct pair {
	uint32_t group;
	uint32_t article;
} pair;

static int cmp_pair(const void *pa, const void *pb)
{
	const pair *a = pa, *b = pb;

	if (a->group != b->group)
		return a->group < b->group ? -1 : 1;
	return a->article < b->article ? -1 : a->article > b->article;
}

/* Distinct articles of pairs[at..] with one group: their count, copied to
 * the arena; *at moves past them. */
static size_t *sources_of(nd_arena *arena, const pair *p, size_t n,
			  size_t *at, size_t *count, size_t *scratch)
{
	uint32_t g = p[*at].group;
	size_t k = 0;

	for (; *at < n && p[*at].group == g; (*at)++) {
		if (k == 0 || scratch[k - 1] != p[*at].article)
			scratch[k++] = p[*at].article;
	}
	*count = k;
	return nd_arena_memdup(arena, scratch, k, sizeof(*scratch));
}

/* Does the word sequence s occur in l? */
static bool contains(const uint64_t *l, size_t nl, const uint64_t *s,
		     size_t ns)
{
	size_t i;

	if (ns == 0 || ns > nl)
		return false;
	for (i = 0; i + ns <= nl; i++) {
		if (l[i] == s[0] && memcmp(l + i, s, ns * sizeof(*s)) == 0)
			return true;
	}
	return false;
}

static bool same_quote(const nd_quotes *qs, const nd_qspan *a,
		       const nd_qspan *b)
{
	const uint64_t *sa = qs->h + a->s_off, *sb = qs->h + b->s_off;
	size_t inter = nd_sorted_common_u64(sa, a->s_n, sb, b->s_n);
	size_t uni = a->s_n + b->s_n - inter;
	const nd_qspan *s = a->h_n <= b->h_n ? a : b;
	const nd_qspan *l = s == a ? b : a;

	if (inter == 0 || a->reported != b->reported)
		return false;
	if (inter * 10 >= uni * JACCARD_TENTHS)
		return true;
	if (s->h_n < CONTAINED_WORDS && s->h_n * 2 < l->h_n)
		return false;
	return inter == s->s_n &&
	       contains(qs->h + l->h_off, l->h_n, qs->h + s->h_off, s->h_n);
}

static int cmp_size(const void *pa, const void *pb)
{
	size_t a = *(const size_t *)pa, b = *(const size_t *)pb;

	return a < b ? -1 : a > b;
}

/* How many of the ascending v[0..n) equal x. */
static size_t count_sorted(const size_t *v, size_t n, size_t x)
{
	size_t lo = 0, hi = n, mid, first;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (v[mid] < x)
			lo = mid + 1;
		else
			hi = mid;
	}
	first = lo;
	for (hi = n; lo < hi;) {
		mid = lo + (hi - lo) / 2;
		if (v[mid] <= x)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo - first;
}

/* The speaker most occurrences name; the earliest one on ties. Through
 * scratch (room for n): the named speakers, sorted. */
static uint32_t vote_speaker(const nd_quotes *qs, const uint32_t *members,
			     size_t n, size_t *scratch)
{
	uint32_t best = ND_FX_NONE;
	size_t i, k = 0, best_n = 0;

	for (i = 0; i < n; i++) {
		if (qs->q[members[i]].speaker != ND_FX_NONE)
			scratch[k++] = qs->q[members[i]].speaker;
	}
	if (k == 0)
		return ND_FX_NONE;
	qsort(scratch, k, sizeof(*scratch), cmp_size);
	for (i = 0; i < n; i++) {
		uint32_t sp = qs->q[members[i]].speaker;
		size_t c;

		if (sp == ND_FX_NONE || sp == best)
			continue;
		c = count_sorted(scratch, k, sp);
		if (c > best_n) {
			best_n = c;
			best = sp;
		}
	}
	return best;
}

typedef struct qorder {
	nd_quote q;
	uint32_t first;
} qorder;

static int cmp_quote(const void *pa, const void *pb)
{
	const qorder *a = pa, *b = pb;

	if (a->q.n_sources != b->q.n_sources)
		return a->q.n_sources > b->q.n_sources ? -1 : 1;
	return a->first < b->first ? -1 : a->first > b->first;
}

static bool same_words(const nd_quotes *qs, const nd_qspan *a,
		       const nd_qspan *b)
{
	return a->h_n == b->h_n &&
	       memcmp(qs->h + a->h_off, qs->h + b->h_off,
		      a->h_n * sizeof(uint64_t)) == 0;
}

/* Are b's words a's, in order, some left out ("Nobody [in Serentia]
 * wanted")? */
static bool shortens(const nd_quotes *qs, const nd_qspan *a,
		     const nd_qspan *b)
{
	const uint64_t *x = qs->h + a->h_off, *y = qs->h + b->h_off;
	size_t i, j = 0;

	for (i = 0; i < a->h_n && j < b->h_n; i++)
		j += x[i] == y[j];
	return j == b->h_n;
}

/* The fullest version: the longest occurrence, the first on ties (one
 * pass: a group can hold every repeat of a quotation). */
static uint32_t fullest(const nd_quotes *qs, const uint32_t *members,
			size_t n)
{
	uint32_t best = members[0];
	size_t i;

	for (i = 1; i < n; i++) {
		if (qs->q[members[i]].h_n > qs->q[best].h_n)
			best = members[i];
	}
	return best;
}

/* The words of q: its bytes, or its parts joined by a space. */
static const char *quote_text(nd_arena *arena, const nd_quotes *qs,
			      const nd_qspan *q, const char *text)
{
	size_t i, n = 0;
	char *out;

	if (q->n_parts == 0)
		return nd_arena_strndup(arena, text + q->off, q->len);
	for (i = 0; i < q->n_parts; i++)
		n += qs->parts[q->part_off + i].len + 1;
	out = nd_arena_alloc(arena, n);
	if (out == NULL)
		return NULL;
	for (i = 0, n = 0; i < q->n_parts; i++) {
		const nd_qpart *p = &qs->parts[q->part_off + i];

		if (i)
			out[n++] = ' ';
		memcpy(out + n, text + p->off, p->len);
		n += p->len;
	}
	out[n] = '\0';
	return out;
}

/* Every occurrence, and how each compares with the fullest one. */
static int fill_occurrences(nd_fstory *st, const nd_quotes *qs, nd_quote *q,
			    const nd_qspan *full, const uint32_t *members,
			    size_t n)
{
	size_t i;

	q->occ = nd_arena_calloc(st->arena, n, sizeof(*q->occ));
	if (q->occ == NULL)
		return ND_ENOMEM;
	for (i = 0; i < n; i++) {
		const nd_qspan *o = &qs->q[members[i]];
		nd_fspan *f = &q->occ[i];

		f->doc = st->members[o->doc];
		f->off = o->off;
		f->len = o->len;
		f->form = same_words(qs, o, full) ? ND_QUOTE_SAME
			  : shortens(qs, full, o)  ? ND_QUOTE_SHORTENED
						   : ND_QUOTE_ALTERED;
	}
	q->n_occ = n;
	return ND_OK;
}

/* Fills group g's quote from its fullest occurrence and members. */
static int fill_quote(nd_fstory *st, const nd_quotes *qs, qorder *o,
		      const uint32_t *members, size_t n, const pair *pairs,
		      size_t n_pairs, size_t *at, size_t *scratch)
{
	const nd_qspan *f = &qs->q[fullest(qs, members, n)];
	const nd_doc *d = nd_fstory_doc(st, f->doc);
	uint32_t who = vote_speaker(qs, members, n, scratch);
	nd_quote *q = &o->q;

	o->first = members[0];
	q->text = quote_text(st->arena, qs, f, d->text);
	q->speaker = who == ND_FX_NONE ? "" : st->ents[who].name;
	q->direct = !f->reported;
	q->doc = st->members[f->doc];
	q->off = f->off;
	q->len = f->len;
	q->sources = sources_of(st->arena, pairs, n_pairs, at, &q->n_sources,
				scratch);
	if (q->text == NULL || q->sources == NULL)
		return ND_ENOMEM;
	return fill_occurrences(st, qs, q, f, members, n);
}

/* Joins the groups of a and b unless they name two different speakers:
 * like words from two people are two quotations, even through a copy
 * that names nobody. named[root] is the speaker a group names. */
static void join_quotes(uint32_t *parent, uint32_t *named, uint32_t a,
			uint32_t b)
{
	uint32_t ra = nd_uf_find(parent, a), rb = nd_uf_find(parent, b);
	uint32_t who = named[ra] != ND_FX_NONE ? named[ra] : named[rb];

	if (ra == rb || (named[ra] != ND_FX_NONE && named[rb] != ND_FX_NONE &&
			 named[ra] != named[rb]))
		return;
	nd_uf_union(parent, ra, rb);
	named[nd_uf_find(parent, ra)] = who;
}

int nd_corroborate_quotes(nd_story_facts *out, nd_fstory *st,
			  const nd_quotes *qs)
{
	uint32_t *parent = NULL, *byg = NULL, *start = NULL, *members = NULL;
	uint32_t *used = NULL, *named = NULL;
	size_t *scratch = NULL, n = qs->n, i, j, ng = 0, at = 0;
	pair *pairs = NULL;
	qorder *order = NULL;
	nd_u64map same = { 0 };
	int rc = ND_ENOMEM;

	out->quotes = NULL;
	out->n_quotes = 0;
	if (n == 0)
		return ND_OK;
	parent = nd_calloc(n, sizeof(*parent));
	byg = nd_calloc(n, sizeof(*byg));
	start = nd_calloc(n + 1, sizeof(*start));
	members = nd_calloc(n, sizeof(*members));
	used = nd_calloc(n, sizeof(*used));
	scratch = nd_calloc(n, sizeof(*scratch));
	pairs = nd_calloc(n, sizeof(*pairs));
	order = nd_calloc(n, sizeof(*order));
	named = nd_calloc(n, sizeof(*named));
	if (!parent || !byg || !start || !members || !used || !scratch ||
	    !pairs || !order || !named)
		goto done;
	nd_uf_init(parent, n);
	for (i = 0; i < n; i++)
		named[i] = qs->q[i].speaker;
	/* Word-for-word repeats join at once (unless two speakers keep them
	 * apart); only the representatives left are compared pairwise. */
	if (nd_u64map_init(&same))
		goto done;
	for (i = 0; i < n; i++) {
		const nd_qspan *q = &qs->q[i];
		uint64_t h = nd_hash64(qs->h + q->h_off,
				       q->h_n * sizeof(uint64_t), 0x7365ULL);
		uint32_t first;

		if (nd_u64map_put(&same, h, (uint32_t)i, &first))
			goto done;
		if (first != i && qs->q[first].reported == q->reported &&
		    same_words(qs, q, &qs->q[first])) {
			join_quotes(parent, named, first, (uint32_t)i);
			/* Not a representative, unless its speaker kept it
			 * apart. */
			used[i] = nd_uf_find(parent, first) ==
				  nd_uf_find(parent, (uint32_t)i);
		}
	}
	for (i = 0; i < n; i++) {
		if (used[i])
			continue;
		for (j = i + 1; j < n; j++) {
			if (!used[j] &&
			    nd_uf_find(parent, (uint32_t)i) !=
				    nd_uf_find(parent, (uint32_t)j) &&
			    same_quote(qs, &qs->q[i], &qs->q[j]))
				join_quotes(parent, named, (uint32_t)i,
					    (uint32_t)j);
		}
	}
	memset(used, 0, n * sizeof(*used));
	/* Groups numbered by their first occurrence; members bucketed. */
	for (i = 0; i < n; i++) {
		uint32_t r = nd_uf_find(parent, (uint32_t)i);

		if (r == i)
			byg[i] = (uint32_t)ng++;
		pairs[i].group = byg[r];
		pairs[i].article = (uint32_t)st->members[qs->q[i].doc];
		start[byg[r] + 1]++;
	}
	for (i = 0; i < ng; i++)
		start[i + 1] += start[i];
	for (i = 0; i < n; i++) {
		uint32_t g = pairs[i].group;

		members[start[g] + used[g]++] = (uint32_t)i;
	}
	qsort(pairs, n, sizeof(*pairs), cmp_pair);
	for (i = 0; i < ng; i++) {
		if (fill_quote(st, qs, &order[i], members + start[i],
			       start[i + 1] - start[i], pairs, n, &at, scratch))
			goto done;
	}
	qsort(order, ng, sizeof(*order), cmp_quote);
	out->quotes = nd_arena_calloc(st->arena, ng, sizeof(*out->quotes));
	if (out->quotes == NULL)
		goto done;
	for (i = 0; i < ng; i++)
		out->quotes[i] = order[i].q;
	out->n_quotes = ng;
	rc = ND_OK;
done:
	nd_u64map_dispose(&same);
	nd_free(parent);
	nd_free(named);
	nd_free(byg);
	nd_free(start);
	nd_free(members);
	nd_free(used);
	nd_free(scratch);
	nd_free(pairs);
	nd_free(order);
	return rc;
}

typedef struct forder {
	nd_fact f;
	uint32_t first;
	uint32_t group; /* final group number */
} forder;

static int cmp_fact(const void *pa, const void *pb)
{
	const forder *a = pa, *b = pb;

	if (a->f.n_sources != b->f.n_sources)
		return a->f.n_sources > b->f.n_sources ? -1 : 1;
	return a->first < b->first ? -1 : a->first > b->first;
}

static const char *value_of(const nd_rawfacts *rf, size_t i)
{
	return rf->pool.ptr + rf->f[i].value;
}

/* "--02-28" joins "2023-02-28" when that is the story's only full date
 * on that day. */
static int join_partial_dates(const nd_rawfacts *rf, uint32_t *parent,
			      const uint32_t *first_of, size_t ng)
{
	nd_strmap days;
	uint32_t *count = NULL;
	size_t g;
	int rc = ND_ENOMEM;

	if (nd_strmap_init(&days))
		return ND_ENOMEM;
	count = nd_calloc(ng + 1, sizeof(*count));
	if (count == NULL)
		goto done;
	for (g = 0; g < ng; g++) {
		const nd_rawfact *f = &rf->f[first_of[g]];
		const char *v = value_of(rf, first_of[g]);
		uint32_t id;

		if (f->kind != ND_FACT_DATE || f->vlen != 10 || v[0] == '-')
			continue;
		if (nd_strmap_put(&days, v + 4, 6, (uint32_t)g, &id))
			goto done;
		count[id]++;
	}
	for (g = 0; g < ng; g++) {
		const nd_rawfact *f = &rf->f[first_of[g]];
		const char *v = value_of(rf, first_of[g]);
		uint32_t id;

		if (f->kind != ND_FACT_DATE || f->vlen != 7 || v[0] != '-' ||
		    v[1] != '-')
			continue;
		if (nd_strmap_get(&days, v + 1, 6, &id) && count[id] == 1)
			parent[g] = id;
	}
	rc = ND_OK;
done:
	nd_free(count);
	nd_strmap_dispose(&days);
	return rc;
}

/* The article whose text a copy or rewrite took over. */
static size_t origin_of(const nd_fstory *st, size_t article)
{
	return st->origin ? st->origin[article] : article;
}

/* Sources counted once per origin, through scratch (room for n). */
static size_t independent(const nd_fstory *st, const size_t *sources,
			  size_t n, size_t *scratch)
{
	size_t i, k = 0;

	for (i = 0; i < n; i++)
		scratch[i] = origin_of(st, sources[i]);
	qsort(scratch, n, sizeof(*scratch), cmp_size);
	for (i = 0; i < n; i++)
		k += i == 0 || scratch[i] != scratch[i - 1];
	return k;
}

/* The entity named nearest the fact in its sentence, before it first. */
static const char *about(const nd_fstory *st, const nd_rawfact *f)
{
	const nd_doc *d = nd_fstory_doc(st, f->doc);
	const nd_sentence *s = &d->sents[f->sent];
	uint32_t before = ND_FX_NONE, after = ND_FX_NONE;
	size_t mi;

	for (mi = nd_fstory_mention_at(st, f->doc, s->off);
	     mi < st->doc_ment[f->doc + 1]; mi++) {
		const nd_mention *m = &st->ments[mi];

		if (m->entity == ND_FX_NONE)
			continue;
		if (m->off >= s->off + s->len)
			break;
		if (m->off + m->len <= f->off)
			before = m->entity;
		else if (m->off >= f->off + f->len && after == ND_FX_NONE)
			after = m->entity;
	}
	if (before == ND_FX_NONE)
		before = after;
	return before == ND_FX_NONE ? "" : st->ents[before].name;
}

/* Occurrences of one group: raw facts idx[0..n), in story order. */
static int fill_fact_occurrences(nd_fstory *st, const nd_rawfacts *rf,
				 nd_fact *o, const uint32_t *idx, size_t n)
{
	size_t k;

	o->occ = nd_arena_calloc(st->arena, n, sizeof(*o->occ));
	if (o->occ == NULL)
		return ND_ENOMEM;
	for (k = 0; k < n; k++) {
		const nd_rawfact *f = &rf->f[idx[k]];

		o->occ[k].doc = st->members[f->doc];
		o->occ[k].off = f->off;
		o->occ[k].len = f->len;
	}
	o->n_occ = n;
	return ND_OK;
}

int nd_corroborate_facts(nd_story_facts *out, nd_fstory *st,
			 const nd_rawfacts *rf)
{
	nd_strmap keys;
	nd_buf key = ND_BUF_INIT(ND_FACT_VALUE_MAX + 8);
	uint32_t *group = NULL, *first_of = NULL, *parent = NULL;
	uint32_t *final = NULL, *earliest = NULL, *raw_group = NULL;
	uint32_t *by_group = NULL, *filled = NULL, *sorted_at = NULL;
	size_t *scratch = NULL, *ostart = NULL, n = rf->n, i, ng = 0, nf = 0;
	size_t at = 0;
	pair *pairs = NULL;
	forder *order = NULL;
	int rc = ND_ENOMEM;

	out->facts = NULL;
	out->n_facts = 0;
	if (n == 0)
		return ND_OK;
	if (nd_strmap_init(&keys))
		return ND_ENOMEM;
	group = nd_calloc(n, sizeof(*group));
	first_of = nd_calloc(n, sizeof(*first_of));
	parent = nd_calloc(n, sizeof(*parent));
	final = nd_calloc(n, sizeof(*final));
	earliest = nd_calloc(n, sizeof(*earliest));
	scratch = nd_calloc(n, sizeof(*scratch));
	pairs = nd_calloc(n, sizeof(*pairs));
	order = nd_calloc(n, sizeof(*order));
	raw_group = nd_calloc(n, sizeof(*raw_group));
	by_group = nd_calloc(n, sizeof(*by_group));
	filled = nd_calloc(n, sizeof(*filled));
	sorted_at = nd_calloc(n, sizeof(*sorted_at));
	ostart = nd_calloc(n + 1, sizeof(*ostart));
	if (!group || !first_of || !parent || !final || !earliest ||
	    !scratch || !pairs || !order || !raw_group || !by_group ||
	    !filled || !sorted_at || !ostart)
		goto done;
	for (i = 0; i < n; i++) {
		char kind = (char)('0' + rf->f[i].kind);
		uint32_t id;

		nd_buf_clear(&key);
		if (nd_buf_putc(&key, kind) ||
		    nd_buf_put(&key, value_of(rf, i), rf->f[i].vlen) ||
		    nd_strmap_put(&keys, key.ptr, key.len, (uint32_t)ng, &id))
			goto done;
		if (id == ng) {
			first_of[ng] = (uint32_t)i;
			parent[ng] = (uint32_t)ng;
			ng++;
		}
		group[i] = id;
	}
	if (join_partial_dates(rf, parent, first_of, ng))
		goto done;
	/* Final numbering in order of each group's first occurrence. */
	for (i = 0; i < ng; i++)
		final[i] = ND_FX_NONE;
	for (i = 0; i < n; i++) {
		uint32_t g = parent[group[i]];

		if (final[g] == ND_FX_NONE) {
			final[g] = (uint32_t)nf;
			earliest[nf] = (uint32_t)i;
			nf++;
		}
		pairs[i].group = final[g];
		pairs[i].article = (uint32_t)st->members[rf->f[i].doc];
		raw_group[i] = final[g];
		ostart[final[g] + 1]++;
	}
	/* Each group's occurrences, bucketed in story order. */
	for (i = 0; i < nf; i++)
		ostart[i + 1] += ostart[i];
	for (i = 0; i < n; i++) {
		uint32_t g = raw_group[i];

		by_group[ostart[g] + filled[g]++] = (uint32_t)i;
	}
	qsort(pairs, n, sizeof(*pairs), cmp_pair);
	for (i = 0; i < ng; i++) {
		uint32_t g = parent[i];
		const nd_rawfact *f;
		const nd_doc *d;
		const nd_sentence *s;
		nd_fact *o;

		if (g != i)
			continue;
		/* The representative is the group's own first occurrence:
		 * a full date, not the partial one that joined it. */
		f = &rf->f[first_of[i]];
		d = nd_fstory_doc(st, f->doc);
		s = &d->sents[f->sent];
		o = &order[final[i]].f;
		order[final[i]].first = earliest[final[i]];
		order[final[i]].group = final[i];
		o->text = nd_arena_strndup(st->arena, d->text + f->off, f->len);
		o->about = about(st, f);
		o->kind = f->kind;
		o->value = nd_arena_strndup(st->arena,
					    value_of(rf, first_of[i]), f->vlen);
		o->context = nd_arena_strndup(st->arena, d->text + s->off,
					      s->len);
		o->doc = st->members[f->doc];
		o->off = f->off;
		o->len = f->len;
		if (!o->text || !o->value || !o->context)
			goto done;
	}
	for (i = 0; i < nf; i++) {
		nd_fact *o = &order[pairs[at].group].f;

		o->sources = sources_of(st->arena, pairs, n, &at, &o->n_sources,
					scratch);
		if (o->sources == NULL)
			goto done;
		o->independent = independent(st, o->sources, o->n_sources,
					     scratch);
	}
	for (i = 0; i < nf; i++) {
		if (fill_fact_occurrences(st, rf, &order[i].f,
					  by_group + ostart[i],
					  ostart[i + 1] - ostart[i]))
			goto done;
	}
	qsort(order, nf, sizeof(*order), cmp_fact);
	out->facts = nd_arena_calloc(st->arena, nf, sizeof(*out->facts));
	if (out->facts == NULL)
		goto done;
	for (i = 0; i < nf; i++) {
		out->facts[i] = order[i].f;
		sorted_at[order[i].group] = (uint32_t)i;
	}
	out->n_facts = nf;
	rc = nd_conflicts_find(out, st, rf, raw_group, sorted_at);
done:
	nd_strmap_dispose(&keys);
	nd_buf_dispose(&key);
	nd_free(group);
	nd_free(first_of);
	nd_free(parent);
	nd_free(final);
	nd_free(earliest);
	nd_free(scratch);
	nd_free(pairs);
	nd_free(order);
	nd_free(raw_group);
	nd_free(by_group);
	nd_free(filled);
	nd_free(sorted_at);
	nd_free(ostart);
	return rc;
}
