/* textsketch: raw text -> signature, band keys, and the Jaccard estimate. */
#include "test_util.h"

#include <math.h>   /* fabs */
#include <stdio.h>  /* snprintf */
#include <string.h> /* memcmp */

#include "copy_texts.h"
#include "dedup/textsketch.h"

typedef struct signed_text {
	uint64_t bin[ND_TEXTSKETCH_BINS];
	uint8_t packed[ND_TEXTSKETCH_BYTES];
	size_t shingles;
} signed_text;

static void sign(signed_text *s, const char *text)
{
	s->shingles = nd_textsketch_sign(s->bin, text, strlen(text));
	nd_textsketch_pack(s->packed, s->bin);
}

static void test_case_punctuation_and_layout_do_not_count(void **state)
{
	signed_text a, b;

	(void)state;
	sign(&a, "The minister said on Monday: the plan, agreed in 2024, "
		 "will go ahead.");
	sign(&b, "the MINISTER said on monday the plan\n\nagreed in 2024 --"
		 " will go ahead");
	assert_int_equal(a.shingles, 9);
	assert_memory_equal(a.bin, b.bin, sizeof(a.bin));
	assert_int_equal(nd_textsketch_agree(a.packed, b.packed),
			 ND_TEXTSKETCH_BINS);
}

static void test_folding_path_agrees_with_ascii_path(void **state)
{
	signed_text a, b, c;

	(void)state;
	/* One word past ASCII sends the whole text down the folding path;
	 * its ASCII words must hash as the fast path hashes them. */
	sign(&a, "a naive plan for the C5 summit was set out by the envoy");
	sign(&b, "a na\xc3\xafve plan for the C5 summit was set out by the "
		 "envoy");
	/* A Cyrillic look-alike letter beside a digit folds to Latin. */
	sign(&c, "a naive plan for the \xd0\xa1" "5 summit was set out by the "
		 "envoy");
	assert_memory_equal(a.bin, b.bin, sizeof(a.bin));
	assert_memory_equal(a.bin, c.bin, sizeof(a.bin));
}

/* A dash past ASCII between two words of a long text sends the same
 * words down the folding path: the signatures must not differ. */
static void test_long_texts_agree_on_both_paths(void **state)
{
	static char ascii[20000], wide[20010];
	signed_text a, b;
	int paras;

	(void)state;
	for (paras = 1; paras <= 7; paras += 3) {
		size_t cut;

		ct_article(ascii, sizeof(ascii), 40 + (uint64_t)paras, paras,
			   0);
		cut = strlen(ascii) / 3;
		while (ascii[cut] != ' ')
			cut++;
		snprintf(wide, sizeof(wide), "%.*s\xe2\x80\x94%s", (int)cut,
			 ascii, ascii + cut + 1);
		sign(&a, ascii);
		sign(&b, wide);
		assert_true(a.shingles == b.shingles);
		assert_memory_equal(a.bin, b.bin, sizeof(a.bin));
	}
}

static void test_short_and_empty_texts(void **state)
{
	signed_text a, b, e;

	(void)state;
	sign(&a, "brief note");
	sign(&b, "Brief note!");
	sign(&e, " ... -- ");
	assert_int_equal(a.shingles, 1);
	assert_memory_equal(a.bin, b.bin, sizeof(a.bin));
	assert_int_equal(e.shingles, 0);
	assert_true(e.bin[0] == UINT64_MAX);
}

/* Texts of distinct words: a = words 0..n-1, b = words k..n+k-1 share
 * n-k-4 of their n-4 shingles each, so J = (n-k-4) / (n+k-4). */
static void test_estimate_is_close_to_jaccard(void **state)
{
	static char ta[20000], tb[20000];
	const size_t n = 400;
	size_t k, i, trials = 0;
	double worst = 0, sum = 0;

	(void)state;
	for (k = 0; k <= 360; k += 20) {
		signed_text a, b;
		double j = (double)(n - k - 4) / (double)(n + k - 4), est;

		ta[0] = tb[0] = '\0';
		for (i = 0; i < n; i++) {
			ct_put(ta, sizeof(ta), 7 * i + 3, " ");
			ct_put(tb, sizeof(tb), 7 * (i + k) + 3, " ");
		}
		sign(&a, ta);
		sign(&b, tb);
		est = nd_textsketch_estimate(a.packed, b.packed);
		worst = fabs(est - j) > worst ? fabs(est - j) : worst;
		sum += fabs(est - j);
		trials++;
	}
	/* Standard error is under 0.05: 0.16 is beyond 3 of them. */
	assert_true(worst < 0.16);
	assert_true(sum / (double)trials < 0.06);
}

static void test_bands_follow_equal_bins(void **state)
{
	static char text[20000];
	signed_text a, b;
	uint64_t ka[ND_TEXTSKETCH_BANDS], kb[ND_TEXTSKETCH_BANDS];
	size_t i, same = 0;

	(void)state;
	ct_article(text, sizeof(text), 1, 6, 0);
	sign(&a, text);
	ct_article(text, sizeof(text), 2, 6, 0);
	sign(&b, text);
	nd_textsketch_bands(ka, a.bin);
	nd_textsketch_bands(kb, b.bin);
	for (i = 0; i < ND_TEXTSKETCH_BANDS; i++)
		same += ka[i] == kb[i];
	assert_int_equal(same, 0);
	nd_textsketch_bands(kb, a.bin);
	assert_memory_equal(ka, kb, sizeof(ka));
	/* Unrelated texts agree on about a quarter of bins by chance. */
	assert_true(nd_textsketch_estimate(a.packed, b.packed) < 0.15);
}

/* The 64-byte blocks of the AVX-512 path and the portable path give the
 * same signature for every cut of a text that has words of 1 to 80
 * letters, runs of separators, digits, and words across block edges, and
 * at every length around a block's: the last word ending at, before and
 * after the text's end. */
static void test_wide_and_portable_agree(void **state)
{
	static const char alphabet[] = "aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789";
	static char text[4096];
	uint64_t x = 0x2545f4914f6cdd1dULL;
	uint64_t a[ND_TEXTSKETCH_BINS], b[ND_TEXTSKETCH_BINS];
	size_t i = 0, len;

	(void)state;
	while (i < sizeof(text) - 100) {
		size_t k, n;

		x ^= x << 13, x ^= x >> 7, x ^= x << 17;
		n = x % 9 == 0 ? 9 + x % 72 : 1 + x % 9;
		for (k = 0; k < n; k++)
			text[i++] = alphabet[(x >> (k % 50)) % 36];
		for (k = 0; k < 1 + (x >> 60) % 3; k++)
			text[i++] = " ,.\n-'"[(x >> (8 + k)) % 6];
	}
	for (len = 0; len <= i; len += len < 300 ? 1 : 61) {
		size_t na = nd_textsketch_sign(a, text, len);
		size_t nb = nd_textsketch_sign_portable(b, text, len);

		assert_int_equal(na, nb);
		assert_memory_equal(a, b, sizeof(a));
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_case_punctuation_and_layout_do_not_count),
		cmocka_unit_test(test_folding_path_agrees_with_ascii_path),
		cmocka_unit_test(test_long_texts_agree_on_both_paths),
		cmocka_unit_test(test_short_and_empty_texts),
		cmocka_unit_test(test_estimate_is_close_to_jaccard),
		cmocka_unit_test(test_bands_follow_equal_bins),
		cmocka_unit_test(test_wide_and_portable_agree),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
