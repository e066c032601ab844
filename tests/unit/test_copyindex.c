/* copyindex: near-copies found as articles arrive, removal, expiry, the
 * live cap, and the file round trip and its checks. */
#include "test_util.h"

#include <stdio.h>  /* FILE, snprintf */
#include <stdlib.h> /* mkdtemp */
#include <string.h>
#include <unistd.h> /* unlink, rmdir */

#include "copy_texts.h"
#include "core/alloc.h"
#include "newsdigest.h"

#define TEXT_MAX 20000

static char base[TEXT_MAX], copy[TEXT_MAX], other[TEXT_MAX];

/* A syndicated copy of src: a new headline, its second paragraph
 * dropped, one word in 33 changed, a boilerplate line added. */
static void make_copy(char *out, const char *src, uint64_t seed)
{
	uint64_t s = seed + 77;
	const char *p = src, *para2 = strchr(src, '\n') + 1;
	const char *para3 = strchr(para2, '\n') + 1;
	size_t len;

	snprintf(out, TEXT_MAX, "Shocking news from the capital\n");
	for (p = src; *p;) {
		const char *end = p + strcspn(p, " \n");
		char word[64];

		if (p == para2) {
			p = para3;
			continue;
		}
		len = strlen(out);
		if (ct_next(&s) % 33 == 0)
			ct_put(out, TEXT_MAX, 49000 + ct_next(&s) % 1000, "");
		else
			snprintf(out + len, TEXT_MAX - len, "%.*s",
				 (int)(end - p), p);
		len = strlen(out);
		snprintf(word, sizeof(word), "%c", *end ? *end : '\n');
		snprintf(out + len, TEXT_MAX - len, "%s", word);
		p = *end ? end + 1 : end;
	}
	len = strlen(out);
	snprintf(out + len, TEXT_MAX - len,
		 "This article first appeared in the Daily Bugle.\n");
}

static nd_copy_article art(unsigned long long id, const char *name,
			   long long when, const char *text)
{
	nd_copy_article a = { id, name, when, text, strlen(text) };

	return a;
}

/* Adds and returns the match count; *first gets the first match. */
static size_t add(nd_copyindex *ix, nd_copy_article a, nd_copy_match *first)
{
	const nd_copy_match *m;
	size_t n;

	assert_int_equal(nd_copyindex_add(&m, &n, ix, &a), ND_OK);
	if (n > 0 && first != NULL)
		*first = m[0];
	return n;
}

static void test_copy_found_topic_and_strangers_not(void **state)
{
	nd_copyindex *ix = NULL;
	nd_copy_match m = { 0, NULL, 0 };
	nd_copyindex_stats st;

	(void)state;
	ct_article(base, TEXT_MAX, 1, 6, 5);
	make_copy(copy, base, 1);
	ct_article(other, TEXT_MAX, 2, 6, 5); /* same topic words */
	assert_int_equal(nd_copyindex_create(&ix, NULL), ND_OK);
	assert_int_equal(add(ix, art(10, NULL, 0, base), NULL), 0);
	assert_int_equal(add(ix, art(11, NULL, 0, other), NULL), 0);
	assert_int_equal(add(ix, art(12, NULL, 0, copy), &m), 1);
	assert_int_equal(m.id, 10);
	assert_string_equal(m.name, "");
	nd_copyindex_stats_get(&st, ix);
	assert_true(st.threshold > 0.3 && st.threshold < 0.5);
	assert_true(m.jaccard >= st.threshold && m.jaccard <= 1.0);
	/* An exact repeat matches both earlier versions. */
	assert_int_equal(add(ix, art(13, NULL, 0, base), &m), 2);
	assert_int_equal(m.id, 10);
	assert_true(m.jaccard > 0.9);
	nd_copyindex_free(ix);
}

static void test_remove_and_expire(void **state)
{
	nd_copyindex *ix = NULL;
	nd_copyindex_stats st;
	/* Unsorted, repeated, and one unknown: 20 goes once. */
	unsigned long long gone[] = { 99, 20, 99, 20 };
	unsigned char found[4];
	size_t n;

	(void)state;
	ct_article(base, TEXT_MAX, 3, 6, 0);
	make_copy(copy, base, 3);
	ct_article(other, TEXT_MAX, 33, 6, 0);
	assert_int_equal(nd_copyindex_create(&ix, NULL), ND_OK);
	add(ix, art(20, NULL, 1000, base), NULL);
	assert_int_equal(nd_copyindex_remove(&n, found, ix, gone, 4), ND_OK);
	assert_int_equal(n, 1);
	assert_int_equal(found[0], 0);
	assert_int_equal(found[1], 1);
	assert_int_equal(found[2], 0);
	assert_int_equal(found[3], 1);
	assert_int_equal(add(ix, art(21, NULL, 2000, copy), NULL), 0);
	add(ix, art(22, NULL, 3000, base), NULL);
	assert_int_equal(nd_copyindex_expire(&n, ix, 2500), ND_OK);
	assert_int_equal(n, 1); /* 21; 20 was gone already */
	nd_copyindex_stats_get(&st, ix);
	assert_int_equal(st.live, 1);
	assert_int_equal(st.removed, 2);
	assert_int_equal(add(ix, art(23, NULL, 4000, copy), NULL), 1);
	/* Times before 1970 count as 1970, after 2106 as 2106. */
	add(ix, art(24, NULL, -86400, other), NULL);
	add(ix, art(25, NULL, 1LL << 40, other), NULL);
	assert_int_equal(nd_copyindex_expire(&n, ix, 1), ND_OK);
	assert_int_equal(n, 1);
	assert_int_equal(nd_copyindex_expire(&n, ix, 1LL << 33), ND_OK);
	assert_int_equal(n, 3); /* 22, 23 and 25 */
	nd_copyindex_free(ix);
}

