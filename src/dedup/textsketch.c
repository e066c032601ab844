#include "dedup/textsketch.h"

#include <stdbool.h> /* bool */
#include <string.h>  /* memcpy, memmove */

#include "core/bytes64.h"
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

/* Bytes that make up words on the ASCII path: letters and digits. */
static inline bool is_word_byte(unsigned char c)
{
	return nd_ascii_is_letter(c) || (unsigned char)(c - '0') < 10;
}

typedef struct signer {
	uint64_t *bin;
	uint64_t word[WORD_BUF];
	size_t n_word;   /* in word[] */
	size_t n_total;  /* words seen */
	size_t shingles;
} signer;

static inline uint64_t rotl(uint64_t x, unsigned r)
{
	return (x << r) | (x >> (64 - r));
}

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

static inline void push_word(signer *s, uint64_t h)
{
	if (s->n_word == WORD_BUF)
		flush_words(s);
	s->word[s->n_word++] = h;
	s->n_total++;
}

/* Eight bytes of w (n of them, the rest zero), each ORed with lower. */
static inline uint64_t chunk(const unsigned char *w, size_t n, size_t room,
			     uint64_t lower)
{
	uint64_t x = 0;

	if (room >= 8)
		memcpy(&x, w, 8);
	else
		memcpy(&x, w, n < 8 ? n : 8);
	x |= lower;
	return n >= 8 ? x : x & ((UINT64_C(1) << (8 * n)) - 1);
}

/* Hash of the word w[0..n), room bytes readable from w, each byte ORed
 * with lower's: a word of up to eight bytes is its own bytes, so no two
 * collide; a longer one chains its eight-byte pieces. Raw: word_mix mixes
 * it for the shingles. */
static inline uint64_t hash_chars(const unsigned char *w, size_t n,
				  size_t room, uint64_t lower)
{
	uint64_t h = chunk(w, n, room, lower);

	while (n > 8) {
		w += 8;
		n -= 8;
		room -= 8;
		h = (h ^ h >> 31) * 0xd6e8feb86659fd93ULL ^
		    chunk(w, n, room, lower);
	}
	return h;
}

/* Letters lowered by setting bit 5, which digits have already. */
#define ASCII_LOWER 0x2020202020202020ULL

/* Word bytes (bit k for byte k) of the n <= 64 bytes at p, and whether
 * any is past ASCII. */
static uint64_t word_mask(bool *high, const unsigned char *p, size_t n)
{
	uint64_t m = 0;
	unsigned char any = 0;
	size_t k;

	for (k = 0; k < n; k++) {
		m |= (uint64_t)is_word_byte(p[k]) << k;
		any |= p[k];
	}
	*high = any >= 0x80;
	return m;
}

#ifdef ND_BYTES64
ND_BYTES64_TARGET static uint64_t word_mask64(bool *high,
					      const unsigned char *p)
{
	__m512i x = nd_bytes64_load((const char *)p);

	*high = nd_bytes64_high(x) != 0;
	return nd_bytes64_letters(x) | nd_bytes64_range(x, '0', '9');
}
#endif

/* The ASCII path: the words of each 64-byte block come from its mask of
 * word bytes, where words start and end, without a test per byte; wide
 * uses AVX-512 for whole blocks. Returns 0, or -1 at the first block
 * holding a byte past ASCII (the text then takes the folding path). */
static int words_ascii(signer *s, const unsigned char *p, size_t len,
		       bool wide)
{
	size_t i, open = 0;
	uint64_t carry = 0; /* the last block ended inside a word */

	for (i = 0; i < len; i += 64) {
		size_t n = len - i < 64 ? len - i : 64;
		uint64_t w, starts, ends;
		bool high;

#ifdef ND_BYTES64
		w = wide && n == 64 ? word_mask64(&high, p + i)
				    : word_mask(&high, p + i, n);
#else
		(void)wide;
		w = word_mask(&high, p + i, n);
#endif
		if (high)
			return -1;
		/* Bit k of ends: byte k is the first past a word (past the
		 * text too, in a last block shorter than 64). */
		starts = w & ~(w << 1 | carry);
		ends = ~w & (w << 1 | carry);
		if (carry && ends) {
			/* The word the last block left open ends first. */
			size_t e = i + (size_t)__builtin_ctzll(ends);

			push_word(s, hash_chars(p + open, e - open, len - open,
						ASCII_LOWER));
			ends &= ends - 1;
		}
		carry = w >> 63;
		for (; starts; starts &= starts - 1) {
			size_t b = i + (size_t)__builtin_ctzll(starts), e;

			if (!ends) {
				open = b;
				break;
			}
			e = i + (size_t)__builtin_ctzll(ends);
			ends &= ends - 1;
			push_word(s, hash_chars(p + b, e - b, len - b,
						ASCII_LOWER));
		}
	}
	if (carry)
		push_word(s, hash_chars(p + open, len - open, len - open,
					ASCII_LOWER));
	return 0;
}

/* Hashes a word that holds letters past ASCII by its fold, which leaves
 * ASCII letters lowered, so an ASCII word hashes as on the ASCII path. */
static uint64_t hash_folded(const char *w, size_t len)
{
	char folded[ND_FOLD_MAX];
	size_t n = nd_utf8_fold(w, len, folded, sizeof(folded));

	return hash_chars((const unsigned char *)folded, n, n, 0);
}

static uint64_t hash_word(const char *w, const char *end, int wide)
{
	size_t n = (size_t)(end - w);

	if (wide)
		return hash_folded(w, n);
	return hash_chars((const unsigned char *)w, n, n, ASCII_LOWER);
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

/* nd_textsketch_sign, with AVX-512 blocks when wide. */
static size_t sign(uint64_t bin[ND_TEXTSKETCH_BINS], const char *text,
		   size_t len, bool wide)
{
	signer s;
	size_t i;

	s.bin = bin;
	for (i = 0; i < ND_TEXTSKETCH_BINS; i++)
		bin[i] = UINT64_MAX;
	s.n_word = s.n_total = s.shingles = 0;
	if (words_ascii(&s, (const unsigned char *)text, len, wide) != 0) {
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

size_t nd_textsketch_sign(uint64_t bin[ND_TEXTSKETCH_BINS], const char *text,
			  size_t len)
{
#ifdef ND_BYTES64
	return sign(bin, text, len, nd_bytes64_available());
#else
	return sign(bin, text, len, false);
#endif
}

size_t nd_textsketch_sign_portable(uint64_t bin[ND_TEXTSKETCH_BINS],
				   const char *text, size_t len)
{
	return sign(bin, text, len, false);
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
