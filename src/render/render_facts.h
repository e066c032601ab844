/* The facts sections (quotations, entities, facts) that the digest and the
 * facts document share, in JSON and in Markdown, so that both read the
 * same. */
#ifndef ND_RENDER_FACTS_H
#define ND_RENDER_FACTS_H

#include <stddef.h> /* size_t */

#include "newsdigest.h"
#include "render/json_writer.h"
#include "render/render_out.h"

/* The objects of story's quotations, entities or facts, as items of an
 * array the caller opened (docs/facts-json.md). */
void nd_render_json_quotes(nd_json *j, const nd_batch *b, size_t story);
void nd_render_json_entities(nd_json *j, const nd_batch *b, size_t story);
void nd_render_json_facts(nd_json *j, const nd_batch *b, size_t story);

/* story's "### Quotes", "### People, organisations and places" and
 * "### Facts" sections; nothing for an empty one. */
void nd_render_md_quotes(nd_out *o, const nd_batch *b, size_t story);
void nd_render_md_entities(nd_out *o, const nd_batch *b, size_t story);
void nd_render_md_facts(nd_out *o, const nd_batch *b, size_t story);

/* "## Rejected inputs" with each input's path and error; nothing when
 * none was. */
void nd_render_md_rejected(nd_out *o, const nd_batch *b);
/* "1 article" or "2 articles". */
void nd_render_md_count(nd_out *o, size_t n, const char *one,
			const char *many);
/* "[id, id]": the articles backing an item. */
void nd_render_md_sources(nd_out *o, const nd_batch *b, const size_t *idx,
			  size_t n);

#endif
