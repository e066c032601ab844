/* Unit tests of the ROUGE scorer (tools/eval/rouge.c) on small invented
 * texts whose counts are worked out by hand: tokens, the -l and -b cuts,
 * the stemmer and its exceptions, gram counts and their clip, the model
 * average over references, SU4's unigrams, the rounding, and the mean
 * over clusters. */
#include "test_util.h"

#include <stdio.h>  /* snprintf */
#include <string.h> /* strlen, strcat */

#include "eval/rouge.h"
#include "newsdigest.h" /* ND_EINVAL */

/* A nd_rouge with the stemmer on or off and a few exceptions. */
static void setup(nd_rouge *r, bool stem)
{
	static const char exc[] = "said say\n"
				  "better good\n"
				  "better well\n" /* the later one wins */
				  "was be\n"
				  "  indented form\n"
				  "alone\n"
				  "children child children\n";

	assert_int_equal(nd_rouge_init(r, stem), 0);
	assert_int_equal(nd_rouge_add_exceptions(r, exc, strlen(exc)), 0);
}

/* Tokenizes text cut at limit and checks the tokens, joined by spaces,
 * against want. */
static void expect_text(nd_rouge *r, const char *text, size_t words,
			size_t bytes, const char *want)
{
	nd_rouge_text t = { NULL, 0, 0 };
	nd_rouge_limit lim = { words, bytes };
	char got[512] = "";
	size_t i;

	assert_int_equal(nd_rouge_tokenize(r, &t, text, strlen(text), lim), 0);
	for (i = 0; i < t.n; i++) {
		if (i > 0)
			strcat(got, " ");
		strcat(got, nd_rouge_word(r, t.ids[i]));
	}
	if (strcmp(got, want) != 0)
		fail_msg("\"%s\" (-l %zu -b %zu): \"%s\", expected \"%s\"",
			 text, words, bytes, got, want);
	nd_rouge_text_dispose(&t);
}

static void test_tokens(void **state)
{
	nd_rouge r;

	(void)state;
	setup(&r, false);
	/* Hyphens and punctuation separate and are no tokens; digits are. */
	expect_text(&r, "The U.S.-led talks, in 1998: Hun Sen's \"win\"",
		    0, 0, "the u s led talks in 1998 hun sen s win");
	/* Bytes outside ASCII separate (ROUGE reads bytes). */
	expect_text(&r, "Caf\xC3\xA9s -- OK", 0, 0, "caf s ok");
	/* Empty lines are skipped; lines are joined. */
	expect_text(&r, "\n\nOne\n\ntwo\n", 0, 0, "one two");
	expect_text(&r, "", 0, 0, "");
	nd_rouge_dispose(&r);
}

static void test_word_limit(void **state)
{
	nd_rouge r;

	(void)state;
	setup(&r, false);
	/* 3 words, then 4: "--" is a word before tokenising, so the 5th
	 * word ends the text without adding a token. */
	expect_text(&r, "One two, three.\nFour -- five six\n", 4, 0,
		    "one two three four");
	expect_text(&r, "One two, three.\nFour -- five six\n", 5, 0,
		    "one two three four");
	expect_text(&r, "One two, three.\nFour -- five six\n", 6, 0,
		    "one two three four five");
	/* "U.S." is one word and two tokens. */
	expect_text(&r, "U.S. envoy arrived", 2, 0, "u s envoy");
	/* A line reaching the limit exactly ends the text. */
	expect_text(&r, "a b\nc d\ne f\n", 4, 0, "a b c d");
	/* Perl's split sees an empty first word in an indented line. */
	expect_text(&r, "  a b c", 2, 0, "a");
	nd_rouge_dispose(&r);
}

