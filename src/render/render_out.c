#include "render/render_out.h"

#include <math.h>   /* isfinite, isnan, llround, fabs */
#include <stdarg.h> /* va_list */
#include <stdio.h>  /* vsnprintf */
#include <string.h> /* strlen */

void nd_out_init(nd_out *o, nd_write_fn write, void *ctx)
{
	o->write = write;
	o->ctx = ctx;
	o->failed = 0;
}

void nd_out_put(nd_out *o, const char *s, size_t len)
{
	if (o->failed || len == 0)
		return;
	if (o->write(o->ctx, s, len) != 0)
		o->failed = 1;
}

void nd_out_puts(nd_out *o, const char *s)
{
	nd_out_put(o, s, strlen(s));
}

void nd_out_printf(nd_out *o, const char *fmt, ...)
{
	char tmp[256];
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(tmp, sizeof(tmp), fmt, ap);
	va_end(ap);
	if (n < 0)
		return;
	if ((size_t)n >= sizeof(tmp))
		n = (int)sizeof(tmp) - 1;
	nd_out_put(o, tmp, (size_t)n);
}

void nd_out_fixed(nd_out *o, double v, int decimals)
{
	long long scale = 1, n;
	int k;

	if (decimals < 0)
		decimals = 0;
	if (decimals > 6)
		decimals = 6;
	for (k = 0; k < decimals; k++)
		scale *= 10;
	if (!isfinite(v) || fabs(v) * (double)scale >= 9e18) {
		nd_out_puts(o, isnan(v) ? "nan" : v < 0 ? "-inf" : "inf");
		return;
	}
	n = llround(v * (double)scale);
	if (n < 0)
		nd_out_puts(o, "-");
	n = n < 0 ? -n : n;
	if (decimals == 0)
		nd_out_printf(o, "%lld", n);
	else
		nd_out_printf(o, "%lld.%0*lld", n / scale, decimals, n % scale);
}

int nd_out_status(const nd_out *o)
{
	return o->failed ? ND_EIO : ND_OK;
}
