/* Publication dates, compared to tell a source from its later copy. */
#ifndef ND_DEDUP_PUBDATE_H
#define ND_DEDUP_PUBDATE_H

#include <stdbool.h> /* bool */

#include "core/date.h"

/* When both strings are dates nd_date_parse reads, sets *cmp to <0, 0 or
 * >0 as a is earlier than, as early as or later than b and returns true.
 * Instants compare across zones; when either has no time of day, only the
 * days compare. Anything else gives false. */
bool nd_pubdate_cmp(int *cmp, const char *a, const char *b);

/* Reads s (may be NULL) as nd_date_parse does; false when it is no date. */
bool nd_pubdate_read(nd_date *out, const char *s);
/* <0, 0 or >0 as a is earlier than, as early as or later than b, under
 * nd_pubdate_cmp's rules. */
int nd_pubdate_order(const nd_date *a, const nd_date *b);

#endif
