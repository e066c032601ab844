/* bench_time: the clock and the median the bench tools share. */
#ifndef ND_BENCH_TIME_H
#define ND_BENCH_TIME_H

#include <stdlib.h>       /* qsort */
#include <sys/resource.h> /* getrusage */
#include <time.h>         /* clock_gettime */

/* Monotonic time in milliseconds. */
static inline double bench_now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

/* CPU time of this thread in milliseconds: on a shared machine, other
 * processes' turns on the core count in the wall time but not here. */
static inline double bench_cpu_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
	return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

/* The peak resident set of this process so far, in KiB. */
static inline long bench_peak_rss_kb(void)
{
	struct rusage ru;

	getrusage(RUSAGE_SELF, &ru);
	return ru.ru_maxrss;
}

static inline int bench_by_value(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

/* The median of v[0..n), n > 0 (the upper one of an even count); sorts
 * v. */
static inline double bench_median(double *v, size_t n)
{
	qsort(v, n, sizeof(*v), bench_by_value);
	return v[n / 2];
}

#endif
