#include "ingest/sniff.h"

#include <string.h> /* strrchr, strlen */

/* ASCII case-insensitive equality of s[0..n) and the lowercase word w,
 * independent of the locale. */
static bool ieq(const char *s, size_t n, const char *w)
{
	size_t i;

	for (i = 0; i < n; i++) {
		char c = s[i];

		if (c >= 'A' && c <= 'Z')
			c = (char)(c - 'A' + 'a');
		if (w[i] == '\0' || c != w[i])
			return false;
	}
	return w[n] == '\0';
}

static const char *base_name(const char *path)
{
	const char *slash = strrchr(path, '/');

	return slash ? slash + 1 : path;
}

/* The base name of path and its length, less a ".gz" suffix (any case):
 * "t1.html.gz" is read as "t1.html" would be, once inflated. */
static const char *plain_name(const char *path, size_t *len)
{
	const char *base = base_name(path);
	size_t n = strlen(base);

	if (n > 3 && ieq(base + n - 3, 3, ".gz"))
		n -= 3;
	*len = n;
	return base;
}

/* The extension of name[0..n) after its last dot and its length, NULL
 * when it has none (a leading dot starts a name, not an extension). */
static const char *extension(const char *name, size_t n, size_t *ext_len)
{
	size_t i = n;

	while (i > 0 && name[i - 1] != '.')
		i--;
	if (i <= 1)
		return NULL;
	*ext_len = n - i;
	return name + i;
}

nd_format nd_sniff_name(const char *name)
{
	size_t len, n;
	const char *base = plain_name(name, &len);
	const char *ext = extension(base, len, &n);

	if (ext == NULL)
		return ND_FORMAT_AUTO;
	if (ieq(ext, n, "txt") || ieq(ext, n, "text"))
		return ND_FORMAT_TEXT;
	if (ieq(ext, n, "html") || ieq(ext, n, "htm") || ieq(ext, n, "xhtml"))
		return ND_FORMAT_HTML;
	if (ieq(ext, n, "jsonl") || ieq(ext, n, "ndjson") ||
	    ieq(ext, n, "json"))
		return ND_FORMAT_JSONL;
	return ND_FORMAT_AUTO;
}

static bool is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
	       c == '\v';
}

static bool is_alpha(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* Text opening with a UTF-16 byte order mark, judged on its first
 * characters made narrow: HTML or TEXT (never JSON Lines, read bytewise). */
static nd_format sniff_utf16(const char *p, size_t n)
{
	char narrow[256];
	size_t i, k = 0;
	bool le = p[0] == '\xFF';

	for (i = 2; i + 1 < n && k < sizeof(narrow); i += 2) {
		unsigned char lo = (unsigned char)p[le ? i : i + 1];
		unsigned char hi = (unsigned char)p[le ? i + 1 : i];

		narrow[k++] = hi == 0 && lo < 0x80 ? (char)lo : 'x';
	}
	return nd_sniff_content(narrow, k) == ND_FORMAT_HTML ? ND_FORMAT_HTML
							     : ND_FORMAT_TEXT;
}

nd_format nd_sniff_content(const char *p, size_t n)
{
	size_t i = 0;

	if (n >= 2 && (memcmp(p, "\xFF\xFE", 2) == 0 ||
		       memcmp(p, "\xFE\xFF", 2) == 0))
		return sniff_utf16(p, n);
	if (n >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0)
		i = 3;
	while (i < n && is_space(p[i]))
		i++;
	if (i + 1 < n && p[i] == '<') {
		char c = p[i + 1];

		if (is_alpha(c) || c == '!' || c == '?' || c == '/')
			return ND_FORMAT_HTML;
		return ND_FORMAT_TEXT;
	}
	if (i < n && p[i] == '{') {
		/* "{" then a key or "}": prose rarely opens like that. */
		for (i++; i < n && is_space(p[i]); i++)
			;
		if (i == n || p[i] == '"' || p[i] == '}')
			return ND_FORMAT_JSONL;
	}
	return ND_FORMAT_TEXT;
}

bool nd_sniff_wanted(const char *name)
{
	static const char *const project_files[] = {
		"readme", "license", "licence", "copying", "changelog",
		"contributing", "authors", "makefile"
	};
	const char *stem;
	size_t len, n, i;

	if (name[0] == '.')
		return false;
	if (extension(name, strlen(name), &n) != NULL && n > 0 &&
	    nd_sniff_name(name) == ND_FORMAT_AUTO)
		return false;
	stem = nd_sniff_stem(name, &len);
	for (i = 0; i < sizeof(project_files) / sizeof(*project_files); i++)
		if (ieq(stem, len, project_files[i]))
			return false;
	return true;
}

const char *nd_sniff_stem(const char *path, size_t *len)
{
	size_t n, ext_len;
	const char *base = plain_name(path, &n);
	const char *ext = extension(base, n, &ext_len);

	*len = ext ? n - ext_len - 1 : n;
	return base;
}
