/* bench_extract: where the time of `newsdigest clean` goes, in one process
 * and through the public API only: reading the inputs (ingest: read, sniff,
 * check, convert, copy into the batch), cleaning them, writing the text
 * out, and freeing the batch. Prints the median of each phase over RUNS
 * runs; scripts/bench-extract.sh runs it.
 *   bench_extract RUNS PATH... */
#include <stdio.h>  /* printf */
#include <stdlib.h> /* strtoul, qsort */
#include <time.h>   /* clock_gettime */

#include "newsdigest.h"

#define MAX_RUNS 64

enum { READ, CLEAN, WRITE, FREE, N_PHASES };

static const char *const phase_name[N_PHASES] = {
	"read", "clean", "write", "free"
};

static double now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static int by_value(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

/* Times one run into t[]; returns the articles cleaned, or -1. */
static long one_run(double t[N_PHASES], char **paths, int n, FILE *sink)
{
	nd_batch *b = NULL;
	double t0;
	long articles = -1;
	int i, rc;

	if (nd_batch_create(&b, NULL) != ND_OK)
		return -1;
	t0 = now_ms();
	for (i = 0; i < n; i++)
		if (nd_batch_add_path(b, paths[i]) == ND_ENOMEM)
			goto done;
	t[READ] = now_ms() - t0;
	t0 = now_ms();
	rc = nd_batch_run(b, ND_STAGE_CLEAN);
	if (rc != ND_OK && rc != ND_EPARTIAL)
		goto done;
	t[CLEAN] = now_ms() - t0;
	t0 = now_ms();
	if (nd_batch_render_file(b, ND_RENDER_CLEAN_TEXT, sink) != ND_OK)
		goto done;
	fflush(sink);
	t[WRITE] = now_ms() - t0;
	articles = (long)nd_batch_article_count(b);
done:
	t0 = now_ms();
	nd_batch_free(b);
	t[FREE] = now_ms() - t0;
	return articles;
}

int main(int argc, char **argv)
{
	double t[N_PHASES][MAX_RUNS], run[N_PHASES];
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
	printf("in one process, median of %lu runs, %ld articles:", runs,
	       articles);
	for (p = 0; p < N_PHASES; p++) {
		qsort(t[p], runs, sizeof(double), by_value);
		printf(" %s %.1f ms%s", phase_name[p], t[p][runs / 2],
		       p + 1 < N_PHASES ? "," : "\n");
	}
	return 0;
}
