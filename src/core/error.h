/* Status codes and error detail.
 *
 * Status codes are the public ND_* values of include/newsdigest.h; an nd_err
 * carries the one-line detail that goes with the last failure. */
#ifndef ND_CORE_ERROR_H
#define ND_CORE_ERROR_H

#include "newsdigest.h" /* ND_OK, ND_E* */

#define ND_ERR_MSG_MAX 256

typedef struct nd_err {
	int code;
	char msg[ND_ERR_MSG_MAX];
} nd_err;

/* Records code and a printf-style one-line message in err (which may be
 * NULL); returns code so callers can write `return nd_err_set(...)`. */
int nd_err_set(nd_err *err, int code, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

void nd_err_clear(nd_err *err);

#endif
