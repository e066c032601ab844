/* timeit: runs a command RUNS times and prints the median wall time, the
 * median CPU time (user + system) and the peak resident memory over the
 * runs, all taken from the kernel's accounting of the child (wait4), so
 * no helper process sits inside the interval the way `date` and GNU time
 * do in a shell loop: at a few milliseconds a run, they cost as much as
 * the program. The command's output goes to /dev/null.
 *   timeit RUNS COMMAND [ARG...]
 * Prints one line: "WALL_US CPU_US RSS_KIB FAILED" (medians in
 * microseconds, peak in KiB, how many runs exited non-zero). Exit status
 * 2 when the command cannot be run at all. */
#include <errno.h>        /* errno */
#include <fcntl.h>        /* open */
#include <stdio.h>        /* printf, fprintf */
#include <stdlib.h>       /* strtoul */
#include <string.h>       /* strerror */
#include <sys/resource.h> /* struct rusage */
#include <sys/wait.h>     /* wait4 */
#include <unistd.h>       /* fork, execvp, dup2 */

#include "bench_time.h"

#define MAX_RUNS 1000

/* One run of argv: its wall and CPU time and peak memory; -1 when it
 * could not be started, else its exit status (0 ok). */
static int run_once(char **argv, double *wall, double *cpu, long *rss_kib)
{
	struct rusage ru;
	double start = bench_now_ms();
	int status;
	pid_t pid = fork();

	if (pid < 0)
		return -1;
	if (pid == 0) {
		int null = open("/dev/null", O_WRONLY);

		if (null >= 0) {
			dup2(null, STDOUT_FILENO);
			dup2(null, STDERR_FILENO);
		}
		execvp(argv[0], argv);
		_exit(127);
	}
	if (wait4(pid, &status, 0, &ru) < 0)
		return -1;
	*wall = (bench_now_ms() - start) * 1e3;
	*cpu = (double)ru.ru_utime.tv_sec * 1e6 + (double)ru.ru_utime.tv_usec +
	       (double)ru.ru_stime.tv_sec * 1e6 + (double)ru.ru_stime.tv_usec;
	*rss_kib = ru.ru_maxrss;
	if (!WIFEXITED(status) || WEXITSTATUS(status) == 127)
		return WIFEXITED(status) ? 127 : 128;
	return WEXITSTATUS(status);
}

int main(int argc, char **argv)
{
	static double wall[MAX_RUNS], cpu[MAX_RUNS];
	unsigned long runs;
	long rss = 0, peak = 0;
	size_t i, failed = 0;

	if (argc < 3 || (runs = strtoul(argv[1], NULL, 10)) == 0 ||
	    runs > MAX_RUNS) {
		fprintf(stderr, "usage: timeit RUNS(1-%d) COMMAND [ARG...]\n",
			MAX_RUNS);
		return 2;
	}
	for (i = 0; i < runs; i++) {
		int rc = run_once(argv + 2, &wall[i], &cpu[i], &rss);

		if (rc < 0 || rc == 127) {
			fprintf(stderr, "timeit: cannot run %s: %s\n", argv[2],
				rc < 0 ? strerror(errno) : "not found");
			return 2;
		}
		failed += rc != 0;
		if (rss > peak)
			peak = rss;
	}
	printf("%.0f %.0f %ld %zu\n", bench_median(wall, runs), bench_median(cpu, runs),
	       peak, failed);
	return 0;
}
