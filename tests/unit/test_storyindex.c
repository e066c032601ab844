/* The story index (nd_storyindex) and its word counting: placement,
 * evidence, expiry, merges, copies, determinism and failure. */
#include "test_util.h"

#include <stdio.h> /* snprintf */

#include "cluster/storyterms.h"
#include "core/alloc.h"
#include "newsdigest.h"
#include "story_texts.h"

#define DAY (24LL * 3600)

static nd_storyindex *make(double threshold, long long expire, int explain)
{
	nd_storyindex_options o = ND_STORYINDEX_OPTIONS_INIT;
	nd_storyindex *ix = NULL;

	o.threshold = threshold;
	o.expire_after = expire;
	o.explain = explain;
	assert_int_equal(nd_storyindex_create(&ix, &o), ND_OK);
	return ix;
}

static nd_placement place_key(nd_storyindex *ix, const char *text,
			      long long t, unsigned long long join,
			      unsigned long long key)
{
	nd_story_article a;
	nd_placement p;

	memset(&a, 0, sizeof(a));
	a.text = text;
	a.text_len = strlen(text);
	a.published = t;
	a.join = join;
	a.key = key;
	assert_int_equal(nd_storyindex_add(&p, ix, &a), ND_OK);
	return p;
}

static nd_placement place(nd_storyindex *ix, const char *text, long long t,
			  unsigned long long join)
{
	return place_key(ix, text, t, join, 0);
}

static void test_options_checked(void **state)
{
	nd_storyindex_options o = ND_STORYINDEX_OPTIONS_INIT;
	nd_storyindex *ix = (nd_storyindex *)&o;

	(void)state;
	o.threshold = 1.5;
	assert_int_equal(nd_storyindex_create(&ix, &o), ND_EINVAL);
	assert_null(ix);
	o.threshold = 0;
	o.version = 99;
	assert_int_equal(nd_storyindex_create(&ix, &o), ND_EINVAL);
	o.version = ND_STORYINDEX_OPTIONS_VERSION;
	o.merge = -1;
	assert_int_equal(nd_storyindex_create(&ix, &o), ND_EINVAL);
	assert_int_equal(nd_storyindex_create(&ix, NULL), ND_OK);
	nd_storyindex_free(ix);
	nd_storyindex_free(NULL);
}

/* Two reports of one event share a story; another event starts its own,
 * and its follow-up joins it. Ids count up from 1. */
static void test_events_apart(void **state)
{
	nd_storyindex *ix = make(0, 0, 0);
	nd_placement p;
	nd_storyindex_stats st;

	(void)state;
	p = place(ix, wire, ND_NO_TIME, 0);
	assert_int_equal(p.story, 1);
	assert_true(p.is_new);
	assert_true(p.score == 0);
	p = place(ix, unrelated, ND_NO_TIME, 0);
	assert_int_equal(p.story, 2);
	assert_true(p.is_new);
	p = place(ix, independent, ND_NO_TIME, 0);
	assert_int_equal(p.story, 1);
	assert_false(p.is_new);
	assert_true(p.score >= 0.15 && p.score <= 1);
	p = place(ix, unrelated_followup, ND_NO_TIME, 0);
	assert_int_equal(p.story, 2);
	nd_storyindex_stats_get(&st, ix);
	assert_int_equal(st.articles, 4);
	assert_int_equal(st.live, 2);
	assert_int_equal(st.stories, 2);
	assert_true(st.bytes > 4u << 20); /* the df table alone is 4 MiB */
	nd_storyindex_free(ix);
}

/* The evidence names the shared words as written, heaviest first, and
 * its shares add up to no more than the score. */
static void test_evidence(void **state)
{
	nd_storyindex *ix = make(0, 0, 1);
	const nd_story_evidence *e;
	nd_placement p;
	size_t n, k, tarnel = 0;
	double sum = 0;

	(void)state;
	place(ix, wire, ND_NO_TIME, 0);
	nd_storyindex_evidence(&e, &n, ix);
	assert_int_equal(n, 0); /* a new story has none */
	p = place(ix, independent, ND_NO_TIME, 0);
	nd_storyindex_evidence(&e, &n, ix);
	assert_true(n > 0 && n <= 10);
	for (k = 0; k < n; k++) {
		assert_int_equal(strlen(e[k].term), e[k].len);
		if (k)
			assert_true(e[k].share <= e[k - 1].share);
		sum += e[k].share;
		/* The first "Tarnel" is the dateline's, "TARNEL": a name
		 * inside a sentence. */
		if (strcmp(e[k].term, "TARNEL") == 0) {
			tarnel = 1;
			assert_true(e[k].is_name);
		}
	}
	assert_true(tarnel);
	assert_true(sum <= p.score + 1e-6);
	nd_storyindex_free(ix);
}

