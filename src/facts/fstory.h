/* The story the facts stage works on: its documents, what each word of it
 * is (per term, computed once), and the name mentions and entities the
 * passes hand to one another. Internal to src/facts. */
#ifndef ND_FACTS_FSTORY_H
#define ND_FACTS_FSTORY_H

#include <stdbool.h> /* bool */
#include <stddef.h>  /* size_t */
#include <stdint.h>  /* uint32_t, uint64_t */

#include "analyse/analyse.h"
#include "core/buf.h"
#include "core/hashmap.h"
#include "facts/facts.h"
#include "facts/gazetteer.h"

#define ND_FX_NONE UINT32_MAX
/* Cue words (titles, countries) kept per mention and per entity. */
#define ND_MENTION_CUES 6
#define ND_ENTITY_CUES 12
/* Caps that input can push: mentions per story, bytes of name keys. */
#define ND_FX_MAX_MENTIONS (1u << 22)
#define ND_FX_MAX_POOL (64u << 20)

/* What the story shows of a term beyond the word lists. */
enum {
	ND_SEEN_LOWER = 1u << 0,  /* written lower case somewhere */
	ND_SEEN_CAPMID = 1u << 1  /* capitalised, not first of a sentence */
};

typedef struct nd_term_info {
	uint32_t seen; /* ND_SEEN_* */
	nd_lex lex;
} nd_term_info;

enum {
	ND_MEN_TITLED = 1u << 0,   /* a title before it */
	ND_MEN_ACRONYM = 1u << 1,  /* CSTO, U.N., C5+1 */
	ND_MEN_GAZ = 1u << 2,      /* key is a gazetteer place */
	ND_MEN_INQUOTE = 1u << 3,  /* inside a direct quote */
	ND_MEN_NAMELIKE = 1u << 4, /* 2-3 words shaped like a person's name */
	ND_MEN_ORGWORD = 1u << 5,
	ND_MEN_PLACEWORD = 1u << 6,
	ND_MEN_ALLCAPS = 1u << 7,
	ND_MEN_EVIDENCE = 1u << 8, /* some context says what it is */
	ND_MEN_WEAK = 1u << 9      /* maybe an ordinary sentence opener */
};

enum { ND_VOTE_PERSON = 0, ND_VOTE_ORG, ND_VOTE_PLACE, ND_VOTES };

/* One name in one document. */
typedef struct nd_mention {
	uint32_t doc;       /* position in the story (members index) */
	uint32_t tok0;      /* first token, title included */
	uint32_t tok, ntok; /* the name's tokens */
	uint32_t off, len;  /* the name's bytes in the document text */
	uint32_t key, klen; /* folded key in the pool */
	uint32_t words;     /* words of the key */
	uint32_t group;     /* same-key group (entities.c) */
	uint32_t entity;    /* final entity, ND_FX_NONE when dropped */
	uint32_t flags;     /* ND_MEN_* */
	int16_t vote[ND_VOTES];
	uint32_t ncue;
	uint64_t cue[ND_MENTION_CUES];
} nd_mention;

typedef struct nd_fstory {
	const nd_corpus *c;
	const size_t *members;
	size_t n;
	const size_t *origin; /* per corpus article, or NULL: see facts.h */
	nd_arena *arena; /* results */
	const nd_gazetteer *gaz; /* shared, read-only */
	nd_u64map term_ix; /* term id -> index into terms */
	nd_term_info *terms;
	size_t n_terms, terms_cap;
	uint32_t *tok_info; /* per token of the story: index into terms */
	nd_u64map doc_base; /* corpus document -> its first in tok_info */
	const nd_doc *cache_doc; /* the last document looked up */
	size_t cache_base;
	nd_mention *ments; /* in document order, then text order */
	size_t n_ments, ments_cap;
	size_t *doc_ment;  /* n + 1: first mention of each document */
	nd_buf pool;       /* name keys */
	uint32_t *aliases; /* pairs of mentions naming one thing: "(CSTO)" */
	size_t n_aliases, aliases_cap;
	nd_entity *ents;   /* final entities, in the arena */
	size_t n_ents;
	uint64_t *ent_cues; /* ND_ENTITY_CUES per entity */
	uint32_t *ent_ncue;
	unsigned char *ent_gender; /* ND_GENDER_* per entity (gender.h) */
} nd_fstory;

