/* cluster: stories from the fictional articles of story_texts.h, and from
 * the seeds and examples when they are around. */
#include "test_util.h"

#include <stdio.h>    /* snprintf */
#include <stdlib.h>   /* getenv */
#include <string.h>

#include "cluster/cluster.h"
#include "core/alloc.h"
#include "corpus_fixture.h"
#include "dedup/dedup.h"
#include "story_texts.h"

typedef struct fixture {
	fx_corpus f;
	size_t story[FX_MAX_DOCS];
	size_t n_stories;
} fixture;

static void setup_corpus(fixture *x)
{
	memset(x, 0, sizeof(*x));
	assert_int_equal(fx_init(&x->f), 0);
}

static void add(fixture *x, const char *text)
{
	assert_int_equal(fx_add_titled(&x->f, "a", text, NULL), 0);
}

/* The fixture's articles as clustering reads them. */
static void items_of(nd_cluster_item *it, const fx_corpus *f)
{
	size_t i;

	for (i = 0; i < f->n; i++) {
		memset(&it[i], 0, sizeof(it[i]));
		it[i].published = ND_NO_TIME;
		it[i].title = f->texts[i];
		it[i].title_len = f->title_len[i];
		it[i].text = f->texts[i] + f->title_len[i];
		it[i].text_len = strlen(it[i].text);
	}
}

static int cluster(fixture *x, const nd_dedup_edge *e, size_t ne,
		   const nd_cluster_opts *opts)
{
	nd_cluster_item it[FX_MAX_DOCS];

	items_of(it, &x->f);
	return nd_cluster_run(x->story, &x->n_stories, NULL, it, x->f.n, e,
			      ne, opts, x->f.arena);
}

/* Clusters with the edges dedup finds (with_dedup) or none. */
static void run(fixture *x, const nd_cluster_opts *opts, int with_dedup)
{
	nd_dedup_edge *e = NULL;
	size_t ne = 0;

	fx_finish(&x->f);
	if (with_dedup)
		assert_int_equal(nd_dedup_run(&e, &ne, &x->f.c, NULL,
					      x->f.arena),
				 ND_OK);
	assert_int_equal(cluster(x, e, ne, opts), ND_OK);
}

static void expect(const fixture *x, size_t n_stories, const size_t *want)
{
	size_t i;

	assert_int_equal(x->n_stories, n_stories);
	for (i = 0; i < x->f.n; i++)
		assert_int_equal(x->story[i], want[i]);
}

static void test_two_events_separate(void **state)
{
	static const size_t want[] = { 0, 0, 1, 1 };
	fixture x;

	(void)state;
	setup_corpus(&x);
	add(&x, wire);
	add(&x, independent);
	add(&x, unrelated);
	add(&x, unrelated_followup);
	run(&x, NULL, 0);
	expect(&x, 2, want);
	fx_free(&x.f);
}

static void test_ids_follow_first_article(void **state)
{
	static const size_t want[] = { 0, 1, 0, 1, 1 };
	fixture x;

	(void)state;
	setup_corpus(&x);
	add(&x, unrelated);
	add(&x, independent);
	add(&x, unrelated_followup);
	add(&x, wire);
	add(&x, spun);
	run(&x, NULL, 1);
	expect(&x, 2, want);
	fx_free(&x.f);
}

static void test_copies_and_rewrites_together(void **state)
{
	static const size_t want[] = { 0, 0, 0, 0, 0, 1 };
	fixture x;

	(void)state;
	setup_corpus(&x);
	add(&x, spun);
	add(&x, near_copy);
	add(&x, truncated);
	add(&x, copy);
	add(&x, wire);
	add(&x, unrelated);
	run(&x, NULL, 1);
	expect(&x, 2, want);
	fx_free(&x.f);
}

static void test_edges_force_and_merge_stories(void **state)
{
	/* An edge joins articles whatever their words: here it ties the
	 * chess report (2) to the tram story, and the tram report (3) to the
	 * chess story (1's, the first placed of its two sources). The two
	 * stories, each now half tram and half chess, then merge. */
	static const nd_dedup_edge edges[] = {
		{ 0, 2, ND_REL_REWRITE_OF, 0.6 },
		{ 1, 3, ND_REL_NEAR_DUPLICATE, 0.9 },
		{ 3, 2, ND_REL_REWRITE_OF, 0.7 },
		{ 9, 1, ND_REL_DUPLICATE, 1.0 }, /* out of range: ignored */
	};
	static const size_t alone[] = { 0, 1, 2, 3 };
	static const size_t tied[] = { 0, 0, 0, 0 };
	nd_cluster_opts strict = { 0.99, 0, 0, 0 };
	fixture x;

	(void)state;
	setup_corpus(&x);
	add(&x, wire);
	add(&x, unrelated);
	add(&x, unrelated_followup);
	add(&x, independent);
	fx_finish(&x.f);
	assert_int_equal(cluster(&x, NULL, 0, &strict), ND_OK);
	expect(&x, 4, alone);
	assert_int_equal(cluster(&x, edges, 4, &strict), ND_OK);
	expect(&x, 1, tied);
	fx_free(&x.f);
}

static void test_single_mode(void **state)
{
	static const size_t want[] = { 0, 0, 0 };
	nd_cluster_opts single = { 0, 1, 0, 0 };
	fixture x;

	(void)state;
	setup_corpus(&x);
	add(&x, wire);
	add(&x, unrelated);
	add(&x, independent);
	run(&x, &single, 0);
	expect(&x, 1, want);
	fx_free(&x.f);
}

