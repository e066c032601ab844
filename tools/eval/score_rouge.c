/* score_rouge: ROUGE-1, ROUGE-2 and ROUGE-SU4 of summaries, as ROUGE-1.5.5
 * computes them (tools/eval/rouge.h says how).
 *
 *   score_rouge [--words N | --bytes N] [--stem] [--wordnet DIR]
 *               SUMMARY REF...
 *   score_rouge --check DATA [--wordnet DIR]
 *   score_rouge --systems DATA [--words N | --bytes N] [--wordnet DIR]
 *   score_rouge --system-dir NAME DIR DATA [--words N | --bytes N]
 *               [--wordnet DIR]
 *
 * The first form scores one summary against references (files, or folders
 * of *.txt files) and prints "METRIC RECALL PRECISION F" lines. --check
 * recomputes every row of DATA/_rouge_reference.tsv (per-cluster scores by
 * the original ROUGE-1.5.5 of the summaries in DATA/_systems/SYSTEM/
 * CLUSTER.txt against DATA/CLUSTER/refs/, stemming on) and prints how many
 * agree within 0.0005 and the worst deviation; it exits 1 when a row is
 * off. --systems prints each system's mean recall x 100 over the clusters
 * (stemming on), as ROUGE averages them; 100 words unless told.
 * --system-dir scores the summaries DIR/CLUSTER.txt (laid out as one
 * system of DATA/_systems/) against DATA's references the same way and
 * prints one row, NAME then the mean recall, precision and F x 100 of
 * ROUGE-1, ROUGE-2 and ROUGE-SU4, then the number of clusters scored; a
 * cluster without a summary is left out, as ROUGE does.
 *
 * Stemming uses WordNet's exception lists, DIR/{adj,adv,noun,verb}.exc
 * (Debian's wordnet-base installs them in /usr/share/wordnet, the
 * default). Exit status: 0, 1 (--check: rows off), 2 (usage, a file
 * missing or unreadable). */
#include <stdio.h>  /* printf, fprintf, snprintf */
#include <stdlib.h> /* qsort, strtoul, strtod */
#include <string.h> /* strcmp, strlen, strncmp */
#include <sys/stat.h> /* stat */

#include "core/alloc.h"
#include "core/buf.h"
#include "core/error.h"
#include "eval_input.h"
#include "rouge.h"

/* Rows of the reference table this far from ours count as reproduced. */
#define TOLERANCE 0.0005
/* References per summary, at most. */
#define REFS_MAX 16

/* What one run keeps. */
typedef struct run {
	nd_rouge rouge;
	nd_buf file;
	nd_err err;
	nd_rouge_text peer, refs[REFS_MAX];
	nd_rouge_limit limit;
	const char *wordnet;
} run;

