/* Unit tests of src/analyse: sentences, tokens, vocabulary, similarity. */
#include "test_util.h"

#include <libstemmer.h>
#include <stdio.h>  /* snprintf */
#include <stdlib.h> /* calloc, free */

#include "analyse/analyse.h"
#include "analyse/sentence.h"
#include "analyse/stem_en.h"
#include "analyse/stopwords.h"
#include "core/arena.h"
#include "core/error.h"

typedef struct fixture {
	nd_vocab *vocab;
	nd_arena *arena;
} fixture;

static int setup(void **state)
{
	fixture *f = calloc(1, sizeof(*f));

	if (f == NULL || nd_vocab_create(&f->vocab, NULL) ||
	    nd_arena_create(&f->arena))
		return -1;
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	fixture *f = *state;

	nd_vocab_free(f->vocab);
	nd_arena_free(f->arena);
	free(f);
	return 0;
}

/* The sentences of a one-paragraph text, joined by " | ". */
static const char *sentences(fixture *f, const char *text)
{
	static char out[2048];
	nd_doc d;
	size_t i, at = 0;

	assert_int_equal(nd_analyse(&d, f->vocab, f->arena, text,
				    strlen(text), 0),
			 ND_OK);
	out[0] = '\0';
	for (i = 0; i < d.nsents; i++)
		at += (size_t)snprintf(out + at, sizeof(out) - at, "%s%.*s",
				       i ? " | " : "", (int)d.sents[i].len,
				       text + d.sents[i].off);
	return out;
}

static void test_splits_plain_sentences(void **state)
{
	assert_string_equal(sentences(*state, "One fish swam. Two fish swam! "
					      "Did three swim? Yes."),
			    "One fish swam. | Two fish swam! | "
			    "Did three swim? | Yes.");
}

static void test_abbreviations_initials_decimals(void **state)
{
	assert_string_equal(
		sentences(*state, "Mr. Orlov met Gen. Vasko on Feb. 3 in the "
				  "U.S. capital. Growth was 2.5 percent. "
				  "John F. Kennedy spoke at 5 p.m. The crowd "
				  "cheered."),
		"Mr. Orlov met Gen. Vasko on Feb. 3 in the U.S. capital. | "
		"Growth was 2.5 percent. | John F. Kennedy spoke at 5 p.m. | "
		"The crowd cheered.");
}

static void test_title_before_a_sentence_opener(void **state)
{
	assert_string_equal(
		sentences(*state, "The talks were led by Prime Minister Hun "
				  "Sen. In the capital, crowds gathered. "
				  "Shares of Orlo Inc. The firm fell. Sen. "
				  "Ames voted no."),
		"The talks were led by Prime Minister Hun Sen. | In the "
		"capital, crowds gathered. | Shares of Orlo Inc. | The firm "
		"fell. | Sen. Ames voted no.");
	/* An honorific never ends a sentence, even before "He". */
	assert_string_equal(sentences(*state, "The verdict came. Ms. He said "
					      "nothing. Mr. Li left."),
			    "The verdict came. | Ms. He said nothing. | Mr. Li "
			    "left.");
}

static void test_quotes_and_attribution(void **state)
{
	assert_string_equal(
		sentences(*state,
			  "\xE2\x80\x9CWill it hold?\xE2\x80\x9D she asked. "
			  "\xC2\xAB" "We agree.\xC2\xBB The talks ended. "
			  "\"It is done,\" he said."),
		"\xE2\x80\x9CWill it hold?\xE2\x80\x9D she asked. | "
		"\xC2\xAB" "We agree.\xC2\xBB | The talks ended. | "
		"\"It is done,\" he said.");
}

static void test_paragraphs_and_title(void **state)
{
	fixture *f = *state;
	const char *text = "River deal signed\n\nThe deal was signed. It "
			   "holds.\nA second paragraph.\n";
	nd_doc d;

	assert_int_equal(nd_analyse(&d, f->vocab, f->arena, text,
				    strlen(text), 17),
			 ND_OK);
	assert_int_equal(d.nsents, 4);
	assert_int_equal(d.npara, 3);
	assert_true(d.sents[0].flags & ND_SENT_TITLE);
	assert_false(d.sents[1].flags & ND_SENT_TITLE);
	assert_int_equal(d.sents[1].para, 1);
	assert_int_equal(d.sents[3].para, 2);
}