/* A story idle for longer than the window takes no more articles: the
 * same event a week later starts a new story, and the old one is gone. */
static void test_expiry(void **state)
{
	nd_storyindex *ix = make(0, 4 * DAY, 0);
	nd_storyindex_stats st;
	nd_placement p;
	size_t n;

	(void)state;
	assert_int_equal(place(ix, wire, 1000 * DAY, 0).story, 1);
	assert_int_equal(place(ix, independent, 1002 * DAY, 0).story, 1);
	assert_int_equal(place(ix, unrelated, 1003 * DAY, 0).story, 2);
	p = place(ix, followup, 1007 * DAY, 0); /* 5 days after story 1 */
	assert_int_equal(p.story, 3);
	assert_true(p.is_new);
	nd_storyindex_stats_get(&st, ix);
	assert_int_equal(st.expired, 1);
	assert_int_equal(st.live, 2);
	/* Explicitly: everything idle since before day 1008. */
	assert_int_equal(nd_storyindex_expire(&n, ix, 1008 * DAY), ND_OK);
	assert_int_equal(n, 2);
	nd_storyindex_stats_get(&st, ix);
	assert_int_equal(st.live, 0);
	/* The slots are reused: a new story gets a new id. */
	assert_int_equal(place(ix, wire, 1009 * DAY, 0).story, 4);
	nd_storyindex_free(ix);
}

/* With expiry off, dates only lower the score with distance. */
static void test_never_expire(void **state)
{
	nd_storyindex *ix = make(0, -1, 0);
	nd_placement near, far;

	(void)state;
	place(ix, wire, 1000 * DAY, 0);
	near = place(ix, independent, 1000 * DAY, 0);
	nd_storyindex_free(ix);
	ix = make(0, -1, 0);
	place(ix, wire, 1000 * DAY, 0);
	far = place(ix, independent, 1001 * DAY, 0);
	assert_int_equal(near.story, 1);
	assert_int_equal(far.story, 1);
	assert_true(far.score < near.score);
	nd_storyindex_free(ix);
}

/* A copy joins the story it is told to, whatever it scores, while that
 * story is live; an unknown story is no hint. */
static void test_join(void **state)
{
	nd_storyindex *ix = make(0.99, 0, 0);
	nd_placement p;

	(void)state;
	place(ix, wire, ND_NO_TIME, 0);
	place(ix, unrelated, ND_NO_TIME, 0);
	p = place(ix, spun, ND_NO_TIME, 1);
	assert_int_equal(p.story, 1);
	assert_false(p.is_new);
	p = place(ix, spun, ND_NO_TIME, 77);
	assert_true(p.is_new);
	assert_int_equal(p.story, 3);
	nd_storyindex_free(ix);
}

/* Two stories started apart merge once they hold the same articles; the
 * older id survives and the merge is reported once. */
static void test_merge(void **state)
{
	nd_storyindex_options o = ND_STORYINDEX_OPTIONS_INIT;
	nd_storyindex *ix = NULL;
	nd_storyindex_stats st;
	nd_placement p;

	(void)state;
	o.merge = 0.6;
	assert_int_equal(nd_storyindex_create(&ix, &o), ND_OK);
	place(ix, wire, ND_NO_TIME, 0);
	place(ix, unrelated, ND_NO_TIME, 0);
	/* The tram report again, told to join the chess story: that
	 * story is now as much the tram story as story 1 is. */
	p = place(ix, wire, ND_NO_TIME, 2);
	assert_int_equal(p.story, 1);
	assert_int_equal(p.n_merged, 1);
	assert_int_equal(p.merged[0], 2);
	assert_true(p.merge_score >= 0.6);
	nd_storyindex_stats_get(&st, ix);
	assert_int_equal(st.merges, 1);
	assert_int_equal(st.live, 1);
	nd_storyindex_free(ix);
}

/* Two events forced into one story (copies told to join it) part at its
 * sixth article: the group without the first article leaves, with its
 * keys reported, and the two are not merged back. */
