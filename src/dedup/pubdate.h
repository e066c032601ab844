/* Publication dates, compared to tell a source from its later copy. */
#ifndef ND_DEDUP_PUBDATE_H
#define ND_DEDUP_PUBDATE_H

#include <stdbool.h> /* bool */

/* When both strings start with an ISO 8601 date (YYYY-MM-DD), sets *cmp to
 * <0, 0 or >0 as a is earlier than, as early as or later than b and returns
 * true. The date-time prefixes are compared as far as both go, with ' ' as
 * 'T'; zone offsets are ignored. NULL or other formats give false. */
bool nd_pubdate_cmp(int *cmp, const char *a, const char *b);

#endif
