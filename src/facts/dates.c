#include "facts/dates.h"

#include <stdio.h>  /* snprintf */
#include <string.h> /* memset, strlen */

#include "core/date.h"

/* Words after which a bare year is a date: "in 2015", "since 1991". */
static const char *const year_preps[] = {
	"in", "since", "of", "by", "until", "till", "from", "to", "before",
	"after", "during", "through", "throughout", "year", "summer",
	"winter", "spring", "autumn", "fall", "early", "late", "mid", "end",
	"around", "circa", "between", "and", "as", NULL,
};

static const char *const weekday_names[] = {
	"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday",
	"Sunday",
};

/* Value of a token of 1 to 4 plain digits, or -1. */
static int small_int(const nd_doc *d, size_t i, size_t max_len)
{
	const nd_token *t = &d->toks[i];
	int v = 0;
	size_t k;

	if (!(t->flags & ND_TOK_NUMBER) || t->len > max_len)
		return -1;
	for (k = 0; k < t->len; k++) {
		char c = d->text[t->off + k];

		if (c < '0' || c > '9')
			return -1;
		v = v * 10 + (c - '0');
	}
	return v;
}

static int year_at(const nd_doc *d, size_t i)
{
	int y;

	if (d->toks[i].len != 4)
		return -1;
	y = small_int(d, i, 4);
	return y >= 1800 && y <= 2100 ? y : -1;
}

static int days_in(int month)
{
	static const int days[] = { 31, 29, 31, 30, 31, 30,
				    31, 31, 30, 31, 30, 31 };

	return month >= 1 && month <= 12 ? days[month - 1] : 0;
}

/* Spaces, ". " after "Feb." or ", " before a year. */
static bool date_gap(const nd_doc *d, size_t i, bool comma)
{
	nd_gap g = nd_fstory_gap(d, i);

	if (g == ND_GAP_SPACE)
		return true;
	return nd_fstory_gap_is(d, i, ". ") ||
	       (comma && nd_fstory_gap_is(d, i, ", "));
}

static bool month_at(nd_fstory *st, const nd_doc *d, size_t i, int *month)
{
	nd_lex l = nd_fstory_lex(st, d, i);

	if (!(l.cls & ND_LEX_MONTH) || !(d->toks[i].flags & ND_TOK_CAPITAL))
		return false;
	*month = l.aux;
	return true;
}

static size_t skip_ordinal(nd_fstory *st, const nd_doc *d, size_t j,
			   size_t end)
{
	if (j < end && nd_fstory_gap(d, j - 1) == ND_GAP_NONE &&
	    (nd_fstory_is(st, d, j, "st") || nd_fstory_is(st, d, j, "nd") ||
	     nd_fstory_is(st, d, j, "rd") || nd_fstory_is(st, d, j, "th")))
		return j + 1;
	return j;
}

/* The day, then maybe a year, after a month: "February 28, 2023". */
static void day_year(nd_fdate *out, const nd_doc *d, size_t k, size_t end,
		     int month, int day)
{
	int year = k < end && date_gap(d, k - 1, true) ? year_at(d, k) : -1;

	if (year > 0) {
		snprintf(out->value, sizeof(out->value), "%04d-%02d-%02d",
			 year, month, day);
		out->end = k + 1;
	} else {
		snprintf(out->value, sizeof(out->value), "--%02d-%02d", month,
			 day);
		out->end = k;
	}
	out->day_level = true;
}

static bool month_first(nd_fdate *out, nd_fstory *st, const nd_doc *d,
			size_t i, size_t end, int month)
{
	size_t j = i + 1;
	int day, year;

	if (j >= end || !date_gap(d, i, false))
		return false;
	day = small_int(d, j, 2);
	if (day >= 1 && day <= days_in(month)) {
		day_year(out, d, skip_ordinal(st, d, j + 1, end), end, month,
			 day);
		return true;
	}
	if (nd_fstory_is(st, d, j, "of") && j + 1 < end &&
	    nd_fstory_gap(d, j) == ND_GAP_SPACE)
		j++;
	year = year_at(d, j);
	if (year < 0)
		return false;
	snprintf(out->value, sizeof(out->value), "%04d-%02d", year, month);
	out->end = j + 1;
	return true;
}

