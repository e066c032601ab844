/* The copy index's file: save and load.
 *
 * Layout, little-endian: "NDCOPYIX", u32 format version, u32 flags (1:
 * names), u32 threshold in millionths, u32 0, u64 max_live, u64 articles,
 * u64 name bytes; per band u32 level, u32 split, u64 entries; per article
 * u64 id, i64 time, the packed sketch; the names, each NUL-terminated;
 * per band its entries, u32 bucket, u16 fingerprint, u32 article; last a
 * u64 checksum of all before it, chained over 64 KiB blocks. Dead
 * articles are compacted away before saving, so articles are numbered
 * 0..n-1 in the order they were added. */
#include "dedup/copyindex.h"

#include <errno.h>  /* errno */
#include <stdint.h> /* SIZE_MAX */
#include <stdio.h>  /* FILE, rename */
#include <stdlib.h> /* mkstemp */
#include <string.h> /* memcpy, strerror */
#include <sys/stat.h> /* fchmod, fstat, stat */
#include <unistd.h>   /* close, fsync, unlink */

#include "core/alloc.h"
#include "core/hash.h"

#define MAGIC "NDCOPYIX"
#define FORMAT_VERSION 1
#define FLAG_NAMES 1u
#define BLOCK 65536
#define CHECK_SEED 0x6e64636f7079ULL
#define HEAD_BYTES (8 + 4 * 4 + 3 * 8)
#define BAND_BYTES 16
#define RECORD_BYTES (16 + ND_TEXTSKETCH_BYTES)
#define ENTRY_BYTES 10
/* Files larger than this are not read. */
#define FILE_MAX ((size_t)1 << 36)

typedef struct writer {
	FILE *f;
	unsigned char buf[BLOCK];
	size_t len;
	uint64_t check;
	int failed;
} writer;

static void w_flush(writer *w)
{
	w->check = nd_hash64(w->buf, w->len, w->check);
	if (w->len && fwrite(w->buf, 1, w->len, w->f) != w->len)
		w->failed = 1;
	w->len = 0;
}

static void w_put(writer *w, const void *p, size_t n)
{
	const unsigned char *s = p;

	while (n > 0) {
		size_t k = BLOCK - w->len < n ? BLOCK - w->len : n;

		memcpy(w->buf + w->len, s, k);
		w->len += k;
		s += k;
		n -= k;
		if (w->len == BLOCK)
			w_flush(w);
	}
}

static void w_u16(writer *w, uint16_t v)
{
	unsigned char b[2] = { (unsigned char)v, (unsigned char)(v >> 8) };

	w_put(w, b, 2);
}

static void w_u32(writer *w, uint32_t v)
{
	w_u16(w, (uint16_t)v);
	w_u16(w, (uint16_t)(v >> 16));
}

static void w_u64(writer *w, uint64_t v)
{
	w_u32(w, (uint32_t)v);
	w_u32(w, (uint32_t)(v >> 32));
}

static int w_entry(void *ctx, size_t bucket, uint16_t fp, uint32_t doc)
{
	writer *w = ctx;

	w_u32(w, (uint32_t)bucket);
	w_u16(w, fp);
	w_u32(w, doc);
	return w->failed;
}

static void write_index(writer *w, const nd_copyindex *ix)
{
	size_t i, b;

	w_put(w, MAGIC, 8);
	w_u32(w, FORMAT_VERSION);
	w_u32(w, ix->opts.keep_names ? FLAG_NAMES : 0);
	w_u32(w, (uint32_t)(ix->opts.threshold * 1e6 + 0.5));
	w_u32(w, 0);
	w_u64(w, ix->opts.max_live);
	w_u64(w, ix->n);
	w_u64(w, ix->opts.keep_names ? ix->names_len : 0);
	for (b = 0; b < ND_TEXTSKETCH_BANDS; b++) {
		w_u32(w, ix->band[b].level);
		w_u32(w, (uint32_t)ix->band[b].split);
		w_u64(w, ix->band[b].n_entries);
	}
	for (i = 0; i < ix->n; i++) {
		nd_copyseg *s = nd_copyindex_seg(ix, i);
		size_t j = nd_copyindex_pos(i);

		w_u64(w, s->id[j]);
		w_u64(w, (uint64_t)s->time[j]);
		w_put(w, s->sketch[j], ND_TEXTSKETCH_BYTES);
	}
	if (ix->opts.keep_names)
		w_put(w, ix->names, ix->names_len);
	for (b = 0; b < ND_TEXTSKETCH_BANDS; b++)
		nd_copytable_each(&ix->band[b], w_entry, w);
	w_flush(w);
}

