#include "core/date.h"

#include <stdio.h>  /* snprintf */
#include <string.h> /* memcmp, memset, strchr, strstr */

/* ---- Words ---- */

typedef struct named {
	const char *name; /* lowercase; UTF-8 as written */
	int value;
} named;

/* Month names and their abbreviations, full words only. */
static const named month_names[] = {
	/* English */
	{ "january", 1 }, { "jan", 1 }, { "february", 2 }, { "feb", 2 },
	{ "march", 3 }, { "mar", 3 }, { "april", 4 }, { "apr", 4 },
	{ "may", 5 }, { "june", 6 }, { "jun", 6 }, { "july", 7 },
	{ "jul", 7 }, { "august", 8 }, { "aug", 8 }, { "september", 9 },
	{ "sep", 9 }, { "sept", 9 }, { "october", 10 }, { "oct", 10 },
	{ "november", 11 }, { "nov", 11 }, { "december", 12 }, { "dec", 12 },
	/* German */
	{ "januar", 1 }, { "jänner", 1 }, { "februar", 2 }, { "märz", 3 },
	{ "mär", 3 }, { "mrz", 3 }, { "mai", 5 }, { "juni", 6 },
	{ "juli", 7 }, { "oktober", 10 }, { "okt", 10 }, { "dezember", 12 },
	{ "dez", 12 },
	/* French */
	{ "janvier", 1 }, { "janv", 1 }, { "février", 2 }, { "févr", 2 },
	{ "fév", 2 }, { "mars", 3 }, { "avril", 4 }, { "avr", 4 },
	{ "juin", 6 }, { "juillet", 7 }, { "juil", 7 }, { "août", 8 },
	{ "septembre", 9 }, { "octobre", 10 }, { "novembre", 11 },
	{ "décembre", 12 }, { "déc", 12 },
	/* Spanish */
	{ "enero", 1 }, { "febrero", 2 }, { "marzo", 3 }, { "abril", 4 },
	{ "mayo", 5 }, { "junio", 6 }, { "julio", 7 }, { "agosto", 8 },
	{ "septiembre", 9 }, { "setiembre", 9 }, { "octubre", 10 },
	{ "noviembre", 11 }, { "diciembre", 12 },
	/* Italian */
	{ "gennaio", 1 }, { "febbraio", 2 }, { "aprile", 4 },
	{ "maggio", 5 }, { "giugno", 6 }, { "luglio", 7 },
	{ "settembre", 9 }, { "ottobre", 10 }, { "dicembre", 12 },
	/* Portuguese */
	{ "janeiro", 1 }, { "fevereiro", 2 }, { "março", 3 }, { "maio", 5 },
	{ "junho", 6 }, { "julho", 7 }, { "setembro", 9 }, { "outubro", 10 },
	{ "dezembro", 12 },
	/* Dutch */
	{ "januari", 1 }, { "februari", 2 }, { "maart", 3 }, { "mei", 5 },
	{ "augustus", 8 },
	/* Polish, in the genitive dates use */
	{ "stycznia", 1 }, { "lutego", 2 }, { "marca", 3 }, { "kwietnia", 4 },
	{ "maja", 5 }, { "czerwca", 6 }, { "lipca", 7 }, { "sierpnia", 8 },
	{ "września", 9 }, { "października", 10 }, { "listopada", 11 },
	{ "grudnia", 12 },
};

/* Zone abbreviations pages print, in minutes east of UTC. IST is India's,
 * the one news pages mean. */
static const named zone_names[] = {
	{ "z", 0 }, { "ut", 0 }, { "utc", 0 }, { "gmt", 0 }, { "wet", 0 },
	{ "west", 60 }, { "bst", 60 }, { "cet", 60 }, { "mez", 60 },
	{ "cest", 120 }, { "mesz", 120 }, { "eet", 120 }, { "eest", 180 },
	{ "msk", 180 }, { "ist", 330 }, { "jst", 540 }, { "kst", 540 },
	{ "aest", 600 }, { "aedt", 660 }, { "est", -300 }, { "edt", -240 },
	{ "cst", -360 }, { "cdt", -300 }, { "mst", -420 }, { "mdt", -360 },
	{ "pst", -480 }, { "pdt", -420 },
};

/* Whether the word w[0..n) (lowercase) is in names; its value in *v. */
static bool lookup(const named *names, size_t count, const char *w,
		   size_t n, int *v)
{
	size_t k;

	for (k = 0; k < count; k++) {
		if (strlen(names[k].name) == n &&
		    memcmp(names[k].name, w, n) == 0) {
			*v = names[k].value;
			return true;
		}
	}
	return false;
}

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

