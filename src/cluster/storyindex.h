/* The story index of include/newsdigest.h: what its files share.
 *
 * Live stories sit in slots that expired and merged stories give back. A
 * story is the sum of its articles' vectors, cut to its heaviest terms; it
 * posts its key terms (the heaviest, names counting more) in an inverted
 * index, which is all an arriving article searches. A young story keeps
 * its articles' vectors, so that it can be split (split.c). */
#ifndef ND_CLUSTER_STORYINDEX_H
#define ND_CLUSTER_STORYINDEX_H

#include <stddef.h> /* size_t */
#include <stdint.h> /* uint32_t */

#include "cluster/storyterms.h"
#include "core/error.h"
#include "core/hashmap.h"
#include "newsdigest.h"

/* Terms kept of an article's vector: past them, the long tail of a long
 * article adds words every story shares. With 40, splits of young
 * stories found less (events pile 0.868 against 0.883). */
#define ND_STORY_ARTICLE_TERMS 80
/* The article's heaviest terms, looked up in the index: from 32 to 24
 * changed no dev pile by more than 0.003 and saved a sixth of the look-up. */
#define ND_STORY_QUERY 24
/* Terms a story keeps, cut back to when it holds twice as many. */
#define ND_STORY_TERMS 128
/* Terms a story posts in the inverted index: with 16, a spun rewrite
 * (other words for the same things) missed its story. */
#define ND_STORY_KEYS 32
/* Candidates scored in full, the best by the query's partial score. */
#define ND_STORY_CANDIDATES 4
/* Posting lists longer than this are words of every story: skipped. */
#define ND_STORY_POSTINGS_MAX 1000
/* Stories merged by one add, at most. */
#define ND_STORY_MERGES_MAX 8
/* Stories are looked at for a split at these sizes: 6, 8, ... 16. Past
 * 16 their articles' vectors are let go. */
#define ND_STORY_SPLIT_FROM 6
#define ND_STORY_SPLIT_UPTO 16
/* A story whose least typical article still meets it at this cosine is
 * of one piece: the 2-means is not run (on the dev piles it split none
 * of those). */
#define ND_STORY_SPLIT_CLOSE 0.6
/* Two halves whose sums meet at a cosine under this are two stories. */
#define ND_STORY_SPLIT_APART 0.3
/* Stories split from one another, remembered per story (never merged). */
#define ND_STORY_APART 4
/* Terms of evidence kept per placement. */
#define ND_STORY_EVIDENCE 10

/* Joins at a score of 0.10: over four orders of the DUC 2004 events pile
 * and the DUC 2006 topics pile, B-cubed F1 plateaus from 0.09 to 0.12;
 * events run together below 0.09 and stories fragment above 0.13
 * (docs/pipeline.md). */
#define ND_STORY_THRESHOLD 0.10
/* Centroid cosine at which two live stories are one: from 0.5 to 0.4 took
 * the DUC 2006 pile's B-cubed F1 up by 0.004 and UCI's by 0.03, and left
 * the events pile as it was. */
#define ND_STORY_MERGE 0.4
#define ND_STORY_EXPIRE (4LL * 24 * 3600)
/* Time constant of the decay with the distance from the story's days:
 * a report two days on keeps 0.61 of its score, four days on 0.37. */
#define ND_STORY_TAU (96.0 * 3600)

typedef struct nd_cterm {
	uint32_t term;
	float w;
	uint32_t name; /* 1 when some article wrote it as a name */
} nd_cterm;

/* An article of a young story, as it was added. */
typedef struct nd_member {
	unsigned long long key, seq; /* the caller's key; arrival number */
	nd_cterm *t;                 /* its vector, sorted by term */
	size_t n;
	float dot[ND_STORY_SPLIT_UPTO]; /* with each member, by place */
} nd_member;

typedef struct nd_story_slot {
	unsigned long long id; /* 0: the slot is free */
	nd_cterm *t;
	size_t n, cap;
	double norm2;
	uint32_t key[ND_STORY_KEYS];
	size_t n_key;
	long long first, last; /* publication span, ND_NO_TIME when undated */
	size_t members;
	nd_member *mem;        /* while members <= ND_STORY_SPLIT_UPTO and
				  none merged in: each article's vector */
	size_t n_mem;
	int settled;           /* past splitting: mem let go */
	unsigned long long apart[ND_STORY_APART]; /* split from these */
	size_t n_apart;
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
} nd_postings;