int nd_copyindex_save(nd_copyindex *ix, const char *path)
{
	writer *w;
	char *tmp;
	size_t len, i;
	int fd, rc = ND_OK;
	unsigned char sum[8];
	struct stat st;

	if (ix == NULL || path == NULL)
		return ND_EINVAL;
	nd_err_clear(&ix->err);
	if ((rc = nd_copyindex_compact(ix)) != ND_OK)
		return rc;
	len = strlen(path);
	w = nd_calloc(1, sizeof(*w));
	/* path, then mkstemp's template: ".XXXXXX" and its NUL. */
	tmp = len < SIZE_MAX - 8 ? nd_malloc(len + 8) : NULL;
	if (w == NULL || tmp == NULL) {
		nd_free(w);
		nd_free(tmp);
		return ND_ENOMEM;
	}
	memcpy(tmp, path, len);
	memcpy(tmp + len, ".XXXXXX", 8);
	fd = mkstemp(tmp);
	if (fd < 0 || (w->f = fdopen(fd, "wb")) == NULL) {
		rc = nd_err_set(&ix->err, ND_EIO, "%s: cannot create: %s",
				path, strerror(errno));
		if (fd >= 0) {
			close(fd);
			unlink(tmp);
		}
		goto done;
	}
	/* mkstemp makes the file private; give it the old file's mode. */
	(void)fchmod(fd, stat(path, &st) == 0 ? st.st_mode & 07777 : 0644);
	w->check = CHECK_SEED;
	write_index(w, ix);
	for (i = 0; i < 8; i++)
		sum[i] = (unsigned char)(w->check >> (8 * i));
	/* On disk before the rename, so that a crash leaves the old index
	 * or the new one, never a renamed file still half written. */
	if (fwrite(sum, 1, 8, w->f) != 8 || fflush(w->f) != 0 ||
	    fsync(fd) != 0)
		w->failed = 1;
	if (fclose(w->f) != 0 || w->failed || rename(tmp, path) != 0) {
		rc = nd_err_set(&ix->err, ND_EIO, "%s: cannot write: %s",
				path, strerror(errno));
		unlink(tmp);
	}
done:
	nd_free(tmp);
	nd_free(w);
	return rc;
}

typedef struct reader {
	const unsigned char *p, *end;
	char *err;
	size_t errsize;
} reader;

static uint64_t r_le(reader *r, size_t n)
{
	uint64_t v = 0;
	size_t i;

	for (i = 0; i < n; i++)
		v |= (uint64_t)r->p[i] << (8 * i);
	r->p += n;
	return v;
}

static int bad(reader *r, const char *what)
{
	if (r->err != NULL && r->errsize > 0)
		snprintf(r->err, r->errsize, "not a valid copy index: %s",
			 what);
	return ND_EFORMAT;
}

uint64_t nd_copyfile_checksum(const void *data, size_t len)
{
	const unsigned char *p = data;
	uint64_t check = CHECK_SEED;
	size_t at;

	for (at = 0; at < len; at += BLOCK)
		check = nd_hash64(p + at, len - at < BLOCK ? len - at : BLOCK,
				  check);
	return check;
}

/* Checks size, magic, version and checksum; r then spans the body. */
static int check_frame(reader *r)
{
	size_t len = (size_t)(r->end - r->p);
	uint64_t check, sum;

	if (len < HEAD_BYTES + 8)
		return bad(r, "too short");
	if (memcmp(r->p, MAGIC, 8) != 0)
		return bad(r, "wrong magic bytes");
	r->p += 8;
	if (r_le(r, 4) != FORMAT_VERSION)
		return bad(r, "unknown format version");
	r->p -= 12;
	check = nd_copyfile_checksum(r->p, len - 8);
	r->end -= 8;
	sum = r_le(&(reader){ r->end, r->end + 8, NULL, 0 }, 8);
	if (check != sum)
		return bad(r, "checksum mismatch (truncated or corrupt)");
	r->p += 12;
	return ND_OK;
}

