#include "ingest/reader.h"

#include <errno.h>  /* errno */
#include <string.h> /* strerror */

#include "core/error.h"
#include "ingest/document.h"
#include "ingest/jsonl.h"
#include "ingest/sniff.h"

/* Says the input went over the cap while it was being read. */
static int over_cap(nd_intake *in, const char *name, int64_t size)
{
	return nd_intake_reject(in, name, ND_ETOOBIG,
				"%s is over the %zu-byte limit",
				size >= 0 ? "file" : "input", in->cap);
}

static int cannot_read(nd_intake *in, const char *name)
{
	return nd_intake_reject(in, name, ND_EIO, "cannot read: %s",
				strerror(errno));
}

int nd_reader_stream(nd_intake *in, FILE *f, const char *name,
		     nd_format format, int64_t size)
{
	char head[ND_SNIFF_BYTES];
	char chunk[16384];
	size_t hn = 0;
	int rc;

	if (format == ND_FORMAT_AUTO)
		format = nd_sniff_name(name);
	if (format == ND_FORMAT_AUTO) {
		hn = fread(head, 1, sizeof(head), f);
		if (hn < sizeof(head) && ferror(f))
			return cannot_read(in, name);
		format = nd_sniff_content(head, hn);
	}
	if (format == ND_FORMAT_JSONL) {
		if (size >= 0 && (uint64_t)size > ND_INGEST_JSONL_MAX)
			return nd_intake_reject(in, name, ND_ETOOBIG,
						"file is %jd bytes, over the "
						"%zu-byte limit",
						(intmax_t)size,
						ND_INGEST_JSONL_MAX);
		return nd_jsonl_read(in, name, head, hn, f);
	}
	if (size >= 0 && (uint64_t)size > in->cap)
		return nd_intake_reject(in, name, ND_ETOOBIG,
					"file is %jd bytes, over the %zu-byte "
					"limit",
					(intmax_t)size, in->cap);
	nd_buf_clear(&in->doc);
	rc = nd_buf_put(&in->doc, head, hn);
	if (rc == ND_ETOOBIG)
		return over_cap(in, name, size);
	if (rc)
		return rc;
	for (;;) {
		/* Never more than cap + 1 bytes: one past is proof enough. */
		size_t room = in->cap - in->doc.len;
		size_t want = room < sizeof(chunk) ? room + 1 : sizeof(chunk);
		size_t got = fread(chunk, 1, want, f);

		if (got == 0) {
			if (ferror(f))
				return cannot_read(in, name);
			break;
		}
		rc = nd_buf_put(&in->doc, chunk, got);
		if (rc == ND_ETOOBIG)
			return over_cap(in, name, size);
		if (rc)
			return rc;
	}
	return nd_document_take(in, name, format == ND_FORMAT_HTML);
}

int nd_reader_memory(nd_intake *in, const char *name, const char *data,
		     size_t len, nd_format format)
{
	int rc;

	if (format == ND_FORMAT_AUTO)
		format = nd_sniff_name(name);
	if (format == ND_FORMAT_AUTO)
		format = nd_sniff_content(data, len < ND_SNIFF_BYTES
							? len
							: ND_SNIFF_BYTES);
	if (format == ND_FORMAT_JSONL)
		return nd_jsonl_read(in, name, data, len, NULL);
	if (len > in->cap)
		return nd_intake_reject(in, name, ND_ETOOBIG,
					"input is %zu bytes, over the "
					"%zu-byte limit",
					len, in->cap);
	nd_buf_clear(&in->doc);
	rc = nd_buf_put(&in->doc, data, len);
	if (rc)
		return rc;
	return nd_document_take(in, name, format == ND_FORMAT_HTML);
}
