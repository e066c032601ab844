/* score_snippets: scores extraction the way trafilatura's evaluation does,
 * as ../shared/data/extract/trafilatura-eval/SOURCE.md describes it: per
 * document, which snippets that must be extracted ("with") and which must
 * not ("without") occur in the output, whitespace squashed on both sides;
 * counts summed over all documents.
 *
 *   score_snippets [--docs] GROUND_TRUTH.jsonl DIR
 *
 * DIR holds "newsdigest clean --out" files, ID.txt. The body (after the
 * title line and the blank line) is scored, and the whole text (title
 * included) beside it. A document with no output counts as extracted
 * empty. */
#include <stdio.h>  /* printf */
#include <string.h> /* memchr, strcmp */

#include "core/buf.h"
#include "eval_input.h"
#include "extract_score.h"
#include "ingest/json.h"

/* One output, squashed two ways, and the counts of each. */
typedef struct scorer {
	nd_buf body, full;   /* squashed texts */
	nd_buf snip;         /* a squashed snippet */
	nd_buf decoded;      /* a decoded JSON string */
	nd_buf file;
	nd_eval_snippets in_body, in_full;
	nd_eval_snippets doc; /* this document's counts, body */
	bool wanted;          /* the snippets at hand are "with" */
	size_t docs, missing;
	nd_err err;
} scorer;

/* The members of one ground-truth line. */
typedef struct line {
	const char *id, *with, *without;
	size_t id_len, with_len, without_len;
} line;

static int see_member(void *ctx, const nd_json_member *m)
{
	line *l = ctx;

	if (m->kind == ND_JSON_STRING &&
	    nd_json_string_is(m->key, m->key_len, "id")) {
		l->id = m->value;
		l->id_len = m->value_len;
	} else if (m->kind == ND_JSON_ARRAY &&
		   nd_json_string_is(m->key, m->key_len, "with")) {
		l->with = m->value;
		l->with_len = m->value_len;
	} else if (m->kind == ND_JSON_ARRAY &&
		   nd_json_string_is(m->key, m->key_len, "without")) {
		l->without = m->value;
		l->without_len = m->value_len;
	}
	return 0;
}

static int count_snippet(void *ctx, const char *s, size_t n)
{
	scorer *sc = ctx;
	int rc;

	nd_buf_clear(&sc->snip);
	if ((rc = nd_eval_squash(&sc->snip, s, n)) != ND_OK)
		return rc;
	nd_eval_snippet_add(&sc->in_body, sc->body.ptr ? sc->body.ptr : "",
			    sc->body.len, sc->snip.ptr ? sc->snip.ptr : "",
			    sc->snip.len, sc->wanted);
	nd_eval_snippet_add(&sc->doc, sc->body.ptr ? sc->body.ptr : "",
			    sc->body.len, sc->snip.ptr ? sc->snip.ptr : "",
			    sc->snip.len, sc->wanted);
	nd_eval_snippet_add(&sc->in_full, sc->full.ptr ? sc->full.ptr : "",
			    sc->full.len, sc->snip.ptr ? sc->snip.ptr : "",
			    sc->snip.len, sc->wanted);
	return ND_OK;
}

/* Reads and squashes the output for id. */
static int load_output(scorer *sc, const char *dir, const char *id)
{
	const char *text, *body;
	size_t len, body_len;
	int rc = nd_eval_read_output(&sc->file, &sc->err, dir, id);

	nd_buf_clear(&sc->body);
	nd_buf_clear(&sc->full);
	if (rc == ND_ENOTFOUND) {
		sc->missing++;
		return ND_OK;
	}
	if (rc)
		return rc;
	text = sc->file.ptr ? sc->file.ptr : "";
	len = sc->file.len;
	body = nd_eval_clean_body(text, len, &body_len);
	if ((rc = nd_eval_squash(&sc->full, text, len)) != ND_OK)
		return rc;
	return nd_eval_squash(&sc->body, body, body_len);
}

