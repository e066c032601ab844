/* The batch behind the public API: inputs, stage results, rejections. */
#ifndef ND_PIPELINE_BATCH_INTERNAL_H
#define ND_PIPELINE_BATCH_INTERNAL_H

#include "analyse/analyse.h"
#include "cluster/cluster.h"
#include "clean/clean.h"
#include "core/buf.h"
#include "core/error.h"
#include "dedup/dedup.h"
#include "digest/digest.h"
#include "facts/facts.h"
#include "newsdigest.h"

/* An input as ingested, and cleaned as it came in; lives in the batch's
 * input arena. */
typedef struct nd_input {
	const char *id, *path, *url, *title, *source, *published;
	nd_clean_article clean;
	const char *clean_error; /* why no text was left; NULL when some was */
} nd_input;

typedef struct nd_rejection {
	const char *path;
	const char *error;
} nd_rejection;

/* A story and what the digest and facts stages made of it. */
typedef struct nd_story {
	const char *id;
	size_t *members;
	size_t n_members;
	size_t n_independent; /* members that are their own origin */
	size_t earliest;      /* first published member, or ND_NONE */
	nd_story_digest digest;
	const char **summary_text; /* NUL-terminated copies, per item */
	nd_story_facts facts;
} nd_story;

struct nd_batch {
	nd_options opts;
	char *language;
	nd_err err;
	nd_arena *inputs_arena; /* cleaned inputs, ingest rejections */
	nd_buf scratch;         /* ingest's document buffer, reused */
	nd_html_reader *html;   /* HTML parser and its memory, made at the
				   first HTML page */
	nd_input *inputs;
	size_t n_inputs, inputs_cap;
	nd_rejection *rejected;
	size_t n_rejected, rejected_cap;
	size_t n_ingest_rejected; /* the first ones, kept across runs */
	nd_rejection *warnings;   /* inputs kept, but mended on the way in */
	size_t n_warnings, warnings_cap;

	/* Results of the last nd_batch_run, all in results_arena. */
	nd_arena *results_arena;
	unsigned stages_done;
	size_t n_articles;
	size_t *input_of;          /* article -> input */
	nd_clean_article *clean;   /* per article */
	nd_doc *docs;              /* per article */
	const char **ids, **titles, **published;
	long long *published_at;   /* seconds, or ND_NO_TIME */
	nd_vocab *vocab;
	nd_dedup_edge *edges;
	size_t n_edges;
	size_t *origin;            /* per article, after dedup */
	nd_story_placement *placements; /* per article */
	nd_story *stories;
	size_t n_stories;
};

/* Records a rejection of path for reason (copied). 0 or ND_ENOMEM. */
int nd_batch__reject(nd_batch *b, nd_arena *arena, const char *path,
		     const char *reason);

/* The publication date of input in, cleaned as c: the input's own, else
 * the page's, else the one its URL's path states; in ISO 8601 when it can
 * be read (so that dates compare and show alike), as given when it
 * cannot, "" for a placeholder such as 0001-01-01. *at gets it in seconds
 * since 1970 (its zone applied; midnight UTC without a time), or
 * ND_NO_TIME. NULL when out of memory. */
const char *nd_batch__published(long long *at, nd_arena *a,
				const nd_input *in, const nd_clean_article *c);

/* The article info of input in, cleaned as c, published as given. */
void nd_batch__info(nd_article_info *out, const nd_input *in,
		    const nd_clean_article *c, const char *published,
		    long long published_at);

/* Records a warning on path (both copied). 0 or ND_ENOMEM. */
int nd_batch__warn(nd_batch *b, const char *path, const char *warning);

/* The analysed articles of the last run, as the stages after analysis
 * read them. */
nd_corpus nd_batch__corpus(const nd_batch *b);

/* Drops the results of the last run, keeping the inputs. */
void nd_batch__clear_results(nd_batch *b);

#endif