static void test_tokens_carry_ids_and_flags(void **state)
{
	fixture *f = *state;
	const char *text = "The treaties of Port Amsel cost $40,000 and "
			   "the NATO treaty";
	nd_doc d;
	size_t len;
	const char *stem;

	assert_int_equal(nd_analyse(&d, f->vocab, f->arena, text,
				    strlen(text), 0),
			 ND_OK);
	assert_int_equal(d.ntoks, 11);
	assert_true(d.toks[0].flags & ND_TOK_STOP);
	assert_true(d.toks[0].flags & ND_TOK_FIRST);
	/* "treaties" and "treaty" share a stem but not a term. */
	assert_int_equal(d.toks[1].stem, d.toks[10].stem);
	assert_int_not_equal(d.toks[1].term, d.toks[10].term);
	stem = nd_vocab_stem(f->vocab, d.toks[1].stem, &len);
	assert_memory_equal(stem, "treati", len);
	assert_true(d.toks[3].flags & ND_TOK_CAPITAL);
	assert_true(d.toks[6].flags & ND_TOK_NUMBER);
	assert_int_equal(d.toks[6].len, 6); /* "40,000" */
	assert_true(d.toks[9].flags & ND_TOK_ALLCAPS);
	/* "The" and "the" are one term. */
	assert_int_equal(d.toks[0].term, d.toks[8].term);
}

static void test_lookalike_letters_share_a_term(void **state)
{
	fixture *f = *state;
	/* C5 written with a Latin C, then with a Cyrillic one. */
	const char *text = "The C5 met. The \xD0\xA1" "5 met.";
	nd_doc d;

	assert_int_equal(nd_analyse(&d, f->vocab, f->arena, text,
				    strlen(text), 0),
			 ND_OK);
	assert_int_equal(d.ntoks, 6);
	assert_int_equal(d.toks[1].term, d.toks[4].term);
}

static void test_similarity_tolerates_rewording(void **state)
{
	fixture *f = *state;
	const char *a = "The minister said the river treaty guarantees "
			"water for farmers in the delta.\n";
	const char *b = "The clergyman stated the river settlement "
			"guarantees water for farmers within the delta.\n";
	const char *c = "The basketball team lost its final game on "
			"Friday night.\n";
	nd_doc da, db, dc;
	double ab, ac;

	assert_int_equal(nd_analyse(&da, f->vocab, f->arena, a, strlen(a), 0),
			 ND_OK);
	assert_int_equal(nd_analyse(&db, f->vocab, f->arena, b, strlen(b), 0),
			 ND_OK);
	assert_int_equal(nd_analyse(&dc, f->vocab, f->arena, c, strlen(c), 0),
			 ND_OK);
	nd_vocab_count_doc(f->vocab, &da);
	nd_vocab_count_doc(f->vocab, &db);
	nd_vocab_count_doc(f->vocab, &dc);
	ab = nd_sentence_similarity(f->vocab, &da, 0, &db, 0);
	ac = nd_sentence_similarity(f->vocab, &da, 0, &dc, 0);
	assert_true(ab > 0.5);
	assert_true(ac < 0.1);
	assert_true(nd_sentence_similarity(f->vocab, &da, 0, &da, 0) > 0.999);
}

static void test_document_frequencies(void **state)
{
	fixture *f = *state;
	const char *a = "Water water everywhere.\n";
	const char *b = "No water here.\n";
	nd_doc da, db;
	uint32_t term;

	nd_analyse(&da, f->vocab, f->arena, a, strlen(a), 0);
	nd_analyse(&db, f->vocab, f->arena, b, strlen(b), 0);
	nd_vocab_count_doc(f->vocab, &da);
	nd_vocab_count_doc(f->vocab, &db);
	assert_true(nd_vocab_lookup(f->vocab, "water", 5, &term));
	assert_int_equal(nd_vocab_doc_count(f->vocab), 2);
	assert_int_equal(nd_vocab_df(f->vocab, da.toks[0].stem), 2);
	assert_true(nd_vocab_idf(f->vocab, da.toks[2].stem) >
		    nd_vocab_idf(f->vocab, da.toks[0].stem));
}

