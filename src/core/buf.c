#include "core/buf.h"

#include <stdio.h>  /* vsnprintf */
#include <string.h> /* memcpy, strlen */

#include "core/alloc.h"
#include "core/error.h"

void nd_buf_init(nd_buf *b, size_t max)
{
	b->ptr = NULL;
	b->len = 0;
	b->cap = 0;
	b->max = max;
}

void nd_buf_dispose(nd_buf *b)
{
	nd_free(b->ptr);
	b->ptr = NULL;
	b->len = 0;
	b->cap = 0;
}

void nd_buf_clear(nd_buf *b)
{
	b->len = 0;
	if (b->ptr)
		b->ptr[0] = '\0';
}

/* Makes room for extra more bytes plus the NUL. */
static int grow(nd_buf *b, size_t extra)
{
	size_t need, newcap;
	char *p;

	if (nd_add_overflow(b->len, extra, &need) || need > b->max)
		return ND_ETOOBIG;
	if (nd_add_overflow(need, 1, &need))
		return ND_ETOOBIG;
	if (need <= b->cap)
		return ND_OK;
	newcap = b->cap ? b->cap : 64;
	while (newcap < need) {
		if (nd_mul_overflow(newcap, 2, &newcap)) {
			newcap = need;
			break;
		}
	}
	p = nd_realloc(b->ptr, newcap);
	if (p == NULL)
		return ND_ENOMEM;
	b->ptr = p;
	b->cap = newcap;
	return ND_OK;
}

int nd_buf_reserve(nd_buf *b, size_t n)
{
	size_t need, twice;
	char *p;

	if (nd_add_overflow(b->len, n, &need) || need > b->max ||
	    nd_add_overflow(need, 1, &need))
		return ND_ETOOBIG;
	if (need <= b->cap)
		return ND_OK;
	/* Doubling keeps a series of reservations linear; the first one is
	 * taken at its word. */
	if (b->cap && !nd_mul_overflow(b->cap, 2, &twice) && twice > need)
		need = twice;
	if (need - 1 > b->max)
		need = b->max + 1;
	p = nd_realloc(b->ptr, need);
	if (p == NULL)
		return ND_ENOMEM;
	if (b->ptr == NULL)
		p[0] = '\0';
	b->ptr = p;
	b->cap = need;
	return ND_OK;
}

void nd_buf_commit(nd_buf *b, size_t n)
{
	if (b->ptr == NULL)
		return;
	b->len += n;
	b->ptr[b->len] = '\0';
}

int nd_buf_put(nd_buf *b, const void *p, size_t n)
{
	int rc = grow(b, n);

	if (rc)
		return rc;
	if (n)
		memcpy(b->ptr + b->len, p, n);
	b->len += n;
	b->ptr[b->len] = '\0';
	return ND_OK;
}

int nd_buf_putc(nd_buf *b, char c)
{
	return nd_buf_put(b, &c, 1);
}

int nd_buf_puts(nd_buf *b, const char *s)
{
	return nd_buf_put(b, s, strlen(s));
}

int nd_buf_vprintf(nd_buf *b, const char *fmt, va_list ap)
{
	va_list copy;
	int n, rc;

	va_copy(copy, ap);
	n = vsnprintf(NULL, 0, fmt, copy);
	va_end(copy);
	if (n < 0)
		return ND_EINVAL;
	rc = grow(b, (size_t)n);
	if (rc)
		return rc;
	vsnprintf(b->ptr + b->len, (size_t)n + 1, fmt, ap);
	b->len += (size_t)n;
	return ND_OK;
}

int nd_buf_printf(nd_buf *b, const char *fmt, ...)
{
	va_list ap;
	int rc;

	va_start(ap, fmt);
	rc = nd_buf_vprintf(b, fmt, ap);
	va_end(ap);
	return rc;
}

char *nd_buf_detach(nd_buf *b, size_t *len)
{
	char *p = b->ptr;

	if (len)
		*len = b->len;
	if (p == NULL)
		p = nd_strndup("", 0);
	b->ptr = NULL;
	b->len = 0;
	b->cap = 0;
	return p;
}
