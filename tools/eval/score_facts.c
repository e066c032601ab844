/* score_facts: `newsdigest facts --format json` against our gold quotes,
 * entities and facts (docs/facts-gold.md), by facts_score's measures.
 *
 *   score_facts [--misses] GOLD.jsonl CLEAN_ROOT PRED_ROOT
 *   score_facts --inputs GOLD.jsonl
 *
 * GOLD holds one story a line. CLEAN_ROOT/STORY/ID.txt is the text that
 * `newsdigest clean --out` wrote for each article of the story, and
 * PRED_ROOT/STORY.json the story's prediction. Prints a line per story,
 * then the set's table and a last line "figures: ..." of the issue's
 * target measures. A story whose cleaned text is no longer the annotated
 * one (bytes or FNV-1a 64 differ) is named and skipped; a story without
 * its prediction is named and scored as predicting nothing. Either makes
 * the exit status 1; 2 when GOLD cannot be read or is malformed.
 *
 * --misses also lists, under each story's line, what did not match: a
 * gold span missed ("miss"), a predicted one of no gold span ("extra"),
 * a matched direct quote given another speaker ("speaker"), each with
 * its article, offset, length, kind and text (cut at 70 bytes), to see
 * where a score comes from. --inputs prints
 * "STORY<TAB>INPUT[<TAB>INPUT...]" for each story, the paths as the gold
 * gives them, for scripts/eval-facts.sh. */
#include <stdio.h>  /* printf */
#include <string.h> /* memchr, strcmp */

#include "core/alloc.h"
#include "core/buf.h"
#include "core/error.h"
#include "eval_input.h"
#include "facts_score.h"

typedef struct paths {
	const char *gold, *clean, *pred;
	int misses;
} paths;

/* Longest part of a span's text --misses shows. */
#define SHOW_MAX 70

static const char *kind_name(int cls, int kind)
{
	if (cls == ND_FS_ENTITIES)
		return nd_fs_entity_kinds[kind];
	if (cls == ND_FS_FACTS)
		return nd_fs_fact_kinds[kind];
	return kind ? "direct" : "indirect";
}

/* Prints one span of --misses' list: where, what, and its text. */
static void show_span(const nd_fs_story *s, const char *what, int cls,
		      const nd_fs_span *sp)
{
	const nd_fs_article *a = &s->articles[sp->art];
	size_t n = sp->len, i;

	if (sp->off > a->len)
		n = 0;
	else if (n > a->len - sp->off)
		n = a->len - sp->off;
	if (n > SHOW_MAX) {
		n = SHOW_MAX; /* cut before a continuation byte */
		while (n > 0 && ((unsigned char)a->text[sp->off + n] & 0xC0) ==
					0x80)
			n--;
	}
	printf("  %-7s %s %zu+%zu %s%s%s |", what, a->id, sp->off, sp->len,
	       kind_name(cls == ND_FS_CLASSES ? ND_FS_QUOTES : cls, sp->kind),
	       cls == ND_FS_QUOTES || cls == ND_FS_CLASSES ? " by " : "",
	       cls == ND_FS_QUOTES || cls == ND_FS_CLASSES ? sp->speaker : "");
	for (i = 0; i < n; i++) /* a line of its own, whatever the text */
		putchar(a->text[sp->off + i] == '\n' ? ' '
						      : a->text[sp->off + i]);
	printf("|\n");
}

static void show_miss(void *ctx, int cls, const nd_fs_span *gold,
		      const nd_fs_span *pred)
{
	const nd_fs_story *s = ctx;

	if (cls == ND_FS_CLASSES) {
		show_span(s, "speaker", cls, gold);
		printf("          predicted: %s\n", pred->speaker);
	} else if (gold) {
		show_span(s, "miss", cls, gold);
	} else {
		show_span(s, "extra", cls, pred);
	}
}

/* Sets the articles' texts from clean/STORY/ID.txt into texts[], and
 * checks them against the gold. Returns 0, or 1 after saying why the
 * story is skipped. */
static int read_texts(nd_fs_story *s, nd_buf *texts, const paths *p)
{
	nd_buf dir = ND_BUF_INIT(4095);
	nd_err err;
	size_t i;
	int status = 0;

	if (nd_buf_printf(&dir, "%s/%s", p->clean, s->name) != ND_OK) {
		fprintf(stderr, "score_facts: %s: path too long\n", s->name);
		status = 1;
		goto done;
	}
	for (i = 0; i < s->n_articles && status == 0; i++) {
		nd_fs_article *a = &s->articles[i];
		uint64_t h;

		nd_err_clear(&err);
		if (nd_eval_read_output(&texts[i], &err, dir.ptr, a->id)) {
			printf("%s: %s: no cleaned text (%s): story skipped\n",
			       s->name, a->id, err.msg);
			status = 1;
			break;
		}
		a->text = texts[i].ptr ? texts[i].ptr : "";
		a->len = texts[i].len;
		h = nd_fs_fnv1a64(a->text, a->len);
		if (a->len != a->bytes || h != a->fnv) {
			printf("%s: %s: cleaned text is %zu bytes, fnv1a64 "
			       "%016llx; the gold was annotated on %zu bytes, "
			       "%016llx: story skipped\n",
			       s->name, a->id, a->len, (unsigned long long)h,
			       a->bytes, (unsigned long long)a->fnv);
			status = 1;
		}
	}
done:
	nd_buf_dispose(&dir);
	return status;
}

