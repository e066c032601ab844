/* gunzip: gzip-compressed inputs, inflated with zlib before anything else
 * looks at their bytes. */
#ifndef ND_INGEST_GUNZIP_H
#define ND_INGEST_GUNZIP_H

#include <stdbool.h> /* bool */
#include <stddef.h>  /* size_t */
#include <stdio.h>   /* FILE */

#include "core/buf.h"
#include "core/error.h"

/* True when p[0..n) opens with the gzip magic bytes 1f 8b. */
bool nd_gunzip_magic(const char *p, size_t n);

/* Inflates the gzip data made of head[0..hn) followed, when f is not NULL,
 * by the rest of f, appending it to out; members written one after the
 * other (as gzip -c a b does) are inflated in turn. At most in_max
 * compressed bytes are read, and out keeps its own cap. Returns 0; ND_EIO
 * on a read error; ND_ETOOBIG past either cap; ND_EFORMAT for "truncated
 * gzip data" or "corrupt gzip data: <zlib's reason>"; or ND_ENOMEM. err
 * (may be NULL) gets the one-line reason. */
int nd_gunzip(nd_buf *out, nd_err *err, const char *head, size_t hn,
	      FILE *f, size_t in_max);

#endif
