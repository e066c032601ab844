#include "ingest/document.h"

#include <stdint.h> /* uint64_t */
#include <string.h> /* memcmp, memcpy */

#include "core/error.h"
#include "core/utf8.h"
#include "ingest/charset.h"
#include "ingest/sniff.h"

bool nd_document_blank(const char *p, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		char c = p[i];

		if (c != ' ' && c != '\t' && c != '\n' && c != '\r' &&
		    c != '\f' && c != '\v')
			return false;
	}
	return true;
}

#define ONES UINT64_C(0x0101010101010101)
#define LOW7 UINT64_C(0x7F7F7F7F7F7F7F7F)
#define HIGHS UINT64_C(0x8080808080808080)

/* The high bit of each byte of w that is zero, and only of those. */
static uint64_t zero_bytes(uint64_t w)
{
	return ~(((w & LOW7) + LOW7) | w | LOW7);
}

/* The high bit of each byte of w equal to c. */
static uint64_t bytes_equal(uint64_t w, unsigned char c)
{
	return zero_bytes(w ^ (ONES * c));
}

/* The high bit of each control byte of w: below 0x20 but for tab, LF, FF
 * and CR, or DEL. NUL counts as a control byte. */
static uint64_t control_bytes(uint64_t w)
{
	/* x + 0x60 stays below 0x100 for x < 0x80: no carries. */
	uint64_t below = ~((w & LOW7) + ONES * 0x60) & ~w & HIGHS;
	uint64_t white = bytes_equal(w, '\t') | bytes_equal(w, '\n') |
			 bytes_equal(w, '\f') | bytes_equal(w, '\r');

	return (below & ~white) | bytes_equal(w, 0x7F);
}

static bool is_control(unsigned char c)
{
	return (c < 0x20 && c != '\t' && c != '\n' && c != '\r' &&
		c != '\f') ||
	       c == 0x7F;
}

bool nd_document_binary(const char *p, size_t n)
{
	size_t i = 0, controls = 0;

	if (n == 0)
		return false;
	/* Eight bytes at a time, counting their control bytes at once. */
	for (; n - i >= 8; i += 8) {
		uint64_t w, c;

		memcpy(&w, p + i, 8);
		c = control_bytes(w);
		if (c == 0)
			continue;
		if (zero_bytes(w))
			return true;
		controls += (size_t)__builtin_popcountll(c);
	}
	for (; i < n; i++) {
		if (p[i] == '\0')
			return true;
		controls += is_control((unsigned char)p[i]);
	}
	return controls > n / 10;
}

int nd_document_take(nd_intake *in, const char *path, int is_html)
{
	const char *body = in->doc.ptr ? in->doc.ptr : "";
	size_t len = in->doc.len, off = 0, bad = 0, id_len;
	const char *id;
	char label[ND_CHARSET_LABEL_MAX];
	nd_raw_article a = { 0 };
	int rc;

	if (len >= 3 && memcmp(body, "\xEF\xBB\xBF", 3) == 0)
		off = 3;
	body += off;
	len -= off;
	if (nd_document_blank(body, len))
		return nd_intake_reject(in, path, ND_EEMPTY, "empty file");
	if (nd_document_binary(body, len))
		return nd_intake_reject(in, path, ND_EBINARY,
					"binary data, not text");
	if (is_html && off == 0 && nd_charset_declared(label, body, len) &&
	    !nd_charset_is_utf8(label) && !nd_utf8_valid(body, len, NULL)) {
		nd_buf_clear(&in->conv);
		rc = nd_charset_to_utf8(&in->conv, &bad, label, body, len);
		if (rc == ND_ENOMEM)
			return rc;
		if (rc == ND_EINVAL)
			return nd_intake_reject(in, path, ND_EUTF8,
						"unknown charset \"%s\"",
						label);
		if (rc == ND_EUTF8)
			return nd_intake_reject(in, path, ND_EUTF8,
						"invalid %s at byte %zu",
						label, bad);
		if (rc)
			return nd_intake_reject(in, path, rc,
						"text is over the %zu-byte "
						"limit once in UTF-8",
						in->conv.max);
		body = in->conv.ptr ? in->conv.ptr : "";
		len = in->conv.len;
		if (nd_document_binary(body, len))
			return nd_intake_reject(in, path, ND_EBINARY,
						"binary data, not text");
	} else if (!nd_utf8_valid(body, len, &bad)) {
		return nd_intake_reject(in, path, ND_EUTF8,
					"invalid UTF-8 at byte %zu",
					off + bad);
	}
	id = nd_sniff_stem(path, &id_len);
	nd_buf_clear(&in->label);
	in->label.max = id_len;
	rc = nd_buf_put(&in->label, id, id_len);
	if (rc)
		return ND_ENOMEM;
	a.id = in->label.ptr ? in->label.ptr : "";
	a.path = path;
	a.body = body;
	a.body_len = len;
	a.is_html = is_html;
	return nd_intake_deliver(in, &a);
}