static bool is_file(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

/* Reads WordNet's four exception lists from r->wordnet into the
 * stemmer; adv after adj, as ROUGE's database has them ("better" ->
 * "well"). */
static int load_wordnet(run *r)
{
	static const char *const lists[] = { "adj", "adv", "noun", "verb" };
	char path[4096];
	size_t i;
	int rc;

	for (i = 0; i < sizeof(lists) / sizeof(lists[0]); i++) {
		snprintf(path, sizeof(path), "%s/%s.exc", r->wordnet,
			 lists[i]);
		rc = nd_eval_read_file(&r->file, &r->err, path);
		if (rc == ND_ENOTFOUND)
			nd_err_set(&r->err, rc, "no WordNet exception list "
				   "%s (Debian package wordnet-base, or "
				   "--wordnet DIR)", path);
		if (rc)
			return rc;
		if (nd_rouge_add_exceptions(&r->rouge, r->file.ptr,
					    r->file.len))
			return nd_err_set(&r->err, ND_ENOMEM, "out of memory");
	}
	return ND_OK;
}

/* Reads the file at path into t, cut at r->limit. */
static int read_text(run *r, nd_rouge_text *t, const char *path)
{
	int rc = nd_eval_read_file(&r->file, &r->err, path);

	if (rc == ND_ENOTFOUND)
		nd_err_set(&r->err, rc, "no such file: %s", path);
	if (rc)
		return rc;
	rc = nd_rouge_tokenize(&r->rouge, t, r->file.ptr ? r->file.ptr : "",
			       r->file.len, r->limit);
	if (rc)
		nd_err_set(&r->err, rc, "%s: %s", path, nd_strerror(rc));
	return rc;
}

/* Reads the reference path (a file, or a folder of *.txt) into
 * r->refs[*n...]. */
static int read_refs(run *r, size_t *n, const char *path)
{
	nd_eval_names l = { NULL, 0, 0 };
	char file[4096];
	size_t i;
	int rc = ND_OK;

	if (!nd_eval_is_dir(path)) {
		if (*n >= REFS_MAX)
			return nd_err_set(&r->err, ND_ETOOBIG, "more than %d "
					  "references", REFS_MAX);
		return read_text(r, &r->refs[(*n)++], path);
	}
	if ((rc = nd_eval_list_dir(&l, path, ".txt")))
		goto done;
	for (i = 0; i < l.n && rc == ND_OK; i++) {
		snprintf(file, sizeof(file), "%s/%s", path, l.v[i]);
		rc = read_refs(r, n, file);
	}
done:
	if (rc == ND_ENOMEM)
		nd_err_set(&r->err, rc, "out of memory");
	nd_eval_names_dispose(&l);
	return rc;
}

/* Scores DIR/CLUSTER.txt against DATA/CLUSTER/refs. */
static int score_cluster(run *r, nd_rouge_score out[ND_ROUGE_METRICS],
			 const char *data, const char *dir,
			 const char *cluster)
{
	char path[4096];
	size_t n = 0;
	int rc;

	snprintf(path, sizeof(path), "%s/%s.txt", dir, cluster);
	if ((rc = read_text(r, &r->peer, path)))
		return rc;
	snprintf(path, sizeof(path), "%s/%s/refs", data, cluster);
	if ((rc = read_refs(r, &n, path)))
		return rc;
	if (n == 0)
		return nd_err_set(&r->err, ND_ENOTFOUND, "no references in "
				  "%s", path);
	if (nd_rouge_eval(out, &r->peer, r->refs, n))
		return nd_err_set(&r->err, ND_ENOMEM, "out of memory");
	return ND_OK;
}

/* Reads a limit as the table writes it, "-l N" or "-b N". */
static bool parse_limit(nd_rouge_limit *lim, const char *s)
{
	char *end;
	unsigned long v;

	if (strncmp(s, "-l ", 3) != 0 && strncmp(s, "-b ", 3) != 0)
		return false;
	v = strtoul(s + 3, &end, 10);
	if (*end != '\0' || v == 0)
		return false;
	lim->words = s[1] == 'l' ? v : 0;
	lim->bytes = s[1] == 'b' ? v : 0;
	return true;
}

static int metric_of(const char *name)
{
	int m;

	for (m = 0; m < ND_ROUGE_METRICS; m++)
		if (strcmp(name, nd_rouge_metric_name(m)) == 0)
			return m;
	return -1;
}

/* The check's tally. */
typedef struct tally {
	size_t rows, ok;
	double worst;
	char last[512]; /* system, limit, cluster scored last */
	nd_rouge_score scores[ND_ROUGE_METRICS];
} tally;

/* Splits line at tabs into f[0..max); returns the number of fields. */
static size_t split_tabs(char *line, char **f, size_t max)
{
	size_t n = 0;

	f[n++] = line;
	for (; *line && n < max; line++)
		if (*line == '\t') {
			*line = '\0';
			f[n++] = line + 1;
		}
	return n;
}

/* Checks one row of the reference table, a NUL-terminated line. */
static int check_row(run *r, tally *t, const char *data, char *line)
{
	char *f[8], key[512], dir[4096];
	const nd_rouge_score *s;
	double want[3], got[3], dev = 0;
	int m, i, rc;

	if (line[0] == '#' || line[0] == '\0' ||
	    strncmp(line, "system\t", 7) == 0)
		return ND_OK;
	if (split_tabs(line, f, 8) != 7 || !parse_limit(&r->limit, f[1]) ||
	    (m = metric_of(f[3])) < 0)
		return nd_err_set(&r->err, ND_EFORMAT, "bad row: %s", line);
	snprintf(key, sizeof(key), "%s\t%s\t%s", f[0], f[1], f[2]);
	if (strcmp(key, t->last) != 0) {
		snprintf(dir, sizeof(dir), "%s/_systems/%s", data, f[0]);
		if ((rc = score_cluster(r, t->scores, data, dir, f[2])))
			return rc;
		snprintf(t->last, sizeof(t->last), "%s", key);
	}
	s = &t->scores[m];
	got[0] = s->recall;
	got[1] = s->precision;
	got[2] = s->f;
	for (i = 0; i < 3; i++) {
		double d;

		want[i] = strtod(f[4 + i], NULL);
		d = got[i] > want[i] ? got[i] - want[i] : want[i] - got[i];
		if (d > dev)
			dev = d;
	}
	t->rows++;
	if (dev > t->worst)
		t->worst = dev;
	if (dev <= TOLERANCE + 1e-9)
		t->ok++;
	else
		printf("off\t%s\t%s\t%s\t%s\tours %.5f %.5f %.5f\tROUGE "
		       "%.5f %.5f %.5f\n", f[0], f[1], f[2], f[3], got[0],
		       got[1], got[2], want[0], want[1], want[2]);
	return ND_OK;
}

/* --check DATA. */
static int check(run *r, const char *data)
{
	char path[4096];
	tally t;
	char *text, *line, *nl;
	int rc;

	memset(&t, 0, sizeof(t));
	snprintf(path, sizeof(path), "%s/_rouge_reference.tsv", data);
	if ((rc = nd_eval_read_file(&r->file, &r->err, path)))
		return rc == ND_ENOTFOUND
			       ? nd_err_set(&r->err, rc, "no %s", path)
			       : rc;
	/* The file buffer is reused for the texts: keep the table apart. */
	text = nd_buf_detach(&r->file, NULL);
	for (line = text; line && *line && rc == ND_OK; line = nl) {
		nl = strchr(line, '\n');
		if (nl)
			*nl++ = '\0';
		rc = check_row(r, &t, data, line);
	}
	nd_free(text);
	if (rc)
		return rc;
	printf("rouge check: %zu of %zu rows within %.4f of ROUGE-1.5.5, "
	       "worst deviation %.5f\n", t.ok, t.rows, TOLERANCE, t.worst);
	return t.rows > 0 && t.ok == t.rows ? ND_OK : 1;
}

/* The means over the clusters of data of the summaries DIR/CLUSTER.txt
 * there are. */
static int dir_means(run *r, nd_rouge_mean *mean, const char *data,
		     const char *dir, const nd_eval_names *clusters)
{
	nd_rouge_score s[ND_ROUGE_METRICS];
	char path[4096];
	size_t i;
	int rc;

	memset(mean, 0, sizeof(*mean));
	for (i = 0; i < clusters->n; i++) {
		snprintf(path, sizeof(path), "%s/%s.txt", dir, clusters->v[i]);
		if (!is_file(path))
			continue; /* as ROUGE, which warns and goes on */
		if ((rc = score_cluster(r, s, data, dir, clusters->v[i])))
			return rc;
		nd_rouge_mean_add(mean, s);
	}
	return ND_OK;
}

/* Fills clusters with DATA's folders holding refs/, sorted. */
static int list_clusters(run *r, nd_eval_names *clusters, const char *data)
{
	int rc = nd_eval_list_clusters(clusters, data, "refs");

	if (rc == ND_ENOTFOUND)
		nd_err_set(&r->err, rc, "no %s", data);
	else if (rc == ND_ENOMEM)
		nd_err_set(&r->err, rc, "out of memory");
	return rc;
}

/* --systems DATA: each system's mean recalls. */
static int systems(run *r, const char *data)
{
	nd_eval_names clusters = { NULL, 0, 0 }, sys = { NULL, 0, 0 };
	nd_rouge_mean mean;
	char path[4096], dir[4096];
	size_t i;
	int rc;

	if ((rc = list_clusters(r, &clusters, data)))
		goto done;
	snprintf(path, sizeof(path), "%s/_systems", data);
	if ((rc = nd_eval_list_dir(&sys, path, ""))) {
		nd_err_set(&r->err, rc, rc == ND_ENOMEM ? "out of memory"
			   : "no %s", path);
		goto done;
	}
	printf("system\tR-1\tR-2\tSU4\tclusters\n");
	for (i = 0; i < sys.n && rc == ND_OK; i++) {
		snprintf(dir, sizeof(dir), "%s/_systems/%s", data, sys.v[i]);
		if ((rc = dir_means(r, &mean, data, dir, &clusters)) ||
		    mean.n == 0)
			continue;
		printf("%s\t%.2f\t%.2f\t%.2f\t%zu\n", sys.v[i],
		       100 * nd_rouge_mean_of(&mean, ND_ROUGE_1).recall,
		       100 * nd_rouge_mean_of(&mean, ND_ROUGE_2).recall,
		       100 * nd_rouge_mean_of(&mean, ND_ROUGE_SU4).recall,
		       mean.n);
	}
done:
	nd_eval_names_dispose(&clusters);
	nd_eval_names_dispose(&sys);
	return rc;
}

/* --system-dir NAME DIR DATA: one row of means, recall, precision and F
 * of each metric. */
static int system_dir(run *r, const char *name, const char *dir,
		      const char *data)
{
	nd_eval_names clusters = { NULL, 0, 0 };
	nd_rouge_mean mean;
	int m, rc;

	if (!nd_eval_is_dir(dir))
		return nd_err_set(&r->err, ND_ENOTFOUND, "no %s", dir);
	if ((rc = list_clusters(r, &clusters, data)) ||
	    (rc = dir_means(r, &mean, data, dir, &clusters)))
		goto done;
	printf("system");
	for (m = 0; m < ND_ROUGE_METRICS; m++)
		printf("\t%s R\t%s P\t%s F", nd_rouge_metric_name(m),
		       nd_rouge_metric_name(m), nd_rouge_metric_name(m));
	printf("\tclusters\n%s", name);
	for (m = 0; m < ND_ROUGE_METRICS; m++) {
		nd_rouge_score s = nd_rouge_mean_of(&mean, m);

		printf("\t%.2f\t%.2f\t%.2f", 100 * s.recall,
		       100 * s.precision, 100 * s.f);
	}
	printf("\t%zu\n", mean.n);
done:
	nd_eval_names_dispose(&clusters);
	return rc;
}

/* The first form: SUMMARY REF... */
static int score_one(run *r, char **args, int n)
{
	nd_rouge_score s[ND_ROUGE_METRICS];
	size_t nrefs = 0;
	int i, m, rc;

	if ((rc = read_text(r, &r->peer, args[0])))
		return rc;
	for (i = 1; i < n; i++)
		if ((rc = read_refs(r, &nrefs, args[i])))
			return rc;
	if (nrefs == 0)
		return nd_err_set(&r->err, ND_ENOTFOUND, "no references");
	if (nd_rouge_eval(s, &r->peer, r->refs, nrefs))
		return nd_err_set(&r->err, ND_ENOMEM, "out of memory");
	printf("metric\trecall\tprecision\tf\n");
	for (m = 0; m < ND_ROUGE_METRICS; m++)
		printf("%s\t%.5f\t%.5f\t%.5f\n", nd_rouge_metric_name(m),
		       s[m].recall, s[m].precision, s[m].f);
	return ND_OK;
}

static int usage(void)
{
	fputs("usage: score_rouge [--words N | --bytes N] [--stem] "
	      "[--wordnet DIR] SUMMARY REF...\n"
	      "       score_rouge --check DATA [--wordnet DIR]\n"
	      "       score_rouge --systems DATA [--words N | --bytes N] "
	      "[--wordnet DIR]\n"
	      "       score_rouge --system-dir NAME DIR DATA "
	      "[--words N | --bytes N] [--wordnet DIR]\n", stderr);
	return 2;
}

/* A positive count for --words or --bytes. */
static bool parse_count(size_t *out, const char *s)
{
	char *end;
	unsigned long v = strtoul(s, &end, 10);

	if (*s < '0' || *s > '9' || *end != '\0' || v == 0)
		return false;
	*out = v;
	return true;
}

static void dispose(run *r)
{
	size_t i;

	nd_rouge_dispose(&r->rouge);
	nd_buf_dispose(&r->file);
	nd_rouge_text_dispose(&r->peer);
	for (i = 0; i < REFS_MAX; i++)
		nd_rouge_text_dispose(&r->refs[i]);
}

/* What the command line asks for. */
typedef struct args {
	const char *mode; /* NULL, "--check", "--systems", "--system-dir" */
	const char *data;
	const char *name, *dir; /* --system-dir's */
	bool stem;
	int first; /* index of SUMMARY */
} args;

/* Reads the options into a and r; false on a usage error. */
static bool parse_args(args *a, run *r, int argc, char **argv)
{
	int i;

	for (i = 1; i < argc && strncmp(argv[i], "--", 2) == 0; i++) {
		const char *o = argv[i], *v = i + 1 < argc ? argv[i + 1] : NULL;

		if (strcmp(o, "--") == 0) {
			i++;
			break;
		}
		if (strcmp(o, "--stem") == 0) {
			a->stem = true;
			continue;
		}
		if (v == NULL)
			return false;
		i++;
		if (strcmp(o, "--words") == 0) {
			if (r->limit.bytes || !parse_count(&r->limit.words, v))
				return false;
		} else if (strcmp(o, "--bytes") == 0) {
			if (r->limit.words || !parse_count(&r->limit.bytes, v))
				return false;
		} else if (strcmp(o, "--wordnet") == 0) {
			r->wordnet = v;
		} else if (strcmp(o, "--system-dir") == 0) {
			if (i + 2 >= argc)
				return false;
			a->mode = o;
			a->name = v;
			a->dir = argv[++i];
			a->data = argv[++i];
		} else if (strcmp(o, "--check") == 0 ||
			   strcmp(o, "--systems") == 0) {
			a->mode = o;
			a->data = v;
		} else {
			return false;
		}
	}
	a->first = i;
	if (a->mode == NULL)
		return argc - i >= 2;
	/* The published scores all stem (-m); --systems and --system-dir
	 * score the first 100 words unless told. */
	a->stem = true;
	if (strcmp(a->mode, "--check") != 0 && !r->limit.words &&
	    !r->limit.bytes)
		r->limit.words = 100;
	return argc == i;
}

int main(int argc, char **argv)
{
	static run r;
	args a = { NULL, NULL, NULL, NULL, false, 0 };
	int rc;

	nd_buf_init(&r.file, ND_EVAL_FILE_MAX);
	r.wordnet = "/usr/share/wordnet";
	if (!parse_args(&a, &r, argc, argv))
		return usage();
	if (nd_rouge_init(&r.rouge, a.stem)) {
		fputs("score_rouge: out of memory\n", stderr);
		return 2;
	}
	rc = a.stem ? load_wordnet(&r) : ND_OK;
	if (rc == ND_OK) {
		if (a.mode == NULL)
			rc = score_one(&r, argv + a.first, argc - a.first);
		else if (strcmp(a.mode, "--check") == 0)
			rc = check(&r, a.data);
		else if (strcmp(a.mode, "--systems") == 0)
			rc = systems(&r, a.data);
		else
			rc = system_dir(&r, a.name, a.dir, a.data);
	}
	if (rc < 0)
		fprintf(stderr, "score_rouge: %s\n",
			r.err.msg[0] ? r.err.msg : nd_strerror(rc));
	dispose(&r);
	return rc == 0 ? 0 : rc == 1 ? 1 : 2;
}
