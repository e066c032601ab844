/* Unit tests of src/core: arena, capped buffers, hash tables, UTF-8. */
#include "test_util.h"

#include "core/alloc.h"
#include "core/arena.h"
#include "core/buf.h"
#include "core/bytes8.h"
#include "core/error.h"
#include "core/hash.h"
#include "core/hashmap.h"
#include "core/sorted.h"
#include "core/unionfind.h"
#include "core/utf8.h"

#include <stdio.h>  /* snprintf */
#include <stdlib.h> /* free (memory utf8proc allocated) */
#include <string.h> /* memcpy, memset */
#include <utf8proc.h>

static void test_arena_alignment_and_big_blocks(void **state)
{
	nd_arena *a = NULL;
	char *big;
	void *p;
	int i;

	(void)state;
	assert_int_equal(nd_arena_create(&a), ND_OK);
	for (i = 1; i < 100; i++) {
		p = nd_arena_alloc(a, (size_t)i);
		assert_non_null(p);
		assert_int_equal((uintptr_t)p % sizeof(void *), 0);
	}
	big = nd_arena_alloc(a, 1u << 20);
	assert_non_null(big);
	big[(1u << 20) - 1] = 'x';
	assert_string_equal(nd_arena_strndup(a, "abcdef", 3), "abc");
	assert_null(nd_arena_calloc(a, SIZE_MAX / 2, 4));
	nd_arena_free(a);
	nd_arena_free(NULL);
}

/* A reader that knows its input's size reserves it once and reads in
 * place; later reservations grow geometrically, within the cap. */
static void test_buf_reserve_and_commit(void **state)
{
	nd_buf b = ND_BUF_INIT(100);

	(void)state;
	assert_int_equal(nd_buf_reserve(&b, 10), ND_OK);
	assert_int_equal(b.cap, 11);
	assert_int_equal(b.len, 0);
	assert_string_equal(b.ptr, "");
	memcpy(b.ptr, "0123456789", 10);
	nd_buf_commit(&b, 10);
	assert_int_equal(b.len, 10);
	assert_string_equal(b.ptr, "0123456789");
	assert_int_equal(nd_buf_reserve(&b, 5), ND_OK);
	assert_int_equal(b.cap, 22);
	assert_int_equal(nd_buf_reserve(&b, 90), ND_OK);
	assert_int_equal(b.cap, 101); /* doubling stops at the cap */
	assert_int_equal(nd_buf_reserve(&b, 91), ND_ETOOBIG);
	assert_int_equal(nd_buf_reserve(&b, (size_t)-1), ND_ETOOBIG);
	nd_buf_commit(&b, 0);
	assert_string_equal(b.ptr, "0123456789");
	nd_buf_dispose(&b);
}

static void test_buf_cap_is_enforced(void **state)
{
	nd_buf b = ND_BUF_INIT(8);

	(void)state;
	assert_int_equal(nd_buf_puts(&b, "12345678"), ND_OK);
	assert_int_equal(nd_buf_putc(&b, '9'), ND_ETOOBIG);
	assert_string_equal(b.ptr, "12345678");
	nd_buf_clear(&b);
	assert_int_equal(nd_buf_printf(&b, "%d-%s", 42, "x"), ND_OK);
	assert_string_equal(b.ptr, "42-x");
	assert_int_equal(nd_buf_printf(&b, "%s", "too long now"), ND_ETOOBIG);
	nd_buf_dispose(&b);
}

static void test_checked_arithmetic(void **state)
{
	size_t out;

	(void)state;
	assert_true(nd_mul_overflow(SIZE_MAX, 2, &out));
	assert_true(nd_add_overflow(SIZE_MAX, 1, &out));
	assert_false(nd_mul_overflow(1000, 1000, &out));
	assert_int_equal(out, 1000000);
	assert_null(nd_calloc(SIZE_MAX, 2));
}

static void test_strmap_grows_and_keeps_values(void **state)
{
	nd_strmap m;
	char key[32];
	uint32_t v, i;

	(void)state;
	assert_int_equal(nd_strmap_init(&m), ND_OK);
	for (i = 0; i < 5000; i++) {
		int n = snprintf(key, sizeof(key), "term%u", i);

		assert_int_equal(nd_strmap_put(&m, key, (size_t)n, i, &v), 0);
		assert_int_equal(v, i);
	}
	assert_int_equal(nd_strmap_put(&m, "term7", 5, 99, &v), ND_OK);
	assert_int_equal(v, 7);
	assert_true(nd_strmap_get(&m, "term4999", 8, &v));
	assert_int_equal(v, 4999);
	assert_false(nd_strmap_get(&m, "term5000", 8, &v));
	assert_int_equal(m.count, 5000);
	nd_strmap_dispose(&m);
}

