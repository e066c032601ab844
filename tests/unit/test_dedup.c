/* dedup: exact copies, near-copies, rewrites and their direction, on the
 * fictional articles of story_texts.h and on the seeds and examples. */
#include "test_util.h"

#include <stdio.h>  /* snprintf */
#include <stdlib.h> /* getenv */
#include <string.h>

#include "core/alloc.h"
#include "core/hash.h"
#include "corpus_fixture.h"
#include "dedup/align.h"
#include "dedup/dedup.h"
#include "dedup/lineage.h"
#include "dedup/minhash.h"
#include "dedup/pubdate.h"
#include "story_texts.h"

typedef struct fixture {
	fx_corpus f;
	nd_dedup_edge *e;
	size_t n;
} fixture;

static void setup_corpus(fixture *x)
{
	memset(x, 0, sizeof(*x));
	assert_int_equal(fx_init(&x->f), 0);
}

static void add(fixture *x, const char *id, const char *text,
		const char *published)
{
	assert_int_equal(fx_add_titled(&x->f, id, text, published), 0);
}

static void run(fixture *x, const nd_dedup_opts *opts)
{
	fx_finish(&x->f);
	assert_int_equal(nd_dedup_run(&x->e, &x->n, &x->f.c, opts,
				      x->f.arena),
			 ND_OK);
}

static void done(fixture *x)
{
	fx_free(&x->f);
}

/* Index of the edge between a and b in that direction, or -1. */
static int find_edge(const fixture *x, size_t a, size_t b)
{
	size_t i;

	for (i = 0; i < x->n; i++) {
		if (x->e[i].a == a && x->e[i].b == b)
			return (int)i;
	}
	return -1;
}

static void test_exact_duplicate(void **state)
{
	fixture x;

	(void)state;
	setup_corpus(&x);
	add(&x, "wire", wire, NULL);
	add(&x, "copy", copy, NULL);
	run(&x, NULL);
	assert_int_equal(x.n, 1);
	assert_int_equal(x.e[0].a, 0);
	assert_int_equal(x.e[0].b, 1);
	assert_int_equal(x.e[0].kind, ND_REL_DUPLICATE);
	assert_true(x.e[0].score == 1.0);
	done(&x);
}

static void test_duplicate_earlier_date_is_source(void **state)
{
	fixture x;

	(void)state;
	setup_corpus(&x);
	add(&x, "copy", copy, "2025-06-03T18:00:00Z");
	add(&x, "wire", wire, "2025-06-03T09:30:00Z");
	run(&x, NULL);
	assert_int_equal(x.n, 1);
	assert_int_equal(x.e[0].a, 1);
	assert_int_equal(x.e[0].b, 0);
	assert_int_equal(x.e[0].kind, ND_REL_DUPLICATE);
	done(&x);
}

static void test_near_duplicate(void **state)
{
	fixture x;

	(void)state;
	setup_corpus(&x);
	add(&x, "wire", wire, NULL);
	add(&x, "near", near_copy, NULL);
	run(&x, NULL);
	assert_int_equal(x.n, 1);
	assert_int_equal(x.e[0].kind, ND_REL_NEAR_DUPLICATE);
	assert_true(x.e[0].score >= 0.8 && x.e[0].score < 1.0);
	/* No dates: the longer text is taken as the more complete source. */
	assert_int_equal(x.e[0].a, 0);
	assert_int_equal(x.e[0].b, 1);
	done(&x);
}

static void test_near_threshold_option(void **state)
{
	fixture x;
	nd_dedup_opts o = { 0.99, 0, 0 };

	(void)state;
	setup_corpus(&x);
	add(&x, "wire", wire, NULL);
	add(&x, "near", near_copy, NULL);
	run(&x, &o);
	/* Over a strict Jaccard it is still a rewrite: all sentences but one
	 * align. */
	assert_int_equal(x.n, 1);
	assert_int_equal(x.e[0].kind, ND_REL_REWRITE_OF);
	done(&x);
}

static void test_truncated_copy_is_near_duplicate(void **state)
{
	fixture x;

	(void)state;
	setup_corpus(&x);
	add(&x, "short", truncated, NULL);
	add(&x, "wire", wire, NULL);
	run(&x, NULL);
	assert_int_equal(x.n, 1);
	assert_int_equal(x.e[0].kind, ND_REL_NEAR_DUPLICATE);
	/* Jaccard is low, but the short one lies inside the long one. */
	assert_true(x.e[0].score < 0.8 && x.e[0].score > 0.4);
	assert_int_equal(x.e[0].a, 1);
	assert_int_equal(x.e[0].b, 0);
	done(&x);
}

