/* bench_cluster: speed, memory and B-cubed accuracy of the story index
 * (nd_storyindex) on a JSONL corpus with its gold topics.
 *
 *   bench_cluster [--runs N] [--threshold T] [--expire-days D]
 *                 CORPUS.jsonl TOPICS.tsv
 *
 * The corpus (one {"id","title","text","published"} object a line, in
 * publication order, as gencorpus --stream writes it) is read and decoded
 * into memory first, dates as seconds; only nd_storyindex_add over every
 * article, in file order, is timed, RUNS times (default 3) on a fresh
 * index, median reported. Options left out are the index's defaults
 * (--expire-days -1: never). TOPICS lines are "ID<TAB>TOPIC"; an article
 * they do not name is a topic of its own. The placements of the first run
 * are scored: merges are followed (each merged story joins the one it was
 * folded into) and the resulting stories compared with the topics by
 * B-cubed and pairwise P/R/F1. The index's memory is shown at 10%, 50% and
 * 100% of the run: it should follow the live stories, not the articles
 * seen. Exit status 0, or 2 on a usage, input or index error. */
#include <stdbool.h>      /* bool */
#include <stdint.h>       /* uint32_t */
#include <stdio.h>        /* printf, getline */
#include <stdlib.h>       /* strtoul, strtod */
#include <string.h>       /* strcmp */

#include "bench_time.h"
#include "core/alloc.h"
#include "core/arena.h"
#include "core/buf.h"
#include "core/date.h"
#include "core/error.h"
#include "core/hashmap.h"
#include "core/unionfind.h"
#include "eval/cluster_score.h"
#include "ingest/json.h"
#include "newsdigest.h"

#define MAX_RUNS 99
/* Story ids: one per article that starts a story, one per split, and
 * each split needs 6 articles placed since: under twice the articles. */
#define ID_SLOTS(n) (2 * (n) + 2)
/* Longest title or text decoded, as newsdigest's own cap on an article. */
#define TEXT_MAX (5u << 20)
/* Live stories are read every this many adds for their maximum. */
#define SAMPLE_EVERY 64u
/* Points of the run where memory is shown, in percent. */
#define N_MARKS 3
static const unsigned MARKS[N_MARKS] = { 10, 50, 100 };

typedef struct article {
	const char *title, *text; /* decoded, in the corpus's arena */
	size_t title_len, text_len;
	long long published;      /* seconds, or ND_NO_TIME */
	uint32_t gold;            /* its topic's number */
} article;

typedef struct corpus {
	nd_arena *texts;
	size_t size; /* bytes of the file */
	article *a;
	size_t n, cap;
	nd_strmap ids; /* article id -> index in a */
	size_t undated, unnamed;
	long rss_kb; /* resident once read, before any index */
} corpus;

/* What one run saw beside its time. */
typedef struct run_stats {
	nd_storyindex_stats end, at[N_MARKS];
	long rss_kb[N_MARKS];
	size_t max_live;
	double ms, cpu_ms;
} run_stats;

/* The members of one corpus line that the bench reads. */
typedef struct line_fields {
	nd_json_member id, title, text, published;
	int seen;
} line_fields;

static void fail(const char *what)
{
	fprintf(stderr, "bench_cluster: %s\n", what);
	exit(2);
}

static int see_field(void *ctx, const nd_json_member *m)
{
	line_fields *f = ctx;
	static const char *const names[] = { "id", "title", "text",
					     "published" };
	nd_json_member *slot[] = { &f->id, &f->title, &f->text,
				   &f->published };
	size_t k;

	if (m->kind != ND_JSON_STRING)
		return 0;
	for (k = 0; k < 4; k++)
		if (nd_json_string_is(m->key, m->key_len, names[k])) {
			*slot[k] = *m;
			f->seen |= 1 << k;
		}
	return 0;
}

/* The decoded string m, NUL-terminated, in the corpus's arena; an absent
 * member (seen bit clear) is the empty string. */
static const char *decoded(corpus *c, nd_buf *scratch, const line_fields *f,
			   const nd_json_member *m, int bit, size_t *len)
{
	char *out;

	nd_buf_clear(scratch);
	if ((f->seen & bit) &&
	    nd_json_unescape(scratch, m->value, m->value_len) != ND_OK)
		return NULL;
	out = nd_arena_strndup(c->texts, scratch->ptr ? scratch->ptr : "",
			       scratch->len);
	if (out == NULL)
		fail("out of memory");
	*len = scratch->len;
	return out;
}

