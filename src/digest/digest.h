/* digest: a headline and an attributed extractive summary per story.
 *
 * Sentences are chosen to cover the content most articles of the story
 * report (copies count once), without repeating themselves, within a word or
 * byte budget; each chosen sentence lists every article that states the same
 * or a paraphrased sentence. */
#ifndef ND_DIGEST_H
#define ND_DIGEST_H

#include <stddef.h> /* size_t */

#include "analyse/analyse.h"
#include "dedup/dedup.h"
#include "digest/dtrim.h"

typedef struct nd_digest_opts {
	unsigned words; /* budget in words, default 100 */
	unsigned bytes; /* when non-zero, a byte budget instead */
} nd_digest_opts;

typedef struct nd_summary_item {
	size_t doc;      /* article of the chosen sentence */
	size_t sent;     /* its sentence index in that article */
	size_t n_sources;
	size_t *sources; /* supporting articles, sorted, doc included */
	size_t *source_sents; /* per source: its sentence stating it */
	nd_dtrim form;   /* the form shown: trimmed, or ntok 0 for whole */
} nd_summary_item;

typedef struct nd_story_digest {
	size_t headline_doc; /* article whose title heads the story */
	nd_summary_item *items; /* in reading order */
	size_t n_items;
} nd_story_digest;

/* Digests the story made of articles members[0..n) of c. edges are the
 * dedup relations of the whole corpus. Memory in arena. Returns 0 or
 * ND_ENOMEM. */
int nd_digest_story(nd_story_digest *out, const nd_corpus *c,
		    const size_t *members, size_t n,
		    const nd_dedup_edge *edges, size_t n_edges,
		    const nd_digest_opts *opts, nd_arena *arena);

/* The text of item it of article d as the summary shows it (the whole
 * sentence, or its trimmed form), NUL-terminated in arena; NULL when out
 * of memory. */
char *nd_digest_item_text(const nd_doc *d, const nd_summary_item *it,
			  nd_arena *arena);

#endif
