/* UTF-8 decoding, validation, character classes and matching folds.
 *
 * Text from the web mixes scripts and typography: "С5+1" with a Cyrillic С,
 * curly quotes, non-breaking spaces. Display keeps the original bytes; the
 * fold here gives the key that matching compares. */
#ifndef ND_CORE_UTF8_H
#define ND_CORE_UTF8_H

#include <stdbool.h> /* bool */
#include <stddef.h>  /* size_t */
#include <stdint.h>  /* int32_t */

typedef struct nd_buf nd_buf;

#define ND_UTF8_REPLACEMENT 0xFFFD
/* Longest fold of one token that callers need to budget for. */
#define ND_FOLD_MAX 256

/* nd_utf8_decode of a character that is not ASCII. */
int32_t nd_utf8_decode_wide(const char **p, const char *end);

/* Decodes the code point at *p (p < end) and advances *p past it. Invalid
 * or truncated sequences yield ND_UTF8_REPLACEMENT and advance one byte.
 * Inline for ASCII, most of the text of most pages. */
static inline int32_t nd_utf8_decode(const char **p, const char *end)
{
	unsigned char b = (unsigned char)**p;

	if (b < 0x80) {
		*p += 1;
		return b;
	}
	return nd_utf8_decode_wide(p, end);
}
/* As nd_utf8_decode; *invalid says whether the bytes at *p were not
 * UTF-8 (the result is then U+FFFD and one byte is consumed), unlike a
 * U+FFFD that the text really holds. */
static inline int32_t nd_utf8_decode_checked(const char **p, const char *end,
					     bool *invalid)
{
	const char *at = *p;
	int32_t cp = nd_utf8_decode(p, end);

	*invalid = cp == ND_UTF8_REPLACEMENT && *p - at == 1;
	return cp;
}

/* The length of s[0..len) cut to at most max bytes, backing off to the
 * start of a UTF-8 character so no sequence is split. */
static inline size_t nd_utf8_cut(const char *s, size_t len, size_t max)
{
	if (len <= max)
		return len;
	len = max;
	while (len > 0 && ((unsigned char)s[len] & 0xC0) == 0x80)
		len--;
	return len;
}

/* Writes cp as UTF-8 into out (4 bytes room); returns the byte count. */
size_t nd_utf8_encode(int32_t cp, char out[4]);
/* True when s[0..len) is valid UTF-8; else *bad (may be NULL) is the byte
 * offset of the first invalid sequence. */
bool nd_utf8_valid(const char *s, size_t len, size_t *bad);

/* The classes below for characters past ASCII (Unicode categories). */
bool nd_cp_is_letter_wide(int32_t cp);
bool nd_cp_is_upper_wide(int32_t cp);
bool nd_cp_is_digit_wide(int32_t cp);
bool nd_cp_is_word_wide(int32_t cp);

/* An ASCII letter, either case; false for every byte past ASCII. */
static inline bool nd_ascii_is_letter(unsigned char c)
{
	return (unsigned char)((c | 0x20) - 'a') < 26;
}

/* Inline for ASCII: every character of every line is asked. */
static inline bool nd_cp_is_letter(int32_t cp)
{
	if (cp < 0x80)
		return (cp | 0x20) >= 'a' && (cp | 0x20) <= 'z';
	return nd_cp_is_letter_wide(cp);
}

static inline bool nd_cp_is_upper(int32_t cp)
{
	if (cp < 0x80)
		return cp >= 'A' && cp <= 'Z';
	return nd_cp_is_upper_wide(cp);
}

static inline bool nd_cp_is_digit(int32_t cp)
{
	if (cp < 0x80)
		return cp >= '0' && cp <= '9';
	return nd_cp_is_digit_wide(cp);
}

/* Any Unicode space, including no-break and zero-width spaces. */
bool nd_cp_is_space(int32_t cp);

/* Letters, digits and combining marks: what words are made of. */
static inline bool nd_cp_is_word(int32_t cp)
{
	if (cp < 0x80)
		return nd_cp_is_letter(cp) || nd_cp_is_digit(cp);
	return nd_cp_is_word_wide(cp);
}
/* Apostrophes and hyphens that may sit inside a word. */
bool nd_cp_is_joiner(int32_t cp);

/* Folds the word s[0..len) for matching into out (NUL-terminated, at most
 * outsize-1 bytes, truncated at a character boundary): case folded, marks
 * stripped, compatibility forms unified, typographic quotes and dashes made
 * ASCII, and Cyrillic or Greek look-alike letters made Latin when the word
 * also holds Latin letters or digits. Returns the folded length. */
size_t nd_utf8_fold(const char *s, size_t len, char *out, size_t outsize);

/* Appends the NFC form of s[0..len) to out, replacing invalid sequences
 * with U+FFFD; 0, ND_ENOMEM or ND_ETOOBIG (out's cap). */
int nd_utf8_nfc(const char *s, size_t len, nd_buf *out);

#endif
