/* "newsdigest cluster --stream": each article placed in a story as it is
 * read, and the placement printed at once. Articles come in input order,
 * taken as arrival order, read and cleaned one at a time; a story index
 * holds only the live stories, so memory follows them, not the stream. */
#include "cli/cli.h"

#include <stdio.h>  /* printf */
#include <string.h> /* strlen, strncmp */

typedef struct stream_state {
	nd_storyindex *ix;
	unsigned long long n;
} stream_state;

/* The body of a cleaned text: what follows its title line and the blank
 * line after it. */
static const char *body_of(const nd_article_info *a, size_t *len)
{
	size_t t = strlen(a->title);

	if (t && a->text_len >= t + 2 && strncmp(a->text, a->title, t) == 0 &&
	    a->text[t] == '\n' && a->text[t + 1] == '\n') {
		*len = a->text_len - t - 2;
		return a->text + t + 2;
	}
	*len = a->text_len;
	return a->text;
}

static void print_placement(const stream_state *s, const char *id,
			    const nd_placement *p)
{
	const nd_story_evidence *e;
	size_t k, n;

	printf("%llu\t", s->n);
	cli_put_escaped(stdout, id);
	printf("\t%llu\t%s\t%.3f\t", p->story,
	       p->is_new ? "new" : "joined", p->score);
	for (k = 0; k < p->n_merged; k++)
		printf("%s%llu", k ? "," : "", p->merged[k]);
	if (p->n_merged)
		printf(":%.3f", p->merge_score);
	else
		putchar('-');
	putchar('\t');
	nd_storyindex_evidence(&e, &n, s->ix);
	for (k = 0; k < n; k++) {
		printf("%s", k ? ", " : "");
		cli_put_escaped(stdout, e[k].term);
		printf("%s%.3f", e[k].is_name ? "* " : " ", e[k].share);
	}
	putchar('\n');
}

/* A split moves articles already printed: one line says which. */
static void print_split(const nd_placement *p)
{
	size_t k;

	printf("# split: story %llu from %llu, articles", p->split_off,
	       p->split_from);
	for (k = 0; k < p->n_moved; k++)
		printf("%s%llu", k ? "," : " ", p->moved[k]);
	putchar('\n');
}

static int place(const nd_article_info *info, void *ctx)
{
	stream_state *s = ctx;
	nd_story_article a;
	nd_placement p;
	int rc;

	memset(&a, 0, sizeof(a));
	a.title = info->title;
	a.title_len = strlen(info->title);
	a.text = body_of(info, &a.text_len);
	a.published = info->published_at;
	a.key = s->n + 1; /* its order, as printed */
	rc = nd_storyindex_add(&p, s->ix, &a);
	if (rc != ND_OK) {
		cli_error("cluster: %s", nd_strerror(rc));
		return CLI_FAIL;
	}
	s->n++;
	print_placement(s, info->id, &p);
	if (p.split_off)
		print_split(&p);
	return CLI_OK;
}

/* A last line on standard error: what the stream made and kept. */
static void report(const nd_storyindex *ix)
{
	nd_storyindex_stats st;

	nd_storyindex_stats_get(&st, ix);
	fprintf(stderr,
		"cluster: %llu articles, %zu stories (%zu live, %zu merged, "
		"%zu split off, %zu expired), index %.1f MB\n",
		st.articles, st.stories, st.live, st.merges, st.splits,
		st.expired, st.bytes / 1e6);
}

int cli_stream_cluster(const cli_args *a)
{
	nd_storyindex_options o = ND_STORYINDEX_OPTIONS_INIT;
	stream_state s = { NULL, 0 };
	size_t i;
	int one, status = CLI_OK;

	o.threshold = a->threshold;
	o.expire_after = a->expire;
	o.explain = a->explain;
	if (nd_storyindex_create(&s.ix, &o) != ND_OK) {
		cli_error("cluster: cannot start: %s", nd_strerror(ND_ENOMEM));
		return CLI_FAIL;
	}
	printf("# order\tarticle\tstory\thow\tscore\tmerged\t"
	       "shared terms (* a name) and their share of the score\n");
	for (i = 0; i < (a->n_paths ? a->n_paths : 1); i++) {
		one = cli_each_article(a->n_paths ? a->paths[i] : "-",
				       "cluster", place, &s);
		if (one == CLI_FAIL) {
			status = CLI_FAIL;
			break;
		}
		if (one == CLI_REJECTED)
			status = CLI_REJECTED;
	}
	if (status != CLI_FAIL)
		report(s.ix);
	if (cli_flush_stdout() != CLI_OK)
		status = CLI_FAIL;
	nd_storyindex_free(s.ix);
	return status;
}
