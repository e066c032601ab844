#include "dedup/pubdate.h"

#include <string.h> /* strlen */

#include "core/date.h"

bool nd_pubdate_cmp(int *cmp, const char *a, const char *b)
{
	nd_date x, y;
	long long mx, my;

	*cmp = 0;
	if (a == NULL || b == NULL ||
	    nd_date_parse(&x, a, strlen(a)) != ND_DATE_FOUND ||
	    nd_date_parse(&y, b, strlen(b)) != ND_DATE_FOUND)
		return false;
	/* A day without a time is the whole day: only days compare then. */
	if (!x.has_time || !y.has_time) {
		x.hour = x.min = y.hour = y.min = 0;
		x.zone = y.zone = 0;
	}
	mx = nd_date_minutes(&x);
	my = nd_date_minutes(&y);
	*cmp = (mx > my) - (mx < my);
	return true;
}
