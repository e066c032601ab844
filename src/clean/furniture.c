#include "clean/furniture.h"

#include <pthread.h> /* pthread_once */
#include <stdint.h>  /* int32_t, uint16_t, uint64_t */
#include <string.h>  /* strlen, strncmp, strstr, strcmp */

#include "clean/clean_lines.h"
#include "clean/lorem.h"
#include "clean/meta.h"
#include "core/bytes64.h"
#include "core/bytes8.h"
#include "core/utf8.h"

/* ---- Measuring a line ---- */

/* Han ideographs and kana, written without spaces between words. */
static bool ideographic(int32_t cp)
{
	return (cp >= 0x3040 && cp <= 0x30FF) ||
	       (cp >= 0x3400 && cp <= 0x4DBF) ||
	       (cp >= 0x4E00 && cp <= 0x9FFF) ||
	       (cp >= 0xF900 && cp <= 0xFAFF) || cp >= 0x20000;
}

static int script_of(int32_t cp)
{
	if (cp < 0x80)
		return ND_SCRIPT_LATIN;
	if ((cp >= 0xC0 && cp <= 0x24F) || (cp >= 0x1E00 && cp <= 0x1EFF) ||
	    (cp >= 0x2C60 && cp <= 0x2C7F) || (cp >= 0xA720 && cp <= 0xA7FF) ||
	    (cp >= 0xFF21 && cp <= 0xFF5A))
		return ND_SCRIPT_LATIN;
	if ((cp >= 0x370 && cp <= 0x3FF) || (cp >= 0x1F00 && cp <= 0x1FFF))
		return ND_SCRIPT_GREEK;
	if ((cp >= 0x400 && cp <= 0x52F) || (cp >= 0x2DE0 && cp <= 0x2DFF) ||
	    (cp >= 0xA640 && cp <= 0xA69F) || (cp >= 0x1C80 && cp <= 0x1C8F))
		return ND_SCRIPT_CYRILLIC;
	if (cp >= 0x530 && cp <= 0x58F)
		return ND_SCRIPT_ARMENIAN;
	if (cp >= 0x590 && cp <= 0x5FF)
		return ND_SCRIPT_HEBREW;
	if ((cp >= 0x600 && cp <= 0x6FF) || (cp >= 0x750 && cp <= 0x77F) ||
	    (cp >= 0x8A0 && cp <= 0x8FF) || (cp >= 0xFB50 && cp <= 0xFDFF) ||
	    (cp >= 0xFE70 && cp <= 0xFEFF))
		return ND_SCRIPT_ARABIC;
	if (cp >= 0x900 && cp <= 0xDFF)
		return ND_SCRIPT_INDIC;
	if (cp >= 0xE00 && cp <= 0xE7F)
		return ND_SCRIPT_THAI;
	if ((cp >= 0x1100 && cp <= 0x11FF) || (cp >= 0x3040 && cp <= 0x30FF) ||
	    (cp >= 0x3400 && cp <= 0x4DBF) || (cp >= 0x4E00 && cp <= 0x9FFF) ||
	    (cp >= 0xAC00 && cp <= 0xD7AF) || (cp >= 0xF900 && cp <= 0xFAFF) ||
	    cp >= 0x20000)
		return ND_SCRIPT_CJK;
	return ND_SCRIPT_OTHER;
}

static bool is_terminal(int32_t cp)
{
	return cp == '.' || cp == '!' || cp == '?' || cp == 0x2026 ||
	       cp == 0x3002 || cp == 0xFF01 || cp == 0xFF1F || cp == 0x061F ||
	       cp == 0x0964 || cp == 0x06D4;
}

static bool is_closing_quote(int32_t cp)
{
	return cp == 0x201D || cp == 0x2019 || cp == 0x00BB || cp == 0x203A ||
	       cp == 0x300D || cp == 0x300F;
}

static bool is_opening_quote(int32_t cp)
{
	return cp == 0x201C || cp == 0x2018 || cp == 0x00AB || cp == 0x201E ||
	       cp == 0x2039 || cp == 0x300C || cp == 0x300E || cp == '(' ||
	       cp == '[';
}

static bool is_bullet_mark(int32_t cp)
{
	switch (cp) {
	case 0x2022: case 0x00B7: case 0x25AA: case 0x25CF: case 0x25E6:
	case 0x2023: case 0x25BA: case 0x25B8: case 0x25B6: case 0x25A0:
	case 0x25A1: case 0x25C6: case 0x25C7: case 0x2605: case 0x2606:
	case 0x2713: case 0x2714: case 0x27A4: case 0x2192: case 0x2043:
	case 0x2219: case 0x25B9: case 0x25B7: case 0x2756:
		return true;
	default:
		return false;
	}
}

/* Marks that are bullets only when a space follows: "- item", "* item". */
static bool is_dash_mark(int32_t cp)
{
	return cp == '-' || cp == '*' || cp == '+' || cp == '>' ||
	       cp == 0x2013 || cp == 0x2014;
}

static bool opens_phone(char c)
{
	return c == '+' || c == '(' || (c >= '0' && c <= '9');
}

#ifdef ND_BYTES64

/* The first i' >= i with s[i'] a digit, '+' or '(', tested 64 bytes at a
 * time while 64 are left; i' is at most where those end. */
ND_BYTES64_TARGET static size_t
next_phone_start64(const char *s, size_t i, size_t len)
{
	for (; len - i >= 64; i += 64) {
		__m512i x = nd_bytes64_load(s + i);
		uint64_t hit =
			nd_bytes64_range(x, '0', '9') |
			nd_bytes64_eq(x, '+') |
			nd_bytes64_eq(x, '(');

		if (hit)
			return i + (size_t)__builtin_ctzll(hit);
	}
	return i;
}
#endif

/* The first i' >= i with s[i'] a digit, '+' or '(', or len: 64 or eight
 * bytes at a time where they can be tested so, as most of a line is
 * words. */
static size_t next_phone_start(const char *s, size_t i, size_t len)
{
#ifdef ND_BYTES64
	if (len - i >= 64 && nd_bytes64_available()) {
		i = next_phone_start64(s, i, len);
		if (i < len && opens_phone(s[i]))
			return i;
	}
#endif
#if ND_BYTES8_IN_ORDER
	for (; len - i >= 8; i += 8) {
		uint64_t x = nd_bytes8_load(s + i);
		uint64_t hit = nd_bytes8_range(x, '0', '9') |
			       nd_bytes8_eq(x, '+') | nd_bytes8_eq(x, '(');

		if (hit)
			return i + (size_t)__builtin_ctzll(hit) / 8;
	}
#endif
	while (i < len && !opens_phone(s[i]))
		i++;
	return i;
}

/* A phone number: a run of digits and separators with at least nine
 * digits, starting with '+' or holding '-' or '(' . */
static bool has_phone(const char *s, size_t len)
{
	size_t i = 0;

	while ((i = next_phone_start(s, i, len)) < len) {
		size_t j = i, digits = 0;
		bool plus = s[i] == '+', sep = false;

		if (i > 0 && (s[i - 1] | 0x20) >= 'a' &&
		    (s[i - 1] | 0x20) <= 'z') {
			i++;
			continue;
		}
		for (; j < len; j++) {
			char c = s[j];

			if (c >= '0' && c <= '9')
				digits++;
			else if (c == '-' || c == '(' || c == ')')
				sep = true;
			else if (c == ' ' || c == '.' || c == '/' || c == '+')
				;
			else
				break;
			if (c == ' ' && j + 1 < len &&
			    !(s[j + 1] >= '0' && s[j + 1] <= '9') &&
			    s[j + 1] != '(' && s[j + 1] != '+')
				break;
		}
		if (digits >= 9 && (plus || sep))
			return true;
		i = j > i ? j : i + 1;
	}
	return false;
}