typedef struct head {
	uint32_t flags, threshold;
	uint64_t max_live, n, names;
	uint32_t level[ND_TEXTSKETCH_BANDS], split[ND_TEXTSKETCH_BANDS];
	uint64_t entries[ND_TEXTSKETCH_BANDS];
} head;

/* Reads the rest of the header and checks that the sections it promises
 * fill the body exactly. */
static int read_head(head *h, reader *r)
{
	uint64_t total, part;
	size_t b;

	h->flags = (uint32_t)r_le(r, 4);
	h->threshold = (uint32_t)r_le(r, 4);
	if (r_le(r, 4) != 0 || (h->flags & ~FLAG_NAMES) != 0)
		return bad(r, "unknown flags");
	if (h->threshold == 0 || h->threshold > 1000000)
		return bad(r, "threshold out of range");
	h->max_live = r_le(r, 8);
	h->n = r_le(r, 8);
	h->names = r_le(r, 8);
	if (h->n > (uint64_t)ND_COPYTABLE_MAX_DOC + 1)
		return bad(r, "too many articles");
	if ((size_t)(r->end - r->p) < ND_TEXTSKETCH_BANDS * BAND_BYTES)
		return bad(r, "too short");
	total = h->n * RECORD_BYTES;
	if (h->names > FILE_MAX || (!(h->flags & FLAG_NAMES) && h->names))
		return bad(r, "bad name section size");
	total += h->names;
	for (b = 0; b < ND_TEXTSKETCH_BANDS; b++) {
		h->level[b] = (uint32_t)r_le(r, 4);
		h->split[b] = (uint32_t)r_le(r, 4);
		h->entries[b] = r_le(r, 8);
		if (h->entries[b] > h->n)
			return bad(r, "more band entries than articles");
		part = h->entries[b] * ENTRY_BYTES;
		total += part;
	}
	if (total != (uint64_t)(r->end - r->p))
		return bad(r, "section sizes do not match the file size");
	return ND_OK;
}

/* The records and names; nd_copyindex_append checks nothing that a file
 * could get wrong but the name, checked here. */
static int read_records(nd_copyindex *ix, reader *r, const head *h)
{
	const unsigned char *names = r->p + h->n * RECORD_BYTES;
	const unsigned char *names_end = names + h->names;
	size_t i, slot;
	int rc;

	if ((h->flags & FLAG_NAMES) && h->n > 0 &&
	    (h->names == 0 || names_end[-1] != '\0'))
		return bad(r, "names not terminated");
	for (i = 0; i < h->n; i++) {
		uint64_t id = r_le(r, 8);
		int64_t time = (int64_t)r_le(r, 8);
		const char *name = "";
		size_t name_len = 0;

		if (h->flags & FLAG_NAMES) {
			const unsigned char *z;

			if (names >= names_end)
				return bad(r, "fewer names than articles");
			z = memchr(names, '\0', (size_t)(names_end - names));
			name = (const char *)names;
			name_len = (size_t)(z - names);
			if (name_len > ND_COPYINDEX_NAME_MAX)
				return bad(r, "name too long");
			names = z + 1;
		}
		rc = nd_copyindex_append(&slot, ix, id, time, name, name_len);
		if (rc != ND_OK)
			return rc;
		memcpy(nd_copyindex_sketch(ix, slot), r->p,
		       ND_TEXTSKETCH_BYTES);
		r->p += ND_TEXTSKETCH_BYTES;
	}
	if (names != names_end)
		return bad(r, "more names than articles");
	r->p = names_end;
	return ND_OK;
}

