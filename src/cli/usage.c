/* Help texts: the program's and each command's, and usage errors. */
#include "cli/cli.h"

static const char paths_help[] =
	"PATH is a file (.txt, .html, .htm, .jsonl or .json, gzipped or not),\n"
	"a folder (read recursively, names in byte order) or - for standard\n"
	"input, which is read when no PATH is given.\n";

static const char exit_help[] =
	"Exit status: 0 when all went well; 1 when some inputs were rejected\n"
	"(one line each on standard error; the rest is printed); 2 on a usage\n"
	"or fatal error.\n";

void cli_usage_main(FILE *f)
{
	const cli_command *c;
	size_t i;

	fputs("usage: newsdigest COMMAND [OPTION...] [PATH...]\n"
	      "       newsdigest help [COMMAND] | --help | --version\n\n"
	      "Turns piles of scraped news articles into stories.\n\n"
	      "Commands:\n", f);
	for (i = 0; (c = cli_command_at(i)) != NULL; i++)
		fprintf(f, "  %-10s %s\n", c->name, c->about);
	fprintf(f, "  %-10s %s\n", "help", "show this help or a command's");
	fputs("\nOptions:\n"
	      "  -h, --help  show this help\n"
	      "  --version   print the version\n\n", f);
	fputs(paths_help, f);
	fputs("\nRun 'newsdigest COMMAND --help' for a command's options.\n\n",
	      f);
	fputs(exit_help, f);
}

void cli_usage_command(FILE *f, const cli_command *cmd)
{
	fprintf(f, "usage: newsdigest %s %s\n\n", cmd->name, cmd->synopsis);
	fputs(cmd->details, f);
	fputs("\nOptions:\n", f);
	fputs(cmd->options, f);
	fputs("  -h, --help        show this help\n\n", f);
	if (cmd->own)
		return;
	fputs(paths_help, f);
	fputc('\n', f);
	fputs(exit_help, f);
}

int cli_usage_error(const cli_command *cmd, const char *what,
		    const char *arg, const char *tail)
{
	fputs("newsdigest: ", stderr);
	if (cmd)
		fprintf(stderr, "%s: ", cmd->name);
	fputs(what, stderr);
	if (arg) {
		fputs(" '", stderr);
		cli_put_escaped(stderr, arg);
		fputc('\'', stderr);
	}
	if (tail)
		fprintf(stderr, " %s", tail);
	fprintf(stderr, "\nTry 'newsdigest %s%s--help' for more "
		"information.\n", cmd ? cmd->name : "", cmd ? " " : "");
	return CLI_FAIL;
}
