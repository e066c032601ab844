#include "ingest/reader.h"

#include <errno.h>  /* errno */
#include <string.h> /* strerror */

#include "core/alloc.h"
#include "core/error.h"
#include "ingest/document.h"
#include "ingest/gunzip.h"
#include "ingest/jsonl.h"
#include "ingest/sniff.h"

/* Bytes read at a time from an input of unknown size. */
#define READ_CHUNK ((size_t)64 * 1024)

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

/* Compressed bytes a gzip input may hold: twice the cap is more than
 * deflate ever needs for cap bytes, and keeps a stream of empty members
 * from being read forever. */
static size_t gzip_max(const nd_intake *in)
{
	size_t max;

	return nd_mul_overflow(in->cap, 2, &max) ? (size_t)-1 : max;
}

/* Reads an inflated input sitting in in->doc: the name (less ".gz") or
 * else the inflated bytes tell its format. */
static int take_inflated(nd_intake *in, const char *name, nd_format format)
{
	const char *p = in->doc.ptr ? in->doc.ptr : "";
	size_t n = in->doc.len;

	if (format == ND_FORMAT_AUTO)
		format = nd_sniff_name(name);
	if (format == ND_FORMAT_AUTO)
		format = nd_sniff_content(p, n < ND_SNIFF_BYTES ? n
							: ND_SNIFF_BYTES);
	if (format == ND_FORMAT_JSONL)
		return nd_jsonl_read(in, name, p, n, NULL);
	return nd_document_take(in, name, format == ND_FORMAT_HTML);
}

/* A gzip input (its first hn bytes in head, the rest in f when not NULL),
 * inflated into in->doc within the article cap. */
static int read_gzip(nd_intake *in, const char *name, nd_format format,
		     const char *head, size_t hn, FILE *f)
{
	nd_err err;
	int rc;

	nd_buf_clear(&in->doc);
	rc = nd_gunzip(&in->doc, &err, head, hn, f, gzip_max(in));
	if (rc == ND_ENOMEM)
		return rc;
	if (rc)
		return nd_intake_reject(in, name, rc, "%s", err.msg);
	return take_inflated(in, name, format);
}

/* Reads a text or HTML input into in->doc: head[0..hn), then the rest of
 * f straight into the buffer, in one allocation and one read when size
 * (the whole input's, or -1) is known. Never more than cap + 1 bytes: one
 * past is proof enough. Returns 0, ND_ETOOBIG past the cap, ND_EIO on a
 * read error (errno set), or ND_ENOMEM. */
static int read_rest(nd_intake *in, FILE *f, const char *head, size_t hn,
		     int64_t size)
{
	size_t want = READ_CHUNK;
	int rc;

	if (hn > in->cap)
		return ND_ETOOBIG;
	if (size >= 0 && (uint64_t)size >= hn)
		want = (size_t)size - hn + 1;
	nd_buf_clear(&in->doc);
	rc = nd_buf_reserve(&in->doc, hn + (want < in->cap - hn
						    ? want : in->cap - hn));
	if (rc == ND_OK)
		rc = nd_buf_put(&in->doc, head, hn);
	if (rc)
		return rc;
	for (;;) {
		size_t room = in->cap - in->doc.len, got;
		char probe;

		if (room == 0) {
			if (fread(&probe, 1, 1, f) == 1)
				return ND_ETOOBIG;
			break;
		}
		if (want > room)
			want = room;
		rc = nd_buf_reserve(&in->doc, want);
		if (rc)
			return rc;
		got = fread(in->doc.ptr + in->doc.len, 1, want, f);
		nd_buf_commit(&in->doc, got);
		if (got < want)
			break;
		want = READ_CHUNK;
	}
	return ferror(f) ? ND_EIO : ND_OK;
}

int nd_reader_stream(nd_intake *in, FILE *f, const char *name,
		     nd_format format, int64_t size)
{
	char head[ND_SNIFF_BYTES];
	size_t hn;
	int rc;

	/* The first bytes are read whatever the name says: a gzip input
	 * goes by its magic, not by its name. */
	hn = fread(head, 1, sizeof(head), f);
	if (hn < sizeof(head) && ferror(f))
		return cannot_read(in, name);
	if (nd_gunzip_magic(head, hn)) {
		if (size >= 0 && (uint64_t)size > gzip_max(in))
			return nd_intake_reject(in, name, ND_ETOOBIG,
						"file is %jd bytes, over the "
						"%zu-byte limit for gzip data",
						(intmax_t)size, gzip_max(in));
		return read_gzip(in, name, format, head, hn, f);
	}
	if (format == ND_FORMAT_AUTO)
		format = nd_sniff_name(name);
	if (format == ND_FORMAT_AUTO)
		format = nd_sniff_content(head, hn);
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
	rc = read_rest(in, f, head, hn, size);
	if (rc == ND_ETOOBIG)
		return over_cap(in, name, size);
	if (rc == ND_EIO)
		return cannot_read(in, name);
	if (rc)
		return rc;
	return nd_document_take(in, name, format == ND_FORMAT_HTML);
}

int nd_reader_memory(nd_intake *in, const char *name, const char *data,
		     size_t len, nd_format format)
{
	int rc;

	if (nd_gunzip_magic(data, len))
		return read_gzip(in, name, format, data, len, NULL);
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
