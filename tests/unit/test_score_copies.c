/* Unit tests of the near-copy pair scorer (tools/eval/copy_pairs.c) on
 * small relation lists whose pair counts are worked out by hand: groups
 * through chains, components of predicted edges, rewrites apart, ignored
 * families, and the lines it refuses. */
#include "test_util.h"

#include <string.h> /* strlen, strcspn */

#include "eval/copy_pairs.h"
#include "newsdigest.h" /* ND_EFORMAT */

/* How a line of a test list is added. */
typedef int (*add_fn)(nd_copy_eval *e, const char *line, size_t len);

/* Adds each line of lines (separated by ';', which no id here holds) with
 * add; the fields are separated by spaces, turned into tabs. */
static void add(nd_copy_eval *e, add_fn fn, const char *lines)
{
	char line[128];

	while (*lines != '\0') {
		size_t n = strcspn(lines, ";"), i;

		assert_true(n < sizeof(line));
		for (i = 0; i < n; i++)
			line[i] = lines[i] == ' ' ? '\t' : lines[i];
		assert_int_equal(fn(e, line, n), 0);
		lines += n + (lines[n] == ';');
	}
}

static int add_ignored(nd_copy_eval *e, const char *line, size_t len)
{
	return nd_copy_eval_ignore(e, line, len);
}

/* Scores gold against pred, with the ids of ignore left out. */
static nd_copy_scores score(const char *gold, const char *pred,
			    const char *ignore)
{
	nd_copy_eval *e = NULL;
	nd_copy_scores s;

	assert_int_equal(nd_copy_eval_create(&e), 0);
	add(e, nd_copy_eval_add_gold, gold);
	add(e, nd_copy_eval_add_predicted, pred);
	add(e, add_ignored, ignore);
	assert_int_equal(nd_copy_eval_score(&s, e), 0);
	nd_copy_eval_free(e);
	return s;
}

/* Relation lists and the pairs they make, worked out by hand. */
typedef struct pair_case {
	const char *gold, *pred, *ignore;
	size_t gold_pairs, pred_pairs, found_pairs;
} pair_case;

static const pair_case CASES[] = {
	/* s with copies c1, c2 and c3 (a copy of c1), duplicate d: one
	 * group of five, 10 pairs. The prediction joins c1 and c2 to s (a
	 * component of three: 3 pairs, all right) and c3 with an unrelated
	 * x (1 wrong pair). */
	{ "c1 s near-copy;c2 s near-copy;c3 c1 near-copy;d s duplicate",
	  "s c1 near-duplicate 0.7;c2 s near-duplicate 0.6;"
	  "x c3 near-duplicate 0.5", "", 10, 4, 3 },
	/* Copies found only through one another (c1 - c2, both copies of
	 * s, s itself missed) still make one right pair. */
	{ "c1 s near-copy;c2 s near-copy", "c1 c2 duplicate 1", "", 3, 1, 1 },
	/* A rewrite is no copy: a near-duplicate edge to it is a wrong
	 * pair, a rewrite-of edge to its source or to a copy of its source
	 * finds it, and one between unrelated articles is wrong. */
	{ "c s near-copy;r1 s rewrite;r2 s rewrite;r3 s rewrite",
	  "s r1 rewrite-of 0.6;c r2 rewrite-of 0.6;"
	  "s r3 near-duplicate 0.9;y z rewrite-of 0.5", "", 1, 1, 0 },
	/* Ignoring a base article drops its whole family: a and b were
	 * near-copies already, each with a copy; the prediction that joins
	 * all four counts for nothing, the other group still counts. */
	{ "a1 a near-copy;b1 b near-copy;r a rewrite;e1 e near-copy",
	  "a a1 near-duplicate 0.8;a b near-duplicate 0.6;"
	  "b b1 near-duplicate 0.8;e e1 near-duplicate 0.7", "a;b", 1, 1, 1 },
	/* Nothing to find and nothing found is no error. */
	{ "", "", "", 0, 0, 0 },
};

static nd_copy_scores score_case(size_t k)
{
	return score(CASES[k].gold, CASES[k].pred, CASES[k].ignore);
}

static void test_pairs(void **state)
{
	size_t k;

	(void)state;
	for (k = 0; k < sizeof(CASES) / sizeof(*CASES); k++) {
		nd_copy_scores s = score_case(k);

		assert_int_equal(s.gold_pairs, CASES[k].gold_pairs);
		assert_int_equal(s.pred_pairs, CASES[k].pred_pairs);
		assert_int_equal(s.found_pairs, CASES[k].found_pairs);
	}
}

/* Precision, recall and F1 of the first case: 3/4, 3/10, their mean;
 * 1 when there is nothing to find. */
static void test_scores(void **state)
{
	nd_copy_scores s = score_case(0);

	(void)state;
	assert_true(s.precision > 0.7499 && s.precision < 0.7501);
	assert_true(s.recall > 0.2999 && s.recall < 0.3001);
	assert_true(s.f1 > 0.4285 && s.f1 < 0.4286);
	s = score_case(4);
	assert_true(s.precision == 1.0 && s.recall == 1.0);
}

static void test_rewrites(void **state)
{
	nd_copy_scores s = score_case(2);

	(void)state;
	assert_int_equal(s.rewrites, 3);
	assert_int_equal(s.rewrites_found, 2);
	assert_int_equal(s.rewrites_as_copies, 1);
	assert_int_equal(s.rewrite_edges, 3);
	assert_int_equal(s.rewrite_edges_right, 2);
}

/* a, b, their copies and a's rewrite are out; the rewrite with them. */
static void test_ignored_family(void **state)
{
	nd_copy_scores s = score_case(3);

	(void)state;
	assert_int_equal(s.ignored, 5);
	assert_int_equal(s.rewrites, 0);
}

/* Lines of another shape or relation are refused; a line ending may
 * follow. */
static void test_bad_lines(void **state)
{
	static const char *const bad_gold[] = {
		"c\ts", "c\ts\tcopy", "c\ts\tnear-copy\textra",
		"\ts\tduplicate", ""
	};
	static const char good[] = "c\ts\tnear-copy\r\n";
	static const char *const bad_pred[] = {
		"a\tb", "a\tb\tsimilar\t0.3", "a\t\tduplicate\t1"
	};
	nd_copy_eval *e = NULL;
	size_t i;

	(void)state;
	assert_int_equal(nd_copy_eval_create(&e), 0);
	for (i = 0; i < sizeof(bad_gold) / sizeof(*bad_gold); i++)
		assert_int_equal(nd_copy_eval_add_gold(e, bad_gold[i],
						       strlen(bad_gold[i])),
				 ND_EFORMAT);
	for (i = 0; i < sizeof(bad_pred) / sizeof(*bad_pred); i++)
		assert_int_equal(nd_copy_eval_add_predicted(
					 e, bad_pred[i], strlen(bad_pred[i])),
				 ND_EFORMAT);
	assert_int_equal(nd_copy_eval_add_gold(e, good, strlen(good)), 0);
	nd_copy_eval_free(e);
	nd_copy_eval_free(NULL);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_pairs),
		cmocka_unit_test(test_scores),
		cmocka_unit_test(test_rewrites),
		cmocka_unit_test(test_ignored_family),
		cmocka_unit_test(test_bad_lines),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