static void test_split(void **state)
{
	const char *texts[] = { wire, unrelated, copy, unrelated_followup,
				near_copy, unrelated };
	nd_storyindex *ix = make(0, 0, 0);
	nd_storyindex_stats st;
	nd_placement p;
	size_t i;

	(void)state;
	for (i = 0; i < 6; i++) {
		p = place_key(ix, texts[i], ND_NO_TIME, i ? 1 : 0, 100 + i);
		if (i < 5) {
			assert_int_equal(p.story, 1);
			assert_int_equal(p.split_off, 0);
		}
	}
	assert_int_equal(p.split_off, 2);
	assert_int_equal(p.split_from, 1);
	assert_int_equal(p.story, 2); /* the chess report left with its own */
	assert_int_equal(p.n_moved, 3);
	assert_int_equal(p.moved[0], 101);
	assert_int_equal(p.moved[1], 103);
	assert_int_equal(p.moved[2], 105);
	p = place(ix, unrelated_followup, ND_NO_TIME, 0);
	assert_int_equal(p.story, 2);
	p = place(ix, truncated, ND_NO_TIME, 0);
	assert_int_equal(p.story, 1);
	nd_storyindex_stats_get(&st, ix);
	assert_int_equal(st.splits, 1);
	assert_int_equal(st.live, 2);
	nd_storyindex_free(ix);
}

/* Running out of memory in the middle of adds leaves an index that goes
 * on working (ASan and the leak check watch the rest). */
static void test_out_of_memory_midway(void **state)
{
	const char *texts[] = { wire, unrelated, copy, unrelated_followup,
				near_copy, unrelated, followup, spun };
	unsigned long k;

	(void)state;
	for (k = 1; k < 400; k += 3) {
		nd_storyindex *ix = make(0, 0, 1);
		nd_story_article a;
		nd_placement p;
		size_t i;

		for (i = 0; i < 16; i++) {
			memset(&a, 0, sizeof(a));
			a.text = texts[i % 8];
			a.text_len = strlen(a.text);
			a.published = ND_NO_TIME;
			a.join = i % 3 == 1 ? 1 : 0;
			a.key = i;
			if (i == 4)
				nd_alloc_fail_after(k);
			if (i == 10)
				nd_alloc_fail_after(0);
			if (i >= 10)
				assert_int_equal(nd_storyindex_add(&p, ix, &a),
						 ND_OK);
			else
				assert_true(nd_storyindex_add(&p, ix, &a) ==
						    ND_OK ||
					    i >= 4);
		}
		nd_storyindex_free(ix);
	}
}

/* Same articles, same order: same stories and scores. */
static void test_deterministic(void **state)
{
	const char *texts[] = { wire, unrelated, spun, independent, followup,
				unrelated_followup, near_copy, truncated };
	nd_placement a[8], b[8];
	size_t i, r;

	(void)state;
	for (r = 0; r < 2; r++) {
		nd_storyindex *ix = make(0, 0, 1);

		for (i = 0; i < 8; i++)
			(r ? b : a)[i] = place(ix, texts[i], ND_NO_TIME, 0);
		nd_storyindex_free(ix);
	}
	for (i = 0; i < 8; i++) {
		assert_int_equal(a[i].story, b[i].story);
		assert_true(a[i].score == b[i].score);
	}
}

/* Empty, wordless and binary articles are placed (each alone). */
static void test_odd_input(void **state)
{
	static const char bin[] = "\x00\xff\xfe\x80\x81 \xc3 ab\xe2\x80";
	nd_storyindex *ix = make(0, 0, 1);
	nd_story_article a;
	nd_placement p;

	(void)state;
	memset(&a, 0, sizeof(a));
	a.published = ND_NO_TIME;
	assert_int_equal(nd_storyindex_add(&p, ix, &a), ND_OK);
	assert_true(p.is_new);
	a.text = bin;
	a.text_len = sizeof(bin) - 1;
	assert_int_equal(nd_storyindex_add(&p, ix, &a), ND_OK);
	a.text = NULL;
	assert_int_equal(nd_storyindex_add(&p, ix, &a), ND_EINVAL);
	assert_int_equal(nd_storyindex_add(&p, ix, NULL), ND_EINVAL);
	nd_storyindex_free(ix);
}

static void test_out_of_memory(void **state)
{
	const char *texts[] = { wire, unrelated, independent, copy, followup };
	unsigned long k;
	int ok = 0;

	(void)state;
	for (k = 1; k < 100000 && !ok; k++) {
		nd_storyindex *ix = NULL;
		nd_story_article a;
		nd_placement p;
		size_t i;
		int rc;

		nd_alloc_fail_after(k);
		rc = nd_storyindex_create(&ix, NULL);
		for (i = 0; rc == ND_OK && i < 5; i++) {
			memset(&a, 0, sizeof(a));
			a.text = texts[i];
			a.text_len = strlen(texts[i]);
			a.published = ND_NO_TIME;
			rc = nd_storyindex_add(&p, ix, &a);
		}
		nd_alloc_fail_after(0);
		assert_true(rc == ND_OK || rc == ND_ENOMEM);
		ok = rc == ND_OK;
		nd_storyindex_free(ix);
	}
	assert_true(ok);
}

