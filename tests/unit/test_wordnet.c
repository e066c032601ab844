/* wordnet: lookups in the sorted database files, on the hand-written
 * miniature in tests/fixtures/wordnet, on broken copies of it, and on the
 * real WordNet where wordnet-base is installed. */
#include "test_util.h"

#include <stdio.h>  /* fopen, fputs */
#include <stdlib.h> /* mkdtemp, system */

#include "core/alloc.h"
#include "wordnet/morphy.h"
#include "wordnet/wn_file.h"
#include "wordnet/wordnet.h"

#define FIXTURE "tests/fixtures/wordnet"
#define REAL ND_WORDNET_DIR

static nd_wordnet *open_dir(const char *dir)
{
	nd_wordnet *wn = NULL;
	nd_err err;

	if (nd_wordnet_create(&wn, dir, &err) != ND_OK)
		fail_msg("%s", err.msg);
	return wn;
}

static size_t synsets(uint32_t *off, nd_wordnet *wn, nd_wn_pos pos,
		      const char *w)
{
	size_t n = 99;
	int rc = nd_wordnet_synsets(off, &n, 64, wn, pos, w, strlen(w));

	assert_true(rc == ND_OK || rc == ND_ENOTFOUND);
	return n;
}

/* The lemmas morphy finds for w as pos, joined by spaces. */
static const char *morphy(nd_wordnet *wn, nd_wn_pos pos, const char *w)
{
	/* Room for every base at its longest, each with its space. */
	static char out[ND_MORPHY_MAX * (ND_WN_WORD_MAX + 1)];
	nd_wn_word b[ND_MORPHY_MAX];
	size_t n, i;

	assert_int_equal(nd_wordnet_morphy(b, &n, wn, pos, w, strlen(w)), 0);
	out[0] = '\0';
	for (i = 0; i < n; i++) {
		if (i)
			strcat(out, " ");
		strcat(out, b[i].text);
	}
	return out;
}

static unsigned long count(nd_wordnet *wn, const char *w)
{
	unsigned long c = 99;

	assert_int_equal(nd_wordnet_count(&c, wn, w, strlen(w)), 0);
	return c;
}

static void fixture_synsets(void **state)
{
	nd_wordnet *wn = open_dir(FIXTURE);
	uint32_t off[64];

	(void)state;
	assert_int_equal(synsets(off, wn, ND_WN_NOUN, "car"), 2);
	assert_int_equal(off[0], 201);
	assert_int_equal(off[1], 202);
	assert_int_equal(synsets(off, wn, ND_WN_NOUN, "automobile"), 1);
	assert_int_equal(off[0], 201);
	/* First and last entries, and neighbours of them that are absent. */
	assert_int_equal(synsets(off, wn, ND_WN_NOUN, "run"), 1);
	assert_int_equal(synsets(off, wn, ND_WN_NOUN, "auto"), 0);
	assert_int_equal(synsets(off, wn, ND_WN_NOUN, "zebra"), 0);
	assert_int_equal(synsets(off, wn, ND_WN_NOUN, "ca"), 0);
	assert_int_equal(synsets(off, wn, ND_WN_NOUN, "cars"), 0);
	assert_int_equal(synsets(off, wn, ND_WN_VERB, "car"), 0);
	/* The licence header is no entry. */
	assert_int_equal(synsets(off, wn, ND_WN_NOUN, " "), 0);
	assert_int_equal(synsets(off, wn, ND_WN_ADV, "well"), 1);
	assert_true(nd_wordnet_has(wn, ND_WN_ADJ, "top", 3));
	assert_false(nd_wordnet_has(wn, ND_WN_ADJ, "to", 2));
	assert_false(nd_wordnet_has(wn, ND_WN_ADJ, "", 0));
	nd_wordnet_free(wn);
}

static void fixture_morphy(void **state)
{
	nd_wordnet *wn = open_dir(FIXTURE);

	(void)state;
	assert_string_equal(morphy(wn, ND_WN_NOUN, "cars"), "car");
	assert_string_equal(morphy(wn, ND_WN_NOUN, "churches"), "church");
	assert_string_equal(morphy(wn, ND_WN_NOUN, "children"), "child");
	assert_string_equal(morphy(wn, ND_WN_NOUN, "car"), "car");
	assert_string_equal(morphy(wn, ND_WN_NOUN, "oxen"), "ox");
	assert_string_equal(morphy(wn, ND_WN_VERB, "arrived"), "arrive");
	assert_string_equal(morphy(wn, ND_WN_VERB, "reaches"), "reach");
	assert_string_equal(morphy(wn, ND_WN_VERB, "went"), "go");
	assert_string_equal(morphy(wn, ND_WN_ADJ, "best"), "good well best");
	assert_string_equal(morphy(wn, ND_WN_ADV, "better"), "well");
	assert_string_equal(morphy(wn, ND_WN_NOUN, "s"), "");
	assert_string_equal(morphy(wn, ND_WN_NOUN, "zebras"), "");
	nd_wordnet_free(wn);
}

static void fixture_counts(void **state)
{
	nd_wordnet *wn = open_dir(FIXTURE);

	(void)state;
	assert_int_equal(count(wn, "good"), 120);
	assert_int_equal(count(wn, "go"), 200);
	assert_int_equal(count(wn, "goodness"), 4);
	assert_int_equal(count(wn, "best"), 50);
	assert_int_equal(count(wn, "goo"), 0);
	assert_int_equal(count(wn, "zebra"), 0);
	assert_int_equal(count(wn, "a"), 0);
	nd_wordnet_free(wn);
}

