/* The public API as a program sees it, through nd_batch_add_memory. */
#include "test_util.h"

#include <stdio.h>  /* fdopen, snprintf */
#include <stdlib.h> /* mkstemp */
#include <unistd.h> /* unlink */

#include "core/alloc.h" /* nd_alloc_fail_after */
#include "core/buf.h"
#include "newsdigest.h"

static const char article_a[] =
	"Lighthouse keepers of Skerra vote to keep the lamp burning\n\n"
	"SKERRA - The twelve keepers of the Skerra lighthouse voted on "
	"Tuesday to keep its lamp lit through the winter, rejecting a plan "
	"by the island council to replace it with an automatic beacon.\n\n"
	"\"The lamp has burned for ninety years and it will burn for ninety "
	"more,\" said head keeper Ansel Moravec after the vote.\n\n"
	"The council had argued that the automatic beacon would save 40,000 "
	"crowns a year. Council leader Brita Holm said the council would "
	"study the vote before deciding on the next steps.\n";

static const char article_b[] =
	"Skerra council to study keepers' vote on lighthouse lamp\n\n"
	"SKERRA - The island council of Skerra said on Wednesday it would "
	"study a vote by the lighthouse keepers to keep the lamp burning "
	"through the winter instead of installing an automatic beacon.\n\n"
	"Council leader Brita Holm said the beacon would save 40,000 crowns "
	"a year, but that the keepers' view carried weight on the island.\n\n"
	"\"We will not rush this,\" Holm said. Head keeper Ansel Moravec "
	"said the keepers were ready to meet the council at any time.\n";

static nd_batch *fresh_batch(void)
{
	nd_batch *b = NULL;

	assert_int_equal(nd_batch_create(&b, NULL), ND_OK);
	assert_non_null(b);
	return b;
}

static int add(nd_batch *b, const char *name, const char *text)
{
	return nd_batch_add_memory(b, name, text, strlen(text),
				   ND_FORMAT_TEXT);
}

static int to_buf(void *ctx, const char *data, size_t len)
{
	return nd_buf_put(ctx, data, len);
}

/* The rendering of b as a NUL-terminated string in buf. */
static const char *render(nd_buf *buf, const nd_batch *b, nd_render_kind k)
{
	nd_buf_clear(buf);
	assert_int_equal(nd_buf_put(buf, "", 0), ND_OK);
	assert_int_equal(nd_batch_render(b, k, to_buf, buf), ND_OK);
	return buf->ptr ? buf->ptr : "";
}

static void options_version_checked(void **state)
{
	nd_options o;
	nd_batch *b = NULL;

	(void)state;
	nd_options_init(&o);
	assert_int_equal(o.version, ND_OPTIONS_VERSION);
	o.version = ND_OPTIONS_VERSION + 1;
	assert_int_equal(nd_batch_create(&b, &o), ND_EINVAL);
	assert_null(b);
	o.version = 0;
	assert_int_equal(nd_batch_create(&b, &o), ND_EINVAL);
	assert_null(b);
}

/* A version 1 struct (before the story fields) is still read; story
 * fields out of range are refused at once. */
static void options_story_fields(void **state)
{
	nd_options o;
	nd_batch *b = NULL;

	(void)state;
	nd_options_init(&o);
	o.version = 1;
	assert_int_equal(nd_batch_create(&b, &o), ND_OK);
	nd_batch_free(b);
	nd_options_init(&o);
	o.cluster_threshold = 1.5;
	assert_int_equal(nd_batch_create(&b, &o), ND_EINVAL);
	assert_null(b);
	nd_options_init(&o);
	o.story_expire = ND_STORYINDEX_EXPIRE_MAX + 1;
	assert_int_equal(nd_batch_create(&b, &o), ND_EINVAL);
	assert_null(b);
}

typedef struct seen {
	size_t n;
	char ids[4][16];
	long long at[4];
	size_t stop_at; /* stop after this many (0: never) */
} seen;

