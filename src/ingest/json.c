#include "ingest/json.h"

#include <stdint.h> /* int32_t */
#include <string.h> /* memchr, memcmp, strlen */

#include "core/buf.h"
#include "core/utf8.h"

typedef struct parser {
	const char *s;
	size_t len;
	size_t pos;
	unsigned depth;
	nd_err *err;
} parser;

static int parse_value(parser *p, nd_json_kind *kind);

/* Reports what sits at the current position: the end, or a byte that has
 * no business there. */
static int unexpected(parser *p)
{
	unsigned char c;

	if (p->pos >= p->len)
		return nd_err_set(p->err, ND_EFORMAT,
				  "unexpected end of input at byte %zu",
				  p->pos);
	c = (unsigned char)p->s[p->pos];
	if (c > 0x20 && c < 0x7f)
		return nd_err_set(p->err, ND_EFORMAT,
				  "unexpected '%c' at byte %zu", c, p->pos);
	return nd_err_set(p->err, ND_EFORMAT,
			  "unexpected byte 0x%02x at byte %zu", c, p->pos);
}

static void skip_ws(parser *p)
{
	while (p->pos < p->len) {
		char c = p->s[p->pos];

		if (c != ' ' && c != '\t' && c != '\n' && c != '\r')
			break;
		p->pos++;
	}
}

