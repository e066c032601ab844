/* bench_dedup: speed, memory and near-copy precision/recall of the copy
 * index (nd_copyindex) on a JSONL corpus with a gold file.
 *
 *   bench_dedup [--runs N] [--threshold J] CORPUS.jsonl GOLD.tsv
 *   bench_dedup --pairs FILE [--relations A,B] CORPUS.jsonl GOLD.tsv
 *
 * The corpus (one {"id","text",...} object a line) is read and its texts
 * decoded into memory first; only nd_copyindex_add over every article,
 * in file order, is timed, RUNS times on a fresh index, median reported.
 * GOLD lines are "ID<TAB>SOURCE_ID[<TAB>KIND]", KIND near-copy (the
 * default), duplicate or rewrite. With --pairs, nothing is timed: the
 * pairs of FILE ("A<TAB>B<TAB>RELATION...", as `newsdigest dedup` prints
 * them; with --relations, only those) are scored the same way. */
#include <stdint.h>       /* uint64_t */
#include <stdio.h>        /* printf, fopen */
#include <stdlib.h>       /* strtoul, qsort */
#include <string.h>       /* strcmp, memchr */

#include "bench_time.h"
#include "core/alloc.h"
#include "core/arena.h"
#include "core/buf.h"
#include "core/error.h"
#include "core/sorted.h"
#include "ingest/json.h"
#include "newsdigest.h"

#define MAX_RUNS 99
/* Longest text decoded, as newsdigest's own cap on an article. */
#define TEXT_MAX (5u << 20)

typedef struct article {
	const char *id;  /* NUL-terminated, in the corpus's arena */
	char *text;      /* decoded */
	size_t len;
} article;

typedef struct corpus {
	nd_arena *texts; /* the decoded ids and texts */
	size_t size;     /* bytes of the file */
	article *a;
	size_t n;
	uint64_t *gold; /* pairs lo << 32 | hi, sorted */
	size_t n_gold;
	uint64_t *direct; /* the gold pairs of a copy and its source */
	size_t n_direct;
	uint64_t *group; /* any two of one chain of copies: not wrong */
	size_t n_group;
	size_t *root;      /* per article, its chain's first source */
	size_t *order;     /* articles sorted by id */
	unsigned char *derived; /* per article: named first in gold, 2 when
				   a rewrite */
	uint64_t *pred;
	size_t n_pred, cap_pred;
} corpus;

static char *slurp(const char *path, size_t *size)
{
	FILE *f = fopen(path, "rb");
	char *data = NULL;
	long n;

	if (f == NULL || fseek(f, 0, SEEK_END) != 0 || (n = ftell(f)) < 0 ||
	    fseek(f, 0, SEEK_SET) != 0 ||
	    (data = malloc((size_t)n + 1)) == NULL ||
	    fread(data, 1, (size_t)n, f) != (size_t)n) {
		fprintf(stderr, "bench_dedup: cannot read %s\n", path);
		exit(2);
	}
	fclose(f);
	data[n] = '\0';
	*size = (size_t)n;
	return data;
}

/* The "id" and "text" members of one corpus line. */
typedef struct line_fields {
	nd_json_member id, text;
	int seen;
} line_fields;

static int see_field(void *ctx, const nd_json_member *m)
{
	line_fields *f = ctx;

	if (m->kind != ND_JSON_STRING)
		return 0;
	if (nd_json_string_is(m->key, m->key_len, "id")) {
		f->id = *m;
		f->seen |= 1;
	} else if (nd_json_string_is(m->key, m->key_len, "text")) {
		f->text = *m;
		f->seen |= 2;
	}
	return 0;
}

/* The decoded string m, NUL-terminated, in the corpus's arena. */
static char *decoded(corpus *c, nd_buf *scratch, const nd_json_member *m,
		     size_t *len)
{
	char *out;

	nd_buf_clear(scratch);
	if (nd_json_unescape(scratch, m->value, m->value_len) != ND_OK)
		return NULL;
	out = nd_arena_strndup(c->texts, scratch->ptr ? scratch->ptr : "",
			       scratch->len);
	if (out == NULL)
		exit(2);
	*len = scratch->len;
	return out;
}

/* Reads the corpus a line at a time: only the decoded ids and texts stay
 * in memory. Lines without both are passed over. */
