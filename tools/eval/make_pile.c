/* make_pile: a labelled pile of articles for make eval-cluster, in a
 * shuffled order that a seed fixes.
 *
 *   make_pile SEED DATA
 *   make_pile SEED --lines FILE
 *
 * The first form reads every DATA/CLUSTER/docs/NAME.txt (the layout of the
 * DUC collections in shared/data/summ) and prints one JSON object a line,
 * {"id": ..., "cluster": ..., "text": ...}, the shape of
 * shared/data/cluster/duc2006-pile: the articles of all clusters in one
 * shuffled order, numbered in that order ("e0001", ...) so that an id
 * tells nothing of its story, with no date, so that only the text speaks.
 * The second prints the non-empty lines of FILE (a pile) in a shuffled
 * order, for runs that test how much the order matters. The same seed
 * gives the same bytes on every machine. Exit status 0, or 2 on a usage
 * error or a file that cannot be read. */
#include <inttypes.h> /* SCNu64 */
#include <stdint.h>   /* uint64_t */
#include <stdio.h>    /* fwrite, fprintf, snprintf, sscanf */
#include <string.h>   /* memchr, strcmp */

#include "core/alloc.h"
#include "core/arena.h"
#include "core/buf.h"
#include "core/error.h"
#include "core/hash.h"
#include "eval_input.h"
#include "render/json_writer.h"

/* Longest path built. */
#define PATH_MAX_BYTES 4096

/* One line to print, or one article with its cluster. */
typedef struct item {
	const char *cluster; /* NULL for a line of FILE */
	const char *text;
	size_t len;
} item;

typedef struct pile {
	nd_arena *arena; /* the texts */
	item *v;
	size_t n, cap;
} pile;

/* The k-th number of the stream seed fixes (splitmix64). */
static uint64_t draw(uint64_t seed, uint64_t k)
{
	return nd_mix64(seed + (k + 1) * 0x9e3779b97f4a7c15ULL);
}

/* Fisher-Yates over p->v. A draw is taken again while it falls in the
 * short last stretch of 2^64 that would favour small remainders. */
static void shuffle(pile *p, uint64_t seed)
{
	uint64_t k = 0;
	size_t i;

	for (i = p->n; i > 1; i--) {
		uint64_t limit = UINT64_MAX - UINT64_MAX % i, r;
		item t;

		do
			r = draw(seed, k++);
		while (r >= limit);
		t = p->v[i - 1];
		p->v[i - 1] = p->v[r % i];
		p->v[r % i] = t;
	}
}

static int add(pile *p, const char *cluster, const char *text, size_t len)
{
	item it = { cluster, NULL, len };

	it.text = nd_arena_strndup(p->arena, text, len);
	if (it.text == NULL)
		return ND_ENOMEM;
	return ND_ARRAY_PUSH(p->v, p->n, p->cap, it);
}

/* Adds the articles DATA/cluster/docs/NAME.txt. */
static int add_cluster(pile *p, nd_buf *file, nd_err *err, const char *data,
		       const char *cluster)
{
	nd_eval_names docs = { NULL, 0, 0 };
	char path[PATH_MAX_BYTES];
	const char *name;
	size_t i;
	int rc;

	snprintf(path, sizeof(path), "%s/%s/docs", data, cluster);
	rc = nd_eval_list_dir(&docs, path, ".txt");
	if (rc != ND_OK) {
		nd_err_set(err, rc, "%s: %s", path, nd_strerror(rc));
		goto done;
	}
	name = nd_arena_strdup(p->arena, cluster);
	if (name == NULL) {
		rc = nd_err_set(err, ND_ENOMEM, "out of memory");
		goto done;
	}
	for (i = 0; i < docs.n && rc == ND_OK; i++) {
		if ((size_t)snprintf(path, sizeof(path), "%s/%s/docs/%s", data,
				     cluster, docs.v[i]) >= sizeof(path)) {
			rc = nd_err_set(err, ND_ETOOBIG, "%s/%s: path too "
					"long", data, cluster);
			break;
		}
		rc = nd_eval_read_file(file, err, path);
		if (rc == ND_OK && add(p, name, file->ptr ? file->ptr : "",
				       file->len) != ND_OK)
			rc = nd_err_set(err, ND_ENOMEM, "out of memory");
	}
done:
	nd_eval_names_dispose(&docs);
	return rc;
}

