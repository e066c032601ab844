/* The facts document: every story's quotations, entities and facts in one
 * list each, for `newsdigest facts` (which makes the batch one story). */
#include "render/json_writer.h"
#include "render/render.h"
#include "render/render_facts.h"
#include "render/render_json_parts.h"

/* key: one array holding the items of every story. */
static void json_all(nd_json *j, const nd_batch *b, const char *key,
		     void (*items)(nd_json *, const nd_batch *, size_t))
{
	size_t i, n = nd_batch_story_count(b);

	nd_json_key(j, key);
	nd_json_array_begin(j);
	for (i = 0; i < n; i++)
		items(j, b, i);
	nd_json_array_end(j);
}

static void json_articles(nd_json *j, const nd_batch *b)
{
	nd_article_info a;
	size_t i, n = nd_batch_article_count(b);

	nd_json_key(j, "articles");
	nd_json_array_begin(j);
	for (i = 0; i < n; i++) {
		if (nd_batch_article(&a, b, i) != ND_OK)
			continue;
		nd_json_object_begin_inline(j);
		nd_json_kv_str(j, "id", a.id);
		nd_json_kv_str(j, "title", a.title);
		nd_json_object_end(j);
	}
	nd_json_array_end(j);
}

int nd_render_facts_json(nd_out *o, const nd_batch *b)
{
	nd_json j;

	nd_json_init(&j, o);
	nd_json_object_begin(&j);
	nd_json_kv_str(&j, "version", nd_version());
	json_articles(&j, b);
	json_all(&j, b, "quotes", nd_render_json_quotes);
	json_all(&j, b, "entities", nd_render_json_entities);
	json_all(&j, b, "facts", nd_render_json_facts);
	nd_render_json_rejected(&j, b);
	nd_json_object_end(&j);
	nd_json_finish(&j);
	return ND_OK;
}

int nd_render_facts_md(nd_out *o, const nd_batch *b)
{
	size_t i, n = nd_batch_story_count(b);

	nd_out_puts(o, "# Facts\n\n");
	nd_render_md_count(o, nd_batch_article_count(b), "article",
			   "articles");
	nd_out_puts(o, "\n");
	for (i = 0; i < n && !o->failed; i++) {
		nd_render_md_quotes(o, b, i);
		nd_render_md_entities(o, b, i);
		nd_render_md_facts(o, b, i);
	}
	nd_render_md_rejected(o, b);
	return ND_OK;
}
