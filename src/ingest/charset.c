#include "ingest/charset.h"

#include <errno.h>  /* errno, E2BIG, EILSEQ */
#include <iconv.h>  /* iconv_open, iconv */
#include <stdint.h> /* uint16_t */
#include <string.h> /* memchr, memcpy, strlen */

#include "core/buf.h"
#include "core/error.h"
#include "core/utf8.h"

static char lower(char c)
{
	return c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
}

/* True when s[i..n) starts with the lowercase word w, in any case. */
static bool starts(const char *s, size_t n, size_t i, const char *w)
{
	for (; *w; w++, i++)
		if (i >= n || lower(s[i]) != *w)
			return false;
	return true;
}

/* Locale-independent case-insensitive equality with a lowercase word. */
static bool ieq(const char *s, const char *w)
{
	return starts(s, strlen(s), 0, w) && strlen(s) == strlen(w);
}

static bool is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

static bool is_label_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	       (c >= '0' && c <= '9') || c == '.' || c == '_' || c == ':' ||
	       c == '-';
}

/* Finds `word = label` in s[from..to), where word starts an attribute or a
 * parameter of a content value. */
static bool find_attr(char *label, const char *s, size_t from, size_t to,
		      const char *word)
{
	size_t wl = strlen(word), i, k, n;

	for (i = from; i + wl <= to; i++) {
		char prev = i > 0 ? s[i - 1] : ' ';

		if (!starts(s, to, i, word))
			continue;
		if (!is_space(prev) && prev != '"' && prev != '\'' &&
		    prev != ';' && prev != ',')
			continue;
		k = i + wl;
		while (k < to && is_space(s[k]))
			k++;
		if (k >= to || s[k] != '=')
			continue;
		k++;
		while (k < to && is_space(s[k]))
			k++;
		if (k < to && (s[k] == '"' || s[k] == '\''))
			k++;
		for (n = 0; k + n < to && is_label_char(s[k + n]); n++)
			;
		if (n == 0 || n >= ND_CHARSET_LABEL_MAX)
			continue;
		memcpy(label, s + k, n);
		label[n] = '\0';
		return true;
	}
	return false;
}

bool nd_charset_declared(char label[ND_CHARSET_LABEL_MAX], const char *html,
			 size_t len)
{
	size_t n = len < ND_CHARSET_SCAN ? len : ND_CHARSET_SCAN;
	const char *gt;
	size_t i, end;

	for (i = 0; i < n; i++) {
		if (html[i] != '<' || !starts(html, n, i, "<meta") ||
		    i + 5 >= n ||
		    (!is_space(html[i + 5]) && html[i + 5] != '/'))
			continue;
		gt = memchr(html + i + 5, '>', n - i - 5);
		end = gt ? (size_t)(gt - html) : n;
		if (find_attr(label, html, i + 5, end, "charset"))
			return true;
		i = end;
	}
	if (starts(html, n, 0, "<?xml")) {
		gt = memchr(html, '>', n);
		end = gt ? (size_t)(gt - html) : n;
		if (find_attr(label, html, 5, end, "encoding"))
			return true;
	}
	return false;
}

/* True when label is one of names[0..n), in any case. */
static bool in_list(const char *label, const char *const *names, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (ieq(label, names[i]))
			return true;
	return false;
}

bool nd_charset_is_utf8(const char *label)
{
	static const char *const names[] = {
		"utf-8", "utf8", "unicode-1-1-utf-8", "unicode20utf8",
		"x-unicode20utf8", "utf-16", "utf-16le", "utf-16be",
		"unicode", "unicodefffe", "ucs-2", "csunicode"
	};

	return in_list(label, names, sizeof(names) / sizeof(*names));
}

/* Labels browsers read as windows-1252. */
static bool is_western(const char *label)
{
	static const char *const names[] = {
		"windows-1252", "cp1252", "x-cp1252", "iso-8859-1",
		"iso8859-1", "iso_8859-1", "iso88591", "iso_8859-1:1987",
		"latin1", "l1", "cp819", "ibm819", "iso-ir-100",
		"csisolatin1", "us-ascii", "ascii", "ansi_x3.4-1968"
	};

	return in_list(label, names, sizeof(names) / sizeof(*names));
}

/* The iconv name for a page's label, following the Encoding Standard
 * where glibc's own reading differs; NULL for labels never to honour. */