static int see(void *ctx, const nd_article_info *a)
{
	seen *s = ctx;

	if (s->n < 4) {
		snprintf(s->ids[s->n], sizeof(s->ids[0]), "%s", a->id);
		s->at[s->n] = a->published_at;
	}
	s->n++;
	return s->stop_at && s->n == s->stop_at ? 7 : 0;
}

/* Articles come one at a time, bad lines recorded as rejections, dates
 * read with their zone; a non-zero return stops the walk. */
static void each_article_walks(void **state)
{
	static const char feed[] =
		"{\"id\": \"a\", \"title\": \"Tram line approved\", "
		"\"published\": \"2024-03-01T10:00:00+01:00\", \"text\": "
		"\"The council approved the tram line to the harbour on "
		"Tuesday after four years of debate.\"}\n"
		"not json\n"
		"{\"id\": \"b\", \"text\": \"The chess open ended on Sunday "
		"with a win for the youngest player in the field.\"}\n";
	char path[] = "/tmp/nd-each-XXXXXX";
	nd_batch *b = fresh_batch();
	seen s;
	FILE *f;
	int fd = mkstemp(path);

	(void)state;
	assert_true(fd >= 0);
	f = fdopen(fd, "w");
	assert_non_null(f);
	assert_int_equal(fputs(feed, f) >= 0, 1);
	assert_int_equal(fclose(f), 0);
	memset(&s, 0, sizeof(s));
	assert_int_equal(nd_batch_each_article(b, path, see, &s), ND_EFORMAT);
	assert_int_equal(s.n, 2);
	assert_string_equal(s.ids[0], "a");
	assert_string_equal(s.ids[1], "b");
	assert_true(s.at[0] == 1709283600LL); /* 09:00 UTC */
	assert_true(s.at[1] == ND_NO_TIME);
	assert_int_equal(nd_batch_rejected_count(b), 1);
	assert_int_equal(nd_batch_article_count(b), 0); /* none kept */
	memset(&s, 0, sizeof(s));
	s.stop_at = 1;
	assert_int_equal(nd_batch_each_article(b, path, see, &s), 7);
	assert_int_equal(s.n, 1);
	unlink(path);
	nd_batch_free(b);
}

static void unknown_language(void **state)
{
	nd_options o = ND_OPTIONS_INIT;
	nd_batch *b = NULL;

	(void)state;
	o.language = "klingon";
	assert_int_equal(nd_batch_create(&b, &o), ND_EINVAL);
	assert_null(b);
	o.language = "english";
	assert_int_equal(nd_batch_create(&b, &o), ND_OK);
	nd_batch_free(b);
}

static void free_null(void **state)
{
	(void)state;
	nd_batch_free(NULL);
	nd_free(NULL);
}

static void version_and_names(void **state)
{
	int code;

	(void)state;
	assert_string_equal(nd_version(), ND_VERSION);
	for (code = ND_EPARTIAL - 1; code <= 1; code++)
		assert_non_null(nd_strerror(code));
	assert_string_equal(nd_relation_name(ND_REL_REWRITE_OF),
			    "rewrite-of");
	assert_string_equal(nd_relation_name(ND_REL_NEAR_DUPLICATE),
			    "near-duplicate");
	assert_string_equal(nd_relation_name(ND_REL_PARTIAL), "partial");
	assert_string_equal(nd_entity_kind_name(ND_ENTITY_PLACE), "place");
	assert_string_equal(nd_fact_kind_name(ND_FACT_MONEY), "money");
	assert_string_equal(nd_quote_form_name(ND_QUOTE_SHORTENED),
			    "shortened");
}

