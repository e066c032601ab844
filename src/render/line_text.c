#include "render/line_text.h"

#include <stdbool.h> /* bool */
#include <string.h>  /* strlen */

#include "core/utf8.h"

/* C0 and C1 controls, DEL and the Unicode line separators. */
static bool is_control(int32_t cp)
{
	return cp < 0x20 || (cp >= 0x7F && cp <= 0x9F) || cp == 0x2028 ||
	       cp == 0x2029;
}

void nd_line_text(nd_out *o, const char *s, size_t len)
{
	static const char fffd[] = "\xEF\xBF\xBD";
	const char *p = s, *end = s + len, *run = s;

	while (p < end) {
		const char *at = p;
		bool invalid;
		int32_t cp = nd_utf8_decode_checked(&p, end, &invalid);

		if (!invalid && !is_control(cp))
			continue;
		nd_out_put(o, run, (size_t)(at - run));
		if (invalid)
			nd_out_put(o, fffd, 3);
		else
			nd_out_put(o, " ", 1);
		run = p;
	}
	nd_out_put(o, run, (size_t)(end - run));
}

void nd_line_str(nd_out *o, const char *s)
{
	if (s)
		nd_line_text(o, s, strlen(s));
}
