/* cluster_score: pairwise, B-cubed and adjusted Rand on clusterings small
 * enough to count by hand. */
#include "test_util.h"

#include "core/error.h"
#include "eval/cluster_score.h"

static void near(double got, double want)
{
	assert_true(got > want - 1e-9 && got < want + 1e-9);
}

/* Gold {0 1 2} {3 4}, predicted {0 1} {2 3 4}: cells 2, 1, 2. Pairs: 2
 * right of 4 predicted and 4 gold. B-cubed: (2*2/2 + 1/3 + 2*2/3) / 5 both
 * ways. Rand: expected 4 * 4 / 10 = 1.6 right pairs, so (2 - 1.6) /
 * (4 - 1.6). */
static void test_counted_by_hand(void **state)
{
	static const uint32_t gold[] = { 7, 7, 7, 9, 9 };
	static const uint32_t pred[] = { 1, 1, 5, 5, 5 };
	nd_cluster_scores s;

	(void)state;
	assert_int_equal(nd_cluster_score(&s, gold, pred, 5), ND_OK);
	assert_int_equal(s.items, 5);
	assert_int_equal(s.gold_clusters, 2);
	assert_int_equal(s.pred_clusters, 2);
	near(s.pair_p, 0.5);
	near(s.pair_r, 0.5);
	near(s.pair_f1, 0.5);
	near(s.b3_p, (2.0 + 1.0 / 3 + 4.0 / 3) / 5);
	near(s.b3_r, (4.0 / 3 + 1.0 / 3 + 2.0) / 5);
	near(s.ari, 0.4 / 2.4);
}

/* The same partition under other numbers scores 1 throughout; lumping
 * everything keeps recall and loses precision; splitting everything the
 * other way round. */
static void test_extremes(void **state)
{
	static const uint32_t gold[] = { 0, 0, 1, 1, 1, 2 };
	static const uint32_t same[] = { 4, 4, 8, 8, 8, 0 };
	static const uint32_t one[] = { 3, 3, 3, 3, 3, 3 };
	static const uint32_t apart[] = { 0, 1, 2, 3, 4, 5 };
	nd_cluster_scores s;

	(void)state;
	assert_int_equal(nd_cluster_score(&s, gold, same, 6), ND_OK);
	near(s.pair_f1, 1);
	near(s.b3_f1, 1);
	near(s.ari, 1);
	assert_int_equal(nd_cluster_score(&s, gold, one, 6), ND_OK);
	near(s.pair_r, 1);
	near(s.pair_p, 4.0 / 15);
	near(s.b3_r, 1);
	near(s.ari, 0);
	assert_int_equal(nd_cluster_score(&s, gold, apart, 6), ND_OK);
	near(s.pair_p, 1); /* no predicted pairs: nothing wrong */
	near(s.pair_r, 0);
	near(s.b3_p, 1);
	near(s.b3_r, (2 * 0.5 + 3 * (1.0 / 3) + 1) / 6);
	assert_int_equal(nd_cluster_score(&s, gold, same, 0), ND_OK);
	near(s.b3_f1, 1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_counted_by_hand),
		cmocka_unit_test(test_extremes),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