/* Reads PRED/STORY.json into s. Returns 0, 1 when there is none (scored
 * as empty), 2 when it is malformed. */
static int read_pred(nd_fs_story *s, const paths *p)
{
	nd_buf path = ND_BUF_INIT(4095), file = ND_BUF_INIT(ND_EVAL_FILE_MAX);
	nd_err err;
	int rc, status = 0;

	nd_err_clear(&err);
	if (nd_buf_printf(&path, "%s/%s.json", p->pred, s->name) != ND_OK ||
	    (rc = nd_eval_read_file(&file, &err, path.ptr)) != ND_OK) {
		printf("%s: no prediction %s: scored as empty\n", s->name,
		       path.ptr ? path.ptr : s->name);
		status = 1;
		goto done;
	}
	if ((rc = nd_fs_story_pred(s, &err, file.ptr ? file.ptr : "",
				   file.len))) {
		fprintf(stderr, "score_facts: %s: %s\n", path.ptr, err.msg);
		status = 2;
	}
done:
	nd_buf_dispose(&path);
	nd_buf_dispose(&file);
	return status;
}

static void story_line(const nd_fs_story *s, const nd_fs_counts *c)
{
	nd_fs_prf e = nd_fs_prf_sum(c->entities, ND_FS_ENTITY_KINDS);
	nd_fs_prf f = nd_fs_prf_sum(c->facts, ND_FS_FACT_KINDS);
	double qp, qr, qf, ip, ir, iff, ep, er, ef, fp, fr, ff;

	nd_fs_prf_ratios(&c->quotes[1], &qp, &qr, &qf);
	nd_fs_prf_ratios(&c->quotes[0], &ip, &ir, &iff);
	nd_fs_prf_ratios(&e, &ep, &er, &ef);
	nd_fs_prf_ratios(&f, &fp, &fr, &ff);
	printf("%-16s quotes F1 %.3f (P %.3f R %.3f) indirect F1 %.3f  "
	       "speaker %zu/%zu  entities F1 %.3f  merge P %.3f R %.3f  "
	       "facts F1 %.3f\n",
	       s->name, qf, qp, qr, iff, c->speakers_right, c->speakers, ef,
	       nd_fs_ratio(c->merge_pred_right, c->merge_pred_pairs),
	       nd_fs_ratio(c->merge_gold_found, c->merge_gold_pairs), ff);
}

static void row(const char *what, const nd_fs_prf *c)
{
	double p, r, f;

	nd_fs_prf_ratios(c, &p, &r, &f);
	printf("  %-22s %6zu %6zu %6zu  %6.3f %6.3f %6.3f\n", what, c->gold,
	       c->pred, c->match, p, r, f);
}

static void table(const char *set, size_t stories, const nd_fs_counts *c)
{
	nd_fs_prf all;
	char what[64];
	size_t k;

	printf("%s: %zu stories scored\n", set, stories);
	printf("  %-22s %6s %6s %6s  %6s %6s %6s\n", "", "gold", "pred",
	       "match", "P", "R", "F1");
	row("quotes direct", &c->quotes[1]);
	row("quotes indirect", &c->quotes[0]);
	for (k = 0; k < ND_FS_ENTITY_KINDS; k++) {
		snprintf(what, sizeof(what), "entities %s",
			 nd_fs_entity_kinds[k]);
		row(what, &c->entities[k]);
	}
	all = nd_fs_prf_sum(c->entities, ND_FS_ENTITY_KINDS);
	row("entities all", &all);
	for (k = 0; k < ND_FS_FACT_KINDS; k++) {
		snprintf(what, sizeof(what), "facts %s", nd_fs_fact_kinds[k]);
		row(what, &c->facts[k]);
	}
	all = nd_fs_prf_sum(c->facts, ND_FS_FACT_KINDS);
	row("facts all", &all);
	printf("  %-22s %6zu of %6zu  %6.3f\n", "speaker accuracy",
	       c->speakers_right, c->speakers,
	       nd_fs_ratio(c->speakers_right, c->speakers));
	printf("  %-22s %6zu of %6zu  %6.3f  (pairs of matched mentions)\n",
	       "merge precision", c->merge_pred_right, c->merge_pred_pairs,
	       nd_fs_ratio(c->merge_pred_right, c->merge_pred_pairs));
	printf("  %-22s %6zu of %6zu  %6.3f\n", "merge recall",
	       c->merge_gold_found, c->merge_gold_pairs,
	       nd_fs_ratio(c->merge_gold_found, c->merge_gold_pairs));
}