/* Prepares st for members[0..n) of c (document case statistics
 * included). 0 or ND_ENOMEM; dispose st in any case. */
int nd_fstory_init(nd_fstory *st, const nd_gazetteer *gaz,
		   const nd_corpus *c, const size_t *members, size_t n,
		   nd_arena *arena);
/* Frees what init allocated (results in the arena stay). */
void nd_fstory_dispose(nd_fstory *st);
/* The k-th document of the story. */
const nd_doc *nd_fstory_doc(const nd_fstory *st, size_t k);
/* Folded text of a term (vocabulary-owned). */
const char *nd_fstory_text(const nd_fstory *st, uint32_t term, size_t *len);
/* Word classes of token i of story document d. */
nd_lex nd_fstory_lex(nd_fstory *st, const nd_doc *d, size_t i);
/* ND_SEEN_* of token i of story document d. */
uint32_t nd_fstory_seen(nd_fstory *st, const nd_doc *d, size_t i);
/* ND_SEEN_* of a folded word; 0 when the story does not have it. */
uint32_t nd_fstory_word_seen(const nd_fstory *st, const char *folded,
			     size_t len);
/* Length of the folded word s[0..len) without a trailing "'s": the word
 * lists know "Friday's" and "Kazakhstan's" by the bare word. */
size_t nd_fstory_bare_len(const char *s, size_t len);
/* Is token i of d the folded word w? */
bool nd_fstory_is(const nd_fstory *st, const nd_doc *d, size_t i,
		  const char *w);
/* Is token i of d one of the folded words of the NULL-ended list? */
bool nd_fstory_in(const nd_fstory *st, const nd_doc *d, size_t i,
		  const char *const *words);
/* Index of the first token of d that starts at or after byte off. */
size_t nd_fstory_tok_at(const nd_doc *d, size_t off);
/* Index of the sentence of d holding byte off, or the next one. */
size_t nd_fstory_sent_at(const nd_doc *d, size_t off);
/* Index in ments of the first mention of story document k at or after
 * byte off (doc_ment[k + 1] when none is): a binary search, mentions
 * being in text order. */
size_t nd_fstory_mention_at(const nd_fstory *st, uint32_t k, size_t off);
/* Key bytes of mention m in the pool. */
const char *nd_fstory_key(const nd_fstory *st, const nd_mention *m);

/* What lies between tokens i and i+1 of one sentence. */
typedef enum nd_gap {
	ND_GAP_NONE,   /* nothing: "3bn" */
	ND_GAP_SPACE,  /* spaces only, no-break ones included */
	ND_GAP_HYPHEN, /* one hyphen: "Kassym-Jomart", "20-year" */
	ND_GAP_OTHER
} nd_gap;

/* Does token i of d open a sentence, as the analyser says or as the text
 * shows: ". " before it where an abbreviation kept the sentence going
 * ("Hun Sen. Events"), an opening quotation mark, a colon? */
bool nd_fstory_initial(const nd_doc *d, size_t i);

/* The gap between tokens i and i+1 of d (ND_GAP_OTHER past the end). */
nd_gap nd_fstory_gap(const nd_doc *d, size_t i);
/* Are the bytes between tokens i and i+1 of d exactly s? False past the
 * end. */
bool nd_fstory_gap_is(const nd_doc *d, size_t i, const char *s);

/* Hash of a cue word, so titles and countries compare as integers. */
uint64_t nd_fstory_cue(const char *s, size_t len);
/* The cue of a gazetteer place ("Israel" for "Israeli" and "Israel"). */
uint64_t nd_fstory_place_cue(uint32_t place);

#endif