static void test_cap_evicts_oldest(void **state)
{
	nd_copyindex_options o = ND_COPYINDEX_OPTIONS_INIT;
	nd_copyindex *ix = NULL;
	nd_copyindex_stats st;

	(void)state;
	o.max_live = 2;
	ct_article(base, TEXT_MAX, 4, 6, 0);
	make_copy(copy, base, 4);
	ct_article(other, TEXT_MAX, 5, 6, 0);
	assert_int_equal(nd_copyindex_create(&ix, &o), ND_OK);
	add(ix, art(1, NULL, 0, base), NULL);
	add(ix, art(2, NULL, 0, other), NULL);
	add(ix, art(3, NULL, 0, other), NULL); /* evicts 1 */
	assert_int_equal(add(ix, art(4, NULL, 0, copy), NULL), 0);
	nd_copyindex_stats_get(&st, ix);
	assert_int_equal(st.live, 2);
	nd_copyindex_free(ix);
}

static void test_options_are_checked(void **state)
{
	nd_copyindex_options o = ND_COPYINDEX_OPTIONS_INIT;
	nd_copyindex *ix = NULL;

	(void)state;
	o.threshold = 1.5;
	assert_int_equal(nd_copyindex_create(&ix, &o), ND_EINVAL);
	assert_null(ix);
	o.threshold = 0;
	o.version = 9;
	assert_int_equal(nd_copyindex_create(&ix, &o), ND_EINVAL);
}

/* Many short articles: the band tables split many times and removing
 * most of them compacts; copies of the rest are still found. */
static void test_growth_and_compaction(void **state)
{
	static char text[TEXT_MAX];
	nd_copyindex *ix = NULL;
	nd_copyindex_stats st;
	unsigned long long ids[6000];
	size_t i, n, found = 0;

	(void)state;
	assert_int_equal(nd_copyindex_create(&ix, NULL), ND_OK);
	for (i = 0; i < 8000; i++) {
		ct_article(text, TEXT_MAX, 100 + i, 1, 0);
		assert_int_equal(add(ix, art(i, NULL, (long long)i, text),
				     NULL), 0);
	}
	for (i = 0; i < 6000; i++)
		ids[i] = i;
	assert_int_equal(nd_copyindex_remove(&n, NULL, ix, ids, 6000), ND_OK);
	assert_int_equal(n, 6000);
	nd_copyindex_stats_get(&st, ix);
	assert_int_equal(st.live, 2000);
	assert_int_equal(st.removed, 0); /* compacted */
	for (i = 5990; i < 6010; i++) {
		nd_copy_match m = { 0, NULL, 0 };

		ct_article(text, TEXT_MAX, 100 + i, 1, 0);
		if (add(ix, art(5000 + i, NULL, 0, text), &m) == 1 &&
		    m.id == i)
			found++;
	}
	assert_int_equal(found, 10); /* 6000..6009, not the removed */
	nd_copyindex_free(ix);
}

typedef struct tmpfile_path {
	char dir[64];
	char path[96];
} tmpfile_path;

static void tmp_make(tmpfile_path *t)
{
	snprintf(t->dir, sizeof(t->dir), "/tmp/nd-copyix-XXXXXX");
	assert_non_null(mkdtemp(t->dir));
	snprintf(t->path, sizeof(t->path), "%s/ix.db", t->dir);
}

static void tmp_remove(tmpfile_path *t)
{
	unlink(t->path);
	rmdir(t->dir);
}

