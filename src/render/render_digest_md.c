/* The digest as Markdown for a human reader; plain enough to read in a
 * terminal as it is. Every piece of article text goes through nd_md_text. */
#include "render/md_escape.h"
#include "render/render.h"
#include "render/render_facts.h"
#include "render/render_lineage.h"

static void overview(nd_out *o, const nd_batch *b)
{
	size_t rejected = nd_batch_rejected_count(b);

	nd_out_puts(o, "# newsdigest\n\n");
	nd_render_md_count(o, nd_batch_article_count(b), "article", "articles");
	nd_out_puts(o, ", ");
	nd_render_md_count(o, nd_batch_story_count(b), "story", "stories");
	if (rejected > 0) {
		nd_out_puts(o, ", ");
		nd_render_md_count(o, rejected, "input rejected",
				   "inputs rejected");
	}
	nd_out_puts(o, "\n");
}

static void summary(nd_out *o, const nd_batch *b, size_t story)
{
	nd_summary_sentence s;
	size_t i, n = nd_batch_summary_count(b, story);

	if (n == 0)
		return;
	nd_out_puts(o, "\n### Summary\n\n");
	for (i = 0; i < n; i++) {
		if (nd_batch_summary(&s, b, story, i) != ND_OK)
			continue;
		nd_out_puts(o, "- ");
		nd_md_str(o, s.text);
		nd_out_puts(o, " ");
		nd_render_md_sources(o, b, s.sources, s.n_sources);
		nd_out_puts(o, "\n");
	}
}

/* " — near-duplicate of X (0.93)", " — rewrite of X (72% of sentences)"
 * or " — repeats a passage of X (20% of the shorter text)". */
static void origin(nd_out *o, const nd_batch *b, size_t rel)
{
	nd_relation r;
	int share;

	if (rel == ND_NONE || nd_batch_relation(&r, b, rel) != ND_OK)
		return;
	share = r.kind == ND_REL_REWRITE_OF || r.kind == ND_REL_PARTIAL;
	nd_out_puts(o, " — ");
	if (r.kind == ND_REL_REWRITE_OF)
		nd_out_puts(o, "rewrite");
	else if (r.kind == ND_REL_PARTIAL)
		nd_out_puts(o, "repeats a passage");
	else
		nd_out_puts(o, nd_relation_name(r.kind));
	nd_out_puts(o, " of ");
	nd_md_inline(o, nd_render_article_id(b, r.a));
	nd_out_puts(o, " (");
	nd_out_fixed(o, share ? r.score * 100 : r.score, share ? 0 : 2);
	if (r.kind == ND_REL_REWRITE_OF)
		nd_out_puts(o, "% of sentences");
	else if (r.kind == ND_REL_PARTIAL)
		nd_out_puts(o, "% of the shorter text");
	nd_out_puts(o, ")");
}

static void article(nd_out *o, const nd_batch *b, const nd_lineage *l,
		    const nd_story_info *s, size_t i)
{
	nd_article_info a;

	if (nd_batch_article(&a, b, i) != ND_OK)
		return;
	nd_out_puts(o, "- **");
	nd_md_inline(o, a.id);
	nd_out_puts(o, "** — ");
	if (a.title[0])
		nd_md_inline(o, a.title);
	else
		nd_out_puts(o, "(untitled)");
	nd_out_puts(o, " (");
	if (a.source[0]) {
		nd_md_inline(o, a.source);
		nd_out_puts(o, ", ");
	}
	nd_render_md_count(o, a.words, "word", "words");
	nd_out_puts(o, ")");
	if (i == s->earliest && s->n_articles > 1)
		nd_out_puts(o, " — reported first");
	origin(o, b, l->copy_rel[i]);
	origin(o, b, l->rewrite_rel[i]);
	origin(o, b, l->partial_rel[i]);
	nd_out_puts(o, "\n");
}

static void articles(nd_out *o, const nd_batch *b, const nd_lineage *l,
		     const nd_story_info *s)
{
	size_t k;

	nd_out_puts(o, "\n### Articles\n\n");
	for (k = 0; k < s->n_articles; k++)
		article(o, b, l, s, s->articles[k]);
}

static void story(nd_out *o, const nd_batch *b, const nd_lineage *l,
		  size_t i)
{
	nd_story_info s;

	if (nd_batch_story(&s, b, i) != ND_OK)
		return;
	nd_out_puts(o, "\n## ");
	if (s.headline && s.headline[0])
		nd_md_str(o, s.headline);
	else
		nd_out_puts(o, "(untitled story)");
	nd_out_puts(o, "\n\nstory ");
	nd_md_inline(o, s.id);
	nd_out_puts(o, " · ");
	nd_render_md_count(o, s.n_articles, "article", "articles");
	nd_out_printf(o, " · %zu independent\n", s.n_independent);
	summary(o, b, i);
	articles(o, b, l, &s);
	nd_render_md_quotes(o, b, i);
	nd_render_md_entities(o, b, i);
	nd_render_md_facts(o, b, i);
}

int nd_render_digest_md(nd_out *o, const nd_batch *b)
{
	nd_lineage l;
	size_t i, n = nd_batch_story_count(b);
	int rc = nd_lineage_build(&l, b);

	if (rc)
		return rc;
	overview(o, b);
	for (i = 0; i < n && !o->failed; i++)
		story(o, b, &l, i);
	nd_render_md_rejected(o, b);
	nd_lineage_dispose(&l);
	return ND_OK;
}
