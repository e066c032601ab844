/* Cleaned texts byte for byte, so that the offsets in the digest point into
 * what this prints; "==> id <==" headers (as head(1) writes them) only
 * when there is more than one article. */
#include "render/json_writer.h"
#include "render/line_text.h"
#include "render/render.h"

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
		nd_out_put(o, a.text, a.text_len);
		if (a.text_len == 0 || a.text[a.text_len - 1] != '\n')
			nd_out_puts(o, "\n");
	}
	return ND_OK;
}

/* The same texts with the metadata the cleaner found, for programs. */
int nd_render_clean_json(nd_out *o, const nd_batch *b)
{
	nd_article_info a;
	nd_json j;
	size_t i, n = nd_batch_article_count(b);

	nd_json_init(&j, o);
	nd_json_object_begin(&j);
	nd_json_key(&j, "articles");
	nd_json_array_begin(&j);
	for (i = 0; i < n && !o->failed; i++) {
		if (nd_batch_article(&a, b, i) != ND_OK)
			continue;
		nd_json_object_begin(&j);
		nd_json_kv_str(&j, "id", a.id);
		nd_json_kv_str(&j, "path", a.path);
		nd_json_kv_str(&j, "title", a.title);
		nd_json_kv_str(&j, "url", a.url);
		nd_json_kv_str(&j, "source", a.source);
		nd_json_kv_str(&j, "published", a.published);
		nd_json_kv_str(&j, "byline", a.byline);
		nd_json_kv_str(&j, "dateline", a.dateline);
		nd_json_kv_uint(&j, "words", a.words);
		nd_json_key(&j, "text");
		nd_json_strn(&j, a.text, a.text_len);
		nd_json_object_end(&j);
	}
	nd_json_array_end(&j);
	nd_json_object_end(&j);
	nd_json_finish(&j);
	return ND_OK;
}
