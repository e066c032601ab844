/* Articles one at a time, for the commands that keep an index across
 * them (index add, cluster --stream) rather than a whole batch. */
#include "cli/cli.h"

#include <stdio.h>  /* sscanf */
#include <time.h>   /* timegm */

int cli_parse_date(long long *out, const char *s)
{
	struct tm tm = { 0 };
	int n = 0;

	if (sscanf(s, "%4d-%2d-%2d%n", &tm.tm_year, &tm.tm_mon, &tm.tm_mday,
		   &n) != 3 || n != 10)
		return -1;
	if ((s[10] == 'T' || s[10] == ' ') &&
	    sscanf(s + 11, "%2d:%2d:%2d", &tm.tm_hour, &tm.tm_min,
		   &tm.tm_sec) < 2)
		tm.tm_hour = tm.tm_min = tm.tm_sec = 0;
	/* timegm would carry a negative field into the day before. */
	if (tm.tm_mon < 1 || tm.tm_mon > 12 || tm.tm_mday < 1 ||
	    tm.tm_mday > 31 || tm.tm_hour < 0 || tm.tm_hour > 23 ||
	    tm.tm_min < 0 || tm.tm_min > 59 || tm.tm_sec < 0 || tm.tm_sec > 60)
		return -1;
	tm.tm_year -= 1900;
	tm.tm_mon -= 1;
	*out = (long long)timegm(&tm);
	return 0;
}

/* nd_batch_each_article's callback: the command's, whose CLI_FAIL stops
 * the walk. */
typedef struct walk {
	cli_article_fn fn;
	void *ctx;
} walk;

static int hand_over(void *ctx, const nd_article_info *a)
{
	const walk *w = ctx;

	return w->fn(a, w->ctx) == CLI_OK ? 0 : CLI_FAIL;
}

int cli_each_article(const char *path, const char *what, cli_article_fn fn,
		     void *ctx)
{
	walk w = { fn, ctx };
	nd_batch *b = NULL;
	int rc, status = CLI_FAIL;

	if (nd_batch_create(&b, NULL) != ND_OK) {
		cli_error("%s: cannot start: %s", what, nd_strerror(ND_ENOMEM));
		return CLI_FAIL;
	}
	rc = nd_batch_each_article(b, path, hand_over, &w);
	cli_report_rejected(b);
	if (rc == CLI_FAIL)
		goto done; /* the command said why */
	if (rc == ND_ENOMEM) {
		cli_error("%s: %s", what, nd_strerror(rc));
		goto done;
	}
	status = nd_batch_rejected_count(b) ? CLI_REJECTED : CLI_OK;
done:
	nd_batch_free(b);
	return status;
}
