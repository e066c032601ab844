#include "pipeline/batch_internal.h"

#include <stdio.h>  /* snprintf */
#include <string.h> /* memset */

#include "cluster/cluster.h"
#include "core/alloc.h"
#include "core/arena.h"
#include "core/date.h"
#include "core/hash.h"
#include "dedup/lineage.h"

/* Stages and the ones they need. */
static unsigned with_prerequisites(unsigned stages)
{
	if (stages & (ND_STAGE_DIGEST | ND_STAGE_FACTS))
		stages |= ND_STAGE_CLUSTER;
	if (stages & ND_STAGE_CLUSTER)
		stages |= ND_STAGE_DEDUP;
	if (stages & ND_STAGE_DEDUP)
		stages |= ND_STAGE_ANALYSE;
	return stages | ND_STAGE_CLEAN;
}

/* The input's article, cleaned when it was added; 1 when it had no text
 * left, and is rejected now (after every ingest rejection). */
static int clean_one(nd_batch *b, const nd_input *in, nd_clean_article *out)
{
	if (in->clean_error)
		return nd_batch__reject(b, b->results_arena, in->path,
					in->clean_error) ? ND_ENOMEM : 1;
	*out = in->clean;
	return ND_OK;
}

/* The date raw gives, else the one in the path of url (may be NULL), as
 * nd_batch__published says. */
static const char *date_of(long long *at, nd_arena *a, const char *raw,
			   const char *url)
{
	nd_date d;
	char iso[ND_DATE_ISO_MAX];

	*at = ND_NO_TIME;
	switch (nd_date_parse(&d, raw, strlen(raw))) {
	case ND_DATE_FOUND:
		break;
	case ND_DATE_INVALID:
		if (!nd_date_from_url(&d, url))
			return "";
		break;
	default:
		return raw;
	}
	*at = nd_date_minutes(&d) * 60;
	nd_date_iso(&d, iso);
	return nd_arena_strdup(a, iso);
}

const char *nd_batch__published(long long *at, nd_arena *a,
				const nd_input *in, const nd_clean_article *c)
{
	/* What the input said first; what the page says of itself else. */
	return date_of(at, a,
		       in->published[0] ? in->published
					: (c->published ? c->published : ""),
		       in->url[0] ? in->url : c->url);
}

/* Gathers the cleaned inputs; those with no text left are rejected. */
static int run_clean(nd_batch *b)
{
	size_t i;

	b->clean = nd_arena_calloc(b->results_arena, b->n_inputs + 1,
				   sizeof(*b->clean));
	b->input_of = nd_calloc(b->n_inputs + 1, sizeof(*b->input_of));
	b->ids = nd_arena_calloc(b->results_arena, b->n_inputs + 1,
				 sizeof(*b->ids));
	b->titles = nd_arena_calloc(b->results_arena, b->n_inputs + 1,
				    sizeof(*b->titles));
	b->published = nd_arena_calloc(b->results_arena, b->n_inputs + 1,
				       sizeof(*b->published));
	b->published_at = nd_arena_calloc(b->results_arena, b->n_inputs + 1,
					  sizeof(*b->published_at));
	if (!b->clean || !b->input_of || !b->ids || !b->titles ||
	    !b->published || !b->published_at)
		return ND_ENOMEM;
	for (i = 0; i < b->n_inputs; i++) {
		const nd_input *in = &b->inputs[i];
		nd_clean_article *c = &b->clean[b->n_articles];
		int rc = clean_one(b, in, c);

		if (rc == ND_ENOMEM)
			return rc;
		if (rc)
			continue;
		b->input_of[b->n_articles] = i;
		b->ids[b->n_articles] = in->id;
		b->titles[b->n_articles] = c->title ? c->title : "";
		b->published[b->n_articles] = nd_batch__published(
			&b->published_at[b->n_articles], b->results_arena, in,
			c);
		if (b->published[b->n_articles] == NULL)
			return ND_ENOMEM;
		b->n_articles++;
	}
	/* What repeats at the edges of unrelated articles is furniture. */
	return nd_clean_repeats(b->clean, b->n_articles, b->results_arena);
}