/* name@host.tld somewhere in the line. */
static bool has_email(const char *s, size_t len)
{
	const char *at = memchr(s, '@', len);

	while (at) {
		size_t i = (size_t)(at - s), j;
		bool dot = false;

		if (i > 0 && s[i - 1] != ' ') {
			for (j = i + 1; j < len && s[j] != ' '; j++) {
				if (s[j] == '.' && j + 1 < len &&
				    ((s[j + 1] | 0x20) >= 'a' &&
				     (s[j + 1] | 0x20) <= 'z'))
					dot = true;
			}
			if (dot && j > i + 3)
				return true;
		}
		at = i + 1 < len ? memchr(s + i + 1, '@', len - i - 1) : NULL;
	}
	return false;
}

/* "(c) 2...": a copyright sign spelled out, at[0] being the '('. */
static bool spelled_copyright(const char *at, const char *end)
{
	return end - at >= 5 && (at[1] | 0x20) == 'c' && at[2] == ')' &&
	       at[3] == ' ' && at[4] >= '0' && at[4] <= '9';
}

/* What nd_clean_features carries from one character to the next. */
typedef struct feat_scan {
	size_t by_script[ND_SCRIPT_COUNT];
	int32_t prev2, prev, last; /* the last three characters */
	size_t ideo_run;
	bool in_word, word_counted, after_stop;
} feat_scan;

/* Measures the character at p (p < end) into f and st; returns the
 * next. */
static const char *feat_char(nd_line_feat *f, feat_scan *st, const char *p,
			     const char *end)
{
	const char *at = p;
	int32_t cp;

	if ((unsigned char)*p < 0x80)
		cp = (unsigned char)*p++;
	else
		cp = nd_utf8_decode(&p, end);
	if (cp == ' ') {
		st->in_word = false;
		st->word_counted = false;
		st->ideo_run = 0;
		st->prev2 = st->prev;
		st->prev = st->last;
		st->last = cp;
		return p;
	}
	f->nonspace++;
	if (!st->in_word) {
		st->in_word = true;
		if (st->after_stop && (nd_cp_is_upper(cp) ||
				       is_opening_quote(cp) || cp == '"'))
			f->sentences++;
	}
	st->after_stop = false;
	if (nd_cp_is_letter(cp) || nd_cp_is_digit(cp)) {
		/* Chinese and Japanese put no spaces between words, which
		 * run about two characters each. */
		if (!ideographic(cp))
			st->ideo_run = 0;
		else if (st->ideo_run++ % 2 == 0 && st->ideo_run > 1)
			st->word_counted = false;
		if (!st->word_counted) {
			st->word_counted = true;
			f->words++;
		}
		if (nd_cp_is_letter(cp)) {
			f->letters++;
			st->by_script[script_of(cp)]++;
		} else {
			f->digits++;
		}
	}
	if (cp == 0x00A9 || (cp == '(' && spelled_copyright(at, end)))
		f->copyright = true;
	st->prev2 = st->prev;
	st->prev = st->last;
	st->last = cp;
	/* A stop followed by a space; an abbreviation like "U.S." has
	 * none. */
	if ((cp == '.' || cp == '!' || cp == '?') && p < end && *p == ' ')
		st->after_stop = true;
	return p;
}

/* A block of ASCII bytes as masks, one bit a byte: eight bytes, each by
 * its high bit in a uint64_t (unit 8), or 64 bytes, byte k by bit k (unit
 * 1). stops and paren are left 0 when the block holds no mark: nothing
 * but spaces, letters and digits. */
typedef struct ascii_block {
	const char *p;   /* the bytes */
	unsigned unit;   /* bits from one byte's to the next's: 8 or 1 */
	uint64_t space, letters, digits;
	uint64_t stops;  /* '.', '!', '?' */
	uint64_t opens;  /* capitals, '"', '(' and '[': open a sentence; of
			  * eight bytes, found from x when asked */
	uint64_t paren;  /* '(' */
	uint64_t x;      /* eight bytes: the bytes themselves */
} ascii_block;

#if ND_BYTES8_IN_ORDER
/* The bytes of x that may open a sentence. */
static inline uint64_t opens8(uint64_t x)
{
	return nd_bytes8_range(x, 'A', 'Z') | nd_bytes8_eq(x, '"') |
	       nd_bytes8_eq(x, '(') | nd_bytes8_eq(x, '[');
}
#endif

/* Bytes marked in m. */
static inline unsigned block_count(const ascii_block *b, uint64_t m)
{
	return b->unit == 1 ? (unsigned)__builtin_popcountll(m)
			    : nd_bytes8_count(m);
}

/* How many bytes b holds: 8 or 64. */
static inline size_t block_bytes(const ascii_block *b)
{
	return 64 / b->unit;
}

/* The bits of every byte of b. */
static inline uint64_t block_all(const ascii_block *b)
{
	return b->unit == 1 ? ~0ULL : ND_BYTES8_HIGHS;
}

/* For each byte of b, whether the nearest byte before it that have marks
 * is marked in val too (val within have); *carry stands for the bytes
 * before the block, and becomes the same for the byte after it. Spread in
 * doubling steps, without a pass a byte. */
static inline uint64_t nearest_before(const ascii_block *b, uint64_t have,
				      uint64_t val, bool *carry)
{
	uint64_t all = block_all(b), in = *carry ? all : 0;
	unsigned sh;

	/* Unrolled, so that each shift is a constant. */
#pragma GCC unroll 6
	for (sh = b->unit; sh < 64; sh *= 2) {
		val |= (val << sh) & ~have;
		have |= have << sh;
	}
	if (have >> 63)
		*carry = (val >> 63) != 0;
	return ((val << b->unit) | (~(have << b->unit) & in)) & all;
}

/* Measures the ASCII block b into f and st, as feat_char would byte by
 * byte: a word is counted at the first letter or digit of a token; a
 * sentence starts at a token opening with a capital, a quote or a bracket
 * whose nearest non-space before is a stop. (A stop is always followed by
 * a space there, and where the next character is none, after_stop is
 * cleared before it is asked.) Inlined into each caller, whose block size
 * then folds the shifts and counts into constants (a call measured a
 * fifth slower). */
__attribute__((always_inline)) static inline void
feat_block(nd_line_feat *f, feat_scan *st, const ascii_block *b,
	   const char *end)
{
	uint64_t nonspace = ~b->space & block_all(b);
	uint64_t alnum = b->letters | b->digits;
	uint64_t first_byte = block_all(b) & -block_all(b);
	uint64_t starts = nonspace & (b->space << b->unit |
				      (st->in_word ? 0 : first_byte));
	uint64_t hold, open, first, after;
	size_t n_letters = block_count(b, b->letters), k;

	f->nonspace += block_count(b, nonspace);
	f->letters += n_letters;
	f->digits += block_count(b, b->digits);
	st->by_script[ND_SCRIPT_LATIN] += n_letters;
	/* A bit at the start of each token not counted yet, subtracted
	 * from the mask of spaces, letters and digits, borrows up to the
	 * first of them in the token, which it clears: its first letter or
	 * digit (or its end). A borrow out of the top: the last token has
	 * none yet. */
	hold = b->space | alnum;
	open = nonspace & (b->space << b->unit |
			   (st->word_counted ? 0 : first_byte));
	first = alnum & ~(hold - open);
	st->word_counted = !(b->space >> 63) && hold >= open;
	f->words += block_count(b, first);
	/* With no stop here or before, after_stop stays false. */
	if (b->stops != 0 || st->after_stop) {
		after = nearest_before(b, nonspace, b->stops,
				       &st->after_stop) & starts;
		f->sentences += block_count(
			b, after & (b->unit == 8 ? opens8(b->x) : b->opens));
	}
	for (k = 0; b->paren != 0 && k < block_bytes(b); k++) {
		if (b->p[k] == '(' && spelled_copyright(b->p + k, end))
			f->copyright = true;
	}
	if (b->space | alnum)
		st->ideo_run = 0;
	st->in_word = (nonspace >> 63) != 0;
	st->prev2 = (unsigned char)b->p[block_bytes(b) - 3];
	st->prev = (unsigned char)b->p[block_bytes(b) - 2];
	st->last = (unsigned char)b->p[block_bytes(b) - 1];
}

#if ND_BYTES8_IN_ORDER
/* Measures the eight ASCII bytes x at p into f and st. Stops and
 * brackets are only looked for where the eight hold bytes other than
 * spaces, letters and digits. */
