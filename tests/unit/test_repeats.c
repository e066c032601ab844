/* nd_clean_repeats: lines that repetition across a batch shows to be
 * furniture. Every article here is invented for the test. */
#include "test_util.h"

#include <stdio.h> /* snprintf */

#include "clean/clean.h"
#include "clean/clean_internal.h"
#include "core/arena.h"

static nd_arena *arena;

static int setup(void **state)
{
	(void)state;
	return nd_arena_create(&arena) == ND_OK ? 0 : -1;
}

static int teardown(void **state)
{
	(void)state;
	nd_arena_free(arena);
	arena = NULL;
	return 0;
}

/* An article as nd_clean_* leaves it: title, blank line, body lines. */
static nd_clean_article article(const char *title, const char *body)
{
	nd_clean_article a;
	size_t tl = strlen(title), bl = strlen(body);
	char *text = nd_arena_alloc(arena, tl + 2 + bl + 1);

	assert_non_null(text);
	nd_clean_reset(&a);
	memcpy(text, title, tl);
	memcpy(text + tl, "\n\n", 2);
	memcpy(text + tl + 2, body, bl + 1);
	a.title = title;
	a.text = text;
	a.text_len = tl + 2 + bl;
	a.body_off = tl + 2;
	a.words = nd_clean_count_words(body, bl);
	return a;
}

static const char *body_of(const nd_clean_article *a)
{
	return a->text + a->body_off;
}

#define FOOTER "Harbour Post is read in every port of the northern isles.\n"

/* Three unrelated stories closing with the same line: it goes. */
static void shared_closing_line_dropped(void **state)
{
	nd_clean_article a[3];
	char body[256];
	size_t i, words;

	(void)state;
	for (i = 0; i < 3; i++) {
		snprintf(body, sizeof(body),
			 "Story %zu opens with its own first paragraph.\n"
			 "Its second paragraph, number %zu, is its own too.\n"
			 FOOTER, i, i * 7);
		a[i] = article("A title", body);
	}
	words = a[0].words;
	assert_int_equal(nd_clean_repeats(a, 3, arena), ND_OK);
	for (i = 0; i < 3; i++) {
		assert_not_contains(body_of(&a[i]), "Harbour Post");
		assert_contains(body_of(&a[i]), "its own too.\n");
		assert_int_equal(a[i].dropped_lines, 1);
		assert_int_equal(a[i].text_len, strlen(a[i].text));
	}
	assert_int_equal(a[0].words, words - 11);
}

/* Copies of one story share every line: none of it is furniture. */
static void copies_keep_their_lines(void **state)
{
	nd_clean_article a[4];
	size_t i;

	(void)state;
	for (i = 0; i < 3; i++)
		a[i] = article("Wire story",
			       "The ferry sailed at noon with forty cars.\n"
			       "The crossing took two hours in calm seas.\n"
			       FOOTER);
	a[3] = article("Other", "A different story about the lighthouse.\n"
				"Its keepers voted on Tuesday.\n" FOOTER);
	assert_int_equal(nd_clean_repeats(a, 4, arena), ND_OK);
	for (i = 0; i < 4; i++) {
		assert_contains(body_of(&a[i]), "Harbour Post");
		assert_int_equal(a[i].dropped_lines, 0);
	}
}

/* A line shared in the middle of bodies (a quote every outlet prints)
 * stays; so does everything when only two articles share a line. */
static void middle_lines_and_pairs_stay(void **state)
{
	nd_clean_article a[3];
	char body[256];
	size_t i;

	(void)state;
	for (i = 0; i < 3; i++) {
		snprintf(body, sizeof(body),
			 "Outlet %zu wrote its own lead.\n"
			 "\"We will keep the lamp lit,\" the keeper said.\n"
			 "Outlet %zu ended its own way.\n", i, i);
		a[i] = article("Lamp", body);
	}
	assert_int_equal(nd_clean_repeats(a, 3, arena), ND_OK);
	for (i = 0; i < 3; i++)
		assert_contains(body_of(&a[i]), "keep the lamp lit");
	a[0] = article("One", "First story line.\n" FOOTER);
	a[1] = article("Two", "Second story line.\n" FOOTER);
	assert_int_equal(nd_clean_repeats(a, 2, arena), ND_OK);
	assert_contains(body_of(&a[0]), "Harbour Post");
}

/* A run of repeated lines at the top goes as a block; a body made only
 * of repeated lines is left whole. */
static void opening_run_and_whole_body(void **state)
{
	nd_clean_article a[4];
	char body[256];
	size_t i;

	(void)state;
	for (i = 0; i < 3; i++) {
		snprintf(body, sizeof(body),
			 "Home | Ports | Weather\n"
			 "Subscribe to the morning tide tables.\n"
			 "Story %zu is about boat number %zu, which the harbour "
			 "master found adrift off the north pier at dawn.\n",
			 i, i * 3);
		a[i] = article("Boats", body);
	}
	a[3] = article("Menu only", "Home | Ports | Weather\n"
				    "Subscribe to the morning tide tables.\n");
	assert_int_equal(nd_clean_repeats(a, 4, arena), ND_OK);
	for (i = 0; i < 3; i++) {
		snprintf(body, sizeof(body),
			 "Story %zu is about boat number %zu, which the harbour "
			 "master found adrift off the north pier at dawn.\n",
			 i, i * 3);
		assert_string_equal(body_of(&a[i]), body);
		assert_int_equal(a[i].dropped_lines, 2);
	}
	assert_contains(body_of(&a[3]), "Home | Ports");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)
		T(shared_closing_line_dropped),
		T(copies_keep_their_lines),
		T(middle_lines_and_pairs_stay),
		T(opening_run_and_whole_body),
#undef T
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
