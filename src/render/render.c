/* nd_batch_render and nd_batch_render_article: pick the renderer for a
 * kind. */
#include "render/render.h"

#include <stdio.h> /* fwrite, fflush, ferror */

int nd_batch_render(const nd_batch *b, nd_render_kind kind,
		    nd_write_fn write, void *ctx)
{
	static int (*const renderers[])(nd_out *, const nd_batch *) = {
		[ND_RENDER_DIGEST_MD] = nd_render_digest_md,
		[ND_RENDER_DIGEST_JSON] = nd_render_digest_json,
		[ND_RENDER_CLEAN_TEXT] = nd_render_clean_text,
		[ND_RENDER_DEDUP_TSV] = nd_render_dedup_tsv,
		[ND_RENDER_DEDUP_JSON] = nd_render_dedup_json,
		[ND_RENDER_CLUSTER_TSV] = nd_render_cluster_tsv,
		[ND_RENDER_CLUSTER_JSON] = nd_render_cluster_json,
		[ND_RENDER_CLUSTER_EXPLAIN] = nd_render_cluster_explain,
		[ND_RENDER_SUMMARY_LINES] = nd_render_summary_lines,
		[ND_RENDER_CLEAN_JSON] = nd_render_clean_json,
		[ND_RENDER_FACTS_JSON] = nd_render_facts_json,
		[ND_RENDER_FACTS_MD] = nd_render_facts_md,
	};
	nd_out o;
	int rc;

	if (b == NULL || write == NULL || (unsigned)kind >=
	    sizeof(renderers) / sizeof(renderers[0]))
		return ND_EINVAL;
	nd_out_init(&o, write, ctx);
	rc = renderers[kind](&o, b);
	return rc ? rc : nd_out_status(&o);
}

int nd_batch_render_article(const nd_batch *b, nd_render_kind kind,
			    size_t i, nd_write_fn write, void *ctx)
{
	nd_out o;
	int rc;

	if (b == NULL || write == NULL)
		return ND_EINVAL;
	nd_out_init(&o, write, ctx);
	if (kind == ND_RENDER_CLEAN_TEXT)
		rc = nd_render_clean_text_article(&o, b, i);
	else if (kind == ND_RENDER_CLEAN_JSON)
		rc = nd_render_clean_json_article(&o, b, i);
	else
		return ND_EINVAL;
	return rc ? rc : nd_out_status(&o);
}

static int write_file(void *ctx, const char *data, size_t len)
{
	return fwrite(data, 1, len, (FILE *)ctx) != len;
}

int nd_batch_render_file(const nd_batch *b, nd_render_kind kind, FILE *out)
{
	int rc;

	if (out == NULL)
		return ND_EINVAL;
	rc = nd_batch_render(b, kind, write_file, out);
	if (rc == ND_OK && (fflush(out) != 0 || ferror(out)))
		rc = ND_EIO;
	return rc;
}