/* The fixed IDF table gives what the formula gives, and counting another
 * document brings the formula back. */
/* The English list is in byte order, so its binary search finds every
 * word of it and no other. */
static void test_stopword_search(void **state)
{
	const char *const *list = nd_stopwords("english");
	size_t i;

	(void)state;
	for (i = 0; list[i] != NULL; i++) {
		assert_true(nd_is_english_stopword(list[i]));
		if (list[i + 1] != NULL)
			assert_true(strcmp(list[i], list[i + 1]) < 0);
	}
	assert_false(nd_is_english_stopword("treaty"));
	assert_false(nd_is_english_stopword(""));
	assert_false(nd_is_english_stopword("zz"));
	assert_false(nd_is_english_stopword("'"));
}

static void test_fixed_idf(void **state)
{
	fixture *f = *state;
	const char *a = "Water water everywhere.\n";
	const char *b = "No water here.\n";
	nd_doc da, db;
	uint32_t water, everywhere;
	double idf_water, idf_everywhere;

	nd_analyse(&da, f->vocab, f->arena, a, strlen(a), 0);
	nd_analyse(&db, f->vocab, f->arena, b, strlen(b), 0);
	nd_vocab_count_doc(f->vocab, &da);
	water = da.toks[0].stem;
	everywhere = da.toks[2].stem;
	idf_water = nd_vocab_idf(f->vocab, water);
	idf_everywhere = nd_vocab_idf(f->vocab, everywhere);
	assert_int_equal(nd_vocab_fix_idf(f->vocab), ND_OK);
	assert_true(nd_vocab_idf(f->vocab, water) == idf_water);
	assert_true(nd_vocab_idf(f->vocab, everywhere) == idf_everywhere);
	/* A second document with "water" and without "everywhere". */
	nd_vocab_count_doc(f->vocab, &db);
	assert_true(nd_vocab_idf(f->vocab, water) < idf_water);
	assert_true(nd_vocab_idf(f->vocab, everywhere) > idf_everywhere);
}

static void test_unknown_language_is_rejected(void **state)
{
	nd_vocab *v = NULL;

	(void)state;
	assert_int_equal(nd_vocab_create(&v, "klingon"), ND_EINVAL);
	assert_null(v);
	assert_false(nd_vocab_language_known("klingon"));
	assert_true(nd_vocab_language_known("english"));
	assert_true(nd_vocab_language_known(NULL));
	nd_vocab_free(NULL);
}

static void test_hostile_text_is_survived(void **state)
{
	fixture *f = *state;
	static char text[70000];
	nd_doc d;
	size_t i;

	/* One endless "word", stray bytes and dots. */
	for (i = 0; i + 1 < sizeof(text); i++)
		text[i] = (char)(i % 7 == 0 ? '.' : i % 11 == 0 ? '\xC3' : 'a');
	text[sizeof(text) - 1] = '\0';
	assert_int_equal(nd_analyse(&d, f->vocab, f->arena, text,
				    strlen(text), 0),
			 ND_OK);
	assert_true(d.ntoks > 0);
	assert_int_equal(nd_sentence_end("...", 3, 0), 3);
	assert_int_equal(nd_sentence_end("", 0, 0), 0);
}

/* Pieces that words are made of here: the suffixes, prefixes and whole
 * words the English algorithm has rules for, and single letters. */
