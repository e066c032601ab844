/* core/date: publication dates in the forms pages write them. */
#include "test_util.h"

#include "core/date.h"

/* s reads as a date whose ISO form is iso. */
static void expect_iso(const char *s, const char *iso)
{
	nd_date d;
	char out[ND_DATE_ISO_MAX];

	if (nd_date_parse(&d, s, strlen(s)) != ND_DATE_FOUND)
		fail_msg("not read as a date: \"%s\"", s);
	nd_date_iso(&d, out);
	if (strcmp(out, iso) != 0)
		fail_msg("\"%s\" gave %s, expected %s", s, out, iso);
}

/* s reads as verdict (ND_DATE_NONE or ND_DATE_INVALID). */
static void expect_not(const char *s, int verdict)
{
	nd_date d;
	int got = nd_date_parse(&d, s, strlen(s));

	if (got != verdict)
		fail_msg("\"%s\": %d, expected %d", s, got, verdict);
}

static void expect_none(const char *s)
{
	expect_not(s, ND_DATE_NONE);
}

static void expect_invalid(const char *s)
{
	expect_not(s, ND_DATE_INVALID);
}

static void iso_forms(void **state)
{
	(void)state;
	expect_iso("2019-11-20", "2019-11-20");
	expect_iso("2019-11-20T11:19:29Z", "2019-11-20T11:19:29Z");
	expect_iso("2019-11-20T06:01:44-05:00", "2019-11-20T06:01:44-05:00");
	expect_iso("2019-11-20T09:29:08+0000", "2019-11-20T09:29:08Z");
	expect_iso("2019-11-20T11:06:01+05:30", "2019-11-20T11:06:01+05:30");
	expect_iso("2019-11-20T01:53:14.418", "2019-11-20T01:53:14");
	expect_iso("2019-11-20T08:01:24.351Z", "2019-11-20T08:01:24Z");
	expect_iso("2019-11-20T10:43Z", "2019-11-20T10:43:00Z");
	expect_iso("2019-11-20 06:09:25", "2019-11-20T06:09:25");
	expect_iso("2019/11/20", "2019-11-20");
	expect_iso("  Published: 2019-11-20 ", "2019-11-20");
}

static void written_forms(void **state)
{
	(void)state;
	expect_iso("Mon, 18 Nov 2019 16:07:38 -0600",
		   "2019-11-18T16:07:38-06:00");
	expect_iso("November 19, 2019, 07:47 PM EST",
		   "2019-11-19T19:47:00-05:00");
	expect_iso("01:38:07 PM IST Nov 20, 2019",
		   "2019-11-20T13:38:07+05:30");
	expect_iso("20 Nov 2019 08:02 GMT", "2019-11-20T08:02:00Z");
	expect_iso("November 20, 2019 13:42", "2019-11-20T13:42:00");
	expect_iso("Nov. 3rd, 2019", "2019-11-03");
	expect_iso("12:05 a.m. Nov 3, 2019", "2019-11-03T00:05:00");
	expect_iso("20. November 2019, 13:42 Uhr", "2019-11-20T13:42:00");
	expect_iso("3. März 2021", "2021-03-03");
	expect_iso("le 5 février 2020 à 10:15", "2020-02-05T10:15:00");
	expect_iso("5\xC2\xA0" "février 2020", "2020-02-05");
	expect_iso("12 de diciembre de 2018", "2018-12-12");
	expect_iso("7 października 2022", "2022-10-07");
	expect_iso("2021\xE5\xB9\xB4" "03\xE6\x9C\x88" "23\xE6\x97\xA5",
		   "2021-03-23");
	expect_iso("20210504T132005+0200", "2021-05-04T13:20:05+02:00");
	expect_iso("1651626439", "2022-05-04T01:07:19Z");
	expect_iso(" 1651626439000 ", "2022-05-04T01:07:19Z");
	expect_iso("Sun, 29 Feb 2004 10:00:00 GMT+1",
		   "2004-02-29T10:00:00+01:00");
}

