/* The per-story tables the digest steps share.
 *
 * A story's sentences get one global number (member order, then sentence
 * index), so every per-sentence table is a flat array. Each sentence carries
 * its sorted concept ids: content stems first, then stem bigrams of adjacent
 * content words. Concepts are numbered per story through a hash map, so no
 * table is the size of the corpus vocabulary and nothing is allocated per
 * sentence. */
#ifndef ND_DIGEST_INTERNAL_H
#define ND_DIGEST_INTERNAL_H

#include <stdbool.h> /* bool */
#include <stddef.h>  /* size_t */
#include <stdint.h>  /* uint32_t */

#include "analyse/analyse.h"
#include "dedup/dedup.h"
#include "digest/digest.h"

/* Sentence-level thresholds shared by selection and attribution. */
#define ND_DIGEST_SAME_SIM 0.5     /* nd_sentence_similarity: same content */
#define ND_DIGEST_CONTAIN_NUM 4    /* a sentence holding 4/5 of another's */
#define ND_DIGEST_CONTAIN_DEN 5    /* content stems states it too */

typedef struct nd_dstory {
	const nd_corpus *c;
	const size_t *members; /* corpus indices, story order */
	size_t n;

	/* Independent groups: members linked by dedup edges share one. */
	uint32_t *group;  /* per member, 0..n_groups-1 by first member */
	uint32_t *gsize;  /* per group: members */
	size_t n_groups;

	/* Sentences, numbered story-wide. */
	size_t *sbase;    /* per member: its first sentence; [n] = total */
	size_t n_sents;
	uint32_t *smember; /* per sentence: member position */
	size_t *cbeg;     /* per sentence: start in cids; [n_sents] = end */
	uint32_t *nuni;   /* per sentence: how many of its cids are stems */
	double *wsum;     /* per sentence: IDF sum of its stems */
	uint32_t *cids;   /* concept ids, per sentence: stems, then bigrams */

	/* Concepts. */
	size_t n_concepts;
	bool *is_uni;     /* per concept: a stem rather than a bigram */
	double *idf;      /* per concept: IDF of the stem, 0 for bigrams */
	uint32_t *weight; /* per concept: independent groups stating it */
	uint32_t wmax;
	size_t *pbeg;     /* per concept: start in post; stems only */
	uint32_t *post;   /* sentences holding each stem, ascending */
} nd_dstory;

/* Fills s for members[0..n) of c: groups from the edges among members,
 * concept lists and weights, and the stem -> sentence index. Returns 0 or
 * ND_ENOMEM; s is always safe to dispose. */
int nd_dstory_build(nd_dstory *s, const nd_corpus *c, const size_t *members,
		    size_t n, const nd_dedup_edge *edges, size_t n_edges);
/* Frees the tables of s. */
void nd_dstory_dispose(nd_dstory *s);
/* The document and local sentence index of story sentence g. */
const nd_doc *nd_dstory_doc(const nd_dstory *s, size_t g, size_t *sent);

/* True when story sentences a and b say the same thing: the shared
 * nd_sentence_similarity is at least ND_DIGEST_SAME_SIM. */
bool nd_dstory_same(const nd_dstory *s, size_t a, size_t b);
/* True when b states a: same (above) or b holds at least 4/5 of a's content
 * stems. */
bool nd_dstory_states(const nd_dstory *s, size_t a, size_t b);

/* Words of text[0..len): runs of non-space characters, any Unicode space
 * separating, so no reader's word count can come out higher. */
size_t nd_digest_count_words(const char *text, size_t len);

#define ND_DLEX_LIST_MAX 96

/* The word lists of the candidate rules as term ids of the corpus, so a
 * rule compares integers. */
typedef struct nd_dlex {
	const nd_vocab *v;
	uint32_t open[ND_DLEX_LIST_MAX];   /* dangling openers */
	uint32_t demo[ND_DLEX_LIST_MAX];   /* demonstratives */
	uint32_t time[ND_DLEX_LIST_MAX];   /* nouns of time */
	uint32_t subj[ND_DLEX_LIST_MAX];   /* subject pronouns */
	uint32_t speech[ND_DLEX_LIST_MAX]; /* verbs of attribution */
	uint32_t speaker[ND_DLEX_LIST_MAX]; /* first and second person */
	size_t n_open, n_demo, n_time, n_subj, n_speech, n_speaker;
} nd_dlex;

/* Resolves the lists against v's terms. */
void nd_dlex_init(nd_dlex *lex, const nd_vocab *v);
/* Is sentence i of d fit to stand alone in a summary (not a title,
 * question, fragment, dangling reference or furniture)? relaxed keeps only
 * the length and content checks, for stories with no better sentence. */
bool nd_digest_candidate(const nd_dlex *lex, const nd_doc *d, size_t i,
			 size_t words, bool relaxed);

/* The member whose title and lead are most central to the story; prefers
 * real titles; ties go to the earliest. Returns 0 or ND_ENOMEM. */
int nd_digest_headline(size_t *member, const nd_dstory *s);

/* Sorts chosen[0..n) into reading order. Returns 0 or ND_ENOMEM. */
int nd_digest_order(size_t *chosen, size_t n, const nd_dstory *s);

/* Finds the members stating a sentence through the stem index: only
 * sentences sharing a stem that the definition of "states" requires are
 * read, and only those whose shared stems could reach the thresholds are
 * compared in full. Scratch is allocated once per story. */
typedef struct nd_dprobe {
	const nd_dstory *s;
	size_t *list;     /* member positions found by the last run */
	uint32_t *stamp;  /* per sentence: last run that touched it */
	uint32_t mark;
	double *acc_w;    /* per sentence: IDF of probe stems shared */
	uint32_t *acc_n;  /* per sentence: probe stems shared */
	uint32_t *touched; /* sentences touched by the last run */
	bool *found;      /* per member, cleared after each run */
	uint32_t *stems;  /* the probed sentence's stems, by posting length */
	bool *skip;       /* per stem of it: left out of the probe */
} nd_dprobe;

/* Returns 0 or ND_ENOMEM; p is always safe to dispose. */
int nd_dprobe_init(nd_dprobe *p, const nd_dstory *s);
void nd_dprobe_dispose(nd_dprobe *p);
/* Member positions of every member stating story sentence g (its own
 * first) into p->list; returns how many. */
size_t nd_dprobe_all(nd_dprobe *p, size_t g);
/* How many members besides its own state g, counting up to cap only. */
size_t nd_dprobe_support(nd_dprobe *p, size_t g, size_t cap);

/* Chooses summary sentences (story sentence numbers) into chosen, room for
 * max, *n_chosen set, using p
 * to weigh how widely each is reported. words/bytes is the budget (bytes when non-zero).
 * Returns 0 or ND_ENOMEM. */
int nd_digest_select(size_t *chosen, size_t *n_chosen, size_t max,
		     nd_dprobe *p, unsigned words, unsigned bytes);

/* Fills items[k].sources (sorted corpus indices, in arena) with every member
 * that states story sentence chosen[k]. Returns 0 or ND_ENOMEM. */
int nd_digest_attribute(nd_summary_item *items, const size_t *chosen,
			size_t n, nd_dprobe *p, nd_arena *arena);

#endif
