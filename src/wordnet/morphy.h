/* Base forms of an inflected word, as WordNet's own morphy finds them:
 * the irregular forms of the exception lists, then the regular suffix
 * rules ("churches" -> "church", "running" -> "run"), keeping the forms
 * WordNet has. */
#ifndef ND_WORDNET_MORPHY_H
#define ND_WORDNET_MORPHY_H

#include <stddef.h> /* size_t */

#include "wordnet/wordnet.h"

/* Most base forms nd_wordnet_morphy reports for one part of speech. */
#define ND_MORPHY_MAX 8

/* Writes to bases[0..*n) (room for ND_MORPHY_MAX) the distinct lemmas of
 * word[0..len) (lower case) as pos: its exception-list bases, itself when
 * WordNet has it, and what the suffix rules make of it that WordNet has.
 * Returns 0 (*n may be 0) or ND_EFORMAT for malformed WordNet files. */
int nd_wordnet_morphy(nd_wn_word *bases, size_t *n, const nd_wordnet *wn,
		      nd_wn_pos pos, const char *word, size_t len);

#endif
