/* newsdigest: turn a pile of scraped news articles into stories.
 *
 * Usage in short:
 *
 *   nd_batch *b = NULL;
 *   if (nd_batch_create(&b, NULL) == ND_OK) {
 *       nd_batch_add_path(b, "articles/");    // files, folders, "-" = stdin
 *       nd_batch_run(b, ND_STAGE_ALL);
 *       nd_batch_render_file(b, ND_RENDER_DIGEST_MD, stdout);
 *   }
 *   nd_batch_free(b);
 *
 * Conventions: functions that can fail return int, 0 (ND_OK) or a negative
 * ND_E* code, with out-parameters first; nd_batch_error() gives the detail
 * of the last failure as one line. Pointers handed out by a batch (strings,
 * arrays inside result structs) are owned by the batch and stay valid until
 * nd_batch_free(); memory the library hands over to the caller says so and
 * is released with nd_free(). A batch is not thread-safe; separate batches
 * may be used from separate threads. */
#ifndef NEWSDIGEST_H
#define NEWSDIGEST_H

#include <stddef.h> /* size_t */
#include <stdio.h>  /* FILE */

#ifdef __cplusplus
extern "C" {
#endif

#define ND_VERSION "0.1.0"

/* Status codes. Expected failures of one input (empty, binary, not UTF-8,
 * too big, malformed) have their own codes; they reject that input only. */
enum {
	ND_OK = 0,
	ND_ENOMEM = -1,    /* out of memory */
	ND_EINVAL = -2,    /* invalid argument or usage */
	ND_EIO = -3,       /* a file could not be read */
	ND_ETOOBIG = -4,   /* input over a size cap */
	ND_EUTF8 = -5,     /* text is not valid UTF-8 */
	ND_EFORMAT = -6,   /* malformed HTML, JSON or similar */
	ND_EEMPTY = -7,    /* nothing to read, or no text left */
	ND_EBINARY = -8,   /* binary data where text was expected */
	ND_ENOTFOUND = -9, /* no such item */
	ND_EPARTIAL = -10  /* the batch ran, but some inputs were rejected */
};

/* Static text for a status code; never NULL. */
const char *nd_strerror(int code);
/* The library's version string, ND_VERSION of the build. */
const char *nd_version(void);
/* Releases memory the library handed to the caller; accepts NULL. */
void nd_free(void *p);

/* How an input is to be read. AUTO picks by file extension (.txt, .html,
 * .htm, .jsonl, .json) and, for streams, by the first bytes. */
typedef enum nd_format {
	ND_FORMAT_AUTO = 0,
	ND_FORMAT_TEXT,
	ND_FORMAT_HTML,
	ND_FORMAT_JSONL
} nd_format;

/* Tuning for a batch. Start from ND_OPTIONS_INIT or nd_options_init(); a 0
 * field means "the documented default". */
typedef struct nd_options {
	unsigned version;          /* ND_OPTIONS_VERSION */
	size_t max_article_bytes;  /* default 5 MiB; larger inputs are rejected */
	unsigned summary_words;    /* summary budget in words, default 100 */
	unsigned summary_bytes;    /* if set, a byte budget instead of words */
	double cluster_threshold;  /* story similarity, default 0.10 */
	double near_dup_jaccard;   /* near-duplicate shingle Jaccard, default 0.4 */
	double rewrite_share;      /* share of aligned sentences, default 0.5 */
	int single_story;          /* treat all articles as one story */
	const char *language;      /* stemmer language, default "english" */
	int explain_stories;       /* keep the evidence of each placement */
	long long story_expire;    /* seconds a story may go without an
				      article before it closes, default 4
				      days; < 0 never */
} nd_options;

/* Version 2 added explain_stories and story_expire; a version 1 struct
 * (without them) is still read. */
#define ND_OPTIONS_VERSION 2
#define ND_OPTIONS_INIT { ND_OPTIONS_VERSION, 0, 0, 0, 0.0, 0.0, 0.0, 0, NULL, 0, 0 }

void nd_options_init(nd_options *opts);

typedef struct nd_batch nd_batch;

/* Creates an empty batch with a copy of opts (NULL: defaults). Returns 0,
 * ND_EINVAL for an unknown options version or language, a
 * cluster_threshold outside [0, 1] or a story_expire over
 * ND_STORYINDEX_EXPIRE_MAX, or ND_ENOMEM. */
int nd_batch_create(nd_batch **out, const nd_options *opts);
/* Frees the batch and every result it handed out; accepts NULL. */
void nd_batch_free(nd_batch *b);
/* One line describing the last failure of a call on b; owned by b, valid
 * until the next call. Empty when nothing failed. */
const char *nd_batch_error(const nd_batch *b);

/* Adds the articles at path: a file, a folder (walked recursively, in
 * byte order of names) or "-" for standard input. Inputs that cannot be used
 * are recorded as rejected (see nd_batch_rejected) and the rest are kept,
 * cleaned at once (the raw pages are not kept).
 * Returns 0 when everything was accepted, the code of the last rejection
 * otherwise, or ND_ENOMEM (fatal). */
int nd_batch_add_path(nd_batch *b, const char *path);
/* Adds articles from an open stream; name stands for it in ids and errors.
 * Same return contract as nd_batch_add_path. */
int nd_batch_add_stream(nd_batch *b, FILE *f, const char *name,
			nd_format format);
/* Adds articles held in memory (copied). Same return contract. */
int nd_batch_add_memory(nd_batch *b, const char *name, const char *data,
			size_t len, nd_format format);

size_t nd_batch_warning_count(const nd_batch *b);
/* The i-th warning: an input that was kept but mended on the way in, such
 * as bytes that were not UTF-8 read as windows-1252. *path names it and
 * *message says what was done. Strings owned by b, valid until it is
 * freed. Returns 0 or ND_ENOTFOUND. */
int nd_batch_warning(const char **path, const char **message,
		     const nd_batch *b, size_t i);

size_t nd_batch_rejected_count(const nd_batch *b);
/* The i-th rejected input: *path names it (a file, or "file:line" for a
 * JSONL line) and *error says why. Strings owned by b. Returns 0 or
 * ND_ENOTFOUND. */
int nd_batch_rejected(const char **path, const char **error,
		      const nd_batch *b, size_t i);

/* Pipeline stages; later stages pull in the ones they need. */
enum {
	ND_STAGE_CLEAN = 1u << 0,
	ND_STAGE_ANALYSE = 1u << 1,
	ND_STAGE_DEDUP = 1u << 2,
	ND_STAGE_CLUSTER = 1u << 3,
	ND_STAGE_DIGEST = 1u << 4,
	ND_STAGE_FACTS = 1u << 5,
	ND_STAGE_ALL = (1u << 6) - 1
};

/* Runs the given stages over everything added so far. Articles whose text
 * turns out empty after cleaning are rejected, not fatal. Returns 0,
 * ND_EPARTIAL when some inputs were rejected, or a fatal code. Running again
 * after more articles are added recomputes the results. */
int nd_batch_run(nd_batch *b, unsigned stages);

/* ---- Results. All pointers are owned by the batch. ---- */

typedef struct nd_article_info {
	const char *id;        /* file name without extension, or JSONL id */
	const char *path;      /* where it came from */
	const char *title;     /* "" when none */
	const char *url;       /* "" when unknown */
	const char *source;    /* outlet, "" when unknown */
	const char *published; /* as given, "" when unknown */
	long long published_at; /* the same in seconds since 1970 UTC (its
				   zone applied; midnight UTC for a bare
				   day), or ND_NO_TIME */
	const char *byline;    /* "" when none found */
	const char *dateline;  /* "" when none found */
	const char *language;  /* ISO 639-1 code of the body, "" when unsure */
	const char *text;      /* cleaned: title line, blank line, body
				  paragraphs one per line */
	size_t text_len;
	size_t words;          /* words in the cleaned body */
} nd_article_info;

/* Called with each article nd_batch_each_article reads; a and its strings
 * live until the call returns. Returns 0 to go on, anything else to
 * stop. */
typedef int (*nd_article_fn)(void *ctx, const nd_article_info *a);
/* Reads and cleans the articles at path (as nd_batch_add_path does) one
 * at a time, handing each to fn and keeping none of them, so memory
 * follows the largest article, not the input; rejections and warnings
 * are recorded in b as by nd_batch_add_path. Repeated page furniture
 * across articles is not looked for (it needs them all). Returns 0, the
 * code of the last rejection, ND_ENOMEM, or fn's non-zero return. */
int nd_batch_each_article(nd_batch *b, const char *path, nd_article_fn fn,
			  void *ctx);

size_t nd_batch_article_count(const nd_batch *b);
/* Fills *out for the i-th accepted article (input order). 0 or
 * ND_ENOTFOUND. */
int nd_batch_article(nd_article_info *out, const nd_batch *b, size_t i);

typedef enum nd_relation_kind {
	ND_REL_DUPLICATE = 0,  /* same normalised text */
	ND_REL_NEAR_DUPLICATE, /* shingle Jaccard over the threshold */
	ND_REL_REWRITE_OF,     /* b's sentences largely align with a's */
	ND_REL_PARTIAL         /* b repeats a passage of a verbatim, too
				  little of either to be a copy */
} nd_relation_kind;

/* "b is a copy of, or derived from, a": a is the source. Indices are
 * article indices. */
typedef struct nd_relation {
	size_t a;
	size_t b;
	nd_relation_kind kind;
	double score; /* Jaccard for copies, aligned share for rewrites,
			 share of the shorter text's shingles for partial */
} nd_relation;

/* "duplicate", "near-duplicate", "rewrite-of" or "partial". */
const char *nd_relation_name(nd_relation_kind kind);
size_t nd_batch_relation_count(const nd_batch *b);
int nd_batch_relation(nd_relation *out, const nd_batch *b, size_t i);

/* "No article", where a result may name none. */
#define ND_NONE ((size_t)-1)
/* No publication time known. */
#define ND_NO_TIME (-0x7fffffffffffffffLL - 1)

/* The original that article i derives from: its duplicate, near-duplicate
 * and rewrite-of relations followed back to an article that copies and
 * rewrites no other; i itself when it is independent. Partial reuse does
 * not make an article derived. Returns 0, or ND_ENOTFOUND when there is no
 * article i or the dedup stage has not run. */
int nd_batch_origin(size_t *origin, const nd_batch *b, size_t i);

typedef struct nd_story_info {
	const char *id;        /* stable: derived from its first article */
	const char *headline;
	size_t n_articles;
	const size_t *articles; /* article indices, input order */
	size_t n_independent;  /* articles that are their own origin (see
				  nd_batch_origin): copies count once */
	size_t earliest;       /* the source that reported first: the origin
				  of the member with the earliest date, or
				  that member when its origin is in another
				  story; ND_NONE when none has a date */
} nd_story_info;

/* One term behind a placement: its share of the score. */
typedef struct nd_story_evidence {
	const char *term;   /* the word as the article wrote it */
	size_t len;
	double share;       /* contribution to the cosine */
	int is_name;
} nd_story_evidence;

/* How the cluster stage placed an article (see nd_storyindex below). */
typedef struct nd_story_placement {
	size_t order;      /* its place in publication order, from 0 */
	double score;      /* with the story joined; 0 when it started one */
	int is_new;        /* started a story (which may have merged later) */
	int copied;        /* joined the story of the article it copies */
	size_t n_merged;   /* stories merged into its story as it joined */
	double merge_score; /* centroid cosine of the last of those merges */
	nd_story_evidence *evidence; /* with explain_stories: the terms it
					shares with the story, heaviest
					first; owned by b */
	size_t n_evidence;
} nd_story_placement;

size_t nd_batch_story_count(const nd_batch *b);
int nd_batch_story(nd_story_info *out, const nd_batch *b, size_t i);
/* How article i was placed; *out's pointers are owned by b and valid
 * until its next run. ND_ENOTFOUND when the cluster stage has not run or
 * i is past the articles. */
int nd_batch_placement(nd_story_placement *out, const nd_batch *b, size_t i);

/* One summary sentence: the sentence of article `article` at byte
 * `offset` (length `length`) of its cleaned text, and every article
 * stating it. text is that sentence, or a shorter form of it: without an
 * opener a lone sentence can spare ("BEIJING (AP) _", "But", "On
 * Tuesday,") or a short relative clause set off by commas (", which
 * ...,"), its first letter capitalised. Owned by the batch. */
typedef struct nd_summary_sentence {
	const char *text;
	size_t article;
	size_t offset;
	size_t length;
	size_t n_sources;
	const size_t *sources; /* article indices, the chosen one included */
} nd_summary_sentence;

size_t nd_batch_summary_count(const nd_batch *b, size_t story);
int nd_batch_summary(nd_summary_sentence *out, const nd_batch *b,
		     size_t story, size_t i);
/* The k-th source (as in nd_summary_sentence.sources) of summary sentence
 * i of story: *article and the byte span *offset, *length of its sentence
 * that states the same content, in that article's cleaned text. Returns 0
 * or ND_ENOTFOUND. */
int nd_batch_summary_source(size_t *article, size_t *offset, size_t *length,
			    const nd_batch *b, size_t story, size_t i,
			    size_t k);

/* How one occurrence of a quotation compares with its fullest version
 * (words compared case- and accent-folded, punctuation aside). */
typedef enum nd_quote_form {
	ND_QUOTE_SAME = 0,  /* the same words */
	ND_QUOTE_SHORTENED, /* some of them, in order, the rest left out */
	ND_QUOTE_ALTERED    /* words changed, added or reordered */
} nd_quote_form;

/* "same", "shortened" or "altered"; "unknown" for any other value. */
const char *nd_quote_form_name(nd_quote_form form);

/* Where a quotation, entity mention or fact occurs: an article and a byte
 * range of its cleaned text (what `newsdigest clean` prints for it). */
typedef struct nd_occurrence {
	size_t article;
	size_t offset;
	size_t length;
	nd_quote_form form; /* quotations only; ND_QUOTE_SAME otherwise */
} nd_occurrence;

/* A quotation. A direct one is the words between quotation marks; when
 * the attribution interrupts it ("…," she said, "…") or it runs over
 * paragraphs, the parts are one quotation, text joined by a space, and
 * its range runs from the first word to the last. A reported one
 * (direct 0) is the clause of "X said that …" or "…, X said". All
 * strings are owned by the batch. */
typedef struct nd_quote_info {
	const char *text;      /* the quoted words, without quote marks */
	const char *speaker;   /* canonical name, "" when unresolved */
	int direct;            /* 1 for quoted speech, 0 for reported */
	size_t article;        /* the article holding the fullest version */
	size_t offset;         /* byte range in that article's cleaned text */
	size_t length;
	size_t n_sources;
	const size_t *sources; /* article indices */
	size_t n_occurrences;  /* see nd_batch_quote_occurrence */
} nd_quote_info;

size_t nd_batch_quote_count(const nd_batch *b, size_t story);
int nd_batch_quote(nd_quote_info *out, const nd_batch *b, size_t story,
		   size_t i);
/* Occurrence k < n_occurrences of quotation i of story, in story order.
 * Returns 0 or ND_ENOTFOUND. */
int nd_batch_quote_occurrence(nd_occurrence *out, const nd_batch *b,
			      size_t story, size_t i, size_t k);

typedef enum nd_entity_kind {
	ND_ENTITY_PERSON = 0,
	ND_ENTITY_ORGANISATION,
	ND_ENTITY_PLACE
} nd_entity_kind;

/* "person", "organisation" or "place". */
const char *nd_entity_kind_name(nd_entity_kind kind);

typedef struct nd_entity_info {
	const char *name;      /* canonical form */
	nd_entity_kind kind;
	size_t n_variants;
	const char *const *variants; /* spellings seen, canonical first */
	size_t n_mentions;
	size_t n_sources;
	const size_t *sources;
} nd_entity_info;

size_t nd_batch_entity_count(const nd_batch *b, size_t story);
int nd_batch_entity(nd_entity_info *out, const nd_batch *b, size_t story,
		    size_t i);
/* Mention k < n_mentions of entity i of story, in story order: where
 * the name alone stands (no title, no "'s"). Returns 0 or ND_ENOTFOUND. */
int nd_batch_entity_mention(nd_occurrence *out, const nd_batch *b,
			    size_t story, size_t i, size_t k);

typedef enum nd_fact_kind {
	ND_FACT_MONEY = 0,
	ND_FACT_PERCENT,
	ND_FACT_QUANTITY, /* a number with a unit */
	ND_FACT_DATE,
	ND_FACT_COUNT     /* a bare or worded count */
} nd_fact_kind;

/* "money", "percent", "quantity", "date" or "count". */
const char *nd_fact_kind_name(nd_fact_kind kind);

/* A value stated in the story, grouped across articles by its
 * normalised value. Strings and arrays are owned by the batch. */
typedef struct nd_fact_info {
	const char *text;      /* as written in the first source */
	nd_fact_kind kind;
	const char *value;     /* normalised, e.g. "25000000 USD" */
	const char *context;   /* the sentence it comes from */
	size_t article;
	size_t offset;
	size_t length;
	size_t n_sources;
	const size_t *sources;
	size_t independent;    /* sources left when copies and rewrites of
				  one origin count once */
	size_t n_occurrences;  /* see nd_batch_fact_occurrence */
	size_t n_conflicts;
	const size_t *conflicts; /* facts of this story (indices, as i)
				    stating another value for the same
				    thing in other articles */
	const char *about;     /* the entity its sentence names nearest to
				  it, or "" */
} nd_fact_info;

size_t nd_batch_fact_count(const nd_batch *b, size_t story);
int nd_batch_fact(nd_fact_info *out, const nd_batch *b, size_t story,
		  size_t i);
/* Occurrence k < n_occurrences of fact i of story, in story order.
 * Returns 0 or ND_ENOTFOUND. */
int nd_batch_fact_occurrence(nd_occurrence *out, const nd_batch *b,
			     size_t story, size_t i, size_t k);

/* ---- Paraphrase ---- */

/* Says whether two sentences state the same thing in other words ("Shares
 * of Acme rose 5 percent" / "Acme's stock gained 5%"): a logistic model
 * over word, stem and WordNet-synonym overlap, word order, numbers and
 * negation, fitted on news sentence pairs (see docs/cli.md, "similar").
 * WordNet is read from the files of Debian's wordnet-base, mapped and
 * searched in place, so a handle costs almost nothing to create. A handle
 * is not thread-safe (it keeps scratch space); use one per thread. */
typedef struct nd_similar nd_similar;

/* Longest sentence nd_similar_score takes, in bytes. */
#define ND_SIMILAR_MAX_BYTES 4096
/* Where wordnet-base installs WordNet. */
#define ND_SIMILAR_WORDNET_DIR "/usr/share/wordnet"

/* Creates a scorer reading WordNet from wordnet_dir (NULL:
 * ND_SIMILAR_WORDNET_DIR). Returns 0; ND_ENOMEM with *out NULL; or, when
 * the WordNet files are missing or malformed, ND_EIO, ND_EFORMAT or
 * ND_ETOOBIG (ND_EINVAL: a folder name over 4 KiB) with *out a handle
 * that only holds the error: nd_similar_error(*out) names the file (and
 * says to install wordnet-base); free it with nd_similar_free. */
int nd_similar_create(nd_similar **out, const char *wordnet_dir);
/* Frees the scorer; accepts NULL. */
void nd_similar_free(nd_similar *s);
/* One line describing the last failure of a call on s; owned by s, valid
 * until the next call on s. Empty when nothing failed. */
const char *nd_similar_error(const nd_similar *s);
/* The threshold of the shipped model: scores from it up are paraphrases. */
double nd_similar_threshold(void);
/* Scores the pair of sentences a[0..a_len), b[0..b_len): *score in
 * [0, 1] (symmetric in a and b), *paraphrase 1 when *score is at least
 * nd_similar_threshold(), else 0. Returns 0; ND_EUTF8 when a sentence is
 * not valid UTF-8; ND_ETOOBIG over ND_SIMILAR_MAX_BYTES; ND_EINVAL for a
 * handle that failed to create (its error stays that of the creation) or
 * a NULL sentence of non-zero length; ND_ENOMEM; or ND_EFORMAT for
 * malformed WordNet files met on the way. On failure *score and
 * *paraphrase are 0. */
int nd_similar_score(double *score, int *paraphrase, nd_similar *s,
		     const char *a, size_t a_len, const char *b,
		     size_t b_len);

/* ---- Rendering ---- */

typedef enum nd_render_kind {
	ND_RENDER_DIGEST_MD = 0, /* stories for a human */
	ND_RENDER_DIGEST_JSON,   /* documented in docs/digest-json.md */
	ND_RENDER_CLEAN_TEXT,    /* each article: title, blank line, body */
	ND_RENDER_DEDUP_TSV,     /* a, b, relation, score */
	ND_RENDER_DEDUP_JSON,
	ND_RENDER_CLUSTER_TSV,   /* story id, article id */
	ND_RENDER_CLUSTER_JSON,
	ND_RENDER_SUMMARY_LINES, /* one summary sentence per line, all stories */
	ND_RENDER_CLEAN_JSON,    /* each article's cleaned text and metadata */
	ND_RENDER_CLUSTER_EXPLAIN, /* each placement, in publication order:
				      article, story, how, score, the terms
				      behind it (with explain_stories) */
	ND_RENDER_FACTS_JSON,    /* quotes, entities with every mention,
				    facts with corroboration and conflicts,
				    of all stories in one list each
				    (docs/facts-json.md) */
	ND_RENDER_FACTS_MD       /* the same for a human */
} nd_render_kind;

/* Receives output bytes; returns 0 to go on, non-zero to stop. */
typedef int (*nd_write_fn)(void *ctx, const char *data, size_t len);

/* Writes the results of b in the given form through write. Untrusted text
 * is escaped for the format (JSON strings, Markdown, one-line TSV fields).
 * Returns 0, ND_EIO when write stopped, ND_ENOMEM, or ND_EINVAL. */
int nd_batch_render(const nd_batch *b, nd_render_kind kind,
		    nd_write_fn write, void *ctx);
/* nd_batch_render to a stdio stream, flushed at the end. */
int nd_batch_render_file(const nd_batch *b, nd_render_kind kind, FILE *out);
/* Writes article i (input order) alone, exactly as nd_batch_render would
 * for a batch holding only it; kind is ND_RENDER_CLEAN_TEXT or
 * ND_RENDER_CLEAN_JSON. Returns 0, ND_ENOTFOUND, ND_EIO when write
 * stopped, or ND_EINVAL (another kind, NULL b or write). */
int nd_batch_render_article(const nd_batch *b, nd_render_kind kind,
			    size_t i, nd_write_fn write, void *ctx);

/* ---- Copy index ----
 *
 * An incremental index of near-copies (syndicated articles with a new
 * headline, a paragraph dropped or moved, a few words changed, boilerplate
 * added) that holds a 48-byte sketch of each article, not its text, under
 * 200 bytes an article in all. Articles come and go over time: add finds
 * the earlier live articles each one copies, remove and expire take them
 * out, and the whole index is saved to and loaded from a file. Results are
 * deterministic. The default threshold, 0.38 estimated Jaccard of 5-word
 * shingles, sits above articles on the same event written apart (under
 * 0.05 nearly all, at most 0.34) and most spun rewrites (0.08 to 0.37, a
 * few to 0.43) and below syndicated copies (0.41 to 1, 99% over 0.47);
 * the estimate's standard error is about 0.05. An index is not
 * thread-safe. */

typedef struct nd_copyindex nd_copyindex;

typedef struct nd_copyindex_options {
	unsigned version;   /* ND_COPYINDEX_OPTIONS_VERSION */
	double threshold;   /* estimated Jaccard of a copy, default 0.38 */
	size_t max_live;    /* 0: no cap; else the oldest added is evicted */
	int keep_names;     /* keep each article's name (reported apart) */
} nd_copyindex_options;

#define ND_COPYINDEX_OPTIONS_VERSION 1
#define ND_COPYINDEX_OPTIONS_INIT { ND_COPYINDEX_OPTIONS_VERSION, 0.0, 0, 0 }

/* An article to add; the index copies what it keeps (never the text). */
typedef struct nd_copy_article {
	unsigned long long id; /* the caller's key, need not be unique */
	const char *name;      /* kept when keep_names; NULL for none */
	long long published;   /* seconds since 1970, UTC; what expire reads
				  (kept between 1970 and 2106) */
	const char *text;      /* any bytes */
	size_t len;
} nd_copy_article;

typedef struct nd_copy_match {
	unsigned long long id; /* an earlier live article */
	const char *name;      /* "" when no name was kept */
	double jaccard;        /* estimated, of the two articles' shingles */
} nd_copy_match;

typedef struct nd_copyindex_stats {
	size_t live;         /* articles that can be matched */
	size_t removed;      /* removed or expired, space not yet reused */
	size_t index_bytes;  /* tables, sketches, ids and times, allocated */
	size_t name_bytes;   /* the names kept, apart from index_bytes */
	double threshold;
	size_t max_live;
} nd_copyindex_stats;

/* Creates an empty index with opts (NULL: defaults). Returns 0, ND_EINVAL
 * for an unknown version or a threshold outside (0, 1], or ND_ENOMEM. */
int nd_copyindex_create(nd_copyindex **out, const nd_copyindex_options *opts);
/* Frees the index and all it handed out; accepts NULL. */
void nd_copyindex_free(nd_copyindex *ix);
/* One line on the last failure of a call on ix; owned by ix, valid until
 * the next call. Empty when nothing failed. */
const char *nd_copyindex_error(const nd_copyindex *ix);

/* Adds a, first finding the earlier live articles it near-copies:
 * *matches (owned by ix, valid until the next call on ix) gets *n of
 * them, oldest first. With max_live set, the oldest article is evicted
 * first when the index is full. Returns 0, ND_EINVAL, ND_ETOOBIG past
 * 16 million articles, or ND_ENOMEM (a not added; ix still usable). */
int nd_copyindex_add(const nd_copy_match **matches, size_t *n,
		     nd_copyindex *ix, const nd_copy_article *a);
/* Takes out every live article whose id is one of ids[0..n_ids), in one
 * pass over the index; *removed (may be NULL) gets their number, and
 * found[k] (found may be NULL) 1 when some article had ids[k], else 0.
 * Returns 0 or ND_ENOMEM. */
int nd_copyindex_remove(size_t *removed, unsigned char *found,
			nd_copyindex *ix, const unsigned long long *ids,
			size_t n_ids);
/* Takes out every live article published before the given time; *expired
 * (may be NULL) gets their number. Returns 0 or ND_ENOMEM. */
int nd_copyindex_expire(size_t *expired, nd_copyindex *ix, long long before);
/* Counts and memory of ix. */
void nd_copyindex_stats_get(nd_copyindex_stats *out, const nd_copyindex *ix);

/* Writes ix to path through a temporary file renamed over it, so a crash
 * leaves the old file or the new one. Removed articles' space is reclaimed
 * first. Returns 0, ND_EIO or ND_ENOMEM. */
int nd_copyindex_save(nd_copyindex *ix, const char *path);
/* Reads an index saved by nd_copyindex_save. Every field is checked (the
 * file may come from anywhere); a short, corrupt or foreign file gives
 * ND_EFORMAT, a missing or unreadable one (a directory) ND_EIO, one over
 * 64 GiB ND_ETOOBIG, with one line on what is wrong in err[0..errsize)
 * (may be NULL). opts fields that are set (threshold, max_live) replace
 * the saved ones. Returns 0 with *out set (caller frees it), or the code
 * (ND_ENOMEM too) with *out NULL. */
int nd_copyindex_load(nd_copyindex **out, char *err, size_t errsize,
		      const char *path, const nd_copyindex_options *opts);
/* nd_copyindex_load of a file's bytes data[0..len) held in memory. */
int nd_copyindex_load_memory(nd_copyindex **out, char *err, size_t errsize,
			     const void *data, size_t len,
			     const nd_copyindex_options *opts);

/* ---- Stories as articles arrive ----
 *
 * A story index places each article, in publication order, in the live
 * story it matches best or in a story of its own. An article is a vector
 * of stemmed content words and names (sublinear TF x IDF, IDF counted as
 * articles arrive, the title twice, cut to its 80 heaviest terms); a
 * story is the sum of its articles' vectors. The score is the cosine of
 * the article and the story, lowered by exp(-dt / 96 h) when both are
 * dated, dt being how far the article lies outside the story's days.
 * Candidates
 * come from an inverted index over each live story's heaviest terms, so
 * an add costs about the same at the millionth article as at the tenth.
 * A story with no article for expire_after seconds of publication time
 * leaves the index with all it held; two live stories whose centroids
 * converge are merged, the older id surviving; a young story (6 to 16
 * articles) whose articles fall into two groups far apart is split, the
 * group holding its first article keeping the id. Memory follows the live
 * stories, not the articles seen. Results are deterministic for a given
 * order. An index is not thread-safe. */

typedef struct nd_storyindex nd_storyindex;

typedef struct nd_storyindex_options {
	unsigned version;   /* ND_STORYINDEX_OPTIONS_VERSION */
	double threshold;   /* join score, default 0.10 (see docs/pipeline.md) */
	double merge;       /* centroid cosine that merges stories, default 0.4;
			       above 1 never */
	long long expire_after; /* idle seconds, default 4 days; < 0 never;
				   at most ND_STORYINDEX_EXPIRE_MAX */
	int explain;        /* keep the evidence of each placement */
} nd_storyindex_options;

#define ND_STORYINDEX_OPTIONS_VERSION 1
/* The longest expiry window taken: a century. */
#define ND_STORYINDEX_EXPIRE_MAX (100LL * 366 * 24 * 3600)
#define ND_STORYINDEX_OPTIONS_INIT { ND_STORYINDEX_OPTIONS_VERSION, 0.0, 0.0, 0, 0 }

/* An article to place; nothing of it is kept but its terms' weights. */
typedef struct nd_story_article {
	const char *title;       /* may be NULL */
	size_t title_len;
	const char *text;        /* cleaned text, any bytes */
	size_t text_len;
	long long published;     /* seconds since 1970 UTC, or ND_NO_TIME */
	unsigned long long join; /* a live story it must join (the story of
				    the article it copies), or 0 */
	int learnt;              /* its words were counted by
				    nd_storyindex_learn */
	unsigned long long key;  /* the caller's name for it, reported when
				    a split moves it to another story */
} nd_story_article;

/* Where an article went. Story ids count up from 1 and never change. */
typedef struct nd_placement {
	unsigned long long story;
	double score;       /* with the story joined; 0 for a new story */
	int is_new;
	int joined;         /* it went to the story a->join asked for */
	const unsigned long long *merged; /* stories folded into story by
					     this add (owned by the index,
					     valid until its next call) */
	size_t n_merged;
	double merge_score; /* centroid cosine of the last merge */
	unsigned long long split_off; /* a story split off by this add from
					 split_from, the story the article
					 joined (two events that had run
					 together), or 0 */
	unsigned long long split_from;
	const unsigned long long *moved; /* the keys of the articles now in
					    split_off (owned by the index,
					    valid until its next call) */
	size_t n_moved;
} nd_placement;

typedef struct nd_storyindex_stats {
	unsigned long long articles; /* placed so far */
	size_t live;                 /* stories that can be joined */
	size_t stories;              /* ever made */
	size_t merges, splits, expired;
	size_t bytes;                /* allocated by the index */
} nd_storyindex_stats;

/* Creates an empty index with opts (NULL: defaults). Returns 0, ND_EINVAL
 * for an unknown version, a threshold outside (0, 1], a merge cosine not
 * above 0 or an expire_after over ND_STORYINDEX_EXPIRE_MAX, or
 * ND_ENOMEM. */
int nd_storyindex_create(nd_storyindex **out,
			 const nd_storyindex_options *opts);
/* Frees the index and all it handed out; accepts NULL. */
void nd_storyindex_free(nd_storyindex *ix);
/* Places a after expiring the stories idle for longer than expire_after
 * before a->published (swept at most once an hour of publication time,
 * and never by an article older than the last sweep, so a story may take
 * articles up to an hour past its window; undated articles expire
 * nothing). Returns 0 with *out set; ND_EINVAL for a NULL text or title
 * of non-zero length; ND_ETOOBIG past 4 billion live stories; or
 * ND_ENOMEM, after which ix is usable and consistent but a's words may
 * have been counted and a may be in a story. */
int nd_storyindex_add(nd_placement *out, nd_storyindex *ix,
		      const nd_story_article *a);
/* Counts the words of a into the index's document frequencies without
 * placing it: a batch counts all its articles first, so that the first
 * ones placed are weighed as well as the last. An article learnt must be
 * added with a->learnt set. Returns 0 or ND_EINVAL. */
int nd_storyindex_learn(nd_storyindex *ix, const nd_story_article *a);
/* With explain set: the terms the last placed article shares with the
 * story it joined, heaviest first, *n of them (owned by ix, valid until
 * its next call; *n is 0 for a new story). */
void nd_storyindex_evidence(const nd_story_evidence **terms, size_t *n,
			    const nd_storyindex *ix);
/* Expires the stories idle since before `before`; *n (may be NULL) gets
 * their number. Returns 0. */
int nd_storyindex_expire(size_t *n, nd_storyindex *ix, long long before);
/* Counts and memory of ix. */
void nd_storyindex_stats_get(nd_storyindex_stats *out,
			     const nd_storyindex *ix);

#ifdef __cplusplus
}
#endif

#endif
