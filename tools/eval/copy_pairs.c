/* Pair scoring of near-copy detection; see copy_pairs.h. */
#include "copy_pairs.h"

#include <stdbool.h> /* bool */
#include <stdint.h>  /* uint32_t, uint64_t */
#include <string.h>  /* memchr, memcmp */

#include "core/alloc.h"
#include "core/hashmap.h"
#include "core/sorted.h"
#include "core/unionfind.h"
#include "newsdigest.h"

/* Kinds of edges, gold and predicted. */
enum { EDGE_COPY, EDGE_REWRITE };

typedef struct edge {
	uint32_t a, b;
	int kind;
} edge;

typedef struct edges {
	edge *v;
	size_t n, cap;
} edges;

struct nd_copy_eval {
	nd_strmap ids; /* id -> article number */
	size_t n;      /* articles */
	edges gold, pred;
	uint32_t *ignored;
	size_t n_ignored, cap_ignored;
};

int nd_copy_eval_create(nd_copy_eval **out)
{
	nd_copy_eval *e = nd_calloc(1, sizeof(*e));

	*out = NULL;
	if (e == NULL)
		return ND_ENOMEM;
	if (nd_strmap_init(&e->ids) < 0) {
		nd_free(e);
		return ND_ENOMEM;
	}
	*out = e;
	return 0;
}

void nd_copy_eval_free(nd_copy_eval *e)
{
	if (e == NULL)
		return;
	nd_strmap_dispose(&e->ids);
	nd_free(e->gold.v);
	nd_free(e->pred.v);
	nd_free(e->ignored);
	nd_free(e);
}

/* The number of the article called s[0..n), a new one if unseen. */
static int article_number(uint32_t *out, nd_copy_eval *e, const char *s,
			  size_t n)
{
	int rc = nd_strmap_put(&e->ids, s, n, (uint32_t)e->n, out);

	if (rc == 0 && *out == e->n)
		e->n++;
	return rc;
}

/* Splits a line at tabs into at most max fields, the newline dropped;
 * returns how many. */
static size_t fields(const char **f, size_t *len, size_t max,
		     const char *line, size_t n)
{
	size_t k = 0;

	while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r'))
		n--;
	while (k < max) {
		const char *tab = memchr(line, '\t', n);
		size_t m = tab ? (size_t)(tab - line) : n;

		f[k] = line;
		len[k++] = m;
		if (tab == NULL)
			break;
		line += m + 1;
		n -= m + 1;
	}
	return k;
}

static bool field_is(const char *f, size_t n, const char *word)
{
	return strlen(word) == n && memcmp(f, word, n) == 0;
}

/* Adds the edge between the articles named by f[0] and f[1]. */
static int add_edge(nd_copy_eval *e, edges *to, const char **f,
		    const size_t *len, int kind)
{
	uint32_t a, b;
	int rc;

	if (len[0] == 0 || len[1] == 0)
		return ND_EFORMAT;
	rc = article_number(&a, e, f[0], len[0]);
	if (rc == 0)
		rc = article_number(&b, e, f[1], len[1]);
	if (rc == 0 && nd_array_reserve((void **)&to->v, &to->cap, to->n + 1,
					sizeof(*to->v)) < 0)
		rc = ND_ENOMEM;
	if (rc == 0)
		to->v[to->n++] = (edge){ a, b, kind };
	return rc;
}

/* Adds a line of exactly 3 fields (gold) or of 3 or more (predicted)
 * whose third names a copy (copy[0] or copy[1]) or a rewrite; a predicted
 * "partial" (a passage repeated) is neither, and is passed over. */
static int add_line(nd_copy_eval *e, edges *to, const char *line,
		    size_t len, bool exact, const char *const *copy,
		    const char *rewrite)
{
	const char *f[4];
	size_t n[4], k = fields(f, n, 4, line, len);

	if (k < 3 || (exact && k > 3))
		return ND_EFORMAT;
	if (field_is(f[2], n[2], copy[0]) || field_is(f[2], n[2], copy[1]))
		return add_edge(e, to, f, n, EDGE_COPY);
	if (field_is(f[2], n[2], rewrite))
		return add_edge(e, to, f, n, EDGE_REWRITE);
	if (!exact && field_is(f[2], n[2], "partial"))
		return ND_OK;
	return ND_EFORMAT;
}

int nd_copy_eval_add_gold(nd_copy_eval *e, const char *line, size_t len)
{
	static const char *const copy[] = { "near-copy", "duplicate" };

	return add_line(e, &e->gold, line, len, true, copy, "rewrite");
}

int nd_copy_eval_add_predicted(nd_copy_eval *e, const char *line,
			       size_t len)
{
	static const char *const copy[] = { "near-duplicate", "duplicate" };

	return add_line(e, &e->pred, line, len, false, copy, "rewrite-of");
}

int nd_copy_eval_ignore(nd_copy_eval *e, const char *id, size_t len)
{
	uint32_t a;
	int rc = article_number(&a, e, id, len);

	if (rc == 0 && nd_array_reserve((void **)&e->ignored, &e->cap_ignored,
					e->n_ignored + 1,
					sizeof(*e->ignored)) < 0)
		rc = ND_ENOMEM;
	if (rc == 0)
		e->ignored[e->n_ignored++] = a;
	return rc;
}

/* What scoring works on: three partitions of the articles. */
typedef struct sets {
	uint32_t *copy;   /* gold copy groups */
	uint32_t *family; /* gold families, all relations */
	uint32_t *pred;   /* predicted copy components */
	bool *out;        /* left out of the scoring */
} sets;

