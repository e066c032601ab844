/* storyterms: an article's words as story clustering counts them. */
#include "cluster/storyterms.h"

#include <string.h> /* memcpy, memset */

#include "analyse/stem_en.h"
#include "analyse/stopwords.h"
#include "core/alloc.h"
#include "core/error.h"
#include "core/bytes64.h"
#include "core/hash.h"
#include "core/utf8.h"

#define SLOTS (2 * ND_STORYTERMS_MAX) /* power of two, half full at most */
/* 2^17 words, 1 MiB: a news stream's working vocabulary. With 2^15 more
 * words missed and went to the stemmer, and adds were 5-10% slower. */
#define CACHE_BITS 17
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

/* Direct-mapped: a word's slot by the top bits of its key, checked by
 * the low 32 (two words alike in both share a term: a blur, as in the
 * hashed document frequencies). */
typedef struct nd_wordcache {
	struct {
		uint32_t tag, term;
	} e[1u << CACHE_BITS];
} nd_wordcache;

enum { BYTE_OTHER, BYTE_WORD, BYTE_UPPER, BYTE_END, BYTE_HIGH };

static unsigned char class_of(unsigned char c)
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

int nd_storyterms_init(nd_storyterms *st)
{
	int c;

	memset(st, 0, sizeof(*st));
	st->t = nd_calloc(ND_STORYTERMS_MAX, sizeof(*st->t));
	st->slot = nd_calloc(SLOTS, sizeof(*st->slot));
	st->cache = nd_calloc(1, sizeof(*st->cache));
	if (!st->t || !st->slot || !st->cache) {
		nd_storyterms_dispose(st);
		return ND_ENOMEM;
	}
	for (c = 0; c < 256; c++)
		st->cls[c] = class_of((unsigned char)c);
#ifdef ND_BYTES64
	st->wide = nd_bytes64_available();
#endif
	return ND_OK;
}

