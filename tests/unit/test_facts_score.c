/* facts_score: span matching, speaker accuracy and merge precision on
 * gold and predictions small enough to count by hand. */
#include "test_util.h"

#include "core/error.h"
#include "eval/facts_score.h"

/* Bytes:     0       8     14        25           37    43   48     55 */
static const char text[] =
	"Ann Lee said: We go now. Lee left on May 5 with 300 people.";

static void near(double got, double want)
{
	assert_true(got > want - 1e-9 && got < want + 1e-9);
}

/* Reads gold and prediction into s, the article "a" holding text. */
static void load(nd_fs_story *s, const char *gold, const char *pred)
{
	nd_err err;

	memset(s, 0, sizeof(*s));
	if (nd_fs_story_gold(s, &err, gold, strlen(gold)) != ND_OK)
		fail_msg("gold: %s", err.msg);
	if (nd_fs_story_pred(s, &err, pred, strlen(pred)) != ND_OK)
		fail_msg("prediction: %s", err.msg);
	s->articles[0].text = text;
	s->articles[0].len = sizeof(text) - 1;
}

#define GOLD_HEAD                                                             \
	"{\"story\": \"s\", \"input\": \"s/docs\", \"articles\": [{\"id\": "  \
	"\"a\", \"bytes\": 59, \"fnv1a64\": \"0123456789abcdef\"}], "

/* Gold quotes [0,10) and [3,13); predicted [3,13) overlaps them by 7
 * and 10, [0,6) the first by 6 and the second by too little. Largest
 * overlap first pairs [3,13) with [3,13), then [0,6) with [0,10): two
 * matches, where giving each gold quote in turn its best one would give
 * one. [20,40) and [21,40) against the gold
 * indirect [10,30): half of each (10 of 20) matches, 9 of 19 would not;
 * the second is a separate prediction, so precision 1/2. A prediction
 * in an article the gold lacks is passed over. */
static void test_largest_overlap_first(void **state)
{
	static const char gold[] = GOLD_HEAD
		"\"quotes\": ["
		"{\"article\": \"a\", \"offset\": 0, \"length\": 10, "
		"\"speaker\": \"\", \"direct\": true},"
		"{\"article\": \"a\", \"offset\": 3, \"length\": 10, "
		"\"speaker\": \"\", \"direct\": true},"
		"{\"article\": \"a\", \"offset\": 10, \"length\": 20, "
		"\"speaker\": \"\", \"direct\": false}]}";
	static const char pred[] =
		"{\"version\": \"0.1.0\", \"quotes\": ["
		"{\"text\": \"x\", \"speaker\": \"\", \"direct\": true, "
		"\"article\": \"a\", \"offset\": 3, \"length\": 10, "
		"\"occurrences\": [{\"article\": \"b\", \"offset\": 0, "
		"\"length\": 10, \"form\": \"same\"}]},"
		"{\"speaker\": \"\", \"direct\": true, \"article\": \"a\", "
		"\"offset\": 0, \"length\": 6},"
		"{\"speaker\": \"\", \"direct\": false, \"article\": \"a\", "
		"\"offset\": 21, \"length\": 19},"
		"{\"speaker\": \"\", \"direct\": false, \"article\": \"a\", "
		"\"offset\": 20, \"length\": 20}]}";
	nd_fs_counts c = { 0 };
	nd_fs_story s;
	double p, r, f;

	(void)state;
	load(&s, gold, pred);
	assert_int_equal(s.pred[ND_FS_QUOTES].n, 4);
	assert_int_equal(nd_fs_score(&c, &s, NULL, NULL), ND_OK);
	assert_int_equal(c.quotes[1].gold, 2);
	assert_int_equal(c.quotes[1].pred, 2);
	assert_int_equal(c.quotes[1].match, 2);
	assert_int_equal(c.quotes[0].match, 1);
	nd_fs_prf_ratios(&c.quotes[0], &p, &r, &f);
	near(p, 0.5);
	near(r, 1);
	near(f, 2 * 0.5 / 1.5);
	nd_fs_story_dispose(&s);
}

