#include "clean/html_strip.h"

#include <stdbool.h> /* bool */
#include <string.h>  /* memchr, memcmp */
#include <strings.h> /* strncasecmp */

#include "clean/html_tags.h"
#include "core/error.h"
#include "core/utf8.h"

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

/* ---- Start tags without the attributes nobody reads ---- */

/* Classes of the bytes that end a tag's parts. */
enum { C_BLANK = 1, C_SLASH = 2, C_GT = 4, C_EQ = 8 };

/* HTML's white space in a tag (a CR is a line feed to the tokenizer),
 * '/', '>' and '='; every other byte is 0. */
static const unsigned char tag_class[256] = {
	[' '] = C_BLANK, ['\t'] = C_BLANK, ['\n'] = C_BLANK,
	['\r'] = C_BLANK, ['\f'] = C_BLANK, ['/'] = C_SLASH, ['>'] = C_GT,
	['='] = C_EQ,
};

static bool tag_is(char c, unsigned classes)
{
	return (tag_class[(unsigned char)c] & classes) != 0;
}

static bool tag_blank(char c)
{
	return tag_is(c, C_BLANK);
}

/* Appends p[0..n) at *w (room reserved) when w is not NULL. */
static void put(char **w, const char *p, size_t n)
{
	if (w) {
		memcpy(*w, p, n);
		*w += n;
	}
}

/* ND_ATTRS_* of the element named n[0..len) (any case). */
static int attrs_home(const char *n, size_t len)
{
	if (len == 4 && strncasecmp(n, "link", 4) == 0)
		return ND_ATTRS_LINK;
	if (len == 4 && strncasecmp(n, "html", 4) == 0)
		return ND_ATTRS_HTML;
	return ND_ATTRS_OTHER;
}

/* The end of the tag at p ('<' and a name), read as the HTML tokenizer
 * reads it, or NULL when the page ends inside it (the tokenizer then
 * drops it). When w is not NULL, writes the tag at *w with only the
 * attributes nd_html_attr_kept keeps, in their order and written as they
 * were: the tokenizer makes the same token of it, less those; never more
 * than a quarter longer than it was. *name and *nlen are its name as
 * written; *odd is set when the tag should rather be written as it is. */
static const char *lean_tag(char **w, const char *p, const char *end,
			    const char **name, size_t *nlen, bool *odd)
{
	const char *q = p + 1;
	int home;

	while (q < end && !tag_is(*q, C_BLANK | C_SLASH | C_GT))
		q++;
	*name = p + 1;
	*nlen = (size_t)(q - p - 1);
	home = attrs_home(*name, *nlen);
	put(w, p, (size_t)(q - p));
	for (;;) {
		const char *a, *a_end, *name_end;

		/* Before an attribute's name. */
		while (q < end && tag_blank(*q))
			q++;
		if (q >= end)
			return NULL;
		if (*q == '>') {
			put(w, ">", 1);
			return q + 1;
		}
		if (*q == '/') {
			/* "/>" closes the tag itself. A '/' before anything
			 * else is dropped by the standard, not by every
			 * parser: such a tag is left as it is. */
			if (++q >= end)
				return NULL;
			if (*q == '>') {
				put(w, " />", 3);
				return q + 1;
			}
			*odd = true;
			continue;
		}
		/* The name: its first character whatever it is ('=' too). */
		a = q++;
		while (q < end && !tag_is(*q, C_BLANK | C_SLASH | C_GT | C_EQ))
			q++;
		name_end = a_end = q;
		while (q < end && tag_blank(*q))
			q++;
		if (q >= end)
			return NULL;
		if (*q == '=') {
			for (q++; q < end && tag_blank(*q); q++)
				;
			if (q >= end)
				return NULL;
			if (*q == '"' || *q == '\'') {
				/* Values run long (addresses, srcset): one
				 * call that looks at many bytes at once. */
				const char *close =
					memchr(q + 1, *q, (size_t)(end - q - 1));

				if (close == NULL)
					return NULL;
				q = close + 1;
			} else {
				/* Unquoted, or none before a '>'. */
				while (q < end && !tag_is(*q, C_BLANK | C_GT))
					q++;
			}
			a_end = q;
		}
		if (w && nd_html_attr_kept(a, (size_t)(name_end - a), home)) {
			put(w, " ", 1);
			put(w, a, (size_t)(a_end - a));
		}
	}
}

/* Whether p[0..end) starts with "</" and the name n[0..len) (any case)
 * ended as the tokenizer ends an element's raw text. */