static void empty_batch_runs(void **state)
{
	nd_buf out = ND_BUF_INIT(1u << 20);
	nd_batch *b = fresh_batch();

	(void)state;
	assert_int_equal(nd_batch_run(b, ND_STAGE_ALL), ND_OK);
	assert_int_equal(nd_batch_article_count(b), 0);
	assert_int_equal(nd_batch_story_count(b), 0);
	assert_int_equal(nd_batch_relation_count(b), 0);
	assert_int_equal(nd_batch_rejected_count(b), 0);
	assert_string_equal(nd_batch_error(b), "");
	assert_contains(render(&out, b, ND_RENDER_DIGEST_JSON),
			"\"stories\": []");
	assert_contains(render(&out, b, ND_RENDER_DIGEST_MD),
			"0 articles, 0 stories");
	assert_string_equal(render(&out, b, ND_RENDER_CLEAN_TEXT), "");
	assert_string_equal(render(&out, b, ND_RENDER_DEDUP_TSV), "");
	assert_string_equal(render(&out, b, ND_RENDER_SUMMARY_LINES), "");
	assert_int_equal(nd_batch_run(b, 0), ND_EINVAL);
	assert_int_equal(nd_batch_run(b, 1u << 10), ND_EINVAL);
	nd_buf_dispose(&out);
	nd_batch_free(b);
}

static void rejected_inputs_listed(void **state)
{
	static const char binary[] = "GIF89a\0\0\x01\x02\0\0\xff\0";
	nd_buf out = ND_BUF_INIT(1u << 20);
	nd_batch *b = fresh_batch();
	const char *path = NULL, *error = NULL;

	(void)state;
	assert_int_not_equal(add(b, "empty.txt", ""), ND_OK);
	assert_int_not_equal(nd_batch_add_memory(b, "pic.txt", binary,
						 sizeof(binary) - 1,
						 ND_FORMAT_AUTO),
			     ND_OK);
	assert_int_not_equal(add(b, "bad.txt", "\x01\x02\x03\x04"), ND_OK);
	assert_int_equal(add(b, "good.txt", article_a), ND_OK);
	assert_int_equal(nd_batch_run(b, ND_STAGE_ALL), ND_EPARTIAL);
	assert_int_equal(nd_batch_article_count(b), 1);
	assert_int_equal(nd_batch_rejected_count(b), 3);
	assert_int_equal(nd_batch_rejected(&path, &error, b, 0), ND_OK);
	assert_string_equal(path, "empty.txt");
	assert_true(error[0] != '\0');
	assert_int_equal(nd_batch_rejected(&path, &error, b, 1), ND_OK);
	assert_string_equal(path, "pic.txt");
	assert_int_equal(nd_batch_rejected(&path, &error, b, 2), ND_OK);
	assert_string_equal(path, "bad.txt");
	assert_int_equal(nd_batch_rejected(&path, &error, b, 3),
			 ND_ENOTFOUND);
	assert_true(nd_batch_error(b)[0] != '\0');
	assert_contains(render(&out, b, ND_RENDER_DIGEST_JSON),
			"\"path\": \"pic.txt\"");
	nd_buf_dispose(&out);
	nd_batch_free(b);
}

/* An input with bytes that are not UTF-8 is kept, mended, and said so. */
static void mended_inputs_warned(void **state)
{
	static const char latin1[] =
		"Caf\xe9 owners of Skerra vote to keep the terrace open\n\n"
		"SKERRA - The owners of the harbour caf\xe9s voted on Tuesday "
		"to keep their terraces open through the winter, the island "
		"council said after a long meeting on the quay.\n";
	nd_batch *b = fresh_batch();
	const char *path = NULL, *msg = NULL;

	(void)state;
	assert_int_equal(add(b, "latin1.txt", latin1), ND_OK);
	assert_int_equal(add(b, "good.txt", article_a), ND_OK);
	assert_int_equal(nd_batch_run(b, ND_STAGE_ALL), ND_OK);
	assert_int_equal(nd_batch_article_count(b), 2);
	assert_int_equal(nd_batch_rejected_count(b), 0);
	assert_int_equal(nd_batch_warning_count(b), 1);
	assert_int_equal(nd_batch_warning(&path, &msg, b, 0), ND_OK);
	assert_string_equal(path, "latin1.txt");
	assert_string_equal(msg, "not valid UTF-8: 2 bytes read as "
				 "windows-1252, the first at byte 3");
	assert_int_equal(nd_batch_warning(&path, &msg, b, 1), ND_ENOTFOUND);
	nd_batch_free(b);
}

