#include "clean/html_meta.h"

#include <stdbool.h> /* bool */
#include <stdint.h>  /* int32_t */
#include <string.h>  /* memcpy, memset, strlen, strstr */
#include <strings.h> /* strcasecmp, strncasecmp */

#include "clean/clean_lines.h"
#include "core/utf8.h"

void nd_html_meta_init(nd_html_meta *m)
{
	memset(m, 0, sizeof(*m));
}

/* Copies src[0..len) into dst (cap bytes), cut at a character boundary,
 * trimmed of blanks at both ends. */
static void copy_to(char *dst, size_t cap, const char *src, size_t len)
{
	while (len > 0 && (unsigned char)*src <= ' ') {
		src++;
		len--;
	}
	while (len > 0 && (unsigned char)src[len - 1] <= ' ')
		len--;
	len = nd_utf8_cut(src, len, cap - 1);
	memcpy(dst, src, len);
	dst[len] = '\0';
}

/* Keeps v in dst when rank r beats the rank held so far. */
static void take(char *dst, size_t cap, int *held, int r, const char *v,
		 size_t len)
{
	size_t i;

	if (v == NULL)
		return;
	for (i = 0; i < len && (unsigned char)v[i] <= ' '; i++)
		;
	if (i == len || (*held != 0 && *held <= r))
		return;
	copy_to(dst, cap, v, len);
	*held = r;
}

size_t nd_html_text(const nd_hnode *top, char *out, size_t outsize)
{
	const nd_hnode *n = top->children;
	size_t at = 0, depth = 1;

	if (outsize == 0)
		return 0;
	out[0] = '\0';
	while (n && n != top) {
		bool down = false;

		if (n->type == ND_HNODE_TEXT) {
			size_t len = nd_utf8_cut(n->content, n->len,
						  outsize - 1 - at);

			memcpy(out + at, n->content, len);
			at += len;
		} else if (n->type == ND_HNODE_ELEMENT) {
			if (n->tag.el == ND_EL_BR && at + 1 < outsize)
				out[at++] = ' ';
			down = n->children != NULL && depth < 64 &&
			       strcmp(n->name, "script") != 0 &&
			       strcmp(n->name, "style") != 0;
		}
		if (at + 1 >= outsize)
			break;
		if (down) {
			n = n->children;
			depth++;
			continue;
		}
		while (n != top && n->next == NULL) {
			n = n->parent;
			depth--;
		}
		if (n == top)
			break;
		n = n->next;
	}
	out[at] = '\0';
	return at;
}

/* ---- JSON-LD, read just enough ---- */

static int hexval(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if ((c | 0x20) >= 'a' && (c | 0x20) <= 'f')
		return (c | 0x20) - 'a' + 10;
	return -1;
}

static int32_t hex4(const char *p)
{
	int32_t v = 0;
	int i;

	for (i = 0; i < 4; i++) {
		int h = hexval(p[i]);

		if (h < 0)
			return -1;
		v = v * 16 + h;
	}
	return v;
}

/* Decodes the JSON string starting after the opening quote at p into out.
 * Returns the length written. */
static size_t json_string(const char *p, char *out, size_t outsize)
{
	size_t at = 0;

	while (*p && *p != '"' && at + 5 < outsize) {
		if (*p != '\\') {
			out[at++] = *p++;
			continue;
		}
		p++;
		switch (*p) {
		case 'n': case 'r': case 't': case 'b': case 'f':
			out[at++] = ' ';
			p++;
			break;
		case 'u': {
			int32_t cp = hex4(p + 1);

			if (cp < 0)
				return at;
			p += 5;
			if (cp >= 0xD800 && cp <= 0xDBFF && p[0] == '\\' &&
			    p[1] == 'u') {
				int32_t lo = hex4(p + 2);

				if (lo >= 0xDC00 && lo <= 0xDFFF) {
					cp = 0x10000 + ((cp - 0xD800) << 10) +
					     (lo - 0xDC00);
					p += 6;
				}
			}
			at += nd_utf8_encode(cp, out + at);
			break;
		}
		case '\0':
			return at;
		default:
			out[at++] = *p++;
			break;
		}
	}
	out[at] = '\0';
	return at;
}

