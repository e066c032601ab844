/* "newsdigest index": the copy index kept in a file across runs. Articles
 * are read and cleaned by a batch, then added one by one; each is keyed
 * by a hash of its id and keeps the id as its name. */
#include "cli/cli.h"

#include <errno.h>  /* errno */
#include <stdlib.h> /* calloc, free, strtod, strtoull */
#include <string.h> /* strcmp */
#include <time.h>   /* time, timegm */
#include <unistd.h> /* access */

typedef struct index_args {
	const char *sub;   /* add, remove, expire or stats */
	const char *db;
	double threshold;  /* 0: the index's own */
	size_t max_live;   /* 0: the index's own */
	const char *before;
	long long keep_days; /* -1: not given */
	char **rest;       /* paths or ids */
	int n_rest;
} index_args;

/* The key of an article id: 64-bit FNV-1a, fixed so files stay valid. */
static unsigned long long id_key(const char *id)
{
	unsigned long long h = 0xcbf29ce484222325ULL;

	for (; *id; id++)
		h = (h ^ (unsigned char)*id) * 0x100000001b3ULL;
	return h;
}

/* The value of option argv[*i] (moved past), or NULL after an error. */
static const char *value(const cli_command *cmd, int argc, char **argv,
			 int *i)
{
	if (*i + 1 >= argc) {
		cli_usage_error(cmd, "option needs a value:", argv[*i], NULL);
		return NULL;
	}
	return argv[++*i];
}

static int parse_number(const cli_command *cmd, const char *opt,
			const char *v, double lo, double hi, double *out)
{
	char *end;

	errno = 0;
	*out = strtod(v, &end);
	if (errno || end == v || *end || !(*out >= lo && *out <= hi))
		return cli_usage_error(cmd, "bad value for", opt, v);
	return 0;
}

/* Options anywhere; the rest (paths or ids) kept in order. */
static int parse(index_args *a, const cli_command *cmd, int argc,
		 char **argv, int *help)
{
	int i;
	double d;

	memset(a, 0, sizeof(*a));
	a->keep_days = -1;
	*help = 0;
	if (argc < 2)
		return cli_usage_error(cmd, "needs a subcommand:",
				       NULL, "add, remove, expire or stats");
	a->sub = argv[1];
	a->rest = argv + 2;
	if (strcmp(a->sub, "-h") == 0 || strcmp(a->sub, "--help") == 0) {
		*help = 1;
		return 0;
	}
	for (i = 2; i < argc; i++) {
		const char *o = argv[i], *v = NULL;

		if (strcmp(o, "-h") == 0 || strcmp(o, "--help") == 0) {
			*help = 1;
			return 0;
		}
		if (o[0] != '-' || strcmp(o, "-") == 0) {
			a->rest[a->n_rest++] = argv[i];
			continue;
		}
		if (strcmp(o, "--") == 0) {
			while (++i < argc)
				a->rest[a->n_rest++] = argv[i];
			break;
		}
		if ((v = value(cmd, argc, argv, &i)) == NULL)
			return CLI_FAIL;
		if (strcmp(o, "--db") == 0)
			a->db = v;
		else if (strcmp(o, "--before") == 0)
			a->before = v;
		else if (strcmp(o, "--threshold") == 0) {
			if (parse_number(cmd, o, v, 0.01, 1, &a->threshold))
				return CLI_FAIL;
		} else if (strcmp(o, "--max") == 0) {
			if (parse_number(cmd, o, v, 1, 1e9, &d))
				return CLI_FAIL;
			a->max_live = (size_t)d;
		} else if (strcmp(o, "--keep-days") == 0) {
			if (parse_number(cmd, o, v, 0, 1e6, &d))
				return CLI_FAIL;
			a->keep_days = (long long)d;
		} else {
			return cli_usage_error(cmd, "unknown option", o, NULL);
		}
	}
	if (a->db == NULL)
		return cli_usage_error(cmd, "needs --db FILE", NULL, NULL);
	return 0;
}

/* The index in a->db, or a new one when the file does not exist. */
static nd_copyindex *open_index(const index_args *a, int create)
{
	nd_copyindex_options o = ND_COPYINDEX_OPTIONS_INIT;
	nd_copyindex *ix = NULL;
	char err[320];
	int rc;

	o.threshold = a->threshold;
	o.max_live = a->max_live;
	o.keep_names = 1;
	rc = nd_copyindex_load(&ix, err, sizeof(err), a->db, &o);
	if (rc == ND_EIO && create && access(a->db, F_OK) != 0 &&
	    errno == ENOENT)
		rc = nd_copyindex_create(&ix, &o);
	else if (rc != ND_OK) {
		fputs("newsdigest: index: ", stderr);
		cli_put_escaped(stderr, err);
		fputc('\n', stderr);
		return NULL;
	}
	if (rc != ND_OK)
		cli_error("index: cannot create an index: %s", nd_strerror(rc));
	return rc == ND_OK ? ix : NULL;
}

static int save(nd_copyindex *ix, const index_args *a)
{
	if (nd_copyindex_save(ix, a->db) == ND_OK)
		return CLI_OK;
	fputs("newsdigest: index: ", stderr);
	cli_put_escaped(stderr, nd_copyindex_error(ix));
	fputc('\n', stderr);
	return CLI_FAIL;
}

static void print_match(const char *id, const nd_copy_match *m)
{
	cli_put_escaped(stdout, id);
	putchar('\t');
	cli_put_escaped(stdout, m->name);
	printf("\tnear-duplicate\t%.3f\n", m->jaccard);
}

