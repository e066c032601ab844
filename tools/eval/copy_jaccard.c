/* copy_jaccard: how alike the article pairs of a gencorpus corpus are, as
 * the Jaccard of their 5-word shingle sets, to set the near-copy threshold
 * and to check the real base articles before they are used as non-copies.
 *
 *   copy_jaccard [--known J] [--known-out FILE] [--clusters FILE] CORPUS
 *                GOLD
 *
 * CORPUS is gencorpus's corpus.jsonl, read and cleaned by the library as
 * `newsdigest dedup` reads it; GOLD its gold.tsv. The shingles are those
 * of the cleaned body (the title left out): runs of 5 words, a word being
 * a run of ASCII letters and digits (lowercased) or of non-ASCII bytes.
 * Prints the distribution (min, percentiles, max) of J for gold near-copy
 * pairs (a copy and its direct source), gold rewrite pairs, and the pairs
 * of base articles (those no gold line derives) of one cluster (the same
 * id up to its last '/', or the same group in --clusters, "ID<TAB>GROUP"
 * lines such as gencorpus's topics.tsv), which gencorpus treats as
 * non-copies; then how
 * many pairs of base articles, of any clusters, reach J 0.2, 0.35, 0.5 and
 * 0.8 (a collection may file one article in two clusters), with the ids
 * of the most alike.
 *
 * Real news collections hold copies of their own: wire write-throughs,
 * the same agency story filed twice. Scored as non-copies, they would
 * charge a detector that finds them with false positives; scored as
 * copies, they would ask it to find pairs nobody made on purpose, some
 * far below the generated ones. So the eval counts them neither way: the
 * rule, applied alike to every base pair, is that two base articles (of
 * any clusters) with J >= KNOWN (default 0.35, the lowest threshold a detector
 * of the generated copies would use, see scale-report) are "known pairs";
 * --known-out writes their ids, one a line, and score_copies --ignore
 * leaves them out with all their derived articles.
 *
 * Exit status 0, 1 when some input lines were rejected (named on stderr),
 * 2 on a usage or fatal error. */
#include <stdbool.h> /* bool */
#include <stdint.h>  /* uint64_t */
#include <stdio.h>   /* printf, fprintf */
#include <stdlib.h>  /* qsort, strtod */
#include <string.h>  /* memchr, strcmp, strlen, strrchr */

#include "core/alloc.h"
#include "core/buf.h"
#include "core/error.h"
#include "core/hash.h"
#include "core/hashmap.h"
#include "core/sorted.h"
#include "eval_input.h"
#include "newsdigest.h"

#define SHINGLE_WORDS 5
/* Most alike base pairs named, per level. */
#define EXAMPLES 8
#define NO_CLUSTER UINT32_MAX

typedef struct shingles {
	uint64_t *v;
	size_t n;
} shingles;

typedef struct pair_j {
	uint32_t a, b;
	double j;
} pair_j;

typedef struct pairs {
	pair_j *v;
	size_t n, cap;
} pairs;

typedef struct corpus {
	nd_batch *batch;
	nd_strmap ids;      /* id -> article index */
	shingles *sh;       /* per article */
	bool *derived;      /* a gold line derives it */
	uint32_t *cluster;  /* number of its cluster, or NO_CLUSTER */
	size_t n;
} corpus;

static bool is_word_byte(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	       (c >= '0' && c <= '9') || c >= 0x80;
}

/* Hash of the word p[0..n), ASCII lowercased. */
static uint64_t word_hash(const char *p, size_t n)
{
	uint64_t h = 0x243f6a8885a308d3ULL;
	size_t i;

	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)p[i];

		if (c >= 'A' && c <= 'Z')
			c += 'a' - 'A';
		h = (h ^ c) * 0x100000001b3ULL;
	}
	return nd_mix64(h);
}

/* The shingle set of a cleaned body; a body of fewer than 5 words is one
 * shingle of them all. */
static int shingle(shingles *out, const char *p, size_t n)
{
	uint64_t w[SHINGLE_WORDS] = { 0 };
	size_t i = 0, words = 0, cap = n / 2 + 2;

	out->n = 0;
	out->v = nd_calloc(cap, sizeof(*out->v));
	if (out->v == NULL)
		return ND_ENOMEM;
	while (i < n) {
		size_t j, k;
		uint64_t h = 0;

		while (i < n && !is_word_byte((unsigned char)p[i]))
			i++;
		for (j = i; j < n && is_word_byte((unsigned char)p[j]); j++)
			;
		if (j == i)
			break;
		memmove(w, w + 1, sizeof(w) - sizeof(*w));
		w[SHINGLE_WORDS - 1] = word_hash(p + i, j - i);
		i = j;
		if (++words < SHINGLE_WORDS)
			continue;
		for (k = 0; k < SHINGLE_WORDS; k++)
			h = nd_mix64(h ^ w[k]);
		out->v[out->n++] = h;
	}
	if (words > 0 && words < SHINGLE_WORDS)
		out->v[out->n++] = nd_mix64(w[0] ^ w[SHINGLE_WORDS - 1]);
	out->n = nd_sort_unique_u64(out->v, out->n);
	return 0;
}