/* The string value of "key" in s, searching from s; false when absent or
 * not a string. With nested, an object value is searched for "name". */
static bool json_value(const char *s, const char *key, bool nested, char *out,
		       size_t outsize)
{
	const char *p = strstr(s, key);
	size_t klen = strlen(key);

	while (p) {
		const char *q = p + klen;

		while (*q == ' ' || *q == '\t' || *q == '\n' || *q == '\r')
			q++;
		if (*q == ':') {
			q++;
			while (*q == ' ' || *q == '\t' || *q == '\n' ||
			       *q == '\r')
				q++;
			if (*q == '"')
				return json_string(q + 1, out, outsize) > 0;
			if (nested && (*q == '{' || *q == '[')) {
				const char *nm = strstr(q, "\"name\"");

				if (nm && nm - q < 400)
					return json_value(nm, "\"name\"", false,
							  out, outsize);
			}
			return false;
		}
		p = strstr(q, key);
	}
	return false;
}

static void json_ld(nd_html_meta *m, const nd_hnode *script)
{
	const nd_hnode *t;
	char v[ND_CLEAN_TITLE_MAX];

	for (t = script->children; t; t = t->next) {
		const char *s;

		if (t->type != ND_HNODE_TEXT)
			continue;
		s = t->content;
		if (json_value(s, "\"headline\"", false, v, sizeof(v)))
			take(m->title, sizeof(m->title), &m->title_rank, 3, v,
			     strlen(v));
		if (json_value(s, "\"datePublished\"", false, v, sizeof(v)))
			take(m->published, sizeof(m->published),
			     &m->published_rank, 3, v, strlen(v));
		if (json_value(s, "\"author\"", true, v, sizeof(v)))
			take(m->author, sizeof(m->author), &m->author_rank, 2,
			     v, strlen(v));
	}
}

static bool is(const char *a, const char *b)
{
	return a && strcasecmp(a, b) == 0;
}

/* Rank of a meta name as a publication date, 0 when it is none. */
static int date_rank(const char *k)
{
	static const char *const names[] = {
		"date", "pubdate", "publishdate", "publish-date",
		"publish_date", "dc.date", "dc.date.issued", "dcterms.date",
		"dcterms.created", "dcterms.issued", "sailthru.date",
		"parsely-pub-date", "article.published",
		"citation_publication_date", "original-publish-date",
	};
	size_t i;

	if (is(k, "article:published_time"))
		return 1;
	if (is(k, "og:published_time") || is(k, "og:article:published_time") ||
	    is(k, "datepublished"))
		return 2;
	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		if (is(k, names[i]))
			return 4;
	}
	return 0;
}

static void meta_tag(nd_html_meta *m, const nd_hnode *n)
{
	const char *content = n->at.content;
	const char *keys[3];
	size_t i, len;

	if (content == NULL)
		return;
	len = strlen(content);
	keys[0] = n->at.property;
	keys[1] = n->at.name;
	keys[2] = n->at.itemprop;
	for (i = 0; i < 3; i++) {
		const char *k = keys[i];
		int r;

		if (k == NULL)
			continue;
		if (is(k, "og:title"))
			take(m->title, sizeof(m->title), &m->title_rank, 1,
			     content, len);
		else if (is(k, "twitter:title"))
			take(m->title, sizeof(m->title), &m->title_rank, 2,
			     content, len);
		else if (is(k, "og:site_name"))
			copy_to(m->site, sizeof(m->site), content, len);
		else if (is(k, "og:url"))
			take(m->url, sizeof(m->url), &m->url_rank, 2, content,
			     len);
		else if ((r = date_rank(k)) != 0)
			take(m->published, sizeof(m->published),
			     &m->published_rank, r, content, len);
		else if ((is(k, "author") || is(k, "article:author") ||
			  is(k, "dc.creator") || is(k, "parsely-author") ||
			  is(k, "sailthru.author")) &&
			 strncasecmp(content, "http", 4) != 0)
			take(m->author, sizeof(m->author), &m->author_rank, 1,
			     content, len);
	}
}