/* ---- Scanning ---- */

typedef struct scan {
	const char *s;
	size_t len, i;
	nd_date d;
	int years, months, days; /* how many of each were found */
	int numeric;             /* numeric dates seen, read or not */
	bool fail;               /* something contradicts a single date */
} scan;

static bool is_digit(char c)
{
	return c >= '0' && c <= '9';
}

static bool is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* A letter of a word: ASCII letters and any byte of a multibyte UTF-8
 * character (month names in French, German and Polish have them). */
static bool is_word_byte(unsigned char c)
{
	return ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') || c >= 0x80;
}

/* Reads up to max digits at sc->i into *v; returns how many. */
static size_t digits(scan *sc, size_t max, int *v)
{
	size_t k = 0;

	*v = 0;
	while (k < max && sc->i < sc->len && is_digit(sc->s[sc->i])) {
		*v = *v * 10 + (sc->s[sc->i] - '0');
		sc->i++;
		k++;
	}
	return k;
}

static void skip_spaces(scan *sc)
{
	while (sc->i < sc->len && is_space(sc->s[sc->i]))
		sc->i++;
}

/* An offset at sc->i: +HH, +HHMM or +HH:MM (or -). */
static bool offset(scan *sc)
{
	size_t at = sc->i;
	int sign, h, m = 0;
	size_t k;

	if (at >= sc->len || (sc->s[at] != '+' && sc->s[at] != '-'))
		return false;
	sign = sc->s[at] == '-' ? -1 : 1;
	sc->i++;
	k = digits(sc, 4, &h);
	if (k == 4) {
		m = h % 100;
		h /= 100;
	} else if (k == 1 || k == 2) {
		if (sc->i + 2 < sc->len && sc->s[sc->i] == ':' &&
		    is_digit(sc->s[sc->i + 1])) {
			sc->i++;
			if (digits(sc, 2, &m) != 2)
				return sc->i = at, false;
		}
	} else {
		return sc->i = at, false;
	}
	if (h > 14 || m > 59)
		return sc->i = at, false;
	sc->d.zone = sign * (h * 60 + m);
	sc->d.has_zone = true;
	return true;
}

/* A no-break space (U+00A0) at sc->i: a space, not a letter. */
static bool nbsp(const scan *sc)
{
	return sc->i + 1 < sc->len && sc->s[sc->i] == '\xC2' &&
	       sc->s[sc->i + 1] == '\xA0';
}

/* The word at sc->i, lowercased into w (cap wcap, NUL-terminated), a
 * trailing dot left out; its length, 0 when none or too long. */
static size_t word(scan *sc, char *w, size_t wcap)
{
	size_t n = 0, at = sc->i;

	while (sc->i < sc->len && is_word_byte((unsigned char)sc->s[sc->i]) &&
	       !nbsp(sc)) {
		char c = sc->s[sc->i++];

		if (n + 1 < wcap)
			w[n] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
		n++;
	}
	if (n + 1 >= wcap || n == 0) {
		if (n == 0)
			sc->i = at;
		return 0;
	}
	w[n] = '\0';
	return n;
}

/* "a.m.", "am", "p.m.", "pm" at sc->i: 0 am, 1 pm, -1 neither. */
static int meridiem(scan *sc)
{
	static const struct { const char *w; int pm; } forms[] = {
		{ "a.m.", 0 }, { "p.m.", 1 }, { "am", 0 }, { "pm", 1 },
	};
	size_t k;

	for (k = 0; k < COUNT(forms); k++) {
		size_t n = strlen(forms[k].w), j;

		if (sc->i + n > sc->len)
			continue;
		for (j = 0; j < n; j++) {
			char c = sc->s[sc->i + j];

			if ((char)(c >= 'A' && c <= 'Z' ? c + 32 : c) !=
			    forms[k].w[j])
				break;
		}
		if (j == n && (sc->i + n == sc->len ||
			       !is_word_byte((unsigned char)sc->s[sc->i + n]))) {
			sc->i += n;
			return forms[k].pm;
		}
	}
	return -1;
}

/* A zone after a time: an offset, or a name with an optional offset
 * ("GMT+1"). */