static void rejected_names_escaped(void **state)
{
	nd_buf out = ND_BUF_INIT(1u << 20);
	nd_batch *b = fresh_batch();
	const char *s;

	(void)state;
	assert_int_not_equal(add(b, "evil\x1b[2J\"name\".txt", ""), ND_OK);
	assert_int_equal(nd_batch_run(b, ND_STAGE_ALL), ND_EPARTIAL);
	s = render(&out, b, ND_RENDER_DIGEST_JSON);
	assert_contains(s, "evil\\u001b[2J\\\"name\\\".txt");
	assert_not_contains(s, "\x1b");
	s = render(&out, b, ND_RENDER_DIGEST_MD);
	assert_contains(s, "## Rejected inputs");
	assert_not_contains(s, "\x1b");
	nd_buf_dispose(&out);
	nd_batch_free(b);
}

/* Every occurrence and mention of story 0 lies in its article's cleaned
 * text and reads as the item it belongs to; one past the last is not
 * found. */
static void occurrences_in_range(const nd_batch *b)
{
	nd_article_info a;
	nd_quote_info q;
	nd_entity_info e;
	nd_fact_info f;
	nd_occurrence o;
	size_t i, k, n;

	n = nd_batch_quote_count(b, 0);
	assert_true(n > 0);
	for (i = 0; i < n; i++) {
		assert_int_equal(nd_batch_quote(&q, b, 0, i), ND_OK);
		assert_true(q.n_occurrences >= q.n_sources);
		for (k = 0; k < q.n_occurrences; k++) {
			assert_int_equal(nd_batch_quote_occurrence(&o, b, 0, i,
								   k),
					 ND_OK);
			assert_int_equal(nd_batch_article(&a, b, o.article),
					 ND_OK);
			assert_true(o.offset + o.length <= a.text_len);
			assert_int_equal(o.form, ND_QUOTE_SAME);
		}
		assert_int_equal(nd_batch_quote_occurrence(&o, b, 0, i, k),
				 ND_ENOTFOUND);
	}
	n = nd_batch_entity_count(b, 0);
	assert_true(n > 0);
	for (i = 0; i < n; i++) {
		assert_int_equal(nd_batch_entity(&e, b, 0, i), ND_OK);
		for (k = 0; k < e.n_mentions; k++) {
			assert_int_equal(nd_batch_entity_mention(&o, b, 0, i,
								 k),
					 ND_OK);
			assert_int_equal(nd_batch_article(&a, b, o.article),
					 ND_OK);
			assert_true(o.offset + o.length <= a.text_len);
		}
		assert_int_equal(nd_batch_entity_mention(&o, b, 0, i, k),
				 ND_ENOTFOUND);
	}
	n = nd_batch_fact_count(b, 0);
	assert_true(n > 0);
	for (i = 0; i < n; i++) {
		assert_int_equal(nd_batch_fact(&f, b, 0, i), ND_OK);
		assert_int_equal(f.independent, 1);
		assert_int_equal(f.n_conflicts, 0);
		assert_int_equal(f.n_occurrences, 1);
		assert_int_equal(nd_batch_fact_occurrence(&o, b, 0, i, 0),
				 ND_OK);
		assert_int_equal(o.offset, f.offset);
		assert_int_equal(nd_batch_fact_occurrence(&o, b, 0, i, 1),
				 ND_ENOTFOUND);
	}
	assert_int_equal(nd_batch_quote_occurrence(&o, b, 1, 0, 0),
			 ND_ENOTFOUND);
	assert_int_equal(nd_batch_entity_mention(&o, b, 1, 0, 0),
			 ND_ENOTFOUND);
	assert_int_equal(nd_batch_fact_occurrence(&o, b, 1, 0, 0),
			 ND_ENOTFOUND);
}