static const char *iconv_name(const char *label)
{
	if (is_western(label))
		return "WINDOWS-1252";
	if (ieq(label, "gb2312") || ieq(label, "gb_2312") ||
	    ieq(label, "gb_2312-80") || ieq(label, "x-gbk") ||
	    ieq(label, "csgb2312"))
		return "GBK";
	if (ieq(label, "euc-kr") || ieq(label, "ks_c_5601-1987") ||
	    ieq(label, "ks_c_5601-1989") || ieq(label, "ksc5601") ||
	    ieq(label, "windows-949"))
		return "CP949";
	if (ieq(label, "x-sjis") || ieq(label, "ms_kanji") ||
	    ieq(label, "windows-31j"))
		return "SHIFT_JIS";
	/* UTF-7 can smuggle markup past anything that scans bytes. */
	if (ieq(label, "utf-7") || ieq(label, "utf7"))
		return NULL;
	return label;
}

/* windows-1252 leaves five bytes undefined; browsers map them to the C1
 * controls of the same value, glibc refuses them. */
static bool is_1252_gap(unsigned char c)
{
	return c == 0x81 || c == 0x8D || c == 0x8F || c == 0x90 || c == 0x9D;
}

int nd_charset_to_utf8(nd_buf *out, size_t *bad, const char *label,
		       const char *s, size_t len)
{
	const char *name = iconv_name(label);
	iconv_t cd = (iconv_t)-1;
	char chunk[8192];
	char *ip = (char *)s;
	size_t inleft = len;
	int western = name != NULL && ieq(name, "windows-1252");
	int rc = ND_OK;

	*bad = 0;
	if (name == NULL)
		return ND_EINVAL;
	cd = iconv_open("UTF-8", name);
	if (cd == (iconv_t)-1)
		return ND_EINVAL;
	while (inleft > 0) {
		char *op = chunk;
		size_t outleft = sizeof(chunk);
		size_t r = iconv(cd, &ip, &inleft, &op, &outleft);
		int err = errno; /* before the buffer's realloc can touch it */

		rc = nd_buf_put(out, chunk, (size_t)(op - chunk));
		if (rc)
			goto done;
		if (r != (size_t)-1 || (err == E2BIG && op != chunk))
			continue;
		if (err == EILSEQ && western && inleft > 0 &&
		    is_1252_gap((unsigned char)*ip)) {
			char u[4];
			size_t n = nd_utf8_encode((unsigned char)*ip, u);

			rc = nd_buf_put(out, u, n);
			if (rc)
				goto done;
			ip++;
			inleft--;
			continue;
		}
		/* EILSEQ, or EINVAL for a sequence cut off at the end. */
		*bad = (size_t)(ip - s);
		rc = ND_EUTF8;
		goto done;
	}
	/* Stateful charsets may owe a final shift back. */
	{
		char *op = chunk;
		size_t outleft = sizeof(chunk);

		if (iconv(cd, NULL, NULL, &op, &outleft) == (size_t)-1) {
			*bad = len;
			rc = ND_EUTF8;
			goto done;
		}
		rc = nd_buf_put(out, chunk, (size_t)(op - chunk));
	}
done:
	iconv_close(cd);
	return rc;
}

/* Unicode for windows-1252's bytes 0x80..0x9F; its five gaps keep the C1
 * control of the same value, as browsers do. */
static const uint16_t cp1252_high[32] = {
	0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
	0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
	0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
	0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178
};

int nd_charset_repair_utf8(nd_buf *out, size_t *n_bad, size_t *first_bad,
			   const char *s, size_t len)
{
	size_t pos = 0, bad = 0;
	int rc;

	*n_bad = 0;
	*first_bad = len;
	while (pos < len) {
		unsigned char c;
		char u[4];

		if (nd_utf8_valid(s + pos, len - pos, &bad))
			return nd_buf_put(out, s + pos, len - pos);
		rc = nd_buf_put(out, s + pos, bad);
		if (rc)
			return rc;
		pos += bad;
		if (*n_bad == 0)
			*first_bad = pos;
		++*n_bad;
		c = (unsigned char)s[pos++];
		rc = nd_buf_put(out, u,
				nd_utf8_encode(c >= 0x80 && c < 0xA0
						       ? cp1252_high[c - 0x80]
						       : c,
					       u));
		if (rc)
			return rc;
	}
	return ND_OK;
}
