/* similar: the tokens of a sentence, and the paraphrase score of pairs,
 * with the miniature WordNet of tests/fixtures/wordnet. */
#include "test_util.h"

#include <locale.h> /* setlocale */
#include <math.h>   /* fabs */
#include <stdio.h>  /* snprintf */

#include "core/alloc.h"
#include "newsdigest.h"
#include "similar/similar.h"
#include "similar/tokens.h"

#define FIXTURE "tests/fixtures/wordnet"

/* The tokens of s, space-separated, each marked '*' when a stop word. */
static const char *tokens(const char *s)
{
	static nd_sim_token t[ND_SIM_TOKENS_MAX];
	static char out[1024];
	size_t n = nd_sim_tokenise(t, s, strlen(s)), i, at = 0;

	out[0] = '\0';
	for (i = 0; i < n && at < sizeof(out) - 80; i++)
		at += (size_t)snprintf(out + at, sizeof(out) - at, "%s%s%s",
				       i ? " " : "", t[i].word,
				       t[i].flags & ND_SIM_STOP ? "*" : "");
	return out;
}

static void normalising(void **state)
{
	(void)state;
	assert_string_equal(tokens("U.S. shares didn't rise 5 per cent."),
			    "usa shares did* not* rise 5 percent");
	assert_string_equal(tokens("The US and the U.N. won't agree"),
			    "the* usa and* the* un will* not* agree");
	assert_string_equal(tokens("Standard & Poor's 500 index <.SPX> fell"),
			    "standard and* poor 500 index fell");
	assert_string_equal(tokens("The Nasdaq .IXIC rose 1.2%; .5 is no "
				   "ticker"), "the* nasdaq rose 1.2 5 is* "
			    "no* ticker");
	assert_string_equal(tokens("It paid $1,698.02, then $1.5 billion"),
			    "it* paid 1698.02 then* 1.5e+09");
	assert_string_equal(tokens("\xe2\x80\x9cWe\xe2\x80\x99re "
				   "top-ranked,\xe2\x80\x9d she said."),
			    "we* top ranked she* said*");
	assert_string_equal(tokens(""), "");
	assert_string_equal(tokens("<<<>>> ... $ %"), "");
}

/* A program embedding the library may set a locale whose decimal point
 * is a comma; numbers must still read and print with a dot. Skipped
 * where no such locale is installed (LOCPATH is honoured). */
static void numbers_whatever_the_locale(void **state)
{
	static const char *const comma_locales[] = {
		"de_DE.UTF-8", "de_DE.utf8", "fr_FR.UTF-8", "fr_FR.utf8",
		"nl_NL.UTF-8", "ru_RU.UTF-8", NULL
	};
	const char *const *loc;
	const char *got;

	(void)state;
	for (loc = comma_locales; *loc; loc++)
		if (setlocale(LC_NUMERIC, *loc))
			break;
	if (*loc == NULL)
		skip();
	got = tokens("It paid $1,698.02, then $1.5 billion");
	setlocale(LC_NUMERIC, "C");
	assert_string_equal(got, "it* paid 1698.02 then* 1.5e+09");
}

static nd_similar *scorer(void)
{
	nd_similar *s = NULL;

	if (nd_similar_create(&s, FIXTURE) != ND_OK)
		fail_msg("%s", nd_similar_error(s));
	return s;
}

static double score(nd_similar *s, const char *a, const char *b)
{
	double sc, back;
	int yes, yes2;

	assert_int_equal(nd_similar_score(&sc, &yes, s, a, strlen(a), b,
					  strlen(b)), 0);
	assert_true(sc >= 0 && sc <= 1);
	assert_int_equal(yes, sc >= nd_similar_threshold());
	assert_int_equal(nd_similar_score(&back, &yes2, s, b, strlen(b), a,
					  strlen(a)), 0);
	assert_true(fabs(back - sc) < 1e-12); /* symmetric */
	return sc;
}

static void scores(void **state)
{
	nd_similar *s = scorer();
	const char *a = "The top diplomat arrived in the capital on Monday "
			"for talks on the treaty.";

	(void)state;
	assert_true(score(s, a, a) > 0.9);
	assert_true(score(s, a, "Heavy rain flooded farms across the "
			  "northern valley overnight.") <
		    nd_similar_threshold());
	assert_true(score(s, "", "") >= 0);
	nd_similar_free(s);
}

/* "best" shares a synset with "top" in the fixture, "tall" nothing: the
 * synonym swap counts as a match that plain overlap does not see. */
