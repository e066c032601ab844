#include "dedup/textsketch.h"

#include <string.h> /* memcpy */

#include "core/hash.h"
#include "core/utf8.h"

_Static_assert(ND_TEXTSKETCH_BANDS * ND_TEXTSKETCH_ROWS <= ND_TEXTSKETCH_BINS,
	       "bands take their rows from the bins");
_Static_assert(ND_TEXTSKETCH_BINS <= 256 && ND_TEXTSKETCH_BINS % 32 == 0,
	       "the top byte picks a bin; 32 bins pack in a 64-bit word");

/* Salts, fixed so sketches are reproducible. Densified bins and band keys
 * must not share one: a band of two densified copies of one bin would
 * then have the key of the bin's own band. */
#define WORD_SEED 0x6e642d776f7264ULL
#define SHINGLE_SEED 0x6e642d7368696eULL
#define DENSE_SEED 0x6e642d64656e73ULL
#define BAND_SEED 0x6e642d62616e64ULL

/* Word hashes kept at once; the last ND_TEXTSKETCH_SHINGLE - 1 carry over. */
#define WORD_BUF 1024

/* 6-bit codes: a-z (either case) 1-26, digits 27-36, 0 between words,
 * 0x40 for a byte past ASCII (the text then takes the folding path). */
#define CODE(c)                                                               \
	((c) >= 'a' && (c) <= 'z'   ? (c) - 'a' + 1                           \
	 : (c) >= 'A' && (c) <= 'Z' ? (c) - 'A' + 1                           \
	 : (c) >= '0' && (c) <= '9' ? (c) - '0' + 27                          \
	 : (c) >= 0x80              ? 0x40                                    \
				    : 0)
#define C4(c) CODE(c), CODE((c) + 1), CODE((c) + 2), CODE((c) + 3)
#define C16(c) C4(c), C4((c) + 4), C4((c) + 8), C4((c) + 12)
#define C64(c) C16(c), C16((c) + 16), C16((c) + 32), C16((c) + 48)
static const unsigned char code[256] = { C64(0), C64(64), C64(128),
					 C64(192) };

static inline uint64_t rotl(uint64_t x, unsigned r)
{
	return (x << r) | (x >> (64 - r));
}

/* Folds one more character code into a word's running hash: six bits a
 * character, so words of up to ten letters hash without collision. */
static inline uint64_t word_step(uint64_t h, uint64_t c)
{
	return rotl(h, 6) ^ c;
}

typedef struct signer {
	uint64_t *bin;
	uint64_t word[WORD_BUF];
	size_t n_word;   /* in word[] */
	size_t n_total;  /* words seen */
	size_t shingles;
} signer;

static inline uint64_t word_mix(uint64_t h)
{
	return (h ^ WORD_SEED) * 0x9e3779b97f4a7c15ULL;
}

static inline void bin_put(uint64_t *bin, uint64_t x)
{
	size_t i = (size_t)(x >> 56) * ND_TEXTSKETCH_BINS >> 8;

	bin[i] = x < bin[i] ? x : bin[i];
}

/* Five mixed word hashes -> a shingle hash whose top bits are uniform. */
static inline uint64_t shingle_hash(const uint64_t *m)
{
	uint64_t x = m[0] ^ rotl(m[1], 13) ^ rotl(m[2], 26) ^ rotl(m[3], 39) ^
		     rotl(m[4], 52) ^ SHINGLE_SEED;

	x ^= x >> 29;
	x *= 0xbf58476d1ce4e5b9ULL;
	return x ^ x >> 32;
}

/* Hashes the shingles that end in word[ND_TEXTSKETCH_SHINGLE - 1..n_word)
 * and keeps the last words for the shingles still to come. */
