/* The render building blocks on hostile text: JSON strings, Markdown
 * escaping, one-line TSV fields, and the JSON writer's layout; and one
 * article rendered alone. */
#include "test_util.h"

#include <math.h> /* NAN, INFINITY */

#include "core/buf.h"
#include "core/utf8.h"
#include "render/json_writer.h"
#include "render/line_text.h"
#include "render/md_escape.h"
#include "render/render_out.h"

static nd_buf sink = ND_BUF_INIT(1u << 20);

static int to_buf(void *ctx, const char *data, size_t len)
{
	return nd_buf_put(ctx, data, len);
}

/* A fresh output collecting into sink. */
static nd_out *fresh(void)
{
	static nd_out o;

	nd_buf_clear(&sink);
	nd_buf_put(&sink, "", 0);
	nd_out_init(&o, to_buf, &sink);
	return &o;
}

static const char *got(void)
{
	return sink.ptr ? sink.ptr : "";
}

static const char *json_of(const char *s, size_t len)
{
	nd_json_escape(fresh(), s, len);
	return got();
}

#define JSON(lit) json_of((lit), sizeof(lit) - 1)

static const char *md_of(const char *s)
{
	nd_md_str(fresh(), s);
	return got();
}

static const char *md_inline_of(const char *s)
{
	nd_md_inline(fresh(), s);
	return got();
}

static const char *line_of(const char *s, size_t len)
{
	nd_line_text(fresh(), s, len);
	return got();
}

#define LINE(lit) line_of((lit), sizeof(lit) - 1)

static void json_quotes_and_backslash(void **state)
{
	(void)state;
	assert_string_equal(JSON("say \"hi\" \\o/"),
			    "\"say \\\"hi\\\" \\\\o/\"");
	assert_string_equal(JSON(""), "\"\"");
}

static void json_control_chars(void **state)
{
	(void)state;
	assert_string_equal(JSON("a\nb\tc\rd\be\ff"),
			    "\"a\\nb\\tc\\rd\\be\\ff\"");
	assert_string_equal(JSON("\x01\x1f\x7f\x1b[2J"),
			    "\"\\u0001\\u001f\\u007f\\u001b[2J\"");
	assert_string_equal(JSON("a\0b"), "\"a\\u0000b\"");
	/* Line and paragraph separators end lines in JavaScript. */
	assert_string_equal(JSON("x\xe2\x80\xa8y\xe2\x80\xa9z"),
			    "\"x\\u2028y\\u2029z\"");
}

static void json_invalid_utf8(void **state)
{
	const char *out;

	(void)state;
	assert_string_equal(JSON("a\xff" "b"), "\"a\xef\xbf\xbd" "b\"");
	/* Truncated, overlong and surrogate sequences never pass through. */
	out = JSON("\xe2\x82|\xc0\xaf|\xed\xa0\x80|\xf5\x80\x80\x80|\xe2");
	assert_true(nd_utf8_valid(out, strlen(out), NULL));
	assert_not_contains(out, "\xc0");
	assert_not_contains(out, "\xed\xa0");
	assert_contains(out, "\xef\xbf\xbd|");
	/* Valid text, replacement character included, is kept as is. */
	assert_string_equal(JSON("Caf\xc3\xa9 \xe2\x80\x9cq\xe2\x80\x9d "
				 "\xef\xbf\xbd \xf0\x9f\x93\xb0"),
			    "\"Caf\xc3\xa9 \xe2\x80\x9cq\xe2\x80\x9d "
			    "\xef\xbf\xbd \xf0\x9f\x93\xb0\"");
}

static void json_script_stays_text(void **state)
{
	(void)state;
	/* JSON is not HTML: markup is plain text, not entity-encoded. */
	assert_string_equal(JSON("</script><b>&amp;"),
			    "\"</script><b>&amp;\"");
}

static void json_numbers(void **state)
{
	char buf[48];

	(void)state;
#define NUM(v, s)                                                             \
	do {                                                                  \
		nd_json_format_num(buf, sizeof(buf), (v));                    \
		assert_string_equal(buf, (s));                                \
	} while (0)
	NUM(0.93, "0.93");
	NUM(1.0, "1");
	NUM(0.0, "0");
	NUM(0.12345, "0.123");
	NUM(0.9996, "1");
	NUM(2.5, "2.5");
	NUM(-0.25, "-0.25");
	NUM(-0.0001, "0");
	NUM(12.0406, "12.041");
	NUM(NAN, "null");
	NUM(INFINITY, "null");
#undef NUM
}