static void test_deterministic(void **state)
{
	fixture x, y;
	size_t i;

	(void)state;
	setup_corpus(&x);
	setup_corpus(&y);
	for (i = 0; i < 2; i++) {
		fixture *z = i ? &y : &x;

		add(z, unrelated);
		add(z, wire);
		add(z, independent);
		add(z, spun);
		add(z, unrelated_followup);
		run(z, NULL, 1);
	}
	assert_int_equal(x.n_stories, y.n_stories);
	assert_memory_equal(x.story, y.story, x.f.n * sizeof(x.story[0]));
	/* And again on the same corpus. */
	assert_int_equal(cluster(&y, NULL, 0, NULL), ND_OK);
	assert_memory_equal(x.story, y.story, x.f.n * sizeof(x.story[0]));
	fx_free(&x.f);
	fx_free(&y.f);
}

static void test_empty_and_tiny(void **state)
{
	static const size_t one[] = { 0 };
	static const size_t mixed[] = { 0, 1, 2, 1, 3 };
	fixture x;

	(void)state;
	setup_corpus(&x);
	run(&x, NULL, 1);
	assert_int_equal(x.n_stories, 0);
	fx_free(&x.f);

	setup_corpus(&x);
	add(&x, wire);
	run(&x, NULL, 1);
	expect(&x, 1, one);
	fx_free(&x.f);

	/* Articles without words stand alone. */
	setup_corpus(&x);
	assert_int_equal(fx_add(&x.f, "e", "", 0, NULL), 0);
	add(&x, wire);
	assert_int_equal(fx_add(&x.f, "b", "\n \n", 0, NULL), 0);
	add(&x, independent);
	add(&x, "Only a title\n");
	run(&x, NULL, 1);
	expect(&x, 4, mixed);
	fx_free(&x.f);
}

static void test_out_of_memory(void **state)
{
	static const nd_dedup_edge edges[] = {
		{ 0, 3, ND_REL_REWRITE_OF, 0.6 },
		{ 1, 2, ND_REL_REWRITE_OF, 0.6 },
		{ 2, 4, ND_REL_REWRITE_OF, 0.6 },
	};
	static const size_t want[] = { 0, 1, 1, 0, 1 };
	unsigned long k;
	int ok = 0;

	(void)state;
	for (k = 1; k < 100000 && !ok; k++) {
		fixture x;
		int rc;

		setup_corpus(&x);
		add(&x, wire);
		add(&x, unrelated);
		add(&x, unrelated_followup);
		add(&x, independent);
		add(&x, spun);
		fx_finish(&x.f);
		nd_alloc_fail_after(k);
		rc = cluster(&x, edges, 3, NULL);
		nd_alloc_fail_after(0);
		assert_true(rc == ND_OK || rc == ND_ENOMEM);
		if (rc == ND_OK) {
			ok = 1;
			/* 4 is tied to the chess story, though it is a
			 * tram story by its words. */
			expect(&x, 2, want);
		}
		fx_free(&x.f);
	}
	assert_true(ok);
}

static void test_seeds_one_story(void **state)
{
	static const char *const names[] = {
		"000_fb2b8eb7b2d869bc", "001_9243b6f4ffb81357",
		"002_a2e798ce7179d953", "003_ed7db0c8a3587031",
		"004_a98ed6785c5c0e6b"
	};
	static const size_t want[] = { 0, 0, 0, 0, 0 };
	const char *dir = getenv("ND_SEEDS_DIR");
	fixture x;
	size_t i;
	int with_dedup;

	(void)state;
	if (dir == NULL)
		dir = "../shared/seeds";
	if (!fx_dir_exists(dir))
		skip();
	for (with_dedup = 0; with_dedup < 2; with_dedup++) {
		setup_corpus(&x);
		for (i = 0; i < 5; i++) {
			char path[512];

			snprintf(path, sizeof(path), "%s/%s.txt", dir,
				 names[i]);
			assert_int_equal(fx_add_file(&x.f, names[i], path),
					 0);
		}
		run(&x, NULL, with_dedup);
		expect(&x, 1, want);
		fx_free(&x.f);
	}
}

static void test_examples(void **state)
{
	static const char *const names[] = {
		"01_wire_meridian", "02_coastal_herald", "03_spin_daily",
		"05_independent_times", "07_unrelated_sports"
	};
	static const size_t want[] = { 0, 0, 0, 0, 1 };
	fixture x;
	size_t i;
	int with_dedup;

	(void)state;
	if (!fx_dir_exists("examples"))
		skip();
	for (with_dedup = 0; with_dedup < 2; with_dedup++) {
		setup_corpus(&x);
		for (i = 0; i < 5; i++) {
			char path[512];

			snprintf(path, sizeof(path), "examples/%s.txt",
				 names[i]);
			assert_int_equal(fx_add_file(&x.f, names[i], path),
					 0);
		}
		run(&x, NULL, with_dedup);
		expect(&x, 2, want);
		fx_free(&x.f);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_two_events_separate),
		cmocka_unit_test(test_ids_follow_first_article),
		cmocka_unit_test(test_copies_and_rewrites_together),
		cmocka_unit_test(test_edges_force_and_merge_stories),
		cmocka_unit_test(test_single_mode),
		cmocka_unit_test(test_deterministic),
		cmocka_unit_test(test_empty_and_tiny),
		cmocka_unit_test(test_out_of_memory),
		cmocka_unit_test(test_seeds_one_story),
		cmocka_unit_test(test_examples),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