static void test_strmap_intern_hands_back_its_copy(void **state)
{
	nd_strmap m;
	char key[] = "volatile";
	const char *first = NULL, *again = NULL;
	uint32_t v;

	(void)state;
	assert_int_equal(nd_strmap_init(&m), ND_OK);
	assert_int_equal(nd_strmap_intern(&m, key, 4, 7, &v, &first), ND_OK);
	assert_int_equal(v, 7);
	assert_string_equal(first, "vola");
	assert_ptr_not_equal(first, key);
	key[0] = 'X'; /* the caller's buffer may change at once */
	assert_int_equal(nd_strmap_intern(&m, "vola", 4, 9, &v, &again),
			 ND_OK);
	assert_int_equal(v, 7);
	assert_ptr_equal(first, again);
	nd_strmap_dispose(&m);
}

/* Each eight-byte test agrees with the byte-by-byte one on every byte
 * value in every position. */
static void test_bytes8_tests_agree_with_bytes(void **state)
{
	unsigned v, k;

	(void)state;
	for (v = 0; v < 256; v++) {
		for (k = 0; k < 8; k++) {
			char b[8];
			uint64_t x, bit = 0x80ULL << (8 * k);
			bool letter = (v | 0x20) >= 'a' && (v | 0x20) <= 'z';

			/* Neighbours that would carry or borrow into byte k
			 * if a test let them. */
			memset(b, k % 2 ? 0xFF : 0x00, sizeof(b));
			b[k] = (char)v;
			x = nd_bytes8_load(b);
			if (!ND_BYTES8_IN_ORDER)
				continue;
			assert_int_equal((nd_bytes8_eq(x, ' ') & bit) != 0,
					 v == ' ');
			assert_int_equal(
				(nd_bytes8_range(x, 0x21, 0x7E) & bit) != 0,
				v >= 0x21 && v <= 0x7E);
			assert_int_equal((nd_bytes8_letters(x) & bit) != 0,
					 letter);
		}
	}
	assert_int_equal(nd_bytes8_count(ND_BYTES8_HIGHS), 8);
	assert_int_equal(nd_bytes8_count(0x80ULL << 24), 1);
}

static void test_sorted_sets(void **state)
{
	uint32_t small[] = { 5, 1, 5, 3, 1 };
	uint32_t big[100];
	uint64_t a[] = { 9, 2, 9, 4 }, b[] = { 4, 7, 9 };
	size_t i, n;

	(void)state;
	assert_int_equal(nd_sort_unique_u32(small, 5), 3);
	assert_int_equal(small[0], 1);
	assert_int_equal(small[1], 3);
	assert_int_equal(small[2], 5);
	for (i = 0; i < 100; i++)
		big[i] = (uint32_t)((i * 37) % 50); /* each value twice */
	n = nd_sort_unique_u32(big, 100);
	assert_int_equal(n, 50);
	for (i = 0; i < n; i++)
		assert_int_equal(big[i], i);
	assert_int_equal(nd_sort_unique_u64(a, 4), 3);
	assert_int_equal(nd_sorted_common_u64(a, 3, b, 3), 2);
	assert_int_equal(nd_sort_unique_u32(small, 0), 0);
	/* big is 0..49 now; a is 2, 4, 9. */
	assert_int_equal(nd_sorted_lower_u32(big, 50, 0), 0);
	assert_int_equal(nd_sorted_lower_u32(big, 50, 17), 17);
	assert_int_equal(nd_sorted_lower_u32(big, 50, 99), 50);
	assert_int_equal(nd_sorted_lower_u32(big, 0, 5), 0);
	assert_int_equal(nd_sorted_lower_u64(a, 3, 4), 1);
	assert_int_equal(nd_sorted_lower_u64(a, 3, 5), 2);
	assert_int_equal(nd_sorted_lower_u64(a, 3, UINT64_MAX), 3);
}

