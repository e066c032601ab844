/* reader: one input, given as an open stream or as memory, read in the
 * format it is in, within its size cap. */
#ifndef ND_INGEST_READER_H
#define ND_INGEST_READER_H

#include <stddef.h> /* size_t */
#include <stdint.h> /* int64_t */
#include <stdio.h>  /* FILE */

#include "ingest/intake.h"

/* Reads the input name from f. An input opening with the gzip magic is
 * inflated first, within the cap. ND_FORMAT_AUTO goes by the extension of
 * name (".gz" aside), else by the first bytes. size is the input's length
 * when known (a regular file), -1 otherwise; an input known to be over its
 * cap is rejected unread but for its first bytes, and no more than cap + 1
 * bytes of a text or HTML input are ever read. Returns 0, the sink's
 * verdict, or ND_ENOMEM. */
int nd_reader_stream(nd_intake *in, FILE *f, const char *name,
		     nd_format format, int64_t size);
/* As nd_reader_stream, for data[0..len). */
int nd_reader_memory(nd_intake *in, const char *name, const char *data,
		     size_t len, nd_format format);

#endif