static void load_corpus(corpus *c, const char *path)
{
	nd_buf scratch = ND_BUF_INIT(TEXT_MAX);
	FILE *f = fopen(path, "r");
	char *line = NULL;
	size_t cap = 0, acap = 0, len;
	ssize_t n;

	if (f == NULL || nd_arena_create(&c->texts) != ND_OK) {
		fprintf(stderr, "bench_dedup: cannot read %s\n", path);
		exit(2);
	}
	while ((n = getline(&line, &cap, f)) > 0) {
		line_fields lf = { 0 };
		article a;
		nd_err err;

		c->size += (size_t)n;
		while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r'))
			n--;
		if (nd_json_parse_object(&err, line, (size_t)n, see_field,
					 &lf) != ND_OK ||
		    lf.seen != 3 ||
		    (a.text = decoded(c, &scratch, &lf.text, &a.len)) ==
			    NULL ||
		    (a.id = decoded(c, &scratch, &lf.id, &len)) == NULL)
			continue;
		if (ND_ARRAY_PUSH(c->a, c->n, acap, a))
			exit(2);
	}
	free(line);
	fclose(f);
	nd_buf_dispose(&scratch);
}

static corpus *sort_ctx;

static int by_id(const void *a, const void *b)
{
	return strcmp(sort_ctx->a[*(const size_t *)a].id,
		      sort_ctx->a[*(const size_t *)b].id);
}

static uint64_t pair(size_t i, size_t j)
{
	return i < j ? (uint64_t)i << 32 | j : (uint64_t)j << 32 | i;
}

/* Appends x to the growing array *v; out of memory ends the bench. */
static void push(uint64_t **v, size_t *n, size_t *cap, uint64_t x)
{
	if (ND_ARRAY_PUSH(*v, *n, *cap, x))
		exit(2);
}

