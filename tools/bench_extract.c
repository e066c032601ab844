/* bench_extract: where the time of `newsdigest clean` goes, in one process
 * (no start-up): reading alone (ingest: read, sniff, check, convert, with
 * a sink that keeps nothing), then the batch as the CLI runs it (reading
 * and cleaning, which the batch does as each input arrives), writing the
 * text out, and freeing the batch. Prints the median of each phase over
 * RUNS runs; scripts/bench-extract.sh runs it.
 *   bench_extract RUNS PATH... */
#include <stdio.h>  /* printf */
#include <stdlib.h> /* strtoul */

#include "bench_time.h"
#include "core/buf.h"
#include "ingest/ingest.h"
#include "newsdigest.h"

#define MAX_RUNS 64

enum { READ, READ_CLEAN, WRITE, FREE, N_PHASES };

static int count_article(void *ctx, const nd_raw_article *a)
{
	(void)a;
	++*(long *)ctx;
	return 0;
}

/* Ingest alone, the way the batch calls it (one call per path, one
 * reused buffer); returns the articles read. */
static long read_only(char **paths, int n)
{
	nd_buf scratch = ND_BUF_INIT(0);
	nd_ingest_sink s = { 0, count_article, NULL, NULL, &scratch };
	long articles = 0;
	int i;

	s.ctx = &articles;
	for (i = 0; i < n; i++)
		nd_ingest_path(&s, paths[i]);
	nd_buf_dispose(&scratch);
	return articles;
}

/* Times one run into t[]; returns the articles cleaned, or -1. */
static long one_run(double t[N_PHASES], char **paths, int n, FILE *sink)
{
	nd_batch *b = NULL;
	double t0;
	long articles = -1;
	int i, rc;

	t0 = bench_now_ms();
	read_only(paths, n);
	t[READ] = bench_now_ms() - t0;
	if (nd_batch_create(&b, NULL) != ND_OK)
		return -1;
	t0 = bench_now_ms();
	for (i = 0; i < n; i++)
		if (nd_batch_add_path(b, paths[i]) == ND_ENOMEM)
			goto done;
	rc = nd_batch_run(b, ND_STAGE_CLEAN);
	if (rc != ND_OK && rc != ND_EPARTIAL)
		goto done;
	t[READ_CLEAN] = bench_now_ms() - t0;
	t0 = bench_now_ms();
	if (nd_batch_render_file(b, ND_RENDER_CLEAN_TEXT, sink) != ND_OK)
		goto done;
	fflush(sink);
	t[WRITE] = bench_now_ms() - t0;
	articles = (long)nd_batch_article_count(b);
done:
	t0 = bench_now_ms();
	nd_batch_free(b);
	t[FREE] = bench_now_ms() - t0;
	return articles;
}

int main(int argc, char **argv)
{
	double t[N_PHASES][MAX_RUNS], run[N_PHASES], m[N_PHASES];
	unsigned long runs;
	long articles = 0;
	FILE *sink;
	int r, p;

	if (argc < 3 || (runs = strtoul(argv[1], NULL, 10)) == 0 ||
	    runs > MAX_RUNS) {
		fprintf(stderr, "usage: bench_extract RUNS(1-%d) PATH...\n",
			MAX_RUNS);
		return 2;
	}
	sink = fopen("/dev/null", "w");
	if (sink == NULL)
		return 2;
	for (r = 0; r < (int)runs; r++) {
		articles = one_run(run, argv + 2, argc - 2, sink);
		if (articles < 0) {
			fprintf(stderr, "bench_extract: run failed\n");
			fclose(sink);
			return 2;
		}
		for (p = 0; p < N_PHASES; p++)
			t[p][r] = run[p];
	}
	fclose(sink);
	for (p = 0; p < N_PHASES; p++)
		m[p] = bench_median(t[p], runs);
	printf("in one process, median of %lu runs, %ld articles: "
	       "read %.1f ms, read+clean %.1f ms (clean ~%.1f ms), "
	       "write %.1f ms, free %.1f ms\n",
	       runs, articles, m[READ], m[READ_CLEAN],
	       m[READ_CLEAN] - m[READ], m[WRITE], m[FREE]);
	return 0;
}
