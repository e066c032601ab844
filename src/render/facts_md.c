/* Quotations, entities and facts in Markdown, for the digest and the
 * facts document alike. Article text goes through nd_md_*. */
#include <string.h> /* strcmp */

#include "render/md_escape.h"
#include "render/render_facts.h"
#include "render/render_lineage.h"

void nd_render_md_count(nd_out *o, size_t n, const char *one,
			const char *many)
{
	nd_out_printf(o, "%zu %s", n, n == 1 ? one : many);
}

void nd_render_md_sources(nd_out *o, const nd_batch *b, const size_t *idx,
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

void nd_render_md_rejected(nd_out *o, const nd_batch *b)
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

/* "; shortened in X, Y": the occurrences of one form, if any. */
static void forms(nd_out *o, const nd_batch *b, size_t story, size_t i,
		  const nd_quote_info *q, nd_quote_form form)
{
	nd_occurrence occ;
	size_t k, shown = 0;

	for (k = 0; k < q->n_occurrences; k++) {
		if (nd_batch_quote_occurrence(&occ, b, story, i, k) != ND_OK ||
		    occ.form != form)
			continue;
		nd_out_puts(o, shown++ ? ", " : "; ");
		if (shown == 1)
			nd_out_printf(o, "%s in ", nd_quote_form_name(form));
		nd_md_inline(o, nd_render_article_id(b, occ.article));
	}
}

void nd_render_md_quotes(nd_out *o, const nd_batch *b, size_t story)
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
		nd_render_md_sources(o, b, q.sources, q.n_sources);
		forms(o, b, story, i, &q, ND_QUOTE_SHORTENED);
		forms(o, b, story, i, &q, ND_QUOTE_ALTERED);
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
	nd_render_md_count(o, e->n_sources, "source", "sources");
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

void nd_render_md_entities(nd_out *o, const nd_batch *b, size_t story)
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

/* "; conflicts with $45 million [id]". */
static void conflicts(nd_out *o, const nd_batch *b, size_t story,
		      const nd_fact_info *f)
{
	nd_fact_info c;
	size_t k;

	for (k = 0; k < f->n_conflicts; k++) {
		if (nd_batch_fact(&c, b, story, f->conflicts[k]) != ND_OK)
			continue;
		nd_out_puts(o, k ? ", " : "; **conflicts with** ");
		nd_md_str(o, c.text);
		nd_out_puts(o, " ");
		nd_render_md_sources(o, b, c.sources, c.n_sources);
	}
}

void nd_render_md_facts(nd_out *o, const nd_batch *b, size_t story)
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
		nd_out_puts(o, ")");
		if (f.about[0]) {
			nd_out_puts(o, ", about ");
			nd_md_inline(o, f.about);
		}
		nd_out_puts(o, " — ");
		nd_render_md_count(o, f.n_sources, "source", "sources");
		if (f.independent != f.n_sources)
			nd_out_printf(o, ", %zu independent", f.independent);
		nd_out_puts(o, ": ");
		nd_render_md_sources(o, b, f.sources, f.n_sources);
		conflicts(o, b, story, &f);
		nd_out_puts(o, "\n");
	}
}