static void unite(uint32_t *parent, const edges *es, int kind)
{
	size_t i;

	for (i = 0; i < es->n; i++)
		if (kind < 0 || es->v[i].kind == kind)
			nd_uf_union(parent, es->v[i].a, es->v[i].b);
}

static int sets_build(sets *s, const nd_copy_eval *e)
{
	size_t i;

	s->copy = nd_calloc(e->n + 1, sizeof(*s->copy));
	s->family = nd_calloc(e->n + 1, sizeof(*s->family));
	s->pred = nd_calloc(e->n + 1, sizeof(*s->pred));
	s->out = nd_calloc(e->n + 1, sizeof(*s->out));
	if (!s->copy || !s->family || !s->pred || !s->out)
		return ND_ENOMEM;
	nd_uf_init(s->copy, e->n);
	nd_uf_init(s->family, e->n);
	nd_uf_init(s->pred, e->n);
	unite(s->copy, &e->gold, EDGE_COPY);
	unite(s->family, &e->gold, -1);
	unite(s->pred, &e->pred, EDGE_COPY);
	for (i = 0; i < e->n_ignored; i++)
		s->out[nd_uf_find(s->family, e->ignored[i])] = true;
	for (i = 0; i < e->n; i++)
		s->out[i] = s->out[nd_uf_find(s->family, (uint32_t)i)];
	return 0;
}

static void sets_dispose(sets *s)
{
	nd_free(s->copy);
	nd_free(s->family);
	nd_free(s->pred);
	nd_free(s->out);
}

static size_t pairs_of(size_t n)
{
	return n * (n - 1) / 2;
}

/* Pairs within the runs of equal keys of a sorted array. */
static size_t run_pairs(const uint64_t *k, size_t n)
{
	size_t pairs = 0, i = 0;

	while (i < n) {
		size_t j = i + 1;

		while (j < n && k[j] == k[i])
			j++;
		pairs += pairs_of(j - i);
		i = j;
	}
	return pairs;
}

/* Gold, predicted and found pairs: each article keyed by its group, its
 * component, and both; the pairs are those within equal keys. */
static int score_pairs(nd_copy_scores *out, const nd_copy_eval *e,
		       const sets *s)
{
	uint64_t *k = nd_calloc(e->n + 1, sizeof(*k));
	size_t i, m, w;

	if (k == NULL)
		return ND_ENOMEM;
	for (w = 0; w < 3; w++) {
		for (i = 0, m = 0; i < e->n; i++) {
			uint64_t g = nd_uf_find(s->copy, (uint32_t)i);
			uint64_t p = nd_uf_find(s->pred, (uint32_t)i);

			if (!s->out[i])
				k[m++] = w == 0 ? g : w == 1 ? p : g << 32 | p;
		}
		nd_sort_u64(k, m);
		*(w == 0 ? &out->gold_pairs : w == 1 ? &out->pred_pairs :
			   &out->found_pairs) = run_pairs(k, m);
	}
	nd_free(k);
	return 0;
}

/* Rewrite recall and precision; see copy_pairs.h. */
static int score_rewrites(nd_copy_scores *out, const nd_copy_eval *e,
			  const sets *s)
{
	uint64_t *k = nd_calloc(2 * e->pred.n + 1, sizeof(*k));
	size_t i, at, m = 0;

	if (k == NULL)
		return ND_ENOMEM;
	for (i = 0; i < e->pred.n; i++) {
		const edge *d = &e->pred.v[i];
		uint64_t a = d->a, b = d->b;

		if (d->kind != EDGE_REWRITE || s->out[d->a])
			continue;
		out->rewrite_edges++;
		out->rewrite_edges_right += nd_uf_find(s->family, d->a) ==
					    nd_uf_find(s->family, d->b);
		k[m++] = a << 32 | nd_uf_find(s->copy, d->b);
		k[m++] = b << 32 | nd_uf_find(s->copy, d->a);
	}
	m = nd_sort_unique_u64(k, m);
	for (i = 0; i < e->gold.n; i++) {
		const edge *d = &e->gold.v[i];
		uint64_t want = (uint64_t)d->a << 32 |
				nd_uf_find(s->copy, d->b);

		if (d->kind != EDGE_REWRITE || s->out[d->a])
			continue;
		out->rewrites++;
		at = nd_sorted_lower_u64(k, m, want);
		out->rewrites_found += at < m && k[at] == want;
		out->rewrites_as_copies += nd_uf_find(s->pred, d->a) ==
					   nd_uf_find(s->pred, d->b);
	}
	nd_free(k);
	return 0;
}

static double ratio(size_t num, size_t den)
{
	return den == 0 ? 1.0 : (double)num / (double)den;
}

int nd_copy_eval_score(nd_copy_scores *out, nd_copy_eval *e)
{
	sets s = { 0 };
	size_t i;
	int rc;

	memset(out, 0, sizeof(*out));
	rc = sets_build(&s, e);
	if (rc == 0)
		rc = score_pairs(out, e, &s);
	if (rc == 0)
		rc = score_rewrites(out, e, &s);
	if (rc == 0) {
		out->articles = e->n;
		for (i = 0; i < e->n; i++)
			out->ignored += s.out[i];
		out->precision = ratio(out->found_pairs, out->pred_pairs);
		out->recall = ratio(out->found_pairs, out->gold_pairs);
		out->f1 = out->precision + out->recall > 0 ?
			2 * out->precision * out->recall /
				(out->precision + out->recall) : 0;
		out->rewrite_recall = ratio(out->rewrites_found,
					    out->rewrites);
		out->rewrite_precision = ratio(out->rewrite_edges_right,
					       out->rewrite_edges);
	}
	sets_dispose(&s);
	return rc;
}
