#include "analyse/sentence.h"

#include <stdbool.h> /* bool */
#include <stdint.h>  /* int32_t */
#include <string.h>  /* memcmp */

#include "core/bytes8.h"
#include "core/utf8.h"

/* Words after which a period ends a sentence only before a typical
 * sentence opener: titles, company suffixes, and months or "No." that are
 * followed by a number or a name. */
static const char *const never_final[] = {
	"Mr", "Mrs", "Ms", "Dr", "Prof", "Gen", "Lt", "Col", "Capt", "Sgt",
	"Cmdr", "Adm", "Maj", "Sen", "Rep", "Gov", "Pres", "Rev", "Hon", "St",
	"Mt", "Ft", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep",
	"Sept", "Oct", "Nov", "Dec", "No", "Nos", "vs", "approx", "Fig",
	"Gov't", "Mme", "Mlle", "Messrs", "Supt", "Insp", "Det", "Cpl", "Pvt",
	"Brig", "Jr", "Sr", "Inc", "Ltd", "Corp", "Co", "Bros", "Dept",
	"Univ", "Ave", "Blvd", "Rd", "est", "ca", "cf", "al", NULL
};

/* The longest word of never_final ("approx", "Messrs"): the words most
 * sentences end with are longer and need not be looked for. */
#define NEVER_FINAL_MAX 6

/* Words that may well open a sentence after an abbreviation such as U.S. */
static const char *const openers[] = {
	"The", "A", "An", "He", "She", "It", "They", "We", "I", "In", "On",
	"At", "But", "And", "This", "That", "These", "Those", "There", "His",
	"Her", "Its", "Their", "Our", "As", "After", "Before", "While",
	"However", "Meanwhile", "If", "When", "So", "Yet", "For", "Some",
	"Many", "Most", "No", "Not", NULL
};

static bool in_list(const char *const *list, const char *w, size_t n)
{
	/* The first letter first: most words of the list differ there, and
	 * the call to strlen costs more than the comparison. */
	for (; *list; list++) {
		if (n > 0 && (*list)[0] == w[0] && strlen(*list) == n &&
		    memcmp(*list, w, n) == 0)
			return true;
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
	return in_list(openers, p + next, nl);
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
	/* Titles and company suffixes are followed by a name, never by "The"
	 * or "In": "…Hun Sen. In Phnom Penh…", "…Acme Inc. The firm…". The
	 * same holds for dotted acronyms such as U.S. and a.m. */
	if ((wl <= NEVER_FINAL_MAX && in_list(never_final, w, wl)) ||
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

/* Past the bytes from q on that are ASCII and no terminator, most of a
 * text: passed eight at a time where they can be, without a decode. */
static const char *past_plain(const char *q, const char *end)
{
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
