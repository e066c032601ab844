/* The newsdigest program: what the files of src/cli/ share. The program
 * uses nothing of the library but include/newsdigest.h. */
#ifndef ND_CLI_H
#define ND_CLI_H

#include <stddef.h> /* size_t */
#include <stdio.h>  /* FILE */

#include "newsdigest.h"

/* Exit statuses. */
enum {
	CLI_OK = 0,       /* everything went through */
	CLI_REJECTED = 1, /* some inputs were rejected, the rest printed */
	CLI_FAIL = 2      /* usage or fatal error */
};

/* What a command accepts and does. */
enum {
	CLI_OPT_FORMAT = 1u << 0, /* --format NAME */
	CLI_OPT_WORDS = 1u << 1,  /* --words N */
	CLI_OPT_BYTES = 1u << 2,  /* --bytes N */
	CLI_TTY_FORMAT = 1u << 3, /* default format: the first on a terminal,
				     the second otherwise */
	CLI_SINGLE_STORY = 1u << 4, /* all articles are one story */
	CLI_OPT_OUT = 1u << 5,      /* --out DIR: one file per article */
	CLI_OPT_COPIES = 1u << 6,   /* --near-jaccard X, --rewrite-share X */
	CLI_OPT_STORIES = 1u << 7,  /* --threshold X, --expire-days N */
	CLI_OPT_EXPLAIN = 1u << 8,  /* --explain */
	CLI_OPT_STREAM = 1u << 9    /* --stream */
};

typedef struct cli_format {
	const char *name;
	nd_render_kind kind;
} cli_format;

typedef struct cli_command cli_command;

/* A command that reads its own arguments rather than articles: argv[0] is
 * its name; returns the exit status. */
typedef int (*cli_own_fn)(const cli_command *cmd, int argc, char **argv);

struct cli_command {
	const char *name;
	const char *synopsis; /* what follows the name in the usage line */
	const char *about;    /* one line for the command list */
	const char *details;  /* a paragraph for the command's help */
	const char *options;  /* the option lines of its help, -h aside */
	unsigned stages;      /* ND_STAGE_* to run */
	unsigned flags;       /* CLI_* */
	const cli_format *formats; /* the first is the default */
	size_t n_formats;
	cli_own_fn own;       /* set: runs instead of the article pipeline,
				 and the help says nothing of PATHs */
};

typedef struct cli_args {
	const cli_command *cmd;
	const cli_format *format;
	unsigned words; /* 0: the library default */
	unsigned bytes;
	const char *out_dir; /* --out DIR, NULL when absent */
	double near_jaccard; /* 0: the library default */
	double rewrite_share;
	double threshold;    /* story threshold; 0: the library default */
	long long expire;    /* seconds; 0: the default, -1: never */
	int explain;
	int stream;
	char **paths;   /* none: standard input */
	size_t n_paths;
	int help;       /* --help was given; the rest is unparsed */
} cli_args;

/* Called with each article read; returns CLI_OK to go on, CLI_FAIL to
 * stop. */
typedef int (*cli_article_fn)(const nd_article_info *a, void *ctx);
/* Reads and cleans the articles at path ("-": standard input) one at a
 * time, handing each to fn in input order and keeping none (memory
 * follows the largest article, not the input), then reports the
 * rejections; what names the command in errors. Returns CLI_OK,
 * CLI_REJECTED or CLI_FAIL. */
int cli_each_article(const char *path, const char *what, cli_article_fn fn,
		     void *ctx);
/* "YYYY-MM-DD", optionally followed by "THH:MM[:SS]" or " HH:MM[:SS]"
 * and anything after (a zone is ignored). Returns 0 and *out in seconds
 * since 1970, or -1. */
int cli_parse_date(long long *out, const char *s);

/* "newsdigest cluster --stream": stories as the articles come
 * (stream_cluster.c). */
int cli_stream_cluster(const cli_args *a);

/* "newsdigest index ...": the copy index in a file (index_cmd.c). */
int cli_index(const cli_command *cmd, int argc, char **argv);

/* The command called name, or NULL. */
const cli_command *cli_command_find(const char *name);
/* The i-th command in help order, or NULL past the last. */
const cli_command *cli_command_at(size_t i);

/* Parses the options and paths of cmd from argv[1..argc) (argv[0] is the
 * command's name; argv is reordered to hold the paths). Returns 0, or
 * CLI_FAIL after printing a usage error. */
int cli_parse(cli_args *out, const cli_command *cmd, int argc, char **argv);

/* Runs a parsed command: reads, runs the stages, reports rejected inputs,
 * prints the result. Returns the exit status. */
int cli_run(const cli_args *args);

/* Longest file-name stem cli_name_safe makes, in bytes. */
#define CLI_NAME_MAX 200

/* File names taken so far in an output folder; start from all zeros. */
typedef struct cli_names {
	char **slots; /* open addressing; NULL is a free slot */
	size_t cap;   /* a power of two, or 0 */
	size_t n;
} cli_names;

/* Writes into out (CLI_NAME_MAX + 1 bytes) a file-name stem for the
 * article id: '/', '\\' and control characters become '_', as does a
 * leading '.'; an empty id gives "_"; the rest is cut to CLI_NAME_MAX bytes
 * at a UTF-8 character boundary. */
void cli_name_safe(char *out, const char *id);
/* Claims stem in names: stem itself when free, else the first free of
 * "stem~2", "stem~3", ... Returns the claimed name (owned by names), or
 * NULL when memory ran out. */
const char *cli_names_claim(cli_names *names, const char *stem);
/* Frees the names; names is empty and reusable afterwards. */
void cli_names_dispose(cli_names *names);

/* Writes each article of b to DIR/NAME.EXT (EXT "txt", or "json" for JSON
 * output), creating DIR and its parents when missing, NAME as
 * cli_name_safe and cli_names_claim make it from the id. Returns CLI_OK,
 * or CLI_FAIL after saying on stderr what could not be written. */
int cli_write_articles(const nd_batch *b, const cli_args *a);

/* "similar": scores sentence pairs (run_similar.c); a cli_own_fn. */
int cli_similar(const cli_command *cmd, int argc, char **argv);

/* The program's help, or one command's. */
void cli_usage_main(FILE *f);
void cli_usage_command(FILE *f, const cli_command *cmd);
/* Prints "newsdigest: [cmd: ]what[ 'arg'][ tail]" and a pointer to the
 * help on stderr; returns CLI_FAIL. arg (untrusted) is escaped; arg and
 * tail may be NULL. */
int cli_usage_error(const cli_command *cmd, const char *what,
		    const char *arg, const char *tail);

/* Prints "newsdigest: " and the message on stderr. */
void cli_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Writes s with control characters, invalid UTF-8 and backslashes escaped
 * (\xHH, \uHHHH, \\), so that no input can drive the terminal. */
void cli_put_escaped(FILE *f, const char *s);
/* One "newsdigest: path: warning: what" line on stderr per input mended on
 * the way in, then one "newsdigest: path: error" line per rejected one. */
void cli_report_rejected(const nd_batch *b);
/* Flushes stdout; CLI_OK, or CLI_FAIL with a message when writing failed. */
int cli_flush_stdout(void);

/* Backs the heap with transparent huge pages where the system allows it;
 * call first thing in main, before any allocation (see heap.c). */
void cli_heap_prepare(void);

#endif
