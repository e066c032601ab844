/* Options of a command, parsed with getopt_long: they may come before or
 * after the paths, "--" ends them, and every value is checked in full. */
#include "cli/cli.h"

#include <errno.h>  /* errno */
#include <stdio.h>  /* snprintf */
#include <getopt.h> /* getopt_long */
#include <stdlib.h> /* strtod, strtoul */
#include <string.h> /* strcmp, memset */
#include <unistd.h> /* isatty */

#define COUNT_MAX 100000

enum {
	OPT_FORMAT = 256,
	OPT_WORDS,
	OPT_BYTES,
	OPT_OUT,
	OPT_NEAR,
	OPT_SHARE,
	OPT_THRESHOLD,
	OPT_EXPIRE,
	OPT_EXPLAIN,
	OPT_STREAM
};

/* help, the ten options above, and the terminating zeros. */
#define N_LONG 12

/* The long options cmd accepts, in opts (room for N_LONG). */
static void long_options(struct option *opts, const cli_command *cmd)
{
	size_t n = 0;

	memset(opts, 0, N_LONG * sizeof(*opts));
	opts[n++] = (struct option){ "help", no_argument, NULL, 'h' };
	if (cmd->flags & CLI_OPT_FORMAT)
		opts[n++] = (struct option){ "format", required_argument,
					     NULL, OPT_FORMAT };
	if (cmd->flags & CLI_OPT_WORDS)
		opts[n++] = (struct option){ "words", required_argument, NULL,
					     OPT_WORDS };
	if (cmd->flags & CLI_OPT_BYTES)
		opts[n++] = (struct option){ "bytes", required_argument, NULL,
					     OPT_BYTES };
	if (cmd->flags & CLI_OPT_OUT)
		opts[n++] = (struct option){ "out", required_argument, NULL,
					     OPT_OUT };
	if (cmd->flags & CLI_OPT_COPIES) {
		opts[n++] = (struct option){ "near-jaccard", required_argument,
					     NULL, OPT_NEAR };
		opts[n++] = (struct option){ "rewrite-share",
					     required_argument, NULL,
					     OPT_SHARE };
	}
	if (cmd->flags & CLI_OPT_STORIES) {
		opts[n++] = (struct option){ "threshold", required_argument,
					     NULL, OPT_THRESHOLD };
		opts[n++] = (struct option){ "expire-days", required_argument,
					     NULL, OPT_EXPIRE };
	}
	if (cmd->flags & CLI_OPT_EXPLAIN)
		opts[n++] = (struct option){ "explain", no_argument, NULL,
					     OPT_EXPLAIN };
	if (cmd->flags & CLI_OPT_STREAM)
		opts[n++] = (struct option){ "stream", no_argument, NULL,
					     OPT_STREAM };
}

/* A count from 1 to COUNT_MAX written as plain decimal digits. */
static int parse_count(unsigned *out, const char *s)
{
	unsigned long v;
	char *end = NULL;

	if (s[0] < '0' || s[0] > '9')
		return -1;
	errno = 0;
	v = strtoul(s, &end, 10);
	if (errno != 0 || *end != '\0' || v < 1 || v > COUNT_MAX)
		return -1;
	*out = (unsigned)v;
	return 0;
}

/* A share above 0 and at most 1, written in full as a decimal number. */
static int parse_share(double *out, const char *s)
{
	double v;
	char *end = NULL;

	if ((s[0] < '0' || s[0] > '9') && s[0] != '.')
		return -1;
	errno = 0;
	v = strtod(s, &end);
	if (errno != 0 || *end != '\0' || !(v > 0 && v <= 1))
		return -1;
	*out = v;
	return 0;
}

static const cli_format *find_format(const cli_command *cmd,
				     const char *name)
{
	size_t i;

	for (i = 0; i < cmd->n_formats; i++)
		if (strcmp(cmd->formats[i].name, name) == 0)
			return &cmd->formats[i];
	return NULL;
}

static const cli_format *default_format(const cli_command *cmd)
{
	if ((cmd->flags & CLI_TTY_FORMAT) && cmd->n_formats > 1 &&
	    !isatty(STDOUT_FILENO))
		return &cmd->formats[1];
	return &cmd->formats[0];
}

/* The option getopt_long just refused, as the user wrote it. */
static const char *offending(char **argv, char *buf)
{
	if (optopt > 0 && optopt < 256) {
		buf[0] = '-';
		buf[1] = (char)optopt;
		buf[2] = '\0';
		return buf;
	}
	return argv[optind - 1];
}