static void feat_ascii8(nd_line_feat *f, feat_scan *st, uint64_t x,
			const char *p, const char *end)
{
	ascii_block b = { p, 8, 0, 0, 0, 0, 0, 0, x };

	b.space = nd_bytes8_eq(x, ' ');
	b.letters = nd_bytes8_letters(x);
	b.digits = nd_bytes8_range(x, '0', '9');
	if ((~b.space & ~(b.letters | b.digits) & ND_BYTES8_HIGHS) != 0) {
		b.stops = nd_bytes8_eq(x, '.') | nd_bytes8_eq(x, '!') |
			  nd_bytes8_eq(x, '?');
		b.paren = nd_bytes8_eq(x, '(');
	}
	feat_block(f, st, &b, end);
}
#endif

#ifdef ND_BYTES64
/* Measures the 64 bytes at p (end - p >= 64) into f and st when they are
 * all ASCII, as feat_ascii8 would eight by eight; false, with nothing
 * measured, when they are not. */
ND_BYTES64_TARGET static bool
feat_ascii64(nd_line_feat *f, feat_scan *st, const char *p, const char *end)
{
	__m512i x = nd_bytes64_load(p);
	ascii_block b = { p, 1, 0, 0, 0, 0, 0, 0, 0 };

	if (nd_bytes64_high(x) != 0)
		return false;
	b.space = nd_bytes64_eq(x, ' ');
	b.letters = nd_bytes64_letters(x);
	b.digits = nd_bytes64_range(x, '0', '9');
	b.stops = nd_bytes64_eq(x, '.') | nd_bytes64_eq(x, '!') | nd_bytes64_eq(x, '?');
	b.paren = nd_bytes64_eq(x, '(');
	b.opens = nd_bytes64_range(x, 'A', 'Z') | nd_bytes64_eq(x, '"') | b.paren |
		  nd_bytes64_eq(x, '[');
	feat_block(f, st, &b, end);
	return true;
}
#endif

void nd_clean_features(nd_line_feat *f, const char *s, size_t len)
{
	const char *p = s, *end = s + len;
	feat_scan st;
	int32_t first = 0;
	int i, best = ND_SCRIPT_NONE;

#ifdef ND_BYTES64
	bool wide = nd_bytes64_available();
#endif

	memset(f, 0, sizeof(*f));
	memset(&st, 0, sizeof(st));
	while (p < end && first == 0)
		first = nd_utf8_decode(&p, end);
	p = s;
	while (p < end) {
#ifdef ND_BYTES64
		if (end - p >= 64 && wide && feat_ascii64(f, &st, p, end)) {
			p += 64;
			continue;
		}
#endif
#if ND_BYTES8_IN_ORDER
		if (end - p >= 8) {
			uint64_t x = nd_bytes8_load(p);
			uint64_t high = x & ND_BYTES8_HIGHS;
			const char *other;

			if (high == 0) {
				feat_ascii8(f, &st, x, p, end);
				p += 8;
				continue;
			}
			/* Past the token of the first byte beyond ASCII one
			 * character at a time: in text of another alphabet
			 * the next eight bytes would not be ASCII either. */
			other = p + __builtin_ctzll(high) / 8;
			while (p < end && (p <= other || st.last != ' '))
				p = feat_char(f, &st, p, end);
			continue;
		}
#endif
		p = feat_char(f, &st, p, end);
	}
	for (i = 1; i < ND_SCRIPT_COUNT; i++) {
		if (st.by_script[i] > st.by_script[best])
			best = i;
	}
	f->script = best;
	f->script_letters = st.by_script[best];
	f->bullet = is_bullet_mark(first) ||
		    (is_dash_mark(first) && len > 1 &&
		     (s[1] == ' ' || (first > 0x7F && len > 3 && s[3] == ' ')));
	f->ellipsis = st.last == 0x2026 ||
		      (st.last == '.' && st.prev == '.' && st.prev2 == '.');
	f->period_end = st.last == '.' && !f->ellipsis;
	f->colon_end = st.last == ':';
	f->comma_end = st.last == ',';
	f->open_end = is_opening_quote(st.last) ||
		      ((st.last == '"' || st.last == '\'') &&
		       (st.prev == ' ' || st.prev == 0));
	if (is_terminal(st.last) || is_closing_quote(st.last))
		f->sentence = true;
	else if ((st.last == '"' || st.last == '\'') && !f->open_end)
		f->sentence = true;
	else if ((st.last == ')' || st.last == ']') && is_terminal(st.prev))
		f->sentence = true;
	/* ". EFE": a sentence signed off by an agency. */
	if (!f->sentence && f->words >= 5 &&
	    nd_clean_signoff(s, len, NULL, 0) < len)
		f->sentence = true;
	/* A phone number has nine digits or more: most lines have fewer. */
	f->phone = f->digits >= 9 && has_phone(s, len);
	f->email = has_email(s, len);
}

/* ---- Keys ---- */

size_t nd_clean_key_folded(const char *fold, size_t n, char *out,
			   size_t outsize)
{
	const char *p = fold, *end = fold + n;
	size_t at = 0;
	bool space = true;

	if (outsize < 3) {
		if (outsize)
			out[0] = '\0';
		return 0;
	}
	out[at++] = ' ';
	while (p < end) {
		const char *c = p;
		int32_t cp = nd_utf8_decode(&p, end);
		size_t w = (size_t)(p - c);

		if (nd_cp_is_word(cp)) {
			if (at + w + 2 > outsize)
				break;
			/* Mostly one byte: a memcpy of a length not known
			 * here is a call. */
			if (w == 1)
				out[at] = *c;
			else
				memcpy(out + at, c, w);
			at += w;
			space = false;
		} else if (!space) {
			if (at + 2 > outsize)
				break;
			out[at++] = ' ';
			space = true;
		}
	}
	if (!space && at + 1 < outsize)
		out[at++] = ' ';
	out[at] = '\0';
	return at;
}

size_t nd_clean_key(const char *s, size_t len, char *out, size_t outsize)
{
	char fold[ND_CLEAN_FOLD_MAX];
	size_t n;

	if (outsize < 3)
		return nd_clean_key_folded("", 0, out, outsize);
	len = nd_utf8_cut(s, len, ND_CLEAN_FOLD_MAX - 1);
	n = nd_utf8_fold(s, len, fold, sizeof(fold));
	return nd_clean_key_folded(fold, n, out, outsize);
}

/* ---- The phrase lexicon ---- */

enum { W_ANY, W_START, W_WHOLE };

typedef struct phrase {
	const char *key;     /* an nd_clean_key form */
	size_t len;
	uint64_t first;      /* PAIR_BIT of its first word */
	unsigned char kind;  /* ND_FURN_* */
	unsigned char rank;  /* RANK of kind */
	unsigned char where; /* W_* */
	unsigned char maxw;  /* only lines of at most this many words */
	unsigned char strong; /* also on lines that end like sentences */
} phrase;

/* A bit of 64 for the two bytes a and b starting a word. */
#define PAIR_BIT(a, b) (UINT64_C(1) << (((a) * 7u + (b)) & 63u))

/* Which verdict wins when a line matches several phrases. */
#define RANK(kind)                                                            \
	((kind) == ND_FURN_COMMENTS ? 4 : (kind) == ND_FURN_TAIL ? 3 :        \
	 (kind) == ND_FURN_READALSO ? 2 : (kind) == ND_FURN_JUNK ? 1 : 0)

/* Every key starts with a blank and a word. */
#define P(k, kind, where, maxw, strong)                                       \
	{ k, sizeof(k) - 1,                                                   \
	  PAIR_BIT((unsigned char)(k)[1], (unsigned char)(k)[2]), kind,       \
	  RANK(kind), where, maxw, strong }
#define C ND_FURN_COMMENTS
#define T ND_FURN_TAIL
#define R ND_FURN_READALSO
#define J ND_FURN_JUNK

