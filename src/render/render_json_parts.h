/* Pieces the JSON renderers share, so that one thing (an article list, a
 * relation) reads the same in every document that holds it. */
#ifndef ND_RENDER_JSON_PARTS_H
#define ND_RENDER_JSON_PARTS_H

#include <stddef.h> /* size_t */

#include "newsdigest.h"
#include "render/json_writer.h"

/* key: an inline array of the ids of articles idx[0..n). */
void nd_render_json_ids(nd_json *j, const char *key, const nd_batch *b,
			const size_t *idx, size_t n);
/* Members "article", "offset", "length": where an item sits in the cleaned
 * text of an article. */
void nd_render_json_span(nd_json *j, const nd_batch *b, size_t article,
			 size_t offset, size_t length);
/* A value: the id of article i, or null for ND_NONE. */
void nd_render_json_article_or_null(nd_json *j, const nd_batch *b, size_t i);
/* "origin": the id of the article article i derives from (nd_batch_origin),
 * its own when independent; null when dedup has not run. Returns that
 * article, or ND_NONE. */
size_t nd_render_json_origin(nd_json *j, const nd_batch *b, size_t i);
/* "rejected": each input rejected, as {"path", "error"}. */
void nd_render_json_rejected(nd_json *j, const nd_batch *b);
/* A relation as an object: "a", "b", "relation", "score". */
void nd_render_json_relation(nd_json *j, const nd_batch *b,
			     const nd_relation *r);

#endif
