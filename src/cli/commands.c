/* The commands of the program: the stages each runs and how it prints. */
#include "cli/cli.h"

#include <string.h> /* strcmp */

#define N(a) (sizeof(a) / sizeof((a)[0]))

static const cli_format digest_formats[] = {
	{ "md", ND_RENDER_DIGEST_MD },
	{ "json", ND_RENDER_DIGEST_JSON },
};

static const cli_format clean_formats[] = {
	{ "text", ND_RENDER_CLEAN_TEXT },
	{ "json", ND_RENDER_CLEAN_JSON },
};

static const cli_format dedup_formats[] = {
	{ "tsv", ND_RENDER_DEDUP_TSV },
	{ "json", ND_RENDER_DEDUP_JSON },
};

static const cli_format cluster_formats[] = {
	{ "tsv", ND_RENDER_CLUSTER_TSV },
	{ "json", ND_RENDER_CLUSTER_JSON },
};

static const cli_format facts_formats[] = {
	{ "md", ND_RENDER_FACTS_MD },
	{ "json", ND_RENDER_FACTS_JSON },
};

static const cli_format summary_formats[] = {
	{ "lines", ND_RENDER_SUMMARY_LINES },
};

#define COPY_OPTIONS \
	"  --near-jaccard X  body shingle Jaccard from which two articles\n" \
	"                    are near-duplicates (default 0.4)\n" \
	"  --rewrite-share X share of an article's sentences aligned with\n" \
	"                    another's that makes it a rewrite (default\n" \
	"                    0.5)\n"

#define STORY_OPTIONS \
	"  --threshold X     score from which an article joins a story\n" \
	"                    (default 0.10)\n" \
	"  --expire-days N   a story idle for N days of publication time\n" \
	"                    takes no more articles (default 4; 0 never)\n"