/* Reads the articles of every cluster of data into p. */
static int read_docs(pile *p, nd_err *err, const char *data)
{
	nd_eval_names clusters = { NULL, 0, 0 };
	nd_buf file = ND_BUF_INIT(ND_EVAL_FILE_MAX);
	size_t i;
	int rc = nd_eval_list_clusters(&clusters, data, "docs");

	if (rc != ND_OK)
		nd_err_set(err, rc, "%s: %s", data, nd_strerror(rc));
	else if (clusters.n == 0)
		rc = nd_err_set(err, ND_ENOTFOUND, "%s: no CLUSTER/docs/ "
				"folder", data);
	for (i = 0; i < clusters.n && rc == ND_OK; i++)
		rc = add_cluster(p, &file, err, data, clusters.v[i]);
	nd_eval_names_dispose(&clusters);
	nd_buf_dispose(&file);
	return rc;
}

/* Reads the non-empty lines of path into p. */
static int read_lines(pile *p, nd_err *err, const char *path)
{
	nd_buf file = ND_BUF_INIT(ND_EVAL_FILE_MAX);
	const char *s, *end;
	int rc = nd_eval_read_file(&file, err, path);

	s = file.ptr ? file.ptr : "";
	end = s + file.len;
	while (rc == ND_OK && s < end) {
		const char *nl = memchr(s, '\n', (size_t)(end - s));
		const char *stop = nl ? nl : end;
		size_t len = (size_t)(stop - s);

		if (len > 0 && s[len - 1] == '\r')
			len--;
		if (len > 0 && add(p, NULL, s, len) != ND_OK)
			rc = nd_err_set(err, ND_ENOMEM, "out of memory");
		s = nl ? nl + 1 : end;
	}
	nd_buf_dispose(&file);
	return rc;
}

static int to_stdout(void *ctx, const char *data, size_t len)
{
	(void)ctx;
	return fwrite(data, 1, len, stdout) == len ? 0 : -1;
}

/* Prints p, renumbering articles by their place. */
static int print_pile(const pile *p)
{
	nd_out o;
	size_t i;

	nd_out_init(&o, to_stdout, NULL);
	for (i = 0; i < p->n; i++) {
		const item *it = &p->v[i];

		if (it->cluster == NULL) {
			nd_out_put(&o, it->text, it->len);
			nd_out_put(&o, "\n", 1);
			continue;
		}
		nd_out_printf(&o, "{\"id\": \"e%04zu\", \"cluster\": ", i + 1);
		nd_json_escape(&o, it->cluster, strlen(it->cluster));
		nd_out_puts(&o, ", \"text\": ");
		nd_json_escape(&o, it->text, it->len);
		nd_out_puts(&o, "}\n");
	}
	if (fflush(stdout) != 0)
		return ND_EIO;
	return nd_out_status(&o);
}

int main(int argc, char **argv)
{
	pile p = { NULL, NULL, 0, 0 };
	nd_err err = { 0, "" };
	uint64_t seed;
	char extra;
	int rc;

	if ((argc != 3 && (argc != 4 || strcmp(argv[2], "--lines") != 0)) ||
	    sscanf(argv[1], "%" SCNu64 "%c", &seed, &extra) != 1) {
		fprintf(stderr, "usage: make_pile SEED DATA\n"
				"       make_pile SEED --lines FILE\n");
		return 2;
	}
	if (nd_arena_create(&p.arena) != ND_OK) {
		fprintf(stderr, "make_pile: out of memory\n");
		return 2;
	}
	rc = argc == 4 ? read_lines(&p, &err, argv[3])
		       : read_docs(&p, &err, argv[2]);
	if (rc == ND_OK) {
		shuffle(&p, seed);
		if ((rc = print_pile(&p)) != ND_OK)
			nd_err_set(&err, rc, "writing: %s", nd_strerror(rc));
	}
	if (rc != ND_OK)
		fprintf(stderr, "make_pile: %s\n", err.msg);
	nd_free(p.v);
	nd_arena_free(p.arena);
	return rc == ND_OK ? 0 : 2;
}