static void synonyms(void **state)
{
	nd_similar *s = scorer();
	const char *a = "The top diplomat arrived in Paris.";
	const char *syn = "The best diplomat arrived in Paris.";
	const char *other = "The tall diplomat arrived in Paris.";
	double f1[ND_SIM_NFEAT], f2[ND_SIM_NFEAT];

	(void)state;
	assert_int_equal(nd_similar_features(f1, s, a, strlen(a), syn,
					     strlen(syn)), 0);
	assert_int_equal(nd_similar_features(f2, s, a, strlen(a), other,
					     strlen(other)), 0);
	assert_true(f1[ND_SIM_F_JAC_ALL] == f2[ND_SIM_F_JAC_ALL]);
	assert_true(f1[ND_SIM_F_WN_CNT] == 1.0);
	assert_true(f2[ND_SIM_F_WN_CNT] < 1.0);
	assert_true(score(s, a, syn) > score(s, a, other));
	/* Inflections meet through morphy: "cars"/"automobiles". */
	assert_true(score(s, "Two cars went by.", "Two automobiles went "
			  "by.") > score(s, "Two cars went by.", "Two "
					 "bicycles went by."));
	nd_similar_free(s);
}

/* With the real WordNet (skipped without wordnet-base): "purchased" and
 * "bought" share a synset through morphy's "buy" and "purchase". (WordNet
 * 3.0 has no synset of both "top" and "best".) */
static void real_synonyms(void **state)
{
	nd_similar *s = NULL;
	const char *a = "The company bought the firm in March.";
	const char *syn = "The company purchased the firm in March.";
	const char *other = "The company painted the firm in March.";
	double f[ND_SIM_NFEAT];

	(void)state;
	if (nd_similar_create(&s, NULL) != ND_OK) {
		nd_similar_free(s);
		skip();
	}
	assert_int_equal(nd_similar_features(f, s, a, strlen(a), syn,
					     strlen(syn)), 0);
	assert_true(f[ND_SIM_F_WN_CNT] == 1.0);
	assert_true(score(s, a, syn) > score(s, a, other));
	assert_true(score(s, a, a) > 0.9);
	assert_true(score(s, a, "Heavy rain flooded farms across the "
			  "northern valley overnight.") <
		    nd_similar_threshold());
	nd_similar_free(s);
}

static void bad_input(void **state)
{
	nd_similar *s = scorer();
	char *big = nd_malloc(ND_SIMILAR_MAX_BYTES + 2);
	double sc;
	int yes;

	(void)state;
	assert_non_null(big);
	sc = 0.5;
	yes = 1;
	assert_int_equal(nd_similar_score(&sc, &yes, s, "ok", 2, "a\xff", 2),
			 ND_EUTF8);
	assert_true(sc == 0 && yes == 0);
	assert_contains(nd_similar_error(s), "second sentence is not UTF-8");
	memset(big, 'a', ND_SIMILAR_MAX_BYTES + 1);
	assert_int_equal(nd_similar_score(&sc, &yes, s, big,
					  ND_SIMILAR_MAX_BYTES + 1, "a", 1),
			 ND_ETOOBIG);
	assert_int_equal(nd_similar_score(&sc, &yes, s, big,
					  ND_SIMILAR_MAX_BYTES, "a", 1), 0);
	assert_string_equal(nd_similar_error(s), "");
	/* Words of single letters: the most tokens a sentence can hold. */
	for (size_t i = 0; i < ND_SIMILAR_MAX_BYTES; i += 2)
		big[i + 1] = ' ';
	assert_int_equal(nd_similar_score(&sc, &yes, s, big,
					  ND_SIMILAR_MAX_BYTES, big,
					  ND_SIMILAR_MAX_BYTES), 0);
	nd_free(big);
	nd_similar_free(s);
	nd_similar_free(NULL);
}

static void no_wordnet(void **state)
{
	nd_similar *s = NULL;
	double sc;
	int yes;

	(void)state;
	assert_int_equal(nd_similar_create(&s, "tests/fixtures/none"),
			 ND_EIO);
	assert_non_null(s);
	assert_contains(nd_similar_error(s), "tests/fixtures/none/");
	assert_contains(nd_similar_error(s), "install wordnet-base");
	assert_int_equal(nd_similar_score(&sc, &yes, s, "a", 1, "b", 1),
			 ND_EINVAL);
	assert_contains(nd_similar_error(s), "install wordnet-base");
	nd_similar_free(s);
}

/* Every allocation failing in turn gives ND_ENOMEM, never a crash or a
 * leak. */
static void out_of_memory(void **state)
{
	unsigned long n;
	nd_similar *s;
	double sc;
	int yes, rc;

	(void)state;
	for (n = 1; n < 200; n++) {
		s = NULL;
		nd_alloc_fail_after(n);
		rc = nd_similar_create(&s, FIXTURE);
		if (rc == ND_OK)
			rc = nd_similar_score(&sc, &yes, s, "Two cars went.",
					      14, "A car went by.", 14);
		nd_similar_free(s);
		if (nd_alloc_fail_pending() != 0) {
			nd_alloc_fail_after(0);
			assert_int_equal(rc, ND_OK);
			return;
		}
		assert_int_equal(rc, ND_ENOMEM);
	}
	fail_msg("still failing after 200 allocations");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(normalising),
		cmocka_unit_test(numbers_whatever_the_locale),
		cmocka_unit_test(scores),
		cmocka_unit_test(synonyms),
		cmocka_unit_test(real_synonyms),
		cmocka_unit_test(bad_input),
		cmocka_unit_test(no_wordnet),
		cmocka_unit_test(out_of_memory),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