/* Words fold, look-alike letters included; stop words and numbers are
 * no terms; inflections share a stem; a name inside a sentence is marked,
 * a sentence's first word is not. */
static void test_terms(void **state)
{
	static const char text[] =
		"Talks began. The minister said Blinken visited Astana in "
		"2023 and \xd0\xa1" "5+1 talks continue; C5 visits.";
	nd_storyterms st;
	uint32_t talk, visit;
	const nd_storyterm *e;

	(void)state;
	assert_int_equal(nd_storyterms_init(&st), ND_OK);
	nd_storyterms_read(&st, NULL, 0, text, sizeof(text) - 1);
	talk = nd_storyterms_of_word(&st, "talks", 5);
	visit = nd_storyterms_of_word(&st, "visited", 7);
	assert_int_equal(talk, nd_storyterms_of_word(&st, "talk", 4));
	assert_int_equal(visit, nd_storyterms_of_word(&st, "visits", 6));
	assert_int_equal(nd_storyterms_of_word(&st, "the", 3), 0);
	assert_int_equal(nd_storyterms_of_word(&st, "said", 4), 0);
	e = nd_storyterms_find(&st, talk);
	assert_non_null(e);
	assert_int_equal(e->count, 2);
	assert_int_equal(e->name, 0); /* "Talks" opens a sentence */
	e = nd_storyterms_find(&st, nd_storyterms_of_word(&st, "blinken", 7));
	assert_non_null(e);
	assert_int_equal(e->name, 1);
	/* Cyrillic С5 and Latin C5 are one term, counted twice. */
	e = nd_storyterms_find(&st, nd_storyterms_of_word(&st, "c5", 2));
	assert_non_null(e);
	assert_int_equal(e->count, 2);
	assert_null(nd_storyterms_find(&st, nd_storyterms_of_word(&st, "2023",
								   4)));
	/* A title's words count twice; the next read starts afresh. */
	nd_storyterms_read(&st, "Talks", 5, "talks", 5);
	assert_int_equal(st.n, 1);
	assert_int_equal(st.t[0].count, 3);
	nd_storyterms_dispose(&st);
}

/* The 64-byte block scan and the byte-by-byte one find the same terms,
 * names and first words, on texts that cut words at every block edge. */
static void test_scans_agree(void **state)
{
	static const char odd[] =
		"\xe2\x80\x9cKazakhstan\xe2\x80\x99s\xe2\x80\x9d talks. Don't "
		"stop \xd0\xa1" "5+1, Mr. Blinken's Astana-bound x's 'quoted' "
		"word\xc2\xa0next \xc3\x89lys\xc3\xa9" "e caf\xc3\xa9" "s! 12abc 3.5 ";
	const char *texts[] = { wire, spun, independent, unrelated, odd };
	nd_storyterms a, b;
	char buf[8192];
	size_t i, k, shift;

	(void)state;
	assert_int_equal(nd_storyterms_init(&a), ND_OK);
	assert_int_equal(nd_storyterms_init(&b), ND_OK);
	a.wide = 0;
	for (i = 0; i < 5; i++) {
		for (shift = 0; shift < 64; shift += 7) {
			size_t n = strlen(texts[i]);

			if (n + shift >= sizeof(buf))
				n = sizeof(buf) - shift - 1;
			memset(buf, ' ', shift);
			memcpy(buf + shift, texts[i], n);
			nd_storyterms_read(&a, NULL, 0, buf, n + shift);
			nd_storyterms_read(&b, NULL, 0, buf, n + shift);
			assert_int_equal(a.n, b.n);
			for (k = 0; k < a.n; k++) {
				assert_int_equal(a.t[k].term, b.t[k].term);
				assert_int_equal(a.t[k].count, b.t[k].count);
				assert_int_equal(a.t[k].name, b.t[k].name);
				assert_true(a.t[k].word - buf == b.t[k].word - buf);
			}
		}
	}
	nd_storyterms_dispose(&a);
	nd_storyterms_dispose(&b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_options_checked),
		cmocka_unit_test(test_events_apart),
		cmocka_unit_test(test_evidence),
		cmocka_unit_test(test_expiry),
		cmocka_unit_test(test_never_expire),
		cmocka_unit_test(test_join),
		cmocka_unit_test(test_merge),
		cmocka_unit_test(test_split),
		cmocka_unit_test(test_out_of_memory_midway),
		cmocka_unit_test(test_deterministic),
		cmocka_unit_test(test_odd_input),
		cmocka_unit_test(test_out_of_memory),
		cmocka_unit_test(test_terms),
		cmocka_unit_test(test_scans_agree),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