/* An article's term by weight: the weight and its place in the
 * article's nd_storyterms. */
typedef struct nd_aterm {
	float w;
	uint32_t at;
} nd_aterm;

struct nd_storyindex {
	nd_storyindex_options opts;
	nd_storyterms words;
	uint16_t *df; /* hashed document frequencies */
	unsigned long long n_docs;
	double *ln;   /* ln(df + 1) by df, filled as met (0: not yet) */
	float tf[64]; /* 1 + ln count, for the counts most terms have */
	nd_cterm vec[ND_STORY_ARTICLE_TERMS]; /* the article's, by term */
	nd_aterm top[ND_STORYTERMS_MAX]; /* every term by weight; the kept
					   ones first, the query's first of
					   all */
	size_t n_vec;
	unsigned long long seq; /* articles added */

	nd_story_slot *slots;
	size_t n_slots, cap_slots;
	size_t cap_side; /* how far free_slots, mark, part, touched reach */
	uint32_t *free_slots;
	size_t n_free;
	nd_u64map by_id; /* story id -> slot */
	nd_postings post;
	unsigned long long next_id;
	long long swept; /* publication time of the last expiry sweep */

	unsigned long long merged[ND_STORY_MERGES_MAX];
	unsigned long long moved[ND_STORY_SPLIT_UPTO];
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
/* Moves the k-th heaviest of a[0..n) (k < n; heavier: a larger weight,
 * then an earlier place) to a[k], the heavier ones before it. */
void nd_aterm_select(nd_aterm *a, size_t n, size_t k);
/* The dot product of a[0..na) and b[0..nb), both sorted by term. */
double nd_cterm_dot(const nd_cterm *a, size_t na, const nd_cterm *b,
		    size_t nb);
/* Adds the article vector v[0..n) (sorted by term) to s, cuts s back to
 * its heaviest terms when it holds too many, and re-posts its key terms
 * under slot. Returns 0 or ND_ENOMEM. */
int nd_story_absorb(nd_story_slot *s, nd_postings *post, uint32_t slot,
		    const nd_cterm *v, size_t n);
/* Whether s's key terms are picked again as it takes its latest article:
 * at each of its first 8, then at every 4th (a grown story's heaviest
 * terms change slowly, and picking them was a tenth of an add). Merges
 * are looked for then too, as converging stories come to share keys. */
int nd_story_rekeys(const nd_story_slot *s);
/* Makes s the sum of its members' vectors again (after a split), then
 * cuts and re-posts as nd_story_absorb. Returns 0 or ND_ENOMEM. */
int nd_story_rebuild(nd_story_slot *s, nd_postings *post, uint32_t slot);
/* Adds the centroid of story b to a (the merge of b into a), as
 * nd_story_absorb. */
int nd_story_fold(nd_story_slot *a, nd_postings *post, uint32_t slot,
		  const nd_story_slot *b);
/* Takes s's key terms out of the index and frees its arrays. */
void nd_story_release(nd_story_slot *s, nd_postings *post, uint32_t slot);

/* split.c: the members of young stories, and their splits. */
/* Keeps the article's vector v[0..n) in s while s is young; lets all go
 * once it is not. Returns 0 or ND_ENOMEM. */
int nd_story_remember(nd_story_slot *s, unsigned long long key,
		      unsigned long long seq, const nd_cterm *v, size_t n);
/* Lets s's members go: s will not be split. */
void nd_story_settle(nd_story_slot *s);
/* Whether young story a's members form two groups far apart (2-means
 * from its two least alike members): 1 with side[i] 1 for the members of
 * the group without a's first article, which is to leave; else 0. */
int nd_story_split_plan(unsigned char *side, const nd_story_slot *a);
/* Moves the members on side 1 from a to b, an empty story, making room
 * for both sums (nd_story_rebuild then cannot fail to). Returns 0, or
 * ND_ENOMEM with nothing moved. */
int nd_story_part(nd_story_slot *a, nd_story_slot *b,
		  const unsigned char *side);

#endif