static void test_spun_rewrite(void **state)
{
	fixture x;

	(void)state;
	setup_corpus(&x);
	add(&x, "wire", wire, NULL);
	add(&x, "spun", spun, NULL);
	run(&x, NULL);
	assert_int_equal(x.n, 1);
	assert_int_equal(x.e[0].a, 0);
	assert_int_equal(x.e[0].b, 1);
	assert_int_equal(x.e[0].kind, ND_REL_REWRITE_OF);
	assert_true(x.e[0].score >= 0.8);
	done(&x);
}

static void test_rewrite_direction_by_date(void **state)
{
	fixture x;

	(void)state;
	setup_corpus(&x);
	add(&x, "spun", spun, "2025-06-04 07:00");
	add(&x, "wire", wire, "2025-06-03");
	run(&x, NULL);
	assert_int_equal(x.n, 1);
	assert_int_equal(x.e[0].a, 1);
	assert_int_equal(x.e[0].b, 0);
	assert_int_equal(x.e[0].kind, ND_REL_REWRITE_OF);
	done(&x);
}

static void test_rewrite_direction_by_rare_words(void **state)
{
	fixture x;

	(void)state;
	setup_corpus(&x);
	/* Spun first, no dates: the wire's words recur in the independent
	 * report, the spinner's synonyms nowhere, so the spun text is the
	 * copy although it comes first. */
	add(&x, "spun", spun, NULL);
	add(&x, "wire", wire, NULL);
	add(&x, "independent", independent, NULL);
	add(&x, "chess", unrelated, NULL);
	run(&x, NULL);
	assert_int_equal(x.n, 1);
	assert_int_equal(x.e[0].a, 1);
	assert_int_equal(x.e[0].b, 0);
	done(&x);
}

/* Background paragraphs repeated in a follow-up: partial reuse, the
 * wire (earlier) as its source, and the follow-up still its own origin. */
static void test_partial_reuse(void **state)
{
	fixture x;
	size_t origin[2];

	(void)state;
	setup_corpus(&x);
	add(&x, "followup", followup, "2025-09-12");
	add(&x, "wire", wire, "2025-06-03");
	run(&x, NULL);
	assert_int_equal(x.n, 1);
	assert_int_equal(x.e[0].a, 1);
	assert_int_equal(x.e[0].b, 0);
	assert_int_equal(x.e[0].kind, ND_REL_PARTIAL);
	assert_true(x.e[0].score > 0.15 && x.e[0].score < 0.8);
	assert_int_equal(nd_dedup_origins(origin, 2, x.e, x.n), ND_OK);
	assert_int_equal(origin[0], 0);
	assert_int_equal(origin[1], 1);
	done(&x);
}

/* Origins follow the strongest copy or rewrite back to an article that
 * derives from none; partial reuse is no derivation; a loop of claims is
 * cut at its lowest article. */
static void test_origins(void **state)
{
	static const nd_dedup_edge chain[] = {
		{ 1, 0, ND_REL_REWRITE_OF, 0.6 },   /* 0 rewrites 1 */
		{ 3, 0, ND_REL_NEAR_DUPLICATE, 0.7 }, /* ... but copies 3 */
		{ 2, 1, ND_REL_DUPLICATE, 1.0 },    /* 1 copies 2 */
		{ 0, 4, ND_REL_PARTIAL, 0.3 },      /* 4 only reuses 0 */
		{ 6, 5, ND_REL_REWRITE_OF, 0.9 },   /* 5 and 6 claim */
		{ 5, 6, ND_REL_REWRITE_OF, 0.8 },   /* each other */
		{ 5, 7, ND_REL_NEAR_DUPLICATE, 0.9 },
	};
	static const size_t want[] = { 3, 2, 2, 3, 4, 5, 5, 5 };
	size_t origin[8], i;

	(void)state;
	assert_int_equal(nd_dedup_origins(origin, 8, chain,
					  sizeof(chain) / sizeof(chain[0])),
			 ND_OK);
	for (i = 0; i < 8; i++)
		assert_int_equal(origin[i], want[i]);
	assert_int_equal(nd_dedup_origins(origin, 0, NULL, 0), ND_OK);
}

/* The first published of a set of articles: dates compare as instants
 * or days; undated and unreadable dates are passed over. */