void nd_html_meta_element(nd_html_meta *m, const nd_hnode *n,
			  bool in_furniture)
{
	const char *name = n->name;
	const char *v;

	if (name == NULL)
		return;
	/* Names are lower-case (HTML5 tokenizing); the first letter spares
	 * most elements the comparisons. */
	if (name[0] == 'm' && strcmp(name, "meta") == 0) {
		meta_tag(m, n);
		return;
	}
	if (name[0] == 't' && strcmp(name, "title") == 0 &&
	    m->doc_title[0] == '\0' && n->parent &&
	    is(n->parent->name, "head")) {
		char t[ND_CLEAN_TITLE_MAX];
		size_t len = nd_html_text(n, t, sizeof(t));

		copy_to(m->doc_title, sizeof(m->doc_title), t, len);
		return;
	}
	if (name[0] == 'l' && strcmp(name, "link") == 0) {
		v = n->at.rel;
		if (v && n->at.href && is(v, "canonical"))
			take(m->url, sizeof(m->url), &m->url_rank, 1,
			     n->at.href, strlen(n->at.href));
		return;
	}
	if (n->tag.el == ND_EL_HTML && n->at.lang) {
		copy_to(m->lang, sizeof(m->lang), n->at.lang,
			strlen(n->at.lang));
		return;
	}
	if (name[0] == 's' && strcmp(name, "script") == 0) {
		v = n->at.type;
		if (v && strstr(v, "ld+json"))
			json_ld(m, n);
		return;
	}
	if (in_furniture)
		return;
	v = n->at.itemprop;
	if (v && is(v, "datePublished")) {
		const char *d = n->at.content;

		if (d == NULL)
			d = n->at.datetime;
		if (d)
			take(m->published, sizeof(m->published),
			     &m->published_rank, 2, d, strlen(d));
	}
	if (n->tag.el == ND_EL_TIME) {
		v = n->at.datetime;
		if (v)
			take(m->published, sizeof(m->published),
			     &m->published_rank, 5, v, strlen(v));
	}
}

/* " | Site", " - Site" and the like at the end of a title: where the
 * suffix starts, or len when there is none. With site, only that name
 * counts as a suffix. */
static size_t suffix_at(const char *t, size_t len, const char *site)
{
	static const char *const seps[] = {
		" | ", " - ", " \xE2\x80\x93 ", " \xE2\x80\x94 ", " :: ",
		" \xC2\xB7 ", " \xC2\xBB ",
	};
	size_t i, k, n = 0, at = len;

	for (i = len; i > 0 && at == len; i--) {
		for (k = 0; k < sizeof(seps) / sizeof(seps[0]); k++) {
			n = strlen(seps[k]);
			if (i - 1 + n <= len &&
			    memcmp(t + i - 1, seps[k], n) == 0) {
				at = i - 1;
				break;
			}
		}
	}
	if (at == len)
		return len;
	if (site)
		return (strlen(site) == len - at - n &&
			strncasecmp(t + at + n, site, len - at - n) == 0) ?
			       at : len;
	/* Keep "A - B" when what is left would not be a title. */
	return (nd_cline_words(t + at + n, len - at - n) <= 5 &&
		nd_cline_words(t, at) >= 3) ? at : len;
}

size_t nd_html_meta_title(const nd_html_meta *m, const char *h1, char *out,
			  size_t outsize)
{
	const char *t;
	size_t len;

	if (outsize == 0)
		return 0;
	if (m->title[0]) {
		t = m->title;
		len = strlen(t);
		len = suffix_at(t, len, m->site[0] ? m->site : NULL);
	} else if (h1 && h1[0]) {
		t = h1;
		len = strlen(t);
	} else {
		t = m->doc_title;
		len = strlen(t);
		len = suffix_at(t, len, NULL);
		if (len == strlen(t) && m->site[0])
			len = suffix_at(t, len, m->site);
	}
	copy_to(out, outsize, t, len);
	return strlen(out);
}
