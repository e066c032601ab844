/* Messages on standard error. Paths and errors can hold any bytes a file
 * name or an input held: they are escaped so none reaches the terminal as
 * a control sequence. */
#include "cli/cli.h"

#include <stdarg.h> /* va_list */
#include <string.h> /* strerror */
#include <errno.h>  /* errno */

void cli_error(const char *fmt, ...)
{
	va_list ap;

	fputs("newsdigest: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

/* Length of the valid UTF-8 sequence at s (lead byte >= 0x80), or 0. */
static size_t utf8_len(const unsigned char *s)
{
	size_t n, i;
	unsigned long cp;

	if (s[0] >= 0xC2 && s[0] <= 0xDF) {
		n = 2;
		cp = s[0] & 0x1Fu;
	} else if (s[0] >= 0xE0 && s[0] <= 0xEF) {
		n = 3;
		cp = s[0] & 0x0Fu;
	} else if (s[0] >= 0xF0 && s[0] <= 0xF4) {
		n = 4;
		cp = s[0] & 0x07u;
	} else {
		return 0;
	}
	for (i = 1; i < n; i++) {
		if ((s[i] & 0xC0) != 0x80) /* also stops at the NUL */
			return 0;
		cp = (cp << 6) | (s[i] & 0x3Fu);
	}
	if ((n == 3 && cp < 0x800) || (n == 4 && cp < 0x10000) ||
	    (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF)
		return 0;
	return n;
}

void cli_put_escaped(FILE *f, const char *s)
{
	const unsigned char *p = (const unsigned char *)s;

	while (*p) {
		size_t n = *p < 0x80 ? 1 : utf8_len(p);

		if (*p == '\\') {
			fputs("\\\\", f);
		} else if (*p < 0x20 || *p == 0x7F || n == 0) {
			fprintf(f, "\\x%02x", *p);
			n = 1;
		} else if (n == 2 && p[0] == 0xC2 && p[1] < 0xA0) {
			fprintf(f, "\\u%04x", p[1]); /* a C1 control */
		} else {
			fwrite(p, 1, n, f);
		}
		p += n;
	}
}

/* One line of standard error: "newsdigest: PATH: [warning: ]TEXT". */
static void report(const char *path, const char *kind, const char *text)
{
	fputs("newsdigest: ", stderr);
	cli_put_escaped(stderr, path);
	fputs(": ", stderr);
	fputs(kind, stderr);
	cli_put_escaped(stderr, text);
	fputc('\n', stderr);
}

void cli_report_rejected(const nd_batch *b)
{
	const char *path, *text;
	size_t i, n = nd_batch_warning_count(b);

	for (i = 0; i < n; i++) {
		if (nd_batch_warning(&path, &text, b, i) == ND_OK)
			report(path, "warning: ", text);
	}
	n = nd_batch_rejected_count(b);
	for (i = 0; i < n; i++) {
		if (nd_batch_rejected(&path, &text, b, i) == ND_OK)
			report(path, "", text);
	}
}

int cli_flush_stdout(void)
{
	if (fflush(stdout) == 0 && !ferror(stdout))
		return CLI_OK;
	cli_error("cannot write the output: %s", strerror(errno));
	return CLI_FAIL;
}
