#include "dedup/pubdate.h"

#include <stddef.h> /* size_t */

static bool is_digit(char c)
{
	return c >= '0' && c <= '9';
}

/* Length of the date-time prefix of s: digits and the separators of
 * "YYYY-MM-DDTHH:MM:SS.fff", or 0 when s does not open with a date. */
static size_t date_prefix(const char *s)
{
	static const char shape[] = "dddd-dd-dd";
	size_t i;

	if (s == NULL)
		return 0;
	for (i = 0; shape[i]; i++) {
		if (shape[i] == 'd' ? !is_digit(s[i]) : s[i] != shape[i])
			return 0;
	}
	while (is_digit(s[i]) || s[i] == 'T' || s[i] == ' ' || s[i] == ':' ||
	       s[i] == '.' || s[i] == '-')
		i++;
	/* A trailing separator carries no time. */
	while (i > 10 && !is_digit(s[i - 1]))
		i--;
	return i;
}

bool nd_pubdate_cmp(int *cmp, const char *a, const char *b)
{
	size_t la = date_prefix(a), lb = date_prefix(b), n, i;

	*cmp = 0;
	if (la == 0 || lb == 0)
		return false;
	n = la < lb ? la : lb;
	for (i = 0; i < n; i++) {
		char x = a[i] == ' ' ? 'T' : a[i];
		char y = b[i] == ' ' ? 'T' : b[i];

		if (x != y) {
			*cmp = x < y ? -1 : 1;
			break;
		}
	}
	return true;
}