static double jaccard(const shingles *a, const shingles *b)
{
	size_t common = nd_sorted_common_u64(a->v, a->n, b->v, b->n);
	size_t all = a->n + b->n - common;

	return all == 0 ? 0 : (double)common / (double)all;
}

/* Reads and cleans the corpus; shingles each body. */
static int corpus_load(corpus *c, const char *path, size_t *rejected)
{
	int rc = nd_batch_create(&c->batch, NULL);
	size_t i;

	if (rc == 0 && nd_strmap_init(&c->ids) < 0)
		rc = ND_ENOMEM;
	if (rc == 0)
		rc = nd_batch_add_path(c->batch, path);
	if (rc != ND_ENOMEM && rc != ND_EINVAL && c->batch)
		rc = nd_batch_run(c->batch, ND_STAGE_CLEAN);
	for (i = 0; c->batch && i < nd_batch_rejected_count(c->batch); i++) {
		const char *where, *why;

		nd_batch_rejected(&where, &why, c->batch, i);
		fprintf(stderr, "copy_jaccard: %s: %s\n", where, why);
		(*rejected)++;
	}
	if (rc == ND_EPARTIAL || rc == ND_EEMPTY || rc == ND_EUTF8 ||
	    rc == ND_EFORMAT || rc == ND_EBINARY || rc == ND_ETOOBIG)
		rc = 0;
	if (rc != 0)
		return rc;
	c->n = nd_batch_article_count(c->batch);
	c->sh = nd_calloc(c->n + 1, sizeof(*c->sh));
	c->derived = nd_calloc(c->n + 1, sizeof(*c->derived));
	c->cluster = nd_calloc(c->n + 1, sizeof(*c->cluster));
	if (c->sh == NULL || c->derived == NULL || c->cluster == NULL)
		return ND_ENOMEM;
	for (i = 0; i < c->n && rc == 0; i++) {
		nd_article_info a;
		const char *body;

		nd_batch_article(&a, c->batch, i);
		body = strstr(a.text, "\n\n");
		body = body ? body + 2 : a.text;
		rc = nd_strmap_put(&c->ids, a.id, strlen(a.id), (uint32_t)i,
				   NULL);
		if (rc == 0)
			rc = shingle(&c->sh[i], body,
				     a.text_len - (size_t)(body - a.text));
	}
	return rc;
}

static void corpus_dispose(corpus *c)
{
	size_t i;

	for (i = 0; c->sh && i < c->n; i++)
		nd_free(c->sh[i].v);
	nd_free(c->sh);
	nd_free(c->derived);
	nd_free(c->cluster);
	nd_strmap_dispose(&c->ids);
	nd_batch_free(c->batch);
}

static int pairs_add(pairs *ps, uint32_t a, uint32_t b, double j)
{
	if (nd_array_reserve((void **)&ps->v, &ps->cap, ps->n + 1,
			     sizeof(*ps->v)) < 0)
		return ND_ENOMEM;
	ps->v[ps->n++] = (pair_j){ a, b, j };
	return 0;
}

/* Most alike first. */
static int by_j_down(const void *x, const void *y)
{
	double a = ((const pair_j *)x)->j, b = ((const pair_j *)y)->j;

	return (a < b) - (a > b);
}

/* The gold pairs of kind: each derived article with its direct source.
 * Marks every derived article. Lines naming articles not in the corpus
 * are counted in *missing. */
