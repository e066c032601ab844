#include "pipeline/batch_internal.h"

#include <stddef.h> /* offsetof */
#include <string.h> /* strcmp */

#include "core/alloc.h"
#include "core/arena.h"
#include "core/buf.h"
#include "ingest/ingest.h"

#define DEFAULT_MAX_ARTICLE_BYTES (5u * 1024u * 1024u)

const char *nd_version(void)
{
	return ND_VERSION;
}

void nd_options_init(nd_options *opts)
{
	nd_options defaults = ND_OPTIONS_INIT;

	*opts = defaults;
}

/* Fills the documented defaults into the zero fields. */
static void apply_defaults(nd_options *o)
{
	if (o->max_article_bytes == 0)
		o->max_article_bytes = DEFAULT_MAX_ARTICLE_BYTES;
	if (o->summary_words == 0)
		o->summary_words = 100;
	if (o->language == NULL)
		o->language = "english";
}

/* The story fields a stream index would refuse, refused now rather than
 * at the first run. */
static int stories_options_valid(const nd_options *o)
{
	if (o->version == 1)
		return o->cluster_threshold >= 0.0 &&
		       o->cluster_threshold <= 1.0;
	return o->cluster_threshold >= 0.0 && o->cluster_threshold <= 1.0 &&
	       o->story_expire <= ND_STORYINDEX_EXPIRE_MAX;
}

int nd_batch_create(nd_batch **out, const nd_options *opts)
{
	nd_batch *b;
	int rc;

	*out = NULL;
	if (opts && opts->version != ND_OPTIONS_VERSION && opts->version != 1)
		return ND_EINVAL;
	if (opts && !stories_options_valid(opts))
		return ND_EINVAL;
	b = nd_calloc(1, sizeof(*b));
	if (b == NULL)
		return ND_ENOMEM;
	nd_options_init(&b->opts);
	/* Version 1 ended before the story fields: they keep defaults. */
	if (opts)
		memcpy(&b->opts, opts,
		       opts->version == 1
			       ? offsetof(nd_options, explain_stories)
			       : sizeof(*opts));
	b->opts.version = ND_OPTIONS_VERSION;
	apply_defaults(&b->opts);
	b->language = nd_strndup(b->opts.language, strlen(b->opts.language));
	if (b->language == NULL || nd_arena_create(&b->inputs_arena)) {
		rc = ND_ENOMEM;
		goto fail;
	}
	b->opts.language = b->language;
	/* Fail now, not at the first run, on a language without a stemmer. */
	if (!nd_vocab_language_known(b->language)) {
		rc = ND_EINVAL;
		goto fail;
	}
	*out = b;
	return ND_OK;
fail:
	nd_batch_free(b);
	return rc;
}

void nd_batch__clear_results(nd_batch *b)
{
	nd_arena_free(b->results_arena);
	nd_vocab_free(b->vocab);
	nd_free(b->input_of);
	b->results_arena = NULL;
	b->vocab = NULL;
	b->input_of = NULL;
	b->clean = NULL;
	b->docs = NULL;
	b->ids = b->titles = b->published = NULL;
	b->published_at = NULL;
	b->edges = NULL;
	b->origin = NULL;
	b->stories = NULL;
	b->placements = NULL;
	b->n_articles = b->n_edges = b->n_stories = 0;
	b->stages_done = 0;
	b->n_rejected = b->n_ingest_rejected;
}

void nd_batch_free(nd_batch *b)
{
	if (b == NULL)
		return;
	nd_batch__clear_results(b);
	nd_arena_free(b->inputs_arena);
	nd_buf_dispose(&b->scratch);
	nd_html_reader_free(b->html);
	nd_free(b->inputs);
	nd_free(b->rejected);
	nd_free(b->warnings);
	nd_free(b->language);
	nd_free(b);
}

const char *nd_batch_error(const nd_batch *b)
{
	return b->err.msg;
}