/* Scores the document of one ground-truth line. */
static int score_line(scorer *sc, const char *dir, const char *s, size_t n,
		      int docs)
{
	line l = { NULL, NULL, NULL, 0, 0, 0 };
	nd_eval_snippets zero = { 0, 0, 0, 0 };
	char id[256];
	int rc = nd_json_parse_object(&sc->err, s, n, see_member, &l);

	if (rc == ND_OK && (l.id == NULL || l.id_len >= sizeof(id)))
		rc = nd_err_set(&sc->err, ND_EFORMAT, "no usable \"id\"");
	if (rc)
		return rc;
	nd_buf_clear(&sc->decoded);
	if ((rc = nd_json_unescape(&sc->decoded, l.id, l.id_len)) != ND_OK)
		return rc;
	snprintf(id, sizeof(id), "%s", sc->decoded.ptr ? sc->decoded.ptr : "");
	if ((rc = load_output(sc, dir, id)) != ND_OK)
		return rc;
	sc->doc = zero;
	sc->wanted = true;
	if (l.with != NULL)
		rc = nd_eval_json_strings(&sc->decoded, l.with, l.with_len,
					  count_snippet, sc);
	sc->wanted = false;
	if (rc == ND_OK && l.without != NULL)
		rc = nd_eval_json_strings(&sc->decoded, l.without,
					  l.without_len, count_snippet, sc);
	if (rc == ND_OK && docs)
		printf("doc\t%s\t%zu\t%zu\t%zu\t%zu\n", id, sc->doc.tp,
		       sc->doc.fn, sc->doc.fp, sc->doc.tn);
	sc->docs++;
	return rc;
}

static void print_row(const char *what, const nd_eval_snippets *s)
{
	nd_eval_result r;

	nd_eval_snippets_result(&r, s);
	printf("%s\t%.3f\t%.3f\t%.3f\t%.3f\t%zu\t%zu\t%zu\t%zu\n", what,
	       r.precision, r.recall, r.accuracy, r.f1, s->tp, s->fp, s->fn,
	       s->tn);
}

/* Scores every line of the ground truth in file against dir. */
static int score_all(scorer *sc, const char *dir, int docs)
{
	const char *p = sc->file.ptr ? sc->file.ptr : "";
	const char *end = p + sc->file.len;
	nd_buf truth = sc->file;
	size_t lineno = 0;
	int rc = ND_OK;

	/* The lines stay in truth; sc->file is reused for each output. */
	nd_buf_init(&sc->file, ND_EVAL_FILE_MAX);
	while (p < end && rc == ND_OK) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		size_t n = nl ? (size_t)(nl - p) : (size_t)(end - p);

		lineno++;
		if (n > 0)
			rc = score_line(sc, dir, p, n, docs);
		p += n + (nl != NULL);
	}
	if (rc)
		fprintf(stderr, "score_snippets: line %zu: %s\n", lineno,
			sc->err.msg[0] ? sc->err.msg : nd_strerror(rc));
	nd_buf_dispose(&truth);
	return rc;
}

int main(int argc, char **argv)
{
	scorer sc;
	int i = 1, docs = 0, rc;

	memset(&sc, 0, sizeof(sc));
	nd_buf_init(&sc.body, ND_EVAL_FILE_MAX);
	nd_buf_init(&sc.full, ND_EVAL_FILE_MAX);
	nd_buf_init(&sc.snip, ND_EVAL_FILE_MAX);
	nd_buf_init(&sc.decoded, ND_EVAL_FILE_MAX);
	nd_buf_init(&sc.file, ND_EVAL_FILE_MAX);
	if (argc > 1 && strcmp(argv[1], "--docs") == 0) {
		docs = 1;
		i++;
	}
	if (argc - i != 2) {
		fputs("usage: score_snippets [--docs] GROUND_TRUTH.jsonl DIR\n",
		      stderr);
		return 2;
	}
	rc = nd_eval_read_file(&sc.file, &sc.err, argv[i]);
	if (rc == ND_OK)
		rc = score_all(&sc, argv[i + 1], docs);
	else
		fprintf(stderr, "score_snippets: %s\n", sc.err.msg);
	if (rc == ND_OK) {
		printf("text\tprecision\trecall\taccuracy\tf1\ttp\tfp\tfn\ttn"
		       "\n");
		print_row("body", &sc.in_body);
		print_row("title+body", &sc.in_full);
		printf("# %zu documents, %zu without output\n", sc.docs,
		       sc.missing);
	}
	nd_buf_dispose(&sc.body);
	nd_buf_dispose(&sc.full);
	nd_buf_dispose(&sc.snip);
	nd_buf_dispose(&sc.decoded);
	nd_buf_dispose(&sc.file);
	return rc ? 2 : 0;
}
