/* The digest as Markdown for a human reader; plain enough to read in a
 * terminal as it is. Every piece of article text goes through nd_md_text. */
#include <string.h> /* strcmp */

#include "render/md_escape.h"
#include "render/render.h"
#include "render/render_lineage.h"

/* "1 article" or "2 articles". */
static void count(nd_out *o, size_t n, const char *one, const char *many)
{
	nd_out_printf(o, "%zu %s", n, n == 1 ? one : many);
}

/* " [id, id]": the articles backing an item. */
static void sources(nd_out *o, const nd_batch *b, const size_t *idx,
		    size_t n)
{
	size_t k;

	nd_out_puts(o, "[");
	for (k = 0; k < n; k++) {
		if (k > 0)
			nd_out_puts(o, ", ");
		nd_md_inline(o, nd_render_article_id(b, idx[k]));
	}
	nd_out_puts(o, "]");
}

static void overview(nd_out *o, const nd_batch *b)
{
	size_t rejected = nd_batch_rejected_count(b);

	nd_out_puts(o, "# newsdigest\n\n");
	count(o, nd_batch_article_count(b), "article", "articles");
	nd_out_puts(o, ", ");
	count(o, nd_batch_story_count(b), "story", "stories");
	if (rejected > 0) {
		nd_out_puts(o, ", ");
		count(o, rejected, "input rejected", "inputs rejected");
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
		sources(o, b, s.sources, s.n_sources);
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
	count(o, a.words, "word", "words");
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

static void quotes(nd_out *o, const nd_batch *b, size_t story)
{
	nd_quote_info q;
	size_t i, n = nd_batch_quote_count(b, story);

	if (n == 0)
		return;
	nd_out_puts(o, "\n### Quotes\n\n");
	for (i = 0; i < n; i++) {
		if (nd_batch_quote(&q, b, story, i) != ND_OK)
			continue;
		nd_out_puts(o, q.direct ? "- “" : "- ");
		if (q.direct)
			nd_md_inline(o, q.text);
		else
			nd_md_str(o, q.text);
		nd_out_puts(o, q.direct ? "” — " : " — ");
		if (q.speaker[0])
			nd_md_inline(o, q.speaker);
		else
			nd_out_puts(o, "unattributed");
		nd_out_puts(o, q.direct ? " " : " (reported) ");
		sources(o, b, q.sources, q.n_sources);
		nd_out_puts(o, "\n");
	}
}

/* "- **Name** (also: v1, v2) — N sources". */
static void entity(nd_out *o, const nd_entity_info *e)
{
	size_t k, shown = 0;

	nd_out_puts(o, "- **");
	nd_md_inline(o, e->name);
	nd_out_puts(o, "**");
	for (k = 0; k < e->n_variants; k++) {
		if (e->variants[k] == e->name ||
		    (e->variants[k] && strcmp(e->variants[k], e->name) == 0))
			continue;
		nd_out_puts(o, shown++ ? ", " : " (also: ");
		nd_md_inline(o, e->variants[k]);
	}
	if (shown)
		nd_out_puts(o, ")");
	nd_out_puts(o, " — ");
	count(o, e->n_sources, "source", "sources");
	nd_out_puts(o, "\n");
}

/* The entities of one kind under a label; returns how many. */
static size_t entity_group(nd_out *o, const nd_batch *b, size_t story,
			   nd_entity_kind kind, const char *label, int gap)
{
	nd_entity_info e;
	size_t i, shown = 0, n = nd_batch_entity_count(b, story);

	for (i = 0; i < n; i++) {
		if (nd_batch_entity(&e, b, story, i) != ND_OK ||
		    e.kind != kind)
			continue;
		if (shown++ == 0)
			nd_out_printf(o, "%s%s:\n", gap ? "\n" : "", label);
		entity(o, &e);
	}
	return shown;
}

static void entities(nd_out *o, const nd_batch *b, size_t story)
{
	size_t shown = 0;

	if (nd_batch_entity_count(b, story) == 0)
		return;
	nd_out_puts(o, "\n### People, organisations and places\n\n");
	shown += entity_group(o, b, story, ND_ENTITY_PERSON, "People", 0);
	shown += entity_group(o, b, story, ND_ENTITY_ORGANISATION,
			      "Organisations", shown > 0);
	entity_group(o, b, story, ND_ENTITY_PLACE, "Places", shown > 0);
}

static void facts(nd_out *o, const nd_batch *b, size_t story)
{
	nd_fact_info f;
	size_t i, n = nd_batch_fact_count(b, story);

	if (n == 0)
		return;
	nd_out_puts(o, "\n### Facts\n\n");
	for (i = 0; i < n; i++) {
		if (nd_batch_fact(&f, b, story, i) != ND_OK)
			continue;
		nd_out_puts(o, "- ");
		nd_md_str(o, f.text);
		nd_out_printf(o, " (%s", nd_fact_kind_name(f.kind));
		if (f.value && f.value[0]) {
			nd_out_puts(o, ": ");
			nd_md_inline(o, f.value);
		}
		nd_out_puts(o, ") — ");
		count(o, f.n_sources, "source", "sources");
		nd_out_puts(o, ": ");
		sources(o, b, f.sources, f.n_sources);
		nd_out_puts(o, "\n");
	}
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
	count(o, s.n_articles, "article", "articles");
	nd_out_printf(o, " · %zu independent\n", s.n_independent);
	summary(o, b, i);
	articles(o, b, l, &s);
	quotes(o, b, i);
	entities(o, b, i);
	facts(o, b, i);
}

static void rejected(nd_out *o, const nd_batch *b)
{
	const char *path, *error;
	size_t i, n = nd_batch_rejected_count(b);

	if (n == 0)
		return;
	nd_out_puts(o, "\n## Rejected inputs\n\n");
	for (i = 0; i < n; i++) {
		if (nd_batch_rejected(&path, &error, b, i) != ND_OK)
			continue;
		nd_out_puts(o, "- ");
		nd_md_str(o, path);
		nd_out_puts(o, ": ");
		nd_md_inline(o, error);
		nd_out_puts(o, "\n");
	}
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
	rejected(o, b);
	nd_lineage_dispose(&l);
	return ND_OK;
}
