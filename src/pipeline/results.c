#include "pipeline/batch_internal.h"

/* Accessors of the public API over the results of the last run. Every
 * pointer handed out is owned by the batch. */

size_t nd_batch_article_count(const nd_batch *b)
{
	return b->n_articles;
}

void nd_batch__info(nd_article_info *out, const nd_input *in,
		    const nd_clean_article *c, const char *published,
		    long long published_at)
{
	out->id = in->id;
	out->path = in->path;
	out->title = c->title ? c->title : "";
	/* What the input said first; what the page says of itself else. */
	out->url = in->url[0] ? in->url : c->url ? c->url : "";
	out->source = in->source[0] ? in->source : c->site ? c->site : "";
	out->published = published;
	out->published_at = published_at;
	out->byline = c->byline ? c->byline : "";
	out->dateline = c->dateline ? c->dateline : "";
	out->language = c->language ? c->language : "";
	out->text = c->text;
	out->text_len = c->text_len;
	out->words = c->words;
}

int nd_batch_article(nd_article_info *out, const nd_batch *b, size_t i)
{
	if (i >= b->n_articles)
		return ND_ENOTFOUND;
	nd_batch__info(out, &b->inputs[b->input_of[i]], &b->clean[i],
		       b->published[i], b->published_at[i]);
	return ND_OK;
}

const char *nd_relation_name(nd_relation_kind kind)
{
	switch (kind) {
	case ND_REL_DUPLICATE:
		return "duplicate";
	case ND_REL_NEAR_DUPLICATE:
		return "near-duplicate";
	case ND_REL_REWRITE_OF:
		return "rewrite-of";
	case ND_REL_PARTIAL:
		return "partial";
	}
	return "unknown";
}

size_t nd_batch_relation_count(const nd_batch *b)
{
	return b->n_edges;
}

int nd_batch_relation(nd_relation *out, const nd_batch *b, size_t i)
{
	if (i >= b->n_edges)
		return ND_ENOTFOUND;
	out->a = b->edges[i].a;
	out->b = b->edges[i].b;
	out->kind = b->edges[i].kind;
	out->score = b->edges[i].score;
	return ND_OK;
}

int nd_batch_origin(size_t *origin, const nd_batch *b, size_t i)
{
	if (i >= b->n_articles || !(b->stages_done & ND_STAGE_DEDUP) ||
	    b->origin == NULL)
		return ND_ENOTFOUND;
	*origin = b->origin[i];
	return ND_OK;
}

size_t nd_batch_story_count(const nd_batch *b)
{
	return b->n_stories;
}

int nd_batch_story(nd_story_info *out, const nd_batch *b, size_t i)
{
	const nd_story *s;

	if (i >= b->n_stories)
		return ND_ENOTFOUND;
	s = &b->stories[i];
	out->id = s->id;
	out->headline = "";
	if (b->stages_done & ND_STAGE_DIGEST)
		out->headline = b->titles[s->digest.headline_doc];
	else if (s->n_members)
		out->headline = b->titles[s->members[0]];
	out->n_articles = s->n_members;
	out->articles = s->members;
	out->n_independent = s->n_independent;
	out->earliest = s->earliest;
	return ND_OK;
}

int nd_batch_placement(nd_story_placement *out, const nd_batch *b, size_t i)
{
	if (!(b->stages_done & ND_STAGE_CLUSTER) || b->placements == NULL ||
	    i >= b->n_articles)
		return ND_ENOTFOUND;
	*out = b->placements[i];
	return ND_OK;
}

/* The story i when the digest stage ran, else NULL. */
static const nd_story *digested(const nd_batch *b, size_t i, unsigned stage)
{
	if (i >= b->n_stories || !(b->stages_done & stage))
		return NULL;
	return &b->stories[i];
}

size_t nd_batch_summary_count(const nd_batch *b, size_t story)
{
	const nd_story *s = digested(b, story, ND_STAGE_DIGEST);

	return s ? s->digest.n_items : 0;
}

int nd_batch_summary(nd_summary_sentence *out, const nd_batch *b,
		     size_t story, size_t i)
{
	const nd_story *s = digested(b, story, ND_STAGE_DIGEST);
	const nd_summary_item *it;
	const nd_sentence *sent;

	if (s == NULL || i >= s->digest.n_items)
		return ND_ENOTFOUND;
	it = &s->digest.items[i];
	sent = &b->docs[it->doc].sents[it->sent];
	out->text = s->summary_text[i];
	out->article = it->doc;
	out->offset = sent->off;
	out->length = sent->len;
	out->n_sources = it->n_sources;
	out->sources = it->sources;
	return ND_OK;
}

int nd_batch_summary_source(size_t *article, size_t *offset, size_t *length,
			    const nd_batch *b, size_t story, size_t i,
			    size_t k)
{
	const nd_story *s = digested(b, story, ND_STAGE_DIGEST);
	const nd_summary_item *it;
	const nd_sentence *sent;

	if (s == NULL || i >= s->digest.n_items ||
	    k >= s->digest.items[i].n_sources)
		return ND_ENOTFOUND;
	it = &s->digest.items[i];
	sent = &b->docs[it->sources[k]].sents[it->source_sents[k]];
	*article = it->sources[k];
	*offset = sent->off;
	*length = sent->len;
	return ND_OK;
}