static void test_save_load_round_trip(void **state)
{
	static char text[TEXT_MAX];
	nd_copyindex_options o = ND_COPYINDEX_OPTIONS_INIT;
	nd_copyindex *ix = NULL, *back = NULL;
	nd_copyindex_stats a, b;
	nd_copy_match m1 = { 0, NULL, 0 }, m2 = { 0, NULL, 0 };
	tmpfile_path t;
	unsigned long long gone = 3;
	char err[256];
	size_t i;

	(void)state;
	tmp_make(&t);
	o.keep_names = 1;
	o.threshold = 0.4;
	assert_int_equal(nd_copyindex_create(&ix, &o), ND_OK);
	for (i = 0; i < 600; i++) {
		char name[32];

		snprintf(name, sizeof(name), "story-%zu", i);
		ct_article(text, TEXT_MAX, 900 + i, 4, 0);
		add(ix, art(i, name, 0, text), NULL);
	}
	assert_int_equal(nd_copyindex_remove(NULL, NULL, ix, &gone, 1), ND_OK);
	assert_int_equal(nd_copyindex_save(ix, t.path), ND_OK);
	assert_int_equal(nd_copyindex_load(&back, err, sizeof(err), t.path,
					   NULL), ND_OK);
	nd_copyindex_stats_get(&a, ix);
	nd_copyindex_stats_get(&b, back);
	assert_int_equal(a.live, 599);
	assert_int_equal(b.live, 599);
	assert_true(b.threshold == 0.4);
	ct_article(text, TEXT_MAX, 900 + 7, 4, 0);
	make_copy(copy, text, 9);
	assert_int_equal(add(ix, art(700, NULL, 0, copy), &m1), 1);
	assert_int_equal(add(back, art(700, NULL, 0, copy), &m2), 1);
	assert_int_equal(m2.id, 7);
	assert_string_equal(m2.name, "story-7");
	assert_true(m1.jaccard == m2.jaccard);
	ct_article(text, TEXT_MAX, 900 + 3, 4, 0);
	assert_int_equal(add(back, art(701, NULL, 0, text), NULL), 0);
	nd_copyindex_free(ix);
	nd_copyindex_free(back);
	tmp_remove(&t);
}

/* Reads path into a fresh buffer; *len gets its size. */
static unsigned char *slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	unsigned char *data = malloc(1 << 20);

	assert_non_null(f);
	assert_non_null(data);
	*len = fread(data, 1, 1 << 20, f);
	fclose(f);
	return data;
}

static void test_load_rejects_damaged_files(void **state)
{
	nd_copyindex *ix = NULL, *back = NULL;
	tmpfile_path t;
	unsigned char *data;
	size_t len, i;
	char err[256];

	(void)state;
	tmp_make(&t);
	ct_article(base, TEXT_MAX, 11, 3, 0);
	assert_int_equal(nd_copyindex_create(&ix, NULL), ND_OK);
	add(ix, art(1, NULL, 0, base), NULL);
	assert_int_equal(nd_copyindex_save(ix, t.path), ND_OK);
	data = slurp(t.path, &len);
	assert_true(len > 400);
	for (i = 0; i < len; i += len / 37 + 1) {
		data[i] ^= 0x20;
		assert_int_equal(nd_copyindex_load_memory(&back, err,
							  sizeof(err), data,
							  len, NULL),
				 ND_EFORMAT);
		assert_null(back);
		assert_contains(err, "not a valid copy index");
		data[i] ^= 0x20;
	}
	assert_int_equal(nd_copyindex_load_memory(&back, err, sizeof(err),
						  data, len - 1, NULL),
			 ND_EFORMAT);
	assert_contains(err, "checksum");
	assert_int_equal(nd_copyindex_load_memory(&back, err, sizeof(err),
						  data, 20, NULL), ND_EFORMAT);
	assert_contains(err, "too short");
	assert_int_equal(nd_copyindex_load_memory(&back, err, sizeof(err),
						  data, len, NULL), ND_OK);
	nd_copyindex_free(back);
	assert_int_equal(nd_copyindex_load(&back, err, sizeof(err), t.dir,
					   NULL), ND_EIO);
	assert_contains(err, "cannot read");
	tmp_remove(&t);
	assert_int_equal(nd_copyindex_load(&back, err, sizeof(err), t.path,
					   NULL), ND_EIO);
	assert_contains(err, t.path);
	free(data);
	nd_copyindex_free(ix);
}

static void test_out_of_memory_leaves_index_usable(void **state)
{
	static char text[TEXT_MAX];
	nd_copyindex *ix = NULL;
	unsigned long k;
	size_t i;

	(void)state;
	ct_article(base, TEXT_MAX, 21, 6, 0);
	make_copy(copy, base, 21);
	for (k = 1; k < 60; k++) {
		int rc;

		nd_alloc_fail_after(k);
		rc = nd_copyindex_create(&ix, NULL);
		for (i = 0; rc == ND_OK && i < 400; i++) {
			const nd_copy_match *m;
			size_t n;
			nd_copy_article a;

			ct_article(text, TEXT_MAX, 5000 + i, 1, 0);
			a = art(i, NULL, 0, text);
			rc = nd_copyindex_add(&m, &n, ix, &a);
		}
		nd_alloc_fail_after(0);
		if (ix != NULL) {
			add(ix, art(1000, NULL, 0, base), NULL);
			assert_int_equal(add(ix, art(1001, NULL, 0, copy),
					     NULL), 1);
		}
		nd_copyindex_free(ix);
		ix = NULL;
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_copy_found_topic_and_strangers_not),
		cmocka_unit_test(test_remove_and_expire),
		cmocka_unit_test(test_cap_evicts_oldest),
		cmocka_unit_test(test_options_are_checked),
		cmocka_unit_test(test_growth_and_compaction),
		cmocka_unit_test(test_save_load_round_trip),
		cmocka_unit_test(test_load_rejects_damaged_files),
		cmocka_unit_test(test_out_of_memory_leaves_index_usable),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