static void test_earliest(void **state)
{
	static const char *const published[] = {
		"", "2025-03-14T21:40:00+01:00", "March 14",
		"2025-03-14T19:00:00Z", "2025-03-13"
	};
	static const size_t all[] = { 0, 1, 2, 3, 4 }, some[] = { 0, 3, 1 };
	static const size_t undated[] = { 0, 2 };

	(void)state;
	assert_int_equal(nd_dedup_earliest(all, 5, published), 4);
	assert_int_equal(nd_dedup_earliest(some, 3, published), 3);
	assert_int_equal(nd_dedup_earliest(undated, 2, published), ND_NONE);
	assert_int_equal(nd_dedup_earliest(all, 0, published), ND_NONE);
}

static void test_independent_and_unrelated_have_no_edges(void **state)
{
	fixture x;

	(void)state;
	setup_corpus(&x);
	add(&x, "wire", wire, NULL);
	add(&x, "independent", independent, NULL);
	add(&x, "chess", unrelated, NULL);
	run(&x, NULL);
	assert_int_equal(x.n, 0);
	assert_null(x.e);
	done(&x);
}

static void test_all_relations_sorted_and_pruned(void **state)
{
	fixture x;
	size_t i;

	(void)state;
	setup_corpus(&x);
	add(&x, "wire", wire, NULL);              /* 0 */
	add(&x, "chess", unrelated, NULL);        /* 1 */
	add(&x, "spun", spun, NULL);              /* 2 */
	add(&x, "copy", copy, NULL);              /* 3 */
	add(&x, "independent", independent, NULL); /* 4 */
	add(&x, "near", near_copy, NULL);         /* 5 */
	run(&x, NULL);
	for (i = 0; i + 1 < x.n; i++) {
		assert_true(x.e[i].b < x.e[i + 1].b ||
			    (x.e[i].b == x.e[i + 1].b &&
			     x.e[i].a < x.e[i + 1].a));
	}
	/* Each copy is tied to the wire; the copies' likeness to each other
	 * only echoes it and is dropped. */
	assert_int_equal(x.n, 3);
	assert_int_equal(x.e[find_edge(&x, 0, 2)].kind, ND_REL_REWRITE_OF);
	assert_int_equal(x.e[find_edge(&x, 0, 3)].kind, ND_REL_DUPLICATE);
	assert_int_equal(x.e[find_edge(&x, 0, 5)].kind,
			 ND_REL_NEAR_DUPLICATE);
	done(&x);
}

static void test_empty_and_tiny_corpora(void **state)
{
	fixture x;

	(void)state;
	setup_corpus(&x);
	run(&x, NULL);
	assert_int_equal(x.n, 0);
	done(&x);

	setup_corpus(&x);
	add(&x, "wire", wire, NULL);
	run(&x, NULL);
	assert_int_equal(x.n, 0);
	done(&x);

	/* Articles with no sentences, or only a title, relate to nothing,
	 * not even to each other. */
	setup_corpus(&x);
	assert_int_equal(fx_add(&x.f, "empty", "", 0, NULL), 0);
	assert_int_equal(fx_add(&x.f, "blank", "\n\n \n", 0, NULL), 0);
	add(&x, "title", "Only a title here\n", NULL);
	add(&x, "wire", wire, NULL);
	assert_int_equal(fx_add(&x.f, "short", "Tiny body.\n", 0, NULL), 0);
	assert_int_equal(fx_add(&x.f, "short2", "Tiny body.\n", 0, NULL), 0);
	run(&x, NULL);
	/* Two equal non-empty bodies are copies, however short. */
	assert_int_equal(x.n, 1);
	assert_int_equal(x.e[0].a, 4);
	assert_int_equal(x.e[0].b, 5);
	done(&x);
}

static void test_out_of_memory(void **state)
{
	unsigned long k;
	int ok = 0;

	(void)state;
	for (k = 1; k < 100000 && !ok; k++) {
		fixture x;
		int rc;

		setup_corpus(&x);
		add(&x, "wire", wire, NULL);
		add(&x, "spun", spun, NULL);
		add(&x, "copy", copy, NULL);
		add(&x, "near", near_copy, NULL);
		fx_finish(&x.f);
		nd_alloc_fail_after(k);
		rc = nd_dedup_run(&x.e, &x.n, &x.f.c, NULL, x.f.arena);
		nd_alloc_fail_after(0);
		assert_true(rc == ND_OK || rc == ND_ENOMEM);
		if (rc == ND_OK) {
			ok = 1;
			assert_int_equal(x.n, 3);
		} else {
			assert_int_equal(x.n, 0);
		}
		done(&x);
	}
	assert_true(ok);
}