/* Furniture wording seen across news sites; generic, no site names. */
static const phrase phrases[] = {
	/* Comment sections. */
	P(" leave a reply ", C, W_START, 8, 1),
	P(" leave a comment ", C, W_START, 8, 1),
	P(" post a comment ", C, W_START, 8, 1),
	P(" post comment ", C, W_START, 4, 1),
	P(" add a comment ", C, W_START, 6, 1),
	P(" add comment ", C, W_START, 4, 1),
	P(" click to comment ", C, W_START, 6, 1),
	P(" comments ", C, W_WHOLE, 1, 1),
	P(" comment ", C, W_WHOLE, 1, 1),
	P(" comments ", C, W_ANY, 3, 0),
	P(" no comments ", C, W_START, 5, 1),
	P(" show comments ", C, W_START, 5, 1),
	P(" view comments ", C, W_START, 5, 1),
	P(" load comments ", C, W_START, 5, 1),
	P(" join the conversation ", C, W_START, 8, 1),
	P(" join the discussion ", C, W_START, 8, 1),
	P(" tell us what you think ", C, W_START, 6, 1),
	P(" comments are closed ", C, W_START, 5, 1),
	P(" responses ", C, W_WHOLE, 1, 1),
	P(" discussion ", C, W_WHOLE, 1, 1),
	/* Related-links and recommendation blocks. */
	P(" related articles ", T, W_START, 6, 1),
	P(" related posts ", T, W_START, 6, 1),
	P(" related stories ", T, W_START, 6, 1),
	P(" related news ", T, W_START, 6, 1),
	P(" related content ", T, W_START, 6, 1),
	P(" related coverage ", T, W_START, 6, 1),
	P(" related topics ", T, W_START, 6, 1),
	P(" related links ", T, W_START, 6, 1),
	P(" related ", T, W_WHOLE, 1, 1),
	P(" you may also like ", T, W_START, 8, 1),
	P(" you might also like ", T, W_START, 8, 1),
	P(" you may like ", T, W_START, 6, 0),
	P(" you might like ", T, W_START, 6, 0),
	P(" you may be interested in ", T, W_START, 8, 1),
	P(" you might be interested in ", T, W_START, 8, 1),
	P(" more stories ", T, W_START, 6, 0),
	P(" more from ", T, W_START, 6, 0),
	P(" more news ", T, W_START, 5, 0),
	P(" more articles ", T, W_START, 5, 0),
	P(" more in ", T, W_START, 4, 0),
	P(" more on this story ", T, W_START, 6, 1),
	P(" most read ", T, W_START, 5, 0),
	P(" most popular ", T, W_START, 5, 0),
	P(" most viewed ", T, W_START, 5, 0),
	P(" most shared ", T, W_START, 5, 0),
	P(" most commented ", T, W_START, 5, 0),
	P(" trending ", T, W_START, 3, 0),
	P(" recommended ", T, W_START, 4, 0),
	P(" we recommend ", T, W_START, 4, 0),
	P(" popular posts ", T, W_START, 4, 0),
	P(" popular stories ", T, W_START, 4, 0),
	P(" popular now ", T, W_START, 4, 0),
	P(" latest news ", T, W_START, 4, 0),
	P(" latest stories ", T, W_START, 4, 0),
	P(" latest posts ", T, W_START, 4, 0),
	P(" latest articles ", T, W_START, 4, 0),
	P(" read next ", T, W_START, 4, 0),
	P(" up next ", T, W_START, 3, 0),
	P(" what to read next ", T, W_START, 6, 1),
	P(" from around the web ", T, W_START, 6, 1),
	P(" sponsored stories ", T, W_START, 4, 1),
	P(" promoted stories ", T, W_START, 4, 1),
	P(" in other news ", T, W_START, 4, 0),
	P(" editor s picks ", T, W_START, 4, 1),
	P(" editors picks ", T, W_START, 4, 1),
	P(" top stories ", T, W_START, 4, 0),
	P(" don t miss ", T, W_START, 4, 0),
	P(" keep reading ", T, W_START, 4, 0),
	P(" previous article ", T, W_START, 3, 0),
	P(" next article ", T, W_START, 3, 0),
	P(" previous post ", T, W_START, 3, 0),
	P(" next post ", T, W_START, 3, 0),
	/* The same blocks in other languages. */
	P(" kommentare ", C, W_WHOLE, 1, 1),
	P(" keine kommentare ", C, W_START, 3, 1),
	P(" kommentar schreiben ", C, W_START, 4, 1),
	P(" commentaires ", C, W_WHOLE, 1, 1),
	P(" laisser un commentaire ", C, W_START, 6, 1),
	P(" comentarios ", C, W_WHOLE, 1, 1),
	P(" deja un comentario ", C, W_START, 6, 1),
	P(" deixe um comentario ", C, W_START, 6, 1),
	P(" commenti ", C, W_WHOLE, 1, 1),
	P(" lascia un commento ", C, W_START, 6, 1),
	P(" komentarze ", C, W_WHOLE, 1, 1),
	P(" комментарии ", C, W_WHOLE, 1, 1),
	P(" отзывы ", C, W_WHOLE, 1, 1),
	P(" auch interessant ", T, W_START, 4, 1),
	P(" das konnte sie auch interessieren ", T, W_START, 8, 1),
	P(" das konnte dich auch interessieren ", T, W_START, 8, 1),
	P(" das konnte sie interessieren ", T, W_START, 6, 1),
	P(" sie konnten auch ", T, W_START, 10, 0),
	P(" schon gelesen ", T, W_START, 3, 1),
	P(" mehr zum thema ", T, W_START, 6, 0),
	P(" mehr themen ", T, W_START, 3, 0),
	P(" weitere artikel ", T, W_START, 5, 0),
	P(" weitere beitrage ", T, W_START, 6, 0),
	P(" ahnliche artikel ", T, W_START, 4, 1),
	P(" ahnliche beitrage ", T, W_START, 4, 1),
	P(" verwandte artikel ", T, W_START, 4, 1),
	P(" meistgelesen ", T, W_START, 3, 0),
	P(" uber den autor ", T, W_START, 4, 1),
	P(" verwandte ", T, W_START, 3, 1),
	P(" sur le meme sujet ", T, W_START, 6, 1),
	P(" articles similaires ", T, W_START, 4, 1),
	P(" les plus lus ", T, W_START, 4, 0),
	P(" te puede interesar ", T, W_START, 6, 1),
	P(" tambien te puede interesar ", T, W_START, 6, 1),
	P(" noticias relacionadas ", T, W_START, 4, 1),
	P(" articulos relacionados ", T, W_START, 4, 1),
	P(" lo mas leido ", T, W_START, 4, 0),
	P(" articoli correlati ", T, W_START, 4, 1),
	P(" potrebbe interessarti ", T, W_START, 5, 1),
	P(" i piu letti ", T, W_START, 4, 0),
	P(" mais lidas ", T, W_START, 4, 0),
	P(" voce tambem pode gostar ", T, W_START, 6, 1),
	P(" самые популярные ", T, W_START, 5, 0),
	P(" похожие статьи ", T, W_START, 4, 1),
	P(" podobne artykuly ", T, W_START, 4, 1),
	P(" najczesciej czytane ", T, W_START, 4, 0),
	P(" lesen sie auch ", R, W_START, 3, 1),
	P(" siehe auch ", R, W_START, 3, 1),
	P(" a lire aussi ", R, W_START, 3, 1),
	P(" a lire egalement ", R, W_START, 3, 1),
	P(" lee tambien ", R, W_START, 3, 1),
	P(" leggi anche ", R, W_START, 3, 1),
	P(" leia tambem ", R, W_START, 3, 1),
	P(" veja tambem ", R, W_START, 3, 1),
	P(" читаите также ", R, W_START, 3, 1),
	P(" czytaj tez ", R, W_START, 3, 1),
	P(" zobacz takze ", R, W_START, 3, 1),
	P(" lesen sie auch ", J, W_START, 25, 0),
	P(" a lire aussi ", J, W_START, 25, 0),
	P(" lee tambien ", J, W_START, 25, 0),
	P(" leggi anche ", J, W_START, 25, 0),
	P(" leia tambem ", J, W_START, 25, 0),
	P(" veja tambem ", J, W_START, 25, 0),
	P(" читаите также ", J, W_START, 25, 0),
	P(" czytaj tez ", J, W_START, 25, 0),
	/* "Read also": a link to another story follows. */
	P(" read also ", R, W_START, 3, 1),
	P(" also read ", R, W_START, 3, 1),
	P(" see also ", R, W_START, 3, 1),
	P(" also see ", R, W_START, 3, 1),
	P(" read more about ", R, W_START, 4, 1),
	P(" related reading ", R, W_START, 3, 1),
	P(" lire aussi ", R, W_START, 3, 1),
	P(" read also ", J, W_START, 25, 0),
	P(" also read ", J, W_START, 25, 0),
	P(" see also ", J, W_START, 25, 0),
	P(" read more ", J, W_START, 25, 0),
	P(" related ", J, W_START, 25, 0),
	/* Footers and legal. */
	P(" all rights reserved ", J, W_ANY, 40, 1),
	P(" copyright ", J, W_START, 30, 0),
	P(" copyright ", J, W_ANY, 20, 0),
	P(" editor and publisher ", J, W_START, 15, 1),
	P(" editor in chief ", J, W_START, 10, 0),
	P(" printed and published by ", J, W_START, 25, 1),
	P(" published by ", J, W_START, 10, 0),
	P(" designed and developed by ", J, W_ANY, 15, 1),
	P(" designed and maintained by ", J, W_ANY, 15, 1),
	P(" developed and maintained by ", J, W_ANY, 15, 1),
	P(" designed by ", J, W_START, 10, 0),
	P(" developed by ", J, W_START, 10, 0),
	P(" maintained by ", J, W_ANY, 12, 0),
	P(" powered by ", J, W_START, 8, 0),
	P(" site by ", J, W_START, 6, 0),
	P(" privacy policy ", J, W_ANY, 12, 0),
	P(" terms of use ", J, W_ANY, 12, 0),
	P(" terms of service ", J, W_ANY, 12, 0),
	P(" terms and conditions ", J, W_ANY, 12, 0),
	P(" contact us ", J, W_ANY, 8, 0),
	P(" about us ", J, W_ANY, 6, 0),
	P(" advertise with us ", J, W_ANY, 8, 1),
	P(" reporting by ", J, W_START, 40, 1),
	P(" additional reporting by ", J, W_START, 40, 1),
	P(" editing by ", J, W_ANY, 40, 1),
	P(" writing by ", J, W_START, 40, 1),
	/* Comment forms. */
	P(" your email address will not be published ", J, W_ANY, 40, 1),
	P(" required fields are marked ", J, W_ANY, 40, 1),
	P(" save my name email and website ", J, W_ANY, 40, 1),
	P(" for the next time i comment ", J, W_ANY, 40, 1),
	P(" notify me of ", J, W_START, 20, 1),
	P(" you must be logged in ", J, W_ANY, 20, 1),
	P(" log in to comment ", J, W_ANY, 10, 1),
	/* Search, menus, accounts. */
	P(" what are you looking for ", J, W_WHOLE, 6, 1),
	P(" hi what are you looking for ", J, W_WHOLE, 7, 1),
	P(" what are you searching for ", J, W_WHOLE, 6, 1),
	P(" type to search ", J, W_ANY, 8, 1),
	P(" search ", J, W_START, 3, 0),
	P(" search ", J, W_WHOLE, 1, 1),
	P(" menu ", J, W_WHOLE, 1, 1),
	P(" home ", J, W_WHOLE, 1, 1),
	P(" close ", J, W_WHOLE, 1, 1),
	P(" loading ", J, W_WHOLE, 1, 1),
	P(" skip to content ", J, W_ANY, 8, 1),
	P(" skip to main content ", J, W_ANY, 8, 1),
	P(" back to top ", J, W_START, 4, 1),
	P(" scroll to top ", J, W_START, 4, 1),
	P(" go to top ", J, W_START, 4, 1),
	P(" sign in ", J, W_ANY, 6, 0),
	P(" log in ", J, W_ANY, 6, 0),
	P(" login ", J, W_ANY, 6, 0),
	P(" register ", J, W_ANY, 4, 0),
	P(" my account ", J, W_ANY, 6, 0),
	P(" e paper ", J, W_ANY, 6, 0),
	P(" epaper ", J, W_ANY, 6, 0),
	P(" breaking news ", J, W_START, 4, 0),
	P(" click here ", J, W_ANY, 20, 0),
	P(" click here for more information ", J, W_ANY, 30, 1),
	P(" tap here ", J, W_ANY, 20, 0),
	P(" enable javascript ", J, W_ANY, 30, 1),
	P(" javascript is disabled ", J, W_ANY, 30, 1),
	P(" requires javascript ", J, W_ANY, 12, 1),
	/* Follow, share, apps. */
	P(" connect with us ", J, W_ANY, 8, 1),
	P(" follow us ", J, W_ANY, 12, 0),
	P(" like us on ", J, W_ANY, 12, 0),
	P(" find us on ", J, W_ANY, 12, 0),
	P(" join us on ", J, W_ANY, 12, 0),
	P(" share on ", J, W_START, 14, 0),
	P(" share this ", J, W_START, 10, 0),
	P(" share via ", J, W_START, 10, 0),
	P(" share article ", J, W_START, 6, 0),
	P(" share ", J, W_WHOLE, 1, 1),
	P(" sharing is caring ", J, W_WHOLE, 3, 1),
	P(" share it with ", J, W_ANY, 10, 1),
	P(" tweet ", J, W_WHOLE, 1, 1),
	P(" email this ", J, W_START, 8, 0),
	P(" print this ", J, W_START, 8, 0),
	P(" print ", J, W_WHOLE, 1, 1),
	P(" email ", J, W_WHOLE, 1, 1),
	P(" whatsapp ", J, W_ANY, 6, 0),
	P(" facebook ", J, W_ANY, 6, 0),
	P(" twitter ", J, W_ANY, 6, 0),
	P(" linkedin ", J, W_ANY, 6, 0),
	P(" telegram ", J, W_ANY, 4, 0),
	P(" pinterest ", J, W_ANY, 6, 0),
	P(" download the app ", J, W_ANY, 20, 0),
	P(" download our app ", J, W_ANY, 20, 0),
	P(" get the app ", J, W_ANY, 20, 0),
	P(" download the ", J, W_ANY, 16, 0),
	P(" downloading the ", J, W_ANY, 16, 0),
	P(" download our ", J, W_ANY, 16, 0),
	/* Newsletters and cookies. */
	P(" newsletter ", J, W_ANY, 12, 0),
	P(" newsletters ", J, W_ANY, 12, 0),
	P(" subscribe ", J, W_ANY, 12, 0),
	P(" subscribe to our ", J, W_ANY, 25, 1),
	P(" if you enjoyed this article ", J, W_ANY, 40, 1),
	P(" if you enjoyed reading this ", J, W_ANY, 40, 1),
	P(" subscribe now ", J, W_ANY, 10, 1),
	P(" sign up ", J, W_ANY, 12, 0),
	P(" signup ", J, W_ANY, 12, 0),
	P(" sign up for our ", J, W_ANY, 25, 1),
	P(" in your inbox ", J, W_ANY, 20, 0),
	P(" in your mailbox ", J, W_ANY, 20, 0),
	P(" to your inbox ", J, W_ANY, 20, 0),
	P(" we use cookies ", J, W_ANY, 60, 1),
	P(" use cookies ", J, W_ANY, 60, 0),
	P(" this site uses cookies ", J, W_ANY, 60, 1),
	P(" this website uses cookies ", J, W_ANY, 60, 1),
	P(" our partners use cookies ", J, W_ANY, 60, 1),
	P(" uses cookies ", J, W_ANY, 60, 0),
	P(" cookie policy ", J, W_ANY, 30, 0),
	P(" cookie settings ", J, W_ANY, 30, 0),
	P(" accept cookies ", J, W_ANY, 20, 0),
	P(" accept all ", J, W_ANY, 12, 0),
	P(" reject all ", J, W_ANY, 12, 0),
	P(" manage preferences ", J, W_ANY, 12, 0),
	P(" manage cookies ", J, W_ANY, 12, 0),
	P(" cookie ", J, W_ANY, 12, 0),
	P(" cookies ", J, W_ANY, 12, 0),
	/* Advertising, sharing and feedback in other languages. */
	P(" anzeige ", J, W_WHOLE, 1, 1),
	P(" werbung ", J, W_WHOLE, 1, 1),
	P(" publicite ", J, W_WHOLE, 1, 1),
	P(" publicidad ", J, W_WHOLE, 1, 1),
	P(" pubblicita ", J, W_WHOLE, 1, 1),
	P(" реклама ", J, W_WHOLE, 1, 1),
	P(" reklama ", J, W_WHOLE, 1, 1),
	P(" iklan ", J, W_WHOLE, 1, 1),
	P(" teilen ", J, W_WHOLE, 1, 1),
	P(" artikel teilen ", J, W_START, 4, 1),
	P(" partager ", J, W_WHOLE, 1, 1),
	P(" compartir ", J, W_WHOLE, 1, 1),
	P(" condividi ", J, W_WHOLE, 1, 1),
	P(" поделиться ", J, W_WHOLE, 1, 1),
	P(" inhaltsverzeichnis ", J, W_WHOLE, 1, 1),
	P(" table des matieres ", J, W_WHOLE, 3, 1),
	P(" was this article helpful ", J, W_START, 6, 1),
	P(" war der artikel ", J, W_START, 5, 0),
	P(" war dieser artikel ", J, W_START, 5, 0),
	P(" mochten sie den artikel ", J, W_START, 7, 0),
	P(" newsletter abonnieren ", J, W_ANY, 10, 1),
	P(" folgen sie uns ", J, W_ANY, 10, 1),
	P(" suivez nous ", J, W_ANY, 10, 1),
	P(" siguenos ", J, W_ANY, 8, 1),
	P(" siga nos ", J, W_ANY, 8, 1),
	P(" nos siga ", J, W_START, 6, 1),
	P(" jetzt abonnieren ", J, W_ANY, 10, 1),
	/* Advertising and reading aids. */
	P(" advert ", J, W_WHOLE, 2, 1),
	P(" advertisement ", J, W_WHOLE, 2, 1),
	P(" advertisements ", J, W_WHOLE, 2, 1),
	P(" advertising ", J, W_WHOLE, 2, 1),
	P(" sponsored ", J, W_WHOLE, 2, 1),
	P(" sponsored content ", J, W_START, 4, 1),
	P(" paid content ", J, W_START, 4, 1),
	P(" partner content ", J, W_START, 4, 1),
	P(" ad ", J, W_WHOLE, 1, 1),
	P(" story continues below advertisement ", J, W_ANY, 8, 1),
	P(" article continues below ", J, W_ANY, 8, 1),
	P(" continues below ", J, W_ANY, 8, 1),
	P(" continue reading ", J, W_START, 6, 1),
	P(" scroll to continue ", J, W_ANY, 8, 1),
	P(" read more ", J, W_START, 4, 1),
	P(" show more ", J, W_START, 4, 1),
	P(" load more ", J, W_START, 4, 1),
	P(" see more ", J, W_START, 4, 1),
	P(" view more ", J, W_START, 4, 1),
	P(" view all ", J, W_START, 4, 1),
	P(" see all ", J, W_START, 4, 1),
	P(" min read ", J, W_ANY, 14, 1),
	P(" mins read ", J, W_ANY, 14, 1),
	P(" minute read ", J, W_ANY, 14, 1),
	P(" minutes read ", J, W_ANY, 14, 1),
	P(" reading time ", J, W_START, 8, 0),
	P(" lesezeit ", J, W_START, 8, 0),
	P(" temps de lecture ", J, W_START, 8, 0),
	P(" tiempo de lectura ", J, W_START, 8, 0),
	P(" tempo de leitura ", J, W_START, 8, 0),
	P(" listen to this article ", J, W_ANY, 8, 1),
	P(" listen to article ", J, W_ANY, 8, 1),
	P(" watch ", J, W_START, 15, 0),
	P(" video ", J, W_START, 12, 0),
	P(" photos ", J, W_START, 12, 0),
	P(" gallery ", J, W_START, 12, 0),
	P(" podcast ", J, W_START, 12, 0),
	P(" posted in ", J, W_START, 15, 0),
	P(" tags ", J, W_START, 25, 0),
	P(" tagged ", J, W_START, 25, 0),
	P(" topics ", J, W_START, 25, 0),
	P(" filed under ", J, W_START, 25, 0),
	P(" categories ", J, W_START, 25, 0),
	P(" i subscribe ", J, W_WHOLE, 2, 1),
	/* The same furniture in other languages: German, French, Spanish,
	 * Italian, Portuguese, Polish, Dutch (keys are folded: no marks). */
	P(" kommentare ", C, W_WHOLE, 1, 1),
	P(" kommentar schreiben ", C, W_START, 6, 1),
	P(" schreibe einen kommentar ", C, W_START, 8, 1),
	P(" kommentar hinterlassen ", C, W_ANY, 8, 1),
	P(" keine kommentare ", C, W_START, 12, 1),
	P(" commentaires ", C, W_WHOLE, 1, 1),
	P(" laisser un commentaire ", C, W_START, 8, 1),
	P(" comentarios ", C, W_WHOLE, 1, 1),
	P(" deja un comentario ", C, W_START, 8, 1),
	P(" commenti ", C, W_WHOLE, 1, 1),
	P(" lascia un commento ", C, W_START, 8, 1),
	P(" komentarze ", C, W_WHOLE, 1, 1),
	P(" dodaj komentarz ", C, W_START, 6, 1),
	P(" comments are closed ", C, W_START, 4, 1),
	P(" mehr zum thema ", T, W_START, 8, 1),
	P(" artikel zum thema ", T, W_START, 5, 0),
	P(" auch interessant ", T, W_START, 4, 1),
	P(" konnte sie auch interessieren ", T, W_ANY, 10, 1),
	P(" konnte dich auch interessieren ", T, W_ANY, 10, 1),
	P(" sie konnten auch an folgenden ", T, W_START, 10, 1),
	P(" weitere artikel ", T, W_START, 6, 0),
	P(" weitere beitrage ", T, W_START, 6, 0),
	P(" weitere nachrichten ", T, W_START, 6, 0),
	P(" weitere themen ", T, W_START, 6, 0),
	P(" mehr themen ", T, W_START, 4, 0),
	P(" ahnliche artikel ", T, W_START, 5, 1),
	P(" ahnliche beitrage ", T, W_START, 5, 1),
	P(" verwandte artikel ", T, W_START, 5, 1),
	P(" empfohlene artikel ", T, W_START, 5, 1),
	P(" meistgelesen ", T, W_START, 3, 0),
	P(" top themen ", T, W_START, 5, 0),
	P(" zum weiterlesen ", T, W_START, 4, 1),
	P(" schon gelesen ", T, W_START, 3, 1),
	P(" sur le meme sujet ", T, W_START, 6, 1),
	P(" vous aimerez aussi ", T, W_START, 6, 1),
	P(" articles similaires ", T, W_START, 4, 1),
	P(" dans la meme rubrique ", T, W_START, 6, 1),
	P(" les plus lus ", T, W_START, 4, 0),
	P(" articulos relacionados ", T, W_START, 4, 1),
	P(" noticias relacionadas ", T, W_START, 4, 1),
	P(" te puede interesar ", T, W_START, 6, 1),
	P(" tambien te puede interesar ", T, W_START, 6, 1),
	P(" lo mas leido ", T, W_START, 4, 0),
	P(" articoli correlati ", T, W_START, 4, 1),
	P(" potrebbe interessarti ", T, W_ANY, 6, 1),
	P(" podobne artykuly ", T, W_START, 4, 1),
	P(" najczesciej czytane ", T, W_START, 4, 0),
	P(" gerelateerde artikelen ", T, W_START, 4, 1),
	P(" lesen sie auch ", R, W_START, 4, 1),
	P(" lies auch ", R, W_START, 3, 1),
	P(" siehe auch ", R, W_START, 3, 1),
	P(" a lire aussi ", R, W_START, 4, 1),
	P(" a lire egalement ", R, W_START, 4, 1),
	P(" lee tambien ", R, W_START, 3, 1),
	P(" lea tambien ", R, W_START, 3, 1),
	P(" leggi anche ", R, W_START, 3, 1),
	P(" leia tambem ", R, W_START, 3, 1),
	P(" veja tambem ", R, W_START, 3, 1),
	P(" czytaj takze ", R, W_START, 3, 1),
	P(" czytaj tez ", R, W_START, 3, 1),
	P(" zobacz takze ", R, W_START, 3, 1),
	P(" zobacz tez ", R, W_START, 3, 1),
	P(" lees ook ", R, W_START, 3, 1),
	P(" lesen sie auch ", J, W_START, 25, 0),
	P(" artikel teilen ", J, W_ANY, 8, 1),
	P(" beitrag teilen ", J, W_ANY, 8, 1),
	P(" teilen ", J, W_WHOLE, 1, 1),
	P(" war der artikel ", J, W_START, 6, 1),
	P(" war dieser artikel ", J, W_START, 6, 1),
	P(" artikel bewerten ", J, W_ANY, 8, 1),
	P(" bild anzeigen ", J, W_START, 6, 1),
	P(" vergrossern ", J, W_WHOLE, 1, 1),
	P(" drucken ", J, W_WHOLE, 1, 1),
	P(" sie mussen sich einloggen ", J, W_ANY, 20, 1),
	P(" nicht eingeloggt ", J, W_ANY, 10, 1),
	P(" einloggen ", J, W_ANY, 4, 0),
	P(" anmelden ", J, W_ANY, 4, 0),
	P(" registrieren ", J, W_ANY, 4, 0),
	P(" abonnieren ", J, W_ANY, 8, 0),
	P(" jetzt abonnieren ", J, W_ANY, 10, 1),
	P(" anzeige ", J, W_WHOLE, 1, 1),
	P(" werbung ", J, W_WHOLE, 1, 1),
	P(" partager ", J, W_WHOLE, 1, 1),
	P(" partager sur ", J, W_START, 6, 0),
	P(" compartir ", J, W_WHOLE, 1, 1),
	P(" compartir en ", J, W_START, 6, 0),
	P(" condividi ", J, W_WHOLE, 1, 1),
	P(" udostepnij ", J, W_WHOLE, 1, 1),
	P(" inhaltsverzeichnis ", J, W_WHOLE, 1, 1),
	P(" uber den autor ", J, W_WHOLE, 3, 1),
	P(" about the author ", J, W_WHOLE, 3, 1),
	P(" this entry was posted in ", J, W_START, 25, 1),
	P(" bookmark the permalink ", J, W_ANY, 25, 1),
	P(" alle rechte vorbehalten ", J, W_ANY, 40, 1),
	P(" tous droits reserves ", J, W_ANY, 40, 1),
	P(" todos los derechos reservados ", J, W_ANY, 40, 1),
	P(" tutti i diritti riservati ", J, W_ANY, 40, 1),
	P(" wszelkie prawa zastrzezone ", J, W_ANY, 40, 1),
	P(" datenschutzerklarung ", J, W_ANY, 12, 0),
	P(" datenschutz ", J, W_WHOLE, 1, 1),
	P(" impressum ", J, W_WHOLE, 1, 1),
	P(" nach oben ", J, W_WHOLE, 2, 1),
	P(" mehr lesen ", J, W_START, 4, 1),
	P(" weiterlesen ", J, W_START, 3, 1),
	P(" mehr erfahren ", J, W_START, 4, 1),
	P(" mehr anzeigen ", J, W_START, 4, 1),
	P(" lire la suite ", J, W_START, 4, 1),
	P(" leer mas ", J, W_START, 4, 1),
	P(" czytaj wiecej ", J, W_START, 4, 1),
	P(" aktualisiert am ", J, W_START, 6, 1),
	P(" veroffentlicht am ", J, W_START, 6, 1),
	P(" lesezeit ", J, W_ANY, 8, 0),
	/* Disclosures and picture credits. */
	P(" affiliate links ", J, W_ANY, 40, 1),
	P(" affiliate link ", J, W_ANY, 40, 1),
	P(" we may earn a commission ", J, W_ANY, 40, 1),
	P(" we may receive compensation ", J, W_ANY, 60, 1),
	P(" letzte aktualisierung am ", J, W_START, 40, 1),
	P(" beitragsbild ", J, W_START, 12, 1),
	P(" titelbild ", J, W_START, 12, 1),
	P(" bildquelle ", J, W_START, 12, 1),
	P(" foto ", J, W_START, 6, 0),
	P(" fotos ", J, W_START, 6, 0),
	P(" photo ", J, W_START, 6, 0),
	P(" alle angaben ohne gewahr ", J, W_ANY, 12, 1),
	P(" suggested citation ", J, W_START, 60, 1),
	/* Placeholders of embeds and buttons, newsletter plugs. */
	P(" externer inhalt ", J, W_START, 4, 1),
	P(" empfohlener redaktioneller inhalt ", J, W_START, 5, 1),
	P(" vergrossern ", J, W_START, 20, 1),
	P(" als pdf herunterladen ", J, W_ANY, 10, 1),
	P(" datenschutzerklarung ", J, W_ANY, 40, 1),
	P(" our newsletter ", J, W_ANY, 40, 1),
	P(" unseren newsletter ", J, W_ANY, 40, 1),
	P(" unserem newsletter ", J, W_ANY, 40, 1),
	P(" notre newsletter ", J, W_ANY, 40, 1),
	P(" nuestro boletin ", J, W_ANY, 40, 1),
	P(" pubblicato il ", J, W_START, 15, 0),
	P(" please subscribe ", J, W_ANY, 40, 1),
	P(" already a subscriber ", J, W_ANY, 40, 1),
	P(" for ios and android ", J, W_ANY, 30, 1),
	P(" on ios and android ", J, W_ANY, 30, 1),
	P(" get the latest news ", J, W_START, 25, 1),
	/* Section labels, sources, calls to action (German and others). */
	P(" aktuelle ", J, W_START, 4, 0),
	P(" aktuelles ", J, W_WHOLE, 1, 1),
	P(" jetzt ", J, W_START, 4, 0),
	P(" anzeige ", J, W_START, 8, 0),
	P(" dieser beitrag enthalt werbung ", J, W_ANY, 20, 1),
	P(" quelle ", J, W_START, 12, 0),
	P(" quellen ", J, W_START, 4, 0),
	P(" fuente ", J, W_START, 12, 0),
	P(" source ", J, W_START, 12, 0),
	/* Figure captions run into the text, opinion disclaimers. */
	P(" abbildung ", J, W_START, 40, 1),
	P(" links auf dieser seite ", J, W_ANY, 40, 1),
	P(" meinung des autors ", J, W_ANY, 40, 1),
	P(" opinions expressed ", J, W_ANY, 40, 1),
	P(" views expressed ", J, W_ANY, 40, 1),
	P(" opinions exprimees ", J, W_ANY, 40, 1),
	P(" weitere infos unter ", J, W_START, 12, 1),
	P(" weitere informationen unter ", J, W_START, 12, 1),
	P(" mehr infos unter ", J, W_START, 12, 1),
	P(" more information at ", J, W_START, 12, 1),
	P(" plus d informations sur ", J, W_START, 12, 1),
	P(" mas informacion en ", J, W_START, 12, 1),
};

