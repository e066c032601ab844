/* What the tokenizer needs from the vocabulary beyond the public header. */
#ifndef ND_ANALYSE_VOCAB_INTERNAL_H
#define ND_ANALYSE_VOCAB_INTERNAL_H

#include <stdbool.h> /* bool */
#include <stddef.h>  /* size_t */
#include <stdint.h>  /* uint32_t */

#include "analyse/analyse.h"
#include "analyse/wordtab.h"

/* Growable arrays a document's tokens and sentences are gathered in
 * before they are copied into its arena. The vocabulary keeps them from
 * one document to the next, as it is the state of one run: they are not
 * grown and faulted in again for every document. */
typedef struct nd_analyse_scratch {
	nd_token *toks;
	size_t ntoks, tok_cap;
	nd_sentence *sents;
	size_t nsents, sent_cap;
} nd_analyse_scratch;

/* The scratch arrays of v, emptied. */
nd_analyse_scratch *nd_vocab__scratch(nd_vocab *v);

/* The vocabulary's terms as the tokenizer reads them to find a known word
 * without a call: the table from words to term ids and, per term, its
 * text with its stem as the value, and whether it is a stop word. */
typedef struct nd_vocab_terms {
	nd_wordtab tab;
	nd_word *words;
	unsigned char *stop;
} nd_vocab_terms;

/* The terms of v; the pointer stays valid as v grows. */
const nd_vocab_terms *nd_vocab__terms(const nd_vocab *v);

/* The words handed to the functions below may be read up to the next
 * multiple of ND_WORDTAB_PAD bytes past their length (the bytes there
 * being anything), so that they are hashed and compared a machine word
 * at a time; nd_wordtab_hash_padded places them in the term table. */

/* Adds the folded word, padded and hashed h, as a new term with its stem
 * (new too when so) at slot, the empty slot of the term table where the
 * caller's look-up of the word ended: a new word is not looked up again.
 * Its ids in *term and *stem, and whether it is a stop word. len is a
 * folded word's, below ND_FOLD_MAX. Returns 0 or ND_ENOMEM. */
int nd_vocab__add_term(nd_vocab *v, nd_wordtab_slot *slot, const char *folded,
		       size_t len, uint64_t h, uint32_t *term, uint32_t *stem,
		       bool *stop);

#endif