static const cli_command commands[] = {
	{ "digest", "[--format md|json] [--words N] [--near-jaccard X]\n"
	  "       [--rewrite-share X] [--threshold X] [--expire-days N]\n"
	  "       [PATH...]",
	  "group articles into stories and digest each",
	  "Groups the articles into stories and writes, for each story, a\n"
	  "summary whose sentences name every article stating them, the\n"
	  "articles with their copies and rewrites, quotes, people,\n"
	  "organisations and places, and facts.\n",
	  "  --format md|json  Markdown (default on a terminal) or JSON\n"
	  "                    (default otherwise; see docs/digest-json.md)\n"
	  "  --words N         summary length per story in words (default"
	  " 100)\n"
	  COPY_OPTIONS STORY_OPTIONS,
	  ND_STAGE_ALL,
	  CLI_OPT_FORMAT | CLI_OPT_WORDS | CLI_TTY_FORMAT | CLI_OPT_COPIES |
		  CLI_OPT_STORIES,
	  digest_formats, N(digest_formats), NULL },
	{ "clean", "[--format text|json] [--out DIR] [PATH...]",
	  "print the cleaned text of each article",
	  "Prints each article as the pipeline sees it: title, blank line,\n"
	  "body paragraphs one per line, with the page furniture removed.\n"
	  "With several articles, each starts with a line \"==> ID <==\".\n"
	  "With --out, each article goes to a file DIR/ID.txt (or .json)\n"
	  "holding what clean prints for it alone, and nothing is printed;\n"
	  "unsafe ids are made safe and repeated ones get ~2, ~3, ...\n"
	  "(see docs/cli.md).\n",
	  "  --format text|json plain text (default) or JSON with the\n"
	  "                    metadata found: byline, dateline, date\n"
	  "  --out DIR         one file per article in DIR (created if\n"
	  "                    missing) instead of standard output\n",
	  ND_STAGE_CLEAN, CLI_OPT_FORMAT | CLI_OPT_OUT, clean_formats,
	  N(clean_formats), NULL },
	{ "dedup",
	  "[--format tsv|json] [--near-jaccard X] [--rewrite-share X]\n"
	  "       [PATH...]",
	  "list duplicates, near-duplicates, rewrites and reuse",
	  "Lists which articles copy or rewrite which: one line per\n"
	  "relation, \"A<TAB>B<TAB>RELATION<TAB>SCORE\", where B is a\n"
	  "duplicate, near-duplicate, rewrite-of or partial (repeats a\n"
	  "passage of) A, its source: the earlier publication, else the\n"
	  "more complete text. JSON adds each article's origin and the\n"
	  "count of independent sources (see docs/cli.md).\n",
	  "  --format tsv|json tab-separated lines (default) or JSON\n"
	  COPY_OPTIONS,
	  ND_STAGE_DEDUP, CLI_OPT_FORMAT | CLI_OPT_COPIES, dedup_formats,
	  N(dedup_formats),
	  NULL },
	{ "cluster",
	  "[--format tsv|json] [--explain] [--stream] [--threshold X]\n"
	  "       [--expire-days N] [--near-jaccard X] [--rewrite-share X]\n"
	  "       [PATH...]",
	  "list which articles make up which story",
	  "Groups the articles into stories: one line per article,\n"
	  "\"STORY<TAB>ARTICLE\", stories in order. Articles are placed in\n"
	  "publication order (input order when undated), each joining the\n"
	  "story it matches best or starting one. With --explain, one line\n"
	  "per placement in that order: the article, its story, how it was\n"
	  "placed (new, joined, copy), the score, stories merged, and the\n"
	  "shared terms behind the score (see docs/cli.md). With --stream,\n"
	  "articles are placed in input order as they are read, each line\n"
	  "printed at once, stories numbered from 1; memory follows the\n"
	  "stories still open, not the input.\n",
	  "  --format tsv|json tab-separated lines (default) or JSON\n"
	  "  --explain         say why each article went where it did\n"
	  "  --stream          place and print articles as they come\n"
	  STORY_OPTIONS COPY_OPTIONS,
	  ND_STAGE_CLUSTER, CLI_OPT_FORMAT | CLI_OPT_STORIES | CLI_OPT_EXPLAIN |
		  CLI_OPT_COPIES | CLI_OPT_STREAM,
	  cluster_formats, N(cluster_formats), NULL },
	{ "facts", "[--format md|json] [--near-jaccard X] [--rewrite-share X]\n"
	  "       [PATH...]",
	  "list who said what, who is who, and the facts stated",
	  "Treats all the articles as one story and lists its quotations\n"
	  "(direct and reported) with their speakers and the articles that\n"
	  "carry them, noting which shortened or altered one; the people,\n"
	  "organisations and places with every spelling and mention; and\n"
	  "the numbers, amounts and dates stated, each with its sources,\n"
	  "how many of them are independent (copies and rewrites of one\n"
	  "article count once) and the other values given for the same\n"
	  "thing. Offsets are bytes of the text `newsdigest clean` prints\n"
	  "(see docs/facts-json.md).\n",
	  "  --format md|json  Markdown (default on a terminal) or JSON\n"
	  "                    (default otherwise)\n"
	  COPY_OPTIONS,
	  ND_STAGE_FACTS,
	  CLI_OPT_FORMAT | CLI_TTY_FORMAT | CLI_OPT_COPIES | CLI_SINGLE_STORY,
	  facts_formats, N(facts_formats), NULL },
	{ "summarize", "[--words N | --bytes N] [PATH...]",
	  "summarize all articles as one story",
	  "Treats all the articles as one story and prints its summary, one\n"
	  "sentence per line.\n",
	  "  --words N         summary length in words (default 100)\n"
	  "  --bytes N         summary length in bytes instead\n",
	  ND_STAGE_DIGEST, CLI_OPT_WORDS | CLI_OPT_BYTES | CLI_SINGLE_STORY,
	  summary_formats, N(summary_formats), NULL },
	{ "similar", "[OPTION...] SENTENCE SENTENCE | --batch [FILE]",
	  "score whether two sentences are paraphrases",
	  "Prints how likely two sentences say the same thing in other words,\n"
	  "a score from 0 to 1, and the verdict: \"0.873<TAB>paraphrase\" or\n"
	  "\"...<TAB>not-paraphrase\". With --batch, reads lines\n"
	  "\"ID1<TAB>ID2<TAB>TEXT1<TAB>TEXT2\" from FILE (standard input when\n"
	  "absent or -) and prints \"ID1<TAB>ID2<TAB>SCORE<TAB>1|0\" for each; a\n"
	  "malformed line gets one error line on standard error, and the\n"
	  "exit status is then 1. Needs WordNet (Debian package wordnet-base).\n",
	  "  --batch           score the pairs of FILE or standard input\n"
	  "  --threshold X     paraphrase from score X up (default: the\n"
	  "                    model's, fitted on news sentence pairs)\n"
	  "  --wordnet DIR     WordNet's files (default: $NEWSDIGEST_WORDNET,\n"
	  "                    else /usr/share/wordnet)\n",
	  0, 0, NULL, 0, cli_similar },
	{ "index",
	  "add|remove|expire|stats --db FILE [OPTION...] [ARG...]",
	  "keep a near-copy index in a file across runs",
	  "Keeps a near-copy index of articles in FILE (created by the first\n"
	  "add). add reads and cleans the articles at the PATH ARGs (standard\n"
	  "input when none), adds them one by one and prints, for each\n"
	  "earlier article that one copies, \"ID<TAB>EARLIER_ID<TAB>\n"
	  "near-duplicate<TAB>SCORE\" (SCORE: estimated shingle Jaccard).\n"
	  "remove takes the articles with the given ID ARGs out; expire those\n"
	  "published (or, undated, added) before a date; stats prints\n"
	  "counts and memory. The file is replaced whole, never half\n"
	  "written.\n",
	  "  --db FILE         the index file (required)\n"
	  "  --threshold J     add: estimated Jaccard of a copy, 0.01-1\n"
	  "                    (default 0.38; kept in the file)\n"
	  "  --max N           add: keep at most N articles, evicting the\n"
	  "                    oldest added (kept in the file)\n"
	  "  --before DATE     expire: YYYY-MM-DD[THH:MM[:SS]], UTC\n"
	  "  --keep-days N     expire: keep the last N days\n",
	  0, 0, NULL, 0, cli_index },
};

const cli_command *cli_command_find(const char *name)
{
	size_t i;

	for (i = 0; i < N(commands); i++)
		if (strcmp(commands[i].name, name) == 0)
			return &commands[i];
	return NULL;
}

const cli_command *cli_command_at(size_t i)
{
	return i < N(commands) ? &commands[i] : NULL;
}