static void missing(void **state)
{
	nd_wordnet *wn = NULL;
	nd_err err;

	(void)state;
	assert_int_equal(nd_wordnet_create(&wn, "tests/fixtures/none", &err),
			 ND_EIO);
	assert_null(wn);
	assert_contains(err.msg, "tests/fixtures/none/index.noun");
	assert_contains(err.msg, "wordnet-base");
}

/* A copy of the fixture in a fresh folder, with file name holding text. */
static void broken_copy(char *dir, const char *name, const char *text)
{
	char cmd[512], path[300];
	FILE *f;

	strcpy(dir, "/tmp/nd-wordnet-XXXXXX");
	assert_non_null(mkdtemp(dir));
	snprintf(cmd, sizeof(cmd), "cp " FIXTURE "/* %s/", dir);
	assert_int_equal(system(cmd), 0);
	snprintf(path, sizeof(path), "%s/%s", dir, name);
	f = fopen(path, "w");
	assert_non_null(f);
	fputs(text, f);
	fclose(f);
}

static void remove_copy(const char *dir)
{
	char cmd[300];

	snprintf(cmd, sizeof(cmd), "rm -rf %s", dir);
	assert_int_equal(system(cmd), 0);
}

static void broken(void **state)
{
	char dir[64], *long_line;
	nd_wordnet *wn = NULL;
	nd_err err;
	uint32_t off[4];
	unsigned long c;
	size_t n;

	(void)state;
	broken_copy(dir, "index.verb", "go v 1 1 @ 1 1 00000601");
	assert_int_equal(nd_wordnet_create(&wn, dir, &err), ND_EFORMAT);
	assert_contains(err.msg, "index.verb: does not end in a newline");
	remove_copy(dir);

	broken_copy(dir, "adv.exc", "");
	assert_int_equal(nd_wordnet_create(&wn, dir, &err), ND_EFORMAT);
	assert_contains(err.msg, "adv.exc: empty");
	remove_copy(dir);

	broken_copy(dir, "index.noun", "car n x 1 @ 1 1 00000201\n"
		    "dog n 3 1 @ 1 1 00000201\nowl n 1 1 @ 1 1 0000201\n");
	wn = open_dir(dir);
	assert_int_equal(nd_wordnet_synsets(off, &n, 4, wn, ND_WN_NOUN,
					    "car", 3), ND_EFORMAT);
	assert_int_equal(nd_wordnet_synsets(off, &n, 4, wn, ND_WN_NOUN,
					    "dog", 3), ND_EFORMAT);
	assert_int_equal(nd_wordnet_synsets(off, &n, 4, wn, ND_WN_NOUN,
					    "owl", 3), ND_EFORMAT);
	nd_wordnet_free(wn);
	remove_copy(dir);

	long_line = nd_malloc(ND_WN_LINE_MAX + 64);
	assert_non_null(long_line);
	memset(long_line, 'a', ND_WN_LINE_MAX + 10);
	strcpy(long_line + ND_WN_LINE_MAX + 10, " 1 9\nzebra%1 1 3\n");
	broken_copy(dir, "cntlist.rev", long_line);
	nd_free(long_line);
	wn = open_dir(dir);
	assert_int_equal(nd_wordnet_count(&c, wn, "zebra", 5), ND_EFORMAT);
	nd_wordnet_free(wn);
	remove_copy(dir);
}

/* Every lemma of the real index.adv is found by the binary search, with
 * as many synsets as its line says. */
static void real_every_adverb(void **state)
{
	nd_wordnet *wn;
	nd_wn_file f;
	nd_err err;
	uint32_t off[512];
	const char *p, *end, *sp, *nl;
	size_t n, lemmas = 0;

	(void)state;
	if (nd_wn_file_map(&f, REAL "/index.adv", &err) != ND_OK)
		skip();
	wn = open_dir(REAL);
	for (p = f.data, end = f.data + f.size; p < end; p = nl + 1) {
		nl = memchr(p, '\n', (size_t)(end - p));
		if (*p == ' ')
			continue;
		sp = memchr(p, ' ', (size_t)(nl - p));
		assert_non_null(sp);
		assert_int_equal(nd_wordnet_synsets(off, &n, 512, wn,
						    ND_WN_ADV, p,
						    (size_t)(sp - p)), 0);
		assert_int_equal(n, strtoul(sp + 3, NULL, 10));
		lemmas++;
	}
	assert_true(lemmas > 3000);
	nd_wordnet_free(wn);
	nd_wn_file_unmap(&f);
}

static void real_lookups(void **state)
{
	nd_wordnet *wn = NULL;
	nd_err err;
	uint32_t car[64], automobile[64];
	size_t nc, na, i, j, shared = 0;

	(void)state;
	if (nd_wordnet_create(&wn, REAL, &err) != ND_OK)
		skip();
	nc = synsets(car, wn, ND_WN_NOUN, "car");
	na = synsets(automobile, wn, ND_WN_NOUN, "automobile");
	for (i = 0; i < nc; i++)
		for (j = 0; j < na; j++)
			shared += car[i] == automobile[j];
	assert_true(nc >= 1 && na >= 1 && shared == 1);
	assert_string_equal(morphy(wn, ND_WN_VERB, "went"), "go");
	assert_string_equal(morphy(wn, ND_WN_NOUN, "geese"), "goose");
	assert_string_equal(morphy(wn, ND_WN_NOUN, "churches"), "church");
	assert_true(count(wn, "good") > count(wn, "diplomat"));
	assert_true(count(wn, "diplomat") > 0);
	assert_int_equal(count(wn, "qqqzx"), 0);
	nd_wordnet_free(wn);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(fixture_synsets),
		cmocka_unit_test(fixture_morphy),
		cmocka_unit_test(fixture_counts),
		cmocka_unit_test(missing),
		cmocka_unit_test(broken),
		cmocka_unit_test(real_every_adverb),
		cmocka_unit_test(real_lookups),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