static bool day_first(nd_fdate *out, nd_fstory *st, const nd_doc *d,
		      size_t i, size_t end)
{
	int day = small_int(d, i, 2), month;
	size_t k = skip_ordinal(st, d, i + 1, end);

	if (day < 1 || k >= end || nd_fstory_gap(d, k - 1) != ND_GAP_SPACE)
		return false;
	if (nd_fstory_is(st, d, k, "of") && k + 1 < end &&
	    nd_fstory_gap(d, k) == ND_GAP_SPACE)
		k++;
	if (!month_at(st, d, k, &month) || day > days_in(month))
		return false;
	day_year(out, d, k + 1, end, month, day);
	return true;
}

/* "2023-02-28". */
static bool iso(nd_fdate *out, const nd_doc *d, size_t i, size_t end)
{
	int y = year_at(d, i), m, dd;

	if (y < 0 || i + 2 >= end || nd_fstory_gap(d, i) != ND_GAP_HYPHEN ||
	    nd_fstory_gap(d, i + 1) != ND_GAP_HYPHEN)
		return false;
	m = small_int(d, i + 1, 2);
	dd = small_int(d, i + 2, 2);
	if (m < 1 || m > 12 || dd < 1 || dd > days_in(m))
		return false;
	snprintf(out->value, sizeof(out->value), "%04d-%02d-%02d", y, m, dd);
	out->end = i + 3;
	out->day_level = true;
	return true;
}

static bool bare_year(nd_fdate *out, nd_fstory *st, const nd_doc *d,
		      size_t i, size_t s_tok)
{
	int y = year_at(d, i);
	size_t k;

	if (y < 0 || i <= s_tok || nd_fstory_gap(d, i - 1) != ND_GAP_SPACE ||
	    (d->toks[i - 1].flags & ND_TOK_CAPITAL))
		return false;
	for (k = 0; year_preps[k]; k++) {
		if (nd_fstory_is(st, d, i - 1, year_preps[k])) {
			snprintf(out->value, sizeof(out->value), "%04d", y);
			out->end = i + 1;
			return true;
		}
	}
	return false;
}

/* A month alone after a word that makes it a time ("in August", "since
 * March"), not the verb "May" opening a sentence. */
static bool bare_month(nd_fdate *out, nd_fstory *st, const nd_doc *d,
		       size_t i, size_t s_tok, int month)
{
	static const char *const before[] = {
		"in", "by", "since", "until", "till", "from", "last", "next",
		"this", "early", "late", "mid", "before", "after",
		"through", "during",
	};
	size_t k;

	if (i <= s_tok || !date_gap(d, i - 1, false))
		return false;
	for (k = 0; k < sizeof(before) / sizeof(before[0]); k++) {
		if (nd_fstory_is(st, d, i - 1, before[k])) {
			snprintf(out->value, sizeof(out->value), "--%02d",
				 month);
			out->end = i + 1;
			return true;
		}
	}
	return false;
}

bool nd_fdate_read(nd_fdate *out, nd_fstory *st, const nd_doc *d, size_t i,
		   size_t s_tok, size_t end)
{
	int month;

	memset(out, 0, sizeof(*out));
	if (month_at(st, d, i, &month))
		return month_first(out, st, d, i, end, month) ||
		       bare_month(out, st, d, i, s_tok, month);
	if (!(d->toks[i].flags & ND_TOK_NUMBER))
		return false;
	return iso(out, d, i, end) || day_first(out, st, d, i, end) ||
	       bare_year(out, st, d, i, s_tok);
}

void nd_fdate_weekday(char *out, size_t size, int weekday,
		      const char *published)
{
	nd_date p;
	long long z, dow;
	int y, m, d;

	if (weekday < 1 || weekday > 7) {
		snprintf(out, size, "?");
		return;
	}
	if (published == NULL ||
	    nd_date_parse(&p, published, strlen(published)) != ND_DATE_FOUND) {
		snprintf(out, size, "%s", weekday_names[weekday - 1]);
		return;
	}
	z = nd_date_days(p.year, p.month, p.day);
	dow = ((z + 3) % 7 + 7) % 7; /* 1970-01-01 was a Thursday */
	z -= (dow - (weekday - 1) + 7) % 7;
	nd_date_civil(z, &y, &m, &d);
	snprintf(out, size, "%04d-%02d-%02d", y, m, d);
}