/* Seconds since 1970 of the published member, or ND_NO_TIME. */
static long long seconds_of(nd_buf *scratch, const line_fields *f)
{
	nd_date d;

	nd_buf_clear(scratch);
	if (!(f->seen & 8) ||
	    nd_json_unescape(scratch, f->published.value,
			     f->published.value_len) != ND_OK ||
	    nd_date_parse(&d, scratch->ptr ? scratch->ptr : "",
			  scratch->len) != ND_DATE_FOUND)
		return ND_NO_TIME;
	return nd_date_minutes(&d) * 60 + d.sec;
}

/* Adds one corpus line to c; a line that is not an object with an id
 * and a text is passed over. */
static void add_line(corpus *c, nd_buf *scratch, const char *line,
		     size_t n)
{
	line_fields f = { 0 };
	article a = { 0 };
	const char *id;
	size_t id_len;
	nd_err err;

	if (nd_json_parse_object(&err, line, n, see_field, &f) != ND_OK ||
	    (f.seen & 5) != 5 ||
	    (a.text = decoded(c, scratch, &f, &f.text, 4, &a.text_len)) ==
		    NULL ||
	    (a.title = decoded(c, scratch, &f, &f.title, 2, &a.title_len)) ==
		    NULL ||
	    (id = decoded(c, scratch, &f, &f.id, 1, &id_len)) == NULL)
		return;
	a.published = seconds_of(scratch, &f);
	c->undated += a.published == ND_NO_TIME;
	a.gold = UINT32_MAX;
	if (c->n >= UINT32_MAX ||
	    nd_strmap_put(&c->ids, id, id_len, (uint32_t)c->n, NULL) != ND_OK ||
	    ND_ARRAY_PUSH(c->a, c->n, c->cap, a))
		fail("out of memory");
}

/* Reads the corpus a line at a time into c. */
static void load_corpus(corpus *c, const char *path)
{
	nd_buf scratch = ND_BUF_INIT(TEXT_MAX);
	FILE *f = fopen(path, "r");
	char *line = NULL;
	size_t cap = 0;
	ssize_t n;

	if (f == NULL || nd_arena_create(&c->texts) != ND_OK ||
	    nd_strmap_init(&c->ids) != ND_OK) {
		fprintf(stderr, "bench_cluster: cannot read %s\n", path);
		exit(2);
	}
	while ((n = getline(&line, &cap, f)) > 0) {
		c->size += (size_t)n;
		while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r'))
			n--;
		add_line(c, &scratch, line, (size_t)n);
	}
	free(line);
	fclose(f);
	nd_buf_dispose(&scratch);
}

/* Gives each article its gold topic from the "ID<TAB>TOPIC" lines of
 * path; an article none names gets a topic of its own. */
static void load_topics(corpus *c, const char *path)
{
	FILE *f = fopen(path, "r");
	char *line = NULL, *tab, *end;
	size_t cap = 0, i;
	ssize_t n;
	uint32_t at, own = 0;

	if (f == NULL) {
		fprintf(stderr, "bench_cluster: cannot read %s\n", path);
		exit(2);
	}
	while ((n = getline(&line, &cap, f)) > 0) {
		unsigned long topic;

		if ((tab = memchr(line, '\t', (size_t)n)) == NULL)
			continue;
		topic = strtoul(tab + 1, &end, 10);
		if (end == tab + 1 || topic >= UINT32_MAX / 2 ||
		    !nd_strmap_get(&c->ids, line, (size_t)(tab - line), &at))
			continue;
		c->a[at].gold = (uint32_t)topic;
	}
	free(line);
	fclose(f);
	/* Numbers above any topic's, so none is shared by chance. */
	for (i = 0; i < c->n; i++)
		if (c->a[i].gold == UINT32_MAX) {
			c->a[i].gold = UINT32_MAX / 2 + own++;
			c->unnamed++;
		}
}

/* The resident set now, from /proc (0 where there is none). */
static long rss_now_kb(void)
{
	FILE *f = fopen("/proc/self/statm", "r");
	long pages = 0, resident = 0;

	if (f == NULL)
		return 0;
	if (fscanf(f, "%ld %ld", &pages, &resident) != 2)
		resident = 0;
	fclose(f);
	return resident * 4;
}

