#include "ingest/intake.h"

#include <stdarg.h> /* va_list */
#include <stdio.h>  /* vsnprintf */

#include "core/alloc.h"
#include "core/error.h"

void nd_intake_init(nd_intake *in, const nd_ingest_sink *sink)
{
	size_t conv_max;

	in->sink = sink;
	in->cap = sink->max_bytes ? sink->max_bytes : ND_INGEST_DEFAULT_CAP;
	in->last = ND_OK;
	/* Any charset iconv knows takes at most 4 UTF-8 bytes per input byte,
	 * so this cap never cuts a conversion short. */
	if (nd_mul_overflow(in->cap, 4, &conv_max))
		conv_max = (size_t)-1;
	nd_buf_init(&in->doc, in->cap);
	if (sink->scratch) {
		in->doc = *sink->scratch;
		in->doc.max = in->cap;
	}
	nd_buf_init(&in->conv, conv_max);
	nd_buf_init(&in->line, in->cap);
	nd_buf_init(&in->field, 0);     /* cap set per line */
	in->warning[0] = '\0';
	nd_buf_init(&in->label, 0);     /* cap set per use */
}

void nd_intake_dispose(nd_intake *in)
{
	if (in->sink->scratch)
		*in->sink->scratch = in->doc;
	else
		nd_buf_dispose(&in->doc);
	nd_buf_dispose(&in->conv);
	nd_buf_dispose(&in->line);
	nd_buf_dispose(&in->field);
	nd_buf_dispose(&in->label);
}

int nd_intake_reject(nd_intake *in, const char *path, int code,
		     const char *fmt, ...)
{
	char msg[ND_ERR_MSG_MAX];
	va_list ap;

	in->last = code;
	if (in->sink->on_reject == NULL)
		return ND_OK;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	return in->sink->on_reject(in->sink->ctx, path, code, msg);
}

int nd_intake_deliver(nd_intake *in, const nd_raw_article *a)
{
	if (in->sink->on_article == NULL)
		return ND_OK;
	return in->sink->on_article(in->sink->ctx, a);
}

int nd_intake_result(const nd_intake *in, int rc)
{
	return rc ? rc : in->last;
}