#undef P
#undef C
#undef T
#undef R
#undef J

/* The PAIR_BIT of every word of key (each starts after a blank): a
 * phrase, blank first, is in key only where one of its words starts, so
 * one whose first word's bit is missing is not in key. */
static uint64_t word_starts(const char *key)
{
	const unsigned char *k = (const unsigned char *)key;
	uint64_t m = 0;

	for (; *k; k++) {
		if (k[0] == ' ' && k[1] != '\0')
			m |= PAIR_BIT(k[1], k[2]);
	}
	return m;
}

#define N_PHRASES (sizeof(phrases) / sizeof(phrases[0]))

/* The phrases by the PAIR_BIT of their first word: those of bit b are
 * by_first[first_at[b] .. first_at[b + 1]). Built once, on first use. */
static uint16_t by_first[N_PHRASES];
static uint16_t first_at[65];
static pthread_once_t by_first_once = PTHREAD_ONCE_INIT;

_Static_assert(N_PHRASES <= UINT16_MAX, "phrase numbers fit 16 bits");

static void by_first_build(void)
{
	uint16_t at[64] = { 0 };
	size_t i, b;

	for (i = 0; i < N_PHRASES; i++)
		first_at[__builtin_ctzll(phrases[i].first) + 1]++;
	for (b = 0; b < 64; b++) {
		first_at[b + 1] += first_at[b];
		at[b] = first_at[b];
	}
	for (i = 0; i < N_PHRASES; i++)
		by_first[at[__builtin_ctzll(phrases[i].first)]++] =
			(uint16_t)i;
}

