/* "clean --out DIR": each article to a file of its own in DIR, so that
 * thousands of pages are cleaned in one process and scored file by file. */
#include "cli/cli.h"

#include <errno.h>    /* errno, EEXIST */
#include <stdio.h>    /* fopen, snprintf */
#include <string.h>   /* strerror, strlen */
#include <sys/stat.h> /* mkdir, stat */

/* Longest file path written, NUL included. */
#define PATH_CAP 4096

/* "newsdigest: cannot WHAT 'PATH': REASON", the path escaped. */
static int cannot(const char *what, const char *path, int err)
{
	fprintf(stderr, "newsdigest: cannot %s '", what);
	cli_put_escaped(stderr, path);
	fprintf(stderr, "': %s\n", strerror(err));
	return CLI_FAIL;
}

/* Creates dir and its missing parents, as mkdir -p does. */
static int make_dir(const char *dir)
{
	char path[PATH_CAP];
	struct stat st;
	size_t n = strlen(dir), i;

	if (n >= sizeof(path))
		return cannot("create folder", dir, ENAMETOOLONG);
	memcpy(path, dir, n + 1);
	for (i = 1; i <= n; i++) {
		if (path[i] != '/' && path[i] != '\0')
			continue;
		path[i] = '\0';
		if (mkdir(path, 0777) != 0 && errno != EEXIST)
			return cannot("create folder", path, errno);
		path[i] = dir[i];
	}
	if (stat(dir, &st) != 0)
		return cannot("create folder", dir, errno);
	if (!S_ISDIR(st.st_mode))
		return cannot("create folder", dir, ENOTDIR);
	return CLI_OK;
}

static int write_stream(void *ctx, const char *data, size_t len)
{
	return fwrite(data, 1, len, (FILE *)ctx) != len;
}

/* Writes article i to path. */
static int write_one(const nd_batch *b, nd_render_kind kind, size_t i,
		     const char *path)
{
	FILE *f = fopen(path, "wb");
	int rc, err;

	if (f == NULL)
		return cannot("write", path, errno);
	rc = nd_batch_render_article(b, kind, i, write_stream, f);
	err = errno;
	if (fclose(f) != 0 && rc == ND_OK) {
		rc = ND_EIO;
		err = errno;
	}
	if (rc == ND_EIO)
		return cannot("write", path, err);
	if (rc) {
		cli_error("cannot write an article: %s", nd_strerror(rc));
		return CLI_FAIL;
	}
	return CLI_OK;
}

int cli_write_articles(const nd_batch *b, const cli_args *a)
{
	const char *ext = a->format->kind == ND_RENDER_CLEAN_JSON ? "json"
								  : "txt";
	char stem[CLI_NAME_MAX + 1], path[PATH_CAP];
	cli_names names = { NULL, 0, 0 };
	nd_article_info info;
	const char *name;
	size_t i, n = nd_batch_article_count(b);
	int status = make_dir(a->out_dir);

	for (i = 0; i < n && status == CLI_OK; i++) {
		if (nd_batch_article(&info, b, i) != ND_OK)
			continue;
		cli_name_safe(stem, info.id);
		name = cli_names_claim(&names, stem);
		if (name == NULL) {
			cli_error("out of memory");
			status = CLI_FAIL;
		} else if ((size_t)snprintf(path, sizeof(path), "%s/%s.%s",
					    a->out_dir, name, ext) >=
			   sizeof(path)) {
			status = cannot("write", name, ENAMETOOLONG);
		} else {
			status = write_one(b, a->format->kind, i, path);
		}
	}
	cli_names_dispose(&names);
	return status;
}
