/* Quotations, entities and facts as JSON objects, for the digest and the
 * facts document alike. */
#include "render/render_facts.h"
#include "render/render_json_parts.h"

/* "article", "offset", "length" of an occurrence, and its form when
 * with_form. */
static void occurrence(nd_json *j, const nd_batch *b, const nd_occurrence *o,
		       int with_form)
{
	nd_json_object_begin_inline(j);
	nd_render_json_span(j, b, o->article, o->offset, o->length);
	if (with_form)
		nd_json_kv_str(j, "form", nd_quote_form_name(o->form));
	nd_json_object_end(j);
}

/* The library's three occurrence accessors share this shape. */
typedef int (*occurrence_fn)(nd_occurrence *out, const nd_batch *b,
			     size_t story, size_t i, size_t k);

/* key: the n occurrences of item i of story, read with get. */
static void occurrences(nd_json *j, const nd_batch *b, size_t story,
			size_t i, const char *key, size_t n,
			occurrence_fn get, int with_form)
{
	nd_occurrence o;
	size_t k;

	nd_json_key(j, key);
	nd_json_array_begin(j);
	for (k = 0; k < n; k++) {
		if (get(&o, b, story, i, k) == ND_OK)
			occurrence(j, b, &o, with_form);
	}
	nd_json_array_end(j);
}

void nd_render_json_quotes(nd_json *j, const nd_batch *b, size_t story)
{
	nd_quote_info q;
	size_t i, n = nd_batch_quote_count(b, story);

	for (i = 0; i < n; i++) {
		if (nd_batch_quote(&q, b, story, i) != ND_OK)
			continue;
		nd_json_object_begin(j);
		nd_json_kv_str(j, "text", q.text);
		nd_json_kv_str(j, "speaker", q.speaker);
		nd_json_key(j, "direct");
		nd_json_bool(j, q.direct);
		nd_render_json_span(j, b, q.article, q.offset, q.length);
		nd_render_json_ids(j, "sources", b, q.sources, q.n_sources);
		occurrences(j, b, story, i, "occurrences", q.n_occurrences,
			    nd_batch_quote_occurrence, 1);
		nd_json_object_end(j);
	}
}

void nd_render_json_entities(nd_json *j, const nd_batch *b, size_t story)
{
	nd_entity_info e;
	size_t i, k, n = nd_batch_entity_count(b, story);

	for (i = 0; i < n; i++) {
		if (nd_batch_entity(&e, b, story, i) != ND_OK)
			continue;
		nd_json_object_begin(j);
		nd_json_kv_str(j, "name", e.name);
		nd_json_kv_str(j, "kind", nd_entity_kind_name(e.kind));
		nd_json_key(j, "variants");
		nd_json_array_begin_inline(j);
		for (k = 0; k < e.n_variants; k++)
			nd_json_str(j, e.variants[k]);
		nd_json_array_end(j);
		nd_render_json_ids(j, "sources", b, e.sources, e.n_sources);
		occurrences(j, b, story, i, "mentions", e.n_mentions,
			    nd_batch_entity_mention, 0);
		nd_json_object_end(j);
	}
}

/* "conflicts": the other values stated for the same thing. */
static void conflicts(nd_json *j, const nd_batch *b, size_t story,
		      const nd_fact_info *f)
{
	nd_fact_info c;
	size_t k;

	nd_json_key(j, "conflicts");
	nd_json_array_begin(j);
	for (k = 0; k < f->n_conflicts; k++) {
		if (nd_batch_fact(&c, b, story, f->conflicts[k]) != ND_OK)
			continue;
		nd_json_object_begin_inline(j);
		nd_json_kv_str(j, "text", c.text);
		nd_json_kv_str(j, "value", c.value);
		nd_render_json_ids(j, "sources", b, c.sources, c.n_sources);
		nd_json_object_end(j);
	}
	nd_json_array_end(j);
}

void nd_render_json_facts(nd_json *j, const nd_batch *b, size_t story)
{
	nd_fact_info f;
	size_t i, n = nd_batch_fact_count(b, story);

	for (i = 0; i < n; i++) {
		if (nd_batch_fact(&f, b, story, i) != ND_OK)
			continue;
		nd_json_object_begin(j);
		nd_json_kv_str(j, "text", f.text);
		nd_json_kv_str(j, "kind", nd_fact_kind_name(f.kind));
		nd_json_kv_str(j, "value", f.value);
		nd_json_kv_str(j, "context", f.context);
		nd_json_kv_str(j, "about", f.about);
		nd_render_json_span(j, b, f.article, f.offset, f.length);
		nd_render_json_ids(j, "sources", b, f.sources, f.n_sources);
		nd_json_kv_uint(j, "independent", f.independent);
		occurrences(j, b, story, i, "occurrences", f.n_occurrences,
			    nd_batch_fact_occurrence, 0);
		conflicts(j, b, story, &f);
		nd_json_object_end(j);
	}
}