static void accessor_bounds(void **state)
{
	nd_batch *b = fresh_batch();
	nd_article_info a;
	nd_story_info s;
	nd_relation r;
	nd_summary_sentence ss;
	nd_quote_info q;
	nd_entity_info e;
	nd_fact_info f;
	size_t n, origin;

	(void)state;
	assert_int_equal(add(b, "a.txt", article_a), ND_OK);
	assert_int_equal(nd_batch_origin(&origin, b, 0), ND_ENOTFOUND);
	assert_int_equal(nd_batch_run(b, ND_STAGE_ALL), ND_OK);
	n = nd_batch_article_count(b);
	assert_int_equal(n, 1);
	assert_int_equal(nd_batch_article(&a, b, 0), ND_OK);
	assert_string_equal(a.id, "a");
	assert_true(a.text_len > 0 && a.words > 0);
	assert_int_equal(nd_batch_article(&a, b, n), ND_ENOTFOUND);
	assert_int_equal(nd_batch_relation(&r, b, nd_batch_relation_count(b)),
			 ND_ENOTFOUND);
	assert_int_equal(nd_batch_origin(&origin, b, 0), ND_OK);
	assert_int_equal(origin, 0);
	assert_int_equal(nd_batch_origin(&origin, b, n), ND_ENOTFOUND);
	n = nd_batch_story_count(b);
	assert_int_equal(n, 1);
	assert_int_equal(nd_batch_story(&s, b, 0), ND_OK);
	assert_int_equal(s.n_independent, 1);
	assert_int_equal(nd_batch_story(&s, b, n), ND_ENOTFOUND);
	assert_int_equal(nd_batch_summary(&ss, b, 0,
					  nd_batch_summary_count(b, 0)),
			 ND_ENOTFOUND);
	assert_int_equal(nd_batch_summary(&ss, b, n, 0), ND_ENOTFOUND);
	assert_int_equal(nd_batch_summary_count(b, n), 0);
	/* A one-article story: each sentence's only source is itself. */
	assert_int_equal(nd_batch_summary(&ss, b, 0, 0), ND_OK);
	{
		size_t art = 9, off = 0, len = 0;

		assert_int_equal(nd_batch_summary_source(&art, &off, &len, b,
							 0, 0, 0),
				 ND_OK);
		assert_int_equal(art, ss.article);
		assert_int_equal(off, ss.offset);
		assert_int_equal(len, ss.length);
		assert_int_equal(nd_batch_summary_source(&art, &off, &len, b,
							 0, 0, ss.n_sources),
				 ND_ENOTFOUND);
		assert_int_equal(nd_batch_summary_source(&art, &off, &len, b,
							 n, 0, 0),
				 ND_ENOTFOUND);
	}
	assert_int_equal(nd_batch_quote(&q, b, 0, nd_batch_quote_count(b, 0)),
			 ND_ENOTFOUND);
	assert_int_equal(nd_batch_quote(&q, b, n, 0), ND_ENOTFOUND);
	assert_int_equal(nd_batch_entity(&e, b, 0,
					 nd_batch_entity_count(b, 0)),
			 ND_ENOTFOUND);
	assert_int_equal(nd_batch_entity(&e, b, n, 0), ND_ENOTFOUND);
	assert_int_equal(nd_batch_fact(&f, b, 0, nd_batch_fact_count(b, 0)),
			 ND_ENOTFOUND);
	assert_int_equal(nd_batch_fact(&f, b, n, 0), ND_ENOTFOUND);
	occurrences_in_range(b);
	nd_batch_free(b);
}

static void rerun_after_adding(void **state)
{
	nd_buf out = ND_BUF_INIT(1u << 20);
	nd_batch *b = fresh_batch();
	nd_story_info s;
	nd_article_info a;

	(void)state;
	assert_int_equal(add(b, "a.txt", article_a), ND_OK);
	assert_int_equal(nd_batch_run(b, ND_STAGE_ALL), ND_OK);
	assert_int_equal(nd_batch_article_count(b), 1);
	assert_int_equal(add(b, "b.txt", article_b), ND_OK);
	assert_int_equal(nd_batch_run(b, ND_STAGE_ALL), ND_OK);
	assert_int_equal(nd_batch_article_count(b), 2);
	assert_int_equal(nd_batch_article(&a, b, 1), ND_OK);
	assert_string_equal(a.id, "b");
	assert_true(nd_batch_story_count(b) >= 1);
	assert_int_equal(nd_batch_story(&s, b, 0), ND_OK);
	assert_true(s.n_articles >= 1);
	assert_contains(render(&out, b, ND_RENDER_CLUSTER_TSV), "\tb\n");
	assert_contains(render(&out, b, ND_RENDER_CLEAN_TEXT), "==> b <==\n");
	/* A lone story of the lighthouse: both reports belong to it. */
	assert_int_equal(nd_batch_story_count(b), 1);
	nd_buf_dispose(&out);
	nd_batch_free(b);
}