static const char *const stem_pieces[] = {
	"gener", "commun", "arsen", "y", "yy", "'", "'s", "s", "es", "ed",
	"ing", "ly", "ness", "ful", "al", "ation", "ational", "tional", "ize",
	"izer", "ization", "ment", "ement", "ent", "ence", "ance", "able",
	"ible", "ism", "iti", "ous", "ive", "li", "bli", "ogi", "er", "ic",
	"ical", "icate", "iciti", "ative", "alize", "ies", "ied", "eed",
	"edly", "ingly", "sses", "us", "ss", "e", "l", "ll", "bb", "dd", "ff",
	"gg", "mm", "nn", "pp", "rr", "tt", "at", "bl", "iz", "w", "x", "ow",
	"a", "o", "u", "i", "b", "c", "d", "h", "k", "n", "r", "t", "v", "z",
	"1", "sky", "news", "inn", "outing", "herring", "proceed", "skies",
	"dying", "ugly", "only", "howe", "bias", "andes", "sion", "tion",
	"lessli", "fulli", "entli", "ousli", "alli", "enci", "anci", "abli",
	"ator", "aliti", "alism", "biliti", "iviti", "iveness", "fulness",
	"ousness"
};

/* Words of one to four pieces, the same ones on every run. */
static size_t stem_test_word(char *out, size_t cap, unsigned long long *x)
{
	size_t n = 0, k, i;
	size_t npieces = sizeof(stem_pieces) / sizeof(*stem_pieces);

	*x ^= *x << 13;
	*x ^= *x >> 7;
	*x ^= *x << 17;
	k = 1 + (size_t)(*x % 4);
	for (i = 0; i < k; i++) {
		const char *p;
		size_t len;

		*x ^= *x << 13;
		*x ^= *x >> 7;
		*x ^= *x << 17;
		p = stem_pieces[*x % npieces];
		len = strlen(p);
		if (n + len > cap)
			break;
		memcpy(out + n, p, len);
		n += len;
	}
	return n;
}

static void test_english_stems_match_the_library(void **state)
{
	struct sb_stemmer *sb = sb_stemmer_new("english", "ISO_8859_1");
	unsigned long long x = 88172645463325252ULL;
	char w[ND_STEM_EN_MAX + 1], out[ND_STEM_EN_MAX + 1];
	size_t i, n, len;

	(void)state;
	assert_non_null(sb);
	for (i = 0; i < 300000; i++) {
		const sb_symbol *lib;

		n = stem_test_word(w, sizeof(w), &x);
		assert_true(nd_stem_en(out, &len, w, n));
		lib = sb_stemmer_stem(sb, (const sb_symbol *)w, (int)n);
		assert_non_null(lib);
		if (len != (size_t)sb_stemmer_length(sb) ||
		    memcmp(out, lib, len) != 0)
			fail_msg("%.*s: %.*s, the library %.*s", (int)n, w,
				 (int)len, out, sb_stemmer_length(sb), lib);
	}
	/* Upper case, other bytes and long words are the library's. */
	assert_false(nd_stem_en(out, &len, "Running", 7));
	assert_false(nd_stem_en(out, &len, "caf\xC3\xA9", 5));
	memset(w, 'a', sizeof(w));
	assert_false(nd_stem_en(out, &len, w, ND_STEM_EN_MAX + 1));
	sb_stemmer_delete(sb);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_splits_plain_sentences,
						setup, teardown),
		cmocka_unit_test_setup_teardown(
			test_abbreviations_initials_decimals, setup, teardown),
		cmocka_unit_test_setup_teardown(
			test_title_before_a_sentence_opener, setup, teardown),
		cmocka_unit_test_setup_teardown(test_quotes_and_attribution,
						setup, teardown),
		cmocka_unit_test_setup_teardown(test_paragraphs_and_title,
						setup, teardown),
		cmocka_unit_test_setup_teardown(test_tokens_carry_ids_and_flags,
						setup, teardown),
		cmocka_unit_test_setup_teardown(
			test_lookalike_letters_share_a_term, setup, teardown),
		cmocka_unit_test_setup_teardown(
			test_similarity_tolerates_rewording, setup, teardown),
		cmocka_unit_test_setup_teardown(test_document_frequencies,
						setup, teardown),
		cmocka_unit_test_setup_teardown(test_fixed_idf, setup, teardown),
		cmocka_unit_test(test_unknown_language_is_rejected),
		cmocka_unit_test(test_stopword_search),
		cmocka_unit_test_setup_teardown(test_hostile_text_is_survived,
						setup, teardown),
		cmocka_unit_test(test_english_stems_match_the_library),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
