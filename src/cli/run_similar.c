/* "similar": the paraphrase score of two sentences, or of each pair of a
 * tab-separated batch. See docs/cli.md. */
#include "cli/cli.h"

#include <errno.h>  /* errno */
#include <getopt.h> /* getopt_long */
#include <stddef.h> /* ptrdiff_t */
#include <stdlib.h> /* getenv, malloc, strtod */
#include <string.h> /* memchr, strcmp, strlen */
#include <unistd.h> /* isatty */

/* Longest batch line: two sentences at their cap and two ids. */
#define LINE_MAX_BYTES (2 * ND_SIMILAR_MAX_BYTES + 1024)

enum { OPT_BATCH = 256, OPT_THRESHOLD, OPT_WORDNET };

typedef struct sim_args {
	int batch;
	int help;
	double threshold; /* < 0: the model's */
	const char *wordnet;
	char **rest; /* the sentences, or the batch file */
	int n_rest;
} sim_args;

static int parse_threshold(double *out, const char *s)
{
	char *end = NULL;

	errno = 0;
	*out = strtod(s, &end);
	return s[0] != '\0' && *end == '\0' && errno == 0 && *out >= 0 &&
	       *out <= 1 ? 0 : -1;
}

static int parse(sim_args *a, const cli_command *cmd, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "help", no_argument, NULL, 'h' },
		{ "batch", no_argument, NULL, OPT_BATCH },
		{ "threshold", required_argument, NULL, OPT_THRESHOLD },
		{ "wordnet", required_argument, NULL, OPT_WORDNET },
		{ NULL, 0, NULL, 0 }
	};
	int c;

	memset(a, 0, sizeof(*a));
	a->threshold = -1;
	a->rest = argv + 1;
	opterr = 0;
	optind = 1;
	while ((c = getopt_long(argc, argv, "-:h", opts, NULL)) != -1) {
		if (c == 1)
			a->rest[a->n_rest++] = optarg;
		else if (c == 'h')
			a->help = 1;
		else if (c == OPT_BATCH)
			a->batch = 1;
		else if (c == OPT_WORDNET)
			a->wordnet = optarg;
		else if (c == OPT_THRESHOLD) {
			if (parse_threshold(&a->threshold, optarg))
				return cli_usage_error(cmd, "invalid "
					"--threshold", optarg, "(expected a "
					"number from 0 to 1)");
		} else if (c == ':') {
			return cli_usage_error(cmd, "missing value for",
					       argv[optind - 1], NULL);
		} else {
			return cli_usage_error(cmd, "unknown option",
					       argv[optind - 1], NULL);
		}
	}
	while (optind < argc)
		a->rest[a->n_rest++] = argv[optind++];
	if (a->help)
		return 0;
	if (a->batch && a->n_rest > 1)
		return cli_usage_error(cmd, "--batch reads one file, not",
				       a->rest[1], NULL);
	/* Waiting on a terminal for the pairs would look like a hang. */
	if (a->batch && (a->n_rest == 0 || strcmp(a->rest[0], "-") == 0) &&
	    isatty(STDIN_FILENO))
		return cli_usage_error(cmd, "--batch reads the pairs from a "
				       "file or a pipe, not a terminal", NULL,
				       NULL);
	if (!a->batch && a->n_rest != 2)
		return cli_usage_error(cmd, "expected two sentences", NULL,
				       NULL);
	return 0;
}

/* "newsdigest: similar: NAME: line N: what" on stderr, NAME escaped. */
static void line_error(const char *name, size_t lineno, const char *what)
{
	fputs("newsdigest: similar: ", stderr);
	cli_put_escaped(stderr, name);
	fprintf(stderr, ": line %zu: %s\n", lineno, what);
}

/* Scores the pair; prints nothing. 0, or the library's code. */
static int score(double *sc, int *yes, nd_similar *s, const sim_args *a,
		 const char *x, size_t xn, const char *y, size_t yn)
{
	int rc = nd_similar_score(sc, yes, s, x, xn, y, yn);

	if (rc == ND_OK && a->threshold >= 0)
		*yes = *sc >= a->threshold;
	return rc;
}

static int one_pair(nd_similar *s, const sim_args *a)
{
	double sc;
	int yes, rc;

	rc = score(&sc, &yes, s, a, a->rest[0], strlen(a->rest[0]),
		   a->rest[1], strlen(a->rest[1]));
	if (rc != ND_OK) {
		cli_error("similar: %s", nd_similar_error(s));
		return rc == ND_EUTF8 || rc == ND_ETOOBIG ? CLI_REJECTED :
							    CLI_FAIL;
	}
	printf("%.3f\t%s\n", sc, yes ? "paraphrase" : "not-paraphrase");
	return cli_flush_stdout();
}

/* Reads one line of f into buf (room for LINE_MAX_BYTES), newline
 * dropped: 1, 0 at the end, -1 for an overlong line (skipped). */
