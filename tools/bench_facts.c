/* bench_facts: the time of the facts stage alone (nd_facts_story: quotes,
 * speakers, entities, numbers and their merging) on every article of the
 * input taken as one story, as `newsdigest facts` takes it.
 *
 *   bench_facts RUNS PATH...
 *
 * The articles are read, cleaned and analysed by the batch first (not
 * timed), the word lists built once (not timed: a batch builds them once
 * for all its stories); then nd_facts_story runs RUNS times, each into a
 * fresh arena. Prints the input (articles, bytes of cleaned text), the
 * median wall and CPU time of a run, the peak resident memory of the
 * process, and what the story held. scripts/bench-facts.sh runs it.
 * Exit status 0, or 2 on a usage, input or stage error. */
#include <stdio.h>  /* printf */
#include <stdlib.h> /* strtoul */

#include "bench_time.h"
#include "core/alloc.h"
#include "core/arena.h"
#include "facts/facts.h"
#include "newsdigest.h"
#include "pipeline/batch_internal.h"

#define MAX_RUNS 1000

/* Runs the stage RUNS times; wall[] and cpu[] get each run's time. */
static int time_runs(double *wall, double *cpu, nd_story_facts *last,
		     const nd_facts *f, const nd_corpus *c,
		     const size_t *members, unsigned long runs,
		     nd_arena **keep)
{
	unsigned long r;
	int rc = ND_OK;

	for (r = 0; r < runs && rc == ND_OK; r++) {
		nd_arena *a = NULL;
		double w0, c0;

		if ((rc = nd_arena_create(&a)))
			break;
		w0 = bench_now_ms();
		c0 = bench_cpu_ms();
		rc = nd_facts_story(last, f, c, members, c->n, NULL, a);
		cpu[r] = bench_cpu_ms() - c0;
		wall[r] = bench_now_ms() - w0;
		/* The last run's results stay for the counts. */
		nd_arena_free(*keep);
		*keep = a;
	}
	return rc;
}

int main(int argc, char **argv)
{
	nd_batch *b = NULL;
	nd_facts *f = NULL;
	nd_arena *keep = NULL;
	nd_story_facts sf = { 0 };
	size_t *members = NULL, i, bytes = 0;
	double wall[MAX_RUNS], cpu[MAX_RUNS];
	unsigned long runs;
	nd_corpus c;
	char *end;
	int status = 2, k;

	if (argc < 3 || (runs = strtoul(argv[1], &end, 10)) == 0 ||
	    *end != '\0' || runs > MAX_RUNS) {
		fprintf(stderr, "usage: bench_facts RUNS PATH...  (RUNS 1 to "
			"%d)\n", MAX_RUNS);
		return 2;
	}
	if (nd_batch_create(&b, NULL) != ND_OK)
		goto done;
	for (k = 2; k < argc; k++)
		if (nd_batch_add_path(b, argv[k]) == ND_ENOMEM)
			goto done;
	if (nd_batch_run(b, ND_STAGE_ANALYSE) != ND_OK) {
		fprintf(stderr, "bench_facts: %s\n", nd_batch_error(b));
		goto done;
	}
	c = nd_batch__corpus(b);
	if (c.n == 0) {
		fprintf(stderr, "bench_facts: no articles in the input\n");
		goto done;
	}
	if ((members = nd_calloc(c.n, sizeof(*members))) == NULL ||
	    nd_facts_create(&f) != ND_OK)
		goto done;
	for (i = 0; i < c.n; i++) {
		members[i] = i;
		bytes += c.docs[i].len;
	}
	if (time_runs(wall, cpu, &sf, f, &c, members, runs, &keep) != ND_OK) {
		fprintf(stderr, "bench_facts: the facts stage failed\n");
		goto done;
	}
	printf("input: %zu articles, %zu bytes of cleaned text\n", c.n,
	       bytes);
	printf("facts stage: median %.2f ms wall, %.2f ms CPU over %lu runs;"
	       " peak RSS %ld KiB\n", bench_median(wall, runs),
	       bench_median(cpu, runs), runs, bench_peak_rss_kb());
	printf("found: %zu quotes, %zu entities, %zu facts\n", sf.n_quotes,
	       sf.n_entities, sf.n_facts);
	status = 0;
done:
	nd_arena_free(keep);
	nd_facts_free(f);
	nd_free(members);
	nd_batch_free(b);
	return status;
}
