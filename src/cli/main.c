/* newsdigest: the command-line front of the library. See docs/cli.md. */
#include "cli/cli.h"

#include <string.h> /* strcmp */

static int is_help(const char *arg)
{
	return strcmp(arg, "-h") == 0 || strcmp(arg, "--help") == 0;
}

/* "newsdigest help [COMMAND]". */
static int help(int argc, char **argv)
{
	const cli_command *cmd;

	if (argc < 3) {
		cli_usage_main(stdout);
		return cli_flush_stdout();
	}
	if (argc > 3)
		return cli_usage_error(NULL, "help takes one command, not",
				       argv[3], NULL);
	cmd = cli_command_find(argv[2]);
	if (cmd == NULL)
		return cli_usage_error(NULL, "unknown command", argv[2],
				       NULL);
	cli_usage_command(stdout, cmd);
	return cli_flush_stdout();
}

static int command(const cli_command *cmd, int argc, char **argv)
{
	cli_args args;

	if (cmd->own)
		return cmd->own(cmd, argc, argv);
	if (cli_parse(&args, cmd, argc, argv))
		return CLI_FAIL;
	if (args.help) {
		cli_usage_command(stdout, cmd);
		return cli_flush_stdout();
	}
	return cli_run(&args);
}

int main(int argc, char **argv)
{
	const cli_command *cmd;

	cli_heap_prepare();
	if (argc < 2) {
		cli_usage_main(stderr);
		return CLI_FAIL;
	}
	if (is_help(argv[1])) {
		cli_usage_main(stdout);
		return cli_flush_stdout();
	}
	if (strcmp(argv[1], "--version") == 0) {
		printf("newsdigest %s\n", nd_version());
		return cli_flush_stdout();
	}
	if (strcmp(argv[1], "help") == 0)
		return help(argc, argv);
	if (argv[1][0] == '-' && argv[1][1] != '\0')
		return cli_usage_error(NULL, "unknown option", argv[1],
				       NULL);
	cmd = cli_command_find(argv[1]);
	if (cmd == NULL)
		return cli_usage_error(NULL, "unknown command", argv[1],
				       NULL);
	return command(cmd, argc - 1, argv + 1);
}