/* Repeats survive the sort, through both the insertion sort of short
 * arrays and the radix passes of long ones (values that differ only in
 * high bytes), and count as a multiset in the intersection. */
static void test_sort_repeats(void **state)
{
	uint64_t a[] = { 7, 3, 7, 1, 3, 7 }, b[] = { 3, 7, 7, 9 };
	uint64_t big[200];
	size_t i;

	(void)state;
	nd_sort_u64(a, 6);
	assert_int_equal(a[0], 1);
	assert_int_equal(a[1], 3);
	assert_int_equal(a[2], 3);
	assert_int_equal(a[5], 7);
	nd_sort_u64(b, 4);
	assert_int_equal(nd_sorted_common_u64(a, 6, b, 4), 3);
	for (i = 0; i < 200; i++)
		big[i] = (uint64_t)((199 - i) / 2) << 56 | 5;
	nd_sort_u64(big, 200);
	for (i = 0; i < 200; i++)
		assert_true(big[i] == ((uint64_t)(i / 2) << 56 | 5));
	nd_sort_u64(big, 0);
}

/* The bounded intersection is the whole one from need down, and below
 * need when the whole one is: every set pair of 0..12 elements of 0..15. */
static void test_sorted_common_min(void **state)
{
	uint64_t a[16], b[16];
	size_t na, nb, need, whole, k;
	unsigned ma, mb;

	(void)state;
	for (ma = 0; ma < 1u << 12; ma += 37) {
		for (mb = 0; mb < 1u << 12; mb += 41) {
			for (na = nb = 0, k = 0; k < 12; k++) {
				if (ma >> k & 1)
					a[na++] = k;
				if (mb >> k & 1)
					b[nb++] = k;
			}
			whole = nd_sorted_common_u64(a, na, b, nb);
			for (need = 0; need <= 13; need++) {
				size_t got = nd_sorted_common_u64_min(
					a, na, b, nb, need);

				if (whole >= need)
					assert_int_equal(got, whole);
				else
					assert_true(got < need);
			}
		}
	}
}

static void test_union_find_roots_are_smallest(void **state)
{
	uint32_t parent[8];

	(void)state;
	nd_uf_init(parent, 8);
	nd_uf_union(parent, 6, 4);
	nd_uf_union(parent, 4, 7);
	nd_uf_union(parent, 2, 7);
	nd_uf_union(parent, 7, 7);
	assert_int_equal(nd_uf_find(parent, 6), 2);
	assert_int_equal(nd_uf_find(parent, 7), 2);
	assert_int_equal(nd_uf_find(parent, 4), 2);
	assert_int_equal(nd_uf_find(parent, 5), 5);
	assert_int_equal(nd_uf_find(parent, 0), 0);
}

static void test_u64map(void **state)
{
	nd_u64map m;
	uint32_t v;
	uint64_t k;

	(void)state;
	assert_int_equal(nd_u64map_init(&m), ND_OK);
	for (k = 0; k < 3000; k++)
		assert_int_equal(nd_u64map_put(&m, k * 7919, (uint32_t)k, NULL),
				 ND_OK);
	assert_true(nd_u64map_get(&m, 7919 * 12, &v));
	assert_int_equal(v, 12);
	assert_false(nd_u64map_get(&m, 5, &v));
	nd_u64map_dispose(&m);
}

/* Removing every other key keeps the rest findable, whatever probe runs
 * the removals cut through. */
static void test_u64map_remove(void **state)
{
	nd_u64map m;
	uint32_t v;
	uint64_t k;

	(void)state;
	assert_int_equal(nd_u64map_init(&m), ND_OK);
	for (k = 1; k <= 5000; k++)
		assert_int_equal(nd_u64map_put(&m, k * 31, (uint32_t)k, NULL),
				 ND_OK);
	for (k = 2; k <= 5000; k += 2)
		assert_true(nd_u64map_remove(&m, k * 31));
	assert_false(nd_u64map_remove(&m, 2 * 31));
	assert_int_equal(m.count, 2500);
	for (k = 1; k <= 5000; k++) {
		bool there = nd_u64map_get(&m, k * 31, &v);

		assert_int_equal(there, k % 2 == 1);
		if (there)
			assert_int_equal(v, k);
	}
	assert_int_equal(nd_u64map_put(&m, 4 * 31, 9, NULL), ND_OK);
	assert_true(nd_u64map_get(&m, 4 * 31, &v));
	assert_int_equal(v, 9);
	nd_u64map_dispose(&m);
}

