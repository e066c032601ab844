#include "render/md_escape.h"

#include <stdbool.h> /* bool */
#include <string.h>  /* strchr, strlen */

#include "core/utf8.h"

typedef struct md_state {
	nd_out *o;
	const char *run;  /* start of bytes not yet written */
	bool line_start;  /* the text opens a line: escape block markers */
	bool started;     /* something visible was written */
	bool space;       /* a space is owed before the next visible char */
	bool lead_digits; /* only digits written so far: "1." would be a list */
	bool prev_alnum;  /* last written char was an ASCII letter or digit */
} md_state;

static bool is_alnum(int c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
	       (c >= 'A' && c <= 'Z');
}

/* Characters that separate words: they collapse into one space. */
static bool is_break(int32_t cp)
{
	return cp == ' ' || (cp >= '\t' && cp <= '\r') || cp == 0x85 ||
	       cp == 0x2028 || cp == 0x2029;
}

/* Controls and bidirectional embeddings, overrides and isolates. */
static bool is_hidden(int32_t cp)
{
	return cp < 0x20 || (cp >= 0x7F && cp <= 0x9F) ||
	       (cp >= 0x202A && cp <= 0x202E) ||
	       (cp >= 0x2066 && cp <= 0x2069);
}

/* True when p (just after an '&') starts an entity such as "amp;". */
static bool entity_follows(const char *p, const char *end)
{
	size_t n = 0;

	if (p < end && *p == '#')
		p++;
	while (p < end && n <= 32 && is_alnum((unsigned char)*p)) {
		p++;
		n++;
	}
	return n > 0 && n <= 32 && p < end && *p == ';';
}

/* Whether the ASCII char c at [at, next) needs a backslash. */
static bool needs_escape(const md_state *st, int c, const char *next,
			 const char *end)
{
	if (strchr("\\`*[]<>#|~", c))
		return true;
	if (c == '_')
		return !(st->prev_alnum && next < end &&
			 is_alnum((unsigned char)*next));
	if (c == '&')
		return entity_follows(next, end);
	if (!st->line_start)
		return false;
	if (!st->started && (c == '-' || c == '+'))
		return true;
	/* "1." or "1)" then a space would start an ordered list. */
	return st->lead_digits && (c == '.' || c == ')') &&
	       (next >= end || is_break((unsigned char)*next));
}

static void flush(md_state *st, const char *upto)
{
	nd_out_put(st->o, st->run, (size_t)(upto - st->run));
}

/* Writes the pending space, if any, before a visible char at `at`. */
static void settle_space(md_state *st, const char *at)
{
	flush(st, at);
	st->run = at;
	if (st->space && st->started)
		nd_out_put(st->o, " ", 1);
	st->space = false;
}

static void visible(md_state *st, int32_t cp, const char *at,
		    const char *next, const char *end)
{
	bool ascii = cp < 0x80;

	if (st->space)
		settle_space(st, at);
	if (ascii && needs_escape(st, (int)cp, next, end)) {
		flush(st, at);
		st->run = at;
		nd_out_put(st->o, "\\", 1);
	}
	st->lead_digits = ascii && cp >= '0' && cp <= '9' &&
			  (!st->started || st->lead_digits);
	st->prev_alnum = ascii && is_alnum((int)cp);
	st->started = true;
}

static void escape(nd_out *o, const char *s, size_t len, bool line_start)
{
	static const char fffd[] = "\xEF\xBF\xBD";
	const char *p = s, *end = s + len;
	md_state st = { o, s, line_start, false, false, false, false };

	while (p < end) {
		const char *at = p;
		bool invalid;
		int32_t cp = nd_utf8_decode_checked(&p, end, &invalid);

		if (is_break(cp) || is_hidden(cp) || invalid) {
			flush(&st, at);
			st.run = p;
			st.space = st.space || is_break(cp);
			if (!invalid)
				continue;
			settle_space(&st, p);
			nd_out_put(o, fffd, 3);
			st.started = true;
			st.prev_alnum = st.lead_digits = false;
			continue;
		}
		visible(&st, cp, at, p, end);
	}
	flush(&st, end);
}

void nd_md_text(nd_out *o, const char *s, size_t len)
{
	escape(o, s, len, true);
}

void nd_md_str(nd_out *o, const char *s)
{
	if (s)
		escape(o, s, strlen(s), true);
}

void nd_md_inline(nd_out *o, const char *s)
{
	if (s)
		escape(o, s, strlen(s), false);
}