static void test_dates(void **state)
{
	int cmp = 9;

	(void)state;
	assert_true(nd_pubdate_cmp(&cmp, "2025-03-14", "2025-03-15T01:00"));
	assert_true(cmp < 0);
	assert_true(nd_pubdate_cmp(&cmp, "2025-03-14T10:00:00Z",
				   "2025-03-14 09:59"));
	assert_true(cmp > 0);
	/* Same day, one without a time: as early as each other. */
	assert_true(nd_pubdate_cmp(&cmp, "2025-03-14", "2025-03-14T08:00"));
	assert_int_equal(cmp, 0);
	assert_false(nd_pubdate_cmp(&cmp, "", "2025-03-14"));
	/* Instants compare across zones; any form core/date reads will do. */
	assert_true(nd_pubdate_cmp(&cmp, "2025-03-14T10:00:00-05:00",
				   "2025-03-14T14:30:00Z"));
	assert_true(cmp > 0);
	assert_true(nd_pubdate_cmp(&cmp, "March 14, 2025", "2025-03-14"));
	assert_int_equal(cmp, 0);
	assert_false(nd_pubdate_cmp(&cmp, NULL, NULL));
	assert_false(nd_pubdate_cmp(&cmp, "Feb 28", "2025-03-14"));
}

static void test_prefix_match_in_sentence_score(void **state)
{
	fx_corpus f;
	nd_align_doc a, b, c;
	double with_prefix, without;

	(void)state;
	assert_int_equal(fx_init(&f), 0);
	assert_int_equal(fx_add(&f, "a",
				"Kordel keeps very close and historic ties "
				"with the northern provinces.\n",
				0, NULL),
			 0);
	assert_int_equal(fx_add(&f, "b",
				"Kordel keeps very shut and historical ties "
				"with the northern provinces.\n",
				0, NULL),
			 0);
	assert_int_equal(fx_add(&f, "c",
				"Kordel keeps very shut and ancestral ties "
				"with the northern provinces.\n",
				0, NULL),
			 0);
	fx_finish(&f);
	assert_int_equal(nd_align_prepare(&a, &f.docs[0], f.vocab), 0);
	assert_int_equal(nd_align_prepare(&b, &f.docs[1], f.vocab), 0);
	assert_int_equal(nd_align_prepare(&c, &f.docs[2], f.vocab), 0);
	assert_int_equal(a.n_sents, 1);
	with_prefix = nd_align_score(&a, 0, &b, 0);
	without = nd_align_score(&a, 0, &c, 0);
	assert_true(with_prefix > without + 0.05);
	assert_true(nd_align_score(&a, 0, &a, 0) > 0.999);
	nd_align_dispose(&a);
	nd_align_dispose(&b);
	nd_align_dispose(&c);
	fx_free(&f);
}

/* Positions where two signatures agree. */
static size_t agreeing(const uint64_t *x, const uint64_t *y)
{
	size_t k, n = 0;

	for (k = 0; k < ND_MINHASH_BINS; k++)
		n += x[k] == y[k];
	return n;
}

/* Bands of 4 positions where two signatures agree throughout. */
static size_t agreeing_bands(const uint64_t *x, const uint64_t *y)
{
	size_t b, n = 0;

	for (b = 0; b < ND_MINHASH_BANDS; b++)
		n += memcmp(x + b * ND_MINHASH_ROWS, y + b * ND_MINHASH_ROWS,
			    ND_MINHASH_ROWS * sizeof(x[0])) == 0;
	return n;
}

static void test_signature(void **state)
{
	static uint64_t a[1000], b[1000];
	uint64_t sa[ND_MINHASH_BINS], sb[ND_MINHASH_BINS];
	size_t i, k;

	(void)state;
	nd_minhash_sign(sa, NULL, 0);
	for (k = 0; k < ND_MINHASH_BINS; k++)
		assert_true(sa[k] == UINT64_MAX);
	/* One shingle fills one bin, and every other copies it. */
	a[0] = nd_mix64(7);
	nd_minhash_sign(sa, a, 1);
	for (k = 0; k < ND_MINHASH_BINS; k++)
		assert_true(sa[k] == a[0]);
	/* Sets of 1000 sharing 667 (Jaccard 0.5) agree at about half the
	 * positions; sharing 900 of 1000 (about 0.82), in some band. */
	for (i = 0; i < 1000; i++) {
		a[i] = nd_mix64(i + 1);
		b[i] = nd_mix64(i < 667 ? i + 1 : i + 5000);
	}
	nd_minhash_sign(sa, a, 1000);
	nd_minhash_sign(sb, b, 1000);
	assert_in_range(agreeing(sa, sb), ND_MINHASH_BINS * 4 / 10,
			ND_MINHASH_BINS * 6 / 10);
	for (i = 900; i < 1000; i++)
		b[i] = nd_mix64(i + 9000);
	for (i = 0; i < 900; i++)
		b[i] = a[i];
	nd_minhash_sign(sb, b, 1000);
	assert_true(agreeing_bands(sa, sb) > 0);
	/* The order of the set does not matter. */
	for (i = 0; i < 500; i++) {
		uint64_t t = b[i];

		b[i] = b[999 - i];
		b[999 - i] = t;
	}
	nd_minhash_sign(sa, b, 1000);
	assert_memory_equal(sa, sb, sizeof(sa));
}