static int gold_pairs(pairs *out, corpus *c, const nd_buf *gold,
		      const char *kind, size_t *missing)
{
	size_t at = 0;
	int rc = 0;

	while (at < gold->len && rc == 0) {
		const char *p = gold->ptr + at, *t1, *t2;
		const char *nl = memchr(p, '\n', gold->len - at);
		size_t n = nl ? (size_t)(nl - p) : gold->len - at;
		uint32_t a, b;

		at += n + 1;
		t1 = memchr(p, '\t', n);
		t2 = t1 ? memchr(t1 + 1, '\t', n - (size_t)(t1 + 1 - p)) :
			  NULL;
		if (t2 == NULL ||
		    !nd_strmap_get(&c->ids, p, (size_t)(t1 - p), &a) ||
		    !nd_strmap_get(&c->ids, t1 + 1, (size_t)(t2 - t1 - 1),
				   &b)) {
			(*missing)++;
			continue;
		}
		c->derived[a] = true;
		if ((size_t)(p + n - t2 - 1) == strlen(kind) &&
		    memcmp(t2 + 1, kind, strlen(kind)) == 0)
			rc = pairs_add(out, a, b,
				       jaccard(&c->sh[a], &c->sh[b]));
	}
	return rc;
}

/* Numbers each article's cluster: the id up to its last '/', or from
 * clusters ("ID<TAB>CLUSTER" lines) when given; NO_CLUSTER for none. */
static int number_clusters(corpus *c, const nd_buf *clusters)
{
	nd_strmap names;
	size_t i, at = 0;
	int rc = nd_strmap_init(&names);

	for (i = 0; i < c->n; i++)
		c->cluster[i] = NO_CLUSTER;
	for (i = 0; i < c->n && rc == 0 && clusters == NULL; i++) {
		nd_article_info a;
		const char *slash;

		nd_batch_article(&a, c->batch, i);
		slash = strrchr(a.id, '/');
		if (slash)
			rc = nd_strmap_put(&names, a.id, (size_t)(slash - a.id),
					   (uint32_t)names.count,
					   &c->cluster[i]);
	}
	while (rc == 0 && clusters && at < clusters->len) {
		const char *p = clusters->ptr + at, *tab;
		const char *nl = memchr(p, '\n', clusters->len - at);
		size_t n = nl ? (size_t)(nl - p) : clusters->len - at;
		uint32_t k;

		at += n + 1;
		tab = memchr(p, '\t', n);
		if (tab && nd_strmap_get(&c->ids, p, (size_t)(tab - p), &k))
			rc = nd_strmap_put(&names, tab + 1,
					   n - (size_t)(tab + 1 - p),
					   (uint32_t)names.count,
					   &c->cluster[k]);
	}
	nd_strmap_dispose(&names);
	return rc;
}

static bool same_cluster(const corpus *c, uint32_t a, uint32_t b)
{
	return c->cluster[a] != NO_CLUSTER && c->cluster[a] == c->cluster[b];
}

static const char *id_of(const corpus *c, size_t i)
{
	nd_article_info a;

	nd_batch_article(&a, c->batch, i);
	return a.id;
}

/* All pairs of base articles of one cluster. */
static int cluster_pairs(pairs *out, const corpus *c)
{
	uint64_t *v = nd_calloc(c->n + 1, sizeof(*v));
	size_t i, k, m = 0;
	int rc = v ? 0 : ND_ENOMEM;

	for (i = 0; i < c->n && rc == 0; i++)
		if (!c->derived[i] && c->cluster[i] != NO_CLUSTER)
			v[m++] = (uint64_t)c->cluster[i] << 32 | i;
	if (rc == 0)
		nd_sort_u64(v, m);
	for (i = 0; i < m && rc == 0; i++)
		for (k = i + 1; k < m && v[k] >> 32 == v[i] >> 32 && rc == 0;
		     k++)
			rc = pairs_add(out, (uint32_t)v[i], (uint32_t)v[k],
				       jaccard(&c->sh[(uint32_t)v[i]],
					       &c->sh[(uint32_t)v[k]]));
	nd_free(v);
	return rc;
}

/* Orders shingle_index's records by shingle alone: runs of one shingle
 * are all alike_pairs reads, in any order within. */
static int by_shingle(const void *x, const void *y)
{
	uint64_t a = *(const uint64_t *)x, b = *(const uint64_t *)y;

	return (a > b) - (a < b);
}

/* Keys "shingle, article" of every base article's shingles, sorted. */
static int shingle_index(uint64_t **out, size_t *n, const corpus *c)
{
	size_t i, k, m = 0, total = 0;
	uint64_t *v;

	for (i = 0; i < c->n; i++)
		total += c->derived[i] ? 0 : c->sh[i].n;
	v = nd_calloc(total + 1, 2 * sizeof(*v));
	if (v == NULL)
		return ND_ENOMEM;
	for (i = 0; i < c->n; i++)
		for (k = 0; !c->derived[i] && k < c->sh[i].n; k++) {
			v[m++] = c->sh[i].v[k];
			v[m++] = i;
		}
	qsort(v, m / 2, 2 * sizeof(*v), by_shingle);
	*out = v;
	*n = m / 2;
	return 0;
}