static void zone(scan *sc)
{
	char w[8];
	size_t at;
	int z;

	skip_spaces(sc);
	if (offset(sc))
		return;
	at = sc->i;
	if (word(sc, w, sizeof(w)) == 0) {
		sc->i = at;
		return;
	}
	if (!lookup(zone_names, COUNT(zone_names), w, strlen(w), &z)) {
		sc->i = at;
		return;
	}
	sc->d.zone = z;
	sc->d.has_zone = true;
	(void)offset(sc); /* "GMT+1" */
}

/* HH:MM[:SS[.fff]] [am|pm] [zone] at sc->i, the hour h read already. */
static void time_of_day(scan *sc, int h)
{
	int m, sec = 0, frac, pm;

	sc->i++; /* ':' */
	if (digits(sc, 2, &m) != 2 || m > 59 || sc->d.has_time) {
		sc->fail = true;
		return;
	}
	if (sc->i + 2 < sc->len && sc->s[sc->i] == ':' &&
	    is_digit(sc->s[sc->i + 1])) {
		sc->i++;
		if (digits(sc, 2, &sec) != 2 || sec > 60) {
			sc->fail = true;
			return;
		}
		if (sc->i + 1 < sc->len && sc->s[sc->i] == '.' &&
		    is_digit(sc->s[sc->i + 1])) {
			sc->i++;
			while (digits(sc, 9, &frac) == 9)
				;
		}
	}
	skip_spaces(sc);
	pm = meridiem(sc);
	if (pm >= 0) {
		if (h < 1 || h > 12) {
			sc->fail = true;
			return;
		}
		h = h % 12 + (pm ? 12 : 0);
	}
	if (h > 23) {
		sc->fail = true;
		return;
	}
	sc->d.hour = h;
	sc->d.min = m;
	sc->d.sec = sec == 60 ? 59 : sec;
	sc->d.has_time = true;
	zone(sc);
}

static void set_ymd(scan *sc, int y, int m, int d)
{
	sc->d.year = y;
	sc->d.month = m;
	sc->d.day = d;
	sc->years++;
	sc->months++;
	sc->days++;
}

/* A numeric date at sc->i with separator sep: Y-M-D with a four-digit
 * first part, else D.M.Y, or D/M/Y and M/D/Y where the numbers say which
 * (a month is never over 12); a/k digits of the first part read already. */
static void numeric_date(scan *sc, int a, size_t ka, char sep)
{
	int b, c;
	size_t kb, kc;

	sc->numeric++;
	sc->i++;
	kb = digits(sc, 2, &b);
	if (kb == 0 || sc->i >= sc->len || sc->s[sc->i] != sep) {
		sc->fail = true;
		return;
	}
	sc->i++;
	kc = digits(sc, 4, &c);
	if (ka == 4 && kc >= 1 && kc <= 2)
		set_ymd(sc, a, b, c);
	else if (ka > 2 || kc != 4)
		sc->fail = true; /* two-digit years say too little */
	else if (sep != '/')
		set_ymd(sc, c, b, a);
	else if (a > 12)
		set_ymd(sc, c, b, a);
	else if (b > 12)
		set_ymd(sc, c, a, b);
	else
		sc->fail = true; /* 03/04/2020: March or April? */
}

/* A CJK date mark (年 月 日) at sc->i: 'y', 'm', 'd' or 0. */
static char cjk_mark(const scan *sc)
{
	const char *p = sc->s + sc->i;

	if (sc->i + 3 > sc->len)
		return 0;
	if (memcmp(p, "\xE5\xB9\xB4", 3) == 0)
		return 'y';
	if (memcmp(p, "\xE6\x9C\x88", 3) == 0)
		return 'm';
	if (memcmp(p, "\xE6\x97\xA5", 3) == 0)
		return 'd';
	return 0;
}

/* ISO 8601's basic form, "20210504T132005+0200", the date v read and
 * sc->i at the 'T'. */
static bool basic_iso(scan *sc, int v)
{
	size_t at = sc->i;
	int t;

	sc->i++;
	if (digits(sc, 6, &t) != 6 || t / 10000 > 23 || t / 100 % 100 > 59 ||
	    t % 100 > 60) {
		sc->i = at;
		return false;
	}
	set_ymd(sc, v / 10000, v / 100 % 100, v % 100);
	sc->d.hour = t / 10000;
	sc->d.min = t / 100 % 100;
	sc->d.sec = t % 100 == 60 ? 59 : t % 100;
	sc->d.has_time = true;
	zone(sc);
	return true;
}

