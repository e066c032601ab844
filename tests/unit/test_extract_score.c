/* Unit tests of the extraction scorers' core (tools/eval/): the \w+
 * tokenizer, shingle multisets, per-page and corpus scores of AEB, the
 * snippet counts of trafilatura-eval, and the readers of their files. */
#include "test_util.h"

#include <stdio.h>  /* FILE, fopen */
#include <stdlib.h> /* free, mkdtemp */
#include <string.h> /* strlen, memcmp */
#include <unistd.h> /* unlink, rmdir */
#include <zlib.h>   /* gzopen */

#include "core/buf.h"
#include "eval/eval_input.h"
#include "eval/extract_score.h"

/* Tokenizes s and checks the tokens against the NULL-terminated want. */
static void expect_tokens(const char *s, const char *const *want)
{
	nd_eval_tokens t = { NULL, 0, 0 };
	size_t i;

	assert_int_equal(nd_eval_tokenize(&t, s, strlen(s)), 0);
	for (i = 0; want[i] != NULL; i++) {
		if (i >= t.n)
			fail_msg("\"%s\": %zu tokens, expected more", s, t.n);
		if (t.v[i].len != strlen(want[i]) ||
		    memcmp(t.v[i].p, want[i], t.v[i].len) != 0)
			fail_msg("\"%s\": token %zu is \"%.*s\", not \"%s\"", s,
				 i, (int)t.v[i].len, t.v[i].p, want[i]);
	}
	assert_int_equal(t.n, i);
	nd_eval_tokens_dispose(&t);
}

static void test_tokenize(void **state)
{
	static const char *const latin[] = { "Hello", "w\xC3\xB6rld_1",
					     "2x", "don", "t", "e", "mail",
					     NULL };
	/* "½" is a number (No); a combining acute (Mn) is no word
	 * character for Python's \w, so it splits "x\u0301y". */
	static const char *const marks[] = { "\xC2\xBD", "x", "y", NULL };
	/* Kanji, Arabic-Indic digits, a modifier letter. */
	static const char *const scripts[] = { "\xE6\x9D\xB1\xE4\xBA\xAC",
					       "\xD9\xA3\xD9\xA4",
					       "a\xCA\xB0", NULL };
	static const char *const broken[] = { "ab", "cd", NULL };
	static const char *const none[] = { NULL };

	(void)state;
	expect_tokens("Hello, w\xC3\xB6rld_1 -- 2x don't e-mail.", latin);
	expect_tokens("\xC2\xBD x\xCC\x81y", marks);
	expect_tokens("\xE6\x9D\xB1\xE4\xBA\xAC \xD9\xA3\xD9\xA4 a\xCA\xB0",
		      scripts);
	expect_tokens("ab\xFF" "cd", broken);
	expect_tokens("", none);
	expect_tokens(" ... \xE2\x80\x94 ", none);
	assert_true(nd_eval_is_word('_'));
	assert_true(nd_eval_is_word('7'));
	assert_false(nd_eval_is_word('-'));
	assert_false(nd_eval_is_word(0x301));
}

/* Shingle counts of two texts. */
static void expect_counts(const char *truth, const char *pred, size_t tp,
			  size_t fp, size_t fn)
{
	nd_eval_tokens a = { NULL, 0, 0 }, b = { NULL, 0, 0 };
	size_t got_tp, got_fp, got_fn;

	assert_int_equal(nd_eval_tokenize(&a, truth, strlen(truth)), 0);
	assert_int_equal(nd_eval_tokenize(&b, pred, strlen(pred)), 0);
	assert_int_equal(nd_eval_shingle_counts(&got_tp, &got_fp, &got_fn,
						&a, &b),
			 0);
	if (got_tp != tp || got_fp != fp || got_fn != fn)
		fail_msg("\"%s\" / \"%s\": tp %zu fp %zu fn %zu, expected "
			 "%zu %zu %zu", truth, pred, got_tp, got_fp, got_fn,
			 tp, fp, fn);
	nd_eval_tokens_dispose(&a);
	nd_eval_tokens_dispose(&b);
}

