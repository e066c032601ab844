/* Cleaned texts byte for byte, so that the offsets in the digest point into
 * what this prints; "==> id <==" headers (as head(1) writes them) only
 * when there is more than one article. */
#include "render/json_writer.h"
#include "render/line_text.h"
#include "render/render.h"

/* The text of one article, ending with a line break. */
static void clean_text(nd_out *o, const nd_article_info *a)
{
	nd_out_put(o, a->text, a->text_len);
	if (a->text_len == 0 || a->text[a->text_len - 1] != '\n')
		nd_out_puts(o, "\n");
}

int nd_render_clean_text(nd_out *o, const nd_batch *b)
{
	nd_article_info a;
	size_t i, n = nd_batch_article_count(b);

	for (i = 0; i < n && !o->failed; i++) {
		if (nd_batch_article(&a, b, i) != ND_OK)
			continue;
		if (n > 1) {
			nd_out_puts(o, i > 0 ? "\n==> " : "==> ");
			nd_line_str(o, a.id);
			nd_out_puts(o, " <==\n");
		}
		clean_text(o, &a);
	}
	return ND_OK;
}

/* One element of the "articles" array. */
static void clean_json(nd_json *j, const nd_article_info *a)
{
	nd_json_object_begin(j);
	nd_json_kv_str(j, "id", a->id);
	nd_json_kv_str(j, "path", a->path);
	nd_json_kv_str(j, "title", a->title);
	nd_json_kv_str(j, "url", a->url);
	nd_json_kv_str(j, "source", a->source);
	nd_json_kv_str(j, "published", a->published);
	nd_json_kv_str(j, "byline", a->byline);
	nd_json_kv_str(j, "dateline", a->dateline);
	nd_json_kv_str(j, "language", a->language);
	nd_json_kv_uint(j, "words", a->words);
	nd_json_key(j, "text");
	nd_json_strn(j, a->text, a->text_len);
	nd_json_object_end(j);
}

/* {"articles": [...]} over the articles first..last-1. */
static void clean_json_range(nd_out *o, const nd_batch *b, size_t first,
			     size_t last)
{
	nd_article_info a;
	nd_json j;
	size_t i;

	nd_json_init(&j, o);
	nd_json_object_begin(&j);
	nd_json_key(&j, "articles");
	nd_json_array_begin(&j);
	for (i = first; i < last && !o->failed; i++)
		if (nd_batch_article(&a, b, i) == ND_OK)
			clean_json(&j, &a);
	nd_json_array_end(&j);
	nd_json_object_end(&j);
	nd_json_finish(&j);
}

/* The same texts with the metadata the cleaner found, for programs. */
int nd_render_clean_json(nd_out *o, const nd_batch *b)
{
	clean_json_range(o, b, 0, nd_batch_article_count(b));
	return ND_OK;
}

int nd_render_clean_text_article(nd_out *o, const nd_batch *b, size_t i)
{
	nd_article_info a;

	if (nd_batch_article(&a, b, i) != ND_OK)
		return ND_ENOTFOUND;
	clean_text(o, &a);
	return ND_OK;
}

int nd_render_clean_json_article(nd_out *o, const nd_batch *b, size_t i)
{
	if (i >= nd_batch_article_count(b))
		return ND_ENOTFOUND;
	clean_json_range(o, b, i, i + 1);
	return ND_OK;
}
