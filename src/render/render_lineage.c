#include "render/render_lineage.h"

#include "core/alloc.h"

const char *nd_render_article_id(const nd_batch *b, size_t i)
{
	nd_article_info a;

	if (nd_batch_article(&a, b, i) != ND_OK || a.id == NULL)
		return "";
	return a.id;
}

/* Sizes the arrays and carves them out of one zeroed block. */
static int allocate(nd_lineage *l, size_t *cursor_out[])
{
	size_t n = l->n_articles, total, tmp;

	/* 4 per article, 1 per relation, 2 per story plus 1. */
	if (nd_mul_overflow(n, 4, &total) ||
	    nd_add_overflow(total, l->n_relations, &total) ||
	    nd_mul_overflow(l->n_stories, 2, &tmp) ||
	    nd_add_overflow(total, tmp, &total) ||
	    nd_add_overflow(total, 1, &total))
		return ND_ENOMEM;
	l->block = nd_calloc(total, sizeof(size_t));
	if (l->block == NULL)
		return ND_ENOMEM;
	l->copy_rel = l->block;
	l->rewrite_rel = l->copy_rel + n;
	l->partial_rel = l->rewrite_rel + n;
	l->story_of = l->partial_rel + n;
	l->rel_order = l->story_of + n;
	l->rel_start = l->rel_order + l->n_relations;
	*cursor_out = l->rel_start + l->n_stories + 1;
	return ND_OK;
}

static void mark_articles(nd_lineage *l, const nd_batch *b)
{
	size_t i, k;
	nd_relation r;
	nd_story_info s;

	for (i = 0; i < l->n_articles; i++)
		l->copy_rel[i] = l->rewrite_rel[i] = l->partial_rel[i] =
			l->story_of[i] = ND_NONE;
	for (i = 0; i < l->n_stories; i++) {
		if (nd_batch_story(&s, b, i) != ND_OK)
			continue;
		for (k = 0; k < s.n_articles; k++)
			if (s.articles[k] < l->n_articles)
				l->story_of[s.articles[k]] = i;
	}
	for (i = 0; i < l->n_relations; i++) {
		size_t *slot;

		if (nd_batch_relation(&r, b, i) != ND_OK ||
		    r.b >= l->n_articles)
			continue;
		slot = r.kind == ND_REL_REWRITE_OF ? &l->rewrite_rel[r.b] :
		       r.kind == ND_REL_PARTIAL    ? &l->partial_rel[r.b] :
						     &l->copy_rel[r.b];
		if (*slot == ND_NONE)
			*slot = i;
	}
}

/* The story holding both ends of relation i, or NONE. */
static size_t story_of_relation(const nd_lineage *l, const nd_batch *b,
				size_t i)
{
	nd_relation r;

	if (nd_batch_relation(&r, b, i) != ND_OK || r.a >= l->n_articles ||
	    r.b >= l->n_articles || l->story_of[r.a] != l->story_of[r.b])
		return ND_NONE;
	return l->story_of[r.a];
}

/* Counting sort of the in-story relations by story, keeping their order. */
static void group_relations(nd_lineage *l, const nd_batch *b, size_t *cursor)
{
	size_t i, s;

	for (i = 0; i < l->n_relations; i++) {
		s = story_of_relation(l, b, i);
		if (s != ND_NONE)
			l->rel_start[s + 1]++;
	}
	for (s = 0; s < l->n_stories; s++) {
		l->rel_start[s + 1] += l->rel_start[s];
		cursor[s] = l->rel_start[s];
	}
	for (i = 0; i < l->n_relations; i++) {
		s = story_of_relation(l, b, i);
		if (s != ND_NONE)
			l->rel_order[cursor[s]++] = i;
	}
}

int nd_lineage_build(nd_lineage *l, const nd_batch *b)
{
	size_t *cursor = NULL;
	int rc;

	l->n_articles = nd_batch_article_count(b);
	l->n_stories = nd_batch_story_count(b);
	l->n_relations = nd_batch_relation_count(b);
	rc = allocate(l, &cursor);
	if (rc)
		return rc;
	mark_articles(l, b);
	group_relations(l, b, cursor);
	return ND_OK;
}

void nd_lineage_dispose(nd_lineage *l)
{
	nd_free(l->block);
	l->block = NULL;
}