static int read_line(FILE *f, char *buf, size_t *len)
{
	int c = EOF;
	size_t n = 0;
	int over = 0;

	while ((c = getc(f)) != EOF && c != '\n') {
		if (n < LINE_MAX_BYTES)
			buf[n++] = (char)c;
		else
			over = 1;
	}
	if (c == EOF && n == 0 && !over)
		return 0;
	if (n > 0 && buf[n - 1] == '\r')
		n--;
	*len = n;
	return over ? -1 : 1;
}

/* Splits line[0..len) at tabs into f (room for 4) and lens; returns the
 * field count, 5 meaning "more than 4". */
static int split(const char **f, size_t *lens, const char *line, size_t len)
{
	const char *p = line, *end = line + len, *tab;
	int n = 0;

	for (;;) {
		if (n == 4)
			return 5;
		tab = memchr(p, '\t', (size_t)(end - p));
		f[n] = p;
		lens[n++] = (size_t)((tab ? tab : end) - p);
		if (tab == NULL)
			return n;
		p = tab + 1;
	}
}

/* One batch line: the score line, or an error line. 0 or CLI_REJECTED.
 * The ids are cut out of line in place, to be printed escaped. */
static int batch_line(nd_similar *s, const sim_args *a, const char *name,
		      size_t lineno, char *line, size_t len)
{
	const char *f[4];
	size_t lens[4];
	double sc;
	int yes, n;
	char msg[128];

	if (memchr(line, '\0', len)) {
		line_error(name, lineno, "holds a NUL byte");
		return CLI_REJECTED;
	}
	n = split(f, lens, line, len);
	if (n != 4) {
		snprintf(msg, sizeof(msg), "expected 4 tab-separated fields "
			 "(id1, id2, text1, text2), got %s%d",
			 n > 4 ? "more than " : "", n > 4 ? 4 : n);
		line_error(name, lineno, msg);
		return CLI_REJECTED;
	}
	if (score(&sc, &yes, s, a, f[2], lens[2], f[3], lens[3]) != ND_OK) {
		line_error(name, lineno, nd_similar_error(s));
		return CLI_REJECTED;
	}
	line[lens[0]] = '\0';
	line[f[1] - line + (ptrdiff_t)lens[1]] = '\0';
	cli_put_escaped(stdout, f[0]);
	putchar('\t');
	cli_put_escaped(stdout, f[1]);
	printf("\t%.3f\t%d\n", sc, yes);
	return CLI_OK;
}

static int batch(nd_similar *s, const sim_args *a)
{
	const char *name = a->n_rest ? a->rest[0] : "-";
	FILE *f = stdin;
	char *line, msg[40];
	size_t len, lineno = 0;
	int status = CLI_OK, r;

	if (strcmp(name, "-") != 0 && (f = fopen(name, "rb")) == NULL) {
		fputs("newsdigest: similar: ", stderr);
		cli_put_escaped(stderr, name);
		fputs(": cannot open\n", stderr);
		return CLI_FAIL;
	}
	line = malloc(LINE_MAX_BYTES);
	if (line == NULL) {
		cli_error("similar: out of memory");
		status = CLI_FAIL;
		goto done;
	}
	while ((r = read_line(f, line, &len)) != 0) {
		lineno++;
		if (r < 0) {
			snprintf(msg, sizeof(msg), "over %d bytes",
				 LINE_MAX_BYTES);
			line_error(name, lineno, msg);
			status = CLI_REJECTED;
		} else if (batch_line(s, a, name, lineno, line, len)) {
			status = CLI_REJECTED;
		}
	}
	if (ferror(f)) {
		fputs("newsdigest: similar: ", stderr);
		cli_put_escaped(stderr, name);
		fputs(": read error\n", stderr);
		status = CLI_FAIL;
	}
done:
	free(line);
	if (f != stdin)
		fclose(f);
	r = cli_flush_stdout();
	return r > status ? r : status;
}

int cli_similar(const cli_command *cmd, int argc, char **argv)
{
	nd_similar *s = NULL;
	sim_args a;
	int rc;

	if (parse(&a, cmd, argc, argv))
		return CLI_FAIL;
	if (a.help) {
		cli_usage_command(stdout, cmd);
		return cli_flush_stdout();
	}
	if (a.wordnet == NULL)
		a.wordnet = getenv("NEWSDIGEST_WORDNET");
	if (a.wordnet && a.wordnet[0] == '\0')
		a.wordnet = NULL; /* set but empty: the default */
	rc = nd_similar_create(&s, a.wordnet);
	if (rc != ND_OK) {
		cli_error("similar: %s", s ? nd_similar_error(s) :
			  nd_strerror(rc));
		nd_similar_free(s);
		return CLI_FAIL;
	}
	rc = a.batch ? batch(s, &a) : one_pair(s, &a);
	nd_similar_free(s);
	return rc;
}