static void flush_words(signer *s)
{
	size_t i, keep = ND_TEXTSKETCH_SHINGLE - 1;
	uint64_t m[ND_TEXTSKETCH_SHINGLE];

	if (s->n_word < ND_TEXTSKETCH_SHINGLE)
		return;
	for (i = 0; i < keep; i++)
		m[i + 1] = word_mix(s->word[i]);
	for (i = keep; i < s->n_word; i++) {
		m[0] = m[1];
		m[1] = m[2];
		m[2] = m[3];
		m[3] = m[4];
		m[4] = word_mix(s->word[i]);
		bin_put(s->bin, shingle_hash(m));
	}
	s->shingles += s->n_word - keep;
	memmove(s->word, s->word + s->n_word - keep, keep * sizeof(uint64_t));
	s->n_word = keep;
}

static void push_word(signer *s, uint64_t h)
{
	if (s->n_word == WORD_BUF)
		flush_words(s);
	s->word[s->n_word++] = h;
	s->n_total++;
}

/* The ASCII path, without a branch per byte: every byte stores the hash
 * so far at the end of the word list, and the list grows by one where a
 * word ends (hashes stay raw until the shingles: a multiply a byte
 * cost more than one a word). Returns 0, or -1 at the first byte past ASCII. */
static int words_ascii(signer *s, const unsigned char *p, size_t len)
{
	uint64_t h = 0, prev = 0;
	unsigned seen = 0;
	size_t i = 0;

	while (i < len) {
		size_t room = WORD_BUF - 1 - s->n_word;
		size_t end = len - i < room ? len : i + room;
		size_t n = s->n_word;

		for (; i < end; i++) {
			uint64_t c = code[p[i]];
			uint64_t in_word = (uint64_t)0 - (c != 0);

			seen |= (unsigned)c;
			s->word[n] = h;
			n += (prev & ~in_word) & 1;
			/* A mask, not a branch: word ends follow no pattern. */
			h = word_step(h, c) & in_word;
			prev = in_word;
		}
		s->n_total += n - s->n_word;
		s->n_word = n;
		if (seen & 0x40)
			return -1;
		flush_words(s);
	}
	if (prev)
		push_word(s, h);
	return 0;
}

/* Hashes a word that holds letters past ASCII by its fold, each byte as
 * the ASCII path would take it, so an ASCII word hashes the same way on
 * both paths. */
static uint64_t hash_folded(const char *w, size_t len)
{
	char folded[ND_FOLD_MAX];
	size_t i, n = nd_utf8_fold(w, len, folded, sizeof(folded));
	uint64_t h = 0;

	for (i = 0; i < n; i++) {
		unsigned char b = (unsigned char)folded[i];

		h = word_step(h, b < 0x80 ? code[b] : b);
	}
	return h;
}

static uint64_t hash_word(const char *w, const char *end, int wide)
{
	uint64_t h = 0;

	if (wide)
		return hash_folded(w, (size_t)(end - w));
	for (; w < end; w++)
		h = word_step(h, code[(unsigned char)*w]);
	return h;
}

/* The folding path, for text with any byte past ASCII: words are runs of
 * Unicode word characters. */
static void words_unicode(signer *s, const char *text, size_t len)
{
	const char *p = text, *end = text + len, *start = NULL;
	int wide = 0;

	while (p < end) {
		const char *at = p;
		bool invalid;
		int32_t cp = nd_utf8_decode_checked(&p, end, &invalid);

		if (!invalid && nd_cp_is_word(cp)) {
			if (start == NULL) {
				start = at;
				wide = 0;
			}
			wide |= cp >= 0x80;
			continue;
		}
		if (start != NULL) {
			push_word(s, hash_word(start, at, wide));
			start = NULL;
		}
	}
	if (start != NULL)
		push_word(s, hash_word(start, end, wide));
}

/* An empty bin takes the value of the next filled one, re-hashed with its
 * own index, so that two sets that both leave it empty still agree on it
 * about as often as on a filled bin. */
