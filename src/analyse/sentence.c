#include "analyse/sentence.h"

#include <stdbool.h> /* bool */
#include <stdint.h>  /* int32_t */
#include <string.h>  /* memchr */

#include "core/bytes64.h"
#include "core/bytes8.h"
#include "core/utf8.h"

/* Words after which a period ends a sentence only before a typical
 * sentence opener: titles, company suffixes, and months or "No." that are
 * followed by a number or a name. Sorted in byte order (capitals first)
 * for in_sorted's binary search. */
static const char *const never_final[] = {
	"Adm",   "Apr",  "Aug",  "Ave",  "Blvd", "Brig", "Bros",   "Capt",
	"Cmdr",  "Co",   "Col",  "Corp", "Cpl",  "Dec",  "Dept",   "Det",
	"Dr",    "Feb",  "Fig",  "Ft",   "Gen",  "Gov",  "Gov't",  "Hon",
	"Inc",   "Insp", "Jan",  "Jr",   "Jul",  "Jun",  "Lt",     "Ltd",
	"Maj",   "Mar",  "Messrs", "Mlle", "Mme", "Mr",  "Mrs",    "Ms",
	"Mt",    "No",   "Nos",  "Nov",  "Oct",  "Pres", "Prof",   "Pvt",
	"Rd",    "Rep",  "Rev",  "Sen",  "Sep",  "Sept", "Sgt",    "Sr",
	"St",    "Supt", "Univ", "al",   "approx", "ca", "cf",     "est",
	"vs"
};

/* Of never_final, the words that never end a sentence: "Ms. He said"
 * is one. Sorted as never_final. */
static const char *const honorifics[] = {
	"Messrs", "Mlle", "Mme", "Mr", "Mrs", "Ms",
};

/* The longest word of never_final ("approx", "Messrs"): the words most
 * sentences end with are longer and need not be looked for. */
#define NEVER_FINAL_MAX 6

/* Words that may well open a sentence after an abbreviation such as U.S.
 * Sorted in byte order, as never_final. */
static const char *const openers[] = {
	"A",    "After", "An",    "And",   "As",      "At",   "Before",
	"But",  "For",   "He",    "Her",   "His",     "However", "I",
	"If",   "In",    "It",    "Its",   "Many",    "Meanwhile", "Most",
	"No",   "Not",   "On",    "Our",   "She",     "So",   "Some",
	"That", "The",   "Their", "There", "These",   "They", "This",
	"Those", "We",   "When",  "While", "Yet"
};

#define LIST_LEN(list) (sizeof(list) / sizeof((list)[0]))

/* How the NUL-terminated word a sorts against w[0..n) in byte order
 * (a prefix first): below, at or above 0. Byte by byte, inline: a library
 * compare's call costs more than these words' few bytes. a is not read
 * past its end, even where w holds a zero byte. */
static int compare_word(const char *a, const char *w, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		unsigned char x = (unsigned char)a[i];
		unsigned char y = (unsigned char)w[i];

		if (x != y)
			return x - y;
		if (x == 0)
			return -1;
	}
	return a[n] != '\0';
}

/* Is w[0..n) one of the count words of list, sorted in byte order? A
 * binary search: a scan of the list cost most of the sentence splitting,
 * one compare a word for the many short words before a period. */
static bool in_sorted(const char *const *list, size_t count, const char *w,
		      size_t n)
{
	size_t lo = 0, hi = count;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = compare_word(list[mid], w, n);

		if (c == 0)
			return true;
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return false;
}

static bool is_closer(int32_t cp)
{
	return cp == '"' || cp == '\'' || cp == ')' || cp == ']' ||
	       cp == 0x201D || cp == 0x2019 || cp == 0x00BB || cp == 0x203A;
}

static bool is_terminator(int32_t cp)
{
	return cp == '.' || cp == '!' || cp == '?' || cp == 0x2026;
}

/* Start of the word that ends at p[end) (exclusive): back to the last
 * space, then past any leading quote or bracket bytes. */
static size_t word_start(const char *p, size_t end)
{
	size_t i = end;

	while (i > 0 && p[i - 1] != ' ' && p[i - 1] != '\t')
		i--;
	while (i < end && !((p[i] >= 'A' && p[i] <= 'Z') ||
			    (p[i] >= 'a' && p[i] <= 'z') ||
			    (p[i] >= '0' && p[i] <= '9')))
		i++;
	return i;
}

/* Is the word at p[next] one that commonly opens a sentence? */
static bool opens_sentence(const char *p, size_t len, size_t next)
{
	size_t nl = 0;

	while (next + nl < len && p[next + nl] != ' ' && p[next + nl] != ',')
		nl++;
	return in_sorted(openers, LIST_LEN(openers), p + next, nl);
}