static int read_bands(nd_copyindex *ix, reader *r, const head *h)
{
	size_t b, i;
	uint64_t key;
	int rc;

	/* Entries go in afresh: tables grow to what they hold, whatever
	 * size the file claims. */
	for (b = 0; b < ND_TEXTSKETCH_BANDS; b++) {
		if (nd_copytable_saved_key(&key, h->level[b], h->split[b], 0,
					   0) != ND_OK)
			return bad(r, "impossible band table shape");
		for (i = 0; i < h->entries[b]; i++) {
			size_t bucket = (size_t)r_le(r, 4);
			uint16_t fp = (uint16_t)r_le(r, 2);
			uint32_t doc = (uint32_t)r_le(r, 4);

			if (doc >= h->n)
				return bad(r, "band entry names no article");
			if (nd_copytable_saved_key(&key, h->level[b],
						   h->split[b], bucket,
						   fp) != ND_OK)
				return bad(r, "band entry in the wrong bucket");
			rc = nd_copytable_insert(&ix->band[b], key, doc);
			if (rc != ND_OK)
				return rc;
		}
	}
	return ND_OK;
}

int nd_copyindex_load_memory(nd_copyindex **out, char *err, size_t errsize,
			     const void *data, size_t len,
			     const nd_copyindex_options *opts)
{
	reader r = { data, (const unsigned char *)data + len, err, errsize };
	nd_copyindex_options o = ND_COPYINDEX_OPTIONS_INIT;
	nd_copyindex *ix = NULL;
	head h;
	int rc;

	*out = NULL;
	if (err != NULL && errsize > 0)
		err[0] = '\0';
	if (data == NULL && len != 0)
		return ND_EINVAL;
	if ((rc = check_frame(&r)) != ND_OK ||
	    (rc = read_head(&h, &r)) != ND_OK)
		return rc;
	o.threshold = h.threshold / 1e6;
	o.max_live = (size_t)h.max_live;
	o.keep_names = (h.flags & FLAG_NAMES) != 0;
	if ((rc = nd_copyindex_create(&ix, &o)) != ND_OK)
		goto done;
	if ((rc = nd_copyindex_set_options(ix, opts)) != ND_OK) {
		if (err != NULL && errsize > 0)
			snprintf(err, errsize, "%s", ix->err.msg);
		goto done;
	}
	if ((rc = read_records(ix, &r, &h)) != ND_OK ||
	    (rc = read_bands(ix, &r, &h)) != ND_OK)
		goto done;
	*out = ix;
	ix = NULL;
done:
	if (rc == ND_ENOMEM && err != NULL && errsize > 0)
		snprintf(err, errsize, "out of memory loading a copy index");
	nd_copyindex_free(ix);
	return rc;
}

static int is_directory(FILE *f)
{
	struct stat st;

	return fstat(fileno(f), &st) == 0 && S_ISDIR(st.st_mode);
}

int nd_copyindex_load(nd_copyindex **out, char *err, size_t errsize,
		      const char *path, const nd_copyindex_options *opts)
{
	FILE *f;
	unsigned char *data = NULL;
	long size;
	int rc;

	*out = NULL;
	if (path == NULL)
		return ND_EINVAL;
	f = fopen(path, "rb");
	/* A directory opens, and ftell gives it a size that is no size. */
	if (f != NULL && is_directory(f)) {
		fclose(f);
		f = NULL;
		errno = EISDIR;
	}
	if (f == NULL || fseek(f, 0, SEEK_END) != 0 || (size = ftell(f)) < 0 ||
	    fseek(f, 0, SEEK_SET) != 0) {
		if (err != NULL && errsize > 0)
			snprintf(err, errsize, "%s: cannot read: %s", path,
				 strerror(errno));
		if (f != NULL)
			fclose(f);
		return ND_EIO;
	}
	rc = ND_OK;
	if ((size_t)size > FILE_MAX)
		rc = ND_ETOOBIG;
	else if ((data = nd_malloc(size ? (size_t)size : 1)) == NULL)
		rc = ND_ENOMEM;
	else if (fread(data, 1, (size_t)size, f) != (size_t)size)
		rc = ND_EIO;
	fclose(f);
	if (rc == ND_OK) {
		char why[ND_ERR_MSG_MAX];

		rc = nd_copyindex_load_memory(out, why, sizeof(why), data,
					      (size_t)size, opts);
		if (rc != ND_OK && err != NULL && errsize > 0)
			snprintf(err, errsize, "%s: %s", path, why);
	} else if (err != NULL && errsize > 0) {
		snprintf(err, errsize, "%s: %s", path, nd_strerror(rc));
	}
	nd_free(data);
	return rc;
}