static void test_byte_limit(void **state)
{
	nd_rouge r;

	(void)state;
	setup(&r, false);
	/* 9 bytes, then 4 more would make 13: 3 of them are kept; the
	 * newline and the joining space count for nothing. */
	expect_text(&r, "abcd efgh\nijkl\nmnop\n", 0, 12, "abcd efgh ijk");
	expect_text(&r, "abcd efgh\nijkl\nmnop\n", 0, 14,
		    "abcd efgh ijkl m");
	expect_text(&r, "abcd efgh\nijkl\nmnop\n", 0, 4, "abcd");
	expect_text(&r, "abcd efgh\nijkl\nmnop\n", 0, 100,
		    "abcd efgh ijkl mnop");
	nd_rouge_dispose(&r);
}

/* Stems word with nd_rouge_porter and checks the result. */
static void expect_stem(const char *word, const char *want)
{
	char w[64];
	size_t n = strlen(word);

	snprintf(w, sizeof(w), "%s", word);
	n = nd_rouge_porter(w, n);
	if (n != strlen(want) || memcmp(w, want, n) != 0)
		fail_msg("%s: \"%.*s\", expected \"%s\"", word, (int)n, w,
			 want);
}

static void test_porter(void **state)
{
	(void)state;
	/* Porter (1980). */
	expect_stem("caresses", "caress");
	expect_stem("ponies", "poni");
	expect_stem("cats", "cat");
	expect_stem("agreed", "agre");
	expect_stem("motoring", "motor");
	expect_stem("sing", "sing");
	expect_stem("hopping", "hop");
	expect_stem("falling", "fall");
	expect_stem("filing", "file");
	expect_stem("sized", "size");
	expect_stem("happy", "happi");
	expect_stem("relational", "relat");
	expect_stem("generalizations", "gener");
	expect_stem("hopefulness", "hope");
	expect_stem("adjustment", "adjust");
	expect_stem("adoption", "adopt");
	/* y: a consonant first or after a vowel. */
	expect_stem("yelling", "yell");
	expect_stem("enjoying", "enjoi");
	expect_stem("syzygy", "syzygi");
	/* Porter's later "bli" and "logi" rules. */
	expect_stem("possibly", "possibl");
	expect_stem("archaeology", "archaeolog");
	/* ROUGE's step 4: "ment" and "ent" after the others, on what they
	 * left (standard Porter: placement, department). */
	expect_stem("placement", "placem");
	expect_stem("departmental", "depart");
	expect_stem("agreement", "agreem");
	expect_stem("sky", "sky");
	expect_stem("at", "at");
}

static void test_stemmed_tokens(void **state)
{
	nd_rouge r;

	(void)state;
	setup(&r, true);
	/* Exceptions for tokens over 3 characters ("was" is too short),
	 * the later base of a form twice listed, Porter for the rest. */
	expect_text(&r, "He said it was better, the cats agreed", 0, 0,
		    "he say it was well the cat agre");
	/* Bases are taken as they are, not stemmed again. */
	expect_text(&r, "Children say", 0, 0, "child say");
	/* Malformed exception lines add nothing. */
	expect_text(&r, "indented alone", 0, 0, "indent alon");
	nd_rouge_dispose(&r);
	setup(&r, false);
	expect_text(&r, "He said the cats agreed", 0, 0,
		    "he said the cats agreed");
	nd_rouge_dispose(&r);
}

/* Tokenizes text without a limit. */
static void text_of(nd_rouge *r, nd_rouge_text *t, const char *text)
{
	nd_rouge_limit none = { 0, 0 };

	assert_int_equal(nd_rouge_tokenize(r, t, text, strlen(text), none), 0);
}

