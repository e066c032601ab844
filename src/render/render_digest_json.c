/* The digest as JSON, documented field by field in docs/digest-json.md. */
#include "render/json_writer.h"
#include "render/render.h"
#include "render/render_facts.h"
#include "render/render_json_parts.h"
#include "render/render_lineage.h"

/* key: the source of relation rel, as an id (duplicate_of) or as
 * {"id", "share"}; null when there is none. */
static void origin(nd_json *j, const nd_batch *b, const char *key, size_t rel)
{
	nd_relation r;

	nd_json_key(j, key);
	if (rel == ND_NONE || nd_batch_relation(&r, b, rel) != ND_OK) {
		nd_json_null(j);
		return;
	}
	if (r.kind == ND_REL_DUPLICATE || r.kind == ND_REL_NEAR_DUPLICATE) {
		nd_json_str(j, nd_render_article_id(b, r.a));
		return;
	}
	nd_json_object_begin(j);
	nd_json_kv_str(j, "id", nd_render_article_id(b, r.a));
	nd_json_kv_num(j, "share", r.score);
	nd_json_object_end(j);
}

static void article(nd_json *j, const nd_batch *b, const nd_lineage *l,
		    size_t i)
{
	nd_article_info a;

	if (nd_batch_article(&a, b, i) != ND_OK)
		return;
	nd_json_object_begin(j);
	nd_json_kv_str(j, "id", a.id);
	nd_json_kv_str(j, "title", a.title);
	nd_json_kv_str(j, "source", a.source);
	nd_json_kv_str(j, "url", a.url);
	nd_json_kv_str(j, "published", a.published);
	nd_json_kv_uint(j, "words", a.words);
	origin(j, b, "duplicate_of", l->copy_rel[i]);
	origin(j, b, "derived_from", l->rewrite_rel[i]);
	origin(j, b, "partial_of", l->partial_rel[i]);
	nd_render_json_origin(j, b, i);
	nd_json_object_end(j);
}

/* "support": each source of summary sentence i with the span of its own
 * sentence stating the same content. */
static void support(nd_json *j, const nd_batch *b, size_t story, size_t i,
		    size_t n)
{
	size_t k, article, offset, length;

	nd_json_key(j, "support");
	nd_json_array_begin(j);
	for (k = 0; k < n; k++) {
		if (nd_batch_summary_source(&article, &offset, &length, b,
					    story, i, k) != ND_OK)
			continue;
		nd_json_object_begin(j);
		nd_render_json_span(j, b, article, offset, length);
		nd_json_object_end(j);
	}
	nd_json_array_end(j);
}

static void summary(nd_json *j, const nd_batch *b, size_t story)
{
	nd_summary_sentence s;
	size_t i, n = nd_batch_summary_count(b, story);

	nd_json_key(j, "summary");
	nd_json_array_begin(j);
	for (i = 0; i < n; i++) {
		if (nd_batch_summary(&s, b, story, i) != ND_OK)
			continue;
		nd_json_object_begin(j);
		nd_json_kv_str(j, "text", s.text);
		nd_render_json_ids(j, "sources", b, s.sources, s.n_sources);
		nd_render_json_span(j, b, s.article, s.offset, s.length);
		support(j, b, story, i, s.n_sources);
		nd_json_object_end(j);
	}
	nd_json_array_end(j);
}

/* key: an array of story's quotations, entities or facts. */
static void section(nd_json *j, const nd_batch *b, size_t story,
		    const char *key,
		    void (*items)(nd_json *, const nd_batch *, size_t))
{
	nd_json_key(j, key);
	nd_json_array_begin(j);
	items(j, b, story);
	nd_json_array_end(j);
}

static void lineage(nd_json *j, const nd_batch *b, const nd_lineage *l,
		    size_t story)
{
	nd_relation r;
	size_t k;

	nd_json_key(j, "lineage");
	nd_json_array_begin(j);
	for (k = l->rel_start[story]; k < l->rel_start[story + 1]; k++) {
		if (nd_batch_relation(&r, b, l->rel_order[k]) != ND_OK)
			continue;
		nd_render_json_relation(j, b, &r);
	}
	nd_json_array_end(j);
}

static void story(nd_json *j, const nd_batch *b, const nd_lineage *l,
		  size_t i)
{
	nd_story_info s;
	size_t k;

	if (nd_batch_story(&s, b, i) != ND_OK)
		return;
	nd_json_object_begin(j);
	nd_json_kv_str(j, "id", s.id);
	nd_json_kv_str(j, "headline", s.headline);
	nd_json_kv_uint(j, "independent", s.n_independent);
	nd_json_key(j, "earliest");
	nd_render_json_article_or_null(j, b, s.earliest);
	nd_json_key(j, "articles");
	nd_json_array_begin(j);
	for (k = 0; k < s.n_articles; k++)
		article(j, b, l, s.articles[k]);
	nd_json_array_end(j);
	summary(j, b, i);
	section(j, b, i, "quotes", nd_render_json_quotes);
	section(j, b, i, "entities", nd_render_json_entities);
	section(j, b, i, "facts", nd_render_json_facts);
	lineage(j, b, l, i);
	nd_json_object_end(j);
}

int nd_render_digest_json(nd_out *o, const nd_batch *b)
{
	nd_lineage l;
	nd_json j;
	size_t i, n = nd_batch_story_count(b);
	int rc = nd_lineage_build(&l, b);

	if (rc)
		return rc;
	nd_json_init(&j, o);
	nd_json_object_begin(&j);
	nd_json_kv_str(&j, "version", nd_version());
	nd_json_key(&j, "stories");
	nd_json_array_begin(&j);
	for (i = 0; i < n && !o->failed; i++)
		story(&j, b, &l, i);
	nd_json_array_end(&j);
	nd_render_json_rejected(&j, b);
	nd_json_object_end(&j);
	nd_json_finish(&j);
	nd_lineage_dispose(&l);
	return ND_OK;
}