/* Follows what an add did: the stories it merged join the survivor
 * (parent: union-find over story ids, whose roots, the smallest ids, are
 * the survivors); the articles a split moved take the new story. Ids
 * past the slots (none on these corpora) are left as they are. */
static void follow(unsigned long long *story, uint32_t *parent, size_t slots,
		   const nd_placement *p)
{
	size_t k;

	for (k = 0; k < p->n_merged; k++)
		if (p->merged[k] < slots && p->story < slots)
			nd_uf_union(parent, (uint32_t)p->merged[k],
				    (uint32_t)p->story);
	for (k = 0; k < p->n_moved; k++)
		story[p->moved[k]] = p->split_off;
}

/* Adds every article to a fresh index made with o; fills *rs. With
 * story (one slot per article) and parent (stories, made roots), the
 * placements are kept: story[i] for article i, merges in parent. */
static void run_once(run_stats *rs, const corpus *c,
		     const nd_storyindex_options *o, unsigned long long *story,
		     uint32_t *parent)
{
	nd_storyindex *ix = NULL;
	nd_storyindex_stats st;
	size_t i, mark = 0, next_mark = c->n * MARKS[0] / 100;
	double t0, c0;
	bool at_mark;

	memset(rs, 0, sizeof(*rs));
	if (nd_storyindex_create(&ix, o) != ND_OK)
		fail("cannot create the story index (bad options?)");
	t0 = bench_now_ms();
	c0 = bench_cpu_ms();
	for (i = 0; i < c->n; i++) {
		const article *a = &c->a[i];
		nd_story_article sa = { .title = a->title,
					.title_len = a->title_len,
					.text = a->text,
					.text_len = a->text_len,
					.published = a->published,
					.key = i };
		nd_placement p;

		if (nd_storyindex_add(&p, ix, &sa) != ND_OK)
			fail("nd_storyindex_add failed");
		if (story != NULL) {
			story[i] = p.story;
			follow(story, parent, ID_SLOTS(c->n), &p);
		}
		at_mark = mark < N_MARKS && i + 1 >= next_mark;
		if ((i + 1) % SAMPLE_EVERY == 0 || at_mark) {
			nd_storyindex_stats_get(&st, ix);
			if (st.live > rs->max_live)
				rs->max_live = st.live;
		}
		while (at_mark && mark < N_MARKS && i + 1 >= next_mark) {
			rs->at[mark] = st;
			rs->rss_kb[mark++] = rss_now_kb();
			next_mark = mark < N_MARKS ? c->n * MARKS[mark] / 100 : 0;
		}
	}
	rs->ms = bench_now_ms() - t0;
	rs->cpu_ms = bench_cpu_ms() - c0;
	nd_storyindex_stats_get(&rs->end, ix);
	if (rs->end.live > rs->max_live)
		rs->max_live = rs->end.live;
	nd_storyindex_free(ix);
}

/* B-cubed and pairwise scores of the kept placements against gold. */
static void score(const corpus *c, unsigned long long *story,
		  uint32_t *parent)
{
	uint32_t *gold = nd_calloc(c->n + 1, sizeof(uint32_t));
	uint32_t *pred = nd_calloc(c->n + 1, sizeof(uint32_t));
	nd_cluster_scores s;
	size_t i;

	if (gold == NULL || pred == NULL)
		fail("out of memory");
	for (i = 0; i < c->n; i++) {
		gold[i] = c->a[i].gold;
		pred[i] = story[i] < ID_SLOTS(c->n)
				  ? nd_uf_find(parent, (uint32_t)story[i])
				  : UINT32_MAX;
	}
	if (nd_cluster_score(&s, gold, pred, c->n) != ND_OK)
		fail("out of memory");
	printf("stories after merges %zu, gold topics %zu\n", s.pred_clusters,
	       s.gold_clusters);
	printf("B-cubed P %.4f R %.4f F1 %.4f  pairwise P %.4f R %.4f F1 "
	       "%.4f  ARI %.4f\n", s.b3_p, s.b3_r, s.b3_f1, s.pair_p, s.pair_r,
	       s.pair_f1, s.ari);
	nd_free(gold);
	nd_free(pred);
}

static double per(double x, double y)
{
	return y > 0 ? x / y : 0;
}

