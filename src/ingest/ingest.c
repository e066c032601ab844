#include "ingest/ingest.h"

#include "core/error.h"
#include "ingest/intake.h"
#include "ingest/reader.h"
#include "ingest/walk.h"

int nd_ingest_path(const nd_ingest_sink *sink, const char *path)
{
	nd_intake in;
	int rc;

	if (sink == NULL || path == NULL)
		return ND_EINVAL;
	nd_intake_init(&in, sink);
	rc = nd_walk_path(&in, path);
	rc = nd_intake_result(&in, rc);
	nd_intake_dispose(&in);
	return rc;
}

int nd_ingest_stream(const nd_ingest_sink *sink, FILE *f, const char *name,
		     nd_format format)
{
	nd_intake in;
	int rc;

	if (sink == NULL || f == NULL || format < ND_FORMAT_AUTO ||
	    format > ND_FORMAT_JSONL)
		return ND_EINVAL;
	nd_intake_init(&in, sink);
	rc = nd_reader_stream(&in, f, name ? name : "stdin", format, -1);
	rc = nd_intake_result(&in, rc);
	nd_intake_dispose(&in);
	return rc;
}

int nd_ingest_memory(const nd_ingest_sink *sink, const char *name,
		     const char *data, size_t len, nd_format format)
{
	nd_intake in;
	int rc;

	if (sink == NULL || (data == NULL && len > 0) ||
	    format < ND_FORMAT_AUTO || format > ND_FORMAT_JSONL)
		return ND_EINVAL;
	nd_intake_init(&in, sink);
	rc = nd_reader_memory(&in, name ? name : "memory", data ? data : "",
			      len, format);
	rc = nd_intake_result(&in, rc);
	nd_intake_dispose(&in);
	return rc;
}
