/* nd_clean_text: plain text, one paragraph a line (or a blank line
 * between paragraphs), through the shared line classifier. */
#include "clean/clean.h"

#include <string.h> /* memset, strlen */

#include "clean/clean_internal.h"
#include "clean/clean_lines.h"
#include "core/alloc.h"
#include "core/error.h"

int nd_clean_text(nd_clean_article *out, nd_arena *arena, const char *title,
		  const char *text, size_t len, nd_err *err)
{
	nd_clines lines;
	nd_clean_hints hints;
	size_t max;
	int rc;

	if (out == NULL || arena == NULL || (text == NULL && len > 0))
		return nd_err_set(err, ND_EINVAL, "clean: invalid argument");
	nd_clean_reset(out);
	/* Invalid bytes may triple (U+FFFD); the NULs between lines add one
	 * per line. */
	if (nd_mul_overflow(len, 4, &max) || nd_add_overflow(max, 64, &max))
		return nd_err_set(err, ND_ETOOBIG, "text too big to clean");
	memset(&hints, 0, sizeof(hints));
	if (title && title[0]) {
		hints.title = title;
		hints.title_len = strlen(title);
	}
	nd_clines_init(&lines, max);
	rc = nd_clines_add_text(&lines, text ? text : "", len);
	if (rc)
		rc = nd_err_set(err, rc, "cleaning text: %s", nd_strerror(rc));
	else
		rc = nd_clean_finish(out, arena, &lines, &hints, err);
	nd_clines_dispose(&lines);
	return rc;
}