/* The kind of the highest-ranked phrase in key, or ND_FURN_NONE: only
 * the phrases whose first word starts a word of key are tried, and which
 * wins does not depend on the order they are tried in. */
static int lexicon(const char *key, const nd_line_feat *f)
{
	size_t klen = strlen(key), j;
	uint64_t starts = word_starts(key);
	int best = ND_FURN_NONE, best_rank = 0;
	/* Weak wording is furniture only on lines that do not read as
	 * prose: "Follow us on X", not "Follow us, he said." */
	bool prose = f->period_end || (f->sentence && f->words > 4);

	pthread_once(&by_first_once, by_first_build);
	for (; starts; starts &= starts - 1) {
		unsigned b = (unsigned)__builtin_ctzll(starts);

		for (j = first_at[b]; j < first_at[b + 1]; j++) {
			const phrase *ph = &phrases[by_first[j]];
			bool hit;

			if (f->words > ph->maxw || ph->rank <= best_rank ||
			    ph->len > klen || (!ph->strong && prose))
				continue;
			switch (ph->where) {
			case W_WHOLE:
				hit = klen == ph->len &&
				      memcmp(key, ph->key, klen) == 0;
				break;
			case W_START:
				hit = memcmp(key, ph->key, ph->len) == 0;
				break;
			default:
				hit = strstr(key, ph->key) != NULL;
				break;
			}
			if (hit) {
				best = ph->kind;
				best_rank = ph->rank;
			}
		}
	}
	return best;
}