static void test_shingles(void **state)
{
	(void)state;
	/* Fewer than 4 tokens: one shingle of them all. */
	expect_counts("a b c", "a, b; c!", 1, 0, 0);
	expect_counts("a b c", "a b c d", 0, 1, 1);
	expect_counts("a", "b", 0, 1, 1);
	/* An empty text has no shingle. */
	expect_counts("", "", 0, 0, 0);
	expect_counts("", "a", 0, 1, 0);
	expect_counts("a b c d e", "", 0, 0, 2);
	/* A multiset: "x y z w" occurs twice in the truth, once in pred. */
	expect_counts("x y z w x y z w", "x y z w", 1, 0, 4);
	expect_counts("x y z w x y z w", "x y z w x y z w x y z w", 5, 4, 0);
	/* Case matters; order within a shingle too. */
	expect_counts("The cat sat down", "the cat sat down", 0, 1, 1);
	expect_counts("a b c d e f", "a b c d x e f", 1, 3, 2);
}

static void test_page_score(void **state)
{
	nd_eval_page p;

	(void)state;
	nd_eval_page_score(&p, 2, 1, 1);
	/* Counts are shares of their sum: every page weighs the same. */
	assert_float_equal(p.tp, 0.5, 1e-12);
	assert_float_equal(p.fp, 0.25, 1e-12);
	assert_float_equal(p.fn, 0.25, 1e-12);
	assert_float_equal(p.precision, 2.0 / 3, 1e-12);
	assert_float_equal(p.recall, 2.0 / 3, 1e-12);
	nd_eval_page_score(&p, 7, 0, 0);
	assert_float_equal(p.precision, 1.0, 0);
	assert_float_equal(p.recall, 1.0, 0);
	/* Both empty: 1 and 1 by the rule, but in neither mean. */
	nd_eval_page_score(&p, 0, 0, 0);
	assert_float_equal(p.precision, 1.0, 0);
	assert_false(p.counts_precision);
	assert_false(p.counts_recall);
	/* Nothing extracted: recall 0, no precision to speak of. */
	nd_eval_page_score(&p, 0, 0, 5);
	assert_float_equal(p.precision, 0.0, 0);
	assert_float_equal(p.recall, 0.0, 0);
	assert_false(p.counts_precision);
	assert_true(p.counts_recall);
	/* Only noise extracted, for an empty truth. */
	nd_eval_page_score(&p, 0, 3, 0);
	assert_float_equal(p.precision, 0.0, 0);
	assert_float_equal(p.recall, 0.0, 0);
	assert_true(p.counts_precision);
	assert_false(p.counts_recall);
}

static void test_corpus(void **state)
{
	nd_eval_corpus c = { 0 };
	nd_eval_page p;
	nd_eval_result r;

	(void)state;
	nd_eval_corpus_result(&r, &c);
	assert_float_equal(r.f1, 0.0, 0);
	assert_float_equal(r.accuracy, 0.0, 0);
	nd_eval_page_score(&p, 1, 1, 0); /* P 0.5, R 1 */
	nd_eval_corpus_add(&c, &p, false);
	nd_eval_page_score(&p, 1, 0, 1); /* P 1, R 0.5 */
	nd_eval_corpus_add(&c, &p, false);
	nd_eval_corpus_result(&r, &c);
	assert_float_equal(r.precision, 0.75, 1e-12);
	assert_float_equal(r.recall, 0.75, 1e-12);
	assert_float_equal(r.f1, 0.75, 1e-12);
	/* An empty extraction lowers recall only; an exact page counts. */
	nd_eval_page_score(&p, 0, 0, 4);
	nd_eval_corpus_add(&c, &p, false);
	nd_eval_page_score(&p, 3, 0, 0);
	nd_eval_corpus_add(&c, &p, true);
	nd_eval_corpus_result(&r, &c);
	assert_float_equal(r.precision, 2.5 / 3, 1e-12);
	assert_float_equal(r.recall, 2.5 / 4, 1e-12);
	/* F1 of the means, not the mean of the F1s. */
	assert_float_equal(r.f1, 2 * (2.5 / 3) * (2.5 / 4) /
					 (2.5 / 3 + 2.5 / 4),
			   1e-12);
	assert_float_equal(r.accuracy, 0.25, 1e-12);
}