static void test_hash_is_seeded_and_stable(void **state)
{
	(void)state;
	assert_int_equal(nd_hash64("abc", 3, 1), nd_hash64("abc", 3, 1));
	assert_int_not_equal(nd_hash64("abc", 3, 1), nd_hash64("abc", 3, 2));
	assert_int_not_equal(nd_hash64("abc", 3, 1), nd_hash64("abd", 3, 1));
	assert_int_not_equal(nd_hash64("", 0, 1), nd_hash64("\0", 1, 1));
}

static void test_utf8_validation(void **state)
{
	size_t bad = 0;

	(void)state;
	assert_true(nd_utf8_valid("plain", 5, &bad));
	assert_true(nd_utf8_valid("\xC3\xA9t\xC3\xA9", 6, &bad));
	assert_false(nd_utf8_valid("ab\xC3", 3, &bad));
	assert_int_equal(bad, 2);
	assert_false(nd_utf8_valid("a\xC0\x80", 3, &bad)); /* overlong */
	assert_int_equal(bad, 1);
	assert_false(nd_utf8_valid("\xED\xA0\x80", 3, &bad)); /* surrogate */
	assert_false(nd_utf8_valid("\xFF", 1, &bad));
}

static void test_fold_matches_lookalikes_and_typography(void **state)
{
	char a[ND_FOLD_MAX], b[ND_FOLD_MAX];

	(void)state;
	/* "С5" with a Cyrillic capital Es matches the Latin "C5". */
	nd_utf8_fold("\xD0\xA1" "5", 3, a, sizeof(a));
	nd_utf8_fold("C5", 2, b, sizeof(b));
	assert_string_equal(a, b);
	/* A real Cyrillic word keeps its letters. */
	nd_utf8_fold("\xD0\xA1\xD0\xA8\xD0\x90", 6, a, sizeof(a));
	assert_string_equal(a, "\xD1\x81\xD1\x88\xD0\xB0");
	/* Curly apostrophe, case and accents. */
	nd_utf8_fold("Russia\xE2\x80\x99s", 10, a, sizeof(a));
	assert_string_equal(a, "russia's");
	nd_utf8_fold("R\xC3\xA9gis", 6, a, sizeof(a));
	assert_string_equal(a, "regis");
	/* Truncation stays inside the output buffer. */
	assert_int_equal(nd_utf8_fold("abcdef", 6, a, 4), 3);
	assert_string_equal(a, "abc");
}

static void test_decode_tells_invalid_from_real_fffd(void **state)
{
	const char text[] = "\xEF\xBF\xBD\xFF" "a";
	const char *p = text, *end = text + 5;
	bool invalid;

	(void)state;
	assert_int_equal(nd_utf8_decode_checked(&p, end, &invalid), 0xFFFD);
	assert_false(invalid); /* a U+FFFD the text really holds */
	assert_int_equal(nd_utf8_decode_checked(&p, end, &invalid), 0xFFFD);
	assert_true(invalid);
	assert_int_equal(nd_utf8_decode_checked(&p, end, &invalid), 'a');
	assert_false(invalid);
	assert_ptr_equal(p, end);
}

static void test_nfc_repairs_invalid_input(void **state)
{
	nd_buf out = ND_BUF_INIT(1024);

	(void)state;
	/* e + combining acute composes; a stray byte becomes U+FFFD. */
	assert_int_equal(nd_utf8_nfc("e\xCC\x81x\xFF", 5, &out), ND_OK);
	assert_string_equal(out.ptr, "\xC3\xA9x\xEF\xBF\xBD");
	nd_buf_dispose(&out);
}

/* nd_utf8_nfc copies lines of these characters as they are; utf8proc must
 * agree that NFC leaves them alone, next to any likely starter. */
