/* Which articles make up which story, as TSV lines or JSON. */
#include "render/json_writer.h"
#include "render/line_text.h"
#include "render/render.h"
#include "render/render_json_parts.h"
#include "render/render_lineage.h"

int nd_render_cluster_tsv(nd_out *o, const nd_batch *b)
{
	nd_story_info s;
	size_t i, k, n = nd_batch_story_count(b);

	for (i = 0; i < n && !o->failed; i++) {
		if (nd_batch_story(&s, b, i) != ND_OK)
			continue;
		for (k = 0; k < s.n_articles; k++) {
			nd_line_str(o, s.id);
			nd_out_puts(o, "\t");
			nd_line_str(o, nd_render_article_id(b, s.articles[k]));
			nd_out_puts(o, "\n");
		}
	}
	return ND_OK;
}

int nd_render_cluster_json(nd_out *o, const nd_batch *b)
{
	nd_story_info s;
	nd_json j;
	size_t i, n = nd_batch_story_count(b);

	nd_json_init(&j, o);
	nd_json_object_begin(&j);
	nd_json_key(&j, "stories");
	nd_json_array_begin(&j);
	for (i = 0; i < n && !o->failed; i++) {
		if (nd_batch_story(&s, b, i) != ND_OK)
			continue;
		nd_json_object_begin(&j);
		nd_json_kv_str(&j, "id", s.id);
		nd_json_kv_str(&j, "headline", s.headline);
		nd_render_json_ids(&j, "articles", b, s.articles,
				   s.n_articles);
		nd_json_object_end(&j);
	}
	nd_json_array_end(&j);
	nd_json_object_end(&j);
	nd_json_finish(&j);
	return ND_OK;
}