/* Does a period at p[dot] belong to an abbreviation or initial that keeps
 * the sentence going into the word at p[next]? */
static bool abbreviation_continues(const char *p, size_t len, size_t dot,
				   size_t next)
{
	size_t ws = word_start(p, dot);
	size_t wl = dot - ws;
	const char *w = p + ws;

	if (wl == 0)
		return false;
	/* An initial: "John F. Kennedy". */
	if (wl == 1 && w[0] >= 'A' && w[0] <= 'Z')
		return true;
	/* An honorific is always followed by a name, even "Ms. He". */
	if (wl <= NEVER_FINAL_MAX &&
	    in_sorted(honorifics, LIST_LEN(honorifics), w, wl))
		return true;
	/* Titles and company suffixes are followed by a name, never by "The"
	 * or "In": "…Hun Sen. In Phnom Penh…", "…Acme Inc. The firm…". The
	 * same holds for dotted acronyms such as U.S. and a.m. */
	if ((wl <= NEVER_FINAL_MAX &&
	     in_sorted(never_final, LIST_LEN(never_final), w, wl)) ||
	    memchr(w, '.', wl) != NULL)
		return !opens_sentence(p, len, next);
	return false;
}

/* Past the run of terminators and closing quotes or brackets at q; *last
 * is the last terminator, *closed whether a closer was among them. */
static const char *skip_closers(const char *q, const char *end,
				int32_t *last, bool *closed)
{
	while (q < end) {
		const char *r = q;
		int32_t cp = nd_utf8_decode(&r, end);

		if (is_terminator(cp))
			*last = cp;
		else if (is_closer(cp))
			*closed = true;
		else
			break;
		q = r;
	}
	return q;
}

/* Past the white space at q; *next is the code point that follows. */
static const char *skip_spaces(const char *q, const char *end, int32_t *next)
{
	while (q < end) {
		const char *r = q;

		*next = nd_utf8_decode(&r, end);
		if (!nd_cp_is_space(*next))
			break;
		q = r;
	}
	return q;
}

/* past_plain's scan 64 bytes at a time, with AVX-512, where there are
 * as many before end. */
#ifdef ND_BYTES64
ND_BYTES64_TARGET static const char *
past_plain64(const char *q, const char *end)
{
	while (end - q >= 64) {
		__m512i x = nd_bytes64_load(q);
		uint64_t stop =
			nd_bytes64_high(x) |
			nd_bytes64_eq(x, '.') |
			nd_bytes64_eq(x, '!') |
			nd_bytes64_eq(x, '?');

		if (stop)
			return q + __builtin_ctzll(stop);
		q += 64;
	}
	return q;
}
#endif

/* Past the bytes from q on that are ASCII and no terminator, most of a
 * text: passed 64 or eight at a time where they can be, without a
 * decode. */
static const char *past_plain(const char *q, const char *end)
{
#ifdef ND_BYTES64
	if (end - q >= 64 && nd_bytes64_available()) {
		q = past_plain64(q, end);
		if (end - q >= 64)
			return q;
	}
#endif
#if ND_BYTES8_IN_ORDER
	while (end - q >= 8) {
		uint64_t x = nd_bytes8_load(q);
		uint64_t stop = (x & ND_BYTES8_HIGHS) | nd_bytes8_eq(x, '.') |
				nd_bytes8_eq(x, '!') | nd_bytes8_eq(x, '?');

		if (stop)
			return q + __builtin_ctzll(stop) / 8;
		q += 8;
	}
#endif
	while (q < end && (unsigned char)*q < 0x80 && *q != '.' &&
	       *q != '!' && *q != '?')
		q++;
	return q;
}

size_t nd_sentence_end(const char *p, size_t len, size_t start)
{
	const char *end = p + len;
	const char *q = p + start;

	while (q < end) {
		const char *at, *after, *r;
		int32_t last, next = 0;
		bool closed = false;

		q = past_plain(q, end);
		if (q >= end)
			break;
		at = q;
		last = nd_utf8_decode(&q, end);
		if (!is_terminator(last))
			continue;
		after = skip_closers(q, end, &last, &closed);
		q = after;
		r = skip_spaces(after, end, &next);
		if (r == after)
			continue; /* "2.5", "U.S.-led": no space, no end */
		if (r >= end)
			return len;
		/* "...?" he asked / "...," said X: the quotation goes on. */
		if (next >= 'a' && next <= 'z')
			continue;
		if (last == '.' && !closed && at + 1 == after &&
		    abbreviation_continues(p, len, (size_t)(at - p),
					   (size_t)(r - p)))
			continue;
		return (size_t)(after - p);
	}
	return len;
}
