/* render: the output forms of nd_batch_render, one function per form.
 *
 * Each writes the results of b to o using only the public accessors and
 * returns 0 or ND_ENOMEM; a stopped write shows in nd_out_status(o). */
#ifndef ND_RENDER_H
#define ND_RENDER_H

#include "newsdigest.h"
#include "render/render_out.h"

/* Stories with articles, summary, quotes, entities, facts and lineage; see
 * docs/digest-json.md. */
int nd_render_digest_json(nd_out *o, const nd_batch *b);
/* The same for a human reader, in Markdown. */
int nd_render_digest_md(nd_out *o, const nd_batch *b);
/* Cleaned texts as they are, with "==> id <==" headers when several. */
int nd_render_clean_text(nd_out *o, const nd_batch *b);
int nd_render_clean_json(nd_out *o, const nd_batch *b);
/* Article i alone, as the two above print a batch holding only it; 0 or
 * ND_ENOTFOUND. */
int nd_render_clean_text_article(nd_out *o, const nd_batch *b, size_t i);
int nd_render_clean_json_article(nd_out *o, const nd_batch *b, size_t i);
/* One "a, b, relation, score" line per relation. */
int nd_render_dedup_tsv(nd_out *o, const nd_batch *b);
int nd_render_dedup_json(nd_out *o, const nd_batch *b);
/* One "story id, article id" line per article, stories in order. */
int nd_render_cluster_tsv(nd_out *o, const nd_batch *b);
int nd_render_cluster_json(nd_out *o, const nd_batch *b);
/* One line per placement in publication order, with its evidence. */
int nd_render_cluster_explain(nd_out *o, const nd_batch *b);
/* Quotations, entities and facts of all stories, one list each
 * (docs/facts-json.md), and the same for a human. */
int nd_render_facts_json(nd_out *o, const nd_batch *b);
int nd_render_facts_md(nd_out *o, const nd_batch *b);
/* Every summary sentence on a line of its own, story after story. */
int nd_render_summary_lines(nd_out *o, const nd_batch *b);

#endif
