/* score_aeb: scores article-body extraction the way the article extraction
 * benchmark (AEB) does, as ../shared/data/extract/aeb/SOURCE.md describes
 * it (steps 1 to 6; no bootstrap): shingle precision and recall per page,
 * their means, F1 of the means, and the share of pages extracted exactly.
 *
 *   score_aeb [--pages] GROUND_TRUTH.json OUTPUT...
 *
 * OUTPUT is a folder of "newsdigest clean --out" files, ID.txt, whose body
 * (after the title line and the blank line) is scored, or a JSON file of
 * another system's output, {ID: {"articleBody": TEXT}}, gzipped or not,
 * maybe wrapped as {"version": ..., "output": {...}}. A page with no output
 * counts as extracted empty. It prints a header line, then per OUTPUT
 * "NAME F1 P R ACCURACY PAGES" (tab-separated, 3 decimals), NAME its base
 * name less .gz and .json; --pages adds "page NAME ID P R TRUE-TOKENS
 * OUTPUT-TOKENS" lines before. */
#include <stdio.h>    /* printf */
#include <string.h>   /* strcmp, strlen, strncmp */
#include <sys/stat.h> /* stat */

#include "core/buf.h"
#include "eval_input.h"
#include "extract_score.h"

/* The scratch of one run. */
typedef struct run {
	nd_eval_tokens truth, pred;
	nd_buf file;
	nd_err err;
	int pages;      /* print a line per page */
	char name[256]; /* of the output being scored */
} run;

/* A short name for an output: its base name less ".gz" and ".json". */
static void output_name(char *out, size_t size, const char *path)
{
	const char *base;
	size_t n = strlen(path);

	while (n > 1 && path[n - 1] == '/')
		n--;
	base = path + n;
	while (base > path && base[-1] != '/')
		base--;
	n -= (size_t)(base - path);
	if (n > 3 && strncmp(base + n - 3, ".gz", 3) == 0)
		n -= 3;
	if (n > 5 && strncmp(base + n - 5, ".json", 5) == 0)
		n -= 5;
	snprintf(out, size, "%.*s", (int)n, base);
}

/* The predicted text of page id: from the folder dir, or from docs. */
static int predicted(const char **text, size_t *len, run *r, const char *dir,
		     const nd_eval_docs *docs, const char *id)
{
	const nd_eval_doc *d;
	int rc;

	*text = "";
	*len = 0;
	if (dir == NULL) {
		d = nd_eval_docs_find(docs, id);
		if (d != NULL) {
			*text = d->text;
			*len = d->len;
		}
		return ND_OK;
	}
	rc = nd_eval_read_output(&r->file, &r->err, dir, id);
	if (rc == ND_ENOTFOUND)
		return ND_OK;
	if (rc)
		return rc;
	*text = nd_eval_clean_body(r->file.ptr ? r->file.ptr : "", r->file.len,
				   len);
	return ND_OK;
}

/* Scores one page into c. */
static int page(nd_eval_corpus *c, run *r, const nd_eval_doc *truth,
		const char *text, size_t len)
{
	nd_eval_page pg;
	size_t tp, fp, fn;
	int rc;

	if ((rc = nd_eval_tokenize(&r->truth, truth->text, truth->len)) ||
	    (rc = nd_eval_tokenize(&r->pred, text, len)) ||
	    (rc = nd_eval_shingle_counts(&tp, &fp, &fn, &r->truth, &r->pred)))
		return rc;
	nd_eval_page_score(&pg, tp, fp, fn);
	nd_eval_corpus_add(c, &pg, nd_eval_tokens_equal(&r->truth, &r->pred));
	if (r->pages)
		printf("page\t%s\t%s\t%.4f\t%.4f\t%zu\t%zu\n", r->name,
		       truth->id, pg.precision, pg.recall, r->truth.n,
		       r->pred.n);
	return ND_OK;
}

/* Scores the output at path against truth and prints its line. */
static int score(run *r, const nd_eval_docs *truth, const char *path)
{
	nd_eval_docs docs = { NULL, NULL, 0, 0 };
	nd_eval_corpus c = { 0 };
	nd_eval_result res;
	struct stat st;
	const char *dir = NULL, *text;
	size_t i, len;
	int rc = ND_OK;

	output_name(r->name, sizeof(r->name), path);
	if (stat(path, &st) == 0 && S_ISDIR(st.st_mode))
		dir = path;
	else
		rc = nd_eval_docs_load(&docs, &r->err, path, "articleBody");
	for (i = 0; i < truth->n && rc == ND_OK; i++) {
		rc = predicted(&text, &len, r, dir, &docs, truth->v[i].id);
		if (rc == ND_OK)
			rc = page(&c, r, &truth->v[i], text, len);
	}
	nd_eval_docs_dispose(&docs);
	if (rc) {
		fprintf(stderr, "score_aeb: %s\n", r->err.msg[0]
				? r->err.msg : nd_strerror(rc));
		return rc;
	}
	nd_eval_corpus_result(&res, &c);
	printf("%s\t%.3f\t%.3f\t%.3f\t%.3f\t%zu\n", r->name, res.f1,
	       res.precision, res.recall, res.accuracy, c.pages);
	return ND_OK;
}

int main(int argc, char **argv)
{
	nd_eval_docs truth = { NULL, NULL, 0, 0 };
	run r = { { NULL, 0, 0 }, { NULL, 0, 0 }, ND_BUF_INIT(ND_EVAL_FILE_MAX),
		  { 0, "" }, 0, "" };
	int i = 1, status = 0;

	if (argc > 1 && strcmp(argv[1], "--pages") == 0) {
		r.pages = 1;
		i++;
	}
	if (argc - i < 2) {
		fputs("usage: score_aeb [--pages] GROUND_TRUTH.json "
		      "OUTPUT...\n", stderr);
		return 2;
	}
	if (nd_eval_docs_load(&truth, &r.err, argv[i], "articleBody")) {
		fprintf(stderr, "score_aeb: %s\n", r.err.msg);
		return 2;
	}
	printf("system\tf1\tprecision\trecall\taccuracy\tpages\n");
	for (i++; i < argc; i++)
		if (score(&r, &truth, argv[i]))
			status = 1;
	nd_eval_docs_dispose(&truth);
	nd_eval_tokens_dispose(&r.truth);
	nd_eval_tokens_dispose(&r.pred);
	nd_buf_dispose(&r.file);
	return status;
}