void nd_storyterms_dispose(nd_storyterms *st)
{
	nd_free(st->t);
	nd_free(st->slot);
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

/* The term of a folded word w[0..n), n <= WORD_MAX: 0 for stop words. */
static uint32_t term_of_folded(const char *w, size_t n)
{
	char low[WORD_MAX + 1], stem[ND_STEM_EN_MAX + 1];
	size_t len;

	memcpy(low, w, n);
	low[n] = '\0';
	if (nd_is_english_stopword(low) || is_news_word(low))
		return 0;
	if (nd_stem_en(stem, &len, low, n))
		return term_of(stem, len);
	return term_of(low, n);
}

/* The cache key of an ASCII word: its bytes or-ed with 0x20 (lower case
 * for letters; digits and apostrophes have the bit already), gathered 8
 * at a time and mixed, then its length. The word scan builds the same
 * key as it goes. */
#define KEY_SEED 0x9e3779b97f4a7c15ULL

static inline uint64_t key_finish(uint64_t h, uint64_t tail, size_t n)
{
	return nd_mix64(h ^ tail ^ ((uint64_t)n << 56)) | 1;
}

/* Up to 8 bytes of w (n of them, room readable), lowered, as a number. */
static inline uint64_t key_chunk(const char *w, size_t n, size_t room)
{
	uint64_t x = 0;

	if (room >= 8)
		memcpy(&x, w, 8);
	else
		memcpy(&x, w, n < 8 ? n : 8);
	x |= 0x2020202020202020ULL;
	return n >= 8 ? x : x & ((UINT64_C(1) << (8 * n)) - 1);
}

/* The key of w[0..n), room bytes readable from w (room >= n). */
static uint64_t ascii_key(const char *w, size_t n, size_t room)
{
	uint64_t h = KEY_SEED;
	size_t i;

	for (i = 0; i + 8 <= n; i += 8)
		h = nd_mix64(h ^ key_chunk(w + i, 8, room - i));
	return key_finish(h, i < n ? key_chunk(w + i, n - i, room - i) : 0,
			  n);
}

/* The term of the ASCII word w[0..n) with cache key key. */
static uint32_t cached_term(nd_storyterms *st, uint64_t key, const char *w,
			    size_t n)
{
	char buf[WORD_MAX + 1];
	size_t i = (size_t)(key >> (64 - CACHE_BITS)), k;
	uint32_t t;

	if (st->cache->e[i].tag == (uint32_t)key)
		return st->cache->e[i].term;
	if (n <= WORD_MAX) {
		for (k = 0; k < n; k++)
			buf[k] = (char)(w[k] | 0x20);
		t = term_of_folded(buf, n);
	} else {
		/* Too long to be a word to stem: its key, which is
		 * case-folded, stands for it. */
		t = (uint32_t)(key >> 32) | 1;
	}
	st->cache->e[i].tag = (uint32_t)key;
	st->cache->e[i].term = t;
	return t;
}

uint32_t nd_storyterms_of_word(nd_storyterms *st, const char *w, size_t n)
{
	return cached_term(st, ascii_key(w, n, n), w, n);
}
nd_storyterm *nd_storyterms_find(const nd_storyterms *st, uint32_t term)
{
	size_t i;

	for (i = term & (SLOTS - 1); st->slot[i].gen == st->gen;
	     i = (i + 1) & (SLOTS - 1))
		if (st->slot[i].term == term)
			return &st->t[st->slot[i].at];
	return NULL;
}

static void count(nd_storyterms *st, uint32_t term, uint32_t times,
		  uint32_t name, const char *w, size_t n)
{
	size_t i;
	nd_storyterm *e;

	for (i = term & (SLOTS - 1); st->slot[i].gen == st->gen;
	     i = (i + 1) & (SLOTS - 1)) {
		if (st->slot[i].term == term) {
			e = &st->t[st->slot[i].at];
			e->count += times;
			e->name |= name;
			return;
		}
	}
	if (st->n == ND_STORYTERMS_MAX)
		return;
	st->slot[i].gen = st->gen;
	st->slot[i].term = term;
	st->slot[i].at = (uint32_t)st->n++;
	e = &st->t[st->n - 1];
	e->term = term;
	e->count = times;
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

/* Is the character at p (p < e) part of a word; *next set past it.
 * Curly apostrophes inside words count, as ASCII ones do. */
static int wide_is_word(const char **next, const char *p, const char *e)
{
	int32_t cp = nd_utf8_decode(&p, e);

	*next = p;
	return nd_cp_is_word(cp) || cp == 0x2019;
}

static int starts_word(const unsigned char *cls, const char *p, const char *e)
{
	unsigned char k = cls[(unsigned char)*p];
	const char *q;

	return k == BYTE_WORD || k == BYTE_UPPER ||
	       (k == BYTE_HIGH && wide_is_word(&q, p, e));
}

/* The end of the word starting at p: letters, digits, wide word
 * characters, and apostrophes followed by more of the word. *wide is set
 * when a byte past ASCII is in it. */
static const char *word_end(const unsigned char *cls, const char *p,
			    const char *e, int *wide)
{
	const char *q;

	while (p < e) {
		unsigned char k = cls[(unsigned char)*p];

		if (k == BYTE_WORD || k == BYTE_UPPER) {
			p++;
		} else if (*p == '\'' && p + 1 < e &&
			   starts_word(cls, p + 1, e)) {
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

/* What one word is: its term (0 for none) and whether it is written
 * capitalised. */
typedef struct word_seen {
	uint32_t term;
	int upper;
} word_seen;

/* The general path, for words with bytes past ASCII or apostrophes:
 * the word starting at p, its end returned. */
static const char *slow_word(word_seen *ws, nd_storyterms *st, const char *p,
			     const char *e)
{
	int wide = 0;
	const char *q = word_end(st->cls, p, e, &wide), *r = p;

	ws->upper = st->cls[(unsigned char)*p] == BYTE_UPPER;
	ws->term = 0;
	if ((*p >= '0' && *p <= '9') || q - p < 2)
		return q; /* numbers: shared by unrelated stories */
	if (wide) {
		ws->upper = nd_cp_is_upper(nd_utf8_decode(&r, q));
		ws->term = wide_term(st, p, (size_t)(q - p));
	} else {
		ws->term = nd_storyterms_of_word(st, p, (size_t)(q - p));
	}
	return q;
}

/* Bits of 64 bytes of text, bit k for byte k. */
typedef struct block_bits {
	uint64_t word; /* ASCII letters and digits */
	uint64_t stop; /* . ! ? and newlines, which end sentences */
	uint64_t odd;  /* apostrophes and bytes past ASCII */
} block_bits;

static void bits_portable(block_bits *b, const unsigned char *cls,
			  const char *p, size_t n)
{
	size_t k;

	b->word = b->stop = b->odd = 0;
	for (k = 0; k < n; k++) {
		unsigned char c = cls[(unsigned char)p[k]];

		b->word |= (uint64_t)(c == BYTE_WORD || c == BYTE_UPPER) << k;
		b->stop |= (uint64_t)(c == BYTE_END) << k;
		b->odd |= (uint64_t)(c == BYTE_HIGH || p[k] == '\'') << k;
	}
}

#ifdef ND_BYTES64
ND_BYTES64_TARGET static void bits64(block_bits *b, const char *p)
{
	__m512i x = nd_bytes64_load(p);

	b->word = nd_bytes64_letters(x) | nd_bytes64_range(x, '0', '9');
	b->stop = nd_bytes64_eq(x, '.') | nd_bytes64_eq(x, '!') |
		  nd_bytes64_eq(x, '?') | nd_bytes64_eq(x, '\n');
	b->odd = nd_bytes64_high(x) | nd_bytes64_eq(x, '\'');
}
#endif

/* A walk over a text by 64-byte blocks of bits: the bytes between words
 * are passed over a block at a time, and a word's end found in its bits,
 * not tested byte by byte. */
typedef struct scan {
	const unsigned char *cls;
	const char *s;
	size_t n;
	size_t base; /* the block whose bits are held */
	block_bits b;
	int wide;    /* AVX-512 blocks */
} scan;

static void load_block(scan *sc, size_t base)
{
	size_t n = sc->n - base < 64 ? sc->n - base : 64;

	sc->base = base;
#ifdef ND_BYTES64
	if (sc->wide && n == 64) {
		bits64(&sc->b, sc->s + base);
		return;
	}
#endif
	bits_portable(&sc->b, sc->cls, sc->s + base, n);
}

/* The bits of the block holding i, from i's place up. */
static inline const block_bits *bits_at(scan *sc, size_t i, unsigned *off)
{
	if (i - sc->base >= 64)
		load_block(sc, i & ~(size_t)63);
	*off = (unsigned)(i - sc->base);
	return &sc->b;
}

/* The first byte at or after i that is not plain punctuation or space;
 * n when none. */
static size_t next_mark(scan *sc, size_t i)
{
	while (i < sc->n) {
		unsigned off;
		const block_bits *b = bits_at(sc, i, &off);
		uint64_t live = (b->word | b->stop | b->odd) >> off;

		if (live)
			return i + (size_t)__builtin_ctzll(live);
		i = sc->base + 64;
	}
	return sc->n;
}

/* The end of the run of ASCII letters and digits starting at i. */
static size_t run_end(scan *sc, size_t i)
{
	while (i < sc->n) {
		unsigned off;
		const block_bits *b = bits_at(sc, i, &off);
		uint64_t rest = ~b->word >> off;

		if (rest)
			return i + (size_t)__builtin_ctzll(rest) < sc->n
				       ? i + (size_t)__builtin_ctzll(rest)
				       : sc->n;
		i = sc->base + 64;
	}
	return sc->n;
}

/* Words found but not yet counted: an ASCII word's cache entry is
 * fetched while the next words are found, since the lookup waits on
 * memory more than it computes. */
#define PENDING 16

typedef struct pending {
	size_t at, len;
	uint64_t key;   /* 0: term already known */
	uint32_t term;
	uint32_t name;
} pending;

typedef struct word_queue {
	pending w[PENDING];
	size_t n;
} word_queue;

static void flush(word_queue *q, nd_storyterms *st, const char *s,
		  uint32_t times)
{
	size_t k;

	for (k = 0; k < q->n; k++) {
		pending *p = &q->w[k];
		uint32_t t = p->key ? cached_term(st, p->key, s + p->at, p->len)
				    : p->term;

		if (t)
			count(st, t, times, p->name, s + p->at, p->len);
	}
	q->n = 0;
}

/* The word at i, an ASCII letter or digit, queued: hashed from its own
 * bytes when it ends there, else (an apostrophe or a letter past ASCII
 * goes on with it) by the general path. Returns its end; *upper says
 * whether it is capitalised. */
static size_t ascii_word(pending *p, int *upper, nd_storyterms *st, scan *sc,
			 size_t i)
{
	size_t j = run_end(sc, i), n = j - i;
	const char *w = sc->s + i, *e = sc->s + sc->n, *q;
	word_seen ws;

	p->at = i;
	p->key = 0;
	p->term = 0;
	if (j < sc->n && ((sc->s[j] == '\'' && j + 1 < sc->n &&
			   starts_word(st->cls, sc->s + j + 1, e)) ||
			  ((unsigned char)sc->s[j] >= 0x80 &&
			   wide_is_word(&q, sc->s + j, e)))) {
		j = (size_t)(slow_word(&ws, st, w, e) - sc->s);
		p->term = ws.term;
		*upper = ws.upper;
	} else {
		*upper = st->cls[(unsigned char)*w] == BYTE_UPPER;
		if (n >= 2 && !(*w >= '0' && *w <= '9')) {
			p->key = ascii_key(w, n, sc->n - i);
			__builtin_prefetch(&st->cache->e[p->key >>
							 (64 - CACHE_BITS)]);
		}
	}
	p->len = j - i;
	return j;
}

/* Counts the words of s[0..n), each times times; names are looked for
 * only when find_names (a title capitalises every word). */
static void read_words(nd_storyterms *st, const char *s, size_t n,
		       uint32_t times, int find_names)
{
	scan sc;
	word_queue wq;
	size_t i = 0, last_len = 0, j;
	int sentence_start = 1;

	memset(&sc, 0, sizeof(sc));
	sc.cls = st->cls;
	sc.s = s;
	sc.n = n;
	sc.base = (size_t)-64; /* no block held */
	sc.wide = st->wide;
	wq.n = 0;
	while ((i = next_mark(&sc, i)) < n) {
		unsigned char k = st->cls[(unsigned char)s[i]];
		pending *p = &wq.w[wq.n];
		int upper;
		const char *q;

		if (k == BYTE_END) {
			/* "Mr. Blinken": a short capitalised word's dot does
			 * not end the sentence. */
			if (!(s[i] == '.' && last_len <= 3 && last_len > 0))
				sentence_start = 1;
			i++;
			continue;
		}
		if (k == BYTE_OTHER) { /* an apostrophe */
			i++;
			continue;
		}
		if (k == BYTE_HIGH) {
			word_seen ws;

			if (!wide_is_word(&q, s + i, s + n)) {
				i = (size_t)(q - s);
				continue;
			}
			j = (size_t)(slow_word(&ws, st, s + i, s + n) - s);
			p->at = i;
			p->len = j - i;
			p->key = 0;
			p->term = ws.term;
			upper = ws.upper;
		} else {
			j = ascii_word(p, &upper, st, &sc, i);
		}
		p->name = find_names && upper && !sentence_start;
		last_len = upper ? j - i : 0;
		sentence_start = 0;
		i = j;
		if (++wq.n == PENDING)
			flush(&wq, st, s, times);
	}
	flush(&wq, st, s, times);
}

void nd_storyterms_read(nd_storyterms *st, const char *title,
			size_t title_len, const char *text, size_t text_len)
{
	if (++st->gen == 0) {
		memset(st->slot, 0, SLOTS * sizeof(*st->slot));
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
	       SLOTS * sizeof(nd_termslot) + sizeof(nd_wordcache);
}
