#include "clean/clean_lines.h"

#include <stdint.h> /* int32_t */

#include "core/alloc.h"
#include "core/bytes64.h"
#include "core/bytes8.h"
#include "core/error.h"
#include "core/utf8.h"

void nd_clines_init(nd_clines *l, size_t max_bytes)
{
	nd_buf_init(&l->text, max_bytes);
	l->v = NULL;
	l->n = 0;
	l->cap = 0;
}

void nd_clines_dispose(nd_clines *l)
{
	nd_buf_dispose(&l->text);
	nd_free(l->v);
	l->v = NULL;
	l->n = 0;
	l->cap = 0;
}

/* Characters that vanish: they only carry layout hints. */
static int is_invisible(int32_t cp)
{
	return cp == 0x200B || cp == 0x2060 || cp == 0xFEFF || cp == 0x00AD;
}

/* Blanks and anything that must not reach the output as itself. */
static int is_blank(int32_t cp)
{
	if (cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp < 0xA0))
		return 1;
	return nd_cp_is_space(cp);
}

static bool is_printable(char c)
{
	return (unsigned char)c > 0x20 && (unsigned char)c < 0x7F;
}

#ifdef ND_BYTES64

/* past_plain's test 64 bytes at a time, with AVX-512. */
ND_BYTES64_TARGET static const char *
past_plain64(const char *p, const char *end)
{
	while (end - p >= 65) {
		__m512i x = nd_bytes64_load(p);
		uint64_t odd = ~nd_bytes64_range(x, 0x21, 0x7E);
		uint64_t space =
			nd_bytes64_eq(x, ' ');
		uint64_t next_odd =
			odd >> 1 | (uint64_t)!is_printable(p[64]) << 63;

		if ((odd & ~space) | (space & next_odd))
			break;
		p += 64;
	}
	return p;
}
#endif

/* Past the blocks of 64 or eight bytes from p that are all printable
 * ASCII or single spaces before it: the run nd_clines_normalise copies as
 * it is goes on at least that far. */
static const char *past_plain(const char *p, const char *end)
{
#ifdef ND_BYTES64
	if (end - p >= 65 && nd_bytes64_available())
		p = past_plain64(p, end);
#endif
#if ND_BYTES8_IN_ORDER
	/* The ninth byte tells whether a space that ends the eight is
	 * single. */
	while (end - p >= 9) {
		uint64_t x = nd_bytes8_load(p);
		uint64_t odd = ~nd_bytes8_range(x, 0x21, 0x7E) &
			       ND_BYTES8_HIGHS;
		uint64_t space = nd_bytes8_eq(x, ' ');
		uint64_t next_odd = odd >> 8 |
				    (uint64_t)!is_printable(p[8]) << 63;

		if ((odd & ~space) | (space & next_odd))
			break;
		p += 8;
	}
#endif
	return p;
}

int nd_clines_normalise(nd_buf *out, const char *raw, size_t len,
			size_t *gaps)
{
	const char *p = raw, *end = raw + len;
	size_t run = 0, ngaps = 0;
	int any = 0, rc = ND_OK;

	while (p < end && rc == ND_OK) {
		unsigned char c = (unsigned char)*p;
		const char *at = p, *q;
		int32_t cp;

		if (c < 0x80) {
			if (c <= 0x20 || c == 0x7F) {
				run += c == '\t' ? 2 : 1;
				p++;
				continue;
			}
			/* Printable ASCII, with the single spaces between
			 * words, which stay as they are: copied in one go. */
			q = past_plain(p, end);
			for (; q < end; q++) {
				if (is_printable(*q) ||
				    (*q == ' ' && q + 1 < end &&
				     is_printable(q[1])))
					continue;
				break;
			}
			if (run && any) {
				rc = nd_buf_putc(out, ' ');
				ngaps += run >= 2;
			}
			run = 0;
			if (rc == ND_OK)
				rc = nd_buf_put(out, p, (size_t)(q - p));
			any = 1;
			p = q;
			continue;
		}
		cp = nd_utf8_decode(&p, end);
		if (is_invisible(cp))
			continue;
		if (is_blank(cp)) {
			run++;
			continue;
		}
		if (run && any) {
			rc = nd_buf_putc(out, ' ');
			ngaps += run >= 2;
		}
		run = 0;
		any = 1;
		if (rc)
			break;
		if (cp == ND_UTF8_REPLACEMENT && p - at == 1)
			rc = nd_buf_put(out, "\xEF\xBF\xBD", 3);
		else
			rc = nd_buf_put(out, at, (size_t)(p - at));
	}
	if (gaps)
		*gaps = ngaps;
	return rc;
}

int nd_clines_add(nd_clines *l, const char *raw, size_t len, unsigned hints)
{
	size_t start = l->text.len, gaps = 0;
	nd_cline line;
	int rc;

	rc = nd_clines_normalise(&l->text, raw, len, &gaps);
	if (rc)
		return rc;
	if (l->text.len == start)
		return ND_OK;
	rc = nd_buf_putc(&l->text, '\0');
	if (rc)
		return rc;
	line.off = start;
	line.len = l->text.len - 1 - start;
	line.gaps = gaps;
	line.hints = hints;
	line.cls = 0;
	return ND_ARRAY_PUSH(l->v, l->n, l->cap, line);
}

/* Length of the line break at p, 0 when there is none. */
static size_t line_break(const char *p, const char *end)
{
	unsigned char c = (unsigned char)*p;

	if (c == '\n' || c == '\v' || c == '\f')
		return 1;
	if (c == '\r')
		return (p + 1 < end && p[1] == '\n') ? 2 : 1;
	if (c == 0xC2 && p + 1 < end && (unsigned char)p[1] == 0x85)
		return 2;
	if (c == 0xE2 && p + 2 < end && (unsigned char)p[1] == 0x80 &&
	    ((unsigned char)p[2] == 0xA8 || (unsigned char)p[2] == 0xA9))
		return 3;
	return 0;
}

/* Past the printable ASCII from p on (bytes 0x20 to 0x7F), most of a
 * text, which breaks no line: eight bytes at a time where they can be
 * tested so. */
static const char *past_printable(const char *p, const char *end)
{
#if ND_BYTES8_IN_ORDER
	while (end - p >= 8) {
		uint64_t x = nd_bytes8_load(p);
		uint64_t odd = (x & ND_BYTES8_HIGHS) |
			       nd_bytes8_range(x, 0x00, 0x1F);

		if (odd)
			return p + __builtin_ctzll(odd) / 8;
		p += 8;
	}
#endif
	while (p < end && (unsigned char)*p >= 0x20 &&
	       (unsigned char)*p < 0x80)
		p++;
	return p;
}

int nd_clines_add_text(nd_clines *l, const char *text, size_t len)
{
	const char *p = text, *end = text + len, *start = text;
	int rc;

	for (;;) {
		size_t br;

		p = past_printable(p, end);
		br = p < end ? line_break(p, end) : 1;

		if (p < end && br == 0) {
			p++;
			continue;
		}
		rc = nd_clines_add(l, start, (size_t)(p - start), 0);
		if (rc)
			return rc;
		if (p >= end)
			break;
		p += br;
		start = p;
	}
	return ND_OK;
}

size_t nd_cline_words(const char *s, size_t len)
{
	size_t i, n = 0;

	for (i = 0; i < len; i++) {
		if (s[i] != ' ' && (i == 0 || s[i - 1] == ' '))
			n++;
	}
	return n;
}
