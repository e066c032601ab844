/* The relations between articles, as TSV lines or JSON. */
#include "render/json_writer.h"
#include "render/line_text.h"
#include "render/render.h"
#include "render/render_json_parts.h"
#include "render/render_lineage.h"

int nd_render_dedup_tsv(nd_out *o, const nd_batch *b)
{
	nd_relation r;
	size_t i, n = nd_batch_relation_count(b);

	for (i = 0; i < n && !o->failed; i++) {
		if (nd_batch_relation(&r, b, i) != ND_OK)
			continue;
		nd_line_str(o, nd_render_article_id(b, r.a));
		nd_out_puts(o, "\t");
		nd_line_str(o, nd_render_article_id(b, r.b));
		nd_out_puts(o, "\t");
		nd_out_puts(o, nd_relation_name(r.kind));
		nd_out_puts(o, "\t");
		nd_out_fixed(o, r.score, 3);
		nd_out_puts(o, "\n");
	}
	return ND_OK;
}

/* "articles": each with its date and origin; "independent": how many are
 * their own origin. */
static void origins(nd_json *j, const nd_batch *b)
{
	nd_article_info a;
	size_t i, n = nd_batch_article_count(b), independent = 0;

	nd_json_key(j, "articles");
	nd_json_array_begin(j);
	for (i = 0; i < n && nd_batch_article(&a, b, i) == ND_OK; i++) {
		nd_json_object_begin(j);
		nd_json_kv_str(j, "id", a.id);
		nd_json_kv_str(j, "published", a.published);
		independent += nd_render_json_origin(j, b, i) == i;
		nd_json_object_end(j);
	}
	nd_json_array_end(j);
	nd_json_kv_uint(j, "independent", independent);
}

int nd_render_dedup_json(nd_out *o, const nd_batch *b)
{
	nd_relation r;
	nd_json j;
	size_t i, n = nd_batch_relation_count(b);

	nd_json_init(&j, o);
	nd_json_object_begin(&j);
	origins(&j, b);
	nd_json_key(&j, "relations");
	nd_json_array_begin(&j);
	for (i = 0; i < n && !o->failed; i++) {
		if (nd_batch_relation(&r, b, i) != ND_OK)
			continue;
		nd_render_json_relation(&j, b, &r);
	}
	nd_json_array_end(&j);
	nd_json_object_end(&j);
	nd_json_finish(&j);
	return ND_OK;
}