/* A sentence of fold starts with the ask: at the start, or after a
 * stop and a space. */
static bool sentence_starts(const char *fold, const char *ask)
{
	const char *p;
	size_t n = strlen(ask);

	for (p = strstr(fold, ask); p; p = strstr(p + 1, ask)) {
		if (p == fold || (p - fold >= 2 && p[-1] == ' ' &&
				  strchr(".!?", p[-2]) != NULL))
			return true;
		if (p[n] == '\0')
			break;
	}
	return false;
}

/* "Sign up for our newsletter.", "Follow us on Twitter.": a sentence
 * asking the reader to subscribe, or to follow on a named channel. */
static bool call_to_action(const char *fold)
{
	static const char *const channels[] = {
		"twitter", "facebook", "instagram", "youtube", "linkedin",
		"newsletter", "podcast", " live ",
	};
	size_t i;

	if (sentence_starts(fold, "sign up ") ||
	    sentence_starts(fold, "subscribe "))
		return true;
	if (!sentence_starts(fold, "follow ") &&
	    !sentence_starts(fold, "listen to "))
		return false;
	for (i = 0; i < sizeof(channels) / sizeof(channels[0]); i++) {
		if (strstr(fold, channels[i]) != NULL)
			return true;
	}
	return false;
}

/* "Phone: ...", "E-mail: ...": contact labels (folded, lower case). */
static bool contact_label(const char *fold)
{
	static const char *const labels[] = {
		"phone:", "phones:", "tel:", "tel.", "telephone:", "fax:",
		"e-mail:", "email:", "mail:", "address:", "mobile:", "cell:",
		"hotline:", "whatsapp:", "website:", "web:", "contact:",
		"office:", "p.o. box", "po box", "editor:", "publisher:",
		"news room:", "newsroom:", "advertisement:", "ph:",
	};
	size_t i;

	for (i = 0; i < sizeof(labels) / sizeof(labels[0]); i++) {
		if (fold[0] == labels[i][0] &&
		    strncmp(fold, labels[i], strlen(labels[i])) == 0)
			return true;
	}
	return false;
}