static bool raw_close(const char *p, const char *end, const char *n,
		      size_t len)
{
	return (size_t)(end - p) > len + 2 && p[1] == '/' &&
	       strncasecmp(p + 2, n, len) == 0 &&
	       (tag_blank(p[len + 2]) || p[len + 2] == '/' ||
		p[len + 2] == '>');
}

/* The elements whose content the tokenizer reads as text, not tags;
 * by length first, as most names have none of theirs. (With scripting
 * off, as myhtml parses, a noscript's content is tags.) */
static bool raw_element(const char *n, size_t len)
{
	static const struct {
		const char *s;
		size_t n;
	} raw[] = {
		{ "xmp", 3 }, { "title", 5 }, { "style", 5 }, { "iframe", 6 },
		{ "script", 6 }, { "noembed", 7 }, { "textarea", 8 },
		{ "noframes", 8 }, { "plaintext", 9 },
	};
	size_t i;

	if (len < 3 || len > 9)
		return false;
	for (i = 0; i < sizeof(raw) / sizeof(raw[0]); i++) {
		if (raw[i].n == len && strncasecmp(n, raw[i].s, len) == 0)
			return true;
	}
	return false;
}

/* Where the text of the raw element n[0..len) opened before p ends: at
 * its closing tag. Inside foreign content (MathML) the same tag opens
 * an element like any other, whose content the tokenizer reads as tags:
 * so a raw text holding any other '<' (or none closing it) makes the rest
 * of the page be taken as it is (end), as both readings then agree on
 * nothing after it. */
static const char *raw_end(const char *p, const char *end, const char *n,
			   size_t len)
{
	const char *q = memchr(p, '<', (size_t)(end - p));

	if (len == 9 && strncasecmp(n, "plaintext", 9) == 0)
		return end;
	return q && raw_close(q, end, n, len) ? q : end;
}

/* The end of what starts at p ('<' not before a letter) and holds no
 * start tag: a doctype or other declaration, an end tag; p + 1 for a '<'
 * that is text; end for a comment or CDATA section (strip took the
 * comments out; where a section ends depends on whether it is in
 * foreign content), or a doctype with quotes: the rest is taken as it
 * is. */
static const char *skip_other(const char *p, const char *end)
{
	const char *q, *name;
	size_t nlen;
	bool odd = false;

	if (end - p >= 3 && p[1] == '/' &&
	    nd_ascii_is_letter((unsigned char)p[2])) {
		/* An end tag: attributes (quoted '>' and all) as in a start
		 * tag, written as they are. */
		q = lean_tag(NULL, p + 1, end, &name, &nlen, &odd);
		return q ? q : end;
	}
	if (end - p < 2 || (p[1] != '!' && p[1] != '?' && p[1] != '/'))
		return p + 1;
	if (p[1] == '!' && end - p >= 3 && (p[2] == '-' || p[2] == '['))
		return end;
	q = memchr(p, '>', (size_t)(end - p));
	if (q == NULL || (p[1] == '!' && (memchr(p, '"', (size_t)(q - p)) ||
					  memchr(p, '\'', (size_t)(q - p)))))
		return end;
	return q + 1;
}

int nd_html_lean(nd_buf *out, const char *html, size_t len)
{
	const char *p = html, *end = html + len, *from = html;
	char *w, *start;
	int rc;

	/* Written in place: a quarter longer at most, and a little. */
	rc = nd_buf_reserve(out, len + len / 2 + 64);
	if (rc)
		return rc;
	w = start = out->ptr + out->len;
	while ((p = memchr(p, '<', (size_t)(end - p))) != NULL) {
		const char *q, *name;
		size_t nlen;
		bool odd = false;
		char *mark;

		if (p + 1 >= end || !nd_ascii_is_letter((unsigned char)p[1])) {
			p = skip_other(p, end);
			continue;
		}
		put(&w, from, (size_t)(p - from));
		mark = w;
		q = lean_tag(&w, p, end, &name, &nlen, &odd);
		if (q == NULL) {
			/* The page ends inside the tag: as it is. */
			w = mark;
			from = p;
			break;
		}
		if (odd) {
			/* Written as it is after all. */
			w = mark;
			put(&w, p, (size_t)(q - p));
		}
		from = p = q;
		if (raw_element(name, nlen))
			p = raw_end(p, end, name, nlen);
	}
	put(&w, from, (size_t)(end - from));
	nd_buf_commit(out, (size_t)(w - start));
	return ND_OK;
}
