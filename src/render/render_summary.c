/* Summary sentences one per line, for scripts and pipes. */
#include "render/line_text.h"
#include "render/render.h"

int nd_render_summary_lines(nd_out *o, const nd_batch *b)
{
	nd_summary_sentence s;
	size_t i, k, n = nd_batch_story_count(b);

	for (i = 0; i < n && !o->failed; i++) {
		size_t m = nd_batch_summary_count(b, i);

		for (k = 0; k < m; k++) {
			if (nd_batch_summary(&s, b, i, k) != ND_OK)
				continue;
			nd_line_str(o, s.text);
			nd_out_puts(o, "\n");
		}
	}
	return ND_OK;
}
