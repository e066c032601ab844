/* Publication dates, compared to tell a source from its later copy. */
#ifndef ND_DEDUP_PUBDATE_H
#define ND_DEDUP_PUBDATE_H

#include <stdbool.h> /* bool */

/* When both strings are dates nd_date_parse reads, sets *cmp to <0, 0 or
 * >0 as a is earlier than, as early as or later than b and returns true.
 * Instants compare across zones; when either has no time of day, only the
 * days compare. Anything else gives false. */
bool nd_pubdate_cmp(int *cmp, const char *a, const char *b);

#endif