/* The slot of order (articles sorted by id) holding id, or NULL. */
static size_t *find_id(const corpus *c, size_t *order, const char *id)
{
	size_t lo = 0, hi = c->n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int d = strcmp(c->a[order[mid]].id, id);

		if (d == 0)
			return &order[mid];
		if (d < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

static size_t find_root(size_t *parent, size_t x)
{
	while (parent[x] != x)
		x = parent[x] = parent[parent[x]];
	return x;
}

/* Appends to *v every pair of members of each run of equal keys in
 * kv (key << 32 | member, sorted). */
static void pairs_of_runs(uint64_t **v, size_t *n, size_t *cap,
			  const uint64_t *kv, size_t m)
{
	size_t i, j, a, b;

	for (i = 0; i < m; i = j) {
		for (j = i; j < m && kv[j] >> 32 == kv[i] >> 32; j++)
			;
		for (a = i; a < j; a++)
			for (b = a + 1; b < j; b++)
				push(v, n, cap, pair((uint32_t)kv[a],
						     (uint32_t)kv[b]));
	}
}

/* Gold pairs: each near-copy or duplicate with its source (direct), and
 * copies of one source with each other. A reported pair is right when
 * its two articles are joined by any chain of such links (a copy of a
 * copy and the first source, say). */
static void load_gold(corpus *c, const char *path)
{
	size_t *order = malloc((c->n ? c->n : 1) * sizeof(size_t));
	size_t *parent = malloc((c->n ? c->n : 1) * sizeof(size_t));
	uint64_t *kv = NULL; /* source or root << 32 | member */
	size_t n_kv = 0, cap_kv = 0, cap = 0, cap_direct = 0, cap_group = 0;
	size_t i, size;
	char *data = slurp(path, &size), *line, *next;

	c->derived = calloc(c->n ? c->n : 1, 1);
	if (order == NULL || parent == NULL || c->derived == NULL)
		exit(2);
	for (i = 0; i < c->n; i++)
		order[i] = parent[i] = i;
	sort_ctx = c;
	qsort(order, c->n, sizeof(size_t), by_id);
	for (line = data; *line; line = next) {
		char *f[3] = { line, NULL, NULL };
		size_t *hit[2];
		int k;

		next = strchr(line, '\n');
		next = next ? (*next = '\0', next + 1) : line + strlen(line);
		for (k = 1; k < 3; k++) {
			f[k] = f[k - 1] ? strchr(f[k - 1], '\t') : NULL;
			if (f[k])
				*f[k]++ = '\0';
		}
		if (f[1] == NULL)
			continue;
		if (f[2] == NULL)
			f[2] = "near-copy";
		for (k = 0; k < 2; k++)
			hit[k] = find_id(c, order, f[k]);
		if (hit[0] != NULL)
			c->derived[*hit[0]] = strncmp(f[2], "rewrite", 7) ? 1 : 2;
		if (hit[0] == NULL || hit[1] == NULL ||
		    (strncmp(f[2], "near-copy", 9) &&
		     strncmp(f[2], "duplicate", 9)))
			continue;
		push(&c->direct, &c->n_direct, &cap_direct,
		     pair(*hit[0], *hit[1]));
		push(&kv, &n_kv, &cap_kv, (uint64_t)*hit[1] << 32 | *hit[0]);
		parent[find_root(parent, *hit[0])] = find_root(parent, *hit[1]);
	}
	c->gold = NULL;
	for (i = 0; i < c->n_direct; i++)
		push(&c->gold, &c->n_gold, &cap, c->direct[i]);
	nd_sort_u64(kv, n_kv);
	pairs_of_runs(&c->gold, &c->n_gold, &cap, kv, n_kv);
	n_kv = 0;
	for (i = 0; i < c->n; i++)
		push(&kv, &n_kv, &cap_kv,
		     (uint64_t)find_root(parent, i) << 32 | i);
	nd_sort_u64(kv, n_kv);
	pairs_of_runs(&c->group, &c->n_group, &cap_group, kv, n_kv);
	c->n_gold = nd_sort_unique_u64(c->gold, c->n_gold);
	c->n_direct = nd_sort_unique_u64(c->direct, c->n_direct);
	c->n_group = nd_sort_unique_u64(c->group, c->n_group);
	nd_free(kv);
	for (i = 0; i < c->n; i++)
		parent[i] = find_root(parent, i);
	c->root = parent;
	c->order = order;
	free(data);
}

/* A wrong pair between the copy groups of two base articles: with real
 * base articles, these may be copies of each other already (a wire story
 * and its update), which gold does not know. */
static int between_bases(const corpus *c, uint64_t p)
{
	size_t a = c->root[p >> 32], b = c->root[(uint32_t)p];

	return !c->derived[a] && !c->derived[b];
}

static int has(const uint64_t *v, size_t n, uint64_t x)
{
	size_t at = nd_sorted_lower_u64(v, n, x);

	return at < n && v[at] == x;
}

static double ratio(size_t a, size_t b)
{
	return b ? (double)a / (double)b : 1.0;
}

/* Adds every article to a fresh index; returns the milliseconds taken
 * and *cpu the CPU milliseconds. With keep, the predicted pairs are
 * collected. */
static double run_once(corpus *c, int keep, nd_copyindex_stats *st,
		       double threshold, double *cpu)
{
	nd_copyindex_options o = ND_COPYINDEX_OPTIONS_INIT;
	nd_copyindex *ix = NULL;
	size_t i, k, cap = 0;
	double t0, t1, c0;

	o.threshold = threshold;
	if (nd_copyindex_create(&ix, &o) != ND_OK)
		exit(2);
	if (keep)
		c->n_pred = 0;
	t0 = bench_now_ms();
	c0 = bench_cpu_ms();
	for (i = 0; i < c->n; i++) {
		nd_copy_article a = { i, NULL, 0, c->a[i].text, c->a[i].len };
		const nd_copy_match *m;
		size_t n;

		if (nd_copyindex_add(&m, &n, ix, &a) != ND_OK) {
			fprintf(stderr, "bench_dedup: %s\n",
				nd_copyindex_error(ix));
			exit(2);
		}
		if (keep)
			for (k = 0; k < n; k++)
				push(&c->pred, &c->n_pred, &cap,
				     pair((size_t)m[k].id, i));
	}
	t1 = bench_now_ms();
	*cpu = bench_cpu_ms() - c0;
	nd_copyindex_stats_get(st, ix);
	nd_copyindex_free(ix);
	return t1 - t0;
}

/* Whether word is one of the comma-separated list. */
static int in_list(const char *list, const char *word)
{
	size_t n = strlen(word);

	while (*list) {
		size_t k = strcspn(list, ",");

		if (k == n && strncmp(list, word, n) == 0)
			return 1;
		list += k + (list[k] == ',');
	}
	return 0;
}

/* Reads the pairs of a dedup TSV into c->pred; rels (NULL: all) is a
 * comma-separated list of the relations to keep. */
static void load_pairs(corpus *c, const char *path, const char *rels)
{
	size_t size, cap = 0;
	char *data = slurp(path, &size), *line, *next;

	for (line = data; *line; line = next) {
		char *a = line, *b, *rel, *end;
		size_t *x, *y;

		next = strchr(line, '\n');
		next = next ? (*next = '\0', next + 1) : line + strlen(line);
		if ((b = strchr(a, '\t')) == NULL)
			continue;
		*b++ = '\0';
		if ((rel = strchr(b, '\t')) == NULL)
			continue;
		*rel++ = '\0';
		if ((end = strchr(rel, '\t')) != NULL)
			*end = '\0';
		if (rels != NULL && !in_list(rels, rel))
			continue;
		x = find_id(c, c->order, a);
		y = find_id(c, c->order, b);
		if (x != NULL && y != NULL && *x != *y)
			push(&c->pred, &c->n_pred, &cap, pair(*x, *y));
	}
	free(data);
}

/* Precision and recall of c->pred against gold. */
static void score(corpus *c)
{
	size_t i, tp = 0, tp_direct = 0, right = 0, bases = 0, rewrites = 0;
	size_t n_pred = c->n_pred = nd_sort_unique_u64(c->pred, c->n_pred);

	for (i = 0; i < n_pred; i++) {
		int ok = has(c->group, c->n_group, c->pred[i]);

		right += ok;
		rewrites += !ok && (c->derived[c->pred[i] >> 32] == 2 ||
				    c->derived[(uint32_t)c->pred[i]] == 2);
		bases += !ok && between_bases(c, c->pred[i]);
		tp += has(c->gold, c->n_gold, c->pred[i]);
		tp_direct += has(c->direct, c->n_direct, c->pred[i]);
	}
	printf("found %zu pairs, %zu right: precision %.4f\n", n_pred, right,
	       ratio(right, n_pred));
	printf("  wrong: %zu with a spun rewrite (not a copy), %zu between "
	       "two base articles' groups (real bases may be copies already: "
	       "precision without these %.4f), %zu other\n", rewrites, bases,
	       ratio(right, n_pred - bases), n_pred - right - rewrites - bases);
	printf("recall: copy-source %.4f (%zu of %zu)  copy-source and "
	       "copies of one source %.4f (%zu of %zu)\n",
	       ratio(tp_direct, c->n_direct), tp_direct, c->n_direct,
	       ratio(tp, c->n_gold), tp, c->n_gold);
}

int main(int argc, char **argv)
{
	corpus c = { 0 };
	double ms[MAX_RUNS], cpu[MAX_RUNS];
	nd_copyindex_stats st;
	size_t runs = 3, i;
	double threshold = 0;
	const char *pairs = NULL, *rels = NULL;
	int arg = 1;

	while (arg + 1 < argc && argv[arg][0] == '-') {
		if (strcmp(argv[arg], "--runs") == 0)
			runs = strtoul(argv[arg + 1], NULL, 10);
		else if (strcmp(argv[arg], "--threshold") == 0)
			threshold = strtod(argv[arg + 1], NULL);
		else if (strcmp(argv[arg], "--pairs") == 0)
			pairs = argv[arg + 1];
		else if (strcmp(argv[arg], "--relations") == 0)
			rels = argv[arg + 1];
		else
			break;
		arg += 2;
	}
	if (argc - arg != 2 || runs < 1 || runs > MAX_RUNS) {
		fprintf(stderr, "usage: bench_dedup [--runs N] [--threshold J] "
				"[--pairs FILE [--relations A,B]] "
				"CORPUS.jsonl GOLD.tsv\n");
		return 2;
	}
	load_corpus(&c, argv[arg]);
	load_gold(&c, argv[arg + 1]);
	if (pairs != NULL) {
		load_pairs(&c, pairs, rels);
		printf("articles %zu  pairs of %s%s%s\n", c.n, pairs,
		       rels ? ", relations " : "", rels ? rels : "");
		score(&c);
		goto done;
	}
	ms[0] = run_once(&c, 1, &st, threshold, &cpu[0]);
	for (i = 1; i < runs; i++)
		ms[i] = run_once(&c, 0, &st, threshold, &cpu[i]);
	printf("articles %zu  input %.1f MB  runs %zu (add only, median)  "
	       "threshold %.2f\n", c.n, (double)c.size / 1e6, runs,
	       st.threshold);
	printf("wall %.0f ms = %.0f articles/s; cpu %.0f ms = %.0f articles "
	       "per CPU-second\n", bench_median(ms, runs),
	       (double)c.n / bench_median(ms, runs) * 1e3,
	       bench_median(cpu, runs),
	       (double)c.n / bench_median(cpu, runs) * 1e3);
	printf("index %.1f B/article (%zu bytes)  peak RSS %.1f MB (with "
	       "the corpus)\n",
	       (double)st.index_bytes / (double)(st.live ? st.live : 1),
	       st.index_bytes, (double)bench_peak_rss_kb() / 1024);
	score(&c);
done:
	nd_free(c.gold);
	nd_free(c.direct);
	nd_free(c.group);
	free(c.root);
	free(c.order);
	free(c.derived);
	nd_free(c.pred);
	nd_free(c.a);
	nd_arena_free(c.texts);
	return 0;
}
