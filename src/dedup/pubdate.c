#include "dedup/pubdate.h"

#include <string.h> /* strlen */

#include "core/date.h"

bool nd_pubdate_read(nd_date *out, const char *s)
{
	return s != NULL && nd_date_parse(out, s, strlen(s)) == ND_DATE_FOUND;
}

int nd_pubdate_order(const nd_date *a, const nd_date *b)
{
	nd_date x = *a, y = *b;
	long long mx, my;

	/* A day without a time is the whole day: only days compare then. */
	if (!x.has_time || !y.has_time) {
		x.hour = x.min = y.hour = y.min = 0;
		x.zone = y.zone = 0;
	}
	mx = nd_date_minutes(&x);
	my = nd_date_minutes(&y);
	return (mx > my) - (mx < my);
}

bool nd_pubdate_cmp(int *cmp, const char *a, const char *b)
{
	nd_date x, y;

	*cmp = 0;
	if (!nd_pubdate_read(&x, a) || !nd_pubdate_read(&y, b))
		return false;
	*cmp = nd_pubdate_order(&x, &y);
	return true;
}
