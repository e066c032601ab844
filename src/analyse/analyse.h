/* analyse: sentences, tokens, stems and one corpus vocabulary.
 *
 * Every later stage reads articles through nd_doc: sentences and tokens are
 * byte ranges into the cleaned text, and each token carries integer ids for
 * its folded form (term) and its stem, so comparing words never touches
 * strings and tokenising allocates nothing per token. */
#ifndef ND_ANALYSE_H
#define ND_ANALYSE_H

#include <stdbool.h> /* bool */
#include <stddef.h>  /* size_t */
#include <stdint.h>  /* uint32_t */

typedef struct nd_arena nd_arena;
typedef struct nd_vocab nd_vocab;

enum {
	ND_TOK_NUMBER = 1u << 0,  /* starts with a digit */
	ND_TOK_STOP = 1u << 1,    /* function word */
	ND_TOK_CAPITAL = 1u << 2, /* first letter is upper case */
	ND_TOK_ALLCAPS = 1u << 3, /* two or more letters, all upper case */
	ND_TOK_FIRST = 1u << 4    /* first word of its sentence */
};

typedef struct nd_token {
	uint32_t off;  /* byte offset in the article text */
	uint32_t len;
	uint32_t term; /* id of the folded form */
	uint32_t stem; /* id of the stem of the folded form */
	uint32_t flags;
} nd_token;

enum {
	ND_SENT_TITLE = 1u << 0,    /* the title line */
	ND_SENT_QUESTION = 1u << 1, /* ends with '?' */
	ND_SENT_QUOTE = 1u << 2     /* opens with a quotation mark */
};

typedef struct nd_sentence {
	uint32_t off;   /* byte range in the article text, trimmed */
	uint32_t len;
	uint32_t tok;   /* first token */
	uint32_t ntok;  /* tokens (words and numbers) */
	uint32_t para;  /* paragraph (line) index; the title line is 0 */
	uint32_t flags;
} nd_sentence;

/* One analysed article. Arrays live in the arena given to nd_analyse. */
typedef struct nd_doc {
	const char *text;
	size_t len;
	nd_token *toks;
	size_t ntoks;
	nd_sentence *sents;
	size_t nsents;
	size_t npara;
} nd_doc;

/* Creates a vocabulary with the Snowball stemmer for language ("english"
 * when NULL). Returns 0, ND_EINVAL for an unknown language, or ND_ENOMEM. */
int nd_vocab_create(nd_vocab **out, const char *language);
/* Accepts NULL. */
void nd_vocab_free(nd_vocab *v);
/* Does the stemmer know language (NULL: "english")? */
bool nd_vocab_language_known(const char *language);
size_t nd_vocab_term_count(const nd_vocab *v);
size_t nd_vocab_stem_count(const nd_vocab *v);
/* Folded form of a term; owned by v. */
const char *nd_vocab_term(const nd_vocab *v, uint32_t term, size_t *len);
/* Text of a stem, *len bytes (not NUL-terminated); owned by v. */
const char *nd_vocab_stem(const nd_vocab *v, uint32_t stem, size_t *len);
/* Term id of an already folded word, if the corpus has seen it. */
bool nd_vocab_lookup(const nd_vocab *v, const char *folded, size_t len,
		     uint32_t *term);
/* Is the folded word a stop word of the vocabulary's language? */
bool nd_vocab_is_stopword(const nd_vocab *v, const char *folded, size_t len);

/* Counts the distinct stems of d towards document frequencies. */
int nd_vocab_count_doc(nd_vocab *v, const nd_doc *d);
size_t nd_vocab_doc_count(const nd_vocab *v);
uint32_t nd_vocab_df(const nd_vocab *v, uint32_t stem);
/* Smoothed inverse document frequency of a stem, log(1 + (N+1)/(df+0.5)):
 * a table lookup after nd_vocab_fix_idf, a log otherwise. */
double nd_vocab_idf(const nd_vocab *v, uint32_t stem);
/* Computes every stem's IDF once, for the stages after analysis, which
 * weigh every word of every article; counting another document undoes it.
 * Returns 0 or ND_ENOMEM. */
int nd_vocab_fix_idf(nd_vocab *v);

/* Splits text[0..len) (one paragraph per line; the first line is the title
 * when title_len > 0) into sentences and tokens, adding new words to v.
 * Returns 0, ND_ETOOBIG (over 4 GiB or 2^31 tokens) or ND_ENOMEM. */
int nd_analyse(nd_doc *out, nd_vocab *v, nd_arena *arena, const char *text,
	       size_t len, size_t title_len);

/* Sorted distinct stems of the content words (not stop words) of sentence
 * s, written to out (room for max); returns how many. */
size_t nd_sentence_stems(const nd_doc *d, size_t s, uint32_t *out,
			 size_t max);
/* nd_sentence_similarity compares at most this many content words of a
 * sentence, its first ones. */
#define ND_SENT_STEMS_MAX 256

/* IDF-weighted overlap of the content stems of two sentences, in [0, 1]:
 * 1 for the same words, about 0.5 and more for a rewrite of one another. */
double nd_sentence_similarity(const nd_vocab *v, const nd_doc *da, size_t sa,
			      const nd_doc *db, size_t sb);

/* The analysed articles of a batch, as later stages see them. */
typedef struct nd_corpus {
	size_t n;
	const nd_doc *docs;
	const char *const *ids;       /* article ids */
	const char *const *titles;    /* "" when none */
	const char *const *published; /* "" when unknown */
	nd_vocab *vocab;
} nd_corpus;

#endif