/* Adds one article, printing what it copies. */
static int add_article(const nd_article_info *info, void *ctx)
{
	nd_copyindex *ix = ctx;
	const nd_copy_match *m;
	nd_copy_article a;
	size_t k, n;
	int rc;

	a.id = id_key(info->id);
	a.name = info->id;
	a.published = info->published_at != ND_NO_TIME
			      ? info->published_at
			      : (long long)time(NULL);
	a.text = info->text;
	a.len = info->text_len;
	rc = nd_copyindex_add(&m, &n, ix, &a);
	if (rc != ND_OK) {
		cli_error("index: %s", nd_strerror(rc));
		return CLI_FAIL;
	}
	for (k = 0; k < n; k++)
		print_match(info->id, &m[k]);
	return CLI_OK;
}

static int index_add(const index_args *a)
{
	nd_copyindex *ix = open_index(a, 1);
	int i, one, status = CLI_OK;

	if (ix == NULL)
		return CLI_FAIL;
	for (i = 0; i < (a->n_rest ? a->n_rest : 1); i++) {
		/* Articles one at a time: memory follows the index,
		 * not the inputs. */
		one = cli_each_article(a->n_rest ? a->rest[i] : "-", "index",
				       add_article, ix);
		if (one == CLI_FAIL)
			goto fail;
		if (one == CLI_REJECTED)
			status = CLI_REJECTED;
	}
	if (cli_flush_stdout() != CLI_OK || save(ix, a) != CLI_OK)
		goto fail;
	nd_copyindex_free(ix);
	return status;
fail:
	nd_copyindex_free(ix);
	return CLI_FAIL;
}

/* Removes the articles named; a name not in the index is an error line
 * and exit status 1, the others are still removed. */
static int index_remove(const cli_command *cmd, const index_args *a)
{
	nd_copyindex *ix = NULL;
	unsigned long long *keys = NULL;
	unsigned char *found = NULL;
	int i, status = CLI_FAIL;

	if (a->n_rest == 0)
		return cli_usage_error(cmd, "remove needs article ids", NULL,
				       NULL);
	keys = calloc((size_t)a->n_rest, sizeof(*keys));
	found = calloc((size_t)a->n_rest, 1);
	if (keys == NULL || found == NULL) {
		cli_error("index: out of memory");
		goto done;
	}
	if ((ix = open_index(a, 0)) == NULL)
		goto done;
	for (i = 0; i < a->n_rest; i++)
		keys[i] = id_key(a->rest[i]);
	/* One pass over the index for all the ids. */
	if (nd_copyindex_remove(NULL, found, ix, keys, (size_t)a->n_rest) !=
	    ND_OK) {
		cli_error("index: out of memory");
		goto done;
	}
	status = CLI_OK;
	for (i = 0; i < a->n_rest; i++) {
		if (found[i])
			continue;
		fputs("newsdigest: index: no article '", stderr);
		cli_put_escaped(stderr, a->rest[i]);
		fputs("' in the index\n", stderr);
		status = CLI_REJECTED;
	}
	if (save(ix, a) != CLI_OK)
		status = CLI_FAIL;
done:
	nd_copyindex_free(ix);
	free(keys);
	free(found);
	return status;
}

static int index_expire(const cli_command *cmd, const index_args *a)
{
	nd_copyindex *ix;
	long long before;
	size_t n;
	int status = CLI_OK;

	if ((a->before == NULL) == (a->keep_days < 0))
		return cli_usage_error(cmd, "expire needs one of --before DATE"
				       " and --keep-days N", NULL, NULL);
	if (a->before && cli_parse_date(&before, a->before) != 0)
		return cli_usage_error(cmd, "bad date (want YYYY-MM-DD)",
				       a->before, NULL);
	if (a->before == NULL)
		before = (long long)time(NULL) - a->keep_days * 86400;
	if ((ix = open_index(a, 0)) == NULL)
		return CLI_FAIL;
	if (nd_copyindex_expire(&n, ix, before) != ND_OK)
		status = CLI_FAIL;
	else
		printf("expired\t%zu\n", n);
	if (status == CLI_OK &&
	    (cli_flush_stdout() != CLI_OK || save(ix, a) != CLI_OK))
		status = CLI_FAIL;
	nd_copyindex_free(ix);
	return status;
}

static int index_stats(const index_args *a)
{
	nd_copyindex *ix = open_index(a, 0);
	nd_copyindex_stats st;

	if (ix == NULL)
		return CLI_FAIL;
	nd_copyindex_stats_get(&st, ix);
	printf("articles\t%zu\n", st.live);
	printf("threshold\t%.3f\n", st.threshold);
	printf("max\t%zu\n", st.max_live);
	printf("index_bytes\t%zu\n", st.index_bytes);
	printf("name_bytes\t%zu\n", st.name_bytes);
	nd_copyindex_free(ix);
	return cli_flush_stdout();
}

int cli_index(const cli_command *cmd, int argc, char **argv)
{
	index_args a;
	int help;

	if (parse(&a, cmd, argc, argv, &help))
		return CLI_FAIL;
	if (help) {
		cli_usage_command(stdout, cmd);
		return cli_flush_stdout();
	}
	if (strcmp(a.sub, "add") == 0)
		return index_add(&a);
	if (a.threshold != 0 || a.max_live != 0)
		return cli_usage_error(cmd, "--threshold and --max go with",
				       "add", NULL);
	if (strcmp(a.sub, "remove") == 0)
		return index_remove(cmd, &a);
	if (strcmp(a.sub, "expire") == 0)
		return index_expire(cmd, &a);
	if (strcmp(a.sub, "stats") == 0)
		return index_stats(&a);
	return cli_usage_error(cmd, "unknown subcommand", a.sub,
			       "(add, remove, expire or stats)");
}