static void print_run(const corpus *c, const run_stats *rs, double ms,
		      double cpu, size_t runs)
{
	const nd_storyindex_stats *e = &rs->end;
	size_t k;

	printf("articles %zu  input %.1f MB  (%zu undated, %zu not in the "
	       "topics)  runs %zu (add only, median)\n", c->n,
	       (double)c->size / 1e6, c->undated, c->unnamed, runs);
	printf("wall %.0f ms = %.0f articles/s; cpu %.0f ms = %.0f articles "
	       "per CPU-second\n", ms, per((double)c->n, ms) * 1e3, cpu,
	       per((double)c->n, cpu) * 1e3);
	printf("peak RSS %.1f MB (with the corpus; %.1f MB once it was "
	       "read)\n", (double)bench_peak_rss_kb() / 1024,
	       (double)c->rss_kb / 1024);
	printf("stories made %zu, merges %zu, expired %zu; live: max %zu "
	       "(read every %u adds), final %zu\n", e->stories, e->merges,
	       e->expired, rs->max_live, SAMPLE_EVERY, e->live);
	printf("index %zu bytes = %.0f B per live story\n", e->bytes,
	       per((double)e->bytes, (double)e->live));
	for (k = 0; k < N_MARKS; k++)
		printf("  at %3u%% (%7llu articles): index %.2f MB, %zu live "
		       "stories (%.0f B each), %zu made, RSS %.1f MB\n",
		       MARKS[k], rs->at[k].articles,
		       (double)rs->at[k].bytes / 1e6, rs->at[k].live,
		       per((double)rs->at[k].bytes, (double)rs->at[k].live),
		       rs->at[k].stories, (double)rs->rss_kb[k] / 1024);
}

/* Fills o and *runs from the options before the two paths; returns the
 * index of the first path, or -1 on a usage error. */
static int parse_args(nd_storyindex_options *o, size_t *runs, int argc,
		      char **argv)
{
	int arg = 1;
	char *end = NULL;

	while (arg + 1 < argc && argv[arg][0] == '-') {
		const char *v = argv[arg + 1];

		if (strcmp(argv[arg], "--runs") == 0)
			*runs = strtoul(v, &end, 10);
		else if (strcmp(argv[arg], "--threshold") == 0)
			o->threshold = strtod(v, &end);
		else if (strcmp(argv[arg], "--expire-days") == 0)
			o->expire_after = (long long)(strtod(v, &end) * 86400);
		else
			return -1;
		if (end == v || *end != '\0')
			return -1;
		arg += 2;
	}
	if (argc - arg != 2 || *runs < 1 || *runs > MAX_RUNS)
		return -1;
	return arg;
}

int main(int argc, char **argv)
{
	nd_storyindex_options o = ND_STORYINDEX_OPTIONS_INIT;
	corpus c = { 0 };
	run_stats first, rs;
	double ms[MAX_RUNS], cpu[MAX_RUNS];
	unsigned long long *story;
	uint32_t *parent;
	size_t runs = 3, i;
	int arg = parse_args(&o, &runs, argc, argv);

	if (arg < 0) {
		fprintf(stderr, "usage: bench_cluster [--runs N] [--threshold "
				"T] [--expire-days D] CORPUS.jsonl "
				"TOPICS.tsv\n");
		return 2;
	}
	load_corpus(&c, argv[arg]);
	load_topics(&c, argv[arg + 1]);
	c.rss_kb = rss_now_kb();
	story = nd_calloc(c.n + 1, sizeof(*story));
	parent = nd_calloc(ID_SLOTS(c.n), sizeof(*parent));
	if (story == NULL || parent == NULL)
		fail("out of memory");
	nd_uf_init(parent, ID_SLOTS(c.n));
	run_once(&first, &c, &o, story, parent);
	ms[0] = first.ms;
	cpu[0] = first.cpu_ms;
	for (i = 1; i < runs; i++) {
		run_once(&rs, &c, &o, NULL, NULL);
		ms[i] = rs.ms;
		cpu[i] = rs.cpu_ms;
	}
	print_run(&c, &first, bench_median(ms, runs), bench_median(cpu, runs),
		  runs);
	score(&c, story, parent);
	nd_free(story);
	nd_free(parent);
	nd_free(c.a);
	nd_strmap_dispose(&c.ids);
	nd_arena_free(c.texts);
	return 0;
}
