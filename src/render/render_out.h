/* A render destination: the caller's write function with a sticky failure,
 * so renderers write on and check the status once at the end. */
#ifndef ND_RENDER_OUT_H
#define ND_RENDER_OUT_H

#include <stddef.h> /* size_t */

#include "newsdigest.h" /* nd_write_fn */

typedef struct nd_out {
	nd_write_fn write;
	void *ctx;
	int failed; /* the write function asked to stop */
} nd_out;

/* Starts an output over write(ctx, ...). */
void nd_out_init(nd_out *o, nd_write_fn write, void *ctx);
/* Passes s[0..len) on unless an earlier write failed. */
void nd_out_put(nd_out *o, const char *s, size_t len);
/* nd_out_put of a NUL-terminated trusted string. */
void nd_out_puts(nd_out *o, const char *s);
/* Formats a short trusted string (numbers, fixed words; cut at 255 bytes). */
void nd_out_printf(nd_out *o, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* v with exactly `decimals` (0 to 6) decimals, whatever the locale; "nan"
 * or "inf" when not finite. */
void nd_out_fixed(nd_out *o, double v, int decimals);
/* ND_OK, or ND_EIO once a write stopped. */
int nd_out_status(const nd_out *o);

#endif