/* Every pair of base articles, of any cluster, that shares a shingle no
 * more than RUN_MAX articles hold (a pair alike enough to matter shares
 * many, some of them rare), with J >= floor. */
#define RUN_MAX 64
static int alike_pairs(pairs *out, const corpus *c, double floor)
{
	uint64_t *v = NULL, *cand = NULL;
	size_t n = 0, i = 0, m = 0, cap = 0, x, y;
	int rc = shingle_index(&v, &n, c);

	while (rc == 0 && i < n) {
		size_t j = i + 1;

		while (j < n && v[2 * j] == v[2 * i])
			j++;
		for (x = i; j - i <= RUN_MAX && x < j && rc == 0; x++)
			for (y = x + 1; y < j && rc == 0; y++) {
				if (nd_array_reserve((void **)&cand, &cap,
						     m + 1, sizeof(*cand)) < 0)
					rc = ND_ENOMEM;
				else
					cand[m++] = v[2 * x + 1] << 32 |
						    v[2 * y + 1];
			}
		i = j;
	}
	m = rc ? 0 : nd_sort_unique_u64(cand, m);
	for (i = 0; i < m && rc == 0; i++) {
		uint32_t a = (uint32_t)(cand[i] >> 32), b = (uint32_t)cand[i];
		double j = jaccard(&c->sh[a], &c->sh[b]);

		if (j >= floor)
			rc = pairs_add(out, a, b, j);
	}
	nd_free(v);
	nd_free(cand);
	return rc;
}

/* One line: how many, then J at min, percentiles, max. */
static void print_spread(const char *what, pairs *ps)
{
	static const double at[] = { 0.01, 0.05, 0.10, 0.25, 0.50, 0.75,
				     0.90, 0.99, 0.999 };
	size_t i;

	qsort(ps->v, ps->n, sizeof(*ps->v), by_j_down);
	printf("%s: %zu pairs\n", what, ps->n);
	if (ps->n == 0)
		return;
	printf("  min %.3f", ps->v[ps->n - 1].j);
	for (i = 0; i < sizeof(at) / sizeof(*at); i++)
		printf(" p%g %.3f", at[i] * 100,
		       ps->v[(size_t)((1 - at[i]) * (double)(ps->n - 1))].j);
	printf(" max %.3f\n", ps->v[0].j);
}

/* The base pairs at or above each level (how many of another cluster),
 * the most alike named, and the most alike below the known level. */
static void print_alike(const corpus *c, pairs *ps, double known)
{
	static const double level[] = { 0.2, 0.35, 0.5, 0.8 };
	size_t l, i, n, across;

	qsort(ps->v, ps->n, sizeof(*ps->v), by_j_down);
	for (l = 0; l < sizeof(level) / sizeof(*level); l++) {
		for (n = 0, across = 0; n < ps->n && ps->v[n].j >= level[l];
		     n++)
			across += !same_cluster(c, ps->v[n].a, ps->v[n].b);
		printf("base pairs with J >= %.2f: %zu (%zu of them across "
		       "clusters)\n", level[l], n, across);
	}
	for (i = 0; i < ps->n && i < EXAMPLES && ps->v[i].j >= level[0]; i++)
		printf("  %.3f %s %s\n", ps->v[i].j, id_of(c, ps->v[i].a),
		       id_of(c, ps->v[i].b));
	printf("the most alike below %.2f:\n", known);
	for (i = 0; i < ps->n && ps->v[i].j >= known; i++)
		;
	for (n = i + EXAMPLES / 2; i < ps->n && i < n; i++)
		printf("  %.3f %s %s\n", ps->v[i].j, id_of(c, ps->v[i].a),
		       id_of(c, ps->v[i].b));
}

/* Writes the ids of base pairs with J >= known, each once. */
static int write_known(const corpus *c, const pairs *ps, double known,
		       const char *path, size_t *count)
{
	bool *seen = nd_calloc(c->n + 1, sizeof(*seen));
	FILE *f = fopen(path, "w");
	size_t i, k;
	int rc = seen && f ? 0 : ND_EIO;

	for (i = 0; i < ps->n && rc == 0 && ps->v[i].j >= known; i++) {
		uint32_t ab[2] = { ps->v[i].a, ps->v[i].b };

		for (k = 0; k < 2; k++) {
			if (seen[ab[k]])
				continue;
			seen[ab[k]] = true;
			(*count)++;
			if (fprintf(f, "%s\n", id_of(c, ab[k])) < 0)
				rc = ND_EIO;
		}
	}
	if (f && fclose(f) != 0)
		rc = ND_EIO;
	if (rc)
		fprintf(stderr, "copy_jaccard: %s: cannot write\n", path);
	nd_free(seen);
	return rc;
}