int nd_batch__reject(nd_batch *b, nd_arena *arena, const char *path,
		     const char *reason)
{
	nd_rejection r;

	r.path = nd_arena_strdup(arena, path ? path : "");
	r.error = nd_arena_strdup(arena, reason ? reason : "rejected");
	if (r.path == NULL || r.error == NULL)
		return ND_ENOMEM;
	return ND_ARRAY_PUSH(b->rejected, b->n_rejected, b->rejected_cap, r);
}

static const char *dup_or_empty(nd_arena *a, const char *s)
{
	return nd_arena_strdup(a, s ? s : "");
}

/* Cleans the body of raw for in, in a, with b's HTML reader: cleaning as each input arrives
 * means no raw page is kept, so memory holds one page at a time rather
 * than all of them. An input with no text left keeps its reason, to be
 * reported by the clean stage in input order. 0 or ND_ENOMEM. */
static int clean_input(nd_batch *b, nd_input *in, nd_arena *a,
		       const nd_raw_article *raw)
{
	nd_err err = { 0 };
	int rc;

	in->clean_error = NULL;
	if (raw->is_html && b->html == NULL &&
	    nd_html_reader_create(&b->html) != ND_OK)
		return ND_ENOMEM;
	if (raw->is_html)
		rc = nd_clean_html_with(&in->clean, b->html, a, in->title,
					raw->body, raw->body_len, &err);
	else
		rc = nd_clean_text(&in->clean, a, in->title, raw->body,
				   raw->body_len, &err);
	if (rc == ND_ENOMEM)
		return rc;
	if (rc == ND_OK)
		return ND_OK;
	in->clean_error = nd_arena_strdup(a, err.msg[0] ? err.msg
						      : nd_strerror(rc));
	return in->clean_error ? ND_OK : ND_ENOMEM;
}

int nd_batch__warn(nd_batch *b, const char *path, const char *warning)
{
	nd_rejection w;

	w.path = nd_arena_strdup(b->inputs_arena, path);
	w.error = nd_arena_strdup(b->inputs_arena, warning);
	if (w.path == NULL || w.error == NULL ||
	    ND_ARRAY_PUSH(b->warnings, b->n_warnings, b->warnings_cap, w))
		return ND_ENOMEM;
	return ND_OK;
}

/* The input raw makes, copied into a and cleaned, its warning recorded
 * in b. 0 or ND_ENOMEM. */
static int take_input(nd_input *in, nd_batch *b, nd_arena *a,
		      const nd_raw_article *raw)
{
	in->id = dup_or_empty(a, raw->id);
	in->path = dup_or_empty(a, raw->path);
	in->url = dup_or_empty(a, raw->url);
	in->title = raw->title ? nd_arena_strdup(a, raw->title) : NULL;
	in->source = dup_or_empty(a, raw->source);
	in->published = dup_or_empty(a, raw->published);
	if (!in->id || !in->path || !in->url || !in->source ||
	    !in->published || (raw->title && !in->title))
		return ND_ENOMEM;
	if (raw->warning && nd_batch__warn(b, in->path, raw->warning))
		return ND_ENOMEM;
	return clean_input(b, in, a, raw);
}

static int on_article(void *ctx, const nd_raw_article *raw)
{
	nd_batch *b = ctx;
	nd_input in;

	if (take_input(&in, b, b->inputs_arena, raw))
		return ND_ENOMEM;
	return ND_ARRAY_PUSH(b->inputs, b->n_inputs, b->inputs_cap, in);
}

static int on_reject(void *ctx, const char *path, int code, const char *msg)
{
	nd_batch *b = ctx;
	int rc = nd_batch__reject(b, b->inputs_arena, path, msg);

	(void)code;
	b->n_ingest_rejected = b->n_rejected;
	return rc;
}

/* New inputs make earlier results stale; dropping them first also keeps
 * rejections from cleaning (which live in the results) after the ingest
 * ones. */
static nd_ingest_sink sink_of(nd_batch *b)
{
	nd_ingest_sink s;

	nd_batch__clear_results(b);

	s.max_bytes = b->opts.max_article_bytes;
	s.on_article = on_article;
	s.on_reject = on_reject;
	s.ctx = b;
	s.scratch = &b->scratch;
	return s;
}

