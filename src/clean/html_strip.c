#include "clean/html_strip.h"

#include <stdbool.h> /* bool */
#include <string.h>  /* memchr */
#include <strings.h> /* strncasecmp */

#include "core/error.h"

/* s[0..len) starts with the tag name name (case-insensitive), ended by a
 * blank, '/' or '>'. */
static bool opens(const char *s, size_t len, const char *name, size_t n)
{
	char c;

	if (len <= n || strncasecmp(s, name, n) != 0)
		return false;
	c = s[n];
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' ||
	       c == '\f' || c == '/' || c == '>';
}

/* Where the first "</name" at or after p ends the element: the end of
 * its closing tag, or end when there is none. */
static const char *close_of(const char *p, const char *end, const char *name,
			    size_t n)
{
	while ((p = memchr(p, '<', (size_t)(end - p))) != NULL) {
		if ((size_t)(end - p) > n + 1 && p[1] == '/' &&
		    opens(p + 2, (size_t)(end - p - 2), name, n)) {
			const char *gt = memchr(p, '>', (size_t)(end - p));

			return gt ? gt + 1 : end;
		}
		p++;
	}
	return end;
}

/* The end of the comment opening at p ("<!--"). */
static const char *comment_end(const char *p, const char *end)
{
	for (p += 4; p + 3 <= end; p++) {
		p = memchr(p, '-', (size_t)(end - p));
		if (p == NULL || p + 3 > end)
			break;
		if (p[1] == '-' && p[2] == '>')
			return p + 3;
	}
	return end;
}

/* A script whose opening tag (tag[0..len)) declares JSON-LD. */
static bool json_ld(const char *tag, size_t len)
{
	size_t i;

	for (i = 0; i + 8 <= len; i++) {
		if ((tag[i] | 0x20) == 'l' &&
		    strncasecmp(tag + i, "ld+json", 7) == 0)
			return true;
	}
	return false;
}

/* If an element to drop opens at p, where it ends; else NULL. */
static const char *skip_at(const char *p, const char *end)
{
	size_t left = (size_t)(end - p);
	const char *gt;

	if (left >= 4 && p[1] == '!' && p[2] == '-' && p[3] == '-')
		return comment_end(p, end);
	if ((p[1] | 0x20) != 's') /* most tags: none of the three */
		return NULL;
	if (opens(p + 1, left - 1, "style", 5))
		return close_of(p + 6, end, "style", 5);
	if (opens(p + 1, left - 1, "svg", 3))
		return close_of(p + 4, end, "svg", 3);
	if (!opens(p + 1, left - 1, "script", 6))
		return NULL;
	gt = memchr(p, '>', left);
	if (gt && json_ld(p, (size_t)(gt - p)))
		return NULL;
	return close_of(p + 7, end, "script", 6);
}

/* HTML's white space. */
static bool blank(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

int nd_html_strip(nd_buf *out, const char *html, size_t len)
{
	const char *p = html, *end = html + len, *from = html;
	int rc = ND_OK;

	while (rc == ND_OK &&
	       (p = memchr(p, '<', (size_t)(end - p))) != NULL) {
		const char *past = p + 1 < end ? skip_at(p, end) : NULL;
		const char *ws = p;

		/* Indentation between two tags becomes one blank, a line
		 * break if it held one (which a <pre> keeps): lines are
		 * blank-collapsed later anyway, and a tenth of the bytes the
		 * parser would copy go. */
		while (ws > from && blank(ws[-1]))
			ws--;
		if (p - ws > 1 && ws > from && ws[-1] == '>') {
			bool nl = memchr(ws, '\n', (size_t)(p - ws)) ||
				  memchr(ws, '\r', (size_t)(p - ws));

			rc = nd_buf_put(out, from, (size_t)(ws - from));
			if (rc == ND_OK)
				rc = nd_buf_putc(out, nl ? '\n' : ' ');
			from = p;
		}
		if (past == NULL) {
			p++;
			continue;
		}
		rc = nd_buf_put(out, from, (size_t)(p - from));
		from = p = past;
	}
	if (rc == ND_OK)
		rc = nd_buf_put(out, from, (size_t)(end - from));
	return rc;
}