/* Breadcrumbs and meta lines: "Sport > Basketball > Cup", "World / Water",
 * "Press | March 14, 2025 | 1 min read". */
static bool segmented(const char *s, size_t len)
{
	static const char *const seps[] = {
		" | ", " > ", " / ", " \xC2\xBB ", " \xE2\x80\xBA ",
		" \xC2\xB7 ", " \xE2\x80\xA2 ", " :: ",
	};
	size_t segs = 0, maxw = 0, i = 0, start = 0;

	while (i <= len) {
		size_t k, sl = 0;

		if (i < len) {
			for (k = 0; k < sizeof(seps) / sizeof(seps[0]); k++) {
				size_t n = strlen(seps[k]);

				if (i + n <= len &&
				    memcmp(s + i, seps[k], n) == 0) {
					sl = n;
					break;
				}
			}
			if (sl == 0) {
				i++;
				continue;
			}
		}
		{
			size_t w = nd_cline_words(s + start, i - start);

			if (w == 0 && i < len)
				return false;
			if (w > maxw)
				maxw = w;
			segs++;
		}
		if (i >= len)
			break;
		i += sl;
		start = i;
	}
	return (segs >= 3 && maxw <= 4) || (segs == 2 && maxw <= 2);
}

/* "14, Harbour Row, Old Quarter, Port Town 2041, Country.": short comma
 * segments, a number, a capitalised ending. */
static bool address_like(const char *s, size_t len, const nd_line_feat *f)
{
	size_t i, commas = 0, start = 0, last_start = 0;

	if (f->digits == 0 || f->words > 15 || (f->sentence && !f->period_end))
		return false;
	for (i = 0; i <= len; i++) {
		if (i < len && s[i] != ',')
			continue;
		if (nd_cline_words(s + start, i - start) > 3)
			return false;
		if (i < len)
			commas++;
		last_start = start;
		start = i + 1;
	}
	if (commas < 3)
		return false;
	/* The last segment is a place: every word capitalised. */
	for (i = last_start; i < len; i++) {
		if ((i == last_start || s[i - 1] == ' ') && s[i] != ' ' &&
		    s[i] >= 'a' && s[i] <= 'z')
			return false;
	}
	return true;
}

int nd_clean_furniture(const char *s, size_t len, size_t gaps,
		       const nd_line_feat *f, const char *fold,
		       const char *key)
{
	int kind;

	if (key) {
		kind = lexicon(key, f);
		if (kind)
			return kind;
	}
	if (fold && contact_label(fold) && f->words <= 25)
		return ND_FURN_JUNK;
	if (fold && f->words <= 40 && call_to_action(fold))
		return ND_FURN_JUNK;
	if ((f->phone || f->email) && f->words <= 20)
		return ND_FURN_JUNK;
	if (f->copyright && f->words <= 30)
		return ND_FURN_JUNK;
	if (nd_clean_is_lorem(s, len))
		return ND_FURN_LOREM;
	if (f->letters == 0)
		return ND_FURN_JUNK;
	if (f->letters * 2 < f->nonspace && f->words <= 8)
		return ND_FURN_JUNK;
	if (f->bullet && f->words <= 3 && !f->sentence)
		return ND_FURN_JUNK;
	if (gaps >= 2 && !f->sentence && f->words <= 25)
		return ND_FURN_JUNK;
	if (f->words <= 20 && !f->sentence && segmented(s, len))
		return ND_FURN_JUNK;
	if (address_like(s, len, f))
		return ND_FURN_JUNK;
	if (f->words <= 4 && !f->sentence && !f->open_end &&
	    !(f->colon_end && f->words >= 2))
		return ND_FURN_SHORT;
	return ND_FURN_NONE;
}