static void numeric_forms(void **state)
{
	(void)state;
	expect_iso("20.11.2019", "2019-11-20");
	expect_iso("20.11.2019, 13:42", "2019-11-20T13:42:00");
	expect_iso("20-11-2019", "2019-11-20");
	expect_iso("11/20/2019", "2019-11-20"); /* only M/D fits */
	expect_iso("20/11/2019", "2019-11-20"); /* only D/M fits */
	expect_none("03/04/2020");              /* either */
	expect_none("20.11.19");                /* two-digit year */
}

static void not_dates(void **state)
{
	(void)state;
	expect_invalid("");
	expect_invalid("yesterday");
	expect_invalid("PT15M");
	expect_invalid("Mo-Su 08:00-20:00");
	expect_none("Feb 28");
	expect_none("Updated 3 hours ago");
	expect_none("November 2019");          /* no day */
	expect_invalid("0001-01-01T00:00:00Z");   /* a placeholder */
	expect_invalid("1970-01-01T00:00:00Z");   /* the epoch: unknown */
	expect_invalid("2019-02-29");             /* not a leap year */
	expect_invalid("2019-13-01");
	expect_none("2019-11-20T25:00:00");
	expect_none("13:42 PM Nov 3, 2019");
	expect_none("Nov 3, 2019 and Dec 4, 2019");
	expect_invalid("id 20191120");
}

static void url_dates(void **state)
{
	nd_date d;
	char iso[ND_DATE_ISO_MAX];

	(void)state;
	assert_true(nd_date_from_url(&d, "https://news.example/2019/11/20/"
					 "ferry-timetable"));
	nd_date_iso(&d, iso);
	assert_string_equal(iso, "2019-11-20");
	assert_true(nd_date_from_url(&d, "http://example.org/world/"
					 "2021-03-05-harbour-reopens.html"));
	nd_date_iso(&d, iso);
	assert_string_equal(iso, "2021-03-05");
	assert_true(nd_date_from_url(&d, "https://example.org/a/20220704/"));
	nd_date_iso(&d, iso);
	assert_string_equal(iso, "2022-07-04");
	/* A month alone, an id, a host with digits: no date. */
	assert_false(nd_date_from_url(&d, "https://example.org/2019/11/"));
	assert_false(nd_date_from_url(&d, "https://example.org/a/123456789"));
	assert_false(nd_date_from_url(&d, "https://2019.example.org/11/20"));
	assert_false(nd_date_from_url(&d, "https://example.org/2019/13/40/"));
	assert_false(nd_date_from_url(&d, "https://example.org"));
	assert_false(nd_date_from_url(&d, NULL));
}

static void ordering(void **state)
{
	nd_date a, b;

	(void)state;
	assert_true(ND_DATE_FOUND == nd_date_parse(&a, "2019-11-20T06:01:44-05:00", 25));
	assert_true(ND_DATE_FOUND == nd_date_parse(&b, "2019-11-20T11:01:44Z", 20));
	assert_true(nd_date_minutes(&a) == nd_date_minutes(&b));
	assert_true(ND_DATE_FOUND == nd_date_parse(&a, "1970-01-02", 10));
	assert_true(nd_date_minutes(&a) == 1440);
	assert_true(ND_DATE_FOUND == nd_date_parse(&a, "2000-03-01", 10));
	assert_true(ND_DATE_FOUND == nd_date_parse(&b, "2000-02-28", 10));
	assert_true(nd_date_minutes(&a) - nd_date_minutes(&b) == 2 * 1440);
	assert_true(ND_DATE_FOUND == nd_date_parse(&a, "1850-06-15", 10));
	assert_true(nd_date_minutes(&a) < 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(iso_forms),
		cmocka_unit_test(written_forms),
		cmocka_unit_test(numeric_forms),
		cmocka_unit_test(not_dates),
		cmocka_unit_test(url_dates),
		cmocka_unit_test(ordering),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