static int hexval(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* Reads the four hex digits of a \u escape at s[0..avail); -1 when they
 * are not hex, -2 when the input ends first. */
static int32_t hex4(const char *s, size_t avail)
{
	int32_t v = 0;
	size_t i;

	for (i = 0; i < 4; i++) {
		int h;

		if (i >= avail)
			return -2;
		h = hexval(s[i]);
		if (h < 0)
			return -1;
		v = (v << 4) | h;
	}
	return v;
}

/* Checks the escape whose backslash is at p->pos and steps past it. */
static int parse_escape(parser *p)
{
	size_t at = p->pos;
	int32_t cp, lo;

	if (at + 1 >= p->len) {
		p->pos = p->len;
		return unexpected(p);
	}
	switch (p->s[at + 1]) {
	case '"': case '\\': case '/': case 'b':
	case 'f': case 'n': case 'r': case 't':
		p->pos = at + 2;
		return ND_OK;
	case 'u':
		break;
	default:
		return nd_err_set(p->err, ND_EFORMAT,
				  "invalid escape at byte %zu", at);
	}
	cp = hex4(p->s + at + 2, p->len - at - 2);
	if (cp == -2) {
		p->pos = p->len;
		return unexpected(p);
	}
	if (cp < 0)
		return nd_err_set(p->err, ND_EFORMAT,
				  "invalid \\u escape at byte %zu", at);
	p->pos = at + 6;
	if (cp >= 0xDC00 && cp <= 0xDFFF)
		return nd_err_set(p->err, ND_EFORMAT,
				  "lone surrogate at byte %zu", at);
	if (cp < 0xD800 || cp > 0xDBFF)
		return ND_OK;
	/* A high surrogate must be followed by an escaped low one. */
	if (p->pos >= p->len)
		return unexpected(p);
	if (p->s[p->pos] != '\\')
		goto lone;
	if (p->pos + 1 >= p->len) {
		p->pos = p->len;
		return unexpected(p);
	}
	if (p->s[p->pos + 1] != 'u')
		goto lone;
	lo = hex4(p->s + p->pos + 2, p->len - p->pos - 2);
	if (lo == -2) {
		p->pos = p->len;
		return unexpected(p);
	}
	if (lo >= 0xDC00 && lo <= 0xDFFF) {
		p->pos += 6;
		return ND_OK;
	}
lone:
	return nd_err_set(p->err, ND_EFORMAT, "lone surrogate at byte %zu",
			  at);
}

/* Checks the string whose opening quote is at p->pos and steps past its
 * closing quote. */
static int parse_string(parser *p)
{
	const char *end = p->s + p->len;
	int rc;

	p->pos++;
	while (p->pos < p->len) {
		unsigned char c = (unsigned char)p->s[p->pos];

		if (c == '"') {
			p->pos++;
			return ND_OK;
		}
		if (c == '\\') {
			rc = parse_escape(p);
			if (rc)
				return rc;
		} else if (c < 0x20) {
			return nd_err_set(p->err, ND_EFORMAT,
					  "control character in string at "
					  "byte %zu",
					  p->pos);
		} else if (c < 0x80) {
			p->pos++;
		} else {
			const char *q = p->s + p->pos;
			int32_t cp = nd_utf8_decode(&q, end);

			if (cp == ND_UTF8_REPLACEMENT && q == p->s + p->pos + 1)
				return nd_err_set(p->err, ND_EUTF8,
						  "invalid UTF-8 at byte %zu",
						  p->pos);
			p->pos = (size_t)(q - p->s);
		}
	}
	return unexpected(p);
}

static bool is_digit(parser *p)
{
	return p->pos < p->len && p->s[p->pos] >= '0' && p->s[p->pos] <= '9';
}

/* At least one digit, then as many as there are. */
static int digits(parser *p)
{
	if (!is_digit(p)) {
		if (p->pos >= p->len)
			return unexpected(p);
		return nd_err_set(p->err, ND_EFORMAT,
				  "invalid number at byte %zu", p->pos);
	}
	while (is_digit(p))
		p->pos++;
	return ND_OK;
}

static int parse_number(parser *p)
{
	int rc;

	if (p->s[p->pos] == '-')
		p->pos++;
	if (p->pos < p->len && p->s[p->pos] == '0') {
		p->pos++;
	} else {
		rc = digits(p);
		if (rc)
			return rc;
	}
	if (p->pos < p->len && p->s[p->pos] == '.') {
		p->pos++;
		rc = digits(p);
		if (rc)
			return rc;
	}
	if (p->pos < p->len && (p->s[p->pos] == 'e' || p->s[p->pos] == 'E')) {
		p->pos++;
		if (p->pos < p->len &&
		    (p->s[p->pos] == '+' || p->s[p->pos] == '-'))
			p->pos++;
		rc = digits(p);
		if (rc)
			return rc;
	}
	return ND_OK;
}

static int parse_literal(parser *p, const char *word)
{
	size_t n = strlen(word), i;

	for (i = 0; i < n; i++) {
		if (p->pos + i >= p->len) {
			p->pos = p->len;
			return unexpected(p);
		}
		if (p->s[p->pos + i] != word[i])
			return nd_err_set(p->err, ND_EFORMAT,
					  "invalid literal at byte %zu",
					  p->pos);
	}
	p->pos += n;
	return ND_OK;
}

static int enter(parser *p)
{
	if (p->depth >= ND_JSON_MAX_DEPTH)
		return nd_err_set(p->err, ND_EFORMAT,
				  "nesting deeper than %d levels at byte %zu",
				  ND_JSON_MAX_DEPTH, p->pos);
	p->depth++;
	p->pos++;
	return ND_OK;
}

/* Returned by after_item while the container has more items. */
#define MORE 1

/* Consumes an empty container's closer right after its opener (and
 * leaves the container); false when items follow. */
static bool close_empty(parser *p, char closer)
{
	skip_ws(p);
	if (p->pos >= p->len || p->s[p->pos] != closer)
		return false;
	p->pos++;
	p->depth--;
	return true;
}

/* After an item: the closer ends the container (0), a comma asks for the
 * next item (MORE), anything else is an error. */
static int after_item(parser *p, char closer)
{
	skip_ws(p);
	if (p->pos >= p->len)
		return unexpected(p);
	if (p->s[p->pos] == ',') {
		p->pos++;
		return MORE;
	}
	if (p->s[p->pos] != closer)
		return unexpected(p);
	p->pos++;
	p->depth--;
	return ND_OK;
}

static int parse_array(parser *p)
{
	nd_json_kind kind;
	int rc;

	rc = enter(p);
	if (rc || close_empty(p, ']'))
		return rc;
	do {
		rc = parse_value(p, &kind);
		if (rc == ND_OK)
			rc = after_item(p, ']');
	} while (rc == MORE);
	return rc;
}

/* The object at p->pos; fn sees its members when it is the outer one. */
static int parse_object(parser *p, nd_json_member_fn fn, void *ctx)
{
	nd_json_member m;
	size_t start;
	int rc;

	rc = enter(p);
	if (rc || close_empty(p, '}'))
		return rc;
	do {
		skip_ws(p);
		if (p->pos >= p->len || p->s[p->pos] != '"')
			return unexpected(p);
		start = p->pos;
		rc = parse_string(p);
		if (rc)
			return rc;
		m.key = p->s + start + 1;
		m.key_len = p->pos - start - 2;
		skip_ws(p);
		if (p->pos >= p->len || p->s[p->pos] != ':')
			return unexpected(p);
		p->pos++;
		skip_ws(p);
		start = p->pos;
		rc = parse_value(p, &m.kind);
		if (rc)
			return rc;
		if (m.kind == ND_JSON_STRING) {
			m.value = p->s + start + 1;
			m.value_len = p->pos - start - 2;
		} else {
			m.value = p->s + start;
			m.value_len = p->pos - start;
		}
		if (fn) {
			rc = fn(ctx, &m);
			if (rc)
				return rc;
		}
		rc = after_item(p, '}');
	} while (rc == MORE);
	return rc;
}

static int parse_value(parser *p, nd_json_kind *kind)
{
	skip_ws(p);
	if (p->pos >= p->len)
		return unexpected(p);
	switch (p->s[p->pos]) {
	case '{':
		*kind = ND_JSON_OBJECT;
		return parse_object(p, NULL, NULL);
	case '[':
		*kind = ND_JSON_ARRAY;
		return parse_array(p);
	case '"':
		*kind = ND_JSON_STRING;
		return parse_string(p);
	case 't':
		*kind = ND_JSON_TRUE;
		return parse_literal(p, "true");
	case 'f':
		*kind = ND_JSON_FALSE;
		return parse_literal(p, "false");
	case 'n':
		*kind = ND_JSON_NULL;
		return parse_literal(p, "null");
	default:
		break;
	}
	if (p->s[p->pos] == '-' ||
	    (p->s[p->pos] >= '0' && p->s[p->pos] <= '9')) {
		*kind = ND_JSON_NUMBER;
		return parse_number(p);
	}
	return unexpected(p);
}

int nd_json_parse_object(nd_err *err, const char *s, size_t len,
			 nd_json_member_fn fn, void *ctx)
{
	parser p = { s, len, 0, 0, err };
	int rc;

	if (s == NULL)
		p.len = 0;
	skip_ws(&p);
	if (p.pos >= p.len || s[p.pos] != '{') {
		if (p.pos >= p.len)
			return unexpected(&p);
		return nd_err_set(err, ND_EFORMAT,
				  "not a JSON object at byte %zu", p.pos);
	}
	rc = parse_object(&p, fn, ctx);
	if (rc)
		return rc;
	skip_ws(&p);
	if (p.pos < p.len)
		return unexpected(&p);
	return ND_OK;
}

/* Decodes the escape at *s (a backslash, s < end) into out, advancing *s.
 * Returns the byte count, 0 for a malformed escape. */
static size_t unescape_one(const char **s, const char *end, char out[4])
{
	const char *p = *s;
	int32_t cp, lo;

	if (end - p < 2)
		return 0;
	switch (p[1]) {
	case '"': out[0] = '"'; break;
	case '\\': out[0] = '\\'; break;
	case '/': out[0] = '/'; break;
	case 'b': out[0] = '\b'; break;
	case 'f': out[0] = '\f'; break;
	case 'n': out[0] = '\n'; break;
	case 'r': out[0] = '\r'; break;
	case 't': out[0] = '\t'; break;
	case 'u':
		cp = hex4(p + 2, (size_t)(end - p - 2));
		if (cp < 0)
			return 0;
		p += 6;
		if (cp >= 0xDC00 && cp <= 0xDFFF)
			return 0;
		if (cp >= 0xD800 && cp <= 0xDBFF) {
			if (end - p < 6 || p[0] != '\\' || p[1] != 'u')
				return 0;
			lo = hex4(p + 2, 4);
			if (lo < 0xDC00 || lo > 0xDFFF)
				return 0;
			cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
			p += 6;
		}
		*s = p;
		return nd_utf8_encode(cp, out);
	default:
		return 0;
	}
	*s = p + 2;
	return 1;
}

int nd_json_unescape(nd_buf *out, const char *raw, size_t len)
{
	const char *p = raw, *end = raw + len;
	char ch[4];
	size_t n;
	int rc;

	while (p < end) {
		const char *bs = memchr(p, '\\', (size_t)(end - p));

		if (bs == NULL)
			bs = end;
		if (bs > p) {
			rc = nd_buf_put(out, p, (size_t)(bs - p));
			if (rc)
				return rc;
			p = bs;
		}
		if (p == end)
			break;
		n = unescape_one(&p, end, ch);
		if (n == 0)
			return ND_EFORMAT;
		rc = nd_buf_put(out, ch, n);
		if (rc)
			return rc;
	}
	return ND_OK;
}

bool nd_json_string_is(const char *raw, size_t len, const char *name)
{
	const char *p = raw, *end = raw + len;
	size_t i = 0, nlen = strlen(name);
	char ch[4];
	size_t n;

	if (len == 0)
		return nlen == 0;
	if (memchr(raw, '\\', len) == NULL)
		return len == nlen && memcmp(raw, name, len) == 0;
	while (p < end) {
		if (*p != '\\') {
			if (i >= nlen || *p != name[i])
				return false;
			p++;
			i++;
			continue;
		}
		n = unescape_one(&p, end, ch);
		if (n == 0 || n > nlen - i || memcmp(ch, name + i, n) != 0)
			return false;
		i += n;
	}
	return i == nlen;
}