/* The five real seed articles about one event: 003 is a spun rewrite of
 * (a version of) 002; the others are independent. */
static void test_seeds(void **state)
{
	static const char *const names[] = {
		"000_fb2b8eb7b2d869bc", "001_9243b6f4ffb81357",
		"002_a2e798ce7179d953", "003_ed7db0c8a3587031",
		"004_a98ed6785c5c0e6b"
	};
	const char *dir = getenv("ND_SEEDS_DIR");
	fixture x;
	size_t i;

	(void)state;
	if (dir == NULL)
		dir = "../shared/seeds";
	if (!fx_dir_exists(dir))
		skip();
	setup_corpus(&x);
	for (i = 0; i < 5; i++) {
		char path[512];

		snprintf(path, sizeof(path), "%s/%s.txt", dir, names[i]);
		assert_int_equal(fx_add_file(&x.f, names[i], path), 0);
	}
	run(&x, NULL);
	assert_int_equal(x.n, 1);
	assert_int_equal(x.e[0].a, 2);
	assert_int_equal(x.e[0].b, 3);
	assert_int_equal(x.e[0].kind, ND_REL_REWRITE_OF);
	assert_true(x.e[0].score >= 0.5);
	done(&x);
}

/* The project's example articles (text files), run from the source
 * tree: 02 copies 01, 03 spins it, 05 is independent, 07 unrelated. */
static void test_examples(void **state)
{
	static const char *const names[] = {
		"01_wire_meridian", "02_coastal_herald", "03_spin_daily",
		"05_independent_times", "07_unrelated_sports"
	};
	fixture x;
	size_t i;
	int e;

	(void)state;
	if (!fx_dir_exists("examples"))
		skip();
	setup_corpus(&x);
	for (i = 0; i < 5; i++) {
		char path[512];

		snprintf(path, sizeof(path), "examples/%s.txt", names[i]);
		assert_int_equal(fx_add_file(&x.f, names[i], path), 0);
	}
	run(&x, NULL);
	assert_int_equal(x.n, 2);
	e = find_edge(&x, 0, 1);
	assert_true(e >= 0);
	assert_true(x.e[e].kind == ND_REL_NEAR_DUPLICATE ||
		    x.e[e].kind == ND_REL_REWRITE_OF);
	e = find_edge(&x, 0, 2);
	assert_true(e >= 0);
	assert_int_equal(x.e[e].kind, ND_REL_REWRITE_OF);
	assert_true(x.e[e].score >= 0.8);
	done(&x);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_exact_duplicate),
		cmocka_unit_test(test_duplicate_earlier_date_is_source),
		cmocka_unit_test(test_near_duplicate),
		cmocka_unit_test(test_near_threshold_option),
		cmocka_unit_test(test_truncated_copy_is_near_duplicate),
		cmocka_unit_test(test_spun_rewrite),
		cmocka_unit_test(test_rewrite_direction_by_date),
		cmocka_unit_test(test_rewrite_direction_by_rare_words),
		cmocka_unit_test(test_partial_reuse),
		cmocka_unit_test(test_origins),
		cmocka_unit_test(test_earliest),
		cmocka_unit_test(test_independent_and_unrelated_have_no_edges),
		cmocka_unit_test(test_all_relations_sorted_and_pruned),
		cmocka_unit_test(test_empty_and_tiny_corpora),
		cmocka_unit_test(test_out_of_memory),
		cmocka_unit_test(test_dates),
		cmocka_unit_test(test_prefix_match_in_sentence_score),
		cmocka_unit_test(test_signature),
		cmocka_unit_test(test_seeds),
		cmocka_unit_test(test_examples),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
