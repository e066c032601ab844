/* Fuzz target: nd_date_parse on any bytes. It must not crash, read out of
 * bounds or loop, and a date it finds must be a real one whose ISO form
 * reads back as the same date. */
#include <stdint.h> /* uint8_t */
#include <stdlib.h> /* abort */
#include <string.h> /* strlen */

#include "core/date.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	nd_date d, again;
	char iso[ND_DATE_ISO_MAX];
	size_t n;

	if (nd_date_parse(&d, (const char *)data, size) != ND_DATE_FOUND)
		return 0;
	if (d.month < 1 || d.month > 12 || d.day < 1 || d.day > 31 ||
	    d.hour < 0 || d.hour > 23 || d.min < 0 || d.min > 59)
		abort();
	n = nd_date_iso(&d, iso);
	if (n == 0 || n != strlen(iso) ||
	    nd_date_parse(&again, iso, n) != ND_DATE_FOUND ||
	    nd_date_minutes(&again) != nd_date_minutes(&d))
		abort();
	return 0;
}
