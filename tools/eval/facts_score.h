/* facts_score: `newsdigest facts --format json` against our gold quotes,
 * entities and facts of one story, as docs/facts-gold.md defines the
 * scoring:
 *
 * - a predicted span and a gold span of one article match when their
 *   overlap is at least half of each (and not empty); matching is one to
 *   one, largest overlap first, and only within one class: direct quotes
 *   with direct ones, indirect with indirect, entity mentions and facts
 *   of one kind;
 * - speaker accuracy: over matched direct gold quotes that have a
 *   speaker, the share whose predicted speaker folds (case, accents) to
 *   the gold name or to the text of a mention of the gold entity of that
 *   name;
 * - merge precision: over pairs of matched predicted mentions that one
 *   predicted entity holds, the share one gold entity holds; merge recall
 *   the other way round.
 *
 * Spans are byte ranges of the text `newsdigest clean` prints for each
 * article alone; predictions for articles the gold does not list are
 * passed over. */
#ifndef ND_EVAL_FACTS_SCORE_H
#define ND_EVAL_FACTS_SCORE_H

#include <stddef.h> /* size_t */
#include <stdint.h> /* uint64_t */

#include "core/arena.h"
#include "core/error.h"

enum { ND_FS_QUOTES, ND_FS_ENTITIES, ND_FS_FACTS, ND_FS_CLASSES };

#define ND_FS_ENTITY_KINDS 3 /* person, organisation, place */
#define ND_FS_FACT_KINDS 5   /* money, percent, quantity, date, count */

extern const char *const nd_fs_entity_kinds[ND_FS_ENTITY_KINDS];
extern const char *const nd_fs_fact_kinds[ND_FS_FACT_KINDS];

/* One span: a quote occurrence, an entity mention or a fact. */
typedef struct nd_fs_span {
	size_t art;          /* index in the story's articles */
	size_t off, len;     /* bytes of the article's cleaned text */
	int kind;            /* quotes: 1 direct, 0 indirect; others: the
				index in their kind list */
	size_t group;        /* entities: the entity; quotes: the quote */
	const char *speaker; /* quotes: "" when none */
} nd_fs_span;

typedef struct nd_fs_spans {
	nd_fs_span *v;
	size_t n, cap;
} nd_fs_spans;

typedef struct nd_fs_article {
	const char *id;
	size_t bytes;   /* of the annotated cleaned text */
	uint64_t fnv;   /* FNV-1a 64 of it */
	const char *text; /* the cleaned text now, set by the caller */
	size_t len;
} nd_fs_article;

/* One story: the gold, then the prediction. Start from all zeros. */
typedef struct nd_fs_story {
	nd_arena *arena;       /* names, ids, the input list */
	const char *name;
	const char **inputs;   /* the "input" member: one path or several */
	size_t n_inputs, cap_inputs;
	nd_fs_article *articles;
	size_t n_articles, cap_articles;
	const char **entity_names; /* gold entities by group */
	size_t n_entity_names, cap_entity_names;
	nd_fs_spans gold[ND_FS_CLASSES], pred[ND_FS_CLASSES];
	size_t n_pred_groups;  /* predicted entities and quotes read */
} nd_fs_story;

/* Gold and predicted count of one class, and how many matched. */
typedef struct nd_fs_prf {
	size_t gold, pred, match;
} nd_fs_prf;

/* What a story scored; totals add up. */
typedef struct nd_fs_counts {
	nd_fs_prf quotes[2]; /* [1] direct, [0] indirect */
	size_t speakers, speakers_right;
	nd_fs_prf entities[ND_FS_ENTITY_KINDS];
	nd_fs_prf facts[ND_FS_FACT_KINDS];
	size_t merge_pred_pairs, merge_pred_right; /* precision */
	size_t merge_gold_pairs, merge_gold_found; /* recall */
} nd_fs_counts;

/* FNV-1a, 64-bit, of p[0..len). */
uint64_t nd_fs_fnv1a64(const void *p, size_t len);

/* Reads one gold line (docs/facts-gold.md) into an empty story. Returns
 * 0, ND_EFORMAT or ND_EUTF8 with err saying what is wrong, or
 * ND_ENOMEM. */
int nd_fs_story_gold(nd_fs_story *s, nd_err *err, const char *line,
		     size_t len);
/* Adds the prediction of `newsdigest facts --format json` to a story
 * whose gold is read. Same returns. */
int nd_fs_story_pred(nd_fs_story *s, nd_err *err, const char *json,
		     size_t len);
/* Frees the story; it is all zeros again. */
void nd_fs_story_dispose(nd_fs_story *s);

/* Receives a span that matched nothing, of class cls (ND_FS_QUOTES...):
 * a gold one missed (gold set, pred NULL) or a predicted one of no gold
 * span (gold NULL); or, as class ND_FS_CLASSES, a matched direct quote
 * whose predicted speaker is not the gold one (both set). */
typedef void (*nd_fs_miss_fn)(void *ctx, int cls, const nd_fs_span *gold,
			      const nd_fs_span *pred);

/* Scores a story whose articles' texts are set (the speaker check reads
 * the gold mentions' text), adding its counts to *out, and calls miss
 * (may be NULL) for each span left unmatched. Returns 0 or ND_ENOMEM. */
int nd_fs_score(nd_fs_counts *out, const nd_fs_story *s, nd_fs_miss_fn miss,
		void *ctx);
/* Adds b's counts to a's. */
void nd_fs_counts_add(nd_fs_counts *a, const nd_fs_counts *b);

/* Precision, recall and F1 of c; a ratio with nothing to count is 1 (F1
 * of 1 and 1). */
void nd_fs_prf_ratios(const nd_fs_prf *c, double *p, double *r,
		      double *f1);
/* The sum of n counts. */
nd_fs_prf nd_fs_prf_sum(const nd_fs_prf *c, size_t n);
/* a / b, or 1 when b is 0. */
double nd_fs_ratio(size_t a, size_t b);

#endif