static void test_nfc_fast_path_agrees_with_utf8proc(void **state)
{
	static const int32_t ranges[][2] = {
		{ 0x1, 0x2FF }, { 0x400, 0x482 }, { 0x2002, 0x205E },
		{ 0x20A0, 0x20C0 }, { 0x4E00, 0x9FFF }, { 0xFF01, 0xFF5E },
	};
	static const int32_t starters[] = {
		'a', 'e', 'o', 'A', 0xC7, 0x415, 0x438, 0x3B1, 0x928, 0x3042,
		0xAC00, 0x1100,
	};
	nd_buf out = ND_BUF_INIT(64);
	size_t r, s;
	int32_t cp;

	(void)state;
	for (r = 0; r < sizeof(ranges) / sizeof(ranges[0]); r++) {
		for (cp = ranges[r][0]; cp <= ranges[r][1]; cp++) {
			for (s = 0; s < sizeof(starters) / sizeof(*starters);
			     s++) {
				char in[16];
				size_t n = nd_utf8_encode(starters[s], in);
				utf8proc_uint8_t *ref = NULL;
				utf8proc_ssize_t m;

				n += nd_utf8_encode(cp, in + n);
				n += nd_utf8_encode(starters[s], in + n);
				m = utf8proc_map((const utf8proc_uint8_t *)in,
						 (utf8proc_ssize_t)n, &ref,
						 UTF8PROC_STABLE |
							 UTF8PROC_COMPOSE);
				if (m != (utf8proc_ssize_t)n ||
				    memcmp(ref, in, n) != 0)
					fail_msg("NFC changes U+%04X after "
						 "U+%04X", (unsigned)cp,
						 (unsigned)starters[s]);
				free(ref);
				nd_buf_clear(&out);
				assert_int_equal(nd_utf8_nfc(in, n, &out),
						 ND_OK);
				assert_memory_equal(out.ptr, in, n);
			}
		}
	}
	nd_buf_dispose(&out);
}

static void test_alloc_failure_injection(void **state)
{
	nd_arena *a = NULL;

	(void)state;
	nd_alloc_fail_after(1);
	assert_int_equal(nd_arena_create(&a), ND_ENOMEM);
	assert_null(a);
	nd_alloc_fail_after(0);
}

/* Keys of a: hashes (spread), small numbers (one bucket) or both. */
static void spread_keys(uint64_t *a, size_t n, int kind)
{
	size_t i;

	for (i = 0; i < n; i++) {
		uint64_t h = nd_mix64(i / 3 + 1);

		a[i] = kind == 0 ? h : kind == 1 ? h % 97 : (i % 2 ? h : i);
	}
}

static void test_spread_sort(void **state)
{
	static const size_t sizes[] = { 0, 1, 31, 32, 33, 500, 5000, 30000 };
	static uint64_t a[30000], b[30000], tmp[30000];
	size_t s, na, nb;
	int kind;

	(void)state;
	for (s = 0; s < sizeof(sizes) / sizeof(sizes[0]); s++) {
		for (kind = 0; kind < 3; kind++) {
			spread_keys(a, sizes[s], kind);
			memcpy(b, a, sizes[s] * sizeof(a[0]));
			na = nd_sort_unique_spread_u64(a, tmp, sizes[s]);
			nb = nd_sort_unique_u64(b, sizes[s]);
			assert_int_equal(na, nb);
			if (na > 0)
				assert_memory_equal(a, b, na * sizeof(a[0]));
		}
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_arena_alignment_and_big_blocks),
		cmocka_unit_test(test_buf_cap_is_enforced),
		cmocka_unit_test(test_buf_reserve_and_commit),
		cmocka_unit_test(test_checked_arithmetic),
		cmocka_unit_test(test_strmap_grows_and_keeps_values),
		cmocka_unit_test(test_strmap_intern_hands_back_its_copy),
		cmocka_unit_test(test_bytes8_tests_agree_with_bytes),
		cmocka_unit_test(test_sorted_sets),
		cmocka_unit_test(test_sort_repeats),
		cmocka_unit_test(test_spread_sort),
		cmocka_unit_test(test_sorted_common_min),
		cmocka_unit_test(test_union_find_roots_are_smallest),
		cmocka_unit_test(test_u64map),
		cmocka_unit_test(test_u64map_remove),
		cmocka_unit_test(test_hash_is_seeded_and_stable),
		cmocka_unit_test(test_utf8_validation),
		cmocka_unit_test(test_fold_matches_lookalikes_and_typography),
		cmocka_unit_test(test_decode_tells_invalid_from_real_fffd),
		cmocka_unit_test(test_nfc_repairs_invalid_input),
		cmocka_unit_test(test_nfc_fast_path_agrees_with_utf8proc),
		cmocka_unit_test(test_alloc_failure_injection),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
