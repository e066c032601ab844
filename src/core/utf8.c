#include "core/utf8.h"

#include <stdlib.h> /* free (memory utf8proc allocated) */
#include <string.h> /* memcpy */
#include <utf8proc.h>

#include "core/buf.h"
#include "core/error.h"

int32_t nd_utf8_decode_wide(const char **p, const char *end)
{
	const unsigned char *s = (const unsigned char *)*p;
	size_t avail = (size_t)(end - *p);
	int32_t cp;
	size_t n, i;

	if (s[0] < 0x80) {
		*p += 1;
		return s[0];
	}
	if (s[0] >= 0xC2 && s[0] <= 0xDF) {
		n = 2;
		cp = s[0] & 0x1F;
	} else if (s[0] >= 0xE0 && s[0] <= 0xEF) {
		n = 3;
		cp = s[0] & 0x0F;
	} else if (s[0] >= 0xF0 && s[0] <= 0xF4) {
		n = 4;
		cp = s[0] & 0x07;
	} else {
		goto invalid;
	}
	if (avail < n)
		goto invalid;
	for (i = 1; i < n; i++) {
		if ((s[i] & 0xC0) != 0x80)
			goto invalid;
		cp = (cp << 6) | (s[i] & 0x3F);
	}
	/* Overlong forms, surrogates and values past U+10FFFF. */
	if ((n == 3 && cp < 0x800) || (n == 4 && cp < 0x10000) ||
	    (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF)
		goto invalid;
	*p += n;
	return cp;
invalid:
	*p += 1;
	return ND_UTF8_REPLACEMENT;
}

size_t nd_utf8_encode(int32_t cp, char out[4])
{
	if (cp < 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
		cp = ND_UTF8_REPLACEMENT;
	if (cp < 0x80) {
		out[0] = (char)cp;
		return 1;
	}
	if (cp < 0x800) {
		out[0] = (char)(0xC0 | (cp >> 6));
		out[1] = (char)(0x80 | (cp & 0x3F));
		return 2;
	}
	if (cp < 0x10000) {
		out[0] = (char)(0xE0 | (cp >> 12));
		out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
		out[2] = (char)(0x80 | (cp & 0x3F));
		return 3;
	}
	out[0] = (char)(0xF0 | (cp >> 18));
	out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
	out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
	out[3] = (char)(0x80 | (cp & 0x3F));
	return 4;
}

/* The length of the valid two- or three-byte sequence at s (n bytes
 * left), or 0 for any other: those go the long way, which finds the
 * invalid ones. Pages off the Latin alphabet are mostly these. */
static size_t valid_short(const unsigned char *s, size_t n)
{
	unsigned char a = s[0];

	if (a >= 0xC2 && a <= 0xDF && n >= 2 && (s[1] & 0xC0) == 0x80)
		return 2;
	/* Past E0's overlong forms and short of ED's surrogates. */
	if (a >= 0xE0 && a <= 0xEF && n >= 3 && (s[1] & 0xC0) == 0x80 &&
	    (s[2] & 0xC0) == 0x80 && (a != 0xE0 || s[1] >= 0xA0) &&
	    (a != 0xED || s[1] <= 0x9F))
		return 3;
	return 0;
}

#if defined(__GNUC__) && defined(__x86_64__) && !defined(__clang__)
__attribute__((target_clones("avx2", "default")))
#endif
bool nd_utf8_valid(const char *s, size_t len, size_t *bad)
{
	const char *p = s, *end = s + len;

	while (p < end) {
		const char *at = p;
		bool invalid;
		uint64_t w[4];
		size_t k;

		/* Thirty-two ASCII bytes at a time (one AVX2 test where the
		 * CPU has it): most of a page is ASCII. */
		if (end - p >= 32) {
			const uint64_t high = UINT64_C(0x8080808080808080);

			memcpy(w, p, 32);
			if (((w[0] | w[1] | w[2] | w[3]) & high) == 0) {
				p += 32;
				continue;
			}
			/* Straight to the first byte past ASCII (the
			 * words are little-endian on the machines that
			 * have AVX2; elsewhere byte by byte). */
			for (k = 0; k < 4 && !(w[k] & high); k++)
				p += 8;
			at = p;
		}
		if ((unsigned char)*p < 0x80) {
			p++;
			continue;
		}
		k = valid_short((const unsigned char *)p, (size_t)(end - p));
		if (k) {
			p += k;
			continue;
		}
		nd_utf8_decode_checked(&p, end, &invalid);
		if (invalid) {
			if (bad)
				*bad = (size_t)(at - s);
			return false;
		}
	}
	return true;
}

bool nd_cp_is_letter_wide(int32_t cp)
{
	if (cp < 0x80)
		return (cp | 0x20) >= 'a' && (cp | 0x20) <= 'z';
	switch (utf8proc_category(cp)) {
	case UTF8PROC_CATEGORY_LU:
	case UTF8PROC_CATEGORY_LL:
	case UTF8PROC_CATEGORY_LT:
	case UTF8PROC_CATEGORY_LM:
	case UTF8PROC_CATEGORY_LO:
		return true;
	default:
		return false;
	}
}

bool nd_cp_is_upper_wide(int32_t cp)
{
	if (cp < 0x80)
		return cp >= 'A' && cp <= 'Z';
	return utf8proc_category(cp) == UTF8PROC_CATEGORY_LU ||
	       utf8proc_category(cp) == UTF8PROC_CATEGORY_LT;
}

bool nd_cp_is_digit_wide(int32_t cp)
{
	if (cp < 0x80)
		return cp >= '0' && cp <= '9';
	return utf8proc_category(cp) == UTF8PROC_CATEGORY_ND;
}

bool nd_cp_is_space(int32_t cp)
{
	if (cp == ' ' || (cp >= '\t' && cp <= '\r'))
		return true;
	if (cp < 0x80)
		return false;
	if (cp == 0x200B || cp == 0x200C || cp == 0x200D || cp == 0xFEFF ||
	    cp == 0x2060)
		return true;
	switch (utf8proc_category(cp)) {
	case UTF8PROC_CATEGORY_ZS:
	case UTF8PROC_CATEGORY_ZL:
	case UTF8PROC_CATEGORY_ZP:
		return true;
	default:
		return false;
	}
}

bool nd_cp_is_word_wide(int32_t cp)
{
	if (cp < 0x80)
		return nd_cp_is_letter(cp) || nd_cp_is_digit(cp);
	switch (utf8proc_category(cp)) {
	case UTF8PROC_CATEGORY_LU:
	case UTF8PROC_CATEGORY_LL:
	case UTF8PROC_CATEGORY_LT:
	case UTF8PROC_CATEGORY_LM:
	case UTF8PROC_CATEGORY_LO:
	case UTF8PROC_CATEGORY_MN:
	case UTF8PROC_CATEGORY_MC:
	case UTF8PROC_CATEGORY_ND:
	case UTF8PROC_CATEGORY_NL:
		return true;
	default:
		return false;
	}
}

bool nd_cp_is_joiner(int32_t cp)
{
	return cp == '\'' || cp == '-' || cp == 0x2019 || cp == 0x2010 ||
	       cp == 0x2011;
}

/* Cyrillic and Greek letters drawn like Latin ones (capital and small).
 * Only these are folded, and only inside words that are already Latin or
 * numeric in part, so real Cyrillic and Greek text keeps its letters. */
static const struct {
	int32_t from;
	char to;
} lookalikes[] = {
	{ 0x0391, 'a' }, { 0x0392, 'b' }, { 0x0395, 'e' }, { 0x0396, 'z' },
	{ 0x0397, 'h' }, { 0x0399, 'i' }, { 0x039A, 'k' }, { 0x039C, 'm' },
	{ 0x039D, 'n' }, { 0x039F, 'o' }, { 0x03A1, 'p' }, { 0x03A4, 't' },
	{ 0x03A5, 'y' }, { 0x03A7, 'x' }, { 0x03BF, 'o' }, { 0x0405, 's' },
	{ 0x0406, 'i' }, { 0x0408, 'j' }, { 0x0410, 'a' }, { 0x0412, 'b' },
	{ 0x0415, 'e' }, { 0x041A, 'k' }, { 0x041C, 'm' }, { 0x041D, 'h' },
	{ 0x041E, 'o' }, { 0x0420, 'p' }, { 0x0421, 'c' }, { 0x0422, 't' },
	{ 0x0425, 'x' }, { 0x0430, 'a' }, { 0x0435, 'e' }, { 0x043E, 'o' },
	{ 0x0440, 'p' }, { 0x0441, 'c' }, { 0x0443, 'y' }, { 0x0445, 'x' },
	{ 0x0455, 's' }, { 0x0456, 'i' }, { 0x0458, 'j' }, { 0x04BB, 'h' },
	{ 0x0501, 'd' },
};

static char lookalike(int32_t cp)
{
	size_t lo = 0, hi = sizeof(lookalikes) / sizeof(lookalikes[0]);

	while (lo < hi) {
		size_t mid = (lo + hi) / 2;

		if (lookalikes[mid].from == cp)
			return lookalikes[mid].to;
		if (lookalikes[mid].from < cp)
			lo = mid + 1;
		else
			hi = mid;
	}
	return 0;
}

static bool is_greek_or_cyrillic(int32_t cp)
{
	return (cp >= 0x0370 && cp <= 0x03FF) || (cp >= 0x0400 && cp <= 0x052F);
}

/* Whether s[0..len) has a byte that starts a Greek or Cyrillic letter
 * (U+0370 to U+052F lead with CD to D4): most text has none, and this
 * one pass has no branch. */
static bool greek_or_cyrillic_lead(const char *s, size_t len)
{
	unsigned any = 0;
	size_t i;

	for (i = 0; i < len; i++)
		any |= (unsigned char)s[i] - 0xCDu <= 0xD4u - 0xCDu;
	return any != 0;
}

/* True when the word mixes Latin letters or digits with Greek or Cyrillic
 * letters that all have Latin look-alikes. */
static bool folds_lookalikes(const char *s, size_t len)
{
	const char *p = s, *end = s + len;
	bool latin = false, foreign = false;

	if (!greek_or_cyrillic_lead(s, len))
		return false;
	while (p < end) {
		int32_t cp = nd_utf8_decode(&p, end);

		if (is_greek_or_cyrillic(cp)) {
			if (!lookalike(cp))
				return false;
			foreign = true;
		} else if (cp < 0x80 && (nd_cp_is_letter(cp) ||
					 nd_cp_is_digit(cp))) {
			latin = true;
		}
	}
	return latin && foreign;
}

/* Typographic punctuation that matching treats as its ASCII form. */
static int32_t fold_punct(int32_t cp)
{
	switch (cp) {
	case 0x2018: case 0x2019: case 0x201A: case 0x201B: case 0x2032:
	case 0x02BC:
		return '\'';
	case 0x201C: case 0x201D: case 0x201E: case 0x201F: case 0x00AB:
	case 0x00BB: case 0x2033:
		return '"';
	case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014:
	case 0x2015: case 0x2212:
		return '-';
	default:
		return cp;
	}
}

static size_t put_cp(char *out, size_t at, size_t outsize, int32_t cp)
{
	char tmp[4];
	size_t n = nd_utf8_encode(cp, tmp);

	if (at + n >= outsize)
		return at;
	memcpy(out + at, tmp, n);
	return at + n;
}

size_t nd_utf8_fold(const char *s, size_t len, char *out, size_t outsize)
{
	const char *p = s, *end = s + len;
	bool lookalikes_on = folds_lookalikes(s, len);
	size_t at = 0;

	if (outsize == 0)
		return 0;
	while (p < end) {
		int32_t cp = nd_utf8_decode(&p, end);
		utf8proc_int32_t dec[8];
		utf8proc_ssize_t n, i;
		int boundclass = 0;
		char latin;

		if (cp < 0x80) {
			if (at + 1 >= outsize)
				break;
			out[at++] = (char)(cp >= 'A' && cp <= 'Z' ? cp + 32 : cp);
			continue;
		}
		if (lookalikes_on && (latin = lookalike(cp)) != 0) {
			at = put_cp(out, at, outsize, latin);
			continue;
		}
		cp = fold_punct(cp);
		n = utf8proc_decompose_char(cp, dec, 8,
					    UTF8PROC_CASEFOLD | UTF8PROC_COMPAT |
						    UTF8PROC_DECOMPOSE |
						    UTF8PROC_STRIPMARK,
					    &boundclass);
		if (n < 0 || n > 8) {
			at = put_cp(out, at, outsize, cp);
			continue;
		}
		for (i = 0; i < n; i++)
			at = put_cp(out, at, outsize, fold_punct(dec[i]));
	}
	out[at] = '\0';
	return at;
}

/* Characters NFC leaves alone whatever surrounds them: no decomposition,
 * combining class 0, never the second of a composition (checked against
 * utf8proc by the unit tests). Basic Latin to IPA, Cyrillic, general
 * punctuation, currency signs, CJK ideographs, full-width ASCII. */
static bool nfc_inert(int32_t cp)
{
	return cp < 0x300 || (cp >= 0x400 && cp <= 0x482) ||
	       (cp >= 0x2002 && cp <= 0x205E) ||
	       (cp >= 0x20A0 && cp <= 0x20C0) ||
	       (cp >= 0x4E00 && cp <= 0x9FFF) ||
	       (cp >= 0xFF01 && cp <= 0xFF5E);
}

/* True when s[0..len) is valid UTF-8 of inert characters only, and so its
 * own NFC form: the case of most lines, which then skip utf8proc. */
static bool nfc_already(const char *s, size_t len)
{
	const char *p = s, *end = s + len;

	while (p < end) {
		bool invalid;
		uint64_t w;

		if (end - p >= 8) {
			memcpy(&w, p, 8);
			if ((w & UINT64_C(0x8080808080808080)) == 0) {
				p += 8;
				continue;
			}
		}
		if ((unsigned char)*p < 0x80) {
			p++;
			continue;
		}
		if (!nfc_inert(nd_utf8_decode_checked(&p, end, &invalid)) ||
		    invalid)
			return false;
	}
	return true;
}

/* Appends s[0..len) to b with each invalid sequence replaced by U+FFFD,
 * valid runs in one piece. */
static int put_repaired(nd_buf *b, const char *s, size_t len)
{
	const char *p = s, *run = s, *end = s + len;
	int rc = ND_OK;

	while (p < end && rc == ND_OK) {
		const char *at = p;
		bool invalid;
		int32_t cp = nd_utf8_decode_checked(&p, end, &invalid);
		char tmp[4];

		if (!invalid)
			continue;
		rc = nd_buf_put(b, run, (size_t)(at - run));
		if (rc == ND_OK)
			rc = nd_buf_put(b, tmp, nd_utf8_encode(cp, tmp));
		run = p;
	}
	return rc ? rc : nd_buf_put(b, run, (size_t)(end - run));
}

int nd_utf8_nfc(const char *s, size_t len, nd_buf *out)
{
	nd_buf clean = ND_BUF_INIT(out->max);
	utf8proc_uint8_t *mapped = NULL;
	utf8proc_ssize_t n;
	int rc = ND_OK;

	if (len == 0)
		return ND_OK;
	if (nfc_already(s, len))
		return nd_buf_put(out, s, len);
	/* utf8proc refuses invalid input, so repair it first. */
	if (!nd_utf8_valid(s, len, NULL)) {
		rc = put_repaired(&clean, s, len);
		if (rc)
			goto done;
		s = clean.ptr;
		len = clean.len;
	}
	n = utf8proc_map((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)len,
			 &mapped, UTF8PROC_STABLE | UTF8PROC_COMPOSE);
	if (n < 0) {
		rc = n == UTF8PROC_ERROR_NOMEM ? ND_ENOMEM : ND_EUTF8;
		goto done;
	}
	rc = nd_buf_put(out, mapped, (size_t)n);
done:
	free(mapped);
	nd_buf_dispose(&clean);
	return rc;
}
