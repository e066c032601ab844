#include "core/error.h"

#include <stdarg.h> /* va_list */
#include <stdio.h>  /* vsnprintf */

int nd_err_set(nd_err *err, int code, const char *fmt, ...)
{
	va_list ap;

	if (err == NULL)
		return code;
	err->code = code;
	va_start(ap, fmt);
	vsnprintf(err->msg, sizeof(err->msg), fmt, ap);
	va_end(ap);
	return code;
}

void nd_err_clear(nd_err *err)
{
	if (err == NULL)
		return;
	err->code = ND_OK;
	err->msg[0] = '\0';
}

const char *nd_strerror(int code)
{
	switch (code) {
	case ND_OK:
		return "success";
	case ND_ENOMEM:
		return "out of memory";
	case ND_EINVAL:
		return "invalid argument";
	case ND_EIO:
		return "input/output error";
	case ND_ETOOBIG:
		return "input too large";
	case ND_EUTF8:
		return "invalid UTF-8";
	case ND_EFORMAT:
		return "malformed input";
	case ND_EEMPTY:
		return "empty input";
	case ND_EBINARY:
		return "binary input";
	case ND_ENOTFOUND:
		return "not found";
	case ND_EPARTIAL:
		return "some inputs were rejected";
	default:
		return "unknown error";
	}
}
