/* Acceptance on the seed articles (shared/seeds beside the repository):
 * the whole pipeline through the public API. Skipped when they are absent. */
#include "test_util.h"

#include <unistd.h> /* access */

#include "newsdigest.h"

static const char *const seed_dirs[] = { "../shared/seeds" };

static nd_batch *batch;

static const char *seeds_dir(void)
{
	size_t i;

	for (i = 0; i < sizeof(seed_dirs) / sizeof(seed_dirs[0]); i++)
		if (access(seed_dirs[i], R_OK | X_OK) == 0)
			return seed_dirs[i];
	return NULL;
}

static int setup(void **state)
{
	const char *dir = seeds_dir();
	int rc;

	(void)state;
	if (dir == NULL)
		return 0;
	if (nd_batch_create(&batch, NULL) != ND_OK)
		return -1;
	rc = nd_batch_add_path(batch, dir);
	if (rc != ND_OK)
		fprintf(stderr, "seeds: %s\n", nd_batch_error(batch));
	rc = nd_batch_run(batch, ND_STAGE_ALL);
	if (rc != ND_OK)
		fprintf(stderr, "seeds: %s\n", nd_batch_error(batch));
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	nd_batch_free(batch);
	batch = NULL;
	return 0;
}

#define NEED_SEEDS()                                                          \
	do {                                                                  \
		(void)state;                                                  \
		if (batch == NULL)                                            \
			skip();                                               \
	} while (0)

static int is_letter(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	       (unsigned char)c >= 0x80;
}

/* True when w occurs in s as a whole word. */
static int has_word(const char *s, const char *w)
{
	const char *p = s;
	size_t n = strlen(w);

	while (s && (p = strstr(p, w)) != NULL) {
		if ((p == s || !is_letter(p[-1])) && !is_letter(p[n]))
			return 1;
		p++;
	}
	return 0;
}

static int entity_has_word(const nd_entity_info *e, const char *w)
{
	size_t k;

	if (has_word(e->name, w))
		return 1;
	for (k = 0; k < e->n_variants; k++)
		if (has_word(e->variants[k], w))
			return 1;
	return 0;
}

static const char *article_id(size_t i)
{
	nd_article_info a;

	return nd_batch_article(&a, batch, i) == ND_OK ? a.id : "";
}

static void one_story_of_five(void **state)
{
	nd_story_info s;

	NEED_SEEDS();
	assert_int_equal(nd_batch_rejected_count(batch), 0);
	assert_int_equal(nd_batch_article_count(batch), 5);
	assert_int_equal(nd_batch_story_count(batch), 1);
	assert_int_equal(nd_batch_story(&s, batch, 0), ND_OK);
	assert_int_equal(s.n_articles, 5);
}

static void no_furniture(void **state)
{
	static const char *const furniture[] = {
		"Connect with us", "what are you looking for",
		"Leave a Reply", "Neque porro", "Quis autem", "Back to top",
		"I subscribe", "Copyright \xc2\xa9", "Click to comment",
		"01711424112", "01847255828",
	};
	nd_article_info a;
	size_t i, k;

	NEED_SEEDS();
	for (i = 0; i < nd_batch_article_count(batch); i++) {
		assert_int_equal(nd_batch_article(&a, batch, i), ND_OK);
		for (k = 0; k < sizeof(furniture) / sizeof(furniture[0]); k++)
			assert_not_contains(a.text, furniture[k]);
	}
}

static void rewrite_found(void **state)
{
	nd_relation r;
	size_t i;
	int found = 0;

	NEED_SEEDS();
	for (i = 0; i < nd_batch_relation_count(batch); i++) {
		assert_int_equal(nd_batch_relation(&r, batch, i), ND_OK);
		if (r.kind == ND_REL_REWRITE_OF &&
		    strcmp(article_id(r.a), "002_a2e798ce7179d953") == 0 &&
		    strcmp(article_id(r.b), "003_ed7db0c8a3587031") == 0)
			found = 1;
	}
	assert_true(found);
}

static size_t count_words(const char *s)
{
	size_t n = 0;
	int in_word = 0;

	for (; *s; s++) {
		int space = *s == ' ' || *s == '\n' || *s == '\t';

		if (!space && !in_word)
			n++;
		in_word = !space;
	}
	return n;
}

