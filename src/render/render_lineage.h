/* Where each article stands among the relations of a batch: what it copies
 * or rewrites, which story holds it, and which relations stay inside one
 * story. Built once per render from the public accessors. */
#ifndef ND_RENDER_LINEAGE_H
#define ND_RENDER_LINEAGE_H

#include <stddef.h> /* size_t */

#include "newsdigest.h"

typedef struct nd_lineage {
	size_t n_articles, n_stories, n_relations;
	size_t *copy_rel;    /* per article: first relation (duplicate or
				near-duplicate) with it as b, or NONE */
	size_t *rewrite_rel; /* per article: first rewrite-of with it as b */
	size_t *partial_rel; /* per article: first partial with it as b */
	size_t *story_of;    /* per article: its story, or NONE */
	size_t *rel_order;   /* relations inside one story, grouped by story */
	size_t *rel_start;   /* per story plus one: its range in rel_order */
	size_t *block;       /* the one allocation behind the arrays */
} nd_lineage;

/* Builds l for the results of b. 0 or ND_ENOMEM. */
int nd_lineage_build(nd_lineage *l, const nd_batch *b);
/* Frees what nd_lineage_build allocated; l may be disposed twice. */
void nd_lineage_dispose(nd_lineage *l);
/* The id of article i, or "" when there is none. */
const char *nd_render_article_id(const nd_batch *b, size_t i);

#endif