static void test_bags(void **state)
{
	nd_rouge r;
	nd_rouge_text peer = { NULL, 0, 0 }, ref = { NULL, 0, 0 };
	nd_rouge_bag pb, rb;

	(void)state;
	setup(&r, false);
	assert_int_equal(nd_rouge_bag_init(&pb), 0);
	assert_int_equal(nd_rouge_bag_init(&rb), 0);
	text_of(&r, &peer, "the cat the cat the");
	text_of(&r, &ref, "the cat sat on the mat");
	/* Unigrams: the x3, cat x2 against the x2, cat, sat, on, mat. */
	assert_int_equal(nd_rouge_bag_ngrams(&pb, &peer, 1), 0);
	assert_int_equal(nd_rouge_bag_ngrams(&rb, &ref, 1), 0);
	assert_int_equal(pb.total, 5);
	assert_int_equal(rb.total, 6);
	assert_int_equal(nd_rouge_bag_hits(&rb, &pb), 3); /* 2 the + 1 cat */
	/* Bigrams: "the cat" x2, "cat the" x2 against one "the cat". */
	assert_int_equal(nd_rouge_bag_ngrams(&pb, &peer, 2), 0);
	assert_int_equal(nd_rouge_bag_ngrams(&rb, &ref, 2), 0);
	assert_int_equal(pb.total, 4);
	assert_int_equal(rb.total, 5);
	assert_int_equal(nd_rouge_bag_hits(&rb, &pb), 1);
	assert_int_equal(nd_rouge_bag_ngrams(&rb, &ref, 3), ND_EINVAL);
	/* Skip-bigrams of 7 tokens, gap 4: 5 + 5 + 4 + 3 + 2 + 1 pairs,
	 * plus 6 unigrams (not the last token's). */
	text_of(&r, &peer, "a b c d e f g");
	assert_int_equal(nd_rouge_bag_skip(&pb, &peer, 4, true), 0);
	assert_int_equal(pb.total, 26);
	assert_int_equal(nd_rouge_bag_skip(&pb, &peer, 4, false), 0);
	assert_int_equal(pb.total, 20);
	/* Adjacent in the reference, "a g" is 6 apart in the summary: no
	 * pair there, so only "a" is a hit; "g" is last: no unigram. */
	text_of(&r, &ref, "a g");
	assert_int_equal(nd_rouge_bag_skip(&rb, &ref, 4, true), 0);
	assert_int_equal(rb.total, 2); /* "a", "a g" */
	assert_int_equal(nd_rouge_bag_skip(&pb, &peer, 4, true), 0);
	assert_int_equal(nd_rouge_bag_hits(&rb, &pb), 1);
	text_of(&r, &ref, "single");
	assert_int_equal(nd_rouge_bag_skip(&rb, &ref, 4, true), 0);
	assert_int_equal(rb.total, 0);
	assert_int_equal(nd_rouge_bag_skip(&rb, &ref, 5, true), ND_EINVAL);
	nd_rouge_bag_dispose(&pb);
	nd_rouge_bag_dispose(&rb);
	nd_rouge_text_dispose(&peer);
	nd_rouge_text_dispose(&ref);
	nd_rouge_dispose(&r);
}

static void test_scores(void **state)
{
	nd_rouge_score s = { 3, 8, 6, 0, 0, 0 };
	nd_rouge_score zero = { 0, 0, 0, 1, 1, 1 };

	(void)state;
	nd_rouge_score_finish(&s);
	assert_true(s.recall == 0.375);
	assert_true(s.precision == 0.5);
	assert_true(s.f == 0.42857); /* 0.428571..., rounded */
	/* Rounded first: recall 1/3 is 0.33333. */
	s.hits = 1;
	s.model = 3;
	s.peer = 3;
	nd_rouge_score_finish(&s);
	assert_true(s.recall == 0.33333);
	assert_true(s.f == 0.33333);
	nd_rouge_score_finish(&zero);
	assert_true(zero.recall == 0 && zero.precision == 0 && zero.f == 0);
}

