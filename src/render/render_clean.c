/* Cleaned texts byte for byte, so that the offsets in the digest point into
 * what this prints; "==> id <==" headers (as head(1) writes them) only
 * when there is more than one article. */
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
