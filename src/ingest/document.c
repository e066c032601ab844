#include "ingest/document.h"

#include <stdio.h>  /* snprintf */
#include <string.h> /* memchr, memcmp, memcpy */

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

/* Thirty-two bytes at a time (GCC vector extensions: AVX2 where the CPU
 * has it, two SSE2 or NEON halves, plain code elsewhere): every byte of
 * the input passes through here. */
typedef unsigned char bytes32 __attribute__((vector_size(32)));

static bool is_control(unsigned char c)
{
	return (c < 0x20 && c != '\t' && c != '\n' && c != '\r' &&
		c != '\f') ||
	       c == 0x7F;
}

#if defined(__GNUC__) && defined(__x86_64__) && !defined(__clang__)
__attribute__((target_clones("avx2", "default")))
#endif
bool nd_document_binary(const char *p, size_t n)
{
	size_t i = 0, controls = 0, k;

	if (n == 0)
		return false;
	if (memchr(p, '\0', n < ND_DOCUMENT_SNIFF ? n : ND_DOCUMENT_SNIFF))
		return true;
	while (n - i >= 32) {
		bytes32 count = { 0 };

		/* 255 rounds at most: a lane counts to 255. */
		for (k = 0; k < 255 && n - i >= 32; k++, i += 32) {
			bytes32 c;

			memcpy(&c, p + i, sizeof(c));
			count -= (bytes32)((c < 0x20) & (c != '\t') &
					   (c != '\n') & (c != '\r') &
					   (c != '\f')) |
				 (bytes32)(c == 0x7F);
		}
		for (k = 0; k < sizeof(count); k++)
			controls += count[k];
	}
	for (; i < n; i++)
		controls += is_control((unsigned char)p[i]);
	return controls > n / 10;
}

/* Stray NUL bytes past the sniffed start (a page glued from pieces) carry
 * nothing, but would end the text early for the C strings downstream. */
static void blank_nuls(char *p, size_t n)
{
	char *z;

	while ((z = memchr(p, '\0', n)) != NULL) {
		*z = ' ';
		n -= (size_t)(z - p) + 1;
		p = z + 1;
	}
}

/* The charset a UTF-16 or UTF-32 byte order mark at the start of p[0..n)
 * stands for, with its length in *bom; NULL when there is none. Windows
 * tools save "Unicode" text that way. */
static const char *wide_charset(const char *p, size_t n, size_t *bom)
{
	static const struct {
		const char *mark;
		size_t n;
		const char *label;
	} boms[] = {
		/* UTF-32LE before UTF-16LE: the same first two bytes. */
		{ "\xFF\xFE\0\0", 4, "UTF-32LE" },
		{ "\0\0\xFE\xFF", 4, "UTF-32BE" },
		{ "\xFF\xFE", 2, "UTF-16LE" },
		{ "\xFE\xFF", 2, "UTF-16BE" },
	};
	size_t i;

	for (i = 0; i < sizeof(boms) / sizeof(boms[0]); i++) {
		if (n >= boms[i].n && memcmp(p, boms[i].mark, boms[i].n) == 0) {
			*bom = boms[i].n;
			return boms[i].label;
		}
	}
	return NULL;
}

/* The verdict on the document at path when writing it into in->conv
 * failed with rc: ND_ENOMEM as it is, else its cap was reached. */
static int conv_failed(nd_intake *in, const char *path, int rc)
{
	if (rc == ND_ENOMEM)
		return rc;
	return nd_intake_reject(in, path, rc,
				"text is over the %zu-byte limit once in UTF-8",
				in->conv.max);
}

/* Converts s[0..n), in the charset label names, into in->conv. True when
 * done; otherwise false with *verdict the rejection's verdict (offsets in
 * the message count from base) or ND_ENOMEM. */
static bool to_utf8(int *verdict, nd_intake *in, const char *path,
		    const char *label, const char *s, size_t n, size_t base)
{
	size_t bad = 0;
	int rc;

	nd_buf_clear(&in->conv);
	rc = nd_charset_to_utf8(&in->conv, &bad, label, s, n);
	if (rc == ND_OK)
		return true;
	if (rc == ND_EINVAL)
		*verdict = nd_intake_reject(in, path, ND_EUTF8,
					    "unknown charset \"%s\"", label);
	else if (rc == ND_EUTF8)
		*verdict = nd_intake_reject(in, path, ND_EUTF8,
					    "invalid %s at byte %zu", label,
					    base + bad);
	else
		*verdict = conv_failed(in, path, rc);
	return false;
}

/* Reads the bytes of s[0..n) that are not UTF-8 as windows-1252 into
 * in->conv, as browsers do for a page that says nothing of its charset,
 * and words a warning for them; false as to_utf8() is. */
static bool repair(int *verdict, nd_intake *in, const char *path,
		   const char *s, size_t n, size_t base)
{
	size_t n_bad = 0, first = 0;
	int rc;

	nd_buf_clear(&in->conv);
	rc = nd_charset_repair_utf8(&in->conv, &n_bad, &first, s, n);
	if (rc) {
		*verdict = conv_failed(in, path, rc);
		return false;
	}
	snprintf(in->warning, sizeof(in->warning),
		 "not valid UTF-8: %zu byte%s read as windows-1252, the first "
		 "at byte %zu",
		 n_bad, n_bad == 1 ? "" : "s", base + first);
	return true;
}

int nd_document_take(nd_intake *in, const char *path, int is_html)
{
	char *body = in->doc.ptr ? in->doc.ptr : (char *)"";
	size_t len = in->doc.len, off = 0, bad = 0, id_len;
	const char *id, *wide = NULL;
	char label[ND_CHARSET_LABEL_MAX];
	nd_raw_article a = { 0 };
	int rc;

	if (len >= 3 && memcmp(body, "\xEF\xBB\xBF", 3) == 0)
		off = 3;
	else
		wide = wide_charset(body, len, &off);
	in->warning[0] = '\0';
	if (wide) {
		if (!to_utf8(&rc, in, path, wide, body + off, len - off, off))
			return rc;
		body = in->conv.ptr ? in->conv.ptr : (char *)"";
		len = in->conv.len;
	} else {
		body += off;
		len -= off;
	}
	if (nd_document_blank(body, len))
		return nd_intake_reject(in, path, ND_EEMPTY, "empty file");
	if (nd_document_binary(body, len))
		return nd_intake_reject(in, path, ND_EBINARY,
					"binary data, not text");
	if (is_html && off == 0 && nd_charset_declared(label, body, len) &&
	    !nd_charset_is_utf8(label) && !nd_utf8_valid(body, len, NULL)) {
		if (!to_utf8(&rc, in, path, label, body, len, 0))
			return rc;
		body = in->conv.ptr ? in->conv.ptr : (char *)"";
		len = in->conv.len;
		if (nd_document_binary(body, len))
			return nd_intake_reject(in, path, ND_EBINARY,
						"binary data, not text");
	} else if (!nd_utf8_valid(body, len, &bad)) {
		if (!repair(&rc, in, path, body, len, off))
			return rc;
		body = in->conv.ptr ? in->conv.ptr : (char *)"";
		len = in->conv.len;
	}
	blank_nuls(body, len);
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
	a.warning = in->warning[0] ? in->warning : NULL;
	return nd_intake_deliver(in, &a);
}