static int stop_writing(void *ctx, const char *data, size_t len)
{
	(void)ctx;
	(void)data;
	(void)len;
	return 1;
}

static void render_arguments(void **state)
{
	nd_buf out = ND_BUF_INIT(1u << 20);
	nd_batch *b = fresh_batch();

	(void)state;
	assert_int_equal(add(b, "a.txt", article_a), ND_OK);
	assert_int_equal(nd_batch_run(b, ND_STAGE_ALL), ND_OK);
	assert_int_equal(nd_batch_render(b, ND_RENDER_DIGEST_MD, NULL, NULL),
			 ND_EINVAL);
	assert_int_equal(nd_batch_render(NULL, ND_RENDER_DIGEST_MD, to_buf,
					 &out),
			 ND_EINVAL);
	assert_int_equal(nd_batch_render(b, (nd_render_kind)99, to_buf, &out),
			 ND_EINVAL);
	assert_int_equal(nd_batch_render(b, ND_RENDER_DIGEST_JSON,
					 stop_writing, NULL),
			 ND_EIO);
	assert_int_equal(nd_batch_render_file(b, ND_RENDER_DIGEST_MD, NULL),
			 ND_EINVAL);
	nd_buf_dispose(&out);
	nd_batch_free(b);
}

static void render_out_of_memory(void **state)
{
	nd_buf out = ND_BUF_INIT(1u << 20);
	nd_batch *b = fresh_batch();
	nd_render_kind k;
	size_t i;

	(void)state;
	assert_int_equal(add(b, "a.txt", article_a), ND_OK);
	assert_int_equal(add(b, "b.txt", article_b), ND_OK);
	assert_int_equal(nd_batch_run(b, ND_STAGE_ALL), ND_OK);
	/* Room for every output up front: only the renderer may fail. */
	for (i = 0; i < 128; i++)
		assert_int_equal(nd_buf_put(&out, article_a,
					    sizeof(article_a)),
				 ND_OK);
	i = out.cap;
	assert_true(i > 2 * strlen(render(&out, b, ND_RENDER_DIGEST_JSON)));
	for (k = ND_RENDER_DIGEST_MD; k <= ND_RENDER_SUMMARY_LINES; k++) {
		int rc;

		nd_buf_clear(&out);
		nd_alloc_fail_after(1);
		rc = nd_batch_render(b, k, to_buf, &out);
		nd_alloc_fail_after(0);
		assert_true(rc == ND_OK || rc == ND_ENOMEM);
	}
	nd_buf_clear(&out);
	nd_alloc_fail_after(1);
	assert_int_equal(nd_batch_render(b, ND_RENDER_DIGEST_JSON, to_buf,
					 &out),
			 ND_ENOMEM);
	nd_alloc_fail_after(0);
	nd_buf_dispose(&out);
	nd_batch_free(b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(options_version_checked),
		cmocka_unit_test(options_story_fields),
		cmocka_unit_test(each_article_walks),
		cmocka_unit_test(unknown_language),
		cmocka_unit_test(free_null),
		cmocka_unit_test(version_and_names),
		cmocka_unit_test(empty_batch_runs),
		cmocka_unit_test(rejected_inputs_listed),
		cmocka_unit_test(mended_inputs_warned),
		cmocka_unit_test(rejected_names_escaped),
		cmocka_unit_test(accessor_bounds),
		cmocka_unit_test(rerun_after_adding),
		cmocka_unit_test(render_arguments),
		cmocka_unit_test(render_out_of_memory),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