/* A number at sc->i and what follows it decides what it is. */
static void number(scan *sc)
{
	int v;
	size_t k = digits(sc, 9, &v);
	char next = sc->i < sc->len ? sc->s[sc->i] : '\0';
	char mark = cjk_mark(sc);

	if (k == 8 && next == 'T' && basic_iso(sc, v))
		return;
	if (k > 4) {
		sc->fail = true; /* ids and counts, not dates */
		while (sc->i < sc->len && is_digit(sc->s[sc->i]))
			sc->i++;
		return;
	}
	if (mark) {
		sc->i += 3;
		if (mark == 'y')
			sc->d.year = v, sc->years++;
		else if (mark == 'm')
			sc->d.month = v, sc->months++;
		else
			sc->d.day = v, sc->days++;
		return;
	}
	if (next == ':' && k <= 2 && sc->i + 1 < sc->len &&
	    is_digit(sc->s[sc->i + 1])) {
		time_of_day(sc, v);
		return;
	}
	if ((next == '-' || next == '/' || next == '.') &&
	    sc->i + 1 < sc->len && is_digit(sc->s[sc->i + 1])) {
		numeric_date(sc, v, k, next);
		return;
	}
	/* "1st", "22nd", "3rd", "4th" */
	if (k <= 2 && sc->i + 2 <= sc->len &&
	    (memcmp(sc->s + sc->i, "st", 2) == 0 ||
	     memcmp(sc->s + sc->i, "nd", 2) == 0 ||
	     memcmp(sc->s + sc->i, "rd", 2) == 0 ||
	     memcmp(sc->s + sc->i, "th", 2) == 0)) {
		sc->i += 2;
		next = sc->i < sc->len ? sc->s[sc->i] : '\0';
	}
	if (is_word_byte((unsigned char)next) && !nbsp(sc))
		return; /* "15M", "4K": a quantity, not a date */
	if (k == 4) {
		sc->d.year = v;
		sc->years++;
	} else if (k <= 2) {
		sc->d.day = v;
		sc->days++;
	} else {
		sc->fail = true;
	}
}

/* A word at sc->i: a month counts, a zone name after a time was taken by
 * time_of_day; anything else (weekdays, "Published", "Uhr") is passed. */
static void month_word(scan *sc)
{
	char w[24];
	size_t n = word(sc, w, sizeof(w));
	int m;

	if (n == 0) {
		while (sc->i < sc->len &&
		       is_word_byte((unsigned char)sc->s[sc->i]) && !nbsp(sc))
			sc->i++;
		return;
	}
	if (lookup(month_names, COUNT(month_names), w, n, &m)) {
		sc->d.month = m;
		sc->months++;
	}
}

static bool leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int month_days(int y, int m)
{
	static const int days[12] = { 31, 28, 31, 30, 31, 30,
				      31, 31, 30, 31, 30, 31 };

	return m == 2 && leap(y) ? 29 : days[m - 1];
}

/* nd_date_days undone, era by era. */
void nd_date_civil(long long z, int *y, int *m, int *d)
{
	long long era, doe, yoe, doy, mp;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = (int)(yoe + era * 400 + (*m <= 2));
}

/* A Unix time alone, in seconds (ten digits) or milliseconds (13), as
 * feeds and page scripts give it: a UTC date and time. */
static bool unix_time(nd_date *d, const char *s, size_t len)
{
	size_t i = 0, k = 0;
	long long t = 0, day;

	while (i < len && is_space(s[i]))
		i++;
	for (; i < len && is_digit(s[i]) && k < 13; i++, k++)
		t = t * 10 + (s[i] - '0');
	while (i < len && is_space(s[i]))
		i++;
	if (i != len || (k != 10 && k != 13))
		return false;
	if (k == 13)
		t /= 1000;
	memset(d, 0, sizeof(*d));
	day = t / 86400;
	nd_date_civil(day, &d->year, &d->month, &d->day);
	d->hour = (int)(t % 86400 / 3600);
	d->min = (int)(t % 3600 / 60);
	d->sec = (int)(t % 60);
	d->has_time = d->has_zone = true;
	return true;
}

/* A real date from 1800 to 2199, and not the epoch's first day, which
 * pages print for "unknown". */
static bool real(const nd_date *d)
{
	if (d->year < 1800 || d->year > 2199 || d->month < 1 ||
	    d->month > 12 || d->day < 1 ||
	    d->day > month_days(d->year, d->month))
		return false;
	return !(d->year == 1970 && d->month == 1 && d->day == 1);
}