static int run_analyse(nd_batch *b)
{
	size_t i;
	int rc;

	rc = nd_vocab_create(&b->vocab, b->language);
	if (rc)
		return rc;
	b->docs = nd_arena_calloc(b->results_arena, b->n_articles + 1,
				  sizeof(*b->docs));
	if (b->docs == NULL)
		return ND_ENOMEM;
	for (i = 0; i < b->n_articles; i++) {
		const nd_clean_article *c = &b->clean[i];
		size_t title_len = c->title ? strlen(c->title) : 0;

		rc = nd_analyse(&b->docs[i], b->vocab, b->results_arena,
				c->text, c->text_len, title_len);
		if (rc)
			return rc;
		rc = nd_vocab_count_doc(b->vocab, &b->docs[i]);
		if (rc)
			return rc;
	}
	return nd_vocab_fix_idf(b->vocab);
}

nd_corpus nd_batch__corpus(const nd_batch *b)
{
	nd_corpus c;

	c.n = b->n_articles;
	c.docs = b->docs;
	c.ids = b->ids;
	c.titles = b->titles;
	c.published = b->published;
	c.vocab = b->vocab;
	return c;
}

static int run_dedup(nd_batch *b)
{
	nd_corpus c = nd_batch__corpus(b);
	nd_dedup_opts o;
	int rc;

	o.near_jaccard = b->opts.near_dup_jaccard;
	o.rewrite_share = b->opts.rewrite_share;
	o.sentence_sim = 0;
	rc = nd_dedup_run(&b->edges, &b->n_edges, &c, &o, b->results_arena);
	if (rc)
		return rc;
	b->origin = nd_arena_calloc(b->results_arena, b->n_articles + 1,
				    sizeof(*b->origin));
	if (b->origin == NULL)
		return ND_ENOMEM;
	return nd_dedup_origins(b->origin, b->n_articles, b->edges,
				b->n_edges);
}

/* How many of story s's members are their own origin, and which source
 * reported first: the origin of the member with the earliest date, when
 * that origin is in the story too (a copy may be dated, its source not). */
static void story_lineage(nd_story *s, const nd_batch *b)
{
	size_t k, first;

	s->n_independent = 0;
	s->earliest = ND_NONE;
	for (k = 0; k < s->n_members; k++)
		s->n_independent += b->origin[s->members[k]] == s->members[k];
	first = nd_dedup_earliest(s->members, s->n_members, b->published);
	if (first == ND_NONE)
		return;
	s->earliest = first;
	for (k = 0; k < s->n_members; k++)
		if (s->members[k] == b->origin[first])
			s->earliest = b->origin[first];
}

/* A story id stays the same as long as its first article does. */
static const char *story_id(nd_arena *a, const char *first_article_id)
{
	char id[32];
	uint64_t h = nd_hash64(first_article_id, strlen(first_article_id),
			       0x6e657773ULL);

	snprintf(id, sizeof(id), "s%012llx",
		 (unsigned long long)(h >> 16));
	return nd_arena_strdup(a, id);
}

static nd_cluster_item *cluster_items(const nd_batch *b)
{
	nd_cluster_item *it = nd_calloc(b->n_articles + 1, sizeof(*it));
	size_t i;

	for (i = 0; it != NULL && i < b->n_articles; i++) {
		const nd_clean_article *c = &b->clean[i];

		it[i].title = c->title;
		it[i].title_len = strlen(c->title);
		it[i].text = c->text + c->body_off;
		it[i].text_len = c->text_len - c->body_off;
		it[i].published = b->published_at[i];
	}
	return it;
}

/* Files the members of each story in input order. */
static int fill_stories(nd_batch *b, const size_t *story_of, size_t n_stories)
{
	size_t *fill = nd_calloc(n_stories + 1, sizeof(*fill)), i;
	int rc = ND_ENOMEM;

	b->stories = nd_arena_calloc(b->results_arena, n_stories + 1,
				     sizeof(*b->stories));
	if (b->stories == NULL || fill == NULL)
		goto done;
	for (i = 0; i < b->n_articles; i++)
		b->stories[story_of[i]].n_members++;
	for (i = 0; i < n_stories; i++) {
		b->stories[i].members = nd_arena_calloc(
			b->results_arena, b->stories[i].n_members,
			sizeof(size_t));
		if (b->stories[i].members == NULL)
			goto done;
	}
	for (i = 0; i < b->n_articles; i++) {
		nd_story *s = &b->stories[story_of[i]];

		s->members[fill[story_of[i]]++] = i;
	}
	for (i = 0; i < n_stories; i++) {
		b->stories[i].id = story_id(b->results_arena,
					    b->ids[b->stories[i].members[0]]);
		if (b->stories[i].id == NULL)
			goto done;
		story_lineage(&b->stories[i], b);
	}
	b->n_stories = n_stories;
	rc = ND_OK;
done:
	nd_free(fill);
	return rc;
}

