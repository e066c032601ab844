#include "render/json_writer.h"

#include <math.h>   /* isfinite, llround, fabs */
#include <stdio.h>  /* snprintf */
#include <string.h> /* strlen */

#include "core/utf8.h"

void nd_json_init(nd_json *j, nd_out *out)
{
	j->out = out;
	j->depth = 0;
	j->after_key = 0;
	j->overflow = 0;
	j->items[0] = 0;
	j->inline_[0] = 0;
}

void nd_json_finish(nd_json *j)
{
	nd_out_put(j->out, "\n", 1);
}

static void indent(nd_json *j, unsigned level)
{
	static const char spaces[] = "                                ";
	size_t n = (size_t)level * 2;

	nd_out_put(j->out, "\n", 1);
	while (n > 0) {
		size_t k = n < sizeof(spaces) - 1 ? n : sizeof(spaces) - 1;

		nd_out_put(j->out, spaces, k);
		n -= k;
	}
}

static int is_inline(const nd_json *j)
{
	return j->depth > 0 && j->inline_[j->depth - 1];
}

/* Separator and line break before a value or key at the current level. */
static void before_item(nd_json *j)
{
	if (j->after_key) {
		j->after_key = 0;
		return;
	}
	if (j->depth == 0)
		return;
	if (is_inline(j)) {
		if (j->items[j->depth - 1] > 0)
			nd_out_put(j->out, ", ", 2);
	} else {
		if (j->items[j->depth - 1] > 0)
			nd_out_put(j->out, ",", 1);
		indent(j, j->depth);
	}
	j->items[j->depth - 1]++;
}

static void open_level(nd_json *j, char bracket, int one_line)
{
	before_item(j);
	nd_out_put(j->out, &bracket, 1);
	if (j->depth >= ND_JSON_MAX_DEPTH) {
		j->overflow++; /* flat from here on, brackets still balanced */
		return;
	}
	j->items[j->depth] = 0;
	j->inline_[j->depth] = (unsigned char)(one_line || is_inline(j));
	j->depth++;
}

static void close_level(nd_json *j, char bracket)
{
	if (j->overflow > 0) {
		j->overflow--;
	} else if (j->depth > 0) {
		int had_items = j->items[j->depth - 1] > 0;
		int one_line = is_inline(j);

		j->depth--;
		if (had_items && !one_line)
			indent(j, j->depth);
	}
	nd_out_put(j->out, &bracket, 1);
}

void nd_json_object_begin(nd_json *j)
{
	open_level(j, '{', 0);
}

void nd_json_object_begin_inline(nd_json *j)
{
	open_level(j, '{', 1);
}

void nd_json_object_end(nd_json *j)
{
	close_level(j, '}');
}

void nd_json_array_begin(nd_json *j)
{
	open_level(j, '[', 0);
}

void nd_json_array_begin_inline(nd_json *j)
{
	open_level(j, '[', 1);
}

void nd_json_array_end(nd_json *j)
{
	close_level(j, ']');
}

void nd_json_key(nd_json *j, const char *key)
{
	before_item(j);
	nd_json_escape(j->out, key, strlen(key));
	nd_out_put(j->out, ": ", 2);
	j->after_key = 1;
}

void nd_json_str(nd_json *j, const char *s)
{
	if (s == NULL) {
		nd_json_null(j);
		return;
	}
	nd_json_strn(j, s, strlen(s));
}

void nd_json_strn(nd_json *j, const char *s, size_t len)
{
	before_item(j);
	nd_json_escape(j->out, s, len);
}

void nd_json_uint(nd_json *j, size_t v)
{
	before_item(j);
	nd_out_printf(j->out, "%zu", v);
}

size_t nd_json_format_num(char *buf, size_t size, double v)
{
	long long milli, whole;
	int frac, n, digits = 3;

	if (!isfinite(v))
		return (size_t)snprintf(buf, size, "null");
	if (fabs(v) >= 1e15)
		return (size_t)snprintf(buf, size, "%.0f", v);
	milli = llround(v * 1000.0);
	if (milli == 0)
		return (size_t)snprintf(buf, size, "0");
	whole = (milli < 0 ? -milli : milli) / 1000;
	frac = (int)((milli < 0 ? -milli : milli) % 1000);
	while (digits > 0 && frac != 0 && frac % 10 == 0) {
		frac /= 10;
		digits--;
	}
	if (frac == 0)
		n = snprintf(buf, size, "%s%lld", milli < 0 ? "-" : "", whole);
	else
		n = snprintf(buf, size, "%s%lld.%0*d", milli < 0 ? "-" : "",
			     whole, digits, frac);
	return n < 0 ? 0 : (size_t)n;
}

void nd_json_num(nd_json *j, double v)
{
	char tmp[48];
	size_t n = nd_json_format_num(tmp, sizeof(tmp), v);

	before_item(j);
	nd_out_put(j->out, tmp, n < sizeof(tmp) ? n : sizeof(tmp) - 1);
}

void nd_json_bool(nd_json *j, int v)
{
	before_item(j);
	nd_out_puts(j->out, v ? "true" : "false");
}

void nd_json_null(nd_json *j)
{
	before_item(j);
	nd_out_puts(j->out, "null");
}

void nd_json_kv_str(nd_json *j, const char *key, const char *s)
{
	nd_json_key(j, key);
	nd_json_str(j, s);
}

void nd_json_kv_uint(nd_json *j, const char *key, size_t v)
{
	nd_json_key(j, key);
	nd_json_uint(j, v);
}

void nd_json_kv_num(nd_json *j, const char *key, double v)
{
	nd_json_key(j, key);
	nd_json_num(j, v);
}

/* The escape for code point cp, or NULL when it passes through. */
static const char *escape_of(int32_t cp, char tmp[8])
{
	switch (cp) {
	case '"':
		return "\\\"";
	case '\\':
		return "\\\\";
	case '\b':
		return "\\b";
	case '\f':
		return "\\f";
	case '\n':
		return "\\n";
	case '\r':
		return "\\r";
	case '\t':
		return "\\t";
	default:
		break;
	}
	if (cp < 0x20 || cp == 0x7F || cp == 0x2028 || cp == 0x2029) {
		snprintf(tmp, 8, "\\u%04x", (unsigned)cp);
		return tmp;
	}
	return NULL;
}

void nd_json_escape(nd_out *o, const char *s, size_t len)
{
	static const char fffd[] = "\xEF\xBF\xBD";
	const char *p = s, *end = s + len, *run = s;
	char tmp[8];

	nd_out_put(o, "\"", 1);
	while (p < end) {
		const char *at = p;
		bool invalid;
		int32_t cp = nd_utf8_decode_checked(&p, end, &invalid);
		const char *esc = escape_of(cp, tmp);

		if (esc == NULL && !invalid)
			continue;
		nd_out_put(o, run, (size_t)(at - run));
		if (invalid)
			nd_out_put(o, fffd, 3);
		else
			nd_out_puts(o, esc);
		run = p;
	}
	nd_out_put(o, run, (size_t)(end - run));
	nd_out_put(o, "\"", 1);
}
