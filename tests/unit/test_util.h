/* Shared helpers for the cmocka unit tests. */
#ifndef ND_TEST_UTIL_H
#define ND_TEST_UTIL_H

#include <setjmp.h> /* cmocka needs these before cmocka.h */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <string.h> /* strstr, strlen */

/* Asserts that needle occurs in the NUL-terminated haystack. */
#define assert_contains(haystack, needle)                                     \
	do {                                                                  \
		const char *h_ = (haystack);                                  \
		if (strstr(h_, (needle)) == NULL)                             \
			fail_msg("expected \"%s\" in:\n%s", (needle), h_);    \
	} while (0)

#define assert_not_contains(haystack, needle)                                 \
	do {                                                                  \
		const char *h_ = (haystack);                                  \
		if (strstr(h_, (needle)) != NULL)                             \
			fail_msg("did not expect \"%s\" in:\n%s", (needle),   \
				 h_);                                         \
	} while (0)

#endif