/* Gold speaker "Ann Lee" of three direct quotes and one indirect one.
 * Predicted "LEE" (the text of a gold mention, case folded) and "ann
 * lée" (accent folded) are right, "Bob" wrong; the indirect quote and a
 * gold quote without speaker do not count: 2 of 3. */
static void test_speaker(void **state)
{
	static const char gold[] = GOLD_HEAD
		"\"entities\": [{\"name\": \"Ann Lee\", \"kind\": \"person\", "
		"\"mentions\": [{\"article\": \"a\", \"offset\": 0, "
		"\"length\": 7}, {\"article\": \"a\", \"offset\": 25, "
		"\"length\": 3}]}], "
		"\"quotes\": ["
		"{\"article\": \"a\", \"offset\": 14, \"length\": 10, "
		"\"speaker\": \"Ann Lee\", \"direct\": true},"
		"{\"article\": \"a\", \"offset\": 25, \"length\": 10, "
		"\"speaker\": \"Ann Lee\", \"direct\": true},"
		"{\"article\": \"a\", \"offset\": 37, \"length\": 10, "
		"\"speaker\": \"Ann Lee\", \"direct\": true},"
		"{\"article\": \"a\", \"offset\": 48, \"length\": 10, "
		"\"speaker\": \"\", \"direct\": true},"
		"{\"article\": \"a\", \"offset\": 0, \"length\": 10, "
		"\"speaker\": \"Ann Lee\", \"direct\": false}]}";
	static const char pred[] =
		"{\"quotes\": ["
		"{\"speaker\": \"LEE\", \"direct\": true, \"article\": \"a\", "
		"\"offset\": 14, \"length\": 10},"
		"{\"speaker\": \"ann l\\u00e9e\", \"direct\": true, "
		"\"article\": \"a\", \"offset\": 25, \"length\": 10},"
		"{\"speaker\": \"Bob\", \"direct\": true, \"article\": \"a\", "
		"\"offset\": 37, \"length\": 10},"
		"{\"speaker\": \"Bob\", \"direct\": true, \"article\": \"a\", "
		"\"offset\": 48, \"length\": 10},"
		"{\"speaker\": \"Bob\", \"direct\": false, \"article\": \"a\", "
		"\"offset\": 0, \"length\": 10}]}";
	nd_fs_counts c = { 0 };
	nd_fs_story s;

	(void)state;
	load(&s, gold, pred);
	assert_int_equal(nd_fs_score(&c, &s, NULL, NULL), ND_OK);
	assert_int_equal(c.quotes[1].match, 4);
	assert_int_equal(c.speakers, 3);
	assert_int_equal(c.speakers_right, 2);
	nd_fs_story_dispose(&s);
}

/* Names compare without a leading "the" or a final period: gold "The
 * Lee Trust Co." is predicted "Lee Trust Co" (right) and "Lee" (wrong):
 * 1 of 2. */
static void test_speaker_bare_names(void **state)
{
	static const char gold[] = GOLD_HEAD
		"\"entities\": [{\"name\": \"The Lee Trust Co.\", "
		"\"kind\": \"organisation\", \"mentions\": [{\"article\": "
		"\"a\", \"offset\": 0, \"length\": 7}]}], "
		"\"quotes\": ["
		"{\"article\": \"a\", \"offset\": 14, \"length\": 10, "
		"\"speaker\": \"The Lee Trust Co.\", \"direct\": true},"
		"{\"article\": \"a\", \"offset\": 25, \"length\": 10, "
		"\"speaker\": \"The Lee Trust Co.\", \"direct\": true}]}";
	static const char pred[] =
		"{\"quotes\": ["
		"{\"speaker\": \"Lee Trust Co\", \"direct\": true, "
		"\"article\": \"a\", \"offset\": 14, \"length\": 10},"
		"{\"speaker\": \"Lee\", \"direct\": true, \"article\": "
		"\"a\", \"offset\": 25, \"length\": 10}]}";
	nd_fs_counts c = { 0 };
	nd_fs_story s;

	(void)state;
	load(&s, gold, pred);
	assert_int_equal(nd_fs_score(&c, &s, NULL, NULL), ND_OK);
	assert_int_equal(c.speakers, 2);
	assert_int_equal(c.speakers_right, 1);
	nd_fs_story_dispose(&s);
}