static void expect_squash(const char *s, const char *want)
{
	nd_buf b = ND_BUF_INIT(1024);

	assert_int_equal(nd_eval_squash(&b, s, strlen(s)), 0);
	assert_string_equal(b.ptr ? b.ptr : "", want);
	nd_buf_dispose(&b);
}

static void test_squash(void **state)
{
	(void)state;
	expect_squash("  a\t\n b  ", "a b");
	/* No-break, em and ideographic spaces, NEL and the file separator
	 * are \s; the zero-width space is not. */
	expect_squash("a\xC2\xA0\xE2\x80\x83" "b\xE3\x80\x80" "c\xC2\x85"
		      "d\x1C" "e",
		      "a b c d e");
	expect_squash("c \xE2\x80\x8B" "d", "c \xE2\x80\x8B" "d");
	expect_squash(" \n\t ", "");
	expect_squash("", "");
}

static void test_snippets(void **state)
{
	static const char text[] = "The mayor said it. Cookie settings";
	nd_eval_snippets s = { 0, 0, 0, 0 };
	nd_eval_result r;

	(void)state;
	nd_eval_snippet_add(&s, text, strlen(text), "mayor said", 10, true);
	nd_eval_snippet_add(&s, text, strlen(text), "Mayor said", 10, true);
	nd_eval_snippet_add(&s, text, strlen(text), "it. Cookie", 10, false);
	nd_eval_snippet_add(&s, text, strlen(text), "Subscribe", 9, false);
	nd_eval_snippet_add(&s, "", 0, "", 0, true);
	assert_int_equal(s.tp, 2);
	assert_int_equal(s.fn, 1);
	assert_int_equal(s.fp, 1);
	assert_int_equal(s.tn, 1);
	nd_eval_snippets_result(&r, &s);
	assert_float_equal(r.precision, 2.0 / 3, 1e-12);
	assert_float_equal(r.recall, 2.0 / 3, 1e-12);
	assert_float_equal(r.accuracy, 3.0 / 5, 1e-12);
	assert_float_equal(r.f1, 4.0 / 6, 1e-12);
	s = (nd_eval_snippets){ 0, 0, 0, 0 };
	nd_eval_snippets_result(&r, &s);
	assert_float_equal(r.precision + r.recall + r.accuracy + r.f1, 0.0,
			   0);
}

static void test_clean_body(void **state)
{
	size_t n;
	const char *b;

	(void)state;
	b = nd_eval_clean_body("Title\n\nBody.\nMore.\n", 19, &n);
	assert_int_equal(n, 12);
	assert_memory_equal(b, "Body.\nMore.\n", 12);
	b = nd_eval_clean_body("\n\nNo title.\n", 12, &n);
	assert_int_equal(n, 10);
	assert_memory_equal(b, "No title.\n", 10);
	b = nd_eval_clean_body("no gap\n", 7, &n);
	assert_int_equal(n, 7);
	b = nd_eval_clean_body("", 0, &n);
	assert_int_equal(n, 0);
}

/* ---- files ---- */

static void write_plain(const char *path, const char *s)
{
	FILE *f = fopen(path, "wb");

	assert_non_null(f);
	assert_int_equal(fputs(s, f) >= 0, 1);
	assert_int_equal(fclose(f), 0);
}

static void write_gz(const char *path, const char *s)
{
	gzFile f = gzopen(path, "wb");

	assert_non_null(f);
	assert_int_equal(gzwrite(f, s, (unsigned)strlen(s)), (int)strlen(s));
	assert_int_equal(gzclose(f), Z_OK);
}

