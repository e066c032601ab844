#include "render/render_json_parts.h"

#include "render/render_lineage.h"

void nd_render_json_ids(nd_json *j, const char *key, const nd_batch *b,
			const size_t *idx, size_t n)
{
	size_t k;

	nd_json_key(j, key);
	nd_json_array_begin_inline(j);
	for (k = 0; k < n; k++)
		nd_json_str(j, nd_render_article_id(b, idx[k]));
	nd_json_array_end(j);
}

void nd_render_json_span(nd_json *j, const nd_batch *b, size_t article,
			 size_t offset, size_t length)
{
	nd_json_kv_str(j, "article", nd_render_article_id(b, article));
	nd_json_kv_uint(j, "offset", offset);
	nd_json_kv_uint(j, "length", length);
}

void nd_render_json_article_or_null(nd_json *j, const nd_batch *b, size_t i)
{
	if (i == ND_NONE)
		nd_json_null(j);
	else
		nd_json_str(j, nd_render_article_id(b, i));
}

size_t nd_render_json_origin(nd_json *j, const nd_batch *b, size_t i)
{
	size_t origin = ND_NONE;

	nd_json_key(j, "origin");
	if (nd_batch_origin(&origin, b, i) != ND_OK)
		origin = ND_NONE;
	nd_render_json_article_or_null(j, b, origin);
	return origin;
}

void nd_render_json_relation(nd_json *j, const nd_batch *b,
			     const nd_relation *r)
{
	nd_json_object_begin(j);
	nd_json_kv_str(j, "a", nd_render_article_id(b, r->a));
	nd_json_kv_str(j, "b", nd_render_article_id(b, r->b));
	nd_json_kv_str(j, "relation", nd_relation_name(r->kind));
	nd_json_kv_num(j, "score", r->score);
	nd_json_object_end(j);
}

void nd_render_json_rejected(nd_json *j, const nd_batch *b)
{
	const char *path, *error;
	size_t i, n = nd_batch_rejected_count(b);

	nd_json_key(j, "rejected");
	nd_json_array_begin(j);
	for (i = 0; i < n; i++) {
		if (nd_batch_rejected(&path, &error, b, i) != ND_OK)
			continue;
		nd_json_object_begin(j);
		nd_json_kv_str(j, "path", path);
		nd_json_kv_str(j, "error", error);
		nd_json_object_end(j);
	}
	nd_json_array_end(j);
}
