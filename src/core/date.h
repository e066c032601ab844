/* date: publication dates as pages and feeds write them, read into one
 * form and written back as ISO 8601.
 *
 * Pages date themselves in every way there is: "2019-11-20T06:01:44-05:00",
 * "Mon, 18 Nov 2019 16:07:38 -0600", "November 19, 2019, 07:47 PM EST",
 * "20. November 2019, 13:42 Uhr", "20.11.2019", "2021年03月23日". Comparing,
 * ordering and showing them needs one form. */
#ifndef ND_CORE_DATE_H
#define ND_CORE_DATE_H

#include <stdbool.h> /* bool */
#include <stddef.h>  /* size_t */

/* Room for the longest ISO form written, "YYYY-MM-DDTHH:MM:SS+HH:MM", and
 * its NUL. */
#define ND_DATE_ISO_MAX 32

typedef struct nd_date {
	int year, month, day;
	int hour, min, sec; /* 0 when !has_time */
	int zone;           /* minutes east of UTC; 0 when !has_zone */
	bool has_time, has_zone;
} nd_date;

/* What nd_date_parse found. */
enum {
	ND_DATE_NONE = 0,    /* not one whole date: "Feb 28", "03/04/2020" */
	ND_DATE_FOUND = 1,   /* a date, in *d */
	ND_DATE_INVALID = -1 /* no date at all ("PT15M"), or one that cannot
			      * be: a placeholder such as 0001-01-01 or
			      * 1970-01-01, or 2019-02-29 */
};

/* Reads the date s[0..len) states: ISO 8601 and its common relaxations,
 * RFC 2822, month names (English, German, French, Spanish, Italian,
 * Portuguese, Dutch, Polish) before or after the day, DD.MM.YYYY, Y/M/D,
 * unambiguous M/D/Y and D/M/Y, CJK 年月日, ISO's basic form, a Unix time
 * alone (10 or 13 digits); a time with am/pm and a zone
 * (offset or common abbreviation) when given. Weekdays and words such as
 * "Published" are passed over. ND_DATE_FOUND when exactly one year, month
 * and day were found and form a real date from 1800 to 2199, other than
 * the Unix epoch's first day, which pages print for "unknown"; *d is set
 * only then. */
int nd_date_parse(nd_date *d, const char *s, size_t len);
/* The date a URL's path states, as news sites write it: "/2019/11/20/",
 * "/2019-11-20-slug", "/20191120/" (a whole segment). True and *d set
 * (no time) when one real date from 1990 to 2099 is found. */
bool nd_date_from_url(nd_date *d, const char *url);
/* Writes d as ISO 8601 ("2019-11-20", "2019-11-20T13:42:00",
 * "2019-11-20T13:42:00-05:00", "...Z") into out; returns its length. */
size_t nd_date_iso(const nd_date *d, char out[ND_DATE_ISO_MAX]);
/* Days from 1970-01-01 to y-m-d in the proleptic Gregorian calendar
 * (negative before). */
long long nd_date_days(int y, int m, int d);
/* The date *y-*m-*d that is z days after 1970-01-01. */
void nd_date_civil(long long z, int *y, int *m, int *d);
/* Minutes since 1970-01-01T00:00Z of d (midnight when it has no time; its
 * own zone, else UTC); for ordering. */
long long nd_date_minutes(const nd_date *d);

#endif