static int collect(void *ctx, const char *s, size_t n)
{
	nd_buf *all = ctx;

	assert_int_equal(nd_buf_put(all, s, n), 0);
	return nd_buf_putc(all, '|');
}

static void test_inputs(void **state)
{
	char dir[] = "/tmp/nd_eval_XXXXXX", path[64];
	nd_eval_docs d = { NULL, NULL, 0, 0 };
	nd_buf b = ND_BUF_INIT(1024);
	const nd_eval_doc *doc;
	nd_err err;

	(void)state;
	assert_non_null(mkdtemp(dir));
	snprintf(path, sizeof(path), "%s/gt.json", dir);
	write_plain(path, "{\"b\": {\"articleBody\": \"Two\\nlines \\u00e9\","
			  " \"url\": \"u\"}, \"a\": {\"url\": \"only\"},"
			  " \"c\": {\"articleBody\": null}}");
	assert_int_equal(nd_eval_docs_load(&d, &err, path, "articleBody"), 0);
	assert_int_equal(d.n, 3);
	assert_string_equal(d.v[0].id, "a"); /* sorted */
	doc = nd_eval_docs_find(&d, "b");
	assert_non_null(doc);
	assert_string_equal(doc->text, "Two\nlines \xC3\xA9");
	assert_int_equal(doc->len, 12);
	assert_string_equal(nd_eval_docs_find(&d, "c")->text, "");
	assert_null(nd_eval_docs_find(&d, "zz"));
	nd_eval_docs_dispose(&d);
	unlink(path);

	/* Wrapped, gzipped. */
	snprintf(path, sizeof(path), "%s/peer.json.gz", dir);
	write_gz(path, "{\"version\": \"1.0\", \"output\": {\"x\":"
		       " {\"articleBody\": \"X text\"}}}");
	assert_int_equal(nd_eval_docs_load(&d, &err, path, "articleBody"), 0);
	assert_int_equal(d.n, 1);
	assert_string_equal(nd_eval_docs_find(&d, "x")->text, "X text");
	nd_eval_docs_dispose(&d);
	unlink(path);

	write_plain(path, "{\"x\": [1, 2");
	assert_int_equal(nd_eval_docs_load(&d, &err, path, "articleBody"),
			 ND_EFORMAT);
	nd_eval_docs_dispose(&d);
	unlink(path);

	/* Outputs of clean --out: missing ones are not errors. */
	snprintf(path, sizeof(path), "%s/t1.txt", dir);
	write_plain(path, "Title\n\nBody\n");
	assert_int_equal(nd_eval_read_output(&b, &err, dir, "t1"), 0);
	assert_string_equal(b.ptr, "Title\n\nBody\n");
	assert_int_equal(nd_eval_read_output(&b, &err, dir, "t2"),
			 ND_ENOTFOUND);
	unlink(path);
	assert_int_equal(rmdir(dir), 0);

	/* Arrays of strings, as the snippet lists are. */
	nd_buf_clear(&b);
	{
		nd_buf scratch = ND_BUF_INIT(1024);

		assert_int_equal(nd_eval_json_strings(&scratch,
						      " [ \"a\\\"b\" , \"\","
						      "\"c\\n\"]",
						      23, collect, &b),
				 0);
		assert_string_equal(b.ptr, "a\"b||c\n|");
		assert_int_equal(nd_eval_json_strings(&scratch, "[\"a\", 1]",
						      8, collect, &b),
				 ND_EFORMAT);
		assert_int_equal(nd_eval_json_strings(&scratch, "[]", 2,
						      collect, &b),
				 0);
		nd_buf_dispose(&scratch);
	}
	nd_buf_dispose(&b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_tokenize),
		cmocka_unit_test(test_shingles),
		cmocka_unit_test(test_page_score),
		cmocka_unit_test(test_corpus),
		cmocka_unit_test(test_squash),
		cmocka_unit_test(test_snippets),
		cmocka_unit_test(test_clean_body),
		cmocka_unit_test(test_inputs),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
