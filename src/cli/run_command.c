/* One run of a command: read every path, run the stages, report what was
 * rejected, print the result (or write it to files, for clean --out). */
#include "cli/cli.h"

#include <errno.h>  /* errno */
#include <stdio.h>  /* stdout */
#include <string.h> /* strerror */

static nd_batch *create_batch(const cli_args *a)
{
	nd_options opts;
	nd_batch *b = NULL;
	int rc;

	nd_options_init(&opts);
	opts.summary_words = a->words;
	opts.summary_bytes = a->bytes;
	opts.near_dup_jaccard = a->near_jaccard;
	opts.rewrite_share = a->rewrite_share;
	opts.single_story = (a->cmd->flags & CLI_SINGLE_STORY) != 0;
	opts.cluster_threshold = a->threshold;
	opts.story_expire = a->expire;
	opts.explain_stories = a->explain;
	rc = nd_batch_create(&b, &opts);
	if (rc)
		cli_error("cannot start: %s", nd_strerror(rc));
	return b;
}

static void fatal(const nd_batch *b, int rc)
{
	const char *msg = nd_batch_error(b);

	fputs("newsdigest: ", stderr);
	cli_put_escaped(stderr, msg[0] ? msg : nd_strerror(rc));
	fputc('\n', stderr);
}

/* Adds the paths (standard input when none); rejections are recorded in
 * b, only running out of memory stops. */
static int add_inputs(nd_batch *b, const cli_args *a)
{
	size_t i;
	int rc = ND_OK;

	if (a->n_paths == 0)
		rc = nd_batch_add_path(b, "-");
	for (i = 0; i < a->n_paths && rc != ND_ENOMEM; i++)
		rc = nd_batch_add_path(b, a->paths[i]);
	if (rc == ND_ENOMEM)
		fatal(b, rc);
	return rc == ND_ENOMEM ? rc : ND_OK;
}

/* The result on standard output; CLI_OK or CLI_FAIL. */
static int print(const nd_batch *b, const cli_args *a)
{
	/* --explain's lines replace the story list; JSON holds both. */
	nd_render_kind kind = a->explain && a->format->kind ==
					    ND_RENDER_CLUSTER_TSV
				      ? ND_RENDER_CLUSTER_EXPLAIN
				      : a->format->kind;
	int rc = nd_batch_render_file(b, kind, stdout);

	if (rc == ND_OK)
		return CLI_OK;
	cli_error("cannot write the output: %s",
		  rc == ND_EIO ? strerror(errno) : nd_strerror(rc));
	return CLI_FAIL;
}

int cli_run(const cli_args *a)
{
	nd_batch *b;
	int rc, status = CLI_FAIL;

	if (a->stream)
		return cli_stream_cluster(a);
	b = create_batch(a);
	if (b == NULL || add_inputs(b, a))
		goto done;
	rc = nd_batch_run(b, a->cmd->stages);
	if (rc != ND_OK && rc != ND_EPARTIAL) {
		fatal(b, rc);
		goto done;
	}
	cli_report_rejected(b);
	if (a->out_dir ? cli_write_articles(b, a) : print(b, a))
		goto done;
	status = nd_batch_rejected_count(b) ? CLI_REJECTED : CLI_OK;
done:
	nd_batch_free(b);
	return status;
}