static void json_layout(void **state)
{
	nd_json j;

	(void)state;
	nd_json_init(&j, fresh());
	nd_json_object_begin(&j);
	nd_json_key(&j, "ids");
	nd_json_array_begin_inline(&j);
	nd_json_str(&j, "a");
	nd_json_str(&j, "b\"");
	nd_json_array_end(&j);
	nd_json_key(&j, "empty");
	nd_json_object_begin(&j);
	nd_json_object_end(&j);
	nd_json_key(&j, "none");
	nd_json_array_begin(&j);
	nd_json_array_end(&j);
	nd_json_key(&j, "items");
	nd_json_array_begin(&j);
	nd_json_object_begin(&j);
	nd_json_kv_uint(&j, "n", 3);
	nd_json_kv_num(&j, "score", 0.5);
	nd_json_kv_str(&j, "nil", NULL);
	nd_json_key(&j, "ok");
	nd_json_bool(&j, 1);
	nd_json_object_end(&j);
	nd_json_array_end(&j);
	nd_json_object_end(&j);
	nd_json_finish(&j);
	assert_string_equal(got(), "{\n"
				   "  \"ids\": [\"a\", \"b\\\"\"],\n"
				   "  \"empty\": {},\n"
				   "  \"none\": [],\n"
				   "  \"items\": [\n"
				   "    {\n"
				   "      \"n\": 3,\n"
				   "      \"score\": 0.5,\n"
				   "      \"nil\": null,\n"
				   "      \"ok\": true\n"
				   "    }\n"
				   "  ]\n"
				   "}\n");
}

static void md_markup_escaped(void **state)
{
	(void)state;
	assert_string_equal(md_of("*bold* `code` [x](http://e.com) <b>"),
			    "\\*bold\\* \\`code\\` \\[x\\](http://e.com) "
			    "\\<b\\>");
	assert_string_equal(md_of("a|b \\ c ~~s~~ #5"),
			    "a\\|b \\\\ c \\~\\~s\\~\\~ \\#5");
	assert_string_equal(md_of("&amp; &#169; AT&T"),
			    "\\&amp; \\&\\#169; AT&T");
}

static void md_underscores(void **state)
{
	(void)state;
	/* Inside a word an underscore cannot start emphasis: ids stay
	 * readable. At a word's edge it could, so it is escaped. */
	assert_string_equal(md_of("01_wire_meridian"), "01_wire_meridian");
	assert_string_equal(md_of("_lead trail_ __x__"),
			    "\\_lead trail\\_ \\_\\_x\\_\\_");
}

static void md_line_starts(void **state)
{
	(void)state;
	assert_string_equal(md_of("- item"), "\\- item");
	assert_string_equal(md_of("+ item"), "\\+ item");
	assert_string_equal(md_of("# Head"), "\\# Head");
	assert_string_equal(md_of("> quote"), "\\> quote");
	assert_string_equal(md_of("1. one"), "1\\. one");
	assert_string_equal(md_of("2024) x"), "2024\\) x");
	assert_string_equal(md_of("1.5 million"), "1.5 million");
	assert_string_equal(md_of("a - b 1. c"), "a - b 1. c");
	/* Leading space would make an indented code block. */
	assert_string_equal(md_of("      - x"), "\\- x");
	/* In the middle of a line, list markers are plain text. */
	assert_string_equal(md_inline_of("--03-14"), "--03-14");
	assert_string_equal(md_inline_of("1. x *y*"), "1. x \\*y\\*");
}

static void md_controls(void **state)
{
	(void)state;
	assert_string_equal(md_of("one\ntwo\r\n\tthree  four "),
			    "one two three four");
	/* Terminal escapes and C1 controls are dropped, not shown. */
	assert_string_equal(md_of("a\x1b]0;t\x07" "b\xc2\x9b" "31mc\x7f"),
			    "a\\]0;tb31mc");
	/* Bidirectional overrides could reorder what a reader sees. */
	assert_string_equal(md_of("x\xe2\x80\xaey\xe2\x81\xa6z"), "xyz");
	assert_string_equal(md_of("bad\xff" "byte"), "bad\xef\xbf\xbd" "byte");
	assert_string_equal(md_of("Caf\xc3\xa9 \xc2\xab" "ok\xc2\xbb"),
			    "Caf\xc3\xa9 \xc2\xab" "ok\xc2\xbb");
	assert_string_equal(md_of(""), "");
}

static void tsv_fields(void **state)
{
	const char *out;

	(void)state;
	assert_string_equal(LINE("a\tb\nc\r\nd"), "a b c  d");
	assert_string_equal(LINE("x\x01y\x7fz\xc2\x85w"), "x y z w");
	assert_string_equal(LINE("p\xe2\x80\xa8q"), "p q");
	assert_string_equal(LINE("bad\xfe"), "bad\xef\xbf\xbd");
	assert_string_equal(LINE("*kept* <as> \"is\""),
			    "*kept* <as> \"is\"");
	out = LINE("\t\n\t");
	assert_string_equal(out, "   ");
}

static int stop_after_first(void *ctx, const char *data, size_t len)
{
	int *calls = ctx;

	(void)data;
	(void)len;
	return ++*calls > 1;
}