typedef struct args {
	double known;
	const char *known_out, *clusters, *corpus, *gold;
} args;

static bool parse_args(args *a, int argc, char **argv)
{
	int i;
	char *end;

	*a = (args){ 0.35, NULL, NULL, NULL, NULL };
	for (i = 1; i + 1 < argc && argv[i][0] == '-'; i += 2) {
		if (strcmp(argv[i], "--known-out") == 0) {
			a->known_out = argv[i + 1];
		} else if (strcmp(argv[i], "--clusters") == 0) {
			a->clusters = argv[i + 1];
		} else if (strcmp(argv[i], "--known") == 0) {
			a->known = strtod(argv[i + 1], &end);
			if (*end != '\0' || a->known <= 0 || a->known > 1)
				return false;
		} else {
			return false;
		}
	}
	if (argc - i != 2)
		return false;
	a->corpus = argv[i];
	a->gold = argv[i + 1];
	return true;
}

static int report(corpus *c, const args *a, const nd_buf *gold,
		  const nd_buf *clusters, size_t *bad)
{
	pairs copies = { 0 }, rewrites = { 0 }, base = { 0 }, alike = { 0 };
	size_t missing = 0, known = 0, skipped = 0;
	int rc = gold_pairs(&copies, c, gold, "near-copy", &missing);

	if (rc == 0)
		rc = gold_pairs(&rewrites, c, gold, "rewrite", &missing);
	if (rc == 0)
		rc = number_clusters(c, a->clusters ? clusters : NULL);
	if (rc == 0)
		rc = cluster_pairs(&base, c);
	if (rc == 0)
		rc = alike_pairs(&alike, c, 0.2);
	if (rc == 0) {
		printf("J = |A and B| / |A or B| of 5-word shingle sets of the "
		       "cleaned bodies\n");
		print_spread("gold near-copy pairs (copy, direct source)",
			     &copies);
		print_spread("gold rewrite pairs (rewrite, source)", &rewrites);
		print_spread("same-cluster base pairs (taken as non-copies)",
			     &base);
		/* Sorted most alike first: the known pairs lead. */
		while (base.n > 0 && base.v[0].j >= a->known) {
			base.v++;
			base.n--;
			skipped++;
		}
		print_spread("  the same without the known pairs", &base);
		base.v -= skipped;
		print_alike(c, &alike, a->known);
	}
	if (rc == 0 && a->known_out)
		rc = write_known(c, &alike, a->known, a->known_out, &known);
	if (rc == 0 && a->known_out)
		printf("known pairs (J >= %.2f): %zu base articles written to "
		       "%s\n", a->known, known, a->known_out);
	if (missing > 0) {
		fprintf(stderr, "copy_jaccard: %s: %zu lines name no article "
			"of the corpus\n", a->gold, missing);
		*bad += missing;
	}
	nd_free(copies.v);
	nd_free(rewrites.v);
	nd_free(base.v);
	nd_free(alike.v);
	return rc;
}

int main(int argc, char **argv)
{
	corpus c = { 0 };
	nd_buf gold = ND_BUF_INIT(ND_EVAL_FILE_MAX);
	nd_buf clusters = ND_BUF_INIT(ND_EVAL_FILE_MAX);
	nd_err err = { 0 };
	size_t bad = 0;
	args a;
	int rc;

	if (!parse_args(&a, argc, argv)) {
		fprintf(stderr, "usage: copy_jaccard [--known J] [--known-out "
			"FILE] [--clusters FILE] CORPUS GOLD\n");
		return 2;
	}
	rc = nd_eval_read_file(&gold, &err, a.gold);
	if (rc == 0 && a.clusters)
		rc = nd_eval_read_file(&clusters, &err, a.clusters);
	if (rc < 0)
		fprintf(stderr, "copy_jaccard: %s\n", err.msg);
	if (rc == 0)
		rc = corpus_load(&c, a.corpus, &bad);
	if (rc == 0)
		rc = report(&c, &a, &gold, &clusters, &bad);
	if (rc != 0 && rc != ND_EIO && err.msg[0] == '\0')
		fprintf(stderr, "copy_jaccard: %s: %s\n", a.corpus,
			c.batch ? nd_batch_error(c.batch) : nd_strerror(rc));
	corpus_dispose(&c);
	nd_buf_dispose(&gold);
	nd_buf_dispose(&clusters);
	return rc ? 2 : bad ? 1 : 0;
}
