/* bench_time: the clock and the median the bench tools share. */
#ifndef ND_BENCH_TIME_H
#define ND_BENCH_TIME_H

#include <stdlib.h> /* qsort */
#include <time.h>   /* clock_gettime */

/* Monotonic time in milliseconds. */
static inline double bench_now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
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
