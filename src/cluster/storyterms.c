/* storyterms: an article's words as story clustering counts them. */
#include "cluster/storyterms.h"

#include <string.h> /* memcpy, memset */

#include "analyse/stem_en.h"
#include "analyse/stopwords.h"
#include "core/alloc.h"
#include "core/error.h"
#include "core/hash.h"
#include "core/utf8.h"

#define SLOTS (2 * ND_STORYTERMS_MAX) /* power of two, half full at most */
#define CACHE_BITS 16
#define WORD_MAX 64 /* longer words are hashed whole, unstemmed */

/* Words of news copy that are not stop words to a summariser but say
 * nothing about which story an article tells: reporting verbs, titles,
 * the calendar. Sorted by byte, for bsearch-like lookups. */
static const char *const news_words[] = {
	"according", "added", "also", "april", "august", "back", "call",
	"called", "could", "december", "even", "february", "first", "friday",
	"get", "got", "january", "july", "june", "just", "last", "like",
	"many", "march", "may", "monday", "mr", "mrs", "ms", "much", "new",
	"news", "november", "october", "one", "said", "saturday", "say",
	"says", "september", "since", "still", "sunday", "thursday", "time",
	"today", "told", "tuesday", "two", "us", "wednesday", "well", "will",
	"would", "year", "years", "yesterday", "yet",
};

typedef struct nd_wordcache {
	uint64_t key[1u << CACHE_BITS];
	uint32_t term[1u << CACHE_BITS];
} nd_wordcache;

int nd_storyterms_init(nd_storyterms *st)
{
	memset(st, 0, sizeof(*st));
	st->t = nd_calloc(ND_STORYTERMS_MAX, sizeof(*st->t));
	st->slot = nd_calloc(SLOTS, sizeof(*st->slot));
	st->stamp = nd_calloc(SLOTS, sizeof(*st->stamp));
	st->cache = nd_calloc(1, sizeof(*st->cache));
	if (!st->t || !st->slot || !st->stamp || !st->cache) {
		nd_storyterms_dispose(st);
		return ND_ENOMEM;
	}
	return ND_OK;
}

void nd_storyterms_dispose(nd_storyterms *st)
{
	nd_free(st->t);
	nd_free(st->slot);
	nd_free(st->stamp);
	nd_free(st->cache);
	memset(st, 0, sizeof(*st));
}

static int is_news_word(const char *w)
{
	size_t lo = 0, hi = sizeof(news_words) / sizeof(news_words[0]);

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = strcmp(news_words[mid], w);

		if (c == 0)
			return 1;
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return 0;
}

static uint32_t term_of(const char *s, size_t n)
{
	uint32_t t = (uint32_t)nd_hash64(s, n, 0x5702);

	return t ? t : 1;
}

/* The term of a folded word w[0..n): 0 for stop words. */
static uint32_t term_of_folded(const char *w, size_t n)
{
	char low[WORD_MAX + 1], stem[ND_STEM_EN_MAX + 1];
	size_t len;

	if (n > WORD_MAX)
		return term_of(w, n);
	memcpy(low, w, n);
	low[n] = '\0';
	if (nd_is_english_stopword(low) || is_news_word(low))
		return 0;
	if (nd_stem_en(stem, &len, low, n))
		return term_of(stem, len);
	return term_of(low, n);
}

/* The cache key of an ASCII word: its bytes lower-cased, 8 at a time
 * (letters, digits and apostrophes all keep bit 0x20 set when or-ed). */
static uint64_t ascii_key(const char *w, size_t n)
{
	uint64_t h = 0x9e3779b97f4a7c15ULL ^ n;
	size_t i;

	for (i = 0; i + 8 <= n; i += 8) {
		uint64_t x;

		memcpy(&x, w + i, 8);
		h = nd_mix64(h ^ (x | 0x2020202020202020ULL));
	}
	if (i < n) {
		uint64_t x = 0;

		memcpy(&x, w + i, n - i);
		h = nd_mix64(h ^ (x | (0x2020202020202020ULL >>
				       (8 * (8 - (n - i))))));
	}
	return h | 1; /* 0 marks an empty cache entry */
}

uint32_t nd_storyterms_of_word(nd_storyterms *st, const char *w, size_t n)
{
	char buf[WORD_MAX + 1];
	uint64_t key = ascii_key(w, n);
	size_t i = (size_t)(key >> (64 - CACHE_BITS)), k;
	uint32_t t;

	if (st->cache->key[i] == key)
		return st->cache->term[i];
	if (n <= WORD_MAX) {
		for (k = 0; k < n; k++)
			buf[k] = (char)(w[k] | 0x20);
		t = term_of_folded(buf, n);
	} else {
		t = term_of(w, n);
	}
	st->cache->key[i] = key;
	st->cache->term[i] = t;
	return t;
}

nd_storyterm *nd_storyterms_find(const nd_storyterms *st, uint32_t term)
{
	size_t i;

	for (i = term & (SLOTS - 1); st->stamp[i] == st->gen;
	     i = (i + 1) & (SLOTS - 1))
		if (st->t[st->slot[i] - 1].term == term)
			return &st->t[st->slot[i] - 1];
	return NULL;
}

