/* Which articles make up which story, as TSV lines or JSON. */
#include "core/alloc.h"
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

/* The story of each article, as the stories list them; NULL when out of
 * memory. The caller frees it. */
static const char **story_of_articles(const nd_batch *b, size_t n)
{
	const char **of = nd_calloc(n + 1, sizeof(*of));
	nd_story_info s;
	size_t i, k;

	for (i = 0; of && nd_batch_story(&s, b, i) == ND_OK; i++)
		for (k = 0; k < s.n_articles; k++)
			if (s.articles[k] < n)
				of[s.articles[k]] = s.id;
	return of;
}

/* Article indices by placement order. */
static size_t *by_order(const nd_batch *b, size_t n)
{
	size_t *at = nd_calloc(n + 1, sizeof(*at)), i;
	nd_story_placement p;

	for (i = 0; at && i < n; i++)
		at[nd_batch_placement(&p, b, i) == ND_OK && p.order < n
			   ? p.order : i] = i;
	return at;
}

static const char *how(const nd_story_placement *p)
{
	return p->is_new ? "new" : p->copied ? "copy" : "joined";
}

static void explain_line(nd_out *o, const nd_batch *b, size_t i,
			 const char *story)
{
	nd_story_placement p;
	size_t k;

	if (nd_batch_placement(&p, b, i) != ND_OK)
		return;
	nd_out_printf(o, "%zu\t", p.order + 1);
	nd_line_str(o, nd_render_article_id(b, i));
	nd_out_puts(o, "\t");
	nd_line_str(o, story ? story : "");
	nd_out_printf(o, "\t%s\t", how(&p));
	nd_out_fixed(o, p.score, 3);
	nd_out_puts(o, "\t");
	if (p.n_merged) {
		nd_out_printf(o, "%zu:", p.n_merged);
		nd_out_fixed(o, p.merge_score, 3);
	} else {
		nd_out_puts(o, "-");
	}
	nd_out_puts(o, "\t");
	for (k = 0; k < p.n_evidence; k++) {
		const nd_story_evidence *e = &p.evidence[k];

		nd_out_puts(o, k ? ", " : "");
		nd_line_str(o, e->term);
		nd_out_puts(o, e->is_name ? "* " : " ");
		nd_out_fixed(o, e->share, 3);
	}
	nd_out_puts(o, "\n");
}

int nd_render_cluster_explain(nd_out *o, const nd_batch *b)
{
	size_t n = nd_batch_article_count(b), k;
	const char **story = story_of_articles(b, n);
	size_t *at = by_order(b, n);
	int rc = ND_ENOMEM;

	if (story == NULL || at == NULL)
		goto done;
	nd_out_puts(o, "# order\tarticle\tstory\thow\tscore\tmerged\t"
		    "shared terms (* a name) and their share of the score\n");
	for (k = 0; k < n && !o->failed; k++)
		explain_line(o, b, at[k], story[at[k]]);
	rc = ND_OK;
done:
	nd_free(story);
	nd_free(at);
	return rc;
}

static void json_placement(nd_json *j, const nd_batch *b, size_t i,
			   const char *story)
{
	nd_story_placement p;
	size_t k;

	if (nd_batch_placement(&p, b, i) != ND_OK)
		return;
	nd_json_object_begin(j);
	nd_json_kv_str(j, "article", nd_render_article_id(b, i));
	nd_json_kv_str(j, "story", story ? story : "");
	nd_json_kv_str(j, "how", how(&p));
	nd_json_kv_num(j, "score", p.score);
	nd_json_kv_uint(j, "merged", p.n_merged);
	if (p.n_merged)
		nd_json_kv_num(j, "merge_score", p.merge_score);
	nd_json_key(j, "evidence");
	nd_json_array_begin(j);
	for (k = 0; k < p.n_evidence; k++) {
		nd_json_object_begin(j);
		nd_json_kv_str(j, "term", p.evidence[k].term);
		nd_json_kv_num(j, "share", p.evidence[k].share);
		nd_json_key(j, "name");
		nd_json_bool(j, p.evidence[k].is_name);
		nd_json_object_end(j);
	}
	nd_json_array_end(j);
	nd_json_object_end(j);
}

int nd_render_cluster_json(nd_out *o, const nd_batch *b)
{
	nd_story_info s;
	nd_json j;
	size_t i, n = nd_batch_story_count(b), na = nd_batch_article_count(b);
	const char **story = story_of_articles(b, na);
	size_t *at = by_order(b, na);
	int rc = ND_ENOMEM;

	if (story == NULL || at == NULL)
		goto done;
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
	/* In publication order: how each article was placed, and why. */
	nd_json_key(&j, "placements");
	nd_json_array_begin(&j);
	for (i = 0; i < na && !o->failed; i++)
		json_placement(&j, b, at[i], story[at[i]]);
	nd_json_array_end(&j);
	nd_json_object_end(&j);
	nd_json_finish(&j);
	rc = ND_OK;
done:
	nd_free(story);
	nd_free(at);
	return rc;
}
