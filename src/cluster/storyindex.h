/* The story index of include/newsdigest.h: what its files share.
 *
 * Live stories sit in slots that expired and merged stories give back. A
 * story is the sum of its articles' vectors, cut to its heaviest terms; it
 * posts its key terms (the heaviest, names counting more) in an inverted
 * index, which is all an arriving article searches. */
#ifndef ND_CLUSTER_STORYINDEX_H
#define ND_CLUSTER_STORYINDEX_H

#include <stddef.h> /* size_t */
#include <stdint.h> /* uint32_t */

#include "cluster/storyterms.h"
#include "core/error.h"
#include "core/hashmap.h"
#include "newsdigest.h"

/* Terms kept of an article's vector: past them, the long tail of a long
 * article adds words every story shares. */
#ifndef ND_STORY_ARTICLE_TERMS /* EXPERIMENT */
#define ND_STORY_ARTICLE_TERMS 40
#endif
/* Terms a story keeps, cut back to when it holds twice as many. */
#ifndef ND_STORY_TERMS /* EXPERIMENT */
#define ND_STORY_TERMS 128
#endif
/* Terms a story posts in the inverted index, which an article's terms
 * are all looked up in: with 16, a spun rewrite (other words for the
 * same things) missed its story. */
#ifndef ND_STORY_KEYS /* EXPERIMENT */
#define ND_STORY_KEYS 32
#endif
/* Candidates scored in full, the best by the query's partial score. */
#ifndef ND_STORY_CANDIDATES /* EXPERIMENT */
#define ND_STORY_CANDIDATES 8
#endif
/* Posting lists longer than this are words of every story: skipped. */
#define ND_STORY_POSTINGS_MAX 1000
/* Stories merged by one add, at most. */
#define ND_STORY_MERGES_MAX 8
/* Terms of evidence kept per placement. */
#define ND_STORY_EVIDENCE 10

/* Joins at a cosine of 0.15: on the DUC piles and the UCI headlines
 * the score plateaus from 0.12 to 0.16; stories fragment above 0.18 and
 * topics run together below 0.10 (docs/pipeline.md). */
#ifndef ND_STORY_THRESHOLD /* EXPERIMENT */
#define ND_STORY_THRESHOLD 0.15
#endif
#ifndef ND_STORY_MERGE /* EXPERIMENT */
#define ND_STORY_MERGE 0.5
#endif
#define ND_STORY_EXPIRE (4LL * 24 * 3600)
/* Time constant of the decay with the distance from the story's days:
 * a report two days on keeps 0.61 of its score, four days on 0.37. */
#define ND_STORY_TAU (96.0 * 3600)

typedef struct nd_cterm {
	uint32_t term;
	float w;
	uint32_t name; /* 1 when some article wrote it as a name */
} nd_cterm;

typedef struct nd_story_slot {
	unsigned long long id; /* 0: the slot is free */
	nd_cterm *t;
	size_t n, cap;
	double norm2;
	uint32_t key[ND_STORY_KEYS];
	size_t n_key;
	long long first, last; /* publication span, ND_NO_TIME when undated */
	size_t members;
} nd_story_slot;

typedef struct nd_postlist {
	uint32_t *slot;
	uint32_t n, cap;
} nd_postlist;

/* The inverted index: term -> list of slots posting it. */
typedef struct nd_postings {
	nd_u64map at; /* term -> list number */
	nd_postlist *list;
	size_t n_list, cap_list;
	uint32_t *spare; /* list numbers free for reuse */
	size_t n_spare, cap_spare;
	size_t n_postings;
} nd_postings;

/* An article's kept term and where its word was. */
typedef struct nd_aterm {
	uint32_t term;
	float w;
	uint32_t name;
	const char *word;
	size_t word_len;
} nd_aterm;

struct nd_storyindex {
	nd_storyindex_options opts;
	nd_storyterms words;
	uint16_t *df; /* hashed document frequencies */
	unsigned long long n_docs;
	float *idf;   /* by df, refreshed as n_docs grows */
	unsigned long long idf_docs;
	nd_aterm vec[ND_STORY_ARTICLE_TERMS];
	size_t n_vec;

	nd_story_slot *slots;
	size_t n_slots, cap_slots;
	uint32_t *free_slots;
	size_t n_free;
	nd_u64map by_id; /* story id -> slot */
	nd_postings post;
	unsigned long long next_id;
	long long swept; /* publication time of the last expiry sweep */

	unsigned long long merged[ND_STORY_MERGES_MAX];
	nd_story_evidence evidence[ND_STORY_EVIDENCE];
	size_t n_evidence;
	char *evidence_text; /* the evidence's words, NUL-separated */
	size_t evidence_cap;
	/* Per slot, for the search of one add: the query's partial score,
	 * valid where mark == mark_gen; the slots touched. */
	uint32_t *mark;
	float *part;
	uint32_t *touched;
	size_t n_touched;
	uint32_t mark_gen;
	nd_storyindex_stats stats;
};

/* postings.c: the inverted index. All return 0 or ND_ENOMEM. */
int nd_postings_init(nd_postings *p);
void nd_postings_dispose(nd_postings *p);
int nd_postings_add(nd_postings *p, uint32_t term, uint32_t slot);
void nd_postings_remove(nd_postings *p, uint32_t term, uint32_t slot);
/* The slots posting term: *n of them (valid until the next change). */
const uint32_t *nd_postings_get(const nd_postings *p, uint32_t term,
				size_t *n);
size_t nd_postings_bytes(const nd_postings *p);

/* story.c: a story's centroid. */
/* Adds the article vector v[0..n) to s, cuts s back to its heaviest
 * terms when it holds too many, and re-posts its key terms under slot.
 * Returns 0 or ND_ENOMEM. */
int nd_story_absorb(nd_story_slot *s, nd_postings *post, uint32_t slot,
		    const nd_aterm *v, size_t n);
/* Adds the centroid of story b to a (the merge of b into a), as
 * nd_story_absorb. */
int nd_story_fold(nd_story_slot *a, nd_postings *post, uint32_t slot,
		  const nd_story_slot *b);
/* Takes s's key terms out of the index and frees its arrays. */
void nd_story_release(nd_story_slot *s, nd_postings *post, uint32_t slot);

#endif