static void count(nd_storyterms *st, uint32_t term, uint32_t times,
		  uint32_t name, const char *w, size_t n)
{
	size_t i;
	nd_storyterm *e;

	for (i = term & (SLOTS - 1); st->stamp[i] == st->gen;
	     i = (i + 1) & (SLOTS - 1)) {
		e = &st->t[st->slot[i] - 1];
		if (e->term == term) {
			e->count += times;
			e->name |= name;
			return;
		}
	}
	if (st->n == ND_STORYTERMS_MAX)
		return;
	st->stamp[i] = st->gen;
	st->slot[i] = (uint32_t)++st->n;
	e = &st->t[st->n - 1];
	e->term = term;
	e->count = times;
	e->w = 0;
	e->name = name;
	e->word = w;
	/* Shown as evidence: "Kazakhstan's" reads better as the name. */
	if (n > 3 && w[n - 2] == '\'' && w[n - 1] == 's')
		n -= 2;
	else if (n > 5 && memcmp(w + n - 4, "\xe2\x80\x99s", 4) == 0)
		n -= 4;
	e->word_len = n;
}

/* Words holding bytes past ASCII are folded first (marks, case, look-alike
 * letters), then take the ASCII path when nothing past ASCII is left. */
static uint32_t wide_term(nd_storyterms *st, const char *w, size_t n)
{
	char folded[WORD_MAX * 4 + 1];
	size_t len = nd_utf8_fold(w, n, folded, sizeof(folded)), k;

	for (k = 0; k < len; k++)
		if ((unsigned char)folded[k] >= 0x80)
			return term_of(folded, len);
	return len >= 2 ? nd_storyterms_of_word(st, folded, len) : 0;
}

enum { BYTE_OTHER, BYTE_WORD, BYTE_UPPER, BYTE_END, BYTE_HIGH };

static unsigned char byte_class(unsigned char c)
{
	if (c >= 0x80)
		return BYTE_HIGH;
	if (c >= 'A' && c <= 'Z')
		return BYTE_UPPER;
	if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
		return BYTE_WORD;
	if (c == '.' || c == '!' || c == '?' || c == '\n')
		return BYTE_END;
	return BYTE_OTHER;
}

/* Is the character at p (p < e) part of a word; *next set past it.
 * Curly apostrophes inside words count, as ASCII ones do. */
static int wide_is_word(const char **next, const char *p, const char *e)
{
	int32_t cp = nd_utf8_decode(&p, e);

	*next = p;
	return nd_cp_is_word(cp) || cp == 0x2019;
}

static int starts_word(const char *p, const char *e)
{
	unsigned char k = byte_class((unsigned char)*p);
	const char *q;

	return k == BYTE_WORD || k == BYTE_UPPER ||
	       (k == BYTE_HIGH && wide_is_word(&q, p, e));
}

/* The end of the word starting at p: letters, digits, wide word
 * characters, and apostrophes followed by more of the word. *wide is set
 * when a byte past ASCII is in it. */
static const char *word_end(const char *p, const char *e, int *wide)
{
	const char *q;

	while (p < e) {
		unsigned char k = byte_class((unsigned char)*p);

		if (k == BYTE_WORD || k == BYTE_UPPER) {
			p++;
		} else if (*p == '\'' && p + 1 < e && starts_word(p + 1, e)) {
			p++;
		} else if (k == BYTE_HIGH && wide_is_word(&q, p, e)) {
			*wide = 1;
			p = q;
		} else {
			break;
		}
	}
	return p;
}

/* Counts the words of s[0..n), each times times; names are looked for
 * only when find_names (a title capitalises every word). */
static void read_words(nd_storyterms *st, const char *s, size_t n,
		       uint32_t times, int find_names)
{
	const char *p = s, *e = s + n, *q;
	int sentence_start = 1;
	size_t last_len = 0;

	while (p < e) {
		unsigned char k = byte_class((unsigned char)*p);
		int wide = 0, upper = k == BYTE_UPPER;
		uint32_t term;

		if (k == BYTE_HIGH && !wide_is_word(&q, p, e)) {
			p = q;
			continue;
		}
		if (k != BYTE_WORD && k != BYTE_UPPER && k != BYTE_HIGH) {
			/* "Mr. Blinken": a short capitalised word's dot does
			 * not end the sentence. */
			if (k == BYTE_END && !(*p == '.' && last_len <= 3 &&
					       last_len > 0))
				sentence_start = 1;
			p++;
			continue;
		}
		q = word_end(p, e, &wide);
		last_len = upper ? (size_t)(q - p) : 0;
		if (*p >= '0' && *p <= '9') {
			term = 0; /* numbers: shared by unrelated stories */
		} else if (q - p < 2) {
			term = 0;
		} else if (wide) {
			const char *r = p;

			upper = nd_cp_is_upper(nd_utf8_decode(&r, q));
			term = wide_term(st, p, (size_t)(q - p));
		} else {
			term = nd_storyterms_of_word(st, p, (size_t)(q - p));
		}
		if (term)
			count(st, term, times,
			      find_names && upper && !sentence_start, p,
			      (size_t)(q - p));
		sentence_start = 0;
		p = q;
	}
}

void nd_storyterms_read(nd_storyterms *st, const char *title,
			size_t title_len, const char *text, size_t text_len)
{
	if (++st->gen == 0) {
		memset(st->stamp, 0, SLOTS * sizeof(*st->stamp));
		st->gen = 1;
	}
	st->n = 0;
	if (title)
		read_words(st, title, title_len, 2, 0);
	if (text)
		read_words(st, text, text_len, 1, 1);
}

size_t nd_storyterms_bytes(const nd_storyterms *st)
{
	(void)st;
	return ND_STORYTERMS_MAX * sizeof(nd_storyterm) +
	       SLOTS * 2 * sizeof(uint32_t) + sizeof(nd_wordcache);
}
