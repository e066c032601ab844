#include "ingest/walk.h"

#include <dirent.h>   /* opendir, readdir */
#include <errno.h>    /* errno */
#include <fcntl.h>    /* open, O_* */
#include <stdbool.h>  /* bool */
#include <stdlib.h>   /* qsort */
#include <string.h>   /* strcmp, strerror, strlen */
#include <sys/stat.h> /* stat, lstat, fstat */
#include <unistd.h>   /* close */

#include "core/alloc.h"
#include "core/error.h"
#include "ingest/reader.h"
#include "ingest/sniff.h"

/* A folder being walked, linked to the ones above it, so that a folder
 * reached again (through a bind mount, say) is not walked forever. */
typedef struct frame {
	dev_t dev;
	ino_t ino;
	unsigned depth;
	const struct frame *up;
} frame;

/* Bytes of a file read at a time through stdio: its usual buffer. */
#define READ_BUFFER 4096

static int cannot_open(nd_intake *in, const char *path, int err)
{
	return nd_intake_reject(in, path, ND_EIO, "cannot open: %s",
				strerror(err));
}

/* Reads one file. In a folder walk only regular files are read (a FIFO
 * could block the walk forever), and opening does not wait for one. */
static int read_file(nd_intake *in, const char *path, bool in_folder)
{
	char buf[READ_BUFFER];
	struct stat st;
	FILE *f = NULL;
	int fd = -1;
	int rc = ND_OK;

	fd = open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY |
				(in_folder ? O_NONBLOCK : 0));
	if (fd < 0) {
		rc = cannot_open(in, path, errno);
		goto done;
	}
	if (fstat(fd, &st) != 0) {
		rc = cannot_open(in, path, errno);
		goto done;
	}
	if (S_ISDIR(st.st_mode)) {
		rc = cannot_open(in, path, EISDIR);
		goto done;
	}
	if (in_folder && !S_ISREG(st.st_mode))
		goto done;
	f = fdopen(fd, "rb");
	if (f == NULL) {
		rc = cannot_open(in, path, errno);
		goto done;
	}
	fd = -1; /* f owns it now */
	/* A buffer of our own: stdio would ask the file system for the
	 * size its own should have, a call per file. */
	setvbuf(f, buf, _IOFBF, sizeof(buf));
	rc = nd_reader_stream(in, f, path, ND_FORMAT_AUTO,
			      S_ISREG(st.st_mode) ? (int64_t)st.st_size : -1);
done:
	if (f != NULL)
		fclose(f);
	if (fd >= 0)
		close(fd);
	return rc;
}

/* A name in a folder, with its type as the folder gives it (DT_*,
 * DT_UNKNOWN where the file system does not say). */
typedef struct entry {
	char *name;
	unsigned char type;
} entry;

static int by_name(const void *a, const void *b)
{
	/* strcmp compares as unsigned char: byte order. */
	return strcmp(((const entry *)a)->name, ((const entry *)b)->name);
}

/* Collects the names in the folder that are not dot-files, sorted. The
 * folder is closed before anything in it is read, so a deep tree holds no
 * more than one descriptor open. */
static int list_folder(entry **out, size_t *count, dev_t *dev, ino_t *ino,
		       nd_intake *in, const char *path)
{
	struct stat st;
	struct dirent *e;
	DIR *d = NULL;
	entry *names = NULL;
	size_t n = 0, cap = 0, i;
	int rc = ND_OK;

	*out = NULL;
	*count = 0;
	d = opendir(path);
	if (d == NULL) {
		rc = cannot_open(in, path, errno);
		goto done;
	}
	if (fstat(dirfd(d), &st) != 0) {
		rc = cannot_open(in, path, errno);
		goto done;
	}
	*dev = st.st_dev;
	*ino = st.st_ino;
	for (;;) {
		entry name;

		errno = 0;
		e = readdir(d);
		if (e == NULL) {
			if (errno != 0)
				rc = nd_intake_reject(in, path, ND_EIO,
						      "cannot read folder: %s",
						      strerror(errno));
			break;
		}
		if (e->d_name[0] == '.')
			continue;
		name.name = nd_strndup(e->d_name, strlen(e->d_name));
		name.type = e->d_type;
		if (name.name == NULL || ND_ARRAY_PUSH(names, n, cap, name)) {
			nd_free(name.name);
			rc = ND_ENOMEM;
			goto done;
		}
	}
	if (n > 1)
		qsort(names, n, sizeof(*names), by_name);
	*out = names;
	*count = n;
	names = NULL;
	n = 0;
done:
	for (i = 0; i < n; i++)
		nd_free(names[i].name);
	nd_free(names);
	if (d != NULL)
		closedir(d);
	return rc;
}

