#include "ingest/gunzip.h"

#include <errno.h>  /* errno */
#include <string.h> /* memset, strerror */
#include <zlib.h>   /* inflate */

#include "core/alloc.h"

/* Compressed bytes handed to zlib at a time, and inflated bytes taken. */
#define CHUNK 16384

/* Where the compressed bytes come from: the head first, then the stream. */
typedef struct source {
	const char *head;
	size_t hn;
	FILE *f;
	size_t read; /* compressed bytes handed to zlib so far */
	size_t max;
	char buf[CHUNK];
} source;

/* zlib allocates through the library's choke point, so that the
 * allocation-failure tests reach it too. */
static voidpf z_alloc(voidpf opaque, uInt items, uInt size)
{
	(void)opaque;
	return nd_calloc(items, size);
}

static void z_free(voidpf opaque, voidpf p)
{
	(void)opaque;
	nd_free(p);
}

bool nd_gunzip_magic(const char *p, size_t n)
{
	return n >= 2 && (unsigned char)p[0] == 0x1f &&
	       (unsigned char)p[1] == 0x8b;
}

/* Gives zlib the next compressed bytes; avail_in stays 0 at the end. */
static int refill(z_stream *z, source *s, nd_err *err)
{
	size_t n = 0;

	if (s->hn > 0) {
		n = s->hn < CHUNK ? s->hn : CHUNK;
		z->next_in = (Bytef *)s->head;
		s->head += n;
		s->hn -= n;
	} else if (s->f != NULL) {
		n = fread(s->buf, 1, CHUNK, s->f);
		if (n == 0 && ferror(s->f))
			return nd_err_set(err, ND_EIO, "cannot read: %s",
					  strerror(errno));
		z->next_in = (Bytef *)s->buf;
	}
	z->avail_in = (uInt)n;
	s->read += n;
	if (s->read > s->max)
		return nd_err_set(err, ND_ETOOBIG,
				  "compressed data is over the %zu-byte limit",
				  s->max);
	return ND_OK;
}

/* One call of inflate; what it produced goes to out. *zr is zlib's
 * verdict, Z_STREAM_END at the end of a member. */
static int step(nd_buf *out, nd_err *err, z_stream *z, int *zr)
{
	char buf[CHUNK];
	int rc;

	z->next_out = (Bytef *)buf;
	z->avail_out = CHUNK;
	*zr = inflate(z, Z_NO_FLUSH);
	if (*zr == Z_MEM_ERROR)
		return ND_ENOMEM;
	if (*zr == Z_DATA_ERROR || *zr == Z_NEED_DICT || *zr == Z_STREAM_ERROR)
		return nd_err_set(err, ND_EFORMAT, "corrupt gzip data: %s",
				  z->msg ? z->msg : "invalid data");
	rc = nd_buf_put(out, buf, CHUNK - z->avail_out);
	if (rc == ND_ETOOBIG)
		return nd_err_set(err, rc,
				  "inflated data is over the %zu-byte limit",
				  out->max);
	return rc;
}

int nd_gunzip(nd_buf *out, nd_err *err, const char *head, size_t hn,
	      FILE *f, size_t in_max)
{
	z_stream z;
	source *s = NULL;
	int zr = Z_OK, rc = ND_OK;
	bool pending = false; /* zlib holds output it had no room for */

	memset(&z, 0, sizeof(z));
	z.zalloc = z_alloc;
	z.zfree = z_free;
	s = nd_calloc(1, sizeof(*s));
	if (s == NULL)
		return ND_ENOMEM;
	s->head = head;
	s->hn = hn;
	s->f = f;
	s->max = in_max;
	/* 16 + window bits: a gzip wrapper, header and CRC checked. */
	if (inflateInit2(&z, 16 + MAX_WBITS) != Z_OK) {
		nd_free(s);
		return ND_ENOMEM;
	}
	for (;;) {
		if (z.avail_in == 0 && !pending) {
			rc = refill(&z, s, err);
			if (rc || z.avail_in == 0)
				break;
		}
		/* More bytes after a member: the next member. */
		if (zr == Z_STREAM_END && inflateReset(&z) != Z_OK) {
			rc = ND_ENOMEM;
			break;
		}
		rc = step(out, err, &z, &zr);
		if (rc)
			break;
		pending = zr != Z_STREAM_END && z.avail_out == 0;
	}
	if (rc == ND_OK && zr != Z_STREAM_END)
		rc = nd_err_set(err, ND_EFORMAT, "truncated gzip data");
	inflateEnd(&z);
	nd_free(s);
	return rc;
}