/* Gold: Ann Lee at 0 and 25, a place at 37 ("May" taken for one, to
 * have a third span). First prediction: "Lee" at 4, 25 and 37 as one
 * person, and 37 again as a place. "Lee" at 4 is too short for "Ann
 * Lee", the person at 37 has the wrong kind, the place matches: per kind
 * 1 of 2 gold persons; the two matched mentions are apart both ways, so
 * no pairs. Second: the three exactly, in one entity: of 3 predicted
 * pairs only (0, 25) is one gold entity; the gold's one pair is found. */
static void test_entities_and_merges(void **state)
{
	static const char gold[] = GOLD_HEAD
		"\"entities\": [{\"name\": \"Ann Lee\", \"kind\": \"person\", "
		"\"mentions\": [{\"article\": \"a\", \"offset\": 0, "
		"\"length\": 7}, {\"article\": \"a\", \"offset\": 25, "
		"\"length\": 3}]}, {\"name\": \"May\", \"kind\": \"place\", "
		"\"mentions\": [{\"article\": \"a\", \"offset\": 37, "
		"\"length\": 3}]}]}";
	static const char split[] =
		"{\"entities\": [{\"name\": \"Lee\", \"kind\": \"person\", "
		"\"mentions\": [{\"article\": \"a\", \"offset\": 4, "
		"\"length\": 3}, {\"article\": \"a\", \"offset\": 25, "
		"\"length\": 3}, {\"article\": \"a\", \"offset\": 37, "
		"\"length\": 3}]}, {\"name\": \"May\", \"kind\": \"place\", "
		"\"mentions\": [{\"article\": \"a\", \"offset\": 37, "
		"\"length\": 5}]}]}";
	static const char lumped[] =
		"{\"entities\": [{\"name\": \"Ann\", \"kind\": \"person\", "
		"\"mentions\": [{\"article\": \"a\", \"offset\": 0, "
		"\"length\": 7}, {\"article\": \"a\", \"offset\": 25, "
		"\"length\": 3}]}, {\"name\": \"May\", \"kind\": \"place\", "
		"\"mentions\": [{\"article\": \"a\", \"offset\": 37, "
		"\"length\": 3}]}]}";
	nd_fs_counts c = { 0 };
	nd_fs_story s;

	(void)state;
	load(&s, gold, split);
	assert_int_equal(nd_fs_score(&c, &s, NULL, NULL), ND_OK);
	assert_int_equal(c.entities[0].gold, 2);
	assert_int_equal(c.entities[0].pred, 3);
	assert_int_equal(c.entities[0].match, 1);
	assert_int_equal(c.entities[2].match, 1);
	assert_int_equal(c.merge_pred_pairs, 0);
	assert_int_equal(c.merge_gold_pairs, 0);
	nd_fs_story_dispose(&s);

	memset(&c, 0, sizeof(c));
	load(&s, gold, lumped);
	/* Kinds are per entity, so the place is put in the person's
	 * entity by hand. */
	s.pred[ND_FS_ENTITIES].v[2].group = 0;
	assert_int_equal(nd_fs_score(&c, &s, NULL, NULL), ND_OK);
	assert_int_equal(c.entities[0].match + c.entities[2].match, 3);
	assert_int_equal(c.merge_pred_pairs, 3);
	assert_int_equal(c.merge_pred_right, 1);
	assert_int_equal(c.merge_gold_pairs, 1);
	assert_int_equal(c.merge_gold_found, 1);
	near(nd_fs_ratio(c.merge_pred_right, c.merge_pred_pairs), 1.0 / 3);
	nd_fs_story_dispose(&s);
}