static void densify(uint64_t *bin)
{
	unsigned char filled[ND_TEXTSKETCH_BINS];
	uint64_t copy[ND_TEXTSKETCH_BINS];
	size_t i, k;

	for (i = 0; i < ND_TEXTSKETCH_BINS; i++) {
		filled[i] = bin[i] != UINT64_MAX;
		copy[i] = bin[i];
	}
	for (i = 0; i < ND_TEXTSKETCH_BINS; i++) {
		if (filled[i])
			continue;
		k = (i + 1) % ND_TEXTSKETCH_BINS;
		while (!filled[k])
			k = (k + 1) % ND_TEXTSKETCH_BINS;
		bin[i] = nd_mix64(copy[k] ^ (DENSE_SEED + i));
	}
}

size_t nd_textsketch_sign(uint64_t bin[ND_TEXTSKETCH_BINS], const char *text,
			  size_t len)
{
	signer s;
	size_t i;

	s.bin = bin;
	for (i = 0; i < ND_TEXTSKETCH_BINS; i++)
		bin[i] = UINT64_MAX;
	s.n_word = s.n_total = s.shingles = 0;
	if (words_ascii(&s, (const unsigned char *)text, len) != 0) {
		for (i = 0; i < ND_TEXTSKETCH_BINS; i++)
			bin[i] = UINT64_MAX;
		s.n_word = s.n_total = s.shingles = 0;
		words_unicode(&s, text, len);
	}
	flush_words(&s);
	if (s.n_total == 0)
		return 0;
	if (s.n_total < ND_TEXTSKETCH_SHINGLE) {
		/* A text shorter than a shingle is one shingle of all of it. */
		uint64_t m[ND_TEXTSKETCH_SHINGLE] = { 0 };

		for (i = 0; i < s.n_word; i++)
			m[i] = word_mix(s.word[i]);
		bin_put(bin, shingle_hash(m));
		s.shingles = 1;
	}
	densify(bin);
	return s.shingles;
}

void nd_textsketch_bands(uint64_t key[ND_TEXTSKETCH_BANDS],
			 const uint64_t bin[ND_TEXTSKETCH_BINS])
{
	size_t b;

	for (b = 0; b < ND_TEXTSKETCH_BANDS; b++) {
		const uint64_t *row = bin + b * ND_TEXTSKETCH_ROWS;

		key[b] = nd_mix64(row[0] ^ nd_mix64(row[1] ^ (BAND_SEED + b)));
	}
}

void nd_textsketch_pack(uint8_t out[ND_TEXTSKETCH_BYTES],
			const uint64_t bin[ND_TEXTSKETCH_BINS])
{
	size_t i;

	/* The low bits: the top ones picked the bin and are alike. */
	for (i = 0; i < ND_TEXTSKETCH_BYTES; i++) {
		const uint64_t *b = bin + 4 * i;

		out[i] = (uint8_t)((b[0] & 3) | (b[1] & 3) << 2 |
				   (b[2] & 3) << 4 | (b[3] & 3) << 6);
	}
}

unsigned nd_textsketch_agree(const uint8_t a[ND_TEXTSKETCH_BYTES],
			     const uint8_t b[ND_TEXTSKETCH_BYTES])
{
	unsigned differ = 0;
	size_t i;

	for (i = 0; i < ND_TEXTSKETCH_BYTES; i += 8) {
		uint64_t x, y;

		memcpy(&x, a + i, 8);
		memcpy(&y, b + i, 8);
		x ^= y;
		/* One bit per 2-bit field that differs anywhere. */
		x = (x | x >> 1) & 0x5555555555555555ULL;
		differ += (unsigned)__builtin_popcountll(x);
	}
	return ND_TEXTSKETCH_BINS - differ;
}

double nd_textsketch_estimate(const uint8_t a[ND_TEXTSKETCH_BYTES],
			      const uint8_t b[ND_TEXTSKETCH_BYTES])
{
	double agree = (double)nd_textsketch_agree(a, b) / ND_TEXTSKETCH_BINS;
	double j = (agree - 0.25) / 0.75;

	return j < 0 ? 0 : j;
}