/* Scores or lists the story on one gold line. Returns the exit status it
 * asks for. */
static int one_story(nd_fs_counts *total, size_t *scored, const char *line,
		     size_t len, size_t lineno, const paths *p)
{
	nd_fs_story s = { 0 };
	nd_fs_counts c = { 0 };
	nd_buf *texts = NULL;
	nd_err err;
	size_t i;
	int status = 0, st;

	nd_err_clear(&err);
	if (nd_fs_story_gold(&s, &err, line, len)) {
		fprintf(stderr, "score_facts: %s:%zu: %s\n", p->gold, lineno,
			err.msg);
		status = 2;
		goto done;
	}
	if (p->clean == NULL) { /* --inputs */
		printf("%s", s.name);
		for (i = 0; i < s.n_inputs; i++)
			printf("\t%s", s.inputs[i]);
		printf("\n");
		goto done;
	}
	if ((texts = nd_calloc(s.n_articles, sizeof(*texts))) == NULL) {
		status = 2;
		goto done;
	}
	for (i = 0; i < s.n_articles; i++)
		nd_buf_init(&texts[i], ND_EVAL_FILE_MAX);
	if ((status = read_texts(&s, texts, p)))
		goto done;
	if ((st = read_pred(&s, p)) == 2) {
		status = 2;
		goto done;
	}
	status = st;
	if (nd_fs_score(&c, &s, NULL, NULL)) {
		status = 2;
		goto done;
	}
	story_line(&s, &c);
	/* Scored again for the list under the line; the counts are kept
	 * from the first time. */
	if (p->misses) {
		nd_fs_counts again = { 0 };

		if (nd_fs_score(&again, &s, show_miss, &s)) {
			status = 2;
			goto done;
		}
	}
	nd_fs_counts_add(total, &c);
	++*scored;
done:
	for (i = 0; texts && i < s.n_articles; i++)
		nd_buf_dispose(&texts[i]);
	nd_free(texts);
	nd_fs_story_dispose(&s);
	return status;
}

int main(int argc, char **argv)
{
	nd_buf file = ND_BUF_INIT(ND_EVAL_FILE_MAX);
	nd_fs_counts total = { 0 };
	paths p = { NULL, NULL, NULL, 0 };
	const char *at, *end, *nl;
	size_t lineno = 0, scored = 0;
	nd_err err;
	int status = 0;

	if (argc > 1 && strcmp(argv[1], "--misses") == 0) {
		p.misses = 1;
		argc--;
		argv++;
	}
	if (argc == 3 && strcmp(argv[1], "--inputs") == 0 && !p.misses) {
		p.gold = argv[2];
	} else if (argc == 4) {
		p.gold = argv[1];
		p.clean = argv[2];
		p.pred = argv[3];
	} else {
		fprintf(stderr, "usage: score_facts [--misses] GOLD.jsonl "
			"CLEAN_ROOT PRED_ROOT\n"
			"       score_facts --inputs GOLD.jsonl\n");
		return 2;
	}
	nd_err_clear(&err);
	if (nd_eval_read_file(&file, &err, p.gold)) {
		fprintf(stderr, "score_facts: %s\n", err.msg);
		status = 2;
		goto done;
	}
	at = file.ptr ? file.ptr : "";
	end = at + file.len;
	for (; at < end && status < 2; at = nl + 1) {
		size_t n;
		int st;

		nl = memchr(at, '\n', (size_t)(end - at));
		if (nl == NULL)
			nl = end;
		n = (size_t)(nl - at);
		lineno++;
		while (n > 0 && (at[n - 1] == '\r' || at[n - 1] == ' '))
			n--;
		if (n == 0)
			continue;
		st = one_story(&total, &scored, at, n, lineno, &p);
		if (st > status)
			status = st;
	}
	if (p.clean != NULL && status < 2) {
		double pr, r, f;

		table(p.gold, scored, &total);
		nd_fs_prf_ratios(&total.quotes[1], &pr, &r, &f);
		printf("figures: quotes_f1 %.3f speaker_accuracy %.3f "
		       "merge_precision %.3f\n",
		       f, nd_fs_ratio(total.speakers_right, total.speakers),
		       nd_fs_ratio(total.merge_pred_right,
				   total.merge_pred_pairs));
	}
done:
	nd_buf_dispose(&file);
	return status;
}