static int walk_folder(nd_intake *in, const char *path, const frame *up);

/* One entry of a folder, of type type (DT_*): a folder to walk, a file to
 * read, or neither. The folder's word for a regular file or a folder is
 * taken: asking the file system again by path cost more than reading a
 * news article. */
static int walk_entry(nd_intake *in, const char *path, const char *name,
		      unsigned char type, const frame *here)
{
	struct stat st;

	if (type == DT_REG)
		return nd_sniff_wanted(name) ? read_file(in, path, true) : ND_OK;
	if (type == DT_DIR)
		return walk_folder(in, path, here);
	if (lstat(path, &st) != 0) {
		if (!nd_sniff_wanted(name))
			return ND_OK;
		return cannot_open(in, path, errno);
	}
	if (S_ISDIR(st.st_mode))
		return walk_folder(in, path, here);
	if (S_ISLNK(st.st_mode)) {
		/* Symlinked files are read; symlinked folders are not
		 * followed, which is what keeps the walk free of loops. */
		if (stat(path, &st) != 0) {
			if (!nd_sniff_wanted(name))
				return ND_OK;
			return cannot_open(in, path, errno);
		}
		if (S_ISDIR(st.st_mode))
			return ND_OK;
	}
	if (!S_ISREG(st.st_mode) || !nd_sniff_wanted(name))
		return ND_OK;
	return read_file(in, path, true);
}

static int walk_folder(nd_intake *in, const char *path, const frame *up)
{
	frame here = { 0, 0, up ? up->depth + 1 : 0, up };
	const frame *f;
	entry *names = NULL;
	size_t n = 0, i, plen = strlen(path);
	nd_buf child = ND_BUF_INIT(ND_INGEST_PATH_MAX - 1);
	int rc = ND_OK;

	if (here.depth > ND_WALK_MAX_DEPTH) {
		rc = nd_intake_reject(in, path, ND_EIO,
				      "folders nested over %d levels deep",
				      ND_WALK_MAX_DEPTH);
		goto done;
	}
	rc = list_folder(&names, &n, &here.dev, &here.ino, in, path);
	if (rc || names == NULL)
		goto done;
	for (f = up; f != NULL; f = f->up)
		if (f->dev == here.dev && f->ino == here.ino)
			goto done;
	for (i = 0; i < n; i++) {
		nd_buf_clear(&child);
		rc = nd_buf_put(&child, path, plen);
		if (rc == ND_OK && (plen == 0 || path[plen - 1] != '/'))
			rc = nd_buf_putc(&child, '/');
		if (rc == ND_OK)
			rc = nd_buf_puts(&child, names[i].name);
		if (rc == ND_ETOOBIG) {
			/* Report the name that did not fit, in full. */
			nd_buf_clear(&child);
			child.max = (size_t)-1;
			rc = nd_buf_printf(&child, "%s/%s", path,
					   names[i].name);
			if (rc == ND_OK)
				rc = cannot_open(in, child.ptr, ENAMETOOLONG);
			child.max = ND_INGEST_PATH_MAX - 1;
		} else if (rc == ND_OK) {
			rc = walk_entry(in, child.ptr, names[i].name,
					names[i].type, &here);
		}
		if (rc)
			goto done;
	}
done:
	for (i = 0; i < n; i++)
		nd_free(names[i].name);
	nd_free(names);
	nd_buf_dispose(&child);
	return rc;
}

int nd_walk_path(nd_intake *in, const char *path)
{
	struct stat st;

	if (strcmp(path, "-") == 0)
		return nd_reader_stream(in, stdin, "stdin", ND_FORMAT_AUTO, -1);
	if (stat(path, &st) != 0)
		return cannot_open(in, path, errno);
	if (S_ISDIR(st.st_mode))
		return walk_folder(in, path, NULL);
	return read_file(in, path, false);
}
