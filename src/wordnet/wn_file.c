#include "wordnet/wn_file.h"

#include <fcntl.h>    /* open */
#include <stdbool.h>  /* bool */
#include <string.h>   /* memchr, memcmp */
#include <sys/mman.h> /* mmap, munmap */
#include <sys/stat.h> /* fstat */
#include <unistd.h>   /* close */

int nd_wn_file_map(nd_wn_file *f, const char *path, nd_err *err)
{
	struct stat st;
	void *p;
	int fd, rc = ND_OK;

	f->data = NULL;
	f->size = 0;
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return nd_err_set(err, ND_EIO, "%s: cannot open", path);
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
		rc = nd_err_set(err, ND_EIO, "%s: not a readable file", path);
		goto done;
	}
	if ((unsigned long long)st.st_size > ND_WN_FILE_MAX) {
		rc = nd_err_set(err, ND_ETOOBIG, "%s: over %zu bytes", path,
				ND_WN_FILE_MAX);
		goto done;
	}
	if (st.st_size == 0) {
		rc = nd_err_set(err, ND_EFORMAT, "%s: empty", path);
		goto done;
	}
	p = mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_PRIVATE, fd, 0);
	if (p == MAP_FAILED) {
		rc = nd_err_set(err, ND_EIO, "%s: cannot map", path);
		goto done;
	}
	f->data = p;
	f->size = (size_t)st.st_size;
	/* Every line then ends in a newline, and a search needs no special
	 * case for the last one. */
	if (f->data[f->size - 1] != '\n') {
		nd_wn_file_unmap(f);
		rc = nd_err_set(err, ND_EFORMAT, "%s: does not end in a "
				"newline", path);
	}
done:
	close(fd);
	return rc;
}

void nd_wn_file_unmap(nd_wn_file *f)
{
	if (f->data)
		munmap((void *)f->data, f->size);
	f->data = NULL;
	f->size = 0;
}

/* The start of the line holding byte at, not before lo; SIZE_MAX when it
 * starts over ND_WN_LINE_MAX bytes back. */
static size_t line_start(const nd_wn_file *f, size_t lo, size_t at)
{
	size_t s = at;

	while (s > lo && f->data[s - 1] != '\n') {
		if (at - s >= ND_WN_LINE_MAX)
			return (size_t)-1;
		s--;
	}
	return s;
}

/* The length of the line at s, newline excluded; SIZE_MAX when overlong.
 * The file ends in a newline, so one is always found. */
static size_t line_length(const nd_wn_file *f, size_t s)
{
	size_t room = f->size - s;
	const char *nl;

	if (room > ND_WN_LINE_MAX)
		room = ND_WN_LINE_MAX;
	nl = memchr(f->data + s, '\n', room);
	return nl ? (size_t)(nl - (f->data + s)) : (size_t)-1;
}

/* <0, 0, >0 as the line's first field sorts before, equal to or after
 * key (whole), or as its first len bytes do (a prefix search). */
static int compare(const char *line, size_t n, const char *key, size_t len,
		   bool whole)
{
	size_t m = n < len ? n : len;
	int c = memcmp(line, key, m);

	if (c != 0)
		return c;
	if (n < len)
		return -1;
	if (!whole || n == len || line[len] == ' ')
		return 0;
	return 1;
}

/* Binary search over line starts: the first line not sorting before key
 * into *line, or ND_ENOTFOUND past the end. */
static int lower_bound(const char **line, size_t *line_len,
		       const nd_wn_file *f, const char *key, size_t len,
		       bool whole)
{
	size_t lo = 0, hi = f->size, s, n;

	while (lo < hi) {
		s = line_start(f, lo, lo + (hi - lo) / 2);
		if (s == (size_t)-1 || (n = line_length(f, s)) == (size_t)-1)
			return ND_EFORMAT;
		if (compare(f->data + s, n, key, len, whole) < 0)
			lo = s + n + 1;
		else
			hi = s;
	}
	if (lo >= f->size)
		return ND_ENOTFOUND;
	n = line_length(f, lo);
	if (n == (size_t)-1)
		return ND_EFORMAT;
	*line = f->data + lo;
	*line_len = n;
	return ND_OK;
}

/* A key holds no space or control byte: those delimit the fields and
 * lines it is compared with. */
static bool key_ok(const char *key, size_t len)
{
	size_t i;

	for (i = 0; i < len; i++)
		if ((unsigned char)key[i] <= ' ')
			return false;
	return len > 0;
}

int nd_wn_file_find(const char **line, size_t *line_len,
		    const nd_wn_file *f, const char *key, size_t len)
{
	int rc;

	if (f->data == NULL || !key_ok(key, len))
		return ND_ENOTFOUND;
	rc = lower_bound(line, line_len, f, key, len, true);
	if (rc == ND_OK && compare(*line, *line_len, key, len, true) != 0)
		rc = ND_ENOTFOUND;
	return rc;
}

int nd_wn_file_first(const char **line, size_t *line_len,
		     const nd_wn_file *f, const char *prefix, size_t len)
{
	int rc;

	if (f->data == NULL || !key_ok(prefix, len))
		return ND_ENOTFOUND;
	rc = lower_bound(line, line_len, f, prefix, len, false);
	if (rc == ND_OK && compare(*line, *line_len, prefix, len, false) != 0)
		rc = ND_ENOTFOUND;
	return rc;
}

int nd_wn_file_next(const char **next, size_t *next_len,
		    const nd_wn_file *f, const char *line, size_t line_len)
{
	size_t s = (size_t)(line - f->data) + line_len + 1, n;

	if (s >= f->size)
		return ND_ENOTFOUND;
	n = line_length(f, s);
	if (n == (size_t)-1)
		return ND_EFORMAT;
	*next = f->data + s;
	*next_len = n;
	return ND_OK;
}