/* Ingest returns the last rejection's code; only ND_ENOMEM is fatal. */
static int finish_add(nd_batch *b, int rc, const char *what)
{
	nd_err_clear(&b->err);
	if (rc == ND_ENOMEM)
		return nd_err_set(&b->err, rc, "%s: out of memory", what);
	if (rc && b->n_rejected)
		nd_err_set(&b->err, rc, "%s: %s",
			   b->rejected[b->n_rejected - 1].path,
			   b->rejected[b->n_rejected - 1].error);
	return rc;
}

/* The walk of nd_batch_each_article: each article cleaned in an arena of
 * its own, handed over, and let go. */
typedef struct each_walk {
	nd_batch *b;
	nd_article_fn fn;
	void *ctx;
	int stopped; /* fn's non-zero return */
} each_walk;

/* info for the input in, cleaned, its date read into arena a. 0 or
 * ND_ENOMEM. */
static int info_of(nd_article_info *info, const nd_input *in, nd_arena *a)
{
	long long at;
	const char *published = nd_batch__published(&at, a, in, &in->clean);

	if (published == NULL)
		return ND_ENOMEM;
	nd_batch__info(info, in, &in->clean, published, at);
	return ND_OK;
}

static int each_on_article(void *ctx, const nd_raw_article *raw)
{
	each_walk *w = ctx;
	nd_batch *b = w->b;
	nd_arena *a = NULL;
	nd_article_info info;
	nd_input in;
	int rc = ND_ENOMEM;

	if (nd_arena_create(&a))
		return ND_ENOMEM;
	if (take_input(&in, b, a, raw))
		goto done;
	if (in.clean_error) {
		rc = on_reject(b, in.path, ND_EEMPTY, in.clean_error);
		goto done;
	}
	if (info_of(&info, &in, a))
		goto done;
	rc = w->fn(w->ctx, &info);
	if (rc)
		w->stopped = rc;
done:
	nd_arena_free(a);
	return rc;
}

static int each_on_reject(void *ctx, const char *path, int code,
			  const char *msg)
{
	return on_reject(((each_walk *)ctx)->b, path, code, msg);
}

int nd_batch_each_article(nd_batch *b, const char *path, nd_article_fn fn,
			  void *ctx)
{
	each_walk w = { b, fn, ctx, 0 };
	nd_ingest_sink s = sink_of(b);
	int rc;

	s.on_article = each_on_article;
	s.on_reject = each_on_reject;
	s.ctx = &w;
	rc = nd_ingest_path(&s, path);
	if (w.stopped)
		return w.stopped;
	return finish_add(b, rc, path);
}

int nd_batch_add_path(nd_batch *b, const char *path)
{
	nd_ingest_sink s = sink_of(b);

	return finish_add(b, nd_ingest_path(&s, path), path);
}

int nd_batch_add_stream(nd_batch *b, FILE *f, const char *name,
			nd_format format)
{
	nd_ingest_sink s = sink_of(b);

	return finish_add(b, nd_ingest_stream(&s, f, name, format), name);
}

int nd_batch_add_memory(nd_batch *b, const char *name, const char *data,
			size_t len, nd_format format)
{
	nd_ingest_sink s = sink_of(b);

	return finish_add(b, nd_ingest_memory(&s, name, data, len, format),
			  name);
}

size_t nd_batch_warning_count(const nd_batch *b)
{
	return b->n_warnings;
}

int nd_batch_warning(const char **path, const char **message,
		     const nd_batch *b, size_t i)
{
	if (i >= b->n_warnings)
		return ND_ENOTFOUND;
	*path = b->warnings[i].path;
	*message = b->warnings[i].error;
	return ND_OK;
}

size_t nd_batch_rejected_count(const nd_batch *b)
{
	return b->n_rejected;
}

int nd_batch_rejected(const char **path, const char **error,
		      const nd_batch *b, size_t i)
{
	if (i >= b->n_rejected)
		return ND_ENOTFOUND;
	*path = b->rejected[i].path;
	*error = b->rejected[i].error;
	return ND_OK;
}