static void out_failure_sticks(void **state)
{
	nd_out o;
	int calls = 0;

	(void)state;
	nd_out_init(&o, stop_after_first, &calls);
	nd_out_puts(&o, "one");
	assert_int_equal(nd_out_status(&o), ND_OK);
	nd_out_puts(&o, "two");
	assert_int_equal(nd_out_status(&o), ND_EIO);
	nd_out_puts(&o, "three");
	nd_json_escape(&o, "four", 4);
	assert_int_equal(calls, 2);
	assert_int_equal(nd_out_status(&o), ND_EIO);
}

static void out_fixed(void **state)
{
	nd_out *o;

	(void)state;
	o = fresh();
	nd_out_fixed(o, 0.9312, 3);
	nd_out_puts(o, " ");
	nd_out_fixed(o, 0.72, 2);
	nd_out_puts(o, " ");
	nd_out_fixed(o, 71.6, 0);
	nd_out_puts(o, " ");
	nd_out_fixed(o, -0.0004, 3);
	nd_out_puts(o, " ");
	nd_out_fixed(o, 1, 3);
	assert_string_equal(got(), "0.931 0.72 72 0.000 1.000");
}

/* A batch of the given texts (memory, names a.txt, b.txt, ...), cleaned. */
static nd_batch *cleaned(const char *const *texts, size_t n)
{
	nd_batch *b = NULL;
	char name[] = "a.txt";
	size_t i;

	assert_int_equal(nd_batch_create(&b, NULL), ND_OK);
	for (i = 0; i < n; i++) {
		name[0] = (char)('a' + i);
		assert_int_equal(nd_batch_add_memory(b, name, texts[i],
						     strlen(texts[i]),
						     ND_FORMAT_TEXT),
				 ND_OK);
	}
	assert_int_equal(nd_batch_run(b, ND_STAGE_CLEAN), ND_OK);
	return b;
}

/* One article rendered alone is what a batch of only it renders. */
static void render_one_article(void **state)
{
	static const char *const texts[] = {
		"Lisk opens a library\n\nThe harbour town of Lisk opened its "
		"first public library in a century on Saturday.\n",
		"Ferry timetable changes\n\nThe ferry to the outer islands "
		"will run twice a day from November, the harbour office "
		"said.\n",
	};
	static const nd_render_kind kinds[] = { ND_RENDER_CLEAN_TEXT,
						ND_RENDER_CLEAN_JSON };
	nd_batch *both = cleaned(texts, 2), *first = cleaned(texts, 1);
	nd_buf alone = ND_BUF_INIT(1u << 20);
	size_t k;
	int calls = 0;

	(void)state;
	for (k = 0; k < 2; k++) {
		nd_buf_clear(&alone);
		assert_int_equal(nd_batch_render(first, kinds[k], to_buf,
						 &alone),
				 ND_OK);
		fresh();
		assert_int_equal(nd_batch_render_article(both, kinds[k], 0,
							 to_buf, &sink),
				 ND_OK);
		assert_string_equal(got(), alone.ptr);
	}
	fresh();
	assert_int_equal(nd_batch_render_article(both, ND_RENDER_CLEAN_TEXT,
						 1, to_buf, &sink),
			 ND_OK);
	assert_contains(got(), "Ferry timetable changes\n\nThe ferry");
	assert_int_equal(nd_batch_render_article(both, ND_RENDER_CLEAN_TEXT,
						 2, to_buf, &sink),
			 ND_ENOTFOUND);
	assert_int_equal(nd_batch_render_article(both, ND_RENDER_DIGEST_MD,
						 0, to_buf, &sink),
			 ND_EINVAL);
	assert_int_equal(nd_batch_render_article(both, ND_RENDER_CLEAN_TEXT,
						 0, NULL, NULL),
			 ND_EINVAL);
	assert_int_equal(nd_batch_render_article(NULL, ND_RENDER_CLEAN_TEXT,
						 0, to_buf, &sink),
			 ND_EINVAL);
	assert_int_equal(nd_batch_render_article(both, ND_RENDER_CLEAN_JSON,
						 0, stop_after_first, &calls),
			 ND_EIO);
	nd_buf_dispose(&alone);
	nd_batch_free(both);
	nd_batch_free(first);
}

static int teardown(void **state)
{
	(void)state;
	nd_buf_dispose(&sink);
	return 0;
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(json_quotes_and_backslash),
		cmocka_unit_test(json_control_chars),
		cmocka_unit_test(json_invalid_utf8),
		cmocka_unit_test(json_script_stays_text),
		cmocka_unit_test(json_numbers),
		cmocka_unit_test(json_layout),
		cmocka_unit_test(md_markup_escaped),
		cmocka_unit_test(md_underscores),
		cmocka_unit_test(md_line_starts),
		cmocka_unit_test(md_controls),
		cmocka_unit_test(tsv_fields),
		cmocka_unit_test(out_failure_sticks),
		cmocka_unit_test(out_fixed),
		cmocka_unit_test(render_one_article),
	};

	return cmocka_run_group_tests(tests, NULL, teardown);
}