size_t nd_batch_quote_count(const nd_batch *b, size_t story)
{
	const nd_story *s = digested(b, story, ND_STAGE_FACTS);

	return s ? s->facts.n_quotes : 0;
}

int nd_batch_quote(nd_quote_info *out, const nd_batch *b, size_t story,
		   size_t i)
{
	const nd_story *s = digested(b, story, ND_STAGE_FACTS);
	const nd_quote *q;

	if (s == NULL || i >= s->facts.n_quotes)
		return ND_ENOTFOUND;
	q = &s->facts.quotes[i];
	out->text = q->text;
	out->speaker = q->speaker ? q->speaker : "";
	out->direct = q->direct;
	out->article = q->doc;
	out->offset = q->off;
	out->length = q->len;
	out->n_sources = q->n_sources;
	out->sources = q->sources;
	out->n_occurrences = q->n_occ;
	return ND_OK;
}

const char *nd_quote_form_name(nd_quote_form form)
{
	switch (form) {
	case ND_QUOTE_SAME:
		return "same";
	case ND_QUOTE_SHORTENED:
		return "shortened";
	case ND_QUOTE_ALTERED:
		return "altered";
	}
	return "unknown";
}

static int occurrence(nd_occurrence *out, const nd_fspan *v, size_t n,
		      size_t k)
{
	if (k >= n)
		return ND_ENOTFOUND;
	out->article = v[k].doc;
	out->offset = v[k].off;
	out->length = v[k].len;
	out->form = v[k].form;
	return ND_OK;
}

int nd_batch_quote_occurrence(nd_occurrence *out, const nd_batch *b,
			      size_t story, size_t i, size_t k)
{
	const nd_story *s = digested(b, story, ND_STAGE_FACTS);

	if (s == NULL || i >= s->facts.n_quotes)
		return ND_ENOTFOUND;
	return occurrence(out, s->facts.quotes[i].occ,
			  s->facts.quotes[i].n_occ, k);
}

const char *nd_entity_kind_name(nd_entity_kind kind)
{
	switch (kind) {
	case ND_ENTITY_PERSON:
		return "person";
	case ND_ENTITY_ORGANISATION:
		return "organisation";
	case ND_ENTITY_PLACE:
		return "place";
	}
	return "unknown";
}

size_t nd_batch_entity_count(const nd_batch *b, size_t story)
{
	const nd_story *s = digested(b, story, ND_STAGE_FACTS);

	return s ? s->facts.n_entities : 0;
}

int nd_batch_entity(nd_entity_info *out, const nd_batch *b, size_t story,
		    size_t i)
{
	const nd_story *s = digested(b, story, ND_STAGE_FACTS);
	const nd_entity *e;

	if (s == NULL || i >= s->facts.n_entities)
		return ND_ENOTFOUND;
	e = &s->facts.entities[i];
	out->name = e->name;
	out->kind = e->kind;
	out->n_variants = e->n_variants;
	out->variants = e->variants;
	out->n_mentions = e->n_mentions;
	out->n_sources = e->n_sources;
	out->sources = e->sources;
	return ND_OK;
}

int nd_batch_entity_mention(nd_occurrence *out, const nd_batch *b,
			    size_t story, size_t i, size_t k)
{
	const nd_story *s = digested(b, story, ND_STAGE_FACTS);

	if (s == NULL || i >= s->facts.n_entities)
		return ND_ENOTFOUND;
	return occurrence(out, s->facts.entities[i].ments,
			  s->facts.entities[i].n_mentions, k);
}

const char *nd_fact_kind_name(nd_fact_kind kind)
{
	switch (kind) {
	case ND_FACT_MONEY:
		return "money";
	case ND_FACT_PERCENT:
		return "percent";
	case ND_FACT_QUANTITY:
		return "quantity";
	case ND_FACT_DATE:
		return "date";
	case ND_FACT_COUNT:
		return "count";
	}
	return "unknown";
}

size_t nd_batch_fact_count(const nd_batch *b, size_t story)
{
	const nd_story *s = digested(b, story, ND_STAGE_FACTS);

	return s ? s->facts.n_facts : 0;
}

int nd_batch_fact(nd_fact_info *out, const nd_batch *b, size_t story,
		  size_t i)
{
	const nd_story *s = digested(b, story, ND_STAGE_FACTS);
	const nd_fact *f;

	if (s == NULL || i >= s->facts.n_facts)
		return ND_ENOTFOUND;
	f = &s->facts.facts[i];
	out->text = f->text;
	out->kind = f->kind;
	out->value = f->value;
	out->context = f->context ? f->context : "";
	out->about = f->about ? f->about : "";
	out->article = f->doc;
	out->offset = f->off;
	out->length = f->len;
	out->n_sources = f->n_sources;
	out->sources = f->sources;
	out->independent = f->independent;
	out->n_occurrences = f->n_occ;
	out->n_conflicts = f->n_conflicts;
	out->conflicts = f->conflicts;
	return ND_OK;
}

int nd_batch_fact_occurrence(nd_occurrence *out, const nd_batch *b,
			     size_t story, size_t i, size_t k)
{
	const nd_story *s = digested(b, story, ND_STAGE_FACTS);

	if (s == NULL || i >= s->facts.n_facts)
		return ND_ENOTFOUND;
	return occurrence(out, s->facts.facts[i].occ, s->facts.facts[i].n_occ,
			  k);
}
