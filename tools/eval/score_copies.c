/* score_copies: precision, recall and F1 of near-copy pairs, and rewrite
 * detection apart, of a predicted relation list against gencorpus's gold
 * (tools/eval/copy_pairs.h defines the pairs).
 *
 *   score_copies [--ignore FILE] GOLD PREDICTED
 *
 * GOLD holds "ID<TAB>SOURCE<TAB>KIND" lines (gold.tsv); PREDICTED holds
 * "A<TAB>B<TAB>RELATION<TAB>SCORE" lines, as `newsdigest dedup` prints
 * them (and the index, "ID<TAB>EARLIER<TAB>near-duplicate<TAB>SCORE").
 * --ignore FILE lists ids, one a line, left out with their gold families.
 * Prints the definition of the pairs, then the counts and scores, the
 * last line "near-copy pairs: precision P recall R f1 F". A malformed line
 * is named on stderr and skipped; exit status 1 then, 2 when a file
 * cannot be read or on a usage error, else 0. */
#include <stdio.h>  /* printf, fprintf */
#include <string.h> /* memchr, strcmp */

#include "copy_pairs.h"
#include "core/buf.h"
#include "core/error.h"
#include "eval_input.h"
#include "newsdigest.h"

/* How a line of a file is added. */
typedef int (*add_fn)(nd_copy_eval *e, const char *line, size_t len);

static int add_ignored(nd_copy_eval *e, const char *line, size_t len)
{
	while (len > 0 && (line[len - 1] == '\n' || line[len - 1] == '\r'))
		len--;
	return len == 0 ? 0 : nd_copy_eval_ignore(e, line, len);
}

/* Adds each line of path with add; *bad counts malformed lines. Returns
 * 0, or a fatal code (said on stderr). */
static int add_file(nd_copy_eval *e, nd_buf *buf, const char *path,
		    add_fn add, size_t *bad)
{
	nd_err err = { 0 };
	size_t at = 0, line_no = 0;
	int rc = nd_eval_read_file(buf, &err, path);

	if (rc < 0) {
		fprintf(stderr, "score_copies: %s\n", err.msg);
		return rc;
	}
	while (at < buf->len && rc == 0) {
		const char *p = buf->ptr + at;
		const char *nl = memchr(p, '\n', buf->len - at);
		size_t n = nl ? (size_t)(nl - p) + 1 : buf->len - at;

		at += n;
		line_no++;
		rc = add(e, p, n);
		if (rc == ND_EFORMAT) {
			fprintf(stderr, "score_copies: %s:%zu: not a relation "
				"line, skipped\n", path, line_no);
			(*bad)++;
			rc = 0;
		}
	}
	return rc;
}

static void print_scores(const nd_copy_scores *s)
{
	printf("pairs: gold copy groups = each source with all its "
	       "near-copies and duplicates\n"
	       "  (through chains); gold pairs = all pairs within a group; "
	       "predicted pairs =\n"
	       "  all pairs within connected components of predicted "
	       "duplicate/near-duplicate\n"
	       "  edges; articles marked ignored leave with their whole "
	       "gold family\n");
	printf("articles in any relation %zu, ignored %zu\n", s->articles,
	       s->ignored);
	printf("rewrites: gold %zu, found %zu (recall %.4f); rewrite-of "
	       "edges %zu, right %zu\n  (precision %.4f, right = related "
	       "in the gold at all); gold rewrites joined\n  to their "
	       "source as copies: %zu\n", s->rewrites, s->rewrites_found,
	       s->rewrite_recall, s->rewrite_edges, s->rewrite_edges_right,
	       s->rewrite_precision, s->rewrites_as_copies);
	printf("near-copy pairs: gold %zu, predicted %zu, found %zu\n",
	       s->gold_pairs, s->pred_pairs, s->found_pairs);
	printf("near-copy pairs: precision %.4f recall %.4f f1 %.4f\n",
	       s->precision, s->recall, s->f1);
}

int main(int argc, char **argv)
{
	nd_copy_eval *e = NULL;
	nd_buf buf = ND_BUF_INIT(ND_EVAL_FILE_MAX);
	nd_copy_scores s;
	const char *ignore = NULL;
	size_t bad = 0;
	int rc, arg = 1;

	if (argc == 5 && strcmp(argv[1], "--ignore") == 0) {
		ignore = argv[2];
		arg = 3;
	}
	if (argc - arg != 2) {
		fprintf(stderr, "usage: score_copies [--ignore FILE] GOLD "
			"PREDICTED\n");
		return 2;
	}
	rc = nd_copy_eval_create(&e);
	if (rc == 0)
		rc = add_file(e, &buf, argv[arg], nd_copy_eval_add_gold, &bad);
	if (rc == 0)
		rc = add_file(e, &buf, argv[arg + 1],
			      nd_copy_eval_add_predicted, &bad);
	if (rc == 0 && ignore)
		rc = add_file(e, &buf, ignore, add_ignored, &bad);
	if (rc == 0)
		rc = nd_copy_eval_score(&s, e);
	if (rc == 0)
		print_scores(&s);
	else if (rc == ND_ENOMEM)
		fprintf(stderr, "score_copies: out of memory\n");
	nd_copy_eval_free(e);
	nd_buf_dispose(&buf);
	return rc ? 2 : bad ? 1 : 0;
}