/* The mean over clusters: of the rounded ratios, counts summed. */
static void test_mean(void **state)
{
	nd_rouge_mean m;
	nd_rouge_score a[ND_ROUGE_METRICS], b[ND_ROUGE_METRICS], got;
	int k;

	(void)state;
	memset(&m, 0, sizeof(m));
	got = nd_rouge_mean_of(&m, ND_ROUGE_2);
	assert_true(got.recall == 0 && got.precision == 0 && got.f == 0);
	for (k = 0; k < ND_ROUGE_METRICS; k++) {
		nd_rouge_score x = { 3, 8, 6, 0, 0, 0 };
		nd_rouge_score y = { 1, 3, 3, 0, 0, 0 };

		nd_rouge_score_finish(&x);
		nd_rouge_score_finish(&y);
		a[k] = x;
		b[k] = y;
	}
	nd_rouge_mean_add(&m, a);
	nd_rouge_mean_add(&m, b);
	assert_int_equal(m.n, 2);
	for (k = 0; k < ND_ROUGE_METRICS; k++) {
		got = nd_rouge_mean_of(&m, k);
		/* Not 4/11 (the pooled counts): the mean of 0.375, 0.33333. */
		assert_true(got.recall > 0.354164 && got.recall < 0.354166);
		assert_true(got.precision > 0.416664 &&
			    got.precision < 0.416666);
		assert_true(got.f > 0.380949 && got.f < 0.380951);
		assert_int_equal(got.hits, 4);
		assert_int_equal(got.model, 11);
		assert_int_equal(got.peer, 9);
	}
}

static void test_eval(void **state)
{
	nd_rouge r;
	nd_rouge_text peer = { NULL, 0, 0 }, refs[2] = { { NULL, 0, 0 },
							  { NULL, 0, 0 } };
	nd_rouge_score s[ND_ROUGE_METRICS];

	(void)state;
	setup(&r, false);
	text_of(&r, &peer, "a b c");
	text_of(&r, &refs[0], "a b");
	text_of(&r, &refs[1], "c d e f g h");
	assert_int_equal(nd_rouge_eval(s, &peer, refs, 2), 0);
	/* Model average: (2 + 1) hits of (2 + 6) reference unigrams, not
	 * the mean of 2/2 and 1/6; the summary's 3 unigrams count once
	 * per reference. */
	assert_int_equal(s[ND_ROUGE_1].hits, 3);
	assert_int_equal(s[ND_ROUGE_1].model, 8);
	assert_int_equal(s[ND_ROUGE_1].peer, 6);
	assert_true(s[ND_ROUGE_1].recall == 0.375);
	assert_true(s[ND_ROUGE_1].precision == 0.5);
	/* Bigrams: "a b" of 1 + 5. SU4: the summary has "a", "b" and 3
	 * pairs; the first reference "a" and "a b", both hits; the second
	 * 5 unigrams and 15 pairs, none a hit: its "c" meets the summary's
	 * last token, which has no unigram. */
	assert_int_equal(s[ND_ROUGE_2].hits, 1);
	assert_int_equal(s[ND_ROUGE_2].model, 6);
	assert_int_equal(s[ND_ROUGE_2].peer, 4);
	assert_int_equal(s[ND_ROUGE_SU4].hits, 2);
	assert_int_equal(s[ND_ROUGE_SU4].model, 22);
	assert_int_equal(s[ND_ROUGE_SU4].peer, 10);
	assert_string_equal(nd_rouge_metric_name(ND_ROUGE_SU4), "ROUGE-SU4");
	/* Stemming makes "says" and "said" differ ("sai", "say"), but
	 * "said" meets "say". */
	nd_rouge_dispose(&r);
	setup(&r, true);
	text_of(&r, &peer, "officials said");
	text_of(&r, &refs[0], "official say");
	text_of(&r, &refs[1], "officials says");
	assert_int_equal(nd_rouge_eval(s, &peer, refs, 2), 0);
	assert_int_equal(s[ND_ROUGE_1].hits, 3);
	assert_int_equal(s[ND_ROUGE_2].hits, 1);
	nd_rouge_text_dispose(&peer);
	nd_rouge_text_dispose(&refs[0]);
	nd_rouge_text_dispose(&refs[1]);
	nd_rouge_dispose(&r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_tokens),
		cmocka_unit_test(test_word_limit),
		cmocka_unit_test(test_byte_limit),
		cmocka_unit_test(test_porter),
		cmocka_unit_test(test_stemmed_tokens),
		cmocka_unit_test(test_bags),
		cmocka_unit_test(test_scores),
		cmocka_unit_test(test_eval),
		cmocka_unit_test(test_mean),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