/* Counts what --misses would list: [0] gold missed, [1] extra. */
static void count_miss(void *ctx, int cls, const nd_fs_span *gold,
		       const nd_fs_span *pred)
{
	size_t *n = ctx;

	assert_int_equal(cls, ND_FS_FACTS);
	n[gold == NULL]++;
	assert_int_equal((gold ? gold : pred)->off, 48);
}

/* Facts by kind: "May 5" matched as a date; "300" predicted as money
 * does not match the gold count, so it is both missed and extra; an
 * occurrence repeating the first span is one prediction. */
static void test_facts(void **state)
{
	static const char gold[] = GOLD_HEAD
		"\"facts\": [{\"article\": \"a\", \"offset\": 37, "
		"\"length\": 5, \"kind\": \"date\"}, {\"article\": \"a\", "
		"\"offset\": 48, \"length\": 3, \"kind\": \"count\", "
		"\"value\": \"300\"}]}";
	static const char pred[] =
		"{\"facts\": [{\"kind\": \"date\", \"article\": \"a\", "
		"\"offset\": 37, \"length\": 3, \"occurrences\": [{\"article\": "
		"\"a\", \"offset\": 37, \"length\": 3}]}, {\"kind\": \"money\", "
		"\"article\": \"a\", \"offset\": 48, \"length\": 3}]}";
	nd_fs_counts c = { 0 };
	size_t misses[2] = { 0, 0 };
	nd_fs_prf all;
	nd_fs_story s;

	(void)state;
	load(&s, gold, pred);
	assert_int_equal(nd_fs_score(&c, &s, count_miss, misses), ND_OK);
	assert_int_equal(misses[0], 1);
	assert_int_equal(misses[1], 1);
	assert_int_equal(c.facts[3].match, 1);
	assert_int_equal(c.facts[3].pred, 1);
	assert_int_equal(c.facts[4].gold, 1);
	assert_int_equal(c.facts[4].match, 0);
	assert_int_equal(c.facts[0].pred, 1);
	all = nd_fs_prf_sum(c.facts, ND_FS_FACT_KINDS);
	assert_int_equal(all.gold, 2);
	assert_int_equal(all.pred, 2);
	assert_int_equal(all.match, 1);
	nd_fs_story_dispose(&s);
}

/* FNV-1a's published values; gold spans past their article and unknown
 * kinds are refused. */
static void test_hash_and_refusals(void **state)
{
	static const char past[] = GOLD_HEAD
		"\"facts\": [{\"article\": \"a\", \"offset\": 58, "
		"\"length\": 2, \"kind\": \"date\"}]}";
	static const char kind[] = GOLD_HEAD
		"\"facts\": [{\"article\": \"a\", \"offset\": 0, "
		"\"length\": 2, \"kind\": \"weight\"}]}";
	static const char other[] = GOLD_HEAD
		"\"quotes\": [{\"article\": \"b\", \"offset\": 0, "
		"\"length\": 2, \"direct\": true}]}";
	nd_fs_story s = { 0 };
	nd_err err;

	(void)state;
	assert_true(nd_fs_fnv1a64("", 0) == 0xcbf29ce484222325u);
	assert_true(nd_fs_fnv1a64("a", 1) == 0xaf63dc4c8601ec8cu);
	assert_int_equal(nd_fs_story_gold(&s, &err, past, strlen(past)),
			 ND_EFORMAT);
	nd_fs_story_dispose(&s);
	assert_int_equal(nd_fs_story_gold(&s, &err, kind, strlen(kind)),
			 ND_EFORMAT);
	nd_fs_story_dispose(&s);
	assert_int_equal(nd_fs_story_gold(&s, &err, other, strlen(other)),
			 ND_EFORMAT);
	nd_fs_story_dispose(&s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_largest_overlap_first),
		cmocka_unit_test(test_speaker),
		cmocka_unit_test(test_speaker_bare_names),
		cmocka_unit_test(test_entities_and_merges),
		cmocka_unit_test(test_facts),
		cmocka_unit_test(test_hash_and_refusals),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