static int run_cluster(nd_batch *b)
{
	nd_cluster_opts o;
	nd_cluster_item *items = cluster_items(b);
	size_t *story_of = nd_calloc(b->n_articles + 1, sizeof(*story_of));
	size_t n_stories = 0;
	int rc = ND_ENOMEM;

	o.threshold = b->opts.cluster_threshold;
	o.single = b->opts.single_story;
	o.explain = b->opts.explain_stories;
	o.expire_after = b->opts.story_expire;
	b->placements = nd_arena_calloc(b->results_arena, b->n_articles + 1,
					sizeof(*b->placements));
	if (items == NULL || story_of == NULL || b->placements == NULL)
		goto done;
	rc = nd_cluster_run(story_of, &n_stories, b->placements, items,
			    b->n_articles, b->edges, b->n_edges, &o,
			    b->results_arena);
	if (rc == ND_OK)
		rc = fill_stories(b, story_of, n_stories);
done:
	nd_free(items);
	nd_free(story_of);
	return rc;
}

static int run_digest(nd_batch *b)
{
	nd_corpus c = nd_batch__corpus(b);
	nd_digest_opts o;
	size_t i, k;
	int rc;

	o.words = b->opts.summary_words;
	o.bytes = b->opts.summary_bytes;
	for (i = 0; i < b->n_stories; i++) {
		nd_story *s = &b->stories[i];

		rc = nd_digest_story(&s->digest, &c, s->members, s->n_members,
				     b->edges, b->n_edges, &o,
				     b->results_arena);
		if (rc)
			return rc;
		s->summary_text = nd_arena_calloc(b->results_arena,
						  s->digest.n_items + 1,
						  sizeof(char *));
		if (s->summary_text == NULL)
			return ND_ENOMEM;
		for (k = 0; k < s->digest.n_items; k++) {
			const nd_summary_item *it = &s->digest.items[k];

			s->summary_text[k] = nd_digest_item_text(
				&b->docs[it->doc], it, b->results_arena);
			if (s->summary_text[k] == NULL)
				return ND_ENOMEM;
		}
	}
	return ND_OK;
}

static int run_facts(nd_batch *b)
{
	nd_corpus c = nd_batch__corpus(b);
	nd_facts *f = NULL;
	size_t i;
	int rc;

	rc = nd_facts_create(&f);
	for (i = 0; rc == ND_OK && i < b->n_stories; i++) {
		nd_story *s = &b->stories[i];

		rc = nd_facts_story(&s->facts, f, &c, s->members,
				    s->n_members, b->origin, b->results_arena);
	}
	nd_facts_free(f);
	return rc;
}

int nd_batch_run(nd_batch *b, unsigned stages)
{
	static const struct {
		unsigned stage;
		int (*run)(nd_batch *);
		const char *name;
	} steps[] = {
		{ ND_STAGE_CLEAN, run_clean, "clean" },
		{ ND_STAGE_ANALYSE, run_analyse, "analyse" },
		{ ND_STAGE_DEDUP, run_dedup, "dedup" },
		{ ND_STAGE_CLUSTER, run_cluster, "cluster" },
		{ ND_STAGE_DIGEST, run_digest, "digest" },
		{ ND_STAGE_FACTS, run_facts, "facts" },
	};
	size_t i;
	int rc;

	if (stages == 0 || (stages & ~(unsigned)ND_STAGE_ALL))
		return nd_err_set(&b->err, ND_EINVAL, "unknown stages 0x%x",
				  stages);
	stages = with_prerequisites(stages);
	nd_batch__clear_results(b);
	nd_err_clear(&b->err);
	if (nd_arena_create(&b->results_arena))
		return nd_err_set(&b->err, ND_ENOMEM, "out of memory");
	for (i = 0; i < sizeof(steps) / sizeof(steps[0]); i++) {
		if (!(stages & steps[i].stage))
			continue;
		rc = steps[i].run(b);
		if (rc) {
			nd_err_set(&b->err, rc, "%s: %s", steps[i].name,
				   nd_strerror(rc));
			nd_batch__clear_results(b);
			return rc;
		}
		b->stages_done |= steps[i].stage;
	}
	if (b->n_rejected) {
		nd_err_set(&b->err, ND_EPARTIAL, "%zu input(s) rejected",
			   b->n_rejected);
		return ND_EPARTIAL;
	}
	return ND_OK;
}