/* Commands offer one or two formats. */
static int bad_format(const cli_command *cmd, const char *name)
{
	const cli_format *f = cmd->formats;
	char tail[64];

	if (cmd->n_formats > 1)
		snprintf(tail, sizeof(tail), "(expected %s or %s)", f[0].name,
			 f[1].name);
	else
		snprintf(tail, sizeof(tail), "(expected %s)", f[0].name);
	return cli_usage_error(cmd, "unknown format", name, tail);
}

static int bad_count(const cli_command *cmd, const char *option,
		     const char *value)
{
	return cli_usage_error(cmd, option, value,
			       "(expected a number from 1 to 100000)");
}

/* Handles one option; 0 or CLI_FAIL. */
static int apply(cli_args *a, int c, char **argv)
{
	char buf[3];
	unsigned days;

	switch (c) {
	case 'h':
		a->help = 1;
		return 0;
	case OPT_FORMAT:
		a->format = find_format(a->cmd, optarg);
		return a->format ? 0 : bad_format(a->cmd, optarg);
	case OPT_WORDS:
		if (parse_count(&a->words, optarg) == 0)
			return 0;
		return bad_count(a->cmd, "invalid --words", optarg);
	case OPT_BYTES:
		if (parse_count(&a->bytes, optarg) == 0)
			return 0;
		return bad_count(a->cmd, "invalid --bytes", optarg);
	case OPT_NEAR:
	case OPT_SHARE:
		if (parse_share(c == OPT_NEAR ? &a->near_jaccard
					      : &a->rewrite_share,
				optarg) == 0)
			return 0;
		return cli_usage_error(a->cmd, c == OPT_NEAR
					       ? "invalid --near-jaccard"
					       : "invalid --rewrite-share",
				       optarg, "(expected a number above 0, "
				       "at most 1)");
	case OPT_THRESHOLD:
		if (parse_share(&a->threshold, optarg) == 0)
			return 0;
		return cli_usage_error(a->cmd, "invalid --threshold", optarg,
				       "(expected a number above 0, at most "
				       "1)");
	case OPT_EXPIRE:
		if (strcmp(optarg, "0") == 0) {
			a->expire = -1;
			return 0;
		}
		if (parse_count(&days, optarg) == 0) {
			a->expire = (long long)days * 24 * 3600;
			return 0;
		}
		return cli_usage_error(a->cmd, "invalid --expire-days", optarg,
				       "(expected 0 for never, or a number "
				       "of days up to 100000)");
	case OPT_EXPLAIN:
		a->explain = 1;
		return 0;
	case OPT_STREAM:
		a->stream = 1;
		return 0;
	case OPT_OUT:
		a->out_dir = optarg;
		if (optarg[0] != '\0')
			return 0;
		return cli_usage_error(a->cmd, "empty --out folder", NULL,
				       NULL);
	case ':':
		return cli_usage_error(a->cmd, "missing value for",
				       offending(argv, buf), NULL);
	default:
		return cli_usage_error(a->cmd, "unknown option",
				       offending(argv, buf), NULL);
	}
}

int cli_parse(cli_args *out, const cli_command *cmd, int argc, char **argv)
{
	struct option opts[N_LONG];
	int c, i;

	memset(out, 0, sizeof(*out));
	out->cmd = cmd;
	out->paths = argv + 1;
	long_options(opts, cmd);
	opterr = 0;
	optind = 1;
	/* "-": paths come back in order as option 1, so that options may
	 * follow them whatever POSIXLY_CORRECT says; ":": report a missing
	 * value apart from an unknown option. */
	while ((c = getopt_long(argc, argv, "-:h", opts, NULL)) != -1) {
		if (c == 1) {
			/* Every slot up to optind is consumed: reuse them. */
			out->paths[out->n_paths++] = optarg;
			continue;
		}
		if (apply(out, c, argv))
			return CLI_FAIL;
		if (out->help)
			return 0;
	}
	for (i = optind; i < argc; i++)
		out->paths[out->n_paths++] = argv[i];
	if (out->words && out->bytes)
		return cli_usage_error(cmd, "--words and --bytes exclude each "
				       "other", NULL, NULL);
	/* A stream prints each placement as it is made, before any story
	 * is complete, and finds copies by their words, not a dedup pass. */
	if (out->stream && (out->near_jaccard || out->rewrite_share ||
			    (out->format && out->format != cmd->formats)))
		return cli_usage_error(cmd, "--stream prints tab-separated "
				       "lines and takes no copy options",
				       NULL, NULL);
	/* Without a path the articles come from standard input; waiting on a
	 * terminal for them would look like a hang. */
	if (out->n_paths == 0 && isatty(STDIN_FILENO))
		return cli_usage_error(cmd, "no input: give a PATH, or pipe "
				       "articles in", NULL, NULL);
	if (out->format == NULL)
		out->format = default_format(cmd);
	return 0;
}