static void summary_short_and_corroborated(void **state)
{
	nd_summary_sentence s;
	size_t i, n, words = 0, backed = 0;

	NEED_SEEDS();
	n = nd_batch_summary_count(batch, 0);
	assert_true(n > 0);
	for (i = 0; i < n; i++) {
		assert_int_equal(nd_batch_summary(&s, batch, 0, i), ND_OK);
		words += count_words(s.text);
		backed += s.n_sources >= 2;
	}
	assert_in_range(words, 1, 100);
	assert_true(2 * backed >= n);
}

/* The entity of the story holding word w, with kind, or -1 for any. */
static int find_entity(nd_entity_info *out, const char *w, int kind)
{
	size_t i, n = nd_batch_entity_count(batch, 0);

	for (i = 0; i < n; i++) {
		assert_int_equal(nd_batch_entity(out, batch, 0, i), ND_OK);
		if ((kind < 0 || (int)out->kind == kind) &&
		    entity_has_word(out, w))
			return 1;
	}
	return 0;
}

static int has_variant_word(const nd_entity_info *e, const char *w)
{
	size_t k;

	for (k = 0; k < e->n_variants; k++)
		if (has_word(e->variants[k], w))
			return 1;
	return 0;
}

static void entities_merged(void **state)
{
	nd_entity_info e;

	NEED_SEEDS();
	assert_true(find_entity(&e, "Blinken", ND_ENTITY_PERSON));
	assert_true(find_entity(&e, "Tokayev", -1));
	assert_true(find_entity(&e, "Tileuberdi", -1));
	assert_true(has_variant_word(&e, "Tleuberdi"));
	assert_true(has_variant_word(&e, "Tileuberd"));
}

static void quotes_attributed(void **state)
{
	static const char *const speakers[] = { "Blinken", "Tileuberdi",
						"Tokayev" };
	nd_quote_info q;
	size_t i, k, n;

	NEED_SEEDS();
	n = nd_batch_quote_count(batch, 0);
	for (k = 0; k < sizeof(speakers) / sizeof(speakers[0]); k++) {
		int found = 0;

		for (i = 0; i < n && !found; i++) {
			assert_int_equal(nd_batch_quote(&q, batch, 0, i),
					 ND_OK);
			found = strstr(q.speaker, speakers[k]) != NULL;
		}
		if (!found)
			fail_msg("no quote attributed to %s", speakers[k]);
	}
}

static void c5_one_organisation(void **state)
{
	/* "C5+1" in Latin letters, and with a Cyrillic Es. */
	static const char latin[] = "C5+1", cyrillic[] = "\xd0\xa1" "5+1";
	nd_entity_info e;
	size_t i, n, matches = 0, k;
	int org = 0;

	NEED_SEEDS();
	n = nd_batch_entity_count(batch, 0);
	for (i = 0; i < n; i++) {
		int hit = 0;

		assert_int_equal(nd_batch_entity(&e, batch, 0, i), ND_OK);
		hit = strstr(e.name, latin) || strstr(e.name, cyrillic);
		for (k = 0; k < e.n_variants && !hit; k++)
			hit = strstr(e.variants[k], latin) ||
			      strstr(e.variants[k], cyrillic);
		if (hit) {
			matches++;
			org = e.kind == ND_ENTITY_ORGANISATION &&
			      strstr(e.name, latin) != NULL;
		}
	}
	assert_int_equal(matches, 1);
	assert_true(org);
}

static void fact_25_million(void **state)
{
	nd_fact_info f;
	size_t i, n;
	int found = 0;

	NEED_SEEDS();
	n = nd_batch_fact_count(batch, 0);
	for (i = 0; i < n && !found; i++) {
		assert_int_equal(nd_batch_fact(&f, batch, 0, i), ND_OK);
		found = strstr(f.text, "$25 million") != NULL;
	}
	assert_true(found);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(one_story_of_five),
		cmocka_unit_test(no_furniture),
		cmocka_unit_test(rewrite_found),
		cmocka_unit_test(summary_short_and_corroborated),
		cmocka_unit_test(entities_merged),
		cmocka_unit_test(quotes_attributed),
		cmocka_unit_test(c5_one_organisation),
		cmocka_unit_test(fact_25_million),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