int nd_date_parse(nd_date *d, const char *s, size_t len)
{
	scan sc;

	if (unix_time(&sc.d, s, len)) {
		if (!real(&sc.d))
			return ND_DATE_INVALID;
		*d = sc.d;
		return ND_DATE_FOUND;
	}
	memset(&sc, 0, sizeof(sc));
	sc.s = s;
	sc.len = len;
	/* On to the end even after a failure: what was there tells "not a
	 * date at all" from "not one clear date". */
	while (sc.i < len) {
		char c = s[sc.i];

		if (is_digit(c))
			number(&sc);
		else if (is_word_byte((unsigned char)c) && !nbsp(&sc))
			month_word(&sc);
		else
			sc.i += nbsp(&sc) ? 2 : 1;
	}
	if (sc.years + sc.months + sc.days + sc.numeric == 0)
		return ND_DATE_INVALID; /* "PT15M", "Mo-Su 08:00-20:00" */
	if (sc.fail || sc.years != 1 || sc.months != 1 || sc.days != 1)
		return ND_DATE_NONE;
	if (!real(&sc.d))
		return ND_DATE_INVALID;
	*d = sc.d;
	return ND_DATE_FOUND;
}

size_t nd_date_iso(const nd_date *d, char out[ND_DATE_ISO_MAX])
{
	int n;

	if (!d->has_time)
		n = snprintf(out, ND_DATE_ISO_MAX, "%04d-%02d-%02d", d->year,
			     d->month, d->day);
	else if (!d->has_zone)
		n = snprintf(out, ND_DATE_ISO_MAX,
			     "%04d-%02d-%02dT%02d:%02d:%02d", d->year,
			     d->month, d->day, d->hour, d->min, d->sec);
	else if (d->zone == 0)
		n = snprintf(out, ND_DATE_ISO_MAX,
			     "%04d-%02d-%02dT%02d:%02d:%02dZ", d->year,
			     d->month, d->day, d->hour, d->min, d->sec);
	else
		n = snprintf(out, ND_DATE_ISO_MAX,
			     "%04d-%02d-%02dT%02d:%02d:%02d%c%02d:%02d",
			     d->year, d->month, d->day, d->hour, d->min,
			     d->sec, d->zone < 0 ? '-' : '+',
			     (d->zone < 0 ? -d->zone : d->zone) / 60,
			     (d->zone < 0 ? -d->zone : d->zone) % 60);
	return n > 0 ? (size_t)n : 0;
}

/* Whole 400-year eras of 146,097 days, then the days into the era, with
 * years counted from March so that the leap day comes last. */
long long nd_date_days(int y, int m, int d)
{
	long long era, yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

long long nd_date_minutes(const nd_date *d)
{
	return nd_date_days(d->year, d->month, d->day) * 1440 +
	       d->hour * 60 + d->min - d->zone;
}

/* The number of exactly n digits at s, or -1. */
static int fixed_digits(const char *s, size_t n)
{
	int v = 0;
	size_t i;

	for (i = 0; i < n; i++) {
		if (!is_digit(s[i]))
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	return is_digit(s[n]) ? -1 : v;
}

/* A date whose year starts at p (just after a '/'), in one of the URL
 * forms; true and *d set when it is a real one. */
static bool url_date_at(nd_date *d, const char *p)
{
	int y = -1, m = -1, day = -1;

	if (fixed_digits(p, 8) >= 0 && (p[8] == '/' || p[8] == '\0')) {
		int v = fixed_digits(p, 8);

		y = v / 10000;
		m = v / 100 % 100;
		day = v % 100;
	} else if (fixed_digits(p, 4) >= 0 && (p[4] == '/' || p[4] == '-')) {
		char sep = p[4];

		y = fixed_digits(p, 4);
		if (fixed_digits(p + 5, 2) < 0 || p[7] != sep ||
		    fixed_digits(p + 8, 2) < 0)
			return false;
		m = fixed_digits(p + 5, 2);
		day = fixed_digits(p + 8, 2);
	}
	if (y < 1990 || y > 2099 || m < 1 || m > 12 || day < 1 ||
	    day > month_days(y, m))
		return false;
	memset(d, 0, sizeof(*d));
	d->year = y;
	d->month = m;
	d->day = day;
	return true;
}

bool nd_date_from_url(nd_date *d, const char *url)
{
	const char *p = url ? strstr(url, "://") : NULL;

	/* The path: past the scheme and the host. */
	p = p ? strchr(p + 3, '/') : (url ? strchr(url, '/') : NULL);
	for (; p && *p; p = strchr(p + 1, '/')) {
		if (url_date_at(d, p + 1))
			return true;
	}
	return false;
}
