/* A growable byte buffer with a hard cap, always NUL-terminated.
 *
 * Anything that untrusted input can grow is an nd_buf with a named cap: a
 * write past the cap fails with ND_ETOOBIG instead of eating the machine. */
#ifndef ND_CORE_BUF_H
#define ND_CORE_BUF_H

#include <stdarg.h> /* va_list */
#include <stddef.h> /* size_t */

typedef struct nd_buf {
	char *ptr;  /* NUL-terminated once anything was written; may be NULL */
	size_t len; /* bytes in use, not counting the NUL */
	size_t cap; /* bytes allocated */
	size_t max; /* hard cap on len */
} nd_buf;

#define ND_BUF_INIT(max) { NULL, 0, 0, (max) }

void nd_buf_init(nd_buf *b, size_t max);
/* Releases the memory; the buffer is empty and reusable afterwards. */
void nd_buf_dispose(nd_buf *b);
/* Empties the buffer but keeps its memory. */
void nd_buf_clear(nd_buf *b);
/* Appends p[0..n); 0, ND_ETOOBIG past the cap, or ND_ENOMEM. */
int nd_buf_put(nd_buf *b, const void *p, size_t n);
/* Makes room for n more bytes, within the cap, to be written at ptr + len
 * and then counted with nd_buf_commit: a first allocation is exactly that
 * size, so a reader that knows its input's length allocates once. 0,
 * ND_ETOOBIG past the cap, or ND_ENOMEM. */
int nd_buf_reserve(nd_buf *b, size_t n);
/* Counts n bytes written at ptr + len (n no more than was reserved) and
 * terminates them. */
void nd_buf_commit(nd_buf *b, size_t n);
int nd_buf_putc(nd_buf *b, char c);
int nd_buf_puts(nd_buf *b, const char *s);
int nd_buf_printf(nd_buf *b, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
int nd_buf_vprintf(nd_buf *b, const char *fmt, va_list ap);
/* Hands the memory to the caller (free with nd_free) and empties b. Returns
 * an empty string rather than NULL when nothing was written. */
char *nd_buf_detach(nd_buf *b, size_t *len);

#endif
