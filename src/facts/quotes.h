/* Direct quotations inside one paragraph.
 *
 * Marks: curly double, straight double, guillemets, low-high (German) and
 * curly single (four words or more only, never inside a double quotation;
 * an apostrophe inside a word does not close one). A double quotation
 * left open at the end of its paragraph runs to that end when it has six
 * words or more: the convention for quotes that go on in the next
 * paragraph. Fewer than three
 * words is a scare-quoted term ("neutrality"), not speech. */
#ifndef ND_FACTS_QUOTES_H
#define ND_FACTS_QUOTES_H

#include <stdbool.h> /* bool */
#include <stddef.h>  /* size_t */
#include <stdint.h>  /* uint32_t, uint64_t */

#include "facts/fstory.h"

/* Longest interrupting attribution, in tokens (", said Robert
 * Reischauer, a former director of the congressional budget office,"). */
#define ND_QUOTE_ATTRIBUTION_TOKENS 20
/* Longest quotation kept, in bytes (a joined one included), and most
 * quotations per story (past it the rest are not collected). */
#define ND_QUOTE_MAX 4096
#define ND_QUOTES_MAX (1u << 18)

typedef struct nd_qspan {
	uint32_t doc;          /* story position */
	uint32_t para;         /* paragraph (line) index */
	uint32_t para_off, para_end;
	uint32_t open, close;  /* from the opening mark to past the closing
				  one (or the paragraph end) */
	uint32_t off, len;     /* the quoted words, marks and edge spaces
				  and a trailing comma left out */
	uint32_t words;
	bool closed;
	bool reported;         /* "X said that …", no marks: indirect */
	bool anonymous;        /* its attribution names nobody ("said a
				  diplomat"): it borrows no speaker */
	bool fragment;         /* too short alone ("The temptation,"): kept
				  only as part of a joined quotation */
	uint32_t part_off, n_parts; /* a joined quotation's parts in
				       parts[], 0 when it is one; off, len
				       then run from the first part's
				       words to the last one's */
	uint32_t speaker;      /* entity, ND_FX_NONE when unresolved */
	uint32_t h_off, h_n;   /* folded word hashes, in order */
	uint32_t s_off, s_n;   /* the same, sorted and distinct */
} nd_qspan;

/* One part of a joined quotation: the bytes of its words. */
typedef struct nd_qpart {
	uint32_t off, len;
} nd_qpart;

typedef struct nd_quotes {
	nd_qspan *q;
	size_t n, cap;
	uint64_t *h; /* word hashes of all quotes */
	size_t nh, hcap;
	nd_qpart *parts;
	size_t n_parts, parts_cap;
} nd_quotes;

/* Appends the quotations of story document k (title line excepted) to qs,
 * in text order, speakers unresolved. 0 or ND_ENOMEM. */
int nd_quotes_find(nd_quotes *qs, const nd_fstory *st, uint32_t k);
/* Makes one quotation of the parts of document k's quotations, from q0
 * on, that are one: parts an attribution interrupts in mid-sentence
 * ("…," she said, "…": the first part ends with a comma, the attribution
 * has a speech verb, no sentence ends in it and a comma ends it), and a
 * quotation left open at a paragraph's end that the next paragraph takes
 * up with an opening mark, while the whole stays within ND_QUOTE_MAX. Run
 * after the speakers are resolved: the joined quotation keeps the first
 * part's speaker, else a later part's unless the first is anonymous.
 * 0 or ND_ENOMEM. */
int nd_quotes_join(nd_quotes *qs, nd_fstory *st, uint32_t k, size_t q0);
/* Appends reported speech of story document k: the clause at bytes
 * [off, off + len) of its text, said by speaker. 0 or ND_ENOMEM. */
int nd_quotes_add_reported(nd_quotes *qs, const nd_fstory *st, uint32_t k,
			   size_t off, size_t len, uint32_t speaker);
/* Frees the arrays; qs is empty afterwards. */
void nd_quotes_dispose(nd_quotes *qs);
/* Is cp a double quotation mark ('"', “, ”, „, «, »)? Single ones are
 * apostrophes as often. */
bool nd_quotes_double_mark(int32_t cp);

#endif
